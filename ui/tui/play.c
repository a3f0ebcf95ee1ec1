/*
 * play.c - the play screen: its lifecycle, the lists it derives from the
 * view, sending inputs, and keys (see play.h). The panes are drawn in
 * play_pane.c, the overlays in play_ov.c, the facilitator's view and the
 * turn timer in play_fac.c.
 */
#include "ui/tui/play_int.h"
#include "ui/tui/textw.h"
#include "engine/sbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool role_has_action(const scen_action *a, int role)
{
    for (int i = 0; i < a->nroles; i++)
        if (a->roles[i] == role)
            return true;
    return false;
}

static uint64_t session_roles(const play *p)
{
    uint64_t m = 0;
    for (int i = 0; i < p->nplayers; i++)
        m |= p->players[i].roles;
    return m;
}

/* The acting role: the one way it changes. Everything that depends on
 * the role follows it at once: the role's actions (in declaration order)
 * and the Actions pane's place in them (the top of a list that changed). */
void play_set_role(play *p, int role)
{
    if (role < 0 || role >= p->sc->nroles)
        return;
    if (role != p->role)
        p->sel[PANE_ACTIONS] = p->top[PANE_ACTIONS] = 0;
    p->role = role;
    p->nacts = 0;
    for (int i = 0; i < p->sc->nactions && p->nacts < (int)(sizeof p->acts / sizeof *p->acts); i++)
        if (role_has_action(&p->sc->actions[i], role))
            p->acts[p->nacts++] = i;
    if (p->sel[PANE_ACTIONS] >= p->nacts)
        p->sel[PANE_ACTIONS] = p->nacts ? p->nacts - 1 : 0;
}

int play_first_role(const play *p, int player)
{
    if (player < 0 || player >= p->nplayers)
        return -1;
    for (int r = 0; r < p->sc->nroles && r < 64; r++)
        if (p->players[player].roles >> r & 1)
            return r;
    return -1;
}

/* The role a player last made an input as (a resumed session), else
 * their first role. */
static int last_role(const play *p, int player)
{
    int best = play_first_role(p, player);
    uint32_t seq = 0;
    for (int r = 0; r < p->sc->nroles && r < 64 && player >= 0; r++)
        if ((p->players[player].roles >> r & 1) && view_role_input(p->v, r) > seq) {
            seq = view_role_input(p->v, r);
            best = r;
        }
    return best;
}

/* The views, players and label of o; the acting role kept when one of
 * the players still holds it. 0, or -1 on OOM (nothing changed). */
static int bind(play *p, const play_opts *o)
{
    const scen *sc = view_scen(o->v);
    bool *facts = calloc(sc->nfacts ? (size_t)sc->nfacts : 1, sizeof *facts);
    if (!facts)
        return -1;
    free(p->facts_on);
    p->facts_on = facts;
    p->v = o->v;
    p->truth = o->truth;
    p->sc = sc;
    p->lg = view_lang(o->v);
    p->session = o->session;
    if (o->players && o->nplayers > 0) {
        p->players = o->players;
        p->nplayers = o->nplayers;
    } else {
        p->solo.name = "";
        p->solo.roles = sc->nroles >= 64 ? ~0ULL : (1ULL << sc->nroles) - 1;
        p->players = &p->solo;
        p->nplayers = 1;
    }
    uint64_t m = session_roles(p);
    int role = p->role;
    if (role < 0 || role >= sc->nroles || role >= 64 || !(m >> role & 1)) {
        role = 0;
        for (int r = 0; r < sc->nroles && r < 64; r++)
            if (m >> r & 1) {
                role = r;
                break;
            }
    }
    /* Everything derived from the views starts again. */
    p->nfeed = p->feed_done = p->nqueue = p->unread = 0;
    p->ntfeed = p->tfeed_done = 0;
    memset(p->sel, 0, sizeof p->sel);
    memset(p->top, 0, sizeof p->top);
    p->b_verdict = -1;
    p->summary_done = false;
    p->timer_turn = -1;
    /* The turn the screen shows from the start is not a new one. */
    p->seen_turn = view_turn(o->v);
    p->role = -1;
    play_set_role(p, role);
    return 0;
}

