/*
 * crt.c - the terminal's lifecycle, keys and signals; see crt.h.
 * The only file that calls newterm and endwin.
 */
#include "ui/tui/crt_int.h"
#include "engine/text.h"
#include "engine/sbuf.h"

#include <errno.h>
#include <langinfo.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

/* ---- state the signal handlers need (see crt.h) ------------------------ */

static volatile sig_atomic_t crt_stop;     /* the stop signal that arrived, or 0 */
static int crt_tty_fd = -1;                /* where termios is restored */
static int crt_out_fd = -1;                /* where the reset strings go */
static struct termios crt_saved;           /* the settings before curses */
static char crt_reset_seq[512];            /* terminfo reset strings */
static size_t crt_reset_len;

static const int stop_sigs[] = { SIGTERM, SIGHUP, SIGINT };
static const int crash_sigs[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
#define NSTOP (sizeof stop_sigs / sizeof *stop_sigs)
#define NCRASH (sizeof crash_sigs / sizeof *crash_sigs)
static struct sigaction crt_old_stop[NSTOP], crt_old_crash[NCRASH];

/* 0: usable; 1: unknown TERM; 2: no cursor addressing. */
static int term_check(const char *name, int fd);

static void on_stop(int sig)
{
    crt_stop = sig;
}

/* Only async-signal-safe calls: write, tcsetattr, sigaction, raise. */
static void on_crash(int sig)
{
    if (crt_out_fd >= 0 && crt_reset_len > 0) {
        ssize_t r = write(crt_out_fd, crt_reset_seq, crt_reset_len);
        (void)r;
    }
    if (crt_tty_fd >= 0)
        tcsetattr(crt_tty_fd, TCSANOW, &crt_saved);
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    raise(sig);
}

static void add_reset(const char *cap)
{
    char *s = tigetstr(cap);
    if (!s || s == (char *)-1)
        return;
    size_t n = strlen(s);
    if (crt_reset_len + n < sizeof crt_reset_seq) {
        memcpy(crt_reset_seq + crt_reset_len, s, n);
        crt_reset_len += n;
    }
}

static void install(const int *sigs, size_t n, void (*fn)(int), struct sigaction *old)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sigemptyset(&sa.sa_mask);
    /* No SA_RESTART: a stop signal interrupts a blocking read at once. */
    for (size_t i = 0; i < n; i++)
        sigaction(sigs[i], &sa, &old[i]);
}

static void uninstall(const int *sigs, size_t n, const struct sigaction *old)
{
    for (size_t i = 0; i < n; i++)
        sigaction(sigs[i], &old[i], NULL);
}

static void init_styles(crt *c)
{
    attr_t *s = c->style;
    s[ST_NORMAL] = A_NORMAL;
    s[ST_DIM] = A_DIM;
    s[ST_BOLD] = A_BOLD;
    s[ST_TITLE] = A_BOLD;
    s[ST_STATUS] = A_REVERSE;
    s[ST_ALERT] = A_BOLD;
    s[ST_WARN] = A_UNDERLINE;
    s[ST_OK] = A_NORMAL;
    s[ST_INFO] = A_NORMAL;
    s[ST_NEW] = A_BOLD;
    s[ST_FRAME] = A_NORMAL;
    s[ST_FOCUS] = A_BOLD;
    if (!c->color)
        return;
    start_color();
    use_default_colors();
    init_pair(1, COLOR_RED, -1);
    init_pair(2, COLOR_YELLOW, -1);
    init_pair(3, COLOR_GREEN, -1);
    init_pair(4, COLOR_CYAN, -1);
    init_pair(5, COLOR_BLUE, -1);
    s[ST_ALERT] = A_BOLD | COLOR_PAIR(1);
    s[ST_WARN] = COLOR_PAIR(2);
    s[ST_OK] = COLOR_PAIR(3);
    s[ST_INFO] = COLOR_PAIR(4);
    s[ST_TITLE] = A_BOLD | COLOR_PAIR(4);
    s[ST_FOCUS] = A_BOLD | COLOR_PAIR(4);
    s[ST_FRAME] = COLOR_PAIR(5);
}

