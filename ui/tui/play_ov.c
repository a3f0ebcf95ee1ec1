/*
 * play_ov.c - the play screen's overlays: help, details, objectives, hint,
 * pick lists, the indicator field, the report composer, confirmations
 * (queue, cancel, end of turn, quit) and the end-of-session summary.
 */
#include "ui/tui/play_int.h"
#include "ui/tui/textw.h"
#include "engine/sbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ov_close(play *p)
{
    p->ov = OV_NONE;
    p->ov_sel = p->ov_top = p->ov_scroll = 0;
    free(p->doc);
    p->doc = NULL;
}

void ov_open_doc(play *p, int kind, char *doc)
{
    ov_close(p);
    p->doc = doc;
    p->ov = kind;
}

void ov_pick_clear(play *p)
{
    p->npick = 0;
    p->ov_sel = p->ov_top = 0;
}

int ov_pick_add(play *p, const char *id, const char *label, int style)
{
    pick_item *n = realloc(p->pick, (size_t)(p->npick + 1) * sizeof *n);
    if (!n)
        return -1;
    p->pick = n;
    pick_item *it = &p->pick[p->npick++];
    snprintf(it->id, sizeof it->id, "%s", id);
    char buf[sizeof it->label];
    tw_ellipsize(label, 10000, false, buf, sizeof buf);
    snprintf(it->label, sizeof it->label, "%s", buf);
    it->style = style;
    return 0;
}

void ov_open_pick(play *p, int kind, const char *title)
{
    p->ov = OV_PICK;
    p->pick_kind = kind;
    p->ov_sel = p->ov_top = 0;
    snprintf(p->pick_title, sizeof p->pick_title, "%s", title);
}

/* ---- geometry ---------------------------------------------------------- */

static rect centered(int H, int W, int h, int w)
{
    if (w > W - 2)
        w = W - 2;
    if (h > H - 2)
        h = H - 2;
    return (rect){ (H - h) / 2, (W - w) / 2, h, w };
}

/* ---- the summary -------------------------------------------------------- */

static long long metric(const play *p, const char *name, long long def)
{
    for (int i = 0; i < p->nmetrics; i++)
        if (strcmp(p->metrics[i].name, name) == 0)
            return p->metrics[i].value;
    return def;
}

static void put_minutes(const play *p, sbuf *sb, msg_id label, const char *name)
{
    long long m = metric(p, name, -2);
    if (m == -2)
        return;
    sb_printf(sb, "  %s: ", T(p->lg, label));
    if (m < 0)
        sb_puts(sb, T(p->lg, M_NEVER));
    else
        sb_printf(sb, T(p->lg, M_MINUTES), (int)m);
    sb_putc(sb, '\n');
}

