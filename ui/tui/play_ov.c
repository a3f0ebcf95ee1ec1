/*
 * play_ov.c - the play screen's overlays: help, details, objectives, hint,
 * pick lists, confirmations (queue, cancel, end of turn, quit, the
 * facilitator's end of turn) and the end-of-session summary. What is typed
 * (the text field, the report composer) is in play_input.c.
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
    p->doc_back = OV_NONE;
}

/* Close a doc, back to where it was opened from (the facilitator's view
 * opens help and the ground truth in full). */
static void doc_close(play *p)
{
    int back = p->doc_back;
    ov_close(p);
    p->doc_back = OV_NONE;
    if (back == OV_FAC && p->truth)
        p->ov = OV_FAC;
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

rect ov_centered(int H, int W, int h, int w)
{
    if (w > W - 2)
        w = W - 2;
    if (h > H - 2)
        h = H - 2;
    return (rect){ (H - h) / 2, (W - w) / 2, h, w };
}

void ov_open_summary(play *p)
{
    if (p->port.metrics)
        p->nmetrics = p->port.metrics(p->port.ctx, p->metrics, TUI_MAX_METRICS);
    char *doc = ui_summary(p->v, p->metrics, p->nmetrics, p->session != NULL);
    ov_open_doc(p, OV_SUMMARY, doc ? doc : xstrdup(""));
    p->summary_done = true;
    /* The outcome in words and the ending's own text (not its id). */
    char words[256], line[1024];
    ui_outcome_words(p->v, words, sizeof words);
    const char *txt = view_ending_text(p->v);
    snprintf(line, sizeof line, "%s%s%.*s", words, *txt ? ". " : "", (int)strcspn(txt, "\n"), txt);
    play_msg(p, view_success(p->v) ? ST_OK : ST_ALERT, T(p->lg, M_MSG_ENDED), line);
}

/* ---- drawing ------------------------------------------------------------ */

static void draw_doc(play *p, crt *c, int H, int W, const char *title, msg_id keys)
{
    rect r = ov_centered(H, W, H - 2, 100);
    draw_panel(c, r.y, r.x, r.h, r.w, title);
    int rows = r.h - 3, iw = r.w - 4;
    int total = draw_wrap(c, r.y + 1, r.x + 2, 0, iw, p->doc, 0, ST_NORMAL);
    if (p->ov_scroll > total - rows)
        p->ov_scroll = total - rows;
    if (p->ov_scroll < 0)
        p->ov_scroll = 0;
    draw_wrap(c, r.y + 1, r.x + 2, rows, iw, p->doc ? p->doc : "", p->ov_scroll, ST_NORMAL);
    ui_draw_more(c, p->lg, r.y + r.h - 1, r.x, r.w, p->ov_scroll,
                 total - p->ov_scroll - rows > 0 ? total - p->ov_scroll - rows : 0);
    draw_str_cut(c, r.y + r.h - 2, r.x + 2, iw, T(p->lg, keys), ST_DIM);
}

static void draw_pick(play *p, crt *c, int H, int W)
{
    rect r = ov_centered(H, W, p->npick + 4, 78);
    draw_panel(c, r.y, r.x, r.h, r.w, p->pick_title);
    int rows = r.h - 3, iw = r.w - 4;
    if (p->ov_sel < p->ov_top)
        p->ov_top = p->ov_sel;
    if (p->ov_sel >= p->ov_top + rows)
        p->ov_top = p->ov_sel - rows + 1;
    if (p->ov_top > p->npick - rows)
        p->ov_top = p->npick - rows;
    if (p->ov_top < 0)
        p->ov_top = 0;
    for (int i = 0; i < rows && p->ov_top + i < p->npick; i++) {
        int k = p->ov_top + i;
        int rev = k == p->ov_sel ? ST_REV : 0;
        draw_fill(c, r.y + 1 + i, r.x + 2, iw, rev);
        draw_str_cut(c, r.y + 1 + i, r.x + 2, iw, p->pick[k].label, p->pick[k].style | rev);
    }
    ui_draw_more(c, p->lg, r.y + r.h - 1, r.x, r.w, p->ov_top,
                 p->npick - p->ov_top - rows > 0 ? p->npick - p->ov_top - rows : 0);
    draw_str_cut(c, r.y + r.h - 2, r.x + 2, iw, T(p->lg, M_KEYS_LIST), ST_DIM);
}

/* The action being built, in words. */
static void describe_action(play *p, sbuf *sb)
{
    const scen_action *a = &p->sc->actions[p->b_action];
    char buf[512], rn[256];
    ui_role_name(p->sc, p->role, p->lg, rn, sizeof rn);
    sb_printf(sb, "%s: %s", rn, ui_text(&a->label, p->lg, buf, sizeof buf));
    if (p->b_target[0])
        sb_printf(sb, " -> %s", ui_target_name(p->sc, p->b_action, p->b_target, p->lg, buf, sizeof buf));
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
    rect r = ov_centered(H, W, lines + 4, w);
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
            int cost = p->sc->hints[h].cost;
            sb_printf(sb, T(p->lg, I18N_N(cost, M_HINT_COST, M_HINT_COST_1)), cost);
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
            sb_printf(sb, T(p->lg, I18N_N(o->points, M_POINTS, M_POINTS_1)), o->points);
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
        int left = view_ap_left(p->v, r);
        sb_printf(sb, T(p->lg, I18N_N(left, M_AP_UNUSED, M_AP_UNUSED_1)),
                  ui_role_name(p->sc, r, p->lg, rn, sizeof rn), left);
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
        draw_message_box(p, c, H, W, T(p->lg, M_HINT), sb_str(&sb), can ? M_YES_NO : M_KEYS_CLOSE);
        break;
    case OV_PICK:
        draw_pick(p, c, H, W);
        break;
    case OV_TEXT:
        ov_draw_text(p, c, H, W);
        break;
    case OV_COMPOSE:
        ov_draw_compose(p, c, H, W);
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
    case OV_FAC:
        fac_draw(p, c, H, W);
        break;
    case OV_FAC_END:
        fac_draw(p, c, H, W);
        sb_printf(&sb, T(p->lg, M_FAC_END_ASK), view_turn(p->v));
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
    case 'q': case TK_ENTER:
        if (p->ov == OV_SUMMARY)
            return UI_QUIT;
        doc_close(p);
        break;
    case TK_ESC: case '?': case 'o':
        doc_close(p);
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
        bool fac = p->ov == OV_FAC_END;
        ov_close(p);
        if (fac)
            p->ov = OV_FAC;     /* back to the facilitator's view */
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
            if (next >= 0)
                play_set_role(p, play_first_role(p, next));
            char *me = text_sanitize(play_player_name(p, pl), NULL);
            play_msg(p, ST_INFO, T(p->lg, M_MSG_WAITING), me ? me : "?", sb_str(&others));
            free(me);
            sb_free(&others);
        }
    } else if (ov == OV_FAC_END) {
        int turn = view_turn(p->v);
        p->ov = OV_FAC;
        if (play_send(p, "facilitator end") >= 0 && !view_outcome(p->v))
            play_msg(p, ST_INFO, T(p->lg, M_MSG_FAC_ENDED), turn);
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
        return ov_text_key(p, key);
    case OV_COMPOSE:
        return ov_compose_key(p, key);
    case OV_HINT:
        return hint_key(p, key);
    case OV_CONFIRM: case OV_CANCEL: case OV_END_TURN: case OV_FAC_END:
        return confirm_key(p, key);
    case OV_FAC:
        return fac_key(p, key);
    case OV_QUIT:
        if (key == 'q')
            return UI_QUIT;
        return confirm_key(p, key);
    default:
        ov_close(p);
        return UI_REDRAW;
    }
}
