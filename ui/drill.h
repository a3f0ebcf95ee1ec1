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
} drill_opts;

/* Start a new session of the scenario h (the drill takes h). With a store,
 * the session row (and the scenario source, by hash) is written before this
 * returns, so the session exists before its first input is read. NULL on
 * failure with a one-line message in err; *status gets the exit status
 * (1 user, 2 environment). */
drill *drill_new(lhost *h, store *st, const drill_opts *o, const event_sink *sink,
                 char *err, size_t errlen, int *status);

/* Resume a recorded session: load it, rebuild the scenario from the stored
 * source, replay its inputs (writing any consequences a crash left
 * unrecorded), and leave it ready for the next input. */
drill *drill_resume(store *st, int64_t session, const event_sink *sink,
                    char *err, size_t errlen, int *status);

void drill_free(drill *d);

/* Check, commit, apply one input line. Returns ENG_OK, ENG_EMPTY (blank
 * or comment), ENG_EINPUT / ENG_EOVER (refused: message in drill_errmsg;
 * nothing recorded), or a negative STORE_E* code when the database failed
 * (the input was not applied). */
int drill_input(drill *d, const char *line);
const char *drill_errmsg(const drill *d);

/* Mark the session aborted (the players gave up) or leave it active. */
int drill_abort(drill *d);

engine *drill_engine(drill *d);
const scen *drill_scen(const drill *d);
int64_t drill_session(const drill *d);   /* 0 when not saved */
bool drill_replaying(const drill *d);

#endif
