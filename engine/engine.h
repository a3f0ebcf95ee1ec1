/*
 * engine.h - the world and its turns: the deterministic core of irdrill.
 *
 * An engine plays one session of one scenario: (scen, seed, inputs) ->
 * events and score, byte for byte the same every time. It knows nothing of
 * Lua, SQLite or curses. Scenario code is reached through engine_hooks
 * (the Lua host implements them; tests use fakes), and everything the
 * engine does is reported to an event_sink.
 *
 * Turn t, as product.md §2 orders it (m = turn_minutes):
 *   1. start: at(t) hooks, then every(n) hooks with t % n == 0, in
 *      declaration order; events stamped minute (t-1)*m;
 *   2. planning: inputs queue or cancel actions, checked at once (role,
 *      action points, target); nothing changes the world;
 *   3. end (when every participant is ready): queued actions that complete
 *      this turn resolve in queue order, each followed by its on() hooks;
 *      then when() triggers in declaration order (each fires once); then
 *      objectives; then the metrics (detect, contain, recover); then endings
 *      in declaration order, the first that holds ends the session; events
 *      stamped minute t*m;
 *   4. after turn max_turns with no ending, the outcome is "timeout".
 *
 * The world API (engine_signal, engine_set, ...) is what hooks call; each
 * validates its arguments, and returns 0 or a negative code with the reason
 * in engine_errmsg. Calls made from a hook are capped (ENGINE_HOOK_EVENTS)
 * so a script cannot exhaust memory by emitting.
 *
 * Ownership: the engine borrows its scen (which must outlive it) and owns
 * everything else. Strings returned by accessors live as long as the engine
 * unless said otherwise.
 */
#ifndef IRDRILL_ENGINE_H
#define IRDRILL_ENGINE_H

#include "engine/scen.h"
#include "engine/event.h"
#include "engine/sbuf.h"
#include <stdbool.h>
#include <stdint.h>

#define ENGINE_HOOK_EVENTS 256     /* events one hook call may cause */
#define ENGINE_TURN_EVENTS 8192    /* events one turn may cause */
#define ENGINE_MAX_SIGNALS 100000  /* signals in one session */
#define ENGINE_MAX_QUEUE 100000    /* actions queued in one session */
#define ENGINE_MAX_PARTICIPANTS 64

enum {
    ENG_OK = 0,
    ENG_EMPTY = 1,        /* a blank or comment-only input line: nothing to do */
    ENG_EINPUT = -1,      /* the input is invalid now (message says why) */
    ENG_EOVER = -2,       /* the session has ended */
    ENG_EARG = -3,        /* a world API call with bad arguments */
    ENG_ELIMIT = -4,      /* an emission cap was reached */
    ENG_ENOMEM = -5,
    ENG_EHOOK = -6,       /* a scenario hook failed (already reported as an event) */
};

typedef enum engine_mode { MODE_TRAINING = 0, MODE_EXERCISE = 1 } engine_mode;

typedef struct engine engine;

/* One queued action, as hooks see it. */
typedef struct action_inst {
    int qid;                 /* queue number within the session, from 1 */
    int action;              /* index into scen->actions */
    int role;                /* index into scen->roles */
    int turn_queued, turn_done;
    const char *target;      /* id or indicator text, or NULL */
    int verdict;             /* triage-style verdict: -1 none, 0 false, 1 true */
    const char *const *facts; int nfacts;
    bool cancelled, completed;
} action_inst;

/* How the engine reaches scenario code. call runs the hook ref with the
 * world (and the action, for action run/on hooks); predicates store their
 * result in *out (out is NULL for plain hooks). A failure returns nonzero
 * and errmsg gives "file:line: message". */
typedef struct engine_hooks {
    int (*call)(void *ctx, engine *e, int ref, const action_inst *a, bool *out);
    const char *(*errmsg)(void *ctx);
    void *ctx;
} engine_hooks;

typedef struct engine_participant {
    const char *name;        /* copied */
    uint64_t roles;          /* bit i = scen->roles[i] */
} engine_participant;

typedef struct engine_opts {
    uint64_t seed;
    engine_mode mode;
    bool hints;              /* hints allowed (always in training) */
    const engine_participant *participants;   /* NULL: one player, every role */
    int nparticipants;
} engine_opts;

/* A report or public statement the team sent. */
typedef struct engine_report {
    const char *to;          /* recipient or audience id */
    bool public_;            /* a "communicate" rather than a "report" */
    int minute, turn, role;
    const char *const *facts; int nfacts;
    bool on_time;            /* within the recipient's deadline from detection */
} engine_report;

typedef struct engine_metrics {
    /* detect, contain, recover: the scenario's metrics{} where it defines
     * them, else the default rules (docs/architecture.md); -1 never */
    int detect_minute;       /* default: first correct true triage of a true signal
                                about a compromised asset (or about no asset) */
    int first_compromise_minute;    /* -1 never */
    int contain_minute;      /* default: every compromised asset isolated or off */
    int recover_minute;      /* default: nothing compromised, every touched asset
                                serving; never before contain_minute */
    int *downtime;           /* per asset, minutes unavailable */
    int reports, reports_on_time;
    int false_positives;     /* false signals triaged true */
    int true_dismissed;      /* true signals triaged false */
    int *actions_per_role;   /* completed actions per role */
    int hints;
    int hook_errors;
} engine_metrics;

