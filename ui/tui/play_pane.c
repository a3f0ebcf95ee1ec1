/*
 * play_pane.c - the play screen's layout and panes: status bar, systems,
 * signals and messages, actions, queue, details (see play.h).
 */
#include "ui/tui/play_int.h"
#include "ui/tui/textw.h"
#include "engine/sbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
/* ---- layout and drawing ------------------------------------------------- */

/* The panes' rectangles. The left column: systems (as many rows as there
 * are systems, up to two fifths) over the feed. The right column: the
 * acting role's actions and the queue each get the rows they need when
 * the screen has them, Details what is left (at least two fifths); when
 * the screen is short, actions and queue share what there is, each at
 * least 2 rows. A larger screen so gives every list more room, and a
 * list longer than its pane says so on its frame ("↓ 3 more"). */
static void layout(const play *p, int H, int W, rect r[PANE_COUNT], rect *det)
{
    int bh = H - 3;
    int lw = W > 120 ? W * 11 / 20 : W / 2;
    int ah = p->sc->nassets + 2;
    if (ah > bh * 2 / 5)
        ah = bh * 2 / 5;
    if (ah < 4)
        ah = 4;
    r[PANE_ASSETS] = (rect){ 1, 0, ah, lw };
    r[PANE_FEED] = (rect){ 1 + ah, 0, bh - ah, lw };
    int rw = W - lw;
    int need_a = (p->nacts ? p->nacts : 1) + 2, need_q = (p->nqueue ? p->nqueue : 1) + 2;
    if (need_a < 4)
        need_a = 4;
    if (need_q < 4)
        need_q = 4;
    int avail = bh - bh * 2 / 5;
    int acth = need_a, qh = need_q;
    if (acth + qh > avail) {
        /* Short of rows: the queue keeps up to two fifths, actions take
         * what they need of the rest, the queue what remains. */
        int qmax = avail * 2 / 5 > 4 ? avail * 2 / 5 : 4;
        qh = need_q < qmax ? need_q : qmax;
        acth = need_a < avail - qh ? need_a : avail - qh;
        if (acth < 4)
            acth = 4;
        qh = need_q < avail - acth ? need_q : avail - acth;
        if (qh < 4)
            qh = 4;
    }
    r[PANE_ACTIONS] = (rect){ 1, lw, acth, rw };
    r[PANE_QUEUE] = (rect){ 1 + acth, lw, qh, rw };
    *det = (rect){ 1 + acth + qh, lw, bh - acth - qh, rw };
}

/* Keep a pane's selection inside its window, and the window inside the
 * list (a list that shrank shows its end, not blank rows). */
static void scroll_into(play *p, int pane, int rows, int n)
{
    int *sel = &p->sel[pane], *top = &p->top[pane];
    if (rows < 1)
        rows = 1;
    if (*sel < *top)
        *top = *sel;
    if (*sel >= *top + rows)
        *top = *sel - rows + 1;
    if (*top > n - rows)
        *top = n - rows;
    if (*top < 0)
        *top = 0;
}

/* The "more" marker of a pane showing rows of n from its top. */
static void more_marker(play *p, crt *c, rect r, int pane, int n)
{
    int rows = r.h - 2;
    ui_draw_more(c, p->lg, r.y + r.h - 1, r.x, r.w, p->top[pane],
                 n - p->top[pane] - rows > 0 ? n - p->top[pane] - rows : 0);
}