static char *build_summary(play *p)
{
    const scen *sc = p->sc;
    lang lg = p->lg;
    sbuf sb = SBUF_INIT;
    char buf[2048];
    const char *outcome = view_outcome(p->v);
    const char *verdict = T(lg, view_success(p->v) ? M_SUCCESS : M_FAILURE);
    if (outcome && strcmp(outcome, "timeout") == 0)
        snprintf(buf, sizeof buf, "%s (%s)", verdict, T(lg, M_TIMEOUT));
    else
        snprintf(buf, sizeof buf, "%s (%s)", verdict, outcome ? outcome : "?");
    sb_printf(&sb, T(lg, M_OUTCOME), buf);
    sb_printf(&sb, "\n%s\n\n", view_ending_text(p->v));
    sb_printf(&sb, T(lg, M_FINAL_SCORE), view_final_score(p->v), scen_max_score(sc));
    sb_printf(&sb, "\n\n%s\n", T(lg, M_BREAKDOWN));
    for (int i = 0; i < view_score_count(p->v); i++) {
        const view_score *s = view_score_at(p->v, i);
        sb_printf(&sb, "  %+4d  %-9s %s\n", s->points, s->kind, s->text[0] ? s->text : s->id);
    }
    if (p->nmetrics > 0) {
        sb_printf(&sb, "\n%s\n", T(lg, M_METRICS));
        put_minutes(p, &sb, M_MET_DETECT, "detect_minute");
        put_minutes(p, &sb, M_MET_CONTAIN, "contain_minute");
        put_minutes(p, &sb, M_MET_RECOVER, "recover_minute");
        sb_printf(&sb, "  %s: %lld (%lld)\n", T(lg, M_MET_REPORTS), metric(p, "reports", 0),
                  metric(p, "reports_on_time", 0));
        sb_printf(&sb, "  %s: %lld\n", T(lg, M_MET_FP), metric(p, "false_positives", 0));
        sb_printf(&sb, "  %s: %lld\n", T(lg, M_MET_DISMISSED), metric(p, "true_dismissed", 0));
        sb_printf(&sb, "  %s: %lld\n", T(lg, M_MET_HINTS), metric(p, "hints", 0));
    }
    sb_printf(&sb, "\n%s\n", T(lg, M_MISSED));
    bool any = false;
    for (int i = 0; i < sc->nobjectives; i++) {
        if (view_objective(p->v, i, NULL) == 1)
            continue;
        any = true;
        sb_printf(&sb, "  [%s] %s", T(lg, B_MISSED), ui_text(&sc->objectives[i].label, lg, buf, sizeof buf));
        sb_printf(&sb, " (%d)\n", sc->objectives[i].points);
        if (!text_empty(&sc->objectives[i].explain))
            sb_printf(&sb, "    %s\n", ui_text(&sc->objectives[i].explain, lg, buf, sizeof buf));
    }
    if (!any)
        sb_printf(&sb, "  %s\n", T(lg, M_NO_MISSED));
    any = false;
    for (int i = 0; i < view_score_count(p->v); i++) {
        const view_score *s = view_score_at(p->v, i);
        int k = strcmp(s->kind, "penalty") == 0 ? scen_penalty_find(sc, s->id) : -1;
        if (k < 0)
            continue;
        if (!any)
            sb_printf(&sb, "\n%s\n", T(lg, M_PENALTIES));
        any = true;
        sb_printf(&sb, "  %+d %s\n", s->points, ui_text(&sc->penalties[k].label, lg, buf, sizeof buf));
        if (!text_empty(&sc->penalties[k].explain))
            sb_printf(&sb, "    %s\n", ui_text(&sc->penalties[k].explain, lg, buf, sizeof buf));
    }
    if (sb.oom) {
        sb_free(&sb);
        return NULL;
    }
    return sb_take(&sb);
}

void ov_open_summary(play *p)
{
    if (p->port.metrics)
        p->nmetrics = p->port.metrics(p->port.ctx, p->metrics, TUI_MAX_METRICS);
    char *doc = build_summary(p);
    ov_open_doc(p, OV_SUMMARY, doc ? doc : xstrdup(""));
    p->summary_done = true;
    play_msg(p, view_success(p->v) ? ST_OK : ST_ALERT, T(p->lg, M_MSG_ENDED),
             view_outcome(p->v) ? view_outcome(p->v) : "?");
}

/* ---- drawing ------------------------------------------------------------ */

static void draw_doc(play *p, crt *c, int H, int W, const char *title, msg_id keys)
{
    rect r = centered(H, W, H - 2, 100);
    draw_panel(c, r.y, r.x, r.h, r.w, title);
    int rows = r.h - 3, iw = r.w - 4;
    int total = draw_wrap(c, r.y + 1, r.x + 2, 0, iw, p->doc, 0, ST_NORMAL);
    if (p->ov_scroll > total - rows)
        p->ov_scroll = total - rows;
    if (p->ov_scroll < 0)
        p->ov_scroll = 0;
    draw_wrap(c, r.y + 1, r.x + 2, rows, iw, p->doc ? p->doc : "", p->ov_scroll, ST_NORMAL);
    draw_str_cut(c, r.y + r.h - 2, r.x + 2, iw, T(p->lg, keys), ST_DIM);
}

