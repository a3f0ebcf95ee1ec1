/*
 * play_input.c - the overlays where something is typed or ticked: the
 * text field (an indicator, the facilitator's points, reason and message;
 * field.h does the editing) and the report composer (recipient and facts).
 */
#include "ui/tui/play_int.h"
#include "ui/tui/textw.h"
#include "engine/sbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The text overlay: a prompt, the field, what the field is for. */
void ov_draw_text(play *p, crt *c, int H, int W)
{
    rect r = ov_centered(H, W, 7, 76);
    draw_panel(c, r.y, r.x, r.h, r.w, p->pick_title);
    draw_str(c, r.y + 2, r.x + 2, 2, "> ", ST_BOLD);
    /* The end of what is typed stays in view: a long reason scrolls. */
    int room = r.w - 7;
    const char *s = p->fld.s;
    while (tw_width(s) > room && *s) {
        s++;
        while (((unsigned char)*s & 0xc0) == 0x80)
            s++;
    }
    int tw = draw_str(c, r.y + 2, r.x + 4, room, s, ST_BOLD);
    msg_id help = p->text_kind == TEXT_INDICATOR ? M_TEXT_INDICATOR
                : p->text_kind == TEXT_POINTS ? M_TEXT_POINTS
                : p->text_kind == TEXT_REASON ? M_TEXT_REASON : M_TEXT_NOTE;
    draw_str_cut(c, r.y + 4, r.x + 2, r.w - 4, T(p->lg, help), ST_DIM);
    draw_str_cut(c, r.y + r.h - 2, r.x + 2, r.w - 4, T(p->lg, M_KEYS_TEXT), ST_DIM);
    draw_cursor(c, r.y + 2, r.x + 4 + tw, true);
}

/* The widest of "(*) NAME" (or "[x] NAME") for n names, in columns. */
static int widest(const scen_named *v, int n, lang lg)
{
    char buf[512];
    int w = 0;
    for (int i = 0; i < n; i++) {
        int k = tw_width(ui_text(&v[i].name, lg, buf, sizeof buf)) + 4;
        w = k > w ? k : w;
    }
    return w;
}

void ov_draw_compose(play *p, crt *c, int H, int W)
{
    const scen_action *a = &p->sc->actions[p->b_action];
    bool rec = a->target == TGT_RECIPIENT;
    const scen_named *v = rec ? p->sc->recipients : p->sc->audiences;
    int n = rec ? p->sc->nrecipients : p->sc->naudiences;
    rect r = ov_centered(H, W, H - 2, 110);
    draw_panel(c, r.y, r.x, r.h, r.w, T(p->lg, rec ? M_COMPOSE_REPORT : M_COMPOSE_PUBLIC));
    /* The two columns share the width by what they hold: recipients'
     * names are long, facts short. */
    int inner = r.w - 5;
    int need_r = widest(v, n, p->lg), need_f = widest(p->sc->facts, p->sc->nfacts, p->lg);
    int cw = inner / 2;
    if (need_r > cw && need_f < inner - cw)
        cw = need_r < inner - need_f ? need_r : inner - need_f;
    else if (need_f > inner - cw && need_r < cw)
        cw = need_r > inner - need_f ? need_r : inner - need_f;
    int fw = inner - cw;
    int lx = r.x + 2, rx = r.x + 3 + cw, rows = r.h - 6;
    draw_str_cut(c, r.y + 1, lx, cw, T(p->lg, rec ? M_RECIPIENT : M_AUDIENCE),
                 p->compose_focus == 0 ? ST_FOCUS : ST_TITLE);
    draw_str_cut(c, r.y + 1, rx, fw, T(p->lg, M_FACTS), p->compose_focus == 1 ? ST_FOCUS : ST_TITLE);
    char buf[512], line[600];
    /* Each list scrolls to keep its selection in view. */
    int rtop = p->compose_rsel >= rows ? p->compose_rsel - rows + 1 : 0;
    int ftop = p->compose_fsel >= rows ? p->compose_fsel - rows + 1 : 0;
    for (int k = 0; k < rows && rtop + k < n; k++) {
        int i = rtop + k;
        bool on = strcmp(p->b_target, v[i].id) == 0;
        int rev = p->compose_focus == 0 && i == p->compose_rsel ? ST_REV : 0;
        snprintf(line, sizeof line, "(%s) %s", on ? "*" : " ", ui_text(&v[i].name, p->lg, buf, sizeof buf));
        draw_fill(c, r.y + 2 + k, lx, cw, rev);
        draw_str_cut(c, r.y + 2 + k, lx, cw, line, (on ? ST_BOLD : ST_NORMAL) | rev);
    }
    for (int k = 0; k < rows && ftop + k < p->sc->nfacts; k++) {
        int i = ftop + k;
        int rev = p->compose_focus == 1 && i == p->compose_fsel ? ST_REV : 0;
        snprintf(line, sizeof line, "[%s] %s", p->facts_on[i] ? "x" : " ",
                 ui_text(&p->sc->facts[i].name, p->lg, buf, sizeof buf));
        draw_fill(c, r.y + 2 + k, rx, fw, rev);
        draw_str_cut(c, r.y + 2 + k, rx, fw, line, (p->facts_on[i] ? ST_BOLD : ST_NORMAL) | rev);
    }
    ui_draw_more(c, p->lg, r.y + 2 + rows, lx - 1, cw + 1, rtop, n - rtop - rows > 0 ? n - rtop - rows : 0);
    ui_draw_more(c, p->lg, r.y + 2 + rows, rx - 1, fw + 1, ftop,
                 p->sc->nfacts - ftop - rows > 0 ? p->sc->nfacts - ftop - rows : 0);
    /* The highlighted one in full: a long name is cut in its column. */
    const char *full = p->compose_focus == 0 && p->compose_rsel < n
                     ? ui_text(&v[p->compose_rsel].name, p->lg, buf, sizeof buf)
                     : p->compose_focus == 1 && p->compose_fsel < p->sc->nfacts
                     ? ui_text(&p->sc->facts[p->compose_fsel].name, p->lg, buf, sizeof buf) : "";
    draw_str_cut(c, r.y + r.h - 3, r.x + 2, r.w - 4, full, ST_BOLD);
    draw_str_cut(c, r.y + r.h - 2, r.x + 2, r.w - 4, T(p->lg, M_KEYS_COMPOSE), ST_DIM);
}