/* One line of the score. kind is "objective", "penalty", "hint", "award". */
typedef struct engine_score_entry {
    const char *kind, *id;
    int points, turn, minute;
    text reason;             /* award reason (borrowed); empty otherwise */
} engine_score_entry;

/* Create a session of scen. hooks and sink are copied; sink may have a NULL
 * emit. Returns NULL on OOM or bad options (a participant with no roles). */
engine *engine_new(const scen *sc, const engine_hooks *hooks,
                   const event_sink *sink, const engine_opts *opts);
void engine_free(engine *e);

/* Begin the session: the session event and turn 1's start hooks. */
int engine_start(engine *e);

/* Check one input line against the current state without changing
 * anything. On success fills canon with the canonical form (role always
 * explicit, single spaces) and returns ENG_OK; ENG_EMPTY for blank lines;
 * otherwise ENG_EINPUT/ENG_EOVER with the reason in engine_errmsg. */
int engine_input_check(engine *e, const char *line, sbuf *canon);

/* Apply a line that engine_input_check accepted (it is checked again).
 * Hook failures are reported as EVK_HOOK_ERROR events and do not stop the
 * session; the return is still ENG_OK. */
int engine_input_apply(engine *e, const char *line);

/* Check and apply. */
int engine_input(engine *e, const char *line);

const char *engine_errmsg(const engine *e);

/* State. */
const scen *engine_scen(const engine *e);
int engine_turn(const engine *e);
int engine_minutes(const engine *e);          /* start of the current phase */
bool engine_over(const engine *e);
const char *engine_outcome(const engine *e);  /* ending id, "timeout", or NULL */
int engine_score(const engine *e);
int engine_max_score(const engine *e);
engine_mode engine_get_mode(const engine *e);
uint64_t engine_seed(const engine *e);
bool engine_objective_met(const engine *e, int i);
int engine_objective_minute(const engine *e, int i);   /* -1 when not met */
int engine_penalty_count(const engine *e, int i);
const engine_metrics *engine_get_metrics(const engine *e);
/* Reports sent, score lines and queued actions, in order: a count and
 * the i-th item (NULL when i is out of range). */
int engine_report_count(const engine *e);
const engine_report *engine_report_at(const engine *e, int i);
int engine_score_count(const engine *e);
const engine_score_entry *engine_score_at(const engine *e, int i);
int engine_queue_count(const engine *e);
const action_inst *engine_queue_at(const engine *e, int i);
int engine_ap_left(const engine *e, int role);
bool engine_participant_ready(const engine *e, int p);
int engine_nparticipants(const engine *e);
uint32_t engine_event_count(const engine *e);
/* Whether a signal id has been emitted (its truth flag, or -1). */
int engine_signal_truth(const engine *e, const char *id);
/* Which triggers, signals (declared templates) and objectives have fired,
 * for simulate's coverage: arrays indexed like the scen's. */
const bool *engine_trigger_fired(const engine *e);
const bool *engine_signal_seen(const engine *e);

/* World API, for hooks. Asset and field arguments are indices. */
typedef struct engine_signal_spec {
    const char *id;          /* NULL: an automatic id "xN" */
    const char *source, *severity, *technique;
    int asset;               /* -1 for none */
    int truth;               /* 1 or 0 */
    const text *text;
    int tmpl;                /* index of the declared template, or -1 */
} engine_signal_spec;

int engine_signal(engine *e, const engine_signal_spec *sp);
/* The id of the signal the last successful engine_signal emitted. */
const char *engine_last_signal_id(const engine *e);
bool engine_asset_get(const engine *e, int asset, int field);
int engine_set(engine *e, int asset, int field, bool value);
int engine_compromise(engine *e, int asset, const char *technique);
int engine_note(engine *e, const text *t);
int engine_log(engine *e, const text *t);
int engine_reveal(engine *e, int asset, int field, const text *t);
bool engine_knows(const engine *e, int asset, int field);
double engine_rand_double(engine *e);
int64_t engine_random(engine *e, int64_t lo, int64_t hi);
bool engine_chance(engine *e, double p);
uint64_t engine_rand_bits(engine *e);
/* by_minute < 0: no limit. facts may be NULL with nfacts 0. */
bool engine_reported(const engine *e, const char *to, const char *const *facts,
                     int nfacts, int by_minute);
bool engine_flagged(const engine *e, const char *id);
/* A completed action of that verb (on that target when target != NULL). */
bool engine_did(const engine *e, const char *verb, const char *target);
int engine_penalize(engine *e, const char *penalty_id);
int engine_award(engine *e, int points, const text *reason);
int engine_finish(engine *e, const char *ending_id);

/* A self-test's expectations about metrics (scen_expect.has_metric,
 * metric_by) against this session: one reason per unmet expectation is
 * appended to why, after "; " when why is not empty ("metrics: contained
 * at minute 210, expected by minute 180"). Returns how many failed. */
int engine_expect_metrics(const engine *e, const scen_expect *x, sbuf *why);

/* The run --json result line (without newline); session may be NULL. */
void engine_result_json(const engine *e, const char *session, sbuf *out);

#endif