static void draw_status(play *p, crt *c, int W)
{
    char right[1024], clk[64], turn[64], score[64], rname[256], who[384];
    draw_fill(c, 0, 0, W, ST_STATUS);
    ui_clock(p->sc, view_minute(p->v), p->lg, clk, sizeof clk);
    snprintf(turn, sizeof turn, T(p->lg, M_TURN), view_turn(p->v), p->sc->max_turns);
    if (view_exercise(p->v) && !view_outcome(p->v))
        snprintf(score, sizeof score, "%s", T(p->lg, M_SCORE_HIDDEN));
    else
        snprintf(score, sizeof score, T(p->lg, M_SCORE), view_score_total(p->v),
                 scen_max_score(p->sc));
    ui_role_name(p->sc, p->role, p->lg, rname, sizeof rname);
    int pl = play_player_of(p, p->role);
    const char *pname = play_player_name(p, pl);
    char *safe = text_sanitize(pname, NULL);
    /* Hot seat players named after their role need not be named twice,
     * nor the default lone player ("solo"). */
    bool lone = p->nplayers == 1 && safe && strcmp(safe, "solo") == 0;
    if (safe && *safe && strcmp(safe, rname) != 0 && !lone)
        snprintf(who, sizeof who, "%s: %s", safe, rname);
    else
        snprintf(who, sizeof who, "%s", rname);
    free(safe);
    char ready[64] = "";
    if (p->nplayers > 1) {
        int n = 0;
        for (int i = 0; i < p->nplayers; i++)
            n += view_ready(p->v, i);
        char r[48];
        snprintf(r, sizeof r, T(p->lg, M_READY_N), n, p->nplayers);
        snprintf(ready, sizeof ready, " | %s", r);
    }
    char timer[64];
    bool urgent = false;
    timer_label(p, timer, sizeof timer, &urgent);
    snprintf(right, sizeof right, " %s %s%s%s | %s%s | %s ", turn, clk, timer[0] ? " | " : "",
             timer, who, ready, score);
    /* The title gives way first: turn, clock, timer, acting role,
     * readiness and score are what a player needs to see; if even they do
     * not fit, the player's name and role are cut, never the rest. */
    int rw = tw_width(right);
    if (rw > W - 2) {
        char cut[384];
        int room = W - 2 - (rw - tw_width(who));
        tw_ellipsize(who, room > 8 ? room : 8, !crt_utf8(c), cut, sizeof cut);
        snprintf(right, sizeof right, " %s %s%s%s | %s%s | %s ", turn, clk,
                 timer[0] ? " | " : "", timer, cut, ready, score);
        rw = tw_width(right);
    }
    if (rw > W - 2)
        rw = W - 2;
    /* The title where there is room for a few letters of it; without it
     * the rest starts at the left edge (no blank gap where it was). */
    char title[256];
    ui_text(&p->sc->title, p->lg, title, sizeof title);
    int room = W - rw - 2;
    int rx = W - rw;
    if (room >= 6)
        draw_str_cut(c, 0, 1, room, title, ST_STATUS | ST_BOLD);
    else
        rx = 0;
    draw_str_cut(c, 0, rx, rw, right, ST_STATUS);
    /* The countdown stands out when little is left or the time is up. */
    if (urgent && timer[0]) {
        char pre[512];
        snprintf(pre, sizeof pre, " %s %s | ", turn, clk);
        int tx = rx + tw_width(pre);
        if (tx + tw_width(timer) <= W)
            draw_str(c, 0, tx, tw_width(timer), timer, ST_ALERT | ST_REV);
    }
}

/* A list pane's frame: the box with its title, then either the empty
 * message (returns false: nothing more to draw) or the scroll position
 * kept on the selection and the more-above/below marks for n items. */
static bool list_pane(play *p, crt *c, rect r, int pane, const char *title, int n, msg_id empty)
{
    draw_box(c, r.y, r.x, r.h, r.w, title, p->focus == pane);
    if (n == 0) {
        draw_str(c, r.y + 1, r.x + 1, r.w - 2, T(p->lg, empty), ST_DIM);
        return false;
    }
    scroll_into(p, pane, r.h - 2, n);
    more_marker(p, c, r, pane, n);
    return true;
}

