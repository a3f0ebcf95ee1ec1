/*
 * sim_int.h - the bot's private state, shared by its two files:
 *   sim_view.c    what the team perceives (signals, indicators, what it has
 *                 learnt of each asset, its own queued actions) and how an
 *                 input line is built, checked and given;
 *   sim_policy.c  the random and greedy policies.
 * Nothing outside ui/sim_*.c includes it.
 */
#ifndef IRDRILL_SIM_INT_H
#define IRDRILL_SIM_INT_H

#include "ui/sim.h"
#include "engine/rng.h"

#define BOT_ID_MAX 72          /* ids are at most 64 bytes (scenario-api.md) */
#define BOT_MAX_INDICATORS 32
#define BOT_IND_MAX 64
#define BOT_MAX_FACTS 16       /* what one input line may carry (input.c) */

/* A signal the team received. */
typedef struct bot_signal {
    char id[BOT_ID_MAX];
    int asset;                 /* the asset it names, or -1 */
    int severity;              /* 0 info, 1 low, 2 medium, 3 high, 4 critical */
    int turn;                  /* turn it arrived */
    int verdict;               /* the verdict the bot gave: -1 none yet */
} bot_signal;

/* An address, domain or hash quoted in something the team was told. */
typedef struct bot_indicator {
    char text[BOT_IND_MAX];
    int signal;                /* index of the signal that quoted it, -1 for a note */
} bot_indicator;

/* The standard actions the greedy rules know by name (index or -1). */
enum {
    STD_TRIAGE, STD_INVESTIGATE, STD_ISOLATE, STD_RECONNECT, STD_SHUTDOWN, STD_START,
    STD_BLOCK, STD_RESET, STD_EVIDENCE, STD_ERADICATE, STD_PATCH, STD_RESTORE,
    STD_REPORT, STD_COMMUNICATE, STD_SUPPORT, STD_HINT, STD_WAIT, STD_COUNT
};
extern const char *const bot_std_ids[STD_COUNT];

struct sim_bot {
    const scen *sc;
    sim_policy policy;
    rng r;                     /* the bot's own generator, never the session's */
    int turn;
    bool oom;

    bot_signal *sigs;
    int nsigs, cap_sigs;
    bot_indicator ind[BOT_MAX_INDICATORS];
    int nind;

    int std[STD_COUNT];
    int *role_load;            /* per role: how many actions it may take */
    bool *own;                 /* per action: not one of the standard verbs */

    /* Refreshed at the start of each turn from the engine's queue (the
     * team's own actions) and from what the team knows of each asset. */
    int *last_done;            /* [action * nassets + asset]: turn completed, 0 never */
    bool *pending;             /* [action * nassets + asset]: queued, not done */
    int *sig_turn;             /* per asset: latest turn a signal named it, 0 none */
    bool *ever_comp;           /* per asset: the team has known it compromised */

    /* greedy */
    int incident_since;        /* turn the team first had an incident on, 0 not yet */
    int clean_since;           /* turn every known compromise was gone, 0 not now */
    int recovered_since;       /* turn every such asset was back in service, 0 not now */
    bool *use_own;             /* per action: this run uses the scenario's own action */
    unsigned lapses;           /* LAPSE_* bits: the steps this run leaves out */
    uint64_t audiences;        /* bit i: this run speaks to audience i (3 in 4 runs each:
                                  a statement can be the mistake) */
    int *comp_since;           /* per asset: turn it was last seen newly compromised */

    /* random */
    double activity;           /* chance of queuing one more action rather than ending */
    bool *off;                 /* per action: refused this turn, not tried again */

    sbuf line;                 /* the line being built */
    sbuf log;                  /* the lines given this turn */
};

/* The steps of the greedy rules a run may leave out (each with
 * probability 1/8), so that the bots also meet what a nearly right team
 * meets: the penalties and endings of a forgotten step. */
enum {
    LAPSE_CONTAIN = 1u << 0, LAPSE_EVIDENCE = 1u << 1, LAPSE_DEEP_LOOK = 1u << 2,
    LAPSE_PATCH = 1u << 3, LAPSE_RESET = 1u << 4, LAPSE_RESTORE = 1u << 5,
    LAPSE_COUNT = 6
};

/* sim_view.c */
/* Known compromised, known clean (not compromised, or cleaned), by the
 * team's current knowledge. */
bool bot_known(const sim_bot *b, const engine *e, int asset, int field, bool value);
/* Refresh the per-turn tables. */
void bot_refresh(sim_bot *b, const engine *e);
/* Index into last_done / pending. */
static inline int bot_at(const sim_bot *b, int action, int asset)
{
    return action * b->sc->nassets + asset;
}
/* Completed turn of the latest action ai on a non-asset target (a
 * recipient, an indicator); 0 never. *pending says one is queued. */
int bot_done_on(const engine *e, int ai, const char *target, bool *pending);
/* Whether action ai on target (NULL: any) was queued at turn >= since. */
bool bot_queued_since(const engine *e, int ai, const char *target, int since);

typedef enum bot_facts { FACTS_NONE, FACTS_ALL, FACTS_SOME } bot_facts;

/* Build "ROLE VERB [TARGET] [true|false] [--facts ...]" in b->line for
 * action ai with role r. */
void bot_render(sim_bot *b, int ai, int r, const char *target, int verdict, bot_facts facts);
/* Check b->line and, when valid, apply it. ENG_OK when given; ENG_EINPUT
 * when refused (nothing changed); ENG_ENOMEM. */
int bot_give(sim_bot *b, engine *e);
/* Give action ai with the first role that can (specialists first: the
 * role allowed the fewest actions). true when given. */
bool bot_try(sim_bot *b, engine *e, int ai, const char *target, int verdict, bot_facts facts);

/* sim_policy.c */
int bot_random_turn(sim_bot *b, engine *e);
int bot_greedy_turn(sim_bot *b, engine *e);

#endif
