/* replay.c - the after-action review screen; see replay.h. */
#include "ui/tui/replay.h"
#include "ui/tui/textw.h"
#include "engine/sbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SIDE_TEAM, SIDE_TRUTH };

struct replay {
    const scen *sc;
    lang lg;
    const event *const *evs;
    int nevs;
    const char *label;
    view *team, *truth;
    int next;              /* next event to fold */
    int turn, last_turn;
    int side;              /* the side that scrolls */
    int scroll[2];
    char *doc;             /* Enter: the side's items of the turn in full; s: the summary */
    bool doc_summary;
    int doc_scroll;
    tui_metric *metrics;   /* the session's, for the summary */
    int nmetrics;
};

/* Fold events up to the end of turn t. */
static int fold_to(replay *r, int t)
{
    if (t < r->turn || !r->team) {
        view_free(r->team);
        view_free(r->truth);
        r->team = view_new(r->sc, r->lg, false);
        r->truth = view_new(r->sc, r->lg, true);
        r->next = 0;
        if (!r->team || !r->truth)
            return -1;
    }
    while (r->next < r->nevs && r->evs[r->next]->turn <= t) {
        view_fold(r->team, r->evs[r->next]);
        view_fold(r->truth, r->evs[r->next]);
        r->next++;
    }
    /* A turn's planning happens between its start and its end, so the
     * views show turn t as it ended. */
    r->turn = t;
    r->scroll[0] = r->scroll[1] = 0;
    return 0;
}

replay *replay_new(const scen *sc, lang lg, const event *const *evs, int nevs, const char *label)
{
    replay *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->sc = sc;
    r->lg = lg;
    r->evs = evs;
    r->nevs = nevs;
    r->label = label;
    for (int i = 0; i < nevs; i++)
        if (evs[i]->turn > r->last_turn)
            r->last_turn = evs[i]->turn;
    if (fold_to(r, r->last_turn > 0 ? 1 : 0) < 0) {
        replay_free(r);
        return NULL;
    }
    return r;
}

void replay_free(replay *r)
{
    if (!r)
        return;
    view_free(r->team);
    view_free(r->truth);
    free(r->doc);
    free(r->metrics);
    free(r);
}

int replay_set_metrics(replay *r, const tui_metric *m, int n)
{
    tui_metric *c = malloc((size_t)(n > 0 ? n : 1) * sizeof *c);
    if (!c)
        return -1;
    if (n > 0)
        memcpy(c, m, (size_t)n * sizeof *c);
    free(r->metrics);
    r->metrics = c;
    r->nmetrics = n;
    return 0;
}

/* The end-of-session summary, from the whole session (whatever turn is
 * shown), as the play screen showed it at the end. */
static char *summary_doc(replay *r)
{
    view *v = view_new(r->sc, r->lg, false);
    if (!v)
        return NULL;
    for (int i = 0; i < r->nevs; i++)
        view_fold(v, r->evs[i]);
    char *d = view_outcome(v) ? ui_summary(v, r->metrics, r->nmetrics, false)
                              : xstrdup(T(r->lg, M_MSG_SUMMARY_WHEN));
    view_free(v);
    return d;
}

int replay_turn(const replay *r) { return r->turn; }
int replay_last_turn(const replay *r) { return r->last_turn; }

static void draw_board(replay *r, crt *c, const view *v, int y, int x, int h, int w,
                       const char *title)
{
    draw_box(c, y, x, h, w, title, false);
    for (int a = 0; a < r->sc->nassets && a < h - 2; a++)
        ui_draw_asset_row(c, y + 1 + a, x + 1, w - 2, v, r->sc, a, r->lg, ST_NORMAL, 0);
}

/* Whether one side shows an item of the turn: the team's items, or the
 * ground truth (what only the truth view holds, and the signals with
 * their true nature). */
static bool on_side(const replay *r, const view_item *it, int side)
{
    return it->turn == r->turn &&
           (side == SIDE_TEAM || it->vis == EV_TRUTH || it->kind == EVK_SIGNAL);
}

