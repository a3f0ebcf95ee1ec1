/*
 * bench_tui.c - the terminal interface's speed (quality.md): the first
 * frame and keypress-to-frame at 200x50 with 1,000 feed items, each beside
 * the floors measured in the same run (ncurses newterm...endwin, and a
 * full 200x50 redraw), on a real pseudo-terminal whose other end a child
 * process drains, as a terminal emulator would.
 *
 *   bench_tui SCENARIO.lua
 *
 * The play screen is driven as a player drives it: keys into play_key,
 * then one frame (draw, then ncurses sends what changed). The feed is
 * folded into the view model from events, as in a session; a second run
 * with 10,000 items shows that the cost of a key does not grow with the
 * log.
 */
#include "engine/lhost.h"
#include "ui/tui/crt.h"
#include "ui/tui/draw.h"
#include "ui/tui/play.h"
#include "ui/tui/view.h"

#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define LINES_ 50
#define COLS_ 200

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double pct(double *v, int n, double p)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    int i = (int)(p * (n - 1) + 0.5);
    return v[i];
}

/* A pseudo-terminal of 200x50 and a child that reads everything written
 * to it. */
typedef struct pty {
    int master, slave;
    pid_t drain;
    FILE *in, *out;
} pty;

static int pty_open(pty *p)
{
    memset(p, 0, sizeof *p);
    p->master = posix_openpt(O_RDWR | O_NOCTTY);
    if (p->master < 0 || grantpt(p->master) < 0 || unlockpt(p->master) < 0)
        return -1;
    const char *name = ptsname(p->master);
    if (!name || (p->slave = open(name, O_RDWR | O_NOCTTY)) < 0)
        return -1;
    struct winsize ws = { .ws_row = LINES_, .ws_col = COLS_ };
    ioctl(p->slave, TIOCSWINSZ, &ws);
    /* The drain is cat, exec'd at once: a forked copy of this process
     * would make every page this process touches a copy-on-write fault
     * while it measures. The pipe closes (O_CLOEXEC) when cat has started. */
    int sync[2];
    if (pipe(sync) < 0 || fcntl(sync[1], F_SETFD, FD_CLOEXEC) < 0)
        return -1;
    p->drain = fork();
    if (p->drain < 0)
        return -1;
    if (p->drain == 0) {
        int null = open("/dev/null", O_WRONLY);
        close(sync[0]);
        dup2(p->master, 0);
        dup2(null, 1);
        execlp("cat", "cat", (char *)NULL);
        _exit(127);
    }
    close(sync[1]);
    char b;
    while (read(sync[0], &b, 1) > 0)
        ;
    close(sync[0]);
    p->out = fdopen(p->slave, "w");
    p->in = fdopen(dup(p->slave), "r");
    return p->out && p->in ? 0 : -1;
}

static void pty_close(pty *p)
{
    fclose(p->in);
    fclose(p->out);
    close(p->master);
    kill(p->drain, SIGTERM);
    waitpid(p->drain, NULL, 0);
}

static crt *open_screen(pty *p)
{
    char err[256];
    crt_opts o = { .in = p->in, .out = p->out, .term = "xterm-256color", .nlines = LINES_,
                   .ncols = COLS_, .no_signals = true };
    crt *c = crt_open(&o, err, sizeof err);
    if (!c)
        fprintf(stderr, "bench_tui: %s\n", err);
    return c;
}

static int no_input(void *ctx, const char *line, char *err, size_t errlen)
{
    (void)ctx;
    (void)line;
    (void)err;
    (void)errlen;
    return 0;
}

/* A view of a session with nitems signals and messages. */
static view *make_view(const scen *sc, int nitems)
{
    view *v = view_new(sc, LANG_VI, false);
    static const char *const sev[] = { "low", "medium", "high" };
    event ev = { .seq = 1, .kind = EVK_SESSION, .subject = sc->id,
                 .attrs = "{\"mode\":\"training\"}" };
    view_fold(v, &ev);
    char id[32], attrs[128];
    for (int i = 0; i < nitems; i++) {
        int turn = 1 + i / 40;
        if (i % 40 == 0) {
            event t = { .seq = (uint32_t)(2 + i * 2), .turn = turn, .minute = (turn - 1) * 15,
                        .kind = EVK_TURN, .value = turn };
            view_fold(v, &t);
        }
        snprintf(id, sizeof id, "x%d", i);
        snprintf(attrs, sizeof attrs, "{\"source\":\"siem\",\"severity\":\"%s\",\"asset\":\"portal\"}",
                 sev[i % 3]);
        text tx = { "SIEM: 312 truy vấn SQL injection từ 203.0.113.7 tới /ajax/upload.php; "
                    "WAF ở chế độ giám sát, không chặn. Cần phân loại và điều tra Cổng TTĐT.",
                    "SIEM: 312 SQL injection requests from 203.0.113.7 to /ajax/upload.php; "
                    "the WAF is in detection mode and did not block. Triage and investigate." };
        event s = { .seq = (uint32_t)(3 + i * 2), .turn = turn, .minute = (turn - 1) * 15,
                    .kind = i % 5 == 4 ? EVK_NOTE : EVK_SIGNAL, .subject = id, .attrs = attrs,
                    .text = tx };
        view_fold(v, &s);
    }
    return v;
}

