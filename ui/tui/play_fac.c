/*
 * play_fac.c - the facilitator's view over the play screen (g, in
 * facilitator mode) and the turn timer (see play.h).
 *
 * The facilitator's view is drawn from the truth view only: the real
 * state of every system, the ground-truth items (the attacker's moves,
 * hidden state changes, hook errors, the facilitator's own commands) and
 * every signal with its true nature beside the team's verdict, and the
 * score even in exercise mode. Its controls send facilitator inputs
 * (award, deduct, note, end) through the port like any other input.
 */
#include "ui/tui/play_int.h"
#include "ui/tui/textw.h"
#include "engine/sbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the ground-truth feed ---------------------------------------------- */

/* What the facilitator's feed shows of the truth view: what the players
 * cannot see (truth events) and the signals, whose truth it adds. */
static bool truth_row(const view_item *it)
{
    return it->vis == EV_TRUTH || it->kind == EVK_SIGNAL;
}

void fac_sync(play *p)
{
    if (!p->truth)
        return;
    int n = view_item_count(p->truth);
    for (; p->tfeed_done < n; p->tfeed_done++) {
        if (!truth_row(view_item_at(p->truth, p->tfeed_done)))
            continue;
        if (p->ntfeed == p->captfeed) {
            int nc = p->captfeed ? p->captfeed * 2 : 64;
            int *nf = realloc(p->tfeed, (size_t)nc * sizeof *nf);
            if (!nf)
                break;
            p->tfeed = nf;
            p->captfeed = nc;
        }
        p->tfeed[p->ntfeed++] = p->tfeed_done;
    }
}

/* ---- drawing -------------------------------------------------------------- */

static void fac_board(play *p, crt *c, rect r)
{
    draw_box(c, r.y, r.x, r.h, r.w, T(p->lg, M_FAC_SYSTEMS), false);
    int iw = r.w - 2;
    for (int a = 0; a < p->sc->nassets && a < r.h - 2; a++) {
        ui_draw_asset_row(c, r.y + 1 + a, r.x + 1, iw, p->truth, p->sc, a, p->lg, ST_NORMAL, 0);
    }
}

static void fac_score(play *p, crt *c, rect r)
{
    char title[256];
    snprintf(title, sizeof title, T(p->lg, M_SCORE), view_score_total(p->v),
             scen_max_score(p->sc));
    if (view_exercise(p->v) && !view_outcome(p->v)) {
        size_t l = strlen(title);
        snprintf(title + l, sizeof title - l, " (%s)", T(p->lg, M_FAC_HIDDEN));
    }
    draw_box(c, r.y, r.x, r.h, r.w, title, false);
    int rows = r.h - 2, n = view_score_count(p->v);
    if (n == 0)
        draw_str(c, r.y + 1, r.x + 1, r.w - 2, T(p->lg, M_FAC_NO_SCORE), ST_DIM);
    /* The latest lines, oldest of them first. */
    int first = n > rows ? n - rows : 0;
    for (int i = first; i < n; i++) {
        const view_score *s = view_score_at(p->v, i);
        char pts[32];
        snprintf(pts, sizeof pts, "%+5d ", s->points);
        int y = r.y + 1 + (i - first), x = r.x + 1;
        int w = draw_str(c, y, x, r.w - 2, pts, s->points < 0 ? ST_ALERT : ST_OK);
        draw_str_cut(c, y, x + w, r.w - 2 - w, s->text[0] ? s->text : s->id, ST_NORMAL);
    }
}

static void fac_feed(play *p, crt *c, rect r)
{
    draw_box(c, r.y, r.x, r.h, r.w, T(p->lg, M_FAC_FEED), true);
    int rows = r.h - 2, iw = r.w - 2;
    if (p->fac_scroll > p->ntfeed - rows)
        p->fac_scroll = p->ntfeed - rows;
    if (p->fac_scroll < 0)
        p->fac_scroll = 0;
    if (p->ntfeed == 0)
        draw_str(c, r.y + 1, r.x + 1, iw, T(p->lg, M_FEED_EMPTY), ST_DIM);
    for (int i = 0; i < rows; i++) {
        int row = p->fac_scroll + i;
        if (row >= p->ntfeed)
            break;
        const view_item *it = view_item_at(p->truth, p->tfeed[p->ntfeed - 1 - row]);
        ui_draw_item_row(c, r.y + 1 + i, r.x + 1, iw, p->truth, it, UI_ROW_TURN | UI_ROW_TRUTH, 0);
    }
    ui_draw_more(c, p->lg, r.y + r.h - 1, r.x, r.w, p->fac_scroll,
                 p->ntfeed - p->fac_scroll - rows > 0 ? p->ntfeed - p->fac_scroll - rows : 0);
}