/* The side's items of the turn in full, one after another. */
static char *side_doc(replay *r)
{
    const view *v = r->side == SIDE_TEAM ? r->team : r->truth;
    sbuf sb = SBUF_INIT;
    for (int i = 0; i < view_item_count(v); i++) {
        const view_item *it = view_item_at(v, i);
        if (!on_side(r, it, r->side))
            continue;
        char *d = ui_item_details(v, it);
        if (sb.len)
            sb_puts(&sb, "\n\n");
        sb_puts(&sb, d ? d : "?");
        free(d);
    }
    if (!sb.len)
        sb_puts(&sb, T(r->lg, M_NOTHING));
    if (sb.oom) {
        sb_free(&sb);
        return NULL;
    }
    return sb_take(&sb);
}

/* The items of turn t that one side shows: the team's items, or the
 * ground truth (what only the truth view holds, and the signals with
 * their true nature). */
static void draw_items(replay *r, crt *c, const view *v, int side, int y, int x, int h, int w,
                       const char *title)
{
    draw_box(c, y, x, h, w, title, side == r->side);
    int n = view_item_count(v), rows = h - 2, total = 0;
    for (int i = 0; i < n; i++)
        total += on_side(r, view_item_at(v, i), side);
    /* The column scrolls as far as its last item, no further. */
    if (r->scroll[side] > total - rows)
        r->scroll[side] = total - rows;
    if (r->scroll[side] < 0)
        r->scroll[side] = 0;
    int row = 0, skip = r->scroll[side];
    for (int i = 0; i < n && row < rows; i++) {
        const view_item *it = view_item_at(v, i);
        if (!on_side(r, it, side))
            continue;
        if (skip > 0) {
            skip--;
            continue;
        }
        ui_draw_item_row(c, y + 1 + row, x + 1, w - 2, v, it, side == SIDE_TRUTH ? UI_ROW_TRUTH : 0,
                         0);
        row++;
    }
    if (total == 0)
        draw_str(c, y + 1, x + 1, w - 2, T(r->lg, M_NOTHING), ST_DIM);
    ui_draw_more(c, r->lg, y + h - 1, x, w, r->scroll[side],
                 total - r->scroll[side] - rows > 0 ? total - r->scroll[side] - rows : 0);
}

void replay_draw(replay *r, crt *c)
{
    int H, W;
    crt_size(c, &H, &W);
    char head[512], turn[64], clk[64], title[256];
    draw_fill(c, 0, 0, W, ST_STATUS);
    if (r->turn == 0)
        snprintf(turn, sizeof turn, "%s", T(r->lg, M_START_OF));
    else
        snprintf(turn, sizeof turn, T(r->lg, M_TURN_OF), r->turn, r->last_turn);
    ui_clock(r->sc, view_minute(r->team), r->lg, clk, sizeof clk);
    snprintf(head, sizeof head, T(r->lg, M_REVIEW_OF), r->label);
    char right[256];
    char score[64];
    snprintf(score, sizeof score, T(r->lg, M_SCORE), view_score_total(r->team),
             scen_max_score(r->sc));
    snprintf(right, sizeof right, " %s %s | %s ", turn, clk, score);
    int rw = tw_width(right);
    ui_text(&r->sc->title, r->lg, title, sizeof title);
    char left[800];
    snprintf(left, sizeof left, "%s: %s", head, title);
    draw_str_cut(c, 0, 1, W - rw - 2, left, ST_STATUS | ST_BOLD);
    draw_str_cut(c, 0, W - rw, rw, right, ST_STATUS);
    int half = W / 2;
    int bh = r->sc->nassets + 2;
    if (bh > (H - 3) / 2)
        bh = (H - 3) / 2;
    draw_board(r, c, r->team, 1, 0, bh, half, T(r->lg, M_ASSETS));
    draw_board(r, c, r->truth, 1, half, bh, W - half, T(r->lg, M_D_TRUTH));
    draw_items(r, c, r->team, SIDE_TEAM, 1 + bh, 0, H - 3 - bh, half, T(r->lg, M_TEAM_VIEW));
    draw_items(r, c, r->truth, SIDE_TRUTH, 1 + bh, half, H - 3 - bh, W - half,
               T(r->lg, M_GROUND_TRUTH));
    if (view_outcome(r->team)) {
        char words[256], msg[1024];
        ui_outcome_words(r->team, words, sizeof words);
        const char *txt = view_ending_text(r->team);
        snprintf(msg, sizeof msg, T(r->lg, M_OUTCOME), words);
        size_t l = strlen(msg);
        if (*txt)
            snprintf(msg + l, sizeof msg - l, ". %.*s", (int)strcspn(txt, "\n"), txt);
        draw_str_cut(c, H - 2, 1, W - 2, msg, view_success(r->team) ? ST_OK : ST_ALERT);
    }
    draw_str_cut(c, H - 1, 1, W - 2, T(r->lg, M_KEYS_REPLAY), ST_DIM);
    if (r->doc) {
        int w = W - 4 < 100 ? W - 4 : 100, h = H - 2;
        int y = 1, x = (W - w) / 2;
        draw_panel(c, y, x, h, w, T(r->lg, r->doc_summary ? M_SUMMARY
                                           : r->side == SIDE_TEAM ? M_TEAM_VIEW : M_GROUND_TRUTH));
        int rows = h - 3, total = draw_wrap(c, 0, 0, 0, w - 4, r->doc, 0, ST_NORMAL);
        if (r->doc_scroll > total - rows)
            r->doc_scroll = total - rows;
        if (r->doc_scroll < 0)
            r->doc_scroll = 0;
        draw_wrap(c, y + 1, x + 2, rows, w - 4, r->doc, r->doc_scroll, ST_NORMAL);
        ui_draw_more(c, r->lg, y + h - 1, x, w, r->doc_scroll,
                     total - r->doc_scroll - rows > 0 ? total - r->doc_scroll - rows : 0);
        draw_str_cut(c, y + h - 2, x + 2, w - 4, T(r->lg, M_KEYS_SCROLL), ST_DIM);
    }
}