play *play_new(const play_opts *o)
{
    play *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->port = o->port;
    p->reload = o->reload;
    p->hints = o->hints;
    p->timer_s = o->timer > 0 ? o->timer : 0;
    p->clock = o->clock ? o->clock : crt_now_ms;
    p->role = -1;
    if (bind(p, o) < 0) {
        free(p);
        return NULL;
    }
    p->focus = PANE_FEED;
    play_msg(p, ST_INFO, "%s", T(p->lg, M_MSG_WELCOME));
    timer_check(p);
    return p;
}

static void resumed(play *p, bool keep_role);

int play_rebind(play *p, const play_opts *o)
{
    ov_close(p);
    if (bind(p, o) < 0)
        return -1;
    resumed(p, true);
    timer_check(p);
    return 0;
}

void play_free(play *p)
{
    if (!p)
        return;
    free(p->feed);
    free(p->queue);
    free(p->tfeed);
    free(p->pick);
    free(p->facts_on);
    free(p->doc);
    free(p);
}

int play_role(const play *p) { return p->role; }
bool play_summary_open(const play *p) { return p->ov == OV_SUMMARY; }

void play_msg(play *p, int style, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->msg, sizeof p->msg, fmt, ap);
    va_end(ap);
    p->msg_style = style;
}

int play_player_of(const play *p, int role)
{
    for (int i = 0; i < p->nplayers; i++)
        if (role >= 0 && role < 64 && (p->players[i].roles >> role & 1))
            return i;
    return -1;
}

const char *play_player_name(const play *p, int player)
{
    if (player < 0 || player >= p->nplayers)
        return "?";
    return p->players[player].name ? p->players[player].name : "";
}

/* ---- keeping the derived lists up to date ------------------------------- */

/* Feed rows: the view's items the players may see. In exercise mode the
 * score is hidden, so are the items that would give it away. */
static void sync_feed(play *p)
{
    int n = view_item_count(p->v);
    int added = 0;
    for (; p->feed_done < n; p->feed_done++) {
        const view_item *it = view_item_at(p->v, p->feed_done);
        if (view_exercise(p->v) && !view_outcome(p->v) &&
            (it->kind == EVK_OBJECTIVE || it->kind == EVK_SCORE))
            continue;
        if (p->nfeed == p->capfeed) {
            int nc = p->capfeed ? p->capfeed * 2 : 64;
            int *nf = realloc(p->feed, (size_t)nc * sizeof *nf);
            if (!nf)
                break;
            p->feed = nf;
            p->capfeed = nc;
        }
        p->feed[p->nfeed++] = p->feed_done;
        p->unread += it->unread;
        added++;
    }
    /* Newest first: rows move down as items arrive; the selection stays on
     * its item unless it was on the newest one. */
    if (added && p->sel[PANE_FEED] > 0) {
        p->sel[PANE_FEED] += added;
        p->top[PANE_FEED] += added;
    }
}

/* Queue rows: actions still pending (queued this turn, or running). A
 * session has at most a few thousand actions; one pass per key is cheap. */
static void sync_queue(play *p)
{
    int n = view_action_count(p->v);
    p->nqueue = 0;
    if (p->capqueue < n) {
        int *nq = realloc(p->queue, (size_t)n * sizeof *nq);
        if (!nq)
            return;
        p->queue = nq;
        p->capqueue = n;
    }
    for (int i = 0; i < n; i++)
        if (view_action_at(p->v, i)->state == VQ_QUEUED)
            p->queue[p->nqueue++] = i;
    if (p->sel[PANE_QUEUE] >= p->nqueue)
        p->sel[PANE_QUEUE] = p->nqueue ? p->nqueue - 1 : 0;
}

