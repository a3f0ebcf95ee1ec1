/*
 * ui.h - what the screens of ui/tui/ share: the flags a key handler
 * returns, the screen loop, and the words every screen uses for the same
 * things (clock, badges of assets and signals, one-line summaries of feed
 * items), so the play screen and the review always say it the same way.
 */
#ifndef IRDRILL_TUI_UI_H
#define IRDRILL_TUI_UI_H

#include "ui/tui/crt.h"
#include "ui/tui/draw.h"
#include "ui/tui/i18n.h"
#include "ui/tui/tui.h"
#include "ui/tui/view.h"

#include <stdbool.h>
#include <stddef.h>

/* What a key handler did: the key was used, the screen must be drawn
 * again, the screen is done. Handlers return flags; they never call each
 * other's drawing (htop's Panel/ScreenManager pattern). */
enum { UI_HANDLED = 1, UI_REDRAW = 2, UI_QUIT = 4 };

/* A screen for ui_loop. */
typedef struct ui_screen {
    void (*draw)(void *ctx, crt *c);
    int (*key)(void *ctx, int key);
    void *ctx;
    lang lg;                 /* for the "too small" notice */
    /* Optional, for a screen with a clock (a turn timer): how long the
     * loop may wait for a key before calling tick (-1: no need), and the
     * tick itself, which returns UI_* flags like a key handler. */
    int (*wait_ms)(void *ctx);
    int (*tick)(void *ctx);
} ui_screen;

/* Run a screen until its key handler returns UI_QUIT or a stop signal
 * arrives (then returns 1; 0 otherwise). Below CRT_MIN_COLS x
 * CRT_MIN_LINES it shows a notice instead, and the screen comes back when
 * the terminal is large enough again. A screen with a tick has it called
 * after every key and whenever its wait runs out, even while the screen
 * is too small (a clock does not stop because the window shrank). */
int ui_loop(crt *c, const ui_screen *s);
/* Draw one frame of s (or the notice): what ui_loop does per key. */
void ui_frame(crt *c, const ui_screen *s);

#define T(lg, id) i18n_str((lg), (id))

/* "08:15", or "day 2 08:15" past midnight, from the scenario's start. */
void ui_clock(const scen *sc, int minute, lang lg, char *buf, size_t size);

/* A sanitised copy of a scenario text in lg, in buf (cut to fit). */
const char *ui_text(const text *t, lang lg, char *buf, size_t size);
/* The names of things the scenario declares, sanitised into buf; the id
 * itself when the scenario has no such thing. */
const char *ui_asset_name(const scen *sc, const char *id, lang lg, char *buf, size_t size);
const char *ui_role_name(const scen *sc, int role, lang lg, char *buf, size_t size);
const char *ui_named(const scen_named *v, int n, const char *id, lang lg, char *buf, size_t size);

/* A badge: text in brackets and a style; NULL text for none. */
typedef struct ui_badge {
    msg_id id;
    int style;
} ui_badge;

/* The badges of an asset as the view knows it, most important first;
 * returns how many (at most max). */
int ui_asset_badges(const view *v, int asset, ui_badge *out, int max);
/* The badge of a severity ("low", "medium", "high", "critical"); other
 * values: the raw word. ui_severity_id gives its id (M_COUNT for a word
 * this program does not know). */
const char *ui_severity(const char *sev, lang lg, int *style);
msg_id ui_severity_id(const char *sev, int *style);
/* The name of an action's target (an asset, a recipient, an audience, a
 * helper; a signal or an indicator as it is), sanitised into buf. */
const char *ui_target_name(const scen *sc, int action, const char *target, lang lg, char *buf,
                           size_t size);
/* A role's name from its id (the id when the scenario has no such role). */
const char *ui_role_id_name(const scen *sc, const char *role, lang lg, char *buf, size_t size);
/* Fact ids "a,b" as their names "A, B". */
const char *ui_facts_names(const scen *sc, const char *facts, lang lg, char *buf, size_t size);
/* A feed item as one line (without time and marks) into buf, and its
 * badge and style. */
void ui_item_line(const view *v, const view_item *it, char *buf, size_t size, msg_id *badge,
                  int *style);
/* The full text of an item for a details pane, into an allocated string
 * (NULL on OOM). */
char *ui_item_details(const view *v, const view_item *it);

/* play_sum.c: the end-of-session summary of the session v holds (ended),
 * with its metrics m; saved: say where to review it. Allocated; NULL on
 * OOM. */
char *ui_summary(const view *v, const tui_metric *m, int nm, bool saved);
/* The outcome in words: "SUCCESS", "NOT ACHIEVED (time ran out)". */
void ui_outcome_words(const view *v, char *buf, size_t size);

/* Draw "[BADGE]" at (y, x) in at most maxw columns; returns the columns. */
int ui_draw_badge(crt *c, int y, int x, int maxw, lang lg, msg_id id, int style);

/* ui_row.c: rows every screen draws alike. A badge is never dropped
 * silently: the name (the item's text) gives way first, then badges take
 * their short forms (ui_badge_short), lose the spaces between them, and
 * only then do the last ones give way to "+N", which counts them. */

/* A badge's short form (the badge itself when it has none). */
msg_id ui_badge_short(msg_id id);
/* One asset's row of a systems board, w columns at (y, x): its name, then
 * its badges as v knows them. style is added to every part (reverse video
 * for the selection); name_style is the name's own. */
void ui_draw_asset_row(crt *c, int y, int x, int w, const view *v, const scen *sc, int asset,
                       lang lg, int name_style, int style);
/* One feed item, w columns at (y, x): an unread mark (UI_ROW_MARK), the
 * turn (UI_ROW_TURN), the time, its badges (a signal: severity, its truth
 * with UI_ROW_TRUTH, the team's verdict) and its line, cut with "…". */
enum { UI_ROW_MARK = 1, UI_ROW_TURN = 2, UI_ROW_TRUTH = 4 };
void ui_draw_item_row(crt *c, int y, int x, int w, const view *v, const view_item *it, int flags,
                      int style);
/* On the frame line y of a list w columns wide from x: how many rows are
 * above and below what it shows ("↑ 2 ↓ 5 more"); nothing when none. */
void ui_draw_more(crt *c, lang lg, int y, int x, int w, int above, int below);

#endif
