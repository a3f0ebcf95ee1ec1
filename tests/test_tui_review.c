/*
 * test_tui_review.c - the after-action review screen (ui/tui/replay.c) on
 * a real curses screen (newterm on /dev/null), over the events of the
 * reference scenario's textbook self-test as the engine emitted them:
 * the team view and the ground truth side by side, stepping turn by turn
 * forward and back (the same screen either way), the first and last turns,
 * the outcome.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "engine/lhost.h"
#include "engine/sbuf.h"
#include "ui/tui/crt.h"
#include "ui/tui/replay.h"

#define SCENARIO "scenarios/portal-defacement.lua"

/* Events kept past the emit call (the engine's live only during it). */
typedef struct recorder {
    event *v;
    int n, cap;
} recorder;

static void record(void *ctx, const event *ev)
{
    recorder *r = ctx;
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 256;
        r->v = realloc(r->v, (size_t)r->cap * sizeof *r->v);
        assert_non_null(r->v);
    }
    event *e = &r->v[r->n++];
    *e = *ev;
    e->role = xstrdup(ev->role);
    e->subject = xstrdup(ev->subject);
    e->field = xstrdup(ev->field);
    e->attrs = xstrdup(ev->attrs);
    e->text.vi = xstrdup(ev->text.vi);
    e->text.en = xstrdup(ev->text.en);
}

static void recorder_free(recorder *r)
{
    for (int i = 0; i < r->n; i++) {
        free((char *)r->v[i].role);
        free((char *)r->v[i].subject);
        free((char *)r->v[i].field);
        free((char *)r->v[i].attrs);
        text_free(&r->v[i].text);
    }
    free(r->v);
}

static crt *c;
static FILE *in, *out;

static bool on_screen(const char *s)
{
    int h, w;
    crt_size(c, &h, &w);
    char row[2048];
    for (int y = 0; y < h; y++) {
        crt_peek(c, y, row, sizeof row);
        if (strstr(row, s))
            return true;
    }
    return false;
}

/* Whether s shows in the left or right half of any row. */
static bool in_half(const char *s, bool right)
{
    int h, w;
    crt_size(c, &h, &w);
    char row[2048];
    for (int y = 1; y < h; y++) {
        crt_peek(c, y, row, sizeof row);
        char *p = strstr(row, s);
        if (!p)
            continue;
        /* Columns before the match: every character is one column here. */
        int col = 0;
        for (char *q = row; q < p; q++)
            col += ((unsigned char)*q & 0xc0) != 0x80;
        if ((col >= w / 2) == right)
            return true;
    }
    return false;
}

