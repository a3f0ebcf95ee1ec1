/* draw.c - styled, width-aware drawing on the curses screen; see draw.h. */
#include "ui/tui/crt_int.h"
#include "ui/tui/textw.h"
#include "engine/text.h"
#include "engine/sbuf.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static attr_t style_attr(const crt *c, int style)
{
    attr_t a = c->style[(style & 0xff) < ST_COUNT ? (style & 0xff) : ST_NORMAL];
    if (style & ST_REV)
        a |= A_REVERSE;
    return a;
}

void draw_clear(crt *c)
{
    set_term(c->scr);
    werase(stdscr);
    c->cur_show = false;
}

void draw_flush(crt *c)
{
    set_term(c->scr);
    if (c->cur_show)
        wmove(stdscr, c->cur_y, c->cur_x);
    curs_set(c->cur_show ? 1 : 0);
    wnoutrefresh(stdscr);
    doupdate();
}

/* The code points of the first n bytes of s into wc (at most max - 1),
 * NUL-terminated. Outside a UTF-8 locale anything beyond ASCII becomes
 * '?', one cell, as textw measures it. */
static int to_wide(const crt *c, const char *s, size_t n, wchar_t *wc, int max)
{
    int k = 0;
    size_t i = 0;
    while (i < n && k < max - 1) {
        size_t l = utf8_seq_len(s + i, n - i);
        unsigned cp = 0xfffd;
        if (l == 0)
            l = 1;
        else
            utf8_decode(s + i, l, &cp);
        i += l;
        /* Sanitised text never has these; a string that slipped through
         * still cannot move the cursor or turn the line around. What takes
         * no column is dropped, the rest shows as '?' (as measured). */
        if (cp_is_unsafe(cp, NULL)) {
            if (tw_cpwidth(cp) == 0)
                continue;
            cp = '?';
        }
        if (!c->utf8 && cp >= 0x80)
            cp = '?';
        wc[k++] = (wchar_t)cp;
    }
    wc[k] = 0;
    return k;
}

int draw_str(crt *c, int y, int x, int maxw, const char *s, int style)
{
    set_term(c->scr);
    if (!s || maxw <= 0 || y < 0 || y >= LINES || x >= COLS)
        return 0;
    if (x + maxw > COLS)
        maxw = COLS - x;
    int w;
    size_t n = tw_fit(s, strlen(s), maxw, &w);
    if (n == 0)
        return 0;
    wchar_t buf[512];
    wchar_t *wc = n < sizeof buf / sizeof *buf ? buf : malloc((n + 1) * sizeof *wc);
    if (!wc)
        return 0;
    int k = to_wide(c, s, n, wc, (int)n + 1);
    attr_t a = style_attr(c, style);
    wattr_set(stdscr, a, (short)PAIR_NUMBER(a), NULL);
    mvwaddnwstr(stdscr, y, x, wc, k);
    wattr_set(stdscr, A_NORMAL, 0, NULL);
    if (wc != buf)
        free(wc);
    return w;
}

int draw_str_safe(crt *c, int y, int x, int maxw, const char *s, int style)
{
    char *t = text_sanitize(s, NULL);
    int w = draw_str_cut(c, y, x, maxw, t ? t : "", style);
    free(t);
    return w;
}

int draw_str_cut(crt *c, int y, int x, int maxw, const char *s, int style)
{
    char buf[1024];
    tw_ellipsize(s, maxw, !c->utf8, buf, sizeof buf);
    return draw_str(c, y, x, maxw, buf, style);
}

int draw_fmt(crt *c, int y, int x, int maxw, int style, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return draw_str_cut(c, y, x, maxw, buf, style);
}

void draw_fill(crt *c, int y, int x, int w, int style)
{
    set_term(c->scr);
    if (y < 0 || y >= LINES || w <= 0)
        return;
    if (x + w > COLS)
        w = COLS - x;
    attr_t a = style_attr(c, style);
    wattr_set(stdscr, a, (short)PAIR_NUMBER(a), NULL);
    mvwhline(stdscr, y, x, ' ', w);
    wattr_set(stdscr, A_NORMAL, 0, NULL);
}

