/*
 * menu.c - the main menu; see menu.h. One screen with a page at a time:
 * main, scenarios to start, the new-drill form, sessions to resume (then
 * the resume form), sessions to review, scenarios. The forms are in
 * menu_form.c.
 */
#include "ui/tui/menu_int.h"
#include "ui/tui/textw.h"
#include "engine/sbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int page_count(const menu *m)
{
    switch (m->page) {
    case PG_MAIN: return 6;
    case PG_SCEN: case PG_LIST: return m->d->nscen;
    case PG_RESUME: case PG_REVIEW: return m->nrows;
    default: return 0;
    }
}

void menu_open_page(menu *m, int page)
{
    m->page = page;
    m->sel = m->top = 0;
    m->msg[0] = '\0';
    m->det_focus = false;
    m->det_scroll = 0;
    if (page == PG_RESUME || page == PG_REVIEW) {
        m->nrows = 0;
        for (int i = 0; i < m->d->nsess && m->nrows < 1024; i++)
            if (page == PG_REVIEW || strcmp(m->d->sess[i].status, "active") == 0)
                m->rows[m->nrows++] = i;
    }
}

static const char *diff_name(lang lg, int d)
{
    return T(lg, d == DIFF_ADVANCED ? M_DIFF_ADVANCED : d == DIFF_INTERMEDIATE ? M_DIFF_INTERMEDIATE
                                                                               : M_DIFF_BASIC);
}

static const char *status_name(lang lg, const char *st)
{
    if (strcmp(st, "active") == 0)
        return T(lg, M_ST_ACTIVE);
    if (strcmp(st, "finished") == 0)
        return T(lg, M_ST_FINISHED);
    return T(lg, M_ST_ABORTED);
}

/* One row of a page into buf. */
static void row_text(const menu *m, int i, char *buf, size_t size)
{
    lang lg = m->ch->lg;
    char t[512];
    switch (m->page) {
    case PG_MAIN: {
        static const msg_id items[] = { M_MENU_NEW, M_MENU_RESUME, M_MENU_REVIEW,
                                         M_MENU_SCENARIOS, M_MENU_LANG, M_MENU_QUIT };
        snprintf(buf, size, "%s", T(lg, items[i]));
        break;
    }
    case PG_SCEN: case PG_LIST: {
        const menu_scenario *s = &m->d->scen[i];
        char turns[128];
        snprintf(turns, sizeof turns, T(lg, M_TURNS_OF), s->max_turns, s->turn_minutes);
        snprintf(buf, size, "%s  [%s] %s", ui_text(&s->title, lg, t, sizeof t), diff_name(lg, s->diff),
                 turns);
        break;
    }
    case PG_RESUME: case PG_REVIEW: {
        const menu_session *s = &m->d->sess[m->rows[i]];
        char id[32];
        snprintf(id, sizeof id, "%lld", (long long)s->id);
        /* The scenario by its title when it is on the search path. */
        const char *name = s->scenario;
        for (int k = 0; k < m->d->nscen; k++)
            if (strcmp(m->d->scen[k].id, s->scenario) == 0 && !text_empty(&m->d->scen[k].title))
                name = ui_text(&m->d->scen[k].title, lg, t, sizeof t);
        char *sc = text_sanitize(name, NULL), *tm = text_sanitize(s->team, NULL);
        char who[256];
        snprintf(who, sizeof who, "%s%s%s", sc ? sc : "?", tm && *tm ? " / " : "", tm ? tm : "");
        snprintf(buf, size, T(lg, M_SESSION_LINE), id, status_name(lg, s->status), s->turn,
                 s->started ? s->started : "", who);
        free(sc);
        free(tm);
        break;
    }
    default:
        buf[0] = '\0';
    }
}

static const char *page_title(const menu *m)
{
    lang lg = m->ch->lg;
    switch (m->page) {
    case PG_SCEN: return T(lg, M_CHOOSE_SCENARIO);
    case PG_RESUME: return T(lg, M_MENU_RESUME);
    case PG_REVIEW: return T(lg, M_MENU_REVIEW);
    case PG_LIST: return T(lg, M_MENU_SCENARIOS);
    default: return T(lg, M_APP_TITLE);
    }
}

/* A scenario on its row: the title, cut if need be, and what it is on
 * the right (difficulty, turns), which stays whole. */
static void scen_row(const menu *m, crt *c, int i, int y, int W, int rev)
{
    lang lg = m->ch->lg;
    const menu_scenario *s = &m->d->scen[i];
    char t[512], meta[256], turns[128];
    snprintf(turns, sizeof turns, T(lg, M_TURNS_OF), s->max_turns, s->turn_minutes);
    snprintf(meta, sizeof meta, "[%s] %s", diff_name(lg, s->diff), turns);
    int mw = tw_width(meta);
    if (mw > W / 2)
        mw = W / 2;
    draw_str_cut(c, y, 2, W - 4 - mw - 2, ui_text(&s->title, lg, t, sizeof t), rev);
    draw_str_cut(c, y, W - 2 - mw, mw, meta, ST_DIM | rev);
}

