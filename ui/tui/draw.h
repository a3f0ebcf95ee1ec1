/*
 * draw.h - what screens draw with: styled, sanitised, width-aware text,
 * frames, wrapped paragraphs. Screens include this, never curses.h.
 *
 * Every function clips to the width it is given and never splits a
 * character (textw.h does the measuring). Strings must already be
 * sanitised (the view model sanitises what it keeps; draw_str_safe is for
 * anything else). Colours are a second channel only: each style has a
 * monochrome form (bold, dim, reverse) and every state is also spelled in
 * text by the screens, so nothing depends on colour (NO_COLOR, monochrome
 * terminals).
 */
#ifndef IRDRILL_TUI_DRAW_H
#define IRDRILL_TUI_DRAW_H

#include <stdbool.h>

typedef struct crt crt;

/* Styles; ST_REV may be or-ed into any of them (a selected row). */
enum {
    ST_NORMAL, ST_DIM, ST_BOLD, ST_TITLE, ST_STATUS,
    ST_ALERT,     /* compromised, high severity, errors: red, bold */
    ST_WARN,      /* isolated, medium, warnings: yellow */
    ST_OK,        /* clean, met, success: green */
    ST_INFO,      /* messages, low severity: cyan */
    ST_NEW,       /* unread items */
    ST_FRAME, ST_FOCUS,
    ST_COUNT,
    ST_REV = 0x100,
};

/* Clear the whole screen (in memory; nothing is sent until draw_flush). */
void draw_clear(crt *c);
/* Send what changed to the terminal. */
void draw_flush(crt *c);

/* Draw s at (y, x) in at most maxw columns; returns the columns drawn. */
int draw_str(crt *c, int y, int x, int maxw, const char *s, int style);
/* The same for text that may not be sanitised yet (sanitises a copy). */
int draw_str_safe(crt *c, int y, int x, int maxw, const char *s, int style);
/* The same, cutting with an ellipsis when s does not fit. */
int draw_str_cut(crt *c, int y, int x, int maxw, const char *s, int style);
/* printf into a line, then draw_str_cut. */
int draw_fmt(crt *c, int y, int x, int maxw, int style, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* w spaces in a style (a bar, or clearing a row). */
void draw_fill(crt *c, int y, int x, int w, int style);
/* A frame with a title on its top line. */
void draw_box(crt *c, int y, int x, int h, int w, const char *title, bool focus);
/* A box-shaped area cleared (with a margin, so no frame beneath touches
 * it), framed and titled: for overlays. */
void draw_panel(crt *c, int y, int x, int h, int w, const char *title);
/* s wrapped to w columns from line skip on, in at most h lines at (y, x);
 * returns the number of lines s takes in all. Lines wrapped from an
 * indented paragraph keep its indent; a paragraph holding DRAW_HANG (not
 * drawn) has its wrapped lines start at the column of the mark, so a
 * label's text wraps under itself ("  +25  objective  Text that\n
 * wraps ..."). Sanitised text never holds the mark. */
int draw_wrap(crt *c, int y, int x, int h, int w, const char *s, int skip, int style);
#define DRAW_HANG "\x1f"
/* Where the cursor stays after the frame (a text field), or hidden: the
 * last call before draw_flush decides, whatever is drawn after it; each
 * frame (draw_clear) starts with it hidden. */
void draw_cursor(crt *c, int y, int x, bool show);

#endif
