/*
 * drill.h - one live session: a loaded scenario, its engine and (unless
 * saving is off) its record in the store, kept in step.
 *
 * This is the glue every front end shares (headless run and resume, the
 * TUI, later the host of a live drill), so that each of them gets the same
 * guarantee: an input is checked, then committed to the database, then
 * applied; the consequences of every input are recorded in one
 * transaction; a session resumed after a crash continues exactly where its
 * committed inputs left it.
 *
 * Observers (a TUI's view model, a printer of hook errors) receive every
 * event through the sink given to drill_new/drill_resume; during a resume
 * the replayed events are delivered too (flagged by drill_replaying), so a
 * view folds the same stream whether the session is new or resumed.
 *
 * Ownership: a drill owns its lhost, engine and batch; the store is
 * borrowed (it must outlive the drill; NULL means no saving). Strings
 * returned live as long as the drill.
 */
#ifndef IRDRILL_DRILL_H
#define IRDRILL_DRILL_H

#include "engine/engine.h"
#include "engine/lhost.h"
#include "saves/store.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct drill drill;

typedef struct drill_opts {
    uint64_t seed;
    engine_mode mode;
    bool hints;                          /* exercise mode: hints allowed */
    const char *team;                    /* NULL: "" */
    lang lang;                           /* recorded with the session */
    const engine_participant *participants;   /* NULL: one player, every role */
    int nparticipants;
    int64_t parent;                      /* recorded as the session this one was
                                            forked (or reloaded) from; 0: none */
    int fork_seq;                        /* how many of parent's inputs it carries */
    int timer;                           /* the turn timer in seconds (recorded with
                                            the session for resume); 0: none */
} drill_opts;

/* Start a new session of the scenario h (the drill takes h, and frees it
 * on failure too). Without participants, one player named "solo" holds
 * every role (recorded as such). With a store,
 * the session row (and the scenario source, by hash) is written before this
 * returns, so the session exists before its first input is read. NULL on
 * failure with a one-line message in err; *status gets the exit status
 * (1 user, 2 environment). */
drill *drill_new(lhost *h, store *st, const drill_opts *o, const event_sink *sink,
                 char *err, size_t errlen, int *status);

/* Resume a recorded session: load it, check its record (store_verify_chain:
 * a record that does not hold together is refused), rebuild the scenario
 * from the stored source, replay its inputs (the replayed events reach the
 * sink with drill_replaying true), write any consequences a crash left
 * unrecorded, and leave it ready for the next input. A session that is not
 * active, or unknown, is refused with *status 1. A replay that ends the
 * session (the crash came before its end was recorded) records the end:
 * the drill is then over. */
drill *drill_resume(store *st, int64_t session, const event_sink *sink,
                    char *err, size_t errlen, int *status);

void drill_free(drill *d);

/* drill_input's code for a database failure. (The STORE_E* codes overlap
 * the engine's ENG_E* codes numerically, so they are not returned as
 * they are: drill_store_code gives the STORE_E* code of the failure.) */
#define DRILL_ESTORE (-100)

/* Check, commit, apply one input line. Returns ENG_OK, ENG_EMPTY (blank
 * or comment), ENG_EINPUT / ENG_EOVER (refused: message in drill_errmsg;
 * nothing recorded), ENG_ENOMEM, or DRILL_ESTORE when the database failed:
 * the message in drill_errmsg names the file; unless the session ended
 * with this input (then only its consequences are unrecorded, and a
 * resume writes them), the input was not applied. */
int drill_input(drill *d, const char *line);
const char *drill_errmsg(const drill *d);
/* The canonical form of the last input drill_input applied (what was
 * recorded, and what a replay applies); valid until the next input. */
const char *drill_last_input(const drill *d);
/* The STORE_E* code of the last DRILL_ESTORE. */
int drill_store_code(const drill *d);

/* Mark the session aborted (the players gave up) or leave it active. */
int drill_abort(drill *d);

/* Write the consequences not yet recorded (events, score lines, the
 * session row and its metrics) and close an open group. drill_input does
 * it by itself when the session ends; call it when the inputs end or the
 * player leaves. drill_free does it too, ignoring failures (which lose
 * nothing: a resume recomputes consequences), so call it first to hear
 * of them. STORE_OK or a negative STORE_E* code (drill_errmsg). */
int drill_sync(drill *d);

/* Group commit, for inputs that are durable elsewhere already: the lines
 * of a regular file. While on, drill_input still appends each input
 * before applying it, but inside a transaction that commits every 50 ms
 * or 4,096 inputs, at the end of the session, or at drill_sync, so one
 * fsync serves many inputs (and their consequences are written as event
 * blocks of a few hundred events). A crash loses the inputs of the open group
 * from the database (not from their file); the record stays a consistent
 * prefix of the session. A failed group commit breaks the drill
 * (drill_broken): its engine is then ahead of the record and the session
 * must be resumed. Off by default: interactive and piped inputs exist
 * nowhere else, and each is committed before it is applied. */
void drill_group_inputs(drill *d, bool on);
bool drill_broken(const drill *d);

/* For verify and replay: a drill on a loaded session (store_load), not
 * saving: the scenario rebuilt from the stored source (messages name the
 * recorded path), the engine built with the recorded seed, mode, hints and
 * participants, started, no input applied; drill_replaying is true until
 * drill_replay_done. NULL with a message and *status (1: the scenario no
 * longer loads or the record names roles it lacks; 2: out of memory). */
drill *drill_open_record(const store_loaded *l, const event_sink *sink, char *err,
                         size_t errlen, int *status);
/* Apply one recorded (canonical) input without recording it. ENG_OK, or
 * the engine's code with the reason in drill_errmsg. */
int drill_replay_input(drill *d, const char *line);
void drill_replay_done(drill *d);

/* The scenario of a recorded session as it was played: the stored source,
 * run after the stored standard library (or the built-in one when the
 * session recorded none: sessions older than schema version 4). NULL with
 * the problems as lhost_load gives them. */
lhost *drill_load_record(const store_loaded *l, sbuf *problems);

/* The session's metrics (docs/database.md, metrics) as its record keeps
 * them, for verify: *v and its names are malloc'd, free with
 * drill_metrics_free. STORE_OK or STORE_ENOMEM. */
int drill_metrics(drill *d, store_metric **v, int *n);
void drill_metrics_free(store_metric *v, int n);

engine *drill_engine(drill *d);
const scen *drill_scen(const drill *d);
int64_t drill_session(const drill *d);   /* 0 when not saved */
bool drill_replaying(const drill *d);

#endif
