/*
 * menu_form.c - the forms of the main menu (see menu.h): a new drill
 * (mode, hints, turn timer, facilitator view, team, players by name, who
 * holds each role) and resuming a session (turn timer, facilitator view).
 *
 * A form is a list of rows; ↑↓ (Tab) move between them, ←→ change a
 * choice, typing goes into a text row (field.h: UTF-8, Backspace by
 * character, capped, no control characters), Enter moves on or acts.
 * Everything a newcomer needs is on one screen, with a line of help for
 * the row under the cursor, and Start works at once with the defaults:
 * training, no timer, one player holding every role.
 */
#include "ui/tui/menu_int.h"
#include "ui/tui/textw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { R_HEAD, R_MODE, R_HINTS, R_TIMER, R_FACIL, R_TEAM, R_PLAYER, R_ADD, R_PER_ROLE, R_ROLE,
       R_START, R_CONTINUE };

typedef struct row {
    int kind, i;
    msg_id head;             /* R_HEAD: its text */
} row;

#define MAX_ROWS (16 + MENU_MAX_PLAYERS + 64)

static const int timers[] = { 0, 60, 120, 180, 300, 600, 900, 1800 };
#define NTIMERS ((int)(sizeof timers / sizeof *timers))

/* The timer choices: the fixed ones, then the resumed session's recorded
 * timer when it is none of them (set by --timer when it was started). */
static int ntimers(const menu *m) { return NTIMERS + (m->timer_extra > 0); }
static int timer_at(const menu *m, int i) { return i < NTIMERS ? timers[i] : m->timer_extra; }

static const menu_scenario *form_scen(const menu *m)
{
    return &m->d->scen[m->ch->scenario];
}

static int nroles(const menu *m)
{
    int n = form_scen(m)->nroles;
    return n < 64 ? n : 64;
}

static int build(const menu *m, row *out)
{
    int n = 0;
#define ROW(k, i_) (out[n++] = (row){ (k), (i_), M_COUNT })
#define HEAD(h_) (out[n++] = (row){ R_HEAD, 0, (h_) })
    if (m->page == PG_RESUME_FORM) {
        ROW(R_TIMER, 0);
        ROW(R_FACIL, 0);
        ROW(R_CONTINUE, 0);
        return n;
    }
    ROW(R_MODE, 0);
    if (m->ch->mode == MODE_EXERCISE)
        ROW(R_HINTS, 0);
    ROW(R_TIMER, 0);
    ROW(R_FACIL, 0);
    ROW(R_TEAM, 0);
    HEAD(M_FORM_PLAYERS);
    for (int i = 0; i < m->nplayers; i++)
        ROW(R_PLAYER, i);
    if (m->nplayers < MENU_MAX_PLAYERS && m->nplayers < nroles(m))
        ROW(R_ADD, 0);
    if (nroles(m) > 1)
        ROW(R_PER_ROLE, 0);
    HEAD(M_FORM_ROLES);
    for (int r = 0; r < nroles(m); r++)
        ROW(R_ROLE, r);
    ROW(R_START, 0);
#undef ROW
#undef HEAD
    return n;
}

/* The name a player goes by: what was typed, else the placeholder. */
static void player_name(const menu *m, int i, char *buf, size_t size)
{
    if (field_blank(&m->names[i]))
        snprintf(buf, size, "%s", m->placeholder[i]);
    else
        field_value(&m->names[i], buf, size);
}

static void set_placeholder(menu *m, int i, const char *s)
{
    field f;
    field_init(&f, MENU_NAME_BYTES, MENU_NAME_COLS);
    field_set(&f, s);
    /* The field holds at most MENU_NAME_BYTES bytes. */
    memcpy(m->placeholder[i], f.s, strlen(f.s) + 1);
}

static void first_selectable(menu *m, int kind)
{
    row rows[MAX_ROWS];
    int n = build(m, rows);
    m->sel = 0;
    for (int i = 0; i < n; i++)
        if (rows[i].kind == kind) {
            m->sel = i;
            return;
        }
}