static void draw_assets(play *p, crt *c, rect r)
{
    draw_box(c, r.y, r.x, r.h, r.w, T(p->lg, M_ASSETS), p->focus == PANE_ASSETS);
    int rows = r.h - 2, iw = r.w - 2;
    scroll_into(p, PANE_ASSETS, rows, p->sc->nassets);
    more_marker(p, c, r, PANE_ASSETS, p->sc->nassets);
    for (int i = 0; i < rows; i++) {
        int a = p->top[PANE_ASSETS] + i;
        if (a >= p->sc->nassets)
            break;
        int y = r.y + 1 + i, x = r.x + 1;
        bool sel = p->focus == PANE_ASSETS && a == p->sel[PANE_ASSETS];
        int rev = sel ? ST_REV : 0;
        draw_fill(c, y, x, iw, rev);
        ui_draw_asset_row(c, y, x, iw, p->v, p->sc, a, p->lg, sel ? ST_BOLD : ST_NORMAL, rev);
    }
}

static void draw_feed(play *p, crt *c, rect r)
{
    char title[256];
    snprintf(title, sizeof title, "%s", T(p->lg, M_FEED));
    if (p->unread) {
        size_t l = strlen(title);
        snprintf(title + l, sizeof title - l, " (");
        l = strlen(title);
        snprintf(title + l, sizeof title - l, T(p->lg, M_FEED_NEW), p->unread);
        l = strlen(title);
        snprintf(title + l, sizeof title - l, ")");
    }
    int rows = r.h - 2, iw = r.w - 2;
    if (!list_pane(p, c, r, PANE_FEED, title, p->nfeed, M_FEED_EMPTY))
        return;
    for (int i = 0; i < rows; i++) {
        int row = p->top[PANE_FEED] + i;
        const view_item *it = play_feed_item(p, row);
        if (!it)
            break;
        int y = r.y + 1 + i, x = r.x + 1;
        bool sel = p->focus == PANE_FEED && row == p->sel[PANE_FEED];
        int rev = sel ? ST_REV : 0;
        draw_fill(c, y, x, iw, rev);
        ui_draw_item_row(c, y, x, iw, p->v, it, UI_ROW_MARK, rev);
    }
}

static void draw_actions(play *p, crt *c, rect r)
{
    char title[256], rname[128];
    snprintf(title, sizeof title, T(p->lg, M_ACTIONS_OF), view_ap_left(p->v, p->role),
             ui_role_name(p->sc, p->role, p->lg, rname, sizeof rname));
    int rows = r.h - 2, iw = r.w - 2;
    if (!list_pane(p, c, r, PANE_ACTIONS, title, p->nacts, M_NO_ACTIONS))
        return;
    int ap = view_ap_left(p->v, p->role);
    for (int i = 0; i < rows; i++) {
        int k = p->top[PANE_ACTIONS] + i;
        if (k >= p->nacts)
            break;
        const scen_action *a = &p->sc->actions[p->acts[k]];
        int y = r.y + 1 + i, x = r.x + 1;
        bool sel = p->focus == PANE_ACTIONS && k == p->sel[PANE_ACTIONS];
        int rev = sel ? ST_REV : 0;
        draw_fill(c, y, x, iw, rev);
        char cost[64], label[256];
        snprintf(cost, sizeof cost, T(p->lg, M_COST), a->cost);
        if (a->turns > 1) {
            size_t l = strlen(cost);
            snprintf(cost + l, sizeof cost - l, ", ");
            l = strlen(cost);
            snprintf(cost + l, sizeof cost - l, T(p->lg, M_TURNS), a->turns);
        }
        int cw = tw_width(cost);
        ui_text(&a->label, p->lg, label, sizeof label);
        int st = a->cost > ap ? ST_DIM : ST_NORMAL;
        draw_str_cut(c, y, x, iw - cw - 1, label[0] ? label : a->id, st | rev);
        draw_str(c, y, x + iw - cw, cw, cost, ST_DIM | rev);
    }
}

/* A queued action in words: "SOC analyst: Investigate an asset ->
 * Provincial web portal (real attack; facts: Asset, Impact)". */