const view_item *play_feed_item(const play *p, int row)
{
    if (row < 0 || row >= p->nfeed)
        return NULL;
    return view_item_at(p->v, p->feed[p->nfeed - 1 - row]);
}

void play_read_row(play *p, int row)
{
    if (row < 0 || row >= p->nfeed)
        return;
    int i = p->feed[p->nfeed - 1 - row];
    if (view_item_at(p->v, i)->unread) {
        view_item_read(p->v, i);
        p->unread--;
    }
}

/* What is selected in the feed is shown in Details: it is read. */
static void feed_touch(play *p)
{
    if (p->focus == PANE_FEED)
        play_read_row(p, p->sel[PANE_FEED]);
}

void play_sync(play *p)
{
    sync_feed(p);
    sync_queue(p);
    fac_sync(p);
    if (p->sel[PANE_ASSETS] >= p->sc->nassets)
        p->sel[PANE_ASSETS] = p->sc->nassets ? p->sc->nassets - 1 : 0;
    feed_touch(p);
}

/* A resumed (or reloaded) session's screen: the feed read as far as the
 * players had seen it, the keyboard with the player whose turn it is,
 * acting in the role of their last input. */
static void resumed(play *p, bool keep_role)
{
    view_read_before(p->v, view_turn(p->v));
    view_read_upto(p->v, view_last_input(p->v));
    play_sync(p);
    p->unread = 0;
    for (int i = 0; i < p->nfeed; i++)
        p->unread += view_item_at(p->v, p->feed[i])->unread;
    p->seen_turn = view_turn(p->v);
    int pl = play_player_of(p, p->role);
    if (p->nplayers > 1 && pl >= 0 && view_ready(p->v, pl)) {
        for (int i = 0; i < p->nplayers; i++)
            if (!view_ready(p->v, i)) {
                pl = i;
                keep_role = false;
                break;
            }
    }
    if (!keep_role && pl >= 0)
        play_set_role(p, last_role(p, pl));
    feed_touch(p);
    if (view_outcome(p->v))
        ov_open_summary(p);
}

void play_resumed(play *p)
{
    resumed(p, false);
}

/* ---- sending inputs ----------------------------------------------------- */

/* What changed after an input: a new turn, the other players, the end. */
static void after_input(play *p)
{
    play_sync(p);
    int turn = view_turn(p->v);
    if (view_outcome(p->v)) {
        if (!p->summary_done)
            ov_open_summary(p);
        return;
    }
    if (turn != p->seen_turn) {
        char clk[64];
        ui_clock(p->sc, view_minute(p->v), p->lg, clk, sizeof clk);
        p->seen_turn = turn;
        timer_check(p);          /* the new turn's countdown starts now */
        p->sel[PANE_FEED] = p->top[PANE_FEED] = 0;
        feed_touch(p);
        /* Hot seat: a new turn starts with the first player again. */
        if (p->nplayers > 1)
            play_set_role(p, play_first_role(p, 0));
        /* New: what the feed marks new, as its title counts it. */
        play_msg(p, ST_INFO, T(p->lg, p->unread == 1 ? M_MSG_TURN_1 : M_MSG_TURN), turn, clk,
                 p->unread);
    }
}

int play_send(play *p, const char *line)
{
    char err[512] = "";
    int rc = p->port.input(p->port.ctx, line, err, sizeof err);
    if (rc < 0) {
        char *safe = text_sanitize(err[0] ? err : "?", NULL);
        play_msg(p, ST_ALERT, T(p->lg, M_MSG_REFUSED), safe ? safe : "?");
        free(safe);
    }
    after_input(p);
    return rc;
}