void form_open_new(menu *m)
{
    menu_choice *ch = m->ch;
    ch->mode = MODE_TRAINING;
    ch->hints = false;
    ch->facilitator = false;
    m->timer_i = 0;
    m->timer_extra = 0;
    field_init(&m->team, MENU_NAME_BYTES, MENU_NAME_COLS);
    m->nplayers = 1;
    field_init(&m->names[0], MENU_NAME_BYTES, MENU_NAME_COLS);
    char def[64];
    snprintf(def, sizeof def, T(ch->lg, M_PLAYER_N), 1);
    set_placeholder(m, 0, def);
    memset(ch->assign, 0, sizeof ch->assign);
    /* Start is where Enter goes first: the defaults are a whole drill. */
    first_selectable(m, R_START);
    m->top = 0;
}

void form_open_resume(menu *m)
{
    m->ch->facilitator = false;
    /* The session goes on at the pace it was started with. */
    int rec = 0;
    for (int i = 0; i < m->d->nsess; i++)
        if (m->d->sess[i].id == m->ch->session)
            rec = m->d->sess[i].timer;
    m->timer_i = 0;
    m->timer_extra = 0;
    for (int i = 0; i < NTIMERS; i++)
        if (timers[i] == rec)
            m->timer_i = i;
    if (rec > 0 && timers[m->timer_i] != rec) {
        m->timer_extra = rec;
        m->timer_i = NTIMERS;
    }
    first_selectable(m, R_CONTINUE);
    m->top = 0;
}

/* ---- drawing -------------------------------------------------------------- */

static msg_id label_of(int kind)
{
    switch (kind) {
    case R_MODE: return M_CHOOSE_MODE;
    case R_HINTS: return M_FORM_HINTS;
    case R_TIMER: return M_FORM_TIMER;
    case R_FACIL: return M_FORM_FACIL;
    case R_TEAM: return M_TEAM_NAME;
    default: return M_COUNT;
    }
}

static msg_id help_of(int kind)
{
    switch (kind) {
    case R_MODE: return M_FORM_HELP_MODE;
    case R_HINTS: return M_FORM_HELP_HINTS;
    case R_TIMER: return M_FORM_HELP_TIMER;
    case R_FACIL: return M_FORM_HELP_FACIL;
    case R_TEAM: return M_FORM_HELP_TEAM;
    case R_PLAYER: return M_FORM_HELP_PLAYER;
    case R_ADD: return M_FORM_HELP_ADD;
    case R_PER_ROLE: return M_FORM_HELP_PER_ROLE;
    case R_ROLE: return M_FORM_HELP_ROLE;
    case R_START: return M_FORM_HELP_START;
    default: return M_FORM_HELP_CONTINUE;
    }
}

static void timer_text(lang lg, int secs, char *buf, size_t size)
{
    if (secs == 0)
        snprintf(buf, size, "%s", T(lg, M_FORM_NO_TIMER));
    else if (secs % 60 == 0)
        snprintf(buf, size, T(lg, M_MINUTES), secs / 60);
    else
        snprintf(buf, size, T(lg, M_SECONDS), secs);
}

/* A row's label (left) and value (right). */
static void row_parts(const menu *m, const row *r, char *label, size_t ls, char *value,
                      size_t vs)
{
    lang lg = m->ch->lg;
    label[0] = value[0] = '\0';
    char t[512];
    switch (r->kind) {
    case R_MODE:
        snprintf(value, vs, "%s", T(lg, m->ch->mode == MODE_EXERCISE ? M_MODE_EXERCISE_DESC
                                                                      : M_MODE_TRAINING_DESC));
        break;
    case R_HINTS:
        snprintf(value, vs, "%s", T(lg, m->ch->hints ? M_FORM_HINTS_ON : M_FORM_HINTS_OFF));
        break;
    case R_TIMER:
        timer_text(lg, timer_at(m, m->timer_i), value, vs);
        break;
    case R_FACIL:
        snprintf(value, vs, "%s", T(lg, m->ch->facilitator ? M_FORM_ON : M_FORM_OFF));
        break;
    case R_PLAYER:
        snprintf(label, ls, T(lg, M_PLAYER_N), r->i + 1);
        return;
    case R_ROLE:
        ui_text(&form_scen(m)->roles[r->i], lg, t, sizeof t);
        snprintf(label, ls, "%s", t);
        player_name(m, m->ch->assign[r->i], value, vs);
        return;
    default:
        break;
    }
    if (label_of(r->kind) != M_COUNT)
        snprintf(label, ls, "%s", T(lg, label_of(r->kind)));
}

