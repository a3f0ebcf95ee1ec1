/*
 * crt_int.h - the inside of a crt, shared by crt.c (lifecycle, keys) and
 * draw.c (drawing). Includes curses; nothing outside ui/tui/ sees it.
 */
#ifndef IRDRILL_TUI_CRT_INT_H
#define IRDRILL_TUI_CRT_INT_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <curses.h>

#include "ui/tui/crt.h"
#include "ui/tui/draw.h"

struct crt {
    SCREEN *scr;
    FILE *in, *out;
    bool utf8, color;
    bool own_signals;
    attr_t style[ST_COUNT];
    /* Where the cursor goes when the frame is sent (draw_cursor), so that
     * whatever is drawn after the text field does not move it. */
    int cur_y, cur_x;
    bool cur_show;
    char locale_var[16];     /* what decides the character set (crt_locale_var) */
};

#endif
