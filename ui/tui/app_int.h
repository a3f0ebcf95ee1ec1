/*
 * app_int.h - what the commands of the terminal interface share
 * (app.c: the commands and their flags; app_run.c: running a drill, a
 * resume or a review on an open terminal). This is the wiring between the
 * screens and the rest of irdrill: the only part of ui/tui/ that sees the
 * drill, the store and the scenario search path (and still neither Lua
 * nor SQLite headers).
 */
#ifndef IRDRILL_TUI_APP_INT_H
#define IRDRILL_TUI_APP_INT_H

#include "ui/cli.h"
#include "ui/drill.h"
#include "saves/store.h"
#include "ui/tui/crt.h"
#include "ui/tui/tui.h"

/* Players at this terminal: names (owned) and roles. */
typedef struct app_players {
    tui_player *v;
    engine_participant *parts;
    char **names;
    int n;
} app_players;

void app_players_free(app_players *p);
/* One player holding roles (all when roles is 0). 0, or -1 on OOM. */
int app_players_add(app_players *p, const char *name, uint64_t roles);

/* The outcome of running a screen: the exit status, and whether a stop
 * signal ended it (the caller then leaves at once). */
typedef struct app_result {
    int status;
    bool stopped;
    char err[1024];         /* a one-line reason when status != 0 */
    char note[512];         /* what to tell the user after leaving */
} app_result;

/* Start a new session of h (the drill takes h, even on failure) and play
 * it on c. st may be NULL (not saved). */
void app_play_new(crt *c, lhost *h, store *st, const drill_opts *o, const app_players *pl,
                  lang lg, app_result *res);
/* Resume session id of st and play it on c. */
void app_play_resume(crt *c, store *st, int64_t id, lang lg, app_result *res);
/* Review session id of st on c. */
void app_review(crt *c, store *st, int64_t id, lang lg, app_result *res);

/* Open the terminal for cmd: needs stdin and stdout to be a terminal
 * (otherwise the message names the command to use instead). NULL with the
 * message printed and *status set (CLI_EENV). */
crt *app_crt_open(const char *cmd, const char *instead, int *status);

#endif