static void draw_row(menu *m, crt *c, const row *r, int y, int W, int lw, bool sel)
{
    lang lg = m->ch->lg;
    int rev = sel ? ST_REV : 0;
    if (r->kind == R_HEAD) {
        draw_str_cut(c, y, 2, W - 4, T(lg, r->head), ST_TITLE);
        return;
    }
    draw_fill(c, y, 1, W - 2, rev);
    if (r->kind == R_ADD || r->kind == R_PER_ROLE || r->kind == R_START || r->kind == R_CONTINUE) {
        msg_id id = r->kind == R_ADD ? M_FORM_ADD : r->kind == R_PER_ROLE ? M_FORM_PER_ROLE
                  : r->kind == R_START ? M_START : M_FORM_CONTINUE;
        char b[256];
        snprintf(b, sizeof b, r->kind == R_START || r->kind == R_CONTINUE ? "[ %s ]" : "%s",
                 T(lg, id));
        draw_str_cut(c, y, 2 + (r->kind == R_START || r->kind == R_CONTINUE ? 0 : lw), W - 4,
                     b, ST_BOLD | rev);
        return;
    }
    char label[512], value[512];
    row_parts(m, r, label, sizeof label, value, sizeof value);
    draw_str_cut(c, y, 2, lw - 1, label, ST_NORMAL | rev);
    int vx = 2 + lw, vw = W - 3 - vx;
    if (r->kind == R_TEAM || r->kind == R_PLAYER) {
        const field *f = r->kind == R_TEAM ? &m->team : &m->names[r->i];
        int w;
        if (!f->s[0] && r->kind == R_PLAYER) {
            /* The name it will have if none is typed, dim. */
            draw_str_cut(c, y, vx + 1, vw - 2, m->placeholder[r->i], ST_DIM | rev);
            w = 0;
        } else {
            w = draw_str_cut(c, y, vx + 1, vw - 2, f->s, ST_BOLD | rev);
        }
        draw_str(c, y, vx, 1, "[", rev);
        draw_str(c, y, vx + 1 + MENU_NAME_COLS + 1 < W - 2 ? vx + 1 + MENU_NAME_COLS + 1 : W - 3,
                 1, "]", rev);
        if (sel)
            draw_cursor(c, y, vx + 1 + w, true);
        return;
    }
    char b[600];
    snprintf(b, sizeof b, "< %s >", value);
    draw_str_cut(c, y, vx, vw, b, (sel ? ST_BOLD : ST_NORMAL) | rev);
}

