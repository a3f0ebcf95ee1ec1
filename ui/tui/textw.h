/*
 * textw.h - display width of UTF-8 text, and cutting it into lines that
 * fit a number of terminal columns.
 *
 * Widths are what the terminal (and ncursesw, which asks the same C
 * library) will use: wcwidth() of each code point, so combining marks are
 * 0 columns and East Asian wide characters 2. A character is never split,
 * and zero-width marks stay with the character they follow, so a cut
 * never separates "e" from its U+0301. A code point the C library cannot
 * classify (a non-UTF-8 locale, an unassigned code point) counts as one
 * column: the drawing code shows such a character as one '?' cell, so
 * what is measured is what is drawn. Invalid UTF-8 bytes count as one
 * column each (text is sanitised before it gets here, so they are rare).
 *
 * Nothing here allocates or touches the terminal: these functions are
 * unit-tested on their own (tests/test_tui_text.c).
 */
#ifndef IRDRILL_TUI_TEXTW_H
#define IRDRILL_TUI_TEXTW_H

#include <stdbool.h>
#include <stddef.h>

/* Columns one code point takes: 0, 1 or 2. */
int tw_cpwidth(unsigned cp);

/* Columns the first n bytes of s take; '\n' counts 0. */
int tw_widthn(const char *s, size_t n);
int tw_width(const char *s);

/* The longest prefix of s (at most n bytes, stopping before a '\n') that
 * fits in maxw columns, with the zero-width marks that follow its last
 * character. Returns its length in bytes; *w (may be NULL) gets its
 * width. */
size_t tw_fit(const char *s, size_t n, int maxw, int *w);

/* One line of s wrapped to width columns: words move to the next line
 * whole when they fit on a line of their own, longer words are cut
 * between characters; '\n' ends a line. Returns the bytes of the line's
 * content (trailing spaces left out) and sets *adv to the bytes to skip
 * to the start of the next line (the break and the spaces after it). A
 * word that does not fit on what is left of a line goes to the next one.
 * Always makes progress: at least one character per line when n > 0. */
size_t tw_wrap_line(const char *s, size_t n, int width, size_t *adv);

/* How many lines s takes wrapped to width (at least 1, "" is one line). */
int tw_wrap_count(const char *s, int width);

/* Copy into out (size outsz) what of s fits in maxw columns; when s does
 * not fit, it is cut one column earlier and ends with "…" (or "~" when
 * ascii is true). Never splits a character; always NUL-terminates.
 * Returns the width of what was written. */
int tw_ellipsize(const char *s, int maxw, bool ascii, char *out, size_t outsz);

#endif