void play_queue_line(const play *p, const view_action *a, char *buf, size_t size)
{
    char label[256], role[256], target[256], facts[512];
    const scen_action *sa = a->action >= 0 ? &p->sc->actions[a->action] : NULL;
    if (sa)
        ui_text(&sa->label, p->lg, label, sizeof label);
    if (!sa || !label[0])
        snprintf(label, sizeof label, "%s", sa ? sa->id : "?");
    ui_role_name(p->sc, a->role, p->lg, role, sizeof role);
    target[0] = '\0';
    if (a->target)
        ui_target_name(p->sc, a->action, a->target, p->lg, target, sizeof target);
    snprintf(buf, size, "%s: %s%s%s", role, label, target[0] ? " -> " : "", target);
    size_t l = strlen(buf);
    if (a->verdict >= 0)
        snprintf(buf + l, size - l, " (%s)", T(p->lg, a->verdict ? M_V_TRUE : M_V_FALSE));
    if (a->facts) {
        l = strlen(buf);
        snprintf(buf + l, size - l, " (%s)", ui_facts_names(p->sc, a->facts, p->lg, facts, sizeof facts));
    }
}

static void draw_queue(play *p, crt *c, rect r)
{
    int rows = r.h - 2, iw = r.w - 2;
    if (!list_pane(p, c, r, PANE_QUEUE, T(p->lg, M_QUEUE), p->nqueue, M_QUEUE_EMPTY))
        return;
    for (int i = 0; i < rows; i++) {
        int k = p->top[PANE_QUEUE] + i;
        if (k >= p->nqueue)
            break;
        const view_action *a = view_action_at(p->v, p->queue[k]);
        int y = r.y + 1 + i, x = r.x + 1;
        bool sel = p->focus == PANE_QUEUE && k == p->sel[PANE_QUEUE];
        int rev = sel ? ST_REV : 0;
        draw_fill(c, y, x, iw, rev);
        char num[32], line[768];
        snprintf(num, sizeof num, "#%d", a->qid);
        int cx = x + draw_str(c, y, x, iw, num, ST_BOLD | rev) + 1;
        bool running = a->turn_queued < view_turn(p->v);
        cx += ui_draw_badge(c, y, cx, x + iw - cx, p->lg, running ? B_RUNNING : B_QUEUED,
                            (running ? ST_INFO : ST_WARN) | rev) + 1;
        play_queue_line(p, a, line, sizeof line);
        if (cx < x + iw)
            draw_str_cut(c, y, cx, x + iw - cx, line, rev);
    }
}

