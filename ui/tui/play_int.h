/*
 * play_int.h - the inside of the play screen, shared by play.c (panes,
 * layout, the flow of choosing an action) and play_ov.c (overlays).
 */
#ifndef IRDRILL_TUI_PLAY_INT_H
#define IRDRILL_TUI_PLAY_INT_H

#include "ui/tui/field.h"
#include "ui/tui/play.h"

enum { PANE_ASSETS, PANE_FEED, PANE_ACTIONS, PANE_QUEUE, PANE_COUNT };

enum {
    OV_NONE, OV_HELP, OV_OBJECTIVES, OV_HINT, OV_PICK, OV_TEXT, OV_COMPOSE, OV_CONFIRM,
    OV_CANCEL, OV_END_TURN, OV_QUIT, OV_SUMMARY, OV_DETAIL,
    OV_FAC,          /* the facilitator's view: ground truth, score, controls */
    OV_FAC_END,      /* the facilitator ends the turn for everyone */
};

/* What the text overlay (OV_TEXT) asks for. */
enum { TEXT_INDICATOR, TEXT_POINTS, TEXT_REASON, TEXT_NOTE };

/* What a pick list chooses. */
enum { PICK_TARGET, PICK_VERDICT, PICK_ACTION };

typedef struct pick_item {
    char id[128];
    char label[384];
    int style;
} pick_item;

typedef struct rect { int y, x, h, w; } rect;

struct play {
    view *v;
    const scen *sc;
    lang lg;
    tui_port port;
    int (*reload)(void *ctx, char *msg, size_t msglen);
    tui_player solo;              /* the default single player */
    const tui_player *players;
    int nplayers;
    bool hints;
    const char *session;
    int role;                     /* the acting role */
    int focus;
    int sel[PANE_COUNT], top[PANE_COUNT];
    int *feed;                    /* feed rows: view item indices, oldest first */
    int nfeed, capfeed, feed_done;
    int unread;                   /* feed rows not read yet */
    int acts[256], nacts;         /* actions of the acting role */
    int *queue, nqueue, capqueue; /* queue rows: view action indices */
    /* overlays */
    int ov;
    int ov_sel, ov_top, ov_scroll;
    pick_item *pick;
    int npick, pick_kind;
    char pick_title[256];
    field fld;                    /* the text overlay's field */
    int text_kind;
    int compose_focus, compose_rsel, compose_fsel;
    bool *facts_on;
    char *doc;                    /* help, details, summary text */
    int doc_back;                 /* the overlay a closed doc returns to */
    /* the action being built */
    int b_action;
    char b_target[256];
    int b_verdict;
    int b_qid;
    /* messages */
    char msg[512];
    int msg_style;
    int seen_turn;
    bool summary_done;
    tui_metric metrics[TUI_MAX_METRICS];
    int nmetrics;
    /* facilitator mode (play_fac.c) */
    view *truth;                  /* the ground truth; NULL: players only */
    int *tfeed, ntfeed, captfeed, tfeed_done;   /* truth feed rows */
    int fac_scroll;
    int fac_points;               /* the award being written (negative: deduct) */
    /* the turn timer (play_fac.c) */
    int timer_s;                  /* 0: none */
    int timer_turn;               /* the turn the countdown is for */
    long long deadline;           /* crt_now_ms() when it runs out */
    long long (*clock)(void);
};

/* How long the turn timer waits for a question on screen to be answered
 * after the time is up before it ends the turn anyway (docs/tui.md). */
#define TIMER_GRACE_MS 30000

/* play.c */
void play_msg(play *p, int style, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Send one input line; on refusal the reason goes to the message line.
 * Returns the port's code. */
int play_send(play *p, const char *line);
/* Continue building the action in b_*: ask for what is missing, then
 * confirm. */
void play_next_step(play *p);
void play_start_action(play *p, int action, const char *target);
/* The player holding a role (index), or -1. */
int play_player_of(const play *p, int role);
const char *play_player_name(const play *p, int player);
void play_sync(play *p);
/* The feed item on a row (newest first), or NULL. */
const view_item *play_feed_item(const play *p, int row);
/* Make role the acting role (the only way it changes): the Actions pane
 * follows. */
void play_set_role(play *p, int role);
/* A player's first role (scen index), or -1. */
int play_first_role(const play *p, int player);
/* Mark the feed row (newest first) read. */
void play_read_row(play *p, int row);

/* play_act.c: shortcuts from the panes. The role that takes an action
 * (see play_role_for in play_act.c), or -1. */
int play_role_for(const play *p, int action);
void play_act_on_asset(play *p);
void play_triage_selected(play *p);
void play_cancel_selected(play *p);

/* The help text for this screen (its timer, facilitator mode), allocated. */
char *play_help_text(const play *p);

/* play_pane.c: the layout and the panes. */
void play_draw_panes(play *p, crt *c, int H, int W);
/* A queued action in words (role, action, target, verdict, facts). */
void play_queue_line(const play *p, const view_action *a, char *buf, size_t size);

/* play_fac.c: the facilitator's view and the turn timer. */
void fac_sync(play *p);
void fac_draw(play *p, crt *c, int H, int W);
int fac_key(play *p, int key);
/* Open the text overlay for kind (title already in pick_title). */
void play_open_text(play *p, int kind, const char *title);
/* After a key or a tick: restart the countdown for a new turn, end the
 * turn when it runs out. UI_* flags. */
int timer_check(play *p);
/* The countdown for the status bar into buf ("" without a timer). */
void timer_label(const play *p, char *buf, size_t size, bool *urgent);
/* Whether an overlay asking the player something is open. */
bool play_asking(const play *p);

/* play_input.c: the text field and the report composer. */
void ov_draw_text(play *p, crt *c, int H, int W);
void ov_draw_compose(play *p, crt *c, int H, int W);
int ov_text_key(play *p, int key);
int ov_compose_key(play *p, int key);

/* play_ov.c */
rect ov_centered(int H, int W, int h, int w);
void ov_draw(play *p, crt *c, int h, int w);
int ov_key(play *p, int key);
void ov_close(play *p);
void ov_open_doc(play *p, int kind, char *doc);
void ov_open_summary(play *p);
void ov_open_pick(play *p, int kind, const char *title);
/* Reset and fill pick lists. */
void ov_pick_clear(play *p);
int ov_pick_add(play *p, const char *id, const char *label, int style);

#endif