void form_draw(menu *m, crt *c, int H, int W)
{
    lang lg = m->ch->lg;
    row rows[MAX_ROWS];
    int n = build(m, rows);
    char title[600], t[512];
    if (m->page == PG_RESUME_FORM)
        snprintf(title, sizeof title, T(lg, M_FORM_RESUME_OF), (long long)m->ch->session);
    else
        snprintf(title, sizeof title, "%s: %s", T(lg, M_MENU_NEW),
                 ui_text(&form_scen(m)->title, lg, t, sizeof t));
    int bh = H - 3 - 5;            /* the form; below it, the row's help */
    draw_box(c, 1, 0, bh, W, title, true);
    draw_cursor(c, 0, 0, false);
    /* Labels take the width of the longest, within a third of the screen. */
    int lw = 0;
    for (int i = 0; i < n; i++) {
        char label[512], value[512];
        row_parts(m, &rows[i], label, sizeof label, value, sizeof value);
        int w = tw_width(label);
        if (rows[i].kind != R_HEAD && w > lw)
            lw = w;
    }
    lw += 2;
    if (lw > W / 3)
        lw = W / 3;
    int vis = bh - 2;
    if (m->sel < m->top)
        m->top = m->sel;
    if (m->sel >= m->top + vis)
        m->top = m->sel - vis + 1;
    /* A heading just above the top row comes into view with it. */
    if (m->top > 0 && rows[m->top - 1].kind == R_HEAD && m->sel - (m->top - 1) < vis)
        m->top--;
    for (int i = 0; i < vis && m->top + i < n; i++)
        draw_row(m, c, &rows[m->top + i], 2 + i, W, lw, m->top + i == m->sel);
    ui_draw_more(c, lg, bh, 0, W, m->top, n - m->top - vis > 0 ? n - m->top - vis : 0);
    draw_box(c, 1 + bh, 0, 5, W, T(lg, M_DETAILS), false);
    if (m->sel < n)
        draw_wrap(c, 2 + bh, 2, 3, W - 4, T(lg, help_of(rows[m->sel].kind)), 0, ST_NORMAL);
}

/* ---- keys ----------------------------------------------------------------- */

static void move(menu *m, const row *rows, int n, int d)
{
    int s = m->sel;
    for (;;) {
        s += d;
        if (s < 0 || s >= n)
            return;
        if (rows[s].kind != R_HEAD) {
            m->sel = s;
            return;
        }
    }
}

static void change(menu *m, const row *r, int d)
{
    menu_choice *ch = m->ch;
    switch (r->kind) {
    case R_MODE:
        ch->mode = ch->mode == MODE_EXERCISE ? MODE_TRAINING : MODE_EXERCISE;
        break;
    case R_HINTS:
        ch->hints = !ch->hints;
        break;
    case R_TIMER:
        m->timer_i = (m->timer_i + d + ntimers(m)) % ntimers(m);
        break;
    case R_FACIL:
        ch->facilitator = !ch->facilitator;
        break;
    case R_ROLE:
        ch->assign[r->i] = (unsigned char)((ch->assign[r->i] + d + m->nplayers) % m->nplayers);
        break;
    default:
        break;
    }
}

static void add_player(menu *m)
{
    int i = m->nplayers++;
    field_init(&m->names[i], MENU_NAME_BYTES, MENU_NAME_COLS);
    char def[64];
    snprintf(def, sizeof def, T(m->ch->lg, M_PLAYER_N), i + 1);
    set_placeholder(m, i, def);
    row rows[MAX_ROWS];
    int n = build(m, rows);
    for (int k = 0; k < n; k++)
        if (rows[k].kind == R_PLAYER && rows[k].i == i)
            m->sel = k;
}

/* A player leaves; the roles they held go to the first player. */
static void remove_player(menu *m, int i)
{
    if (m->nplayers <= 1)
        return;
    for (int k = i; k + 1 < m->nplayers; k++) {
        m->names[k] = m->names[k + 1];
        memcpy(m->placeholder[k], m->placeholder[k + 1], sizeof m->placeholder[k]);
    }
    m->nplayers--;
    for (int r = 0; r < 64; r++) {
        if (m->ch->assign[r] == i)
            m->ch->assign[r] = 0;
        else if (m->ch->assign[r] > i)
            m->ch->assign[r]--;
    }
}