static void draw_pick(play *p, crt *c, int H, int W)
{
    rect r = centered(H, W, p->npick + 4, 78);
    draw_panel(c, r.y, r.x, r.h, r.w, p->pick_title);
    int rows = r.h - 3, iw = r.w - 4;
    if (p->ov_sel < p->ov_top)
        p->ov_top = p->ov_sel;
    if (p->ov_sel >= p->ov_top + rows)
        p->ov_top = p->ov_sel - rows + 1;
    for (int i = 0; i < rows && p->ov_top + i < p->npick; i++) {
        int k = p->ov_top + i;
        int rev = k == p->ov_sel ? ST_REV : 0;
        draw_fill(c, r.y + 1 + i, r.x + 2, iw, rev);
        draw_str_cut(c, r.y + 1 + i, r.x + 2, iw, p->pick[k].label, p->pick[k].style | rev);
    }
    draw_str_cut(c, r.y + r.h - 2, r.x + 2, iw, T(p->lg, M_KEYS_LIST), ST_DIM);
}

/* The action being built, in words. */
static void describe_action(play *p, sbuf *sb)
{
    const scen_action *a = &p->sc->actions[p->b_action];
    char buf[512], rn[256];
    ui_role_name(p->sc, p->role, p->lg, rn, sizeof rn);
    sb_printf(sb, "%s: %s", rn, ui_text(&a->label, p->lg, buf, sizeof buf));
    if (p->b_target[0]) {
        const char *name = p->b_target;
        if (a->target == TGT_ASSET)
            name = ui_asset_name(p->sc, p->b_target, p->lg, buf, sizeof buf);
        else if (a->target == TGT_RECIPIENT)
            name = ui_named(p->sc->recipients, p->sc->nrecipients, p->b_target, p->lg, buf, sizeof buf);
        else if (a->target == TGT_AUDIENCE)
            name = ui_named(p->sc->audiences, p->sc->naudiences, p->b_target, p->lg, buf, sizeof buf);
        else if (a->target == TGT_SUPPORT)
            name = ui_named(p->sc->supports, p->sc->nsupports, p->b_target, p->lg, buf, sizeof buf);
        char *safe = text_sanitize(name, NULL);
        sb_printf(sb, " -> %s", safe ? safe : "?");
        free(safe);
    }
    if (p->b_verdict >= 0)
        sb_printf(sb, " (%s)", T(p->lg, p->b_verdict ? M_V_TRUE : M_V_FALSE));
    bool first = true;
    for (int i = 0; i < p->sc->nfacts; i++) {
        if (!p->facts_on[i])
            continue;
        sb_printf(sb, first ? "\n%s: %s" : ", %s%s", first ? T(p->lg, M_FACTS) : "",
                  ui_text(&p->sc->facts[i].name, p->lg, buf, sizeof buf));
        first = false;
    }
    char cost[64];
    snprintf(cost, sizeof cost, T(p->lg, M_COST), a->cost);
    sb_printf(sb, "\n%s", cost);
    if (a->turns > 1) {
        sb_puts(sb, ", ");
        sb_printf(sb, T(p->lg, M_TURNS), a->turns);
    }
    sb_puts(sb, " - ");
    sb_printf(sb, T(p->lg, M_AP_LEFT), view_ap_left(p->v, p->role), p->sc->action_points);
}

static void draw_message_box(play *p, crt *c, int H, int W, const char *title, const char *body,
                             msg_id keys)
{
    int w = W - 4 < 76 ? W - 4 : 76;
    int lines = draw_wrap(c, 0, 0, 0, w - 4, body, 0, ST_NORMAL);
    rect r = centered(H, W, lines + 4, w);
    draw_panel(c, r.y, r.x, r.h, r.w, title);
    draw_wrap(c, r.y + 1, r.x + 2, r.h - 3, r.w - 4, body, 0, ST_NORMAL);
    draw_str_cut(c, r.y + r.h - 2, r.x + 2, r.w - 4, T(p->lg, keys), ST_DIM);
}