static void menu_draw(void *ctx, crt *c)
{
    menu *m = ctx;
    lang lg = m->ch->lg;
    int H, W;
    crt_size(c, &H, &W);
    draw_fill(c, 0, 0, W, ST_STATUS);
    draw_str_cut(c, 0, 1, W - 2, T(lg, M_APP_TITLE), ST_STATUS | ST_BOLD);
    int n = page_count(m);
    /* Lists take the upper part; what is selected is described below. */
    int lh = H - 3;
    bool details = m->page == PG_SCEN || m->page == PG_LIST;
    if (details)
        lh = (H - 3) / 2;
    /* The main page says what each choice is, for whoever runs irdrill
     * for the first time. */
    bool intro = m->page == PG_MAIN;
    if (intro)
        lh = 8;
    bool form = m->page == PG_FORM || m->page == PG_RESUME_FORM;
    if (form) {
        form_draw(m, c, H, W);
    } else {
        draw_box(c, 1, 0, lh, W, page_title(m), true);
        draw_cursor(c, 0, 0, false);
        int rows = lh - 2;
        if (m->sel < m->top)
            m->top = m->sel;
        if (m->sel >= m->top + rows)
            m->top = m->sel - rows + 1;
        if (n == 0) {
            msg_id empty = m->page == PG_RESUME ? M_NO_ACTIVE
                         : m->page == PG_REVIEW ? M_NO_SESSIONS : M_NO_SCENARIOS;
            draw_str_cut(c, 2, 2, W - 4, T(lg, empty), ST_DIM);
        }
        if (m->top > n - rows)
            m->top = n - rows;
        if (m->top < 0)
            m->top = 0;
        ui_draw_more(c, lg, lh, 0, W, m->top, n - m->top - rows > 0 ? n - m->top - rows : 0);
        for (int i = 0; i < rows && m->top + i < n; i++) {
            int k = m->top + i;
            int rev = k == m->sel && !m->det_focus ? ST_REV : 0;
            draw_fill(c, 2 + i, 1, W - 2, rev);
            if (details) {
                scen_row(m, c, k, 2 + i, W, rev);
                continue;
            }
            char buf[1024];
            row_text(m, k, buf, sizeof buf);
            draw_str_safe(c, 2 + i, 2, W - 4, buf, rev);
        }
    }
    if (details && m->sel < m->d->nscen) {
        const menu_scenario *s = &m->d->scen[m->sel];
        char t[4096];
        sbuf sb = SBUF_INIT;
        sb_printf(&sb, "%s (%s)\n", ui_text(&s->title, lg, t, sizeof t), s->id);
        sb_printf(&sb, "%s: %s%s%s\n\n", T(lg, M_SCEN_LANGS), s->vi ? "vi" : "",
                  s->vi && s->en ? ", " : "", s->en ? "en" : "");
        sb_puts(&sb, ui_text(&s->summary, lg, t, sizeof t));
        /* A summary longer than the box scrolls (Tab into the box). */
        int dh = H - 5 - lh;
        draw_box(c, 1 + lh, 0, H - 3 - lh, W, T(lg, M_DETAILS), m->det_focus);
        int total = draw_wrap(c, 0, 0, 0, W - 4, sb_str(&sb), 0, ST_NORMAL);
        if (m->det_scroll > total - dh)
            m->det_scroll = total - dh;
        if (m->det_scroll < 0)
            m->det_scroll = 0;
        draw_wrap(c, 2 + lh, 2, dh, W - 4, sb_str(&sb), m->det_scroll, ST_NORMAL);
        ui_draw_more(c, lg, H - 3, 0, W, m->det_scroll,
                     total - m->det_scroll - dh > 0 ? total - m->det_scroll - dh : 0);
        sb_free(&sb);
    }
    if (intro && m->sel < 6) {
        static const msg_id about[] = { M_ABOUT_NEW, M_ABOUT_RESUME, M_ABOUT_REVIEW,
                                         M_ABOUT_SCENARIOS, M_ABOUT_LANG, M_ABOUT_QUIT };
        draw_box(c, 1 + lh, 0, H - 3 - lh, W, T(lg, M_DETAILS), false);
        draw_wrap(c, 2 + lh, 2, H - 5 - lh, W - 4, T(lg, about[m->sel]), 0, ST_NORMAL);
    }
    if (m->msg[0])
        draw_str_cut(c, H - 2, 1, W - 2, m->msg, ST_ALERT);
    else if (!crt_utf8(c))
        draw_fmt(c, H - 2, 1, W - 2, ST_WARN, T(lg, M_MSG_NOT_UTF8), crt_locale_var(c));
    else if (m->d->notice && m->d->notice[0])
        draw_str_cut(c, H - 2, 1, W - 2, m->d->notice, ST_INFO);
    else if (m->d->db)
        draw_fmt(c, H - 2, 1, W - 2, m->d->db_ok ? ST_DIM : ST_WARN,
                 T(lg, m->d->db_ok ? M_DB : M_NO_DB), m->d->db);
    draw_str_cut(c, H - 1, 1, W - 2,
                 T(lg, form ? M_KEYS_FORM : details ? M_KEYS_MENU_SCEN : M_KEYS_MENU), ST_DIM);
}

