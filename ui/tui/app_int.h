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
#include "ui/tui/play.h"
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
    /* the same, for the menu to say in its language */
    int64_t session;        /* 0: not saved (or no session) */
    bool played, over;
    char outcome[128];
    int score, max_score;
} app_result;

/* How a drill is run at this terminal. The timer a session starts with
 * is recorded with it (drill_opts.timer); facilitator mode is not (resume
 * is told again, by flag or in the menu). */
typedef struct app_show {
    int timer;              /* turn timer in seconds; 0: none; for a resume,
                               -1: the one the session was recorded with */
    bool facilitator;       /* the facilitator's view (g) is offered */
} app_show;

/* The longest turn timer accepted (a day). */
#define APP_TIMER_MAX 86400

/* Start a new session of h (the drill takes h, even on failure) and play
 * it on c. st may be NULL (not saved). */
void app_play_new(crt *c, lhost *h, store *st, const drill_opts *o, const app_players *pl,
                  lang lg, const app_show *sh, app_result *res);
/* Resume session id of st and play it on c. */
void app_play_resume(crt *c, store *st, int64_t id, lang lg, const app_show *sh,
                     app_result *res);

/* ---- a session on the play screen (app_run.c, app_reload.c) ------------- */

/* One session as the screen shows it: the drill, the views folded from
 * its events, its players, and the inputs applied so far (canonical, for
 * a reload to carry over). Heap-allocated: the drill's sink points at it. */
typedef struct app_gen {
    drill *d;
    lhost *names;           /* resume: the scenario the views read; else NULL */
    view *v, *truth;        /* truth: facilitator mode only */
    app_players pl;
    char **lines;
    int nlines, caplines;
    bool lines_lost;        /* out of memory keeping them: no reload */
    char label[32];         /* the session id as text */
} app_gen;

/* What the play screen's port and reload work on. */
typedef struct app_live {
    app_gen *g;
    store *st;
    play *p;
    app_show sh;
    lang lg;
    /* the session's settings, which a reload keeps */
    uint64_t seed;
    engine_mode mode;
    bool hints;
    char *team;
    lang slang;
    char *path;             /* the scenario file, as recorded */
} app_live;

/* An empty generation with views of sc (a truth view too in facilitator
 * mode), or NULL on OOM. */
app_gen *app_gen_new(const scen *sc, lang lg, bool facilitator);
void app_gen_free(app_gen *g);
/* The sink that folds a drill's events into g's views. */
event_sink app_gen_sink(app_gen *g);
/* Remember an applied input (canonical). 0, or -1 on OOM. */
int app_gen_line(app_gen *g, const char *line);
/* The players as the screen wants them, and the play_opts for g. */
void app_live_opts(app_live *a, play_opts *po);

/* play_opts.reload for an app_live (app_reload.c). */
int app_reload(void *ctx, char *msg, size_t msglen);
/* Review session id of st on c. */
void app_review(crt *c, store *st, int64_t id, lang lg, app_result *res);

/* Open the terminal for cmd (NULL: the main menu, whose messages name no
 * command): needs stdin and stdout to be a terminal (otherwise the
 * message names the command to use instead). NULL with the message
 * printed and *status set (CLI_EENV). */
crt *app_crt_open(const char *cmd, const char *instead, int *status);

#endif