static void hint_body(play *p, sbuf *sb, bool *can)
{
    *can = false;
    if (!p->hints) {
        sb_puts(sb, T(p->lg, M_HINT_DISABLED));
    } else {
        int h = view_hint_next(p->v);
        if (h >= 0) {
            sb_printf(sb, T(p->lg, M_HINT_COST), p->sc->hints[h].cost);
            *can = true;
        } else {
            int next = -1;
            for (int i = 0; i < p->sc->nhints && next < 0; i++)
                if (!view_hint_taken(p->v, i))
                    next = i;
            if (next >= 0)
                sb_printf(sb, T(p->lg, M_HINT_NONE_YET), p->sc->hints[next].from_turn);
            else
                sb_puts(sb, T(p->lg, M_HINT_NONE_LEFT));
        }
    }
    bool first = true;
    char buf[2048];
    for (int i = 0; i < p->sc->nhints; i++) {
        if (!view_hint_taken(p->v, i))
            continue;
        if (first)
            sb_printf(sb, "\n\n%s:", T(p->lg, M_HINTS_TAKEN));
        first = false;
        sb_printf(sb, "\n- %s", ui_text(&p->sc->hints[i].text, p->lg, buf, sizeof buf));
    }
}

static void objectives_body(play *p, sbuf *sb)
{
    char buf[1024];
    bool hide = view_exercise(p->v) && !view_outcome(p->v);
    if (hide)
        sb_printf(sb, "%s\n\n", T(p->lg, M_OBJ_HIDDEN));
    for (int i = 0; i < p->sc->nobjectives; i++) {
        const scen_objective *o = &p->sc->objectives[i];
        int st = view_objective(p->v, i, NULL);
        if (!hide)
            sb_printf(sb, "[%s] ", T(p->lg, st == 1 ? B_MET : st == 0 ? B_MISSED : B_OPEN));
        sb_puts(sb, ui_text(&o->label, p->lg, buf, sizeof buf));
        if (!hide) {
            sb_puts(sb, " - ");
            sb_printf(sb, T(p->lg, M_POINTS), o->points);
        }
        if (o->by_turn) {
            sb_puts(sb, ", ");
            sb_printf(sb, T(p->lg, M_BY_TURN), o->by_turn);
        }
        if (o->within_minutes) {
            sb_puts(sb, ", ");
            sb_printf(sb, T(p->lg, M_WITHIN), o->within_minutes);
        }
        sb_putc(sb, '\n');
    }
}

static void end_turn_body(play *p, sbuf *sb)
{
    int pl = play_player_of(p, p->role);
    char *pn = text_sanitize(play_player_name(p, pl), NULL);
    char rn[256];
    sb_printf(sb, T(p->lg, M_END_TURN_FOR), view_turn(p->v),
              pn && *pn ? pn : ui_role_name(p->sc, p->role, p->lg, rn, sizeof rn));
    free(pn);
    for (int r = 0; r < p->sc->nroles && r < 64 && pl >= 0; r++) {
        if (!(p->players[pl].roles >> r & 1) || view_ap_left(p->v, r) <= 0)
            continue;
        sb_putc(sb, '\n');
        sb_printf(sb, T(p->lg, M_AP_UNUSED), ui_role_name(p->sc, r, p->lg, rn, sizeof rn),
                  view_ap_left(p->v, r));
    }
    sbuf others = SBUF_INIT;
    for (int i = 0; i < p->nplayers; i++) {
        if (i == pl || view_ready(p->v, i))
            continue;
        char *n = text_sanitize(play_player_name(p, i), NULL);
        sb_printf(&others, "%s%s", others.len ? ", " : "", n ? n : "?");
        free(n);
    }
    if (others.len) {
        sb_putc(sb, '\n');
        sb_printf(sb, T(p->lg, M_WAITING_FOR), sb_str(&others));
    }
    sb_free(&others);
}