void play_open_text(play *p, int kind, const char *title)
{
    ov_close(p);
    p->ov = OV_TEXT;
    p->text_kind = kind;
    snprintf(p->pick_title, sizeof p->pick_title, "%s", title);
    switch (kind) {
    case TEXT_INDICATOR:
        /* One word of the input line, at most the engine's 200 bytes: no
         * space, and no '#', which would start a comment. */
        field_init(&p->fld, 200, 0);
        snprintf(p->fld.deny, sizeof p->fld.deny, " #");
        break;
    case TEXT_POINTS:
        field_init(&p->fld, 6, 0);
        p->fld.digits = true;
        break;
    default:
        /* Free text that ends the input line: no '#' either. */
        field_init(&p->fld, 300, 0);
        snprintf(p->fld.deny, sizeof p->fld.deny, "#");
        break;
    }
}

/* Enter in the text overlay: what the field was for. */
static void text_done(play *p)
{
    char v[FIELD_MAX];
    field_value(&p->fld, v, sizeof v);
    char line[FIELD_MAX + 64];
    switch (p->text_kind) {
    case TEXT_INDICATOR:
        if (!v[0]) {
            play_msg(p, ST_ALERT, "%s", T(p->lg, M_MSG_BAD_INDICATOR));
            return;
        }
        snprintf(p->b_target, sizeof p->b_target, "%s", v);
        play_next_step(p);
        return;
    case TEXT_POINTS: {
        int n = atoi(v);
        if (n < 1 || n > 100000) {
            play_msg(p, ST_ALERT, "%s", T(p->lg, M_MSG_BAD_POINTS));
            return;
        }
        char title[256];
        p->fac_points = p->fac_points < 0 ? -n : n;
        snprintf(title, sizeof title, T(p->lg, I18N_N(abs(p->fac_points), M_FAC_REASON_FOR, M_FAC_REASON_FOR_1)),
                 p->fac_points);
        play_open_text(p, TEXT_REASON, title);
        return;
    }
    case TEXT_REASON:
    case TEXT_NOTE:
        if (!v[0]) {
            play_msg(p, ST_ALERT, "%s", T(p->lg, p->text_kind == TEXT_REASON ? M_MSG_NEED_REASON
                                                                             : M_MSG_NEED_NOTE));
            return;
        }
        if (p->text_kind == TEXT_NOTE)
            snprintf(line, sizeof line, "facilitator note %s", v);
        else
            snprintf(line, sizeof line, "facilitator %s %d %s",
                     p->fac_points < 0 ? "deduct" : "award",
                     p->fac_points < 0 ? -p->fac_points : p->fac_points, v);
        ov_close(p);
        p->ov = OV_FAC;
        if (play_send(p, line) >= 0) {
            if (p->text_kind == TEXT_NOTE)
                play_msg(p, ST_OK, "%s", T(p->lg, M_MSG_NOTE_SENT));
            else
                play_msg(p, ST_OK, T(p->lg, I18N_N(abs(p->fac_points), M_MSG_AWARDED, M_MSG_AWARDED_1)),
                         p->fac_points);
        }
        return;
    }
}

int ov_text_key(play *p, int key)
{
    if (key == TK_ESC) {
        /* Back where the question came from. */
        bool fac = p->text_kind != TEXT_INDICATOR;
        ov_close(p);
        if (fac)
            p->ov = OV_FAC;
        return UI_REDRAW;
    }
    if (key == TK_ENTER) {
        text_done(p);
        return UI_REDRAW;
    }
    int r = field_key(&p->fld, key);
    if (r == FIELD_REFUSED) {
        /* A key that does nothing says why, on the message line. */
        msg_id why = M_COUNT;
        if (p->text_kind == TEXT_INDICATOR && (key == ' ' || key == '#'))
            why = M_MSG_BAD_INDICATOR;
        else if (key == '#')
            why = M_MSG_NO_HASH;
        else if (p->text_kind == TEXT_POINTS && (key < '0' || key > '9'))
            why = M_MSG_BAD_POINTS;
        else {
            char enc[8];
            size_t len = field_encode((unsigned)key, enc);
            if (len && strlen(p->fld.s) + len > (size_t)p->fld.max_bytes)
                why = M_MSG_FIELD_FULL;
        }
        if (why != M_COUNT)
            play_msg(p, ST_WARN, "%s", T(p->lg, why));
    }
    return r == FIELD_IGNORED ? UI_HANDLED : UI_REDRAW;
}

int ov_compose_key(play *p, int key)
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