void play_draw(play *p, crt *c)
{
    int H, W;
    crt_size(c, &H, &W);
    play_sync(p);
    play_draw_panes(p, c, H, W);
    draw_str_cut(c, H - 2, 1, W - 2, p->msg, p->msg_style);
    msg_id keys = view_outcome(p->v) ? M_KEYS_PLAY_OVER : p->truth ? M_KEYS_PLAY_FAC : M_KEYS_PLAY;
    draw_str_cut(c, H - 1, 1, W - 2, T(p->lg, keys), ST_DIM);
    /* A locale that cannot show accents is said once, in place of the
     * welcome, not over every later message. */
    if (!crt_utf8(c) && strcmp(p->msg, T(p->lg, M_MSG_WELCOME)) == 0)
        draw_fmt(c, H - 2, 1, W - 2, ST_WARN, T(p->lg, M_MSG_NOT_UTF8), crt_locale_var(c));
    if (p->ov != OV_NONE)
        ov_draw(p, c, H, W);
}

/* ---- keys --------------------------------------------------------------- */

static int pane_rows(const play *p, int pane)
{
    switch (pane) {
    case PANE_ASSETS: return p->sc->nassets;
    case PANE_FEED: return p->nfeed;
    case PANE_ACTIONS: return p->nacts;
    default: return p->nqueue;
    }
}

static void move_sel(play *p, int delta)
{
    int n = pane_rows(p, p->focus);
    int s = p->sel[p->focus] + delta;
    if (s >= n)
        s = n - 1;
    if (s < 0)
        s = 0;
    p->sel[p->focus] = s;
    feed_touch(p);
}

static void set_role(play *p, int dir)
{
    uint64_t m = session_roles(p);
    int n = p->sc->nroles < 64 ? p->sc->nroles : 64;
    for (int k = 1; k <= n; k++) {
        int r = ((p->role + dir * k) % n + n) % n;
        if (m >> r & 1) {
            play_set_role(p, r);
            break;
        }
    }
    char rname[256];
    ui_role_name(p->sc, p->role, p->lg, rname, sizeof rname);
    char *pn = text_sanitize(play_player_name(p, play_player_of(p, p->role)), NULL);
    play_msg(p, ST_INFO, T(p->lg, M_MSG_ROLE), rname, pn && *pn ? pn : p->sc->roles[p->role].id);
    free(pn);
}

static int pane_enter(play *p)
{
    switch (p->focus) {
    case PANE_ASSETS:
        play_act_on_asset(p);
        break;
    case PANE_FEED: {
        const view_item *it = play_feed_item(p, p->sel[PANE_FEED]);
        if (it) {
            char *d = ui_item_details(p->v, it);
            if (d)
                ov_open_doc(p, OV_DETAIL, d);
        }
        break;
    }
    case PANE_ACTIONS:
        if (p->sel[PANE_ACTIONS] < p->nacts)
            play_start_action(p, p->acts[p->sel[PANE_ACTIONS]], NULL);
        break;
    case PANE_QUEUE:
        play_cancel_selected(p);
        break;
    }
    return UI_REDRAW;
}

char *play_help_text(const play *p)
{
    sbuf sb = SBUF_INIT;
    sb_puts(&sb, T(p->lg, M_HELP_TEXT));
    if (p->timer_s > 0) {
        sb_puts(&sb, "\n\n");
        sb_printf(&sb, T(p->lg, M_HELP_TIMER), p->timer_s / 60, p->timer_s % 60,
                  TIMER_GRACE_MS / 1000);
    }
    if (p->truth) {
        sb_puts(&sb, "\n\n");
        sb_puts(&sb, T(p->lg, M_HELP_FAC));
    }
    sb_puts(&sb, "\n\n");
    sb_puts(&sb, T(p->lg, M_HELP_RELOAD));
    if (sb.oom) {
        sb_free(&sb);
        return xstrdup(T(p->lg, M_HELP_TEXT));
    }
    return sb_take(&sb);
}

/* F5 or Ctrl-R: the scenario file again, the inputs carried over. Only
 * where no question is open: an answer half given is not thrown away. */
