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
 * still to end it. Whatever changes the acting role, the Actions pane
 * lists that role's actions (play_set_role).
 *
 * Facilitator mode (a truth view given): the screen stays the players'
 * screen, built from the team view; g opens the facilitator's view over
 * it - the ground truth (the real state of every system, the attacker's
 * moves, each signal's true nature), the score even in exercise mode, and
 * the facilitator's inputs (award or deduct points with a written reason,
 * a message to the team, ending the turn for everyone). Without a truth
 * view nothing of the ground truth can be shown.
 *
 * Turn timer (timer > 0): each turn gets that many seconds, counted from
 * when the screen first shows the turn (so a resumed session gets the
 * whole time again for its current turn); the countdown is in the status
 * bar. When it runs out the screen sends "facilitator end", an input like
 * any other. While the player is answering a question (a pick list, a
 * text field, a confirmation) the timer waits for the answer, at most
 * TIMER_GRACE_MS more, then closes the question and ends the turn.
 *
 * Ownership: a play borrows the views, port, players and labels given to
 * play_new (or play_rebind), which must outlive it.
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
    view *truth;                  /* facilitator mode: a truth view of the
                                     same session; NULL for players only */
    int timer;                    /* turn timer in seconds; 0: none */
    long long (*clock)(void);     /* milliseconds; NULL: crt_now_ms (tests
                                     give their own) */
    /* Reload the scenario from its file and carry the session's inputs
     * over into a new session (called with port.ctx; NULL: not offered).
     * It rebinds the screen to the new session (play_rebind) before it
     * returns 0 (every input carried over) or 1 (the replay stopped at an
     * input that no longer applies); a negative return means the screen
     * still plays the same session. Either way a one-line message for the
     * player is in msg. */
    int (*reload)(void *ctx, char *msg, size_t msglen);
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
/* Tell the screen that a resumed session's replay is over: the feed is
 * read as far as it was (items of earlier turns, and those that came
 * before the last input), the keyboard goes to the player whose turn it is
 * (the first still to end it), acting in the role of their last input, and
 * the summary opens if the session had ended. */
void play_resumed(play *p);

/* Show another session of the same kind (a reloaded scenario, see
 * play_opts.reload): the views, players and session label of o replace the
 * ones given before (port, hints, timer and clock stay); what the screen
 * derived from the old views is rebuilt, the acting role kept when the
 * new players still hold it (and its player is still to end the turn).
 * Then as play_resumed. 0, or -1 on OOM (the screen then still shows the
 * old session). */
int play_rebind(play *p, const play_opts *o);

/* For a screen loop with a clock: milliseconds until the countdown needs
 * the screen again (-1: no timer), and the tick (UI_* flags). */
int play_wait_ms(play *p);
int play_tick(play *p);

#endif