static void test_review(void **st)
{
    (void)st;
    sbuf problems = SBUF_INIT;
    lhost *h = lhost_load_file(SCENARIO, NULL, &problems);
    assert_non_null(h);
    const scen *sc = lhost_scen(h);
    recorder rec = { 0 };
    event_sink sink = { record, &rec };
    engine_hooks hooks = lhost_hooks(h);
    engine_opts eo = { .seed = sc->tests[0].seed };
    engine *e = engine_new(sc, &hooks, &sink, &eo);
    lhost_bind(h, e);
    assert_int_equal(engine_start(e), ENG_OK);
    const char *p = sc->tests[0].inputs;
    while (*p && !engine_over(e)) {
        size_t len = strcspn(p, "\n");
        char line[1024];
        snprintf(line, sizeof line, "%.*s", (int)len, p);
        p += len + (p[len] == '\n');
        engine_input(e, line);
    }
    assert_true(engine_over(e));
    int last = engine_turn(e);

    const event **evs = malloc((size_t)rec.n * sizeof *evs);
    for (int i = 0; i < rec.n; i++)
        evs[i] = &rec.v[i];
    replay *r = replay_new(sc, LANG_EN, evs, rec.n, "7");
    assert_non_null(r);
    ui_screen s = replay_screen(r);
    char want[64];

    ui_frame(c, &s);
    assert_true(on_screen("Review of session 7"));
    snprintf(want, sizeof want, "Turn 1 of %d", last);
    assert_true(on_screen(want));
    assert_true(on_screen("What the team saw and did"));
    assert_true(on_screen("What really happened"));
    /* The truth of the signals and the attacker's moves on the right only. */
    assert_true(in_half("[TRUE POSITIVE]", true));
    assert_false(in_half("[TRUE POSITIVE]", false));
    assert_true(in_half("[TRUTH]", true));
    assert_false(in_half("[TRUTH]", false));
    /* Enter reads the side's items in full: on the truth side, a signal
     * with its ground truth spelled out; Esc goes back. */
    replay_key(r, TK_TAB);
    replay_key(r, TK_ENTER);
    ui_frame(c, &s);
    assert_true(on_screen("Ground truth: TRUE POSITIVE"));
    replay_key(r, TK_ESC);
    ui_frame(c, &s);
    assert_false(on_screen("Ground truth: TRUE POSITIVE"));
    replay_key(r, TK_TAB);
    replay_key(r, TK_ENTER);
    ui_frame(c, &s);
    assert_false(on_screen("Ground truth:"));
    assert_true(on_screen("Team's verdict"));
    replay_key(r, 'q');
    assert_int_equal(replay_turn(r), 1);

    /* Forward to turn 3, back to 2: the same screen as going to 2 at once. */
    replay_key(r, 'l');
    ui_frame(c, &s);
    char turn2[24][2048];
    for (int y = 0; y < 24; y++)
        crt_peek(c, y, turn2[y], sizeof turn2[y]);
    replay_key(r, TK_RIGHT);
    ui_frame(c, &s);
    assert_int_equal(replay_turn(r), 3);
    replay_key(r, 'h');
    ui_frame(c, &s);
    for (int y = 0; y < 24; y++) {
        char row[2048];
        crt_peek(c, y, row, sizeof row);
        assert_string_equal(row, turn2[y]);
    }

    replay_key(r, TK_END);
    ui_frame(c, &s);
    snprintf(want, sizeof want, "Turn %d of %d", last, last);
    assert_true(on_screen(want));
    /* The outcome in words, with the ending's text, not its id. */
    assert_true(on_screen("Outcome: SUCCESS."));
    assert_false(on_screen("restored_clean"));
    assert_int_equal(replay_key(r, 'l') & UI_QUIT, 0);
    assert_int_equal(replay_turn(r), last);
    /* s: the end-of-session summary, with the recorded metrics, from any
     * turn; Esc back to the review. */
    tui_metric m[2] = { { "detect_minute", 15 }, { "downtime.portal", 45 } };
    assert_int_equal(replay_set_metrics(r, m, 2), 0);
    replay_key(r, TK_HOME);
    replay_key(r, 's');
    ui_frame(c, &s);
    assert_true(on_screen("End of the session"));
    assert_true(on_screen("Outcome: SUCCESS"));
    bool detect = false, downtime = false;
    for (int i = 0; i < 40; i++) {
        detect |= on_screen("Time to detect: 15 min");
        downtime |= on_screen("Provincial web portal (www.tinh.example): 45 min");
        replay_key(r, TK_DOWN);
        ui_frame(c, &s);
    }
    assert_true(detect);
    assert_true(downtime);
    replay_key(r, TK_ESC);
    ui_frame(c, &s);
    assert_false(on_screen("End of the session"));
    assert_true(on_screen("Before turn 1"));
    assert_int_equal(replay_key(r, 'q') & UI_QUIT, UI_QUIT);

    replay_free(r);
    free(evs);
    recorder_free(&rec);
    engine_free(e);
    lhost_free(h);
    sb_free(&problems);
}

static int setup(void **st)
{
    (void)st;
    if (!setlocale(LC_ALL, "C.UTF-8") && !setlocale(LC_ALL, "C.utf8"))
        return -1;
    in = fopen("/dev/null", "r");
    out = fopen("/dev/null", "w");
    char err[256];
    crt_opts co = { .in = in, .out = out, .term = "xterm", .nlines = 24, .ncols = 100,
                    .no_signals = true, .no_color = true };
    c = crt_open(&co, err, sizeof err);
    return c ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    crt_close(c);
    fclose(in);
    fclose(out);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_review),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