typedef struct figures {
    double first_med, key_med, key_p99;
} figures;

static int measure(const scen *sc, int nitems, int rounds, int keys, figures *f)
{
    double *first = malloc((size_t)rounds * sizeof *first);
    double *key = malloc((size_t)keys * sizeof *key);
    if (!first || !key)
        return -1;
    for (int r = 0; r < rounds; r++) {
        view *v = make_view(sc, nitems);
        pty p;
        if (pty_open(&p) < 0)
            return -1;
        /* The first frame: the terminal opened, the screen built over the
         * view, drawn and sent. (Folding the session's events is the
         * session's own cost: a resume pays it once, as the engine's.) */
        double t0 = now_us();
        crt *c = open_screen(&p);
        if (!c)
            return -1;
        play_opts po = { .v = v, .port = { no_input, NULL, NULL }, .hints = true };
        play *pl = play_new(&po);
        ui_screen s = play_screen(pl);
        ui_frame(c, &s);
        first[r] = now_us() - t0;
        if (r == rounds - 1) {
            /* Keys, as a player presses them: down the feed, across the
             * panes, back up. */
            static const int seq[] = { TK_DOWN, TK_DOWN, TK_DOWN, TK_TAB, TK_DOWN, TK_BTAB,
                                       TK_UP, TK_PGDN, TK_UP, TK_HOME };
            for (int k = 0; k < keys; k++) {
                double k0 = now_us();
                play_key(pl, seq[k % (int)(sizeof seq / sizeof *seq)]);
                ui_frame(c, &s);
                key[k] = now_us() - k0;
            }
        }
        play_free(pl);
        crt_close(c);
        pty_close(&p);
        view_free(v);
    }
    f->first_med = pct(first, rounds, 0.5);
    f->key_med = pct(key, keys, 0.5);
    f->key_p99 = pct(key, keys, 0.99);
    free(first);
    free(key);
    return 0;
}

/* Floors: newterm...endwin, and a full redraw of every cell. */
static int floors(double *open_us, double *redraw_us)
{
    enum { N = 30, R = 300 };
    double o[N], d[R];
    for (int i = 0; i < N; i++) {
        pty p;
        if (pty_open(&p) < 0)
            return -1;
        double t0 = now_us();
        crt *c = open_screen(&p);
        if (!c)
            return -1;
        crt_close(c);
        o[i] = now_us() - t0;
        pty_close(&p);
    }
    pty p;
    if (pty_open(&p) < 0)
        return -1;
    crt *c = open_screen(&p);
    if (!c)
        return -1;
    char row[COLS_ + 1];
    for (int i = 0; i < R; i++) {
        /* Every cell changes every time: nothing can be skipped. */
        memset(row, i % 2 ? 'a' : 'b', COLS_);
        row[COLS_] = '\0';
        double t0 = now_us();
        for (int y = 0; y < LINES_; y++)
            draw_str(c, y, 0, COLS_, row, 0);
        draw_flush(c);
        d[i] = now_us() - t0;
    }
    crt_close(c);
    pty_close(&p);
    *open_us = pct(o, N, 0.5);
    *redraw_us = pct(d, R, 0.5);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_tui SCENARIO.lua\n");
        return 2;
    }
    if (!setlocale(LC_ALL, "C.UTF-8"))
        setlocale(LC_ALL, "");
    sbuf problems = SBUF_INIT;
    lhost *h = lhost_load_file(argv[1], NULL, &problems);
    if (!h) {
        fprintf(stderr, "bench_tui: %s", sb_str(&problems));
        return 1;
    }
    const scen *sc = lhost_scen(h);
    double fopen_us, fredraw_us;
    figures f1, f10;
    if (floors(&fopen_us, &fredraw_us) < 0 || measure(sc, 1000, 30, 2000, &f1) < 0 ||
        measure(sc, 10000, 5, 2000, &f10) < 0) {
        fprintf(stderr, "bench_tui: cannot set up a pseudo-terminal\n");
        return 1;
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double fl = fredraw_us > 0 ? fredraw_us : 1;
    printf("floor  ncurses newterm ... endwin on a pty                 %8.0f us\n", fopen_us);
    printf("floor  ncurses full redraw of 200x50 to a pty              %8.0f us\n", fredraw_us);
    printf("first frame, 200x50, 1,000 feed items (median of 30)      %8.0f us = %.1fx redraw floor"
           "  (target < 30000 us)\n", f1.first_med, f1.first_med / fl);
    printf("keypress to frame, 1,000 items: median / p99     %8.0f / %6.0f us = %.2fx redraw floor"
           "  (target < 5000 us)\n", f1.key_med, f1.key_p99, f1.key_med / fl);
    printf("keypress to frame, 10,000 items: median / p99    %8.0f / %6.0f us = %.2fx redraw floor"
           "  (growth: flat)\n", f10.key_med, f10.key_p99, f10.key_med / fl);
    printf("first frame, 10,000 feed items (median of 5)              %8.0f us\n", f10.first_med);
    printf("peak resident memory of this process (10,000 items)       %8ld KiB  (target < 16384 KiB)\n",
           ru.ru_maxrss);
    bool ok = f1.first_med < 30000 && f1.key_med < 5000;
    printf("verdict: terminal interface %s\n", ok ? "ok" : "SLOW");
    lhost_free(h);
    sb_free(&problems);
    return 0;
}