static void draw_compose(play *p, crt *c, int H, int W)
{
    const scen_action *a = &p->sc->actions[p->b_action];
    bool rec = a->target == TGT_RECIPIENT;
    const scen_named *v = rec ? p->sc->recipients : p->sc->audiences;
    int n = rec ? p->sc->nrecipients : p->sc->naudiences;
    rect r = centered(H, W, H - 2, 110);
    draw_panel(c, r.y, r.x, r.h, r.w, T(p->lg, rec ? M_COMPOSE_REPORT : M_COMPOSE_PUBLIC));
    int cw = (r.w - 5) / 2;
    int lx = r.x + 2, rx = r.x + 3 + cw, rows = r.h - 5;
    draw_str_cut(c, r.y + 1, lx, cw, T(p->lg, rec ? M_RECIPIENT : M_AUDIENCE),
                 p->compose_focus == 0 ? ST_FOCUS : ST_TITLE);
    draw_str_cut(c, r.y + 1, rx, cw, T(p->lg, M_FACTS), p->compose_focus == 1 ? ST_FOCUS : ST_TITLE);
    char buf[512], line[600];
    for (int i = 0; i < n && i < rows; i++) {
        bool on = strcmp(p->b_target, v[i].id) == 0;
        int rev = p->compose_focus == 0 && i == p->compose_rsel ? ST_REV : 0;
        snprintf(line, sizeof line, "(%s) %s", on ? "*" : " ", ui_text(&v[i].name, p->lg, buf, sizeof buf));
        draw_fill(c, r.y + 2 + i, lx, cw, rev);
        draw_str_cut(c, r.y + 2 + i, lx, cw, line, (on ? ST_BOLD : ST_NORMAL) | rev);
    }
    for (int i = 0; i < p->sc->nfacts && i < rows; i++) {
        int rev = p->compose_focus == 1 && i == p->compose_fsel ? ST_REV : 0;
        snprintf(line, sizeof line, "[%s] %s", p->facts_on[i] ? "x" : " ",
                 ui_text(&p->sc->facts[i].name, p->lg, buf, sizeof buf));
        draw_fill(c, r.y + 2 + i, rx, cw, rev);
        draw_str_cut(c, r.y + 2 + i, rx, cw, line, (p->facts_on[i] ? ST_BOLD : ST_NORMAL) | rev);
    }
    draw_str_cut(c, r.y + r.h - 2, r.x + 2, r.w - 4, T(p->lg, M_KEYS_COMPOSE), ST_DIM);
}

void ov_draw(play *p, crt *c, int H, int W)
{
    sbuf sb = SBUF_INIT;
    bool can;
    switch (p->ov) {
    case OV_HELP:
        draw_doc(p, c, H, W, T(p->lg, M_HELP), M_KEYS_SCROLL);
        break;
    case OV_DETAIL:
        draw_doc(p, c, H, W, T(p->lg, M_DETAIL_TITLE), M_KEYS_SCROLL);
        break;
    case OV_SUMMARY:
        draw_doc(p, c, H, W, T(p->lg, M_SUMMARY), M_KEYS_SUMMARY);
        break;
    case OV_OBJECTIVES:
        objectives_body(p, &sb);
        free(p->doc);
        p->doc = sb_take(&sb);
        draw_doc(p, c, H, W, T(p->lg, M_OBJECTIVES), M_KEYS_SCROLL);
        break;
    case OV_HINT:
        hint_body(p, &sb, &can);
        draw_message_box(p, c, H, W, T(p->lg, M_HINT), sb_str(&sb), can ? M_YES_NO : M_KEYS_SCROLL);
        break;
    case OV_PICK:
        draw_pick(p, c, H, W);
        break;
    case OV_TEXT: {
        rect r = centered(H, W, 6, 76);
        draw_panel(c, r.y, r.x, r.h, r.w, p->pick_title);
        draw_str(c, r.y + 2, r.x + 2, 2, "> ", ST_BOLD);
        int tw = draw_str_cut(c, r.y + 2, r.x + 4, r.w - 7, p->text, ST_BOLD);
        draw_str_cut(c, r.y + r.h - 2, r.x + 2, r.w - 4, T(p->lg, M_KEYS_TEXT), ST_DIM);
        draw_cursor(c, r.y + 2, r.x + 4 + tw, true);
        break;
    }
    case OV_COMPOSE:
        draw_compose(p, c, H, W);
        break;
    case OV_CONFIRM:
        describe_action(p, &sb);
        draw_message_box(p, c, H, W, T(p->lg, M_CONFIRM_QUEUE), sb_str(&sb), M_KEYS_CONFIRM);
        break;
    case OV_CANCEL:
        sb_printf(&sb, T(p->lg, M_CONFIRM_CANCEL), p->b_qid);
        draw_message_box(p, c, H, W, T(p->lg, M_QUEUE), sb_str(&sb), M_KEYS_CONFIRM);
        break;
    case OV_END_TURN:
        end_turn_body(p, &sb);
        draw_message_box(p, c, H, W, T(p->lg, M_END_TURN), sb_str(&sb), M_YES_NO);
        break;
    case OV_QUIT:
        if (p->session)
            sb_printf(&sb, T(p->lg, M_QUIT_SAVED), p->session);
        else
            sb_puts(&sb, T(p->lg, M_QUIT_UNSAVED));
        draw_message_box(p, c, H, W, T(p->lg, M_QUIT), sb_str(&sb), M_YES_NO);
        break;
    default:
        break;
    }
    if (p->ov != OV_TEXT)
        draw_cursor(c, 0, 0, false);
    sb_free(&sb);
}

