/*
 * tui.h - the terminal interface as the rest of irdrill sees it.
 *
 * The screens never reach the engine, the Lua host or the database: they
 * read a view model folded from events (view.h) and change the session
 * only by sending input lines through a port. A port is a function and a
 * context: locally it is drill_input on a live drill (ui/tui/app.c); later
 * it can be a socket to a host, and the same screens serve a hosted drill.
 *
 * The commands (irdrill with no arguments, play, resume without --inputs,
 * replay) are in app.c; each returns the process exit status (0 success,
 * 1 the user's input is wrong, 2 the environment failed: no usable
 * terminal, no database).
 */
#ifndef IRDRILL_TUI_H
#define IRDRILL_TUI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A figure for the end-of-session summary; names as in store.h's metrics
 * (detect_minute, contain_minute, recover_minute, reports,
 * reports_on_time, false_positives, true_dismissed, hints, and
 * downtime.ASSET, actions.ROLE for each asset and role). */
typedef struct tui_metric {
    char name[80];
    long long value;
} tui_metric;

/* The named ones, and one of each kind per asset and per role. */
#define TUI_MAX_METRICS (16 + 2 * 64)

typedef struct tui_port {
    /* Check, record and apply one input line. Returns 0 when applied (1
     * for a blank line), or a negative code with a one-line reason in err
     * (the input was refused, or the database failed and the input was
     * not applied). */
    int (*input)(void *ctx, const char *line, char *err, size_t errlen);
    /* The session's metrics, for the summary at the end (may be NULL):
     * fills at most max and returns how many. */
    int (*metrics)(void *ctx, tui_metric *out, int max);
    void *ctx;
} tui_port;

/* One player at this terminal and the roles they hold (bit i = role i of
 * the scenario). */
typedef struct tui_player {
    const char *name;
    uint64_t roles;
} tui_player;

/* Commands (argv without the command name; argv[0] is the first
 * argument). The main menu takes the common flags --db, --lang and
 * --scenarios (irdrill --db x.db); tui_menu_flag says whether an argument
 * is one of them, for the command line to send it here. */
int tui_cmd_menu(int argc, char **argv);
bool tui_menu_flag(const char *arg);
int tui_cmd_play(int argc, char **argv);
int tui_cmd_resume(int argc, char **argv);
int tui_cmd_replay(int argc, char **argv);

#endif
