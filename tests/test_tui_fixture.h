/*
 * test_tui_fixture.h - what the play-screen tests share: a real engine
 * playing a real scenario, its events folded into a team view (and a
 * truth view in facilitator mode), the play screen on a real curses
 * screen (newterm on /dev/null at a fixed size), keys in, the screen read
 * back (crt_peek). Included by tests/test_tui_*.c after cmocka.h.
 *
 * A fixture can start as a resumed session does: inputs applied before
 * the screen exists (fopts.before), then play_resumed.
 */
#ifndef IRDRILL_TEST_TUI_FIXTURE_H
#define IRDRILL_TEST_TUI_FIXTURE_H

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "engine/lhost.h"
#include "ui/tui/crt.h"
#include "ui/tui/play.h"
#include "ui/tui/play_int.h"

#define FX_UNUSED __attribute__((unused))

typedef struct fixture {
    lhost *h;
    const scen *sc;
    view *v, *truth;
    engine *e;
    crt *c;
    play *p;
    int inputs;
    char last[256];
    FILE *in, *out;
    int reloads, reload_rc;
} fixture;

/* What a fixture may differ in. */
typedef struct fopts {
    const char *scenario;        /* NULL: the reference scenario */
    const tui_player *players;
    const engine_participant *parts;
    int nplayers;
    bool truth;                  /* facilitator mode */
    bool exercise;
    int timer;
    bool reload;
    int lines, cols;             /* 0: 24 x 80 */
    uint64_t seed;               /* 0: 5 */
    const char *const *before;   /* inputs applied before the screen, NULL-ended;
                                    then the screen is told it resumed */
} fopts;

/* The clock of the turn timer, moved by the tests. */
static long long fake_now = 1000000;
static FX_UNUSED long long fake_clock(void) { return fake_now; }

static FX_UNUSED int fake_reload(void *ctx, char *msg, size_t msglen)
{
    fixture *f = ctx;
    f->reloads++;
    snprintf(msg, msglen, "x.lua:3: boom");
    return f->reload_rc;
}

/* Events to the team view and, in facilitator mode, the truth view. */
static FX_UNUSED void tee(void *ctx, const event *ev)
{
    fixture *f = ctx;
    view_fold(f->v, ev);
    if (f->truth)
        view_fold(f->truth, ev);
}

static FX_UNUSED int port_input(void *ctx, const char *line, char *err, size_t errlen)
{
    fixture *f = ctx;
    snprintf(f->last, sizeof f->last, "%s", line);
    int rc = engine_input_check(f->e, line, NULL);
    if (rc == ENG_OK)
        rc = engine_input_apply(f->e, line);
    if (rc < 0)
        snprintf(err, errlen, "%s", engine_errmsg(f->e));
    else
        f->inputs++;
    return rc;
}

/* The metrics as the real port gives them (app_run.c): the named ones,
 * then downtime per asset and actions per role. */
static FX_UNUSED int port_metrics(void *ctx, tui_metric *out, int max)
{
    fixture *f = ctx;
    const engine_metrics *m = engine_get_metrics(f->e);
    int n = 0;
    if (n < max) out[n++] = (tui_metric){ "detect_minute", m->detect_minute };
    if (n < max) out[n++] = (tui_metric){ "reports", m->reports };
    for (int i = 0; i < f->sc->nassets && n < max; i++) {
        snprintf(out[n].name, sizeof out[n].name, "downtime.%s", f->sc->assets[i].id);
        out[n++].value = m->downtime[i];
    }
    for (int i = 0; i < f->sc->nroles && n < max; i++) {
        snprintf(out[n].name, sizeof out[n].name, "actions.%s", f->sc->roles[i].id);
        out[n++].value = m->actions_per_role[i];
    }
    return n;
}