/* The details of what is selected, for the details pane. */
static char *details_text(play *p)
{
    sbuf sb = SBUF_INIT;
    char buf[1024];
    switch (p->focus) {
    case PANE_FEED: {
        const view_item *it = play_feed_item(p, p->sel[PANE_FEED]);
        if (!it)
            break;
        char *d = ui_item_details(p->v, it);
        if (d)
            sb_puts(&sb, d);
        free(d);
        break;
    }
    case PANE_ASSETS: {
        int a = p->sel[PANE_ASSETS];
        if (a >= p->sc->nassets)
            break;
        const scen_asset *as = &p->sc->assets[a];
        sb_printf(&sb, "%s\n", ui_text(&as->name, p->lg, buf, sizeof buf));
        sb_printf(&sb, "%s: %s   %s: %s   %s: %d\n", T(p->lg, M_D_KIND), as->kind ? as->kind : "-",
                  T(p->lg, M_D_ZONE), as->zone ? as->zone : "-", T(p->lg, M_D_LEVEL), as->level);
        ui_badge b[8];
        int nb = ui_asset_badges(p->v, a, b, 8);
        sb_printf(&sb, "%s:", T(p->lg, M_D_STATE));
        for (int k = 0; k < nb; k++)
            sb_printf(&sb, " [%s]", T(p->lg, b[k].id));
        if (view_asset_revealed(p->v, a, AF_COMPROMISED))
            sb_printf(&sb, " %s", T(p->lg, M_D_REVEALED));
        sb_putc(&sb, '\n');
        bool first = true;
        for (int l = 0; l < p->sc->nlinks; l++) {
            int o = p->sc->links[l].a == a ? p->sc->links[l].b
                  : p->sc->links[l].b == a ? p->sc->links[l].a : -1;
            if (o < 0)
                continue;
            char on[256];
            sb_printf(&sb, first ? "%s: %s" : ", %s%s", first ? T(p->lg, M_D_LINKS) : "",
                      ui_text(&p->sc->assets[o].name, p->lg, on, sizeof on));
            first = false;
        }
        if (!first)
            sb_putc(&sb, '\n');
        sb_printf(&sb, "%s\n%s", ui_text(&as->desc, p->lg, buf, sizeof buf),
                  T(p->lg, M_D_KEYS_ASSET));
        break;
    }
    case PANE_ACTIONS: {
        if (p->sel[PANE_ACTIONS] >= p->nacts)
            break;
        const scen_action *a = &p->sc->actions[p->acts[p->sel[PANE_ACTIONS]]];
        char cost[64];
        snprintf(cost, sizeof cost, T(p->lg, M_COST), a->cost);
        sb_printf(&sb, "%s (%s", ui_text(&a->label, p->lg, buf, sizeof buf), cost);
        if (a->turns > 1) {
            sb_puts(&sb, ", ");
            sb_printf(&sb, T(p->lg, M_TURNS), a->turns);
        }
        sb_printf(&sb, ")\n%s", ui_text(&a->help, p->lg, buf, sizeof buf));
        break;
    }
    case PANE_QUEUE: {
        if (p->sel[PANE_QUEUE] >= p->nqueue)
            break;
        const view_action *a = view_action_at(p->v, p->queue[p->sel[PANE_QUEUE]]);
        play_queue_line(p, a, buf, sizeof buf);
        sb_printf(&sb, "#%d %s\n", a->qid, buf);
        sb_printf(&sb, T(p->lg, M_ACTION_DONE_AT), a->done_turn);
        if (a->turn_queued == view_turn(p->v))
            sb_printf(&sb, "\n%s", T(p->lg, M_KEYS_CANCEL));
        break;
    }
    }
    if (sb.oom) {
        sb_free(&sb);
        return NULL;
    }
    return sb.len ? sb_take(&sb) : NULL;
}

static void draw_details(play *p, crt *c, rect r)
{
    draw_box(c, r.y, r.x, r.h, r.w, T(p->lg, M_DETAILS), false);
    char *d = details_text(p);
    int iw = r.w - 2, rows = r.h - 2;
    if (p->focus == PANE_FEED && d) {
        const view_item *it = play_feed_item(p, p->sel[PANE_FEED]);
        /* The keys that go further: for a signal always, for a message
         * when it does not fit (Enter shows it whole). */
        msg_id keys = it && it->kind == EVK_SIGNAL ? M_D_KEYS_SIGNAL
                    : draw_wrap(c, 0, 0, 0, iw, d, 0, ST_NORMAL) > rows ? M_D_KEYS_MORE : M_COUNT;
        if (keys != M_COUNT) {
            draw_wrap(c, r.y + 1, r.x + 1, rows - 1, iw, d, 0, ST_NORMAL);
            draw_str_cut(c, r.y + r.h - 2, r.x + 1, iw, T(p->lg, keys), ST_DIM);
            free(d);
            return;
        }
    }
    draw_wrap(c, r.y + 1, r.x + 1, rows, iw, d ? d : T(p->lg, M_DETAILS_EMPTY), 0,
              d ? ST_NORMAL : ST_DIM);
    free(d);
}

void play_draw_panes(play *p, crt *c, int H, int W)
{
    rect r[PANE_COUNT], det;
    layout(p, H, W, r, &det);
    draw_status(p, c, W);
    draw_assets(p, c, r[PANE_ASSETS]);
    draw_feed(p, c, r[PANE_FEED]);
    draw_actions(p, c, r[PANE_ACTIONS]);
    draw_queue(p, c, r[PANE_QUEUE]);
    draw_details(p, c, det);
}