int replay_key(replay *r, int key)
{
    if (r->doc) {
        switch (key) {
        case TK_UP: case 'k': r->doc_scroll--; break;
        case TK_DOWN: case 'j': r->doc_scroll++; break;
        case TK_PGUP: r->doc_scroll -= 10; break;
        case TK_PGDN: case ' ': r->doc_scroll += 10; break;
        case TK_HOME: r->doc_scroll = 0; break;
        case TK_END: r->doc_scroll = 1000000; break;
        case TK_ESC: case 'q': case TK_ENTER:
            free(r->doc);
            r->doc = NULL;
            break;
        default:
            return UI_HANDLED;
        }
        if (r->doc_scroll < 0)
            r->doc_scroll = 0;
        return UI_REDRAW;
    }
    switch (key) {
    case TK_ENTER:
        r->doc = side_doc(r);
        r->doc_summary = false;
        r->doc_scroll = 0;
        return UI_REDRAW;
    case 's':
        r->doc = summary_doc(r);
        r->doc_summary = true;
        r->doc_scroll = 0;
        return UI_REDRAW;
    case TK_RIGHT: case 'l': case ' ': case 'n':
        if (r->turn < r->last_turn)
            fold_to(r, r->turn + 1);
        return UI_REDRAW;
    case TK_LEFT: case 'h': case 'p':
        if (r->turn > 0)
            fold_to(r, r->turn - 1);
        return UI_REDRAW;
    case TK_HOME:
        fold_to(r, 0);
        return UI_REDRAW;
    case TK_END:
        fold_to(r, r->last_turn);
        return UI_REDRAW;
    case TK_TAB: case TK_BTAB:
        r->side ^= 1;
        return UI_REDRAW;
    case TK_DOWN: case 'j':
        r->scroll[r->side]++;
        return UI_REDRAW;
    case TK_UP: case 'k':
        if (r->scroll[r->side] > 0)
            r->scroll[r->side]--;
        return UI_REDRAW;
    case 'q': case TK_ESC:
        return UI_QUIT;
    default:
        return UI_HANDLED;
    }
}

static void screen_draw(void *ctx, crt *c) { replay_draw(ctx, c); }
static int screen_key(void *ctx, int key) { return replay_key(ctx, key); }

ui_screen replay_screen(replay *r)
{
    ui_screen s = { .draw = screen_draw, .key = screen_key, .ctx = r, .lg = r->lg };
    return s;
}