/* ---- keys --------------------------------------------------------------- */

static bool yes(int key) { return key == TK_ENTER || key == 'y' || key == 'Y'; }
static bool no(int key) { return key == TK_ESC || key == 'n' || key == 'N'; }

static int doc_key(play *p, int key)
{
    switch (key) {
    case TK_UP: case 'k': p->ov_scroll--; break;
    case TK_DOWN: case 'j': p->ov_scroll++; break;
    case TK_PGUP: p->ov_scroll -= 10; break;
    case TK_PGDN: case ' ': p->ov_scroll += 10; break;
    case TK_HOME: p->ov_scroll = 0; break;
    case TK_END: p->ov_scroll = 1000000; break;
    case 'q':
        if (p->ov == OV_SUMMARY)
            return UI_QUIT;
        ov_close(p);
        break;
    case TK_ENTER:
        if (p->ov == OV_SUMMARY)
            return UI_QUIT;
        ov_close(p);
        break;
    case TK_ESC: case '?': case 'o':
        ov_close(p);
        break;
    default:
        return UI_HANDLED;
    }
    if (p->ov_scroll < 0)
        p->ov_scroll = 0;
    return UI_REDRAW;
}

static int pick_key(play *p, int key)
{
    switch (key) {
    case TK_UP: case 'k':
        if (p->ov_sel > 0)
            p->ov_sel--;
        return UI_REDRAW;
    case TK_DOWN: case 'j':
        if (p->ov_sel + 1 < p->npick)
            p->ov_sel++;
        return UI_REDRAW;
    case TK_PGUP:
        p->ov_sel = p->ov_sel > 10 ? p->ov_sel - 10 : 0;
        return UI_REDRAW;
    case TK_PGDN:
        p->ov_sel = p->ov_sel + 10 < p->npick ? p->ov_sel + 10 : p->npick - 1;
        return UI_REDRAW;
    case TK_ESC: case 'q':
        ov_close(p);
        return UI_REDRAW;
    case TK_ENTER:
        break;
    default:
        return UI_HANDLED;
    }
    if (p->ov_sel >= p->npick)
        return UI_REDRAW;
    const pick_item *it = &p->pick[p->ov_sel];
    if (p->pick_kind == PICK_VERDICT) {
        p->b_verdict = strcmp(it->id, "true") == 0;
        play_next_step(p);
    } else if (p->pick_kind == PICK_ACTION) {
        char target[256];
        snprintf(target, sizeof target, "%s", p->b_target);
        play_start_action(p, scen_action_find(p->sc, it->id), target);
    } else {
        snprintf(p->b_target, sizeof p->b_target, "%s", it->id);
        play_next_step(p);
    }
    return UI_REDRAW;
}

