/*
 * play.h - the play screen of product.md §7: status bar, asset board,
 * signal feed, action panel with the queue, details, message line and key
 * hints, and its overlays (help, objectives, hint, pickers, report
 * composer, confirmations, end of turn, quit, end-of-session summary).
 *
 * The screen reads the view model and the scenario's declarations; every
 * change goes out as an input line through the port (tui.h) and comes
 * back as events folded into the view. Keys go to play_key, which returns
 * UI_* flags; play_draw draws a frame. Neither touches the terminal
 * beyond draw.h, so tests drive the screen with keys and read the screen
 * back (crt_peek).
 *
 * Hot seat: the players at this terminal each hold roles; the acting role
 * (always shown in the status bar) is the one actions are taken for and
 * whose player ends the turn with n; r / R switch it. When a player ends
 * the turn and others have not, the acting role moves to the next player
 * still to end it.
 *
 * Ownership: a play borrows the view, port, players and labels given to
 * play_new, which must outlive it.
 */
#ifndef IRDRILL_TUI_PLAY_H
#define IRDRILL_TUI_PLAY_H

#include "ui/tui/tui.h"
#include "ui/tui/ui.h"

typedef struct play play;

typedef struct play_opts {
    view *v;                      /* a team view of the session */
    tui_port port;
    const tui_player *players;    /* NULL: one player holding every role */
    int nplayers;
    bool hints;                   /* hints allowed (training, or enabled) */
    const char *session;          /* session id as text, NULL when not saved */
} play_opts;

play *play_new(const play_opts *o);
void play_free(play *p);

void play_draw(play *p, crt *c);
int play_key(play *p, int key);

/* A screen for ui_loop. */
ui_screen play_screen(play *p);

/* The acting role (scen index), and whether the summary is showing. */
int play_role(const play *p);
bool play_summary_open(const play *p);
/* Tell the screen that a resumed session's replay is over: items of earlier
 * turns are marked read, and the summary opens if the session had ended. */
void play_resumed(play *p);

#endif
