/*
 * menu.c - the main menu and the new-drill steps; see menu.h.
 * One screen with a page at a time: main, scenario, mode, players, team
 * name, sessions to resume, sessions to review, scenarios.
 */
#include "ui/tui/menu.h"
#include "ui/tui/textw.h"
#include "engine/sbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { PG_MAIN, PG_SCEN, PG_MODE, PG_PLAYERS, PG_ASSIGN, PG_TEAM, PG_RESUME, PG_REVIEW, PG_LIST };

typedef struct menu {
    const menu_data *d;
    menu_choice *ch;
    int page, sel, top;
    int rows[1024], nrows;       /* sessions shown on a sessions page */
    char msg[256];
    bool done;
} menu;

static int page_count(const menu *m)
{
    switch (m->page) {
    case PG_MAIN: return 6;
    case PG_SCEN: case PG_LIST: return m->d->nscen;
    case PG_MODE: return 2;
    case PG_PLAYERS: return 3;
    case PG_ASSIGN: return m->d->scen[m->ch->scenario].nroles < 64 ? m->d->scen[m->ch->scenario].nroles : 64;
    case PG_RESUME: case PG_REVIEW: return m->nrows;
    default: return 0;
    }
}

static void open_page(menu *m, int page)
{
    m->page = page;
    m->sel = m->top = 0;
    m->msg[0] = '\0';
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
    case PG_MODE:
        snprintf(buf, size, "%s", T(lg, i == 0 ? M_MODE_TRAINING_DESC : M_MODE_EXERCISE_DESC));
        break;
    case PG_PLAYERS:
        snprintf(buf, size, "%s", T(lg, i == 0 ? M_PLAYERS_ONE : i == 1 ? M_PLAYERS_EACH
                                                                      : M_PLAYERS_CUSTOM));
        break;
    case PG_ASSIGN: {
        const menu_scenario *sc = &m->d->scen[m->ch->scenario];
        char who[64], name[256];
        snprintf(who, sizeof who, T(lg, M_PLAYER_N), m->ch->assign[i] + 1);
        /* Columns, not bytes: Vietnamese names are longer in bytes. */
        int w = tw_ellipsize(ui_text(&sc->roles[i], lg, t, sizeof t), 32, false, name, sizeof name);
        snprintf(buf, size, "%s%*s  < %s >", name, 32 - w, "", who);
        break;
    }
    case PG_RESUME: case PG_REVIEW: {
        const menu_session *s = &m->d->sess[m->rows[i]];
        char id[32];
        snprintf(id, sizeof id, "%lld", (long long)s->id);
        char *sc = text_sanitize(s->scenario, NULL), *tm = text_sanitize(s->team, NULL);
        char who[256];
        snprintf(who, sizeof who, "%s%s%s", sc ? sc : "?", tm && *tm ? " / " : "", tm ? tm : "");
        snprintf(buf, size, T(lg, M_SESSION_LINE), id, who, status_name(lg, s->status), s->turn,
                 s->started ? s->started : "");
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
    case PG_MODE: return T(lg, M_CHOOSE_MODE);
    case PG_PLAYERS: return T(lg, M_CHOOSE_PLAYERS);
    case PG_ASSIGN: return T(lg, M_ASSIGN_ROLES);
    case PG_TEAM: return T(lg, M_TEAM_NAME);
    case PG_RESUME: return T(lg, M_MENU_RESUME);
    case PG_REVIEW: return T(lg, M_MENU_REVIEW);
    case PG_LIST: return T(lg, M_MENU_SCENARIOS);
    default: return T(lg, M_APP_TITLE);
    }
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
    draw_box(c, 1, 0, lh, W, page_title(m), true);
    if (m->page == PG_TEAM) {
        draw_str(c, 3, 2, 2, "> ", ST_BOLD);
        int tw = draw_str_cut(c, 3, 4, W - 6, m->ch->team, ST_BOLD);
        draw_str_cut(c, 5, 2, W - 4, T(lg, M_KEYS_TEXT), ST_DIM);
        draw_cursor(c, 3, 4 + tw, true);
    } else {
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
        for (int i = 0; i < rows && m->top + i < n; i++) {
            int k = m->top + i;
            char buf[1024];
            row_text(m, k, buf, sizeof buf);
            int rev = k == m->sel ? ST_REV : 0;
            draw_fill(c, 2 + i, 1, W - 2, rev);
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
        draw_box(c, 1 + lh, 0, H - 3 - lh, W, T(lg, M_DETAILS), false);
        draw_wrap(c, 2 + lh, 2, H - 5 - lh, W - 4, sb_str(&sb), 0, ST_NORMAL);
        sb_free(&sb);
    }
    if (m->msg[0])
        draw_str_cut(c, H - 2, 1, W - 2, m->msg, ST_ALERT);
    else if (m->d->notice && m->d->notice[0])
        draw_str_cut(c, H - 2, 1, W - 2, m->d->notice, ST_INFO);
    else if (m->d->db)
        draw_fmt(c, H - 2, 1, W - 2, m->d->db_ok ? ST_DIM : ST_WARN,
                 T(lg, m->d->db_ok ? M_DB : M_NO_DB), m->d->db);
    msg_id keys = m->page == PG_TEAM ? M_KEYS_TEXT : m->page == PG_ASSIGN ? M_KEYS_ASSIGN
                                                                        : M_KEYS_MENU;
    draw_str_cut(c, H - 1, 1, W - 2, T(lg, keys), ST_DIM);
}

static void choose(menu *m)
{
    menu_choice *ch = m->ch;
    switch (m->page) {
    case PG_MAIN:
        switch (m->sel) {
        case 0: open_page(m, PG_SCEN); break;
        case 1: open_page(m, PG_RESUME); break;
        case 2: open_page(m, PG_REVIEW); break;
        case 3: open_page(m, PG_LIST); break;
        case 4: ch->lg = ch->lg == LANG_VI ? LANG_EN : LANG_VI; break;
        default: ch->what = MENU_QUIT; m->done = true; break;
        }
        break;
    case PG_SCEN: case PG_LIST:
        if (m->sel < m->d->nscen) {
            ch->scenario = m->sel;
            open_page(m, PG_MODE);
        }
        break;
    case PG_MODE:
        ch->mode = m->sel == 0 ? MODE_TRAINING : MODE_EXERCISE;
        open_page(m, PG_PLAYERS);
        break;
    case PG_PLAYERS:
        ch->players = m->sel == 0 ? MENU_ONE : m->sel == 1 ? MENU_PER_ROLE : MENU_CUSTOM;
        if (ch->players == MENU_CUSTOM) {
            /* Start from everyone on player 1: left/right moves a role. */
            memset(ch->assign, 0, sizeof ch->assign);
            open_page(m, PG_ASSIGN);
        } else {
            open_page(m, PG_TEAM);
        }
        break;
    case PG_ASSIGN:
        open_page(m, PG_TEAM);
        break;
    case PG_TEAM:
        ch->what = MENU_NEW;
        m->done = true;
        break;
    case PG_RESUME: case PG_REVIEW:
        if (m->sel < m->nrows) {
            ch->session = m->d->sess[m->rows[m->sel]].id;
            ch->what = m->page == PG_RESUME ? MENU_RESUME : MENU_REVIEW;
            m->done = true;
        }
        break;
    }
}

static void back(menu *m)
{
    switch (m->page) {
    case PG_MODE: open_page(m, PG_SCEN); break;
    case PG_PLAYERS: open_page(m, PG_MODE); break;
    case PG_ASSIGN: open_page(m, PG_PLAYERS); break;
    case PG_TEAM: open_page(m, m->ch->players == MENU_CUSTOM ? PG_ASSIGN : PG_PLAYERS); break;
    default: open_page(m, PG_MAIN); break;
    }
}

static int team_key(menu *m, int key)
{
    char *t = m->ch->team;
    size_t n = strlen(t);
    if (key == TK_ENTER) {
        choose(m);
    } else if (key == TK_ESC) {
        back(m);
    } else if (key == TK_BACKSPACE) {
        while (n > 0 && ((unsigned char)t[n - 1] & 0xc0) == 0x80)
            n--;
        if (n > 0)
            n--;
        t[n] = '\0';
    } else if (key >= 0x20 && key < 0x110000 && !cp_is_unsafe((unsigned)key, NULL)) {
        char mb[4];
        unsigned cp = (unsigned)key;
        size_t l;
        if (cp < 0x80) { mb[0] = (char)cp; l = 1; }
        else if (cp < 0x800) { mb[0] = (char)(0xc0 | cp >> 6); mb[1] = (char)(0x80 | (cp & 0x3f)); l = 2; }
        else if (cp < 0x10000) { mb[0] = (char)(0xe0 | cp >> 12); mb[1] = (char)(0x80 | (cp >> 6 & 0x3f)); mb[2] = (char)(0x80 | (cp & 0x3f)); l = 3; }
        else { mb[0] = (char)(0xf0 | cp >> 18); mb[1] = (char)(0x80 | (cp >> 12 & 0x3f)); mb[2] = (char)(0x80 | (cp >> 6 & 0x3f)); mb[3] = (char)(0x80 | (cp & 0x3f)); l = 4; }
        if (n + l < 64) {
            memcpy(t + n, mb, l);
            t[n + l] = '\0';
        }
    }
    return m->done ? UI_QUIT : UI_REDRAW;
}

static int menu_key(void *ctx, int key)
{
    menu *m = ctx;
    if (m->page == PG_TEAM)
        return team_key(m, key);
    int n = page_count(m);
    if (m->page == PG_ASSIGN && m->sel < n &&
        (key == TK_LEFT || key == TK_RIGHT || key == 'h' || key == 'l' || key == ' ')) {
        /* Player numbers run 1..number of roles: as many players as roles. */
        int d = key == TK_LEFT || key == 'h' ? n - 1 : 1;
        m->ch->assign[m->sel] = (unsigned char)((m->ch->assign[m->sel] + d) % n);
        return UI_REDRAW;
    }
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
        back(m);
        break;
    case 'q':
        m->ch->what = MENU_QUIT;
        return UI_QUIT;
    default:
        return UI_HANDLED;
    }
    return m->done ? UI_QUIT : UI_REDRAW;
}

int menu_run(crt *c, const menu_data *d, menu_choice *ch)
{
    menu m = { .d = d, .ch = ch };
    ch->what = MENU_QUIT;
    ch->team[0] = '\0';
    open_page(&m, PG_MAIN);
    /* The screen's language may change while it runs: lg is read from ch
     * at every frame. */
    for (;;) {
        ui_screen s = { menu_draw, menu_key, &m, ch->lg };
        int stop = ui_loop(c, &s);
        if (stop) {
            ch->what = MENU_QUIT;
            return 1;
        }
        if (m.done || ch->what == MENU_QUIT)
            return 0;
    }
}