/* One player per role, named after it until a name is typed. */
static void per_role(menu *m)
{
    int n = nroles(m) < MENU_MAX_PLAYERS ? nroles(m) : MENU_MAX_PLAYERS;
    m->nplayers = n;
    for (int i = 0; i < n; i++) {
        char t[512];
        field_init(&m->names[i], MENU_NAME_BYTES, MENU_NAME_COLS);
        set_placeholder(m, i, ui_text(&form_scen(m)->roles[i], m->ch->lg, t, sizeof t));
    }
    for (int r = 0; r < 64; r++)
        m->ch->assign[r] = (unsigned char)(r < n ? r : n - 1);
}

/* Start: names (typed or default), unique, each holding a role. */
static bool finish_new(menu *m)
{
    menu_choice *ch = m->ch;
    lang lg = ch->lg;
    for (int i = 0; i < m->nplayers; i++)
        player_name(m, i, ch->names[i], sizeof ch->names[i]);
    for (int i = 0; i < m->nplayers; i++) {
        for (int k = 0; k < i; k++)
            if (strcmp(ch->names[i], ch->names[k]) == 0) {
                snprintf(m->msg, sizeof m->msg, T(lg, M_FORM_DUP), ch->names[i]);
                return false;
            }
        bool holds = false;
        for (int r = 0; r < nroles(m); r++)
            holds |= ch->assign[r] == i;
        if (!holds) {
            snprintf(m->msg, sizeof m->msg, T(lg, M_FORM_NO_ROLE), ch->names[i]);
            return false;
        }
    }
    ch->nplayers = m->nplayers;
    field_value(&m->team, ch->team, sizeof ch->team);
    ch->timer = timer_at(m, m->timer_i);
    if (ch->mode == MODE_TRAINING)
        ch->hints = true;
    ch->what = MENU_NEW;
    return true;
}

int form_key(menu *m, int key)
{
    row rows[MAX_ROWS];
    int n = build(m, rows);
    if (m->sel >= n)
        m->sel = n - 1;
    const row *r = &rows[m->sel];
    bool typed = r->kind == R_TEAM || r->kind == R_PLAYER;
    m->msg[0] = '\0';
    switch (key) {
    case TK_UP: case TK_BTAB:
        move(m, rows, n, -1);
        return UI_REDRAW;
    case TK_DOWN: case TK_TAB:
        move(m, rows, n, 1);
        return UI_REDRAW;
    case TK_PGUP: case TK_HOME:
        m->sel = 0;          /* the first row is never a heading */
        return UI_REDRAW;
    case TK_PGDN: case TK_END:
        m->sel = n - 1;
        return UI_REDRAW;
    case TK_ESC:
        menu_open_page(m, m->page == PG_FORM ? PG_SCEN : PG_RESUME);
        return UI_REDRAW;
    case TK_LEFT: case TK_RIGHT:
        change(m, r, key == TK_LEFT ? -1 : 1);
        return UI_REDRAW;
    case TK_DELETE:
        if (r->kind == R_PLAYER)
            remove_player(m, r->i);
        return UI_REDRAW;
    case TK_ENTER:
        switch (r->kind) {
        case R_ADD:
            add_player(m);
            break;
        case R_PER_ROLE:
            per_role(m);
            break;
        case R_START:
            m->done = finish_new(m);
            break;
        case R_CONTINUE:
            m->ch->timer = timer_at(m, m->timer_i);
            m->ch->what = MENU_RESUME;
            m->done = true;
            break;
        default:
            move(m, rows, n, 1);
            break;
        }
        return m->done ? UI_QUIT : UI_REDRAW;
    default:
        break;
    }
    if (typed) {
        field *f = r->kind == R_TEAM ? &m->team : &m->names[r->i];
        return field_key(f, key) == FIELD_IGNORED ? UI_HANDLED : UI_REDRAW;
    }
    /* Rows without text take the list keys too. */
    switch (key) {
    case 'k': move(m, rows, n, -1); return UI_REDRAW;
    case 'j': move(m, rows, n, 1); return UI_REDRAW;
    case 'h': change(m, r, -1); return UI_REDRAW;
    case 'l': case ' ': change(m, r, 1); return UI_REDRAW;
    default: return UI_HANDLED;
    }
}