crt *crt_open(const crt_opts *o, char *err, size_t errlen)
{
    crt_opts def = { 0 };
    if (!o)
        o = &def;
    crt *c = calloc(1, sizeof *c);
    if (!c) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    c->in = o->in ? o->in : stdin;
    c->out = o->out ? o->out : stdout;
    const char *term = o->term ? o->term : getenv("TERM");
    if (!term || !*term) {
        snprintf(err, errlen, "TERM is not set: cannot drive the terminal");
        free(c);
        return NULL;
    }
    const char *cs = nl_langinfo(CODESET);
    c->utf8 = cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
    /* The variable that decides the character set: the advice to fix a
     * locale that is not UTF-8 names it (LANG does nothing under LC_ALL). */
    const char *lc_all = getenv("LC_ALL"), *lc_ctype = getenv("LC_CTYPE");
    snprintf(c->locale_var, sizeof c->locale_var, "%s",
             lc_all && *lc_all ? "LC_ALL" : lc_ctype && *lc_ctype ? "LC_CTYPE" : "LANG");
    const char *nc = getenv("NO_COLOR");
    bool want_color = !o->no_color && !(nc && *nc);

    crt_stop = 0;
    if (!o->no_signals) {
        /* Before newterm, so that ncurses leaves SIGINT/SIGTERM to us
         * (it installs its own only where the disposition is default). */
        install(stop_sigs, NSTOP, on_stop, crt_old_stop);
        int fd = fileno(c->in);
        if (fd >= 0 && isatty(fd) && tcgetattr(fd, &crt_saved) == 0)
            crt_tty_fd = fd;
    }
    /* newterm reads the terminal description itself; the name is copied.
     * An unknown TERM is found out first (term_known): a failed newterm
     * leaks the screen it began to build. */
    char *tname = xstrdup(term);
    int why = tname ? term_check(tname, fileno(c->out)) : 1;
    c->scr = why == 0 ? newterm(tname, c->out, c->in) : NULL;
    free(tname);
    if (!c->scr) {
        char *safe = text_sanitize(term, NULL);
        if (why == 2)
            /* A terminal that cannot move the cursor (TERM=dumb, an
             * emacs shell) would show a garbled screen: refused before
             * anything is sent to it. */
            snprintf(err, errlen,
                     "the terminal '%s' cannot move the cursor (no cursor addressing): "
                     "run irdrill in a full-screen terminal (such as TERM=xterm-256color)",
                     safe ? safe : "?");
        else
            snprintf(err, errlen, "cannot use the terminal '%s' (unknown TERM, or no terminal)",
                     safe ? safe : "?");
        free(safe);
        if (!o->no_signals)
            uninstall(stop_sigs, NSTOP, crt_old_stop);
        crt_tty_fd = -1;
        free(c);
        return NULL;
    }
    set_term(c->scr);
    if (o->nlines > 0 && o->ncols > 0)
        resizeterm(o->nlines, o->ncols);
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    c->color = want_color && has_colors();
    init_styles(c);
    if (!o->no_signals) {
        crt_reset_len = 0;
        add_reset("sgr0");
        add_reset("cnorm");
        add_reset("rmkx");
        add_reset("rmcup");
        crt_out_fd = fileno(c->out);
        install(crash_sigs, NCRASH, on_crash, crt_old_crash);
        c->own_signals = true;
    }
    return c;
}

void crt_close(crt *c)
{
    if (!c)
        return;
    set_term(c->scr);
    endwin();
    delscreen(c->scr);
    if (c->own_signals) {
        uninstall(crash_sigs, NCRASH, crt_old_crash);
        uninstall(stop_sigs, NSTOP, crt_old_stop);
        crt_tty_fd = -1;
        crt_out_fd = -1;
        crt_reset_len = 0;
    }
    fflush(c->out);
    free(c);
}