void fac_draw(play *p, crt *c, int H, int W)
{
    if (!p->truth)
        return;
    fac_sync(p);
    int top = 1, h = H - 3;
    for (int y = top; y < top + h; y++)
        draw_fill(c, y, 0, W, ST_NORMAL);
    int bh = p->sc->nassets + 2;
    if (bh > h / 2)
        bh = h / 2;
    if (bh < 4)
        bh = 4;
    int half = W > 120 ? W * 11 / 20 : W / 2;
    fac_board(p, c, (rect){ top, 0, bh, half });
    fac_score(p, c, (rect){ top, half, bh, W - half });
    fac_feed(p, c, (rect){ top + bh, 0, h - bh, W });
    draw_fill(c, H - 1, 0, W, ST_NORMAL);
    draw_str_cut(c, H - 1, 1, W - 2, T(p->lg, M_KEYS_FAC), ST_DIM);
}

/* ---- keys ----------------------------------------------------------------- */

/* The ground truth of the current turn in full, newest first: for Enter,
 * since a line of the feed is cut to the screen's width. */
static char *turn_in_full(play *p)
{
    sbuf sb = SBUF_INIT;
    int turn = view_turn(p->truth);
    for (int row = 0; row < p->ntfeed; row++) {
        const view_item *it = view_item_at(p->truth, p->tfeed[p->ntfeed - 1 - row]);
        if (it->turn < turn)
            break;
        char *d = ui_item_details(p->truth, it);
        if (sb.len)
            sb_puts(&sb, "\n\n");
        sb_puts(&sb, d ? d : "?");
        free(d);
    }
    if (!sb.len)
        sb_puts(&sb, T(p->lg, M_NOTHING));
    if (sb.oom) {
        sb_free(&sb);
        return NULL;
    }
    return sb_take(&sb);
}

int fac_key(play *p, int key)
{
    switch (key) {
    case 'g': case TK_ESC: case 'q':
        ov_close(p);
        return UI_REDRAW;
    case TK_UP: case 'k': p->fac_scroll--; return UI_REDRAW;
    case TK_DOWN: case 'j': p->fac_scroll++; return UI_REDRAW;
    case TK_PGUP: p->fac_scroll -= 10; return UI_REDRAW;
    case TK_PGDN: case ' ': p->fac_scroll += 10; return UI_REDRAW;
    case TK_HOME: p->fac_scroll = 0; return UI_REDRAW;
    case TK_END: p->fac_scroll = 1000000; return UI_REDRAW;
    case '?':
        ov_open_doc(p, OV_HELP, play_help_text(p));
        p->doc_back = OV_FAC;
        return UI_REDRAW;
    case TK_ENTER: {
        char *d = turn_in_full(p);
        if (d) {
            ov_open_doc(p, OV_DETAIL, d);
            p->doc_back = OV_FAC;
        }
        return UI_REDRAW;
    }
    default:
        break;
    }
    if (view_outcome(p->v) && (key == 'a' || key == 'd' || key == 'm' || key == 'e')) {
        play_msg(p, ST_WARN, "%s", T(p->lg, M_MSG_OVER));
        return UI_REDRAW;
    }
    switch (key) {
    case 'a': case 'd':
        p->fac_points = key == 'a' ? 1 : -1;
        play_open_text(p, TEXT_POINTS, T(p->lg, key == 'a' ? M_FAC_AWARD : M_FAC_DEDUCT));
        return UI_REDRAW;
    case 'm':
        play_open_text(p, TEXT_NOTE, T(p->lg, M_FAC_NOTE));
        return UI_REDRAW;
    case 'e':
        p->ov = OV_FAC_END;
        return UI_REDRAW;
    default:
        return UI_HANDLED;
    }
}