static void choose(menu *m)
{
    menu_choice *ch = m->ch;
    switch (m->page) {
    case PG_MAIN:
        switch (m->sel) {
        case 0: menu_open_page(m, PG_SCEN); break;
        case 1: menu_open_page(m, PG_RESUME); break;
        case 2: menu_open_page(m, PG_REVIEW); break;
        case 3: menu_open_page(m, PG_LIST); break;
        case 4: ch->lg = ch->lg == LANG_VI ? LANG_EN : LANG_VI; break;
        default: ch->what = MENU_QUIT; m->done = true; break;
        }
        break;
    case PG_SCEN: case PG_LIST:
        if (m->sel < m->d->nscen) {
            ch->scenario = m->sel;
            menu_open_page(m, PG_FORM);
            form_open_new(m);
        }
        break;
    case PG_RESUME:
        if (m->sel < m->nrows) {
            ch->session = m->d->sess[m->rows[m->sel]].id;
            menu_open_page(m, PG_RESUME_FORM);
            form_open_resume(m);
        }
        break;
    case PG_REVIEW:
        if (m->sel < m->nrows) {
            ch->session = m->d->sess[m->rows[m->sel]].id;
            ch->what = MENU_REVIEW;
            m->done = true;
        }
        break;
    }
}

static int menu_key(void *ctx, int key)
{
    menu *m = ctx;
    if (m->page == PG_FORM || m->page == PG_RESUME_FORM)
        return form_key(m, key);
    int n = page_count(m);
    bool details = m->page == PG_SCEN || m->page == PG_LIST;
    if (details && (key == TK_TAB || key == TK_BTAB)) {
        m->det_focus = !m->det_focus;
        return UI_REDRAW;
    }
    if (m->det_focus) {
        /* In the Details box: the keys scroll it; Esc goes back to the list. */
        switch (key) {
        case TK_UP: case 'k': m->det_scroll--; return UI_REDRAW;
        case TK_DOWN: case 'j': m->det_scroll++; return UI_REDRAW;
        case TK_PGUP: m->det_scroll -= 5; return UI_REDRAW;
        case TK_PGDN: case ' ': m->det_scroll += 5; return UI_REDRAW;
        case TK_HOME: m->det_scroll = 0; return UI_REDRAW;
        case TK_ESC: case 'h': case TK_LEFT: m->det_focus = false; return UI_REDRAW;
        default: break;
        }
    }
    int was = m->sel;
    if (key != TK_ENTER && key != 'l' && key != TK_RIGHT)
        m->det_focus = false;
    switch (key) {
    case TK_UP: case 'k':
        if (m->sel > 0)
            m->sel--;
        break;
    case TK_DOWN: case 'j':
        if (m->sel + 1 < n)
            m->sel++;
        break;
    case TK_PGUP:
        m->sel = m->sel > 10 ? m->sel - 10 : 0;
        break;
    case TK_PGDN:
        m->sel = m->sel + 10 < n ? m->sel + 10 : (n > 0 ? n - 1 : 0);
        break;
    case TK_HOME:
        m->sel = 0;
        break;
    case TK_END:
        m->sel = n > 0 ? n - 1 : 0;
        break;
    case TK_ENTER: case 'l': case TK_RIGHT:
        choose(m);
        break;
    case TK_ESC: case 'h': case TK_LEFT: case TK_BACKSPACE:
        menu_open_page(m, PG_MAIN);
        break;
    case 'q':
        m->ch->what = MENU_QUIT;
        return UI_QUIT;
    default:
        return UI_HANDLED;
    }
    if (m->sel != was)
        m->det_scroll = 0;
    return m->done ? UI_QUIT : UI_REDRAW;
}

int menu_run(crt *c, const menu_data *d, menu_choice *ch)
{
    menu m = { .d = d, .ch = ch };
    ch->what = MENU_QUIT;
    menu_open_page(&m, PG_MAIN);
    /* The screen's language may change while it runs: lg is read from ch
     * at every frame. */
    for (;;) {
        ui_screen s = { .draw = menu_draw, .key = menu_key, .ctx = &m, .lg = ch->lg };
        int stop = ui_loop(c, &s);
        if (stop) {
            ch->what = MENU_QUIT;
            return 1;
        }
        if (m.done || ch->what == MENU_QUIT)
            return 0;
    }
}