long long crt_now_ms(void)
{
    struct timespec ts = { 0, 0 };
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

bool crt_stopping(void)
{
    return crt_stop != 0;
}

int crt_stop_signal(void)
{
    return crt_stop;
}

static int map_fn(int k)
{
    switch (k) {
    case KEY_RESIZE: return TK_RESIZE;
    case KEY_UP: return TK_UP;
    case KEY_DOWN: return TK_DOWN;
    case KEY_LEFT: return TK_LEFT;
    case KEY_RIGHT: return TK_RIGHT;
    case KEY_HOME: return TK_HOME;
    case KEY_END: return TK_END;
    case KEY_PPAGE: return TK_PGUP;
    case KEY_NPAGE: return TK_PGDN;
    case KEY_ENTER: return TK_ENTER;
    case KEY_BTAB: return TK_BTAB;
    case KEY_BACKSPACE: return TK_BACKSPACE;
    case KEY_DC: return TK_DELETE;
    case KEY_F(5): return TK_F5;
    default: return TK_OTHER;
    }
}

int crt_getkey(crt *c, int timeout_ms)
{
    set_term(c->scr);
    /* Waiting in slices lets a stop signal that arrived just before the
     * read (and so did not interrupt it) be seen within 200 ms. */
    int slice = timeout_ms < 0 || timeout_ms > 200 ? 200 : timeout_ms;
    int waited = 0;
    for (;;) {
        if (crt_stop)
            return TK_STOP;
        wtimeout(stdscr, slice);
        wint_t ch;
        int r = wget_wch(stdscr, &ch);
        if (crt_stop)
            return TK_STOP;
        if (r == KEY_CODE_YES)
            return map_fn((int)ch);
        if (r == OK) {
            switch (ch) {
            case '\r': case '\n': return TK_ENTER;
            case 27: return TK_ESC;
            case '\t': return TK_TAB;
            case 127: case 8: return TK_BACKSPACE;
            default: return (int)ch;
            }
        }
        waited += slice;
        if (timeout_ms >= 0 && waited >= timeout_ms)
            return TK_NONE;
    }
}

void crt_size(const crt *c, int *lines, int *cols)
{
    set_term(c->scr);
    *lines = LINES;
    *cols = COLS;
}

bool crt_utf8(const crt *c) { return c->utf8; }
bool crt_color(const crt *c) { return c->color; }

void crt_resize(crt *c, int lines, int cols)
{
    set_term(c->scr);
    resizeterm(lines, cols);
}

bool crt_cursor(const crt *c, int *y, int *x)
{
    set_term(c->scr);
    getyx(curscr, *y, *x);
    return c->cur_show;
}

const char *crt_locale_var(const crt *c)
{
    return c->locale_var;
}

void crt_peek(const crt *c, int y, char *buf, size_t size)
{
    set_term(c->scr);
    size_t n = 0;
    buf[0] = '\0';
    if (y < 0 || y >= LINES || size == 0)
        return;
    /* Reading moves curscr's cursor: where the terminal's cursor is, put
     * back after (crt_cursor). */
    int cy, cx;
    getyx(curscr, cy, cx);
    for (int x = 0; x < COLS; x++) {
        cchar_t cc;
        if (mvwin_wch(curscr, y, x, &cc) == ERR)
            break;
        wchar_t wc[CCHARW_MAX + 1];
        attr_t a;
        short pair;
        if (getcchar(&cc, wc, &a, &pair, NULL) == ERR)
            continue;
        for (int i = 0; wc[i]; i++) {
            char mb[8];
            unsigned cp = (unsigned)wc[i];
            size_t l;
            if (cp < 0x80) { mb[0] = (char)cp; l = 1; }
            else if (cp < 0x800) { mb[0] = (char)(0xc0 | cp >> 6); mb[1] = (char)(0x80 | (cp & 0x3f)); l = 2; }
            else if (cp < 0x10000) { mb[0] = (char)(0xe0 | cp >> 12); mb[1] = (char)(0x80 | (cp >> 6 & 0x3f)); mb[2] = (char)(0x80 | (cp & 0x3f)); l = 3; }
            else { mb[0] = (char)(0xf0 | cp >> 18); mb[1] = (char)(0x80 | (cp >> 12 & 0x3f)); mb[2] = (char)(0x80 | (cp >> 6 & 0x3f)); mb[3] = (char)(0x80 | (cp & 0x3f)); l = 4; }
            if (n + l + 1 > size)
                goto out;
            memcpy(buf + n, mb, l);
            n += l;
        }
    }
out:
    wmove(curscr, cy, cx);
    while (n > 0 && buf[n - 1] == ' ')
        n--;
    buf[n] = '\0';
}

/* ---- the terminal description -------------------------------------------- */

/* Last in the file: term.h defines a macro for every terminfo capability
 * (lines, columns, tab ...), which must not reach the code above. */
#include <term.h>

/* Whether the terminfo database knows name, and whether that terminal can
 * address the cursor (cup), without which no screen can be drawn:
 * setupterm on its own, its TERMINAL freed at once (it leaves nothing
 * behind on failure either). */
static int term_check(const char *name, int fd)
{
    int err = 0;
    TERMINAL *prev = cur_term;
    if (setupterm((char *)name, fd, &err) != OK)
        return 1;
    char *cup = tigetstr("cup");
    int rc = cup && cup != (char *)-1 ? 0 : 2;
    del_curterm(cur_term);
    if (prev)
        set_curterm(prev);
    return rc;
}
