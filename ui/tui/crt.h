/*
 * crt.h - the terminal: opening and closing curses, keys, signals.
 *
 * crt.c is the one file of irdrill that calls newterm and endwin (htop's
 * CRT.c is the model). It checks newterm's result (an unknown TERM is an
 * error message, not an exit inside the library), and it promises that
 * the terminal is restored on every way out:
 *
 *   - normal exit: crt_close (endwin, delscreen, the signal dispositions
 *     put back);
 *   - SIGTERM, SIGHUP, SIGINT: a flag is set and crt_getkey returns
 *     TK_STOP; the screen loop leaves normally (every input was already
 *     committed, so nothing is lost) and crt_close runs;
 *   - SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT: the handler writes the
 *     terminal's reset strings (saved when the terminal was opened) and
 *     puts the saved termios back, with async-signal-safe calls only, then
 *     re-raises the signal so the process still dies of it (core dump and
 *     exit status intact);
 *   - SIGWINCH: ncurses' own handler turns it into a KEY_RESIZE, which
 *     crt_getkey returns as TK_RESIZE.
 *
 * Mutable file-scope state (the only in ui/tui/): what the signal handlers
 * need, since a handler gets no argument - the stop flag (volatile
 * sig_atomic_t), the terminal's file descriptors, the saved termios and
 * the reset strings. There is at most one open crt per process.
 *
 * Keys are returned as ints: a Unicode code point for a character, or one
 * of the TK_ values (above the Unicode range) for everything else.
 */
#ifndef IRDRILL_TUI_CRT_H
#define IRDRILL_TUI_CRT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct crt crt;

typedef struct crt_opts {
    FILE *in, *out;          /* NULL: stdin, stdout */
    const char *term;        /* NULL: $TERM */
    bool no_color;           /* also when $NO_COLOR is set and not empty */
    int nlines, ncols;       /* > 0: force this size (tests, bench) */
    bool no_signals;         /* leave signal dispositions alone (tests) */
} crt_opts;

/* Minimum size of a usable screen (product.md §7). */
#define CRT_MIN_COLS 80
#define CRT_MIN_LINES 24

/* Open the terminal. NULL on failure with a one-line reason in err (an
 * unknown or missing TERM, a terminal that cannot be set up, OOM). */
crt *crt_open(const crt_opts *o, char *err, size_t errlen);
/* Restore the terminal and free c (NULL is fine). */
void crt_close(crt *c);

enum {
    TK_NONE = 0x1000000,     /* nothing arrived before the timeout */
    TK_STOP,                 /* SIGTERM, SIGHUP or SIGINT: leave now */
    TK_RESIZE,
    TK_UP, TK_DOWN, TK_LEFT, TK_RIGHT,
    TK_HOME, TK_END, TK_PGUP, TK_PGDN,
    TK_ENTER, TK_ESC, TK_TAB, TK_BTAB, TK_BACKSPACE, TK_DELETE,
    TK_F5,                   /* reload (scenario authors) */
    TK_OTHER,                /* a function key this program does not use */
};

/* Wait up to timeout_ms (negative: forever, but still returning TK_STOP
 * when a stop signal arrives) for a key. The wait sleeps in the terminal
 * read (curses' timeout, in slices of at most 200 ms so that a stop
 * signal is seen), so a screen that wakes for a countdown burns no CPU. */
int crt_getkey(crt *c, int timeout_ms);

/* A monotonic clock in milliseconds (turn timers). */
long long crt_now_ms(void);

/* Whether a stop signal has arrived, and which (0: none). */
bool crt_stopping(void);
int crt_stop_signal(void);

/* The screen's size. */
void crt_size(const crt *c, int *lines, int *cols);
/* Whether the locale's character set is UTF-8 (if not, characters
 * outside ASCII are drawn as '?'). */
bool crt_utf8(const crt *c);
bool crt_color(const crt *c);

/* Resize the virtual screen (tests and bench; a real terminal resizes on
 * its own). */
void crt_resize(crt *c, int lines, int cols);

/* Where the terminal's cursor is after the last frame, and whether it
 * shows (tests). */
bool crt_cursor(const crt *c, int *y, int *x);
/* The environment variable that decides the character set: LC_ALL when
 * set, else LC_CTYPE when set, else LANG. */
const char *crt_locale_var(const crt *c);

/* Row y of the virtual screen as UTF-8 (trailing spaces removed), for
 * tests: what a player would see there after the last crt_flush. */
void crt_peek(const crt *c, int y, char *buf, size_t size);

#endif