static int text_key(play *p, int key)
{
    size_t n = strlen(p->text);
    if (key == TK_ESC) {
        ov_close(p);
    } else if (key == TK_BACKSPACE) {
        while (n > 0 && ((unsigned char)p->text[n - 1] & 0xc0) == 0x80)
            n--;
        if (n > 0)
            n--;
        p->text[n] = '\0';
    } else if (key == TK_ENTER) {
        /* An indicator is one word of the input line: no spaces, and no
         * '#', which would start a comment. */
        if (!p->text[0] || strpbrk(p->text, " #")) {
            play_msg(p, ST_ALERT, "%s", T(p->lg, M_MSG_BAD_INDICATOR));
            return UI_REDRAW;
        }
        snprintf(p->b_target, sizeof p->b_target, "%s", p->text);
        play_next_step(p);
    } else if (key >= 0x21 && key < 0x110000 && key != 0x7f && !(key >= 0x80 && key < 0xa0)) {
        char mb[4];
        size_t l;
        unsigned cp = (unsigned)key;
        if (cp < 0x80) { mb[0] = (char)cp; l = 1; }
        else if (cp < 0x800) { mb[0] = (char)(0xc0 | cp >> 6); mb[1] = (char)(0x80 | (cp & 0x3f)); l = 2; }
        else if (cp < 0x10000) { mb[0] = (char)(0xe0 | cp >> 12); mb[1] = (char)(0x80 | (cp >> 6 & 0x3f)); mb[2] = (char)(0x80 | (cp & 0x3f)); l = 3; }
        else { mb[0] = (char)(0xf0 | cp >> 18); mb[1] = (char)(0x80 | (cp >> 12 & 0x3f)); mb[2] = (char)(0x80 | (cp >> 6 & 0x3f)); mb[3] = (char)(0x80 | (cp & 0x3f)); l = 4; }
        /* Indicators are at most 200 bytes (the engine's limit). */
        if (cp_is_unsafe(cp, NULL) || n + l > 200 || n + l >= sizeof p->text)
            return UI_HANDLED;
        memcpy(p->text + n, mb, l);
        p->text[n + l] = '\0';
    }
    return UI_REDRAW;
}

static int compose_key(play *p, int key)
{
    const scen_action *a = &p->sc->actions[p->b_action];
    int n = a->target == TGT_RECIPIENT ? p->sc->nrecipients : p->sc->naudiences;
    const scen_named *v = a->target == TGT_RECIPIENT ? p->sc->recipients : p->sc->audiences;
    int *sel = p->compose_focus == 0 ? &p->compose_rsel : &p->compose_fsel;
    int max = p->compose_focus == 0 ? n : p->sc->nfacts;
    switch (key) {
    case TK_ESC:
        ov_close(p);
        return UI_REDRAW;
    case TK_TAB: case TK_BTAB: case TK_LEFT: case TK_RIGHT:
        p->compose_focus ^= 1;
        return UI_REDRAW;
    case TK_UP: case 'k':
        if (*sel > 0)
            (*sel)--;
        return UI_REDRAW;
    case TK_DOWN: case 'j':
        if (*sel + 1 < max)
            (*sel)++;
        return UI_REDRAW;
    case ' ':
        if (p->compose_focus == 0 && *sel < n)
            snprintf(p->b_target, sizeof p->b_target, "%s", v[*sel].id);
        else if (p->compose_focus == 1 && *sel < p->sc->nfacts)
            p->facts_on[*sel] = !p->facts_on[*sel];
        return UI_REDRAW;
    case TK_ENTER:
        if (p->compose_focus == 0) {
            if (*sel < n)
                snprintf(p->b_target, sizeof p->b_target, "%s", v[*sel].id);
            p->compose_focus = 1;
            return UI_REDRAW;
        }
        if (!p->b_target[0]) {
            p->compose_focus = 0;
            return UI_REDRAW;
        }
        for (int i = 0; i < p->sc->nfacts; i++)
            if (p->facts_on[i]) {
                p->ov = OV_CONFIRM;
                return UI_REDRAW;
            }
        play_msg(p, ST_ALERT, "%s", T(p->lg, M_MSG_NO_FACTS));
        return UI_REDRAW;
    default:
        return UI_HANDLED;
    }
}

/* The input line of the action being built. */
static void action_line(play *p, sbuf *sb)
{
    const scen_action *a = &p->sc->actions[p->b_action];
    sb_printf(sb, "%s %s", p->sc->roles[p->role].id, a->id);
    if (p->b_target[0])
        sb_printf(sb, " %s", p->b_target);
    if (a->verdict && p->b_verdict >= 0)
        sb_puts(sb, p->b_verdict ? " true" : " false");
    bool first = true;
    for (int i = 0; a->facts && i < p->sc->nfacts; i++) {
        if (!p->facts_on[i])
            continue;
        sb_printf(sb, "%s%s", first ? " --facts " : ",", p->sc->facts[i].id);
        first = false;
    }
}