static FX_UNUSED void fixture_open_with(fixture *f, lang lg, const fopts *o)
{
    memset(f, 0, sizeof *f);
    sbuf problems = SBUF_INIT;
    const char *path = o->scenario ? o->scenario : "scenarios/portal-defacement.lua";
    f->h = lhost_load_file(path, NULL, &problems);
    if (!f->h)
        fail_msg("%s", sb_str(&problems));
    sb_free(&problems);
    f->sc = lhost_scen(f->h);
    f->v = view_new(f->sc, lg, false);
    if (o->truth)
        f->truth = view_new(f->sc, lg, true);
    event_sink sink = { tee, f };
    engine_hooks hooks = lhost_hooks(f->h);
    engine_opts eo = { .seed = o->seed ? o->seed : 5, .participants = o->parts,
                       .nparticipants = o->parts ? o->nplayers : 0,
                       .mode = o->exercise ? MODE_EXERCISE : MODE_TRAINING };
    f->e = engine_new(f->sc, &hooks, &sink, &eo);
    assert_non_null(f->e);
    lhost_bind(f->h, f->e);
    assert_int_equal(engine_start(f->e), ENG_OK);
    for (int i = 0; o->before && o->before[i]; i++)
        if (engine_input(f->e, o->before[i]) != ENG_OK)
            fail_msg("before: %s: %s", o->before[i], engine_errmsg(f->e));
    f->in = fopen("/dev/null", "r");
    f->out = fopen("/dev/null", "w");
    char err[256];
    crt_opts co = { .in = f->in, .out = f->out, .term = "xterm",
                    .nlines = o->lines ? o->lines : 24, .ncols = o->cols ? o->cols : 80,
                    .no_signals = true, .no_color = true };
    f->c = crt_open(&co, err, sizeof err);
    if (!f->c)
        fail_msg("crt_open: %s", err);
    play_opts po = { .v = f->v, .port = { port_input, port_metrics, f }, .players = o->players,
                     .nplayers = o->nplayers, .hints = true, .session = "7", .truth = f->truth,
                     .timer = o->timer, .clock = fake_clock,
                     .reload = o->reload ? fake_reload : NULL };
    f->p = play_new(&po);
    assert_non_null(f->p);
    if (o->before)
        play_resumed(f->p);
}

static FX_UNUSED void fixture_open(fixture *f, lang lg, const tui_player *players, int nplayers,
                                   const engine_participant *parts)
{
    fopts o = { .players = players, .parts = parts, .nplayers = nplayers };
    fixture_open_with(f, lg, &o);
}

static FX_UNUSED void fixture_close(fixture *f)
{
    play_free(f->p);
    crt_close(f->c);
    engine_free(f->e);
    view_free(f->v);
    view_free(f->truth);
    lhost_free(f->h);
    fclose(f->in);
    fclose(f->out);
}

static FX_UNUSED void frame(fixture *f)
{
    ui_screen s = play_screen(f->p);
    ui_frame(f->c, &s);
    /* TUI_DUMP=1 prints every frame, to look at the screens. */
    if (getenv("TUI_DUMP")) {
        int h, w;
        char row[2048];
        crt_size(f->c, &h, &w);
        for (int y = 0; y < h; y++) {
            crt_peek(f->c, y, row, sizeof row);
            fprintf(stderr, "%2d|%s\n", y, row);
        }
    }
}

/* Row y of the screen (a static buffer). */
static FX_UNUSED const char *row_at(fixture *f, int y)
{
    static char row[2048];
    crt_peek(f->c, y, row, sizeof row);
    return row;
}

/* Whether any row of the screen contains s. */
static FX_UNUSED bool on_screen(fixture *f, const char *s)
{
    int h, w;
    crt_size(f->c, &h, &w);
    for (int y = 0; y < h; y++)
        if (strstr(row_at(f, y), s))
            return true;
    return false;
}

/* The status bar (row 0) contains s. */
static FX_UNUSED bool in_status(fixture *f, const char *s)
{
    return strstr(row_at(f, 0), s) != NULL;
}

static FX_UNUSED void keys(fixture *f, const char *k)
{
    for (; *k; k++) {
        int key = *k == '\r' ? TK_ENTER : *k == 27 ? TK_ESC : *k == '\t' ? TK_TAB : *k;
        play_key(f->p, key);
    }
    frame(f);
}

static FX_UNUSED void key(fixture *f, int k)
{
    play_key(f->p, k);
    frame(f);
}

/* Role bits of the reference scenario's roles by id ("lead,comms"). */
static FX_UNUSED uint64_t role_bits(const char *scenario, const char *list)
{
    sbuf problems = SBUF_INIT;
    lhost *h = lhost_load_file(scenario ? scenario : "scenarios/portal-defacement.lua", NULL,
                               &problems);
    assert_non_null(h);
    uint64_t m = 0;
    const char *p = list;
    while (*p) {
        size_t n = strcspn(p, ",");
        char id[64];
        snprintf(id, sizeof id, "%.*s", (int)n, p);
        int r = scen_role_find(lhost_scen(h), id);
        assert_true(r >= 0);
        m |= 1ULL << r;
        p += n + (p[n] == ',');
    }
    lhost_free(h);
    sb_free(&problems);
    return m;
}

static FX_UNUSED int setup(void **st)
{
    (void)st;
    return setlocale(LC_ALL, "C.UTF-8") || setlocale(LC_ALL, "C.utf8") ? 0 : -1;
}

#endif
