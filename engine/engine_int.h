/*
 * engine_int.h - the engine's private state, shared by its source files
 * (engine.c: lifecycle and turn order; input.c: inputs; world.c: the world
 * API hooks call; score.c: scoring, metrics and the result). Nothing
 * outside engine/engine*.c, input.c, world.c and score.c includes it.
 */
#ifndef IRDRILL_ENGINE_INT_H
#define IRDRILL_ENGINE_INT_H

#include "engine/engine.h"
#include "engine/rng.h"

typedef enum phase { PH_NEW, PH_START, PH_PLAN, PH_END, PH_OVER } phase;

typedef struct sig_rec {
    char *id;
    int asset, truth, verdict;   /* verdict: -1 none, 0, 1 */
    int turn, tmpl;
} sig_rec;

typedef struct queued {
    action_inst pub;             /* what hooks see; strings point below */
    char *target;
    char **facts;
} queued;

typedef struct participant {
    char *name;
    uint64_t roles;
    bool ready;
} participant;

typedef struct score_rec {
    engine_score_entry pub;
    text reason;                 /* owned */
} score_rec;

typedef struct report_rec {
    engine_report pub;
    char **facts;                /* owned copies */
} report_rec;

#define VEC(T) struct { T *v; int n, cap; }

struct engine {
    const scen *sc;
    engine_hooks hooks;
    event_sink sink;
    uint64_t seed;
    engine_mode mode;
    bool hints_allowed;
    rng rng;

    int turn;
    phase ph;
    int finish_pending;          /* ending index, or -1 */
    const char *outcome;         /* points into sc or a literal */

    participant *parts; int nparts;
    uint64_t session_roles;      /* union of the participants' roles */

    bool (*state)[AF_COUNT];     /* ground truth, per asset */
    bool (*known)[AF_COUNT];     /* the team's knowledge is current */
    int *unavail_since;          /* minute it became unavailable, or -1 */
    bool *ever_compromised;

    VEC(sig_rec) sigs;
    /* sigs by id: an open-addressing table of indexes into sigs plus one
     * (0: empty), a power of two in size, at most half full (world.c). */
    int *sig_slots;
    int sig_nslots;
    VEC(queued) queue;
    VEC(score_rec) scores;
    VEC(report_rec) reports;
    int auto_sig;                /* counter for automatic signal ids */
    const char *last_sig;

    int *ap_used;                /* per role, this turn */
    bool *obj_met, *obj_missed;
    int *obj_minute;
    int *pen_count;
    bool *hint_taken;
    bool *trig_fired;
    bool *sig_seen;              /* declared templates emitted */

    engine_metrics m;
    int score;

    uint32_t seq;
    bool in_hook;
    int hook_events, turn_events;
    char err[512];
};

/* engine.c */
int eng_emit(engine *e, ev_vis vis, ev_kind kind, const char *role,
             const char *subject, const char *field, int64_t value,
             const char *attrs, const text *t);
int eng_minute(const engine *e);
int eng_run_hook(engine *e, int ref, const action_inst *a, bool *out);
int eng_end_turn(engine *e);
int eng_seterr(engine *e, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* world.c */
void world_avail_update(engine *e, int asset);
/* The signal emitted with this id, or NULL: O(1) on average, so long
 * sessions (up to ENGINE_MAX_SIGNALS signals) do not slow down. */
sig_rec *eng_find_sig(const engine *e, const char *id);

/* score.c */
void score_add(engine *e, const char *kind, const char *id, int points, const text *reason);
void score_check_objectives(engine *e);
void score_update_metrics(engine *e);
void score_finalize(engine *e);
void score_note_triage(engine *e, sig_rec *s, int verdict);
int score_add_report(engine *e, const queued *q, bool public_);

/* input.c */
int input_apply_queued(engine *e, queued *q);

#define VEC_PUSH(e, vec, item, fail)                                         \
    do {                                                                     \
        if ((vec).n == (vec).cap) {                                          \
            int nc_ = (vec).cap ? (vec).cap * 2 : 16;                        \
            void *p_ = realloc((vec).v, (size_t)nc_ * sizeof *(vec).v);      \
            if (!p_) { fail; }                                               \
            (vec).v = p_;                                                    \
            (vec).cap = nc_;                                                 \
        }                                                                    \
        (vec).v[(vec).n++] = (item);                                         \
    } while (0)

#endif