/* ---- the turn timer ------------------------------------------------------- */

bool play_asking(const play *p)
{
    switch (p->ov) {
    case OV_PICK: case OV_TEXT: case OV_COMPOSE: case OV_CONFIRM: case OV_CANCEL:
    case OV_END_TURN: case OV_QUIT: case OV_HINT: case OV_FAC_END:
        return true;
    default:
        return false;
    }
}

static bool timer_on(const play *p)
{
    return p->timer_s > 0 && !view_outcome(p->v);
}

int timer_check(play *p)
{
    if (!timer_on(p))
        return 0;
    long long now = p->clock();
    int turn = view_turn(p->v);
    if (turn != p->timer_turn) {
        /* A new turn (or the first one this screen shows): the whole time. */
        p->timer_turn = turn;
        p->deadline = now + p->timer_s * 1000LL;
        return UI_REDRAW;
    }
    if (now < p->deadline)
        return 0;
    bool asking = play_asking(p);
    if (asking && now < p->deadline + TIMER_GRACE_MS)
        return 0;
    /* What the question was, to say what became of it. */
    int asked = asking ? p->ov : OV_NONE, qid = p->b_qid;
    bool typed_fac = asked == OV_TEXT && p->text_kind != TEXT_INDICATOR;
    if (asking)
        ov_close(p);           /* the half-given answer is dropped */
    int rc = play_send(p, "facilitator end");
    if (rc < 0) {
        /* Refused (the reason is on the message line): try again after
         * another full turn's time, not at every tick. */
        p->deadline = now + p->timer_s * 1000LL;
        return UI_REDRAW;
    }
    char was[sizeof p->msg];
    snprintf(was, sizeof was, "%s", p->msg);
    char up[256];
    switch (asked) {
    case OV_PICK: case OV_COMPOSE: case OV_CONFIRM:
        snprintf(up, sizeof up, T(p->lg, M_MSG_TIME_UP_DROP), turn);
        break;
    case OV_TEXT:
        snprintf(up, sizeof up, T(p->lg, typed_fac ? M_MSG_TIME_UP_TEXT : M_MSG_TIME_UP_DROP), turn);
        break;
    case OV_CANCEL:
        snprintf(up, sizeof up, T(p->lg, M_MSG_TIME_UP_CANCEL), turn, qid);
        break;
    case OV_HINT:
        snprintf(up, sizeof up, T(p->lg, M_MSG_TIME_UP_HINT), turn);
        break;
    default:
        /* Ending the turn, quitting: nothing was lost. */
        snprintf(up, sizeof up, T(p->lg, M_MSG_TIME_UP), turn);
        break;
    }
    play_msg(p, ST_WARN, "%s %s", up, was);
    return UI_REDRAW;
}

void timer_label(const play *p, char *buf, size_t size, bool *urgent)
{
    *urgent = false;
    buf[0] = '\0';
    if (!timer_on(p))
        return;
    long long left = p->timer_turn == view_turn(p->v) ? p->deadline - p->clock()
                                                      : p->timer_s * 1000LL;
    if (left <= 0) {
        snprintf(buf, size, "%s", T(p->lg, M_TIMER_UP));
        *urgent = true;
        return;
    }
    long long secs = (left + 999) / 1000;
    snprintf(buf, size, T(p->lg, M_TIMER_LEFT), (int)(secs / 60), (int)(secs % 60));
    *urgent = secs <= 10;
}

int play_wait_ms(play *p)
{
    if (!timer_on(p))
        return -1;
    if (view_turn(p->v) != p->timer_turn)
        return 0;
    long long left = p->deadline - p->clock();
    if (left > 0) {
        /* When the seconds shown change. */
        int ms = (int)(left % 1000);
        return ms ? ms : 1000;
    }
    if (!play_asking(p))
        return 0;
    long long grace = p->deadline + TIMER_GRACE_MS - p->clock();
    return grace <= 0 ? 0 : grace > 1000 ? 1000 : (int)grace;
}

int play_tick(play *p)
{
    int f = timer_check(p);
    /* The countdown moved on: draw it (ncurses sends only what changed). */
    return timer_on(p) ? f | UI_REDRAW : f;
}