static int reload(play *p)
{
    if (!p->reload) {
        play_msg(p, ST_WARN, "%s", T(p->lg, M_MSG_NO_RELOAD));
        return UI_REDRAW;
    }
    char msg[1024] = "";
    int ov = p->ov;
    int rc = p->reload(p->port.ctx, msg, sizeof msg);
    char *safe = text_sanitize(msg, NULL);
    play_msg(p, rc < 0 ? ST_ALERT : rc > 0 ? ST_WARN : ST_OK, "%s", safe ? safe : "");
    /* A reloaded session that is over shows its summary (play_rebind);
     * a replay that stopped early says why in full; otherwise the
     * facilitator's view stays open if it was. */
    if (rc > 0 && p->ov == OV_NONE && safe)
        ov_open_doc(p, OV_DETAIL, xstrdup(safe));
    else if (rc >= 0 && ov == OV_FAC && p->ov == OV_NONE && p->truth)
        p->ov = OV_FAC;
    free(safe);
    return UI_REDRAW;
}

int play_key(play *p, int key)
{
    play_sync(p);
    if ((key == TK_F5 || key == 0x12) && !play_asking(p))
        return reload(p);
    if (p->ov != OV_NONE)
        return ov_key(p, key);
    switch (key) {
    case 'g':
        if (!p->truth)
            return 0;     /* players have no ground truth to see */
        p->ov = OV_FAC;
        p->fac_scroll = 0;
        return UI_REDRAW;
    case '?':
        ov_open_doc(p, OV_HELP, play_help_text(p));
        return UI_REDRAW;
    case 'o':
        p->ov = OV_OBJECTIVES;
        p->ov_scroll = 0;
        return UI_REDRAW;
    case 'h':
        p->ov = OV_HINT;
        return UI_REDRAW;
    case 'n':
        if (view_outcome(p->v))
            ov_open_summary(p);
        else
            p->ov = OV_END_TURN;
        return UI_REDRAW;
    case 's':
        /* The summary again, once the session is over. */
        if (view_outcome(p->v))
            ov_open_summary(p);
        else
            play_msg(p, ST_INFO, "%s", T(p->lg, M_MSG_SUMMARY_WHEN));
        return UI_REDRAW;
    case 'q':
        if (view_outcome(p->v))
            return UI_QUIT;
        p->ov = OV_QUIT;
        return UI_REDRAW;
    case 'r':
        set_role(p, 1);
        return UI_REDRAW;
    case 'R':
        set_role(p, -1);
        return UI_REDRAW;
    case TK_TAB: case 'l': case TK_RIGHT:
        p->focus = (p->focus + 1) % PANE_COUNT;
        feed_touch(p);
        return UI_REDRAW;
    case TK_BTAB: case TK_LEFT:
        p->focus = (p->focus + PANE_COUNT - 1) % PANE_COUNT;
        feed_touch(p);
        return UI_REDRAW;
    case TK_UP: case 'k':
        move_sel(p, -1);
        return UI_REDRAW;
    case TK_DOWN: case 'j':
        move_sel(p, 1);
        return UI_REDRAW;
    case TK_PGUP:
        move_sel(p, -10);
        return UI_REDRAW;
    case TK_PGDN:
        move_sel(p, 10);
        return UI_REDRAW;
    case TK_HOME:
        move_sel(p, -1000000);
        return UI_REDRAW;
    case TK_END:
        move_sel(p, 1000000);
        return UI_REDRAW;
    case TK_ENTER:
        return pane_enter(p);
    case 't':
        play_triage_selected(p);
        return UI_REDRAW;
    case 'x': case TK_DELETE:
        play_cancel_selected(p);
        return UI_REDRAW;
    case TK_ESC:
        return UI_HANDLED;
    default:
        return 0;
    }
}

static void screen_draw(void *ctx, crt *c) { play_draw(ctx, c); }
static int screen_key(void *ctx, int key) { return play_key(ctx, key); }
static int screen_wait(void *ctx) { return play_wait_ms(ctx); }
static int screen_tick(void *ctx) { return play_tick(ctx); }

ui_screen play_screen(play *p)
{
    ui_screen s = { screen_draw, screen_key, p, p->lg, screen_wait, screen_tick };
    return s;
}