static int confirm_key(play *p, int key)
{
    if (no(key)) {
        ov_close(p);
        return UI_REDRAW;
    }
    if (!yes(key))
        return UI_HANDLED;
    sbuf line = SBUF_INIT;
    int ov = p->ov;
    ov_close(p);
    if (ov == OV_CONFIRM) {
        action_line(p, &line);
        int before = view_action_count(p->v);
        if (play_send(p, sb_str(&line)) >= 0 && view_action_count(p->v) > before) {
            char buf[768];
            const view_action *a = view_action_at(p->v, view_action_count(p->v) - 1);
            sbuf d = SBUF_INIT;
            describe_action(p, &d);
            snprintf(buf, sizeof buf, "%s", sb_str(&d));
            buf[strcspn(buf, "\n")] = '\0';
            sb_free(&d);
            if (!view_outcome(p->v))
                play_msg(p, ST_OK, T(p->lg, M_MSG_QUEUED), a->qid, buf);
        }
    } else if (ov == OV_CANCEL) {
        const char *role = p->b_action >= 0 ? NULL : NULL;
        (void)role;
        sb_printf(&line, "cancel %d", p->b_qid);
        if (play_send(p, sb_str(&line)) >= 0)
            play_msg(p, ST_OK, T(p->lg, M_MSG_CANCELLED), p->b_qid);
    } else if (ov == OV_END_TURN) {
        int turn = view_turn(p->v);
        int pl = play_player_of(p, p->role);
        sb_printf(&line, "%s end", p->sc->roles[p->role].id);
        if (play_send(p, sb_str(&line)) >= 0 && view_turn(p->v) == turn && !view_outcome(p->v)) {
            /* Hot seat: hand the keyboard to the next player still to end. */
            sbuf others = SBUF_INIT;
            int next = -1;
            for (int i = 0; i < p->nplayers; i++) {
                int k = (pl + 1 + i) % p->nplayers;
                if (view_ready(p->v, k))
                    continue;
                if (next < 0)
                    next = k;
                char *n = text_sanitize(play_player_name(p, k), NULL);
                sb_printf(&others, "%s%s", others.len ? ", " : "", n ? n : "?");
                free(n);
            }
            if (next >= 0) {
                for (int r = 0; r < p->sc->nroles && r < 64; r++)
                    if (p->players[next].roles >> r & 1) {
                        p->role = r;
                        break;
                    }
                play_sync(p);
            }
            char *me = text_sanitize(play_player_name(p, pl), NULL);
            play_msg(p, ST_INFO, T(p->lg, M_MSG_WAITING), me ? me : "?", sb_str(&others));
            free(me);
            sb_free(&others);
        }
    } else if (ov == OV_QUIT) {
        sb_free(&line);
        return UI_QUIT;
    }
    sb_free(&line);
    return UI_REDRAW;
}

static int hint_key(play *p, int key)
{
    if (no(key) || key == 'q' || key == 'h') {
        ov_close(p);
        return UI_REDRAW;
    }
    if (!yes(key))
        return UI_HANDLED;
    if (!p->hints || view_hint_next(p->v) < 0) {
        ov_close(p);
        return UI_REDRAW;
    }
    char line[128];
    snprintf(line, sizeof line, "%s hint", p->sc->roles[p->role].id);
    play_send(p, line);
    /* The overlay stays open: it now lists the hint just taken. */
    if (p->ov == OV_NONE)
        p->ov = OV_HINT;
    return UI_REDRAW;
}

int ov_key(play *p, int key)
{
    switch (p->ov) {
    case OV_HELP: case OV_DETAIL: case OV_SUMMARY: case OV_OBJECTIVES:
        return doc_key(p, key);
    case OV_PICK:
        return pick_key(p, key);
    case OV_TEXT:
        return text_key(p, key);
    case OV_COMPOSE:
        return compose_key(p, key);
    case OV_HINT:
        return hint_key(p, key);
    case OV_CONFIRM: case OV_CANCEL: case OV_END_TURN:
        return confirm_key(p, key);
    case OV_QUIT:
        if (key == 'q')
            return UI_QUIT;
        return confirm_key(p, key);
    default:
        ov_close(p);
        return UI_REDRAW;
    }
}