void draw_box(crt *c, int y, int x, int h, int w, const char *title, bool focus)
{
    set_term(c->scr);
    if (h < 2 || w < 2)
        return;
    attr_t a = style_attr(c, focus ? ST_FOCUS : ST_FRAME);
    wattr_set(stdscr, a, (short)PAIR_NUMBER(a), NULL);
    mvwhline(stdscr, y, x + 1, ACS_HLINE, w - 2);
    mvwhline(stdscr, y + h - 1, x + 1, ACS_HLINE, w - 2);
    mvwvline(stdscr, y + 1, x, ACS_VLINE, h - 2);
    mvwvline(stdscr, y + 1, x + w - 1, ACS_VLINE, h - 2);
    mvwaddch(stdscr, y, x, ACS_ULCORNER);
    mvwaddch(stdscr, y, x + w - 1, ACS_URCORNER);
    mvwaddch(stdscr, y + h - 1, x, ACS_LLCORNER);
    mvwaddch(stdscr, y + h - 1, x + w - 1, ACS_LRCORNER);
    wattr_set(stdscr, A_NORMAL, 0, NULL);
    if (title && *title && w > 6) {
        /* A focused pane says so in text too (monochrome terminals). */
        int tx = x + 1;
        draw_str(c, y, tx++, 1, " ", ST_NORMAL);
        if (focus)
            tx += draw_str(c, y, tx, 2, "\xe2\x96\xb6 ", ST_FOCUS);
        int tw = draw_str_cut(c, y, tx, x + w - 2 - tx, title, focus ? ST_FOCUS : ST_TITLE);
        draw_str(c, y, tx + tw, 1, " ", ST_NORMAL);
    }
}

void draw_panel(crt *c, int y, int x, int h, int w, const char *title)
{
    /* What is under the box is cleared with a margin of one cell, so no
     * frame beneath touches its frame; a margin that would leave a sliver
     * of two or three columns at the screen's edge takes the sliver too
     * (no stray corner). Rows stay between the status bar and the message
     * line. */
    set_term(c->scr);
    int x0 = x - 1 <= 3 ? 0 : x - 1;
    int x1 = COLS - (x + w) <= 3 ? COLS : x + w + 1;
    int y0 = y - 1 < 1 ? (y < 1 ? y : 1) : y - 1;
    int y1 = y + h + 1 > LINES - 2 ? (y + h > LINES - 2 ? y + h : LINES - 2) : y + h + 1;
    for (int i = y0; i < y1; i++)
        draw_fill(c, i, x0, x1 - x0, ST_NORMAL);
    draw_box(c, y, x, h, w, title, true);
}

/* draw_wrap with the hanging indent of each paragraph given (hang[k]
 * for paragraph k, -1: its leading spaces), or NULL. */
static int wrap(crt *c, int y, int x, int h, int w, const char *s, int skip, int style,
                const int *hang, int nhang)
{
    size_t n = strlen(s), pos = 0;
    int line = 0, indent = 0, npara = 0;
    bool para = true;         /* at the start of a paragraph */
    for (;;) {
        /* A paragraph that starts indented keeps its indent on the lines
         * it wraps onto (a hanging indent), so an explanation stays under
         * the item it explains; one with a DRAW_HANG mark, at the mark. */
        if (para) {
            indent = npara < nhang && hang[npara] >= 0 ? hang[npara] : (int)strspn(s + pos, " ");
            if (indent > (hang && npara < nhang && hang[npara] >= 0 ? w * 2 / 3 : w / 3))
                indent = 0;
            npara++;
        }
        int off = para ? 0 : indent;
        size_t adv;
        size_t len = tw_wrap_line(s + pos, n - pos, w - off, &adv);
        if (line >= skip && line - skip < h) {
            char *seg = xstrndup(s + pos, len);
            if (seg)
                draw_str(c, y + line - skip, x + off, w - off, seg, style);
            free(seg);
        }
        line++;
        pos += adv;
        if (pos >= n) {
            if (n > 0 && s[n - 1] == '\n' && adv > 0 && pos == n)
                line++;
            break;
        }
        para = s[pos - 1] == '\n';
    }
    return line;
}

int draw_wrap(crt *c, int y, int x, int h, int w, const char *s, int skip, int style)
{
    if (!s)
        s = "";
    if (!strchr(s, DRAW_HANG[0]))
        return wrap(c, y, x, h, w, s, skip, style, NULL, 0);
    /* The marks out of the text, each paragraph's indent kept aside. */
    size_t n = strlen(s);
    int nhang = 1;
    for (size_t i = 0; i < n; i++)
        nhang += s[i] == '\n';
    char *t = malloc(n + 1);
    int *hang = malloc((size_t)nhang * sizeof *hang);
    if (!t || !hang) {
        free(t);
        free(hang);
        return wrap(c, y, x, h, w, s, skip, style, NULL, 0);
    }
    size_t k = 0, start = 0;
    int para = 0;
    hang[0] = -1;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == DRAW_HANG[0]) {
            if (hang[para] < 0)
                hang[para] = tw_widthn(t + start, k - start);
            continue;
        }
        t[k++] = s[i];
        if (s[i] == '\n') {
            hang[++para] = -1;
            start = k;
        }
    }
    t[k] = '\0';
    int lines = wrap(c, y, x, h, w, t, skip, style, hang, nhang);
    free(t);
    free(hang);
    return lines;
}

void draw_cursor(crt *c, int y, int x, bool show)
{
    c->cur_y = y;
    c->cur_x = x;
    c->cur_show = show;
}
