/* textw.c - display width, fitting and wrapping of UTF-8 text; see textw.h. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700     /* wcwidth */
#endif
#include "ui/tui/textw.h"
#include "engine/text.h"

#include <string.h>
#include <wchar.h>

int tw_cpwidth(unsigned cp)
{
    if (cp == '\n')
        return 0;
    int w = wcwidth((wchar_t)cp);
    /* -1: not printable in this locale; the drawing code shows '?'. */
    if (w < 0)
        return 1;
    return w > 2 ? 2 : w;
}

/* The code point at s and its length in bytes (an invalid byte is one
 * byte of width 1, shown as U+FFFD). */
static size_t next_cp(const char *s, size_t n, unsigned *cp)
{
    size_t l = utf8_seq_len(s, n);
    if (l == 0) {
        *cp = 0xfffd;
        return 1;
    }
    utf8_decode(s, l, cp);
    return l;
}

int tw_widthn(const char *s, size_t n)
{
    int w = 0;
    size_t i = 0;
    while (i < n && s[i]) {
        unsigned cp;
        i += next_cp(s + i, n - i, &cp);
        w += tw_cpwidth(cp);
    }
    return w;
}

int tw_width(const char *s)
{
    return s ? tw_widthn(s, strlen(s)) : 0;
}

size_t tw_fit(const char *s, size_t n, int maxw, int *wout)
{
    size_t i = 0, fit = 0;
    int w = 0, fitw = 0;
    bool have_base = false;   /* a character fitted, its marks may follow */
    while (i < n && s[i] && s[i] != '\n') {
        unsigned cp;
        size_t l = next_cp(s + i, n - i, &cp);
        int cw = tw_cpwidth(cp);
        if (cw == 0) {
            /* A mark joins the character before it, or (at the very start)
             * is taken alone, costing nothing. */
            if (have_base || fit == i) {
                i += l;
                fit = i;
                continue;
            }
            break;
        }
        if (w + cw > maxw)
            break;
        w += cw;
        i += l;
        fit = i;
        fitw = w;
        have_base = true;
    }
    if (wout)
        *wout = fitw;
    return fit;
}

/* Bytes of s[0..end) without trailing spaces. */
static size_t trim_end(const char *s, size_t end)
{
    while (end > 0 && s[end - 1] == ' ')
        end--;
    return end;
}

size_t tw_wrap_line(const char *s, size_t n, int width, size_t *adv)
{
    if (width < 1)
        width = 1;
    size_t i = 0;
    size_t brk = 0;          /* end of the content before the last run of spaces */
    size_t after = 0;        /* where the word after that run starts */
    int w = 0;
    while (i < n && s[i]) {
        if (s[i] == '\n') {
            *adv = i + 1;
            return trim_end(s, i);
        }
        if (s[i] == ' ') {
            size_t j = i;
            while (j < n && s[j] == ' ')
                j++;
            if (w + (int)(j - i) > width) {
                /* Spaces never start the next line: drop them here, and a
                 * newline right after them with them. */
                *adv = j < n && s[j] == '\n' ? j + 1 : j;
                return trim_end(s, i);
            }
            if (i > 0) {     /* leading spaces are indentation, not a break */
                brk = i;
                after = j;
            }
            w += (int)(j - i);
            i = j;
            continue;
        }
        unsigned cp;
        size_t l = next_cp(s + i, n - i, &cp);
        int cw = tw_cpwidth(cp);
        if (w + cw > width) {
            if (brk > 0) {
                *adv = after;
                return trim_end(s, brk);
            }
            if (i == 0) {
                /* A character wider than the line: it goes alone, with its
                 * marks, or nothing would ever progress. */
                i += l;
                while (i < n && s[i]) {
                    size_t l2 = next_cp(s + i, n - i, &cp);
                    if (cp == '\n' || tw_cpwidth(cp) != 0)
                        break;
                    i += l2;
                }
            }
            *adv = i;
            return i;
        }
        w += cw;
        i += l;
    }
    *adv = i;
    return trim_end(s, i);
}

int tw_wrap_count(const char *s, int width)
{
    if (!s)
        return 1;
    size_t n = strlen(s), pos = 0;
    int lines = 0;
    do {
        size_t adv;
        tw_wrap_line(s + pos, n - pos, width, &adv);
        pos += adv;
        lines++;
        /* A final '\n' starts one more (empty) line. */
        if (pos == n && n > 0 && s[n - 1] == '\n') {
            lines++;
            break;
        }
    } while (pos < n);
    return lines;
}

/* Shorten a prefix of length fit to at most limit bytes, on a character
 * boundary (never inside a UTF-8 sequence). */
static size_t back_off(const char *s, size_t fit, size_t limit)
{
    if (fit <= limit)
        return fit;
    fit = limit;
    while (fit > 0 && ((unsigned char)s[fit] & 0xc0) == 0x80)
        fit--;
    return fit;
}

int tw_ellipsize(const char *s, int maxw, bool ascii, char *out, size_t outsz)
{
    if (outsz == 0)
        return 0;
    out[0] = '\0';
    if (!s || maxw <= 0)
        return 0;
    size_t n = strlen(s);
    int w;
    size_t fit = tw_fit(s, n, maxw, &w);
    const char *mark = ascii ? "~" : "\xe2\x80\xa6";
    size_t marklen = strlen(mark);
    bool cut = fit < n;
    if (cut)
        fit = tw_fit(s, n, maxw - 1, &w);
    size_t room = outsz - 1 - (cut ? (outsz > marklen ? marklen : outsz - 1) : 0);
    size_t f2 = back_off(s, fit, room);
    if (f2 != fit)
        w = tw_widthn(s, f2);
    memcpy(out, s, f2);
    if (cut && f2 + marklen < outsz) {
        memcpy(out + f2, mark, marklen);
        f2 += marklen;
        w += 1;
    }
    out[f2] = '\0';
    return w;
}
