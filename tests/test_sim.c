/*
 * test_sim.c - compile once (sbx_dump / sbx_load_chunk, lhost_image) and
 * the bots of simulate (ui/sim*.c): a compiled chunk behaves as the text
 * did, an image loads the same scenario, a bot sees only the team view and
 * gives only valid inputs (its session replays from them), runs are
 * independent and the same seed gives the same figures.
 * Run from the top of the source tree (it loads scenarios/).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "engine/lhost.h"
#include "engine/lhost_int.h"
#include "engine/sandbox.h"
#include "ui/sim_int.h"

#include <dirent.h>
#include <lua.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REF "scenarios/portal-defacement.lua"

/* ---- compiled chunks ----------------------------------------------------- */

static void test_chunk_roundtrip(void **state)
{
    (void)state;
    const char *src = "local x = 41\nreturn x + 1\n";
    sbx *a = sbx_new(NULL, NULL), *b = sbx_new(NULL, NULL);
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(sbx_load(a, src, strlen(src), "c.lua"), SBX_OK);
    sbx_chunk *c = NULL;
    assert_int_equal(sbx_dump(a, &c), SBX_OK);
    assert_non_null(c);
    assert_int_equal(sbx_pcall(a, 0, 1), SBX_OK);   /* the function stayed on the stack */
    assert_int_equal(lua_tointeger(sbx_state(a), -1), 42);
    /* Another state runs it without compiling. */
    assert_int_equal(sbx_load_chunk(b, c), SBX_OK);
    assert_int_equal(sbx_pcall(b, 0, 1), SBX_OK);
    assert_int_equal(lua_tointeger(sbx_state(b), -1), 42);
    sbx_chunk_free(c);
    sbx_free(a);
    sbx_free(b);
}

static void test_chunk_keeps_lines(void **state)
{
    (void)state;
    const char *src = "local t = {}\n\nerror('boom')\n";
    sbx *a = sbx_new(NULL, NULL), *b = sbx_new(NULL, NULL);
    assert_int_equal(sbx_load(a, src, strlen(src), "scen/c.lua"), SBX_OK);
    sbx_chunk *c = NULL;
    assert_int_equal(sbx_dump(a, &c), SBX_OK);
    assert_int_equal(sbx_load_chunk(b, c), SBX_OK);
    assert_int_equal(sbx_pcall(b, 0, 0), SBX_ERR_RUN);
    assert_string_equal(sbx_errmsg(b), "scen/c.lua:3: boom");
    sbx_chunk_free(c);
    sbx_free(a);
    sbx_free(b);
}

static void test_chunk_needs_lua_function(void **state)
{
    (void)state;
    sbx *a = sbx_new(NULL, NULL);
    lua_pushinteger(sbx_state(a), 7);
    sbx_chunk *c = (sbx_chunk *)&c;
    assert_int_not_equal(sbx_dump(a, &c), SBX_OK);
    assert_null(c);
    sbx_free(a);
}

/* ---- images ---------------------------------------------------------------- */

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static void keep(void *ctx, const event *ev)
{
    event_to_json(ev, ctx);
    sb_putc(ctx, '\n');
}

static void put_metrics(const engine *e, sbuf *out)
{
    const engine_metrics *m = engine_get_metrics(e);
    sb_printf(out, "metrics: detect %d, contain %d, recover %d, hook errors %d\n",
              m->detect_minute, m->contain_minute, m->recover_minute, m->hook_errors);
}

/* Play a self-test's inputs in h; the events as JSON lines, then a last
 * line with the metrics (so every comparison of two plays covers them).
 * With x, the test's expect.metrics must hold. */
static void play_expect(lhost *h, uint64_t seed, const char *inputs, sbuf *events,
                        const scen_expect *x)
{
    engine_hooks hk = lhost_hooks(h);
    event_sink sink = { keep, events };
    engine_opts o = { .seed = seed };
    engine *e = engine_new(lhost_scen(h), &hk, &sink, &o);
    assert_non_null(e);
    lhost_bind(h, e);
    assert_int_equal(engine_start(e), ENG_OK);
    const char *p = inputs;
    char line[1024];
    while (*p && !engine_over(e)) {
        size_t n = strcspn(p, "\n");
        assert_true(n < sizeof line);
        memcpy(line, p, n);
        line[n] = '\0';
        assert_true(engine_input(e, line) >= 0);
        p += n + (p[n] == '\n');
    }
    put_metrics(e, events);
    sbuf why = SBUF_INIT;
    if (x && engine_expect_metrics(e, x, &why) > 0)
        fail_msg("%s: %s", lhost_scen(h)->path, sb_str(&why));
    sb_free(&why);
    engine_free(e);
}

static void play_inputs(lhost *h, uint64_t seed, const char *inputs, sbuf *events)
{
    play_expect(h, seed, inputs, events, NULL);
}

static void test_image_same_as_text(void **state)
{
    (void)state;
    size_t len;
    char *src = slurp(REF, &len);
    sbuf probs = SBUF_INIT;
    lhost *t = lhost_load(REF, src, len, NULL, &probs);
    lhost_image *img = lhost_image_new(REF, src, len, NULL, &probs);
    assert_non_null(t);
    assert_non_null(img);
    lhost *i = lhost_load_image(img, NULL, &probs);
    assert_non_null(i);
    assert_true(lhost_replayed(i));
    const scen *a = lhost_scen(t), *b = lhost_scen(i);
    assert_string_equal(a->hash, b->hash);
    assert_string_equal(a->path, b->path);
    assert_int_equal(a->source_len, b->source_len);
    assert_int_equal(a->nactions, b->nactions);
    assert_int_equal(a->ntriggers, b->ntriggers);
    assert_int_equal(a->nsignals, b->nsignals);
    assert_int_equal(a->nobjectives, b->nobjectives);
    assert_int_equal(a->ntests, b->ntests);
    assert_string_equal(a->triggers[2].name, b->triggers[2].name);
    for (int k = 0; k < a->ntests; k++)
        assert_int_equal(a->tests[k].inputs_line, b->tests[k].inputs_line);
    /* The same session, event for event. */
    sbuf ea = SBUF_INIT, eb = SBUF_INIT;
    play_inputs(t, a->tests[0].seed, a->tests[0].inputs, &ea);
    play_inputs(i, b->tests[0].seed, b->tests[0].inputs, &eb);
    assert_true(ea.len > 1000);
    assert_string_equal(sb_str(&ea), sb_str(&eb));
    sb_free(&ea);
    sb_free(&eb);
    lhost_free(t);
    lhost_free(i);
    lhost_image_free(img);
    sb_free(&probs);
    free(src);
}

/* The board the team is left with (folded from the events of a play):
 * an asset the team last saw compromised while it is in truth clean — an
 * eradication the team knew of, or was told of, that the board does not
 * show — is a stale board. Returns the first such asset's id, or NULL. */
static const char *stale_board(const scen *sc, const char *events, char *buf, size_t size)
{
    for (int a = 0; a < sc->nassets; a++) {
        char rev[200], cln[200];
        snprintf(rev, sizeof rev, "\"vis\":\"team\",\"kind\":\"reveal\",\"subject\":\"%s\","
                 "\"field\":\"compromised\",\"value\":", sc->assets[a].id);
        snprintf(cln, sizeof cln, "\"kind\":\"state\",\"subject\":\"%s\",\"field\":\"clean\","
                 "\"value\":", sc->assets[a].id);
        int seen = -1, clean = sc->assets[a].init[AF_CLEAN];
        for (const char *l = events; l && *l;) {
            const char *nl = strchr(l, '\n'), *r = strstr(l, rev), *c = strstr(l, cln);
            if (r && (!nl || r < nl))
                seen = r[strlen(rev)] == '1';
            if (c && (!nl || c < nl))
                clean = c[strlen(cln)] == '1';
            l = nl ? nl + 1 : NULL;
        }
        if (seen == 1 && clean) {
            snprintf(buf, size, "%s", sc->assets[a].id);
            return buf;
        }
    }
    return NULL;
}

/* Every shipped scenario, every self-test: a state made from the image
 * (declarations replayed, not read again) plays the same session as a
 * state loaded from the text, event for event and metric for metric; and
 * so does a second state from the same image, after the first has played.
 * The tests' expect.metrics hold (each scenario's textbook run names its
 * times to detect, contain and recover). */
static void test_image_replay_all_scenarios(void **state)
{
    (void)state;
    DIR *d = opendir("scenarios");
    assert_non_null(d);
    struct dirent *de;
    int nscen = 0, nmetrics = 0;
    while ((de = readdir(d))) {
        size_t nl = strlen(de->d_name);
        if (nl < 5 || strcmp(de->d_name + nl - 4, ".lua") != 0 ||
            strcmp(de->d_name, "stdlib.lua") == 0)
            continue;
        char path[300];
        snprintf(path, sizeof path, "scenarios/%s", de->d_name);
        size_t len;
        char *src = slurp(path, &len);
        lhost_image *img = lhost_image_new(path, src, len, NULL, NULL);
        assert_non_null(img);
        lhost *t = lhost_load(path, src, len, NULL, NULL);
        assert_non_null(t);
        const scen *sc = lhost_scen(t);
        assert_true(sc->ntests > 0);
        /* Every objective and penalty names its capability (the report's
         * improvement plan), and a state from the image has the same. */
        lhost *ic = lhost_load_image(img, NULL, NULL);
        assert_non_null(ic);
        const scen *isc = lhost_scen(ic);
        assert_int_equal(isc->nobjectives, sc->nobjectives);
        assert_int_equal(isc->npenalties, sc->npenalties);
        for (int k = 0; k < sc->nobjectives; k++) {
            if (sc->objectives[k].capability == CAP_NONE)
                fail_msg("%s: objective '%s' has no capability", path, sc->objectives[k].id);
            assert_int_equal(isc->objectives[k].capability, sc->objectives[k].capability);
        }
        for (int k = 0; k < sc->npenalties; k++) {
            if (sc->penalties[k].capability == CAP_NONE)
                fail_msg("%s: penalty '%s' has no capability", path, sc->penalties[k].id);
            assert_int_equal(isc->penalties[k].capability, sc->penalties[k].capability);
        }
        lhost_free(ic);
        for (int k = 0; k < sc->ntests; k++) {
            lhost *t2 = lhost_load(path, src, len, NULL, NULL);
            lhost *i1 = lhost_load_image(img, NULL, NULL), *i2 = lhost_load_image(img, NULL, NULL);
            assert_non_null(t2);
            assert_non_null(i1);
            assert_non_null(i2);
            assert_true(lhost_replayed(i1) && lhost_replayed(i2));
            sbuf et = SBUF_INIT, e1 = SBUF_INIT, e2 = SBUF_INIT;
            play_expect(t2, sc->tests[k].seed, sc->tests[k].inputs, &et, &sc->tests[k].expect);
            play_inputs(i1, sc->tests[k].seed, sc->tests[k].inputs, &e1);
            play_inputs(i2, sc->tests[k].seed, sc->tests[k].inputs, &e2);
            assert_true(et.len > 100);
            char who[80];
            if (stale_board(sc, sb_str(&et), who, sizeof who))
                fail_msg("%s, test '%s': the board still shows %s compromised, which is clean", path,
                         sc->tests[k].name, who);
            assert_string_equal(sb_str(&et), sb_str(&e1));
            assert_string_equal(sb_str(&et), sb_str(&e2));
            sb_free(&et);
            sb_free(&e1);
            sb_free(&e2);
            lhost_free(t2);
            lhost_free(i1);
            lhost_free(i2);
        }
        for (int k = 0; k < sc->ntests; k++)
            nmetrics += sc->tests[k].expect.has_metric[SM_RECOVERED];
        lhost_free(t);
        lhost_image_free(img);
        free(src);
        nscen++;
    }
    closedir(d);
    assert_true(nscen >= 10);
    assert_true(nmetrics >= nscen);   /* at least a textbook run's recovery in each */
}

/* A replay whose refs differ from the image's (which a deterministic top
 * level never gives) must not use the image's declarations: the file is
 * loaded in full from the chunks instead, and plays the same session. */
static void test_image_replay_mismatch_loads_in_full(void **state)
{
    (void)state;
    size_t len;
    char *src = slurp(REF, &len);
    lhost *t = lhost_load(REF, src, len, NULL, NULL);
    lhost_image *img = lhost_image_new(REF, src, len, NULL, NULL);
    assert_non_null(t);
    assert_non_null(img);
    assert_true(img->nrefs > 10);
    const scen *a = lhost_scen(t);
    sbuf ea = SBUF_INIT;
    play_inputs(t, a->tests[0].seed, a->tests[0].inputs, &ea);
    for (int how = 0; how < 2; how++) {
        if (how == 0)
            img->refs[img->nrefs / 2] += 1000;      /* one ref differs */
        else
            img->nrefs--;                          /* one ref more than the image had */
        lhost *i = lhost_load_image(img, NULL, NULL);
        assert_non_null(i);
        assert_false(lhost_replayed(i));
        assert_int_equal(lhost_scen(i)->nobjectives, a->nobjectives);
        sbuf eb = SBUF_INIT;
        play_inputs(i, a->tests[0].seed, a->tests[0].inputs, &eb);
        assert_string_equal(sb_str(&ea), sb_str(&eb));
        sb_free(&eb);
        lhost_free(i);
    }
    img->nrefs++;
    sb_free(&ea);
    lhost_free(t);
    lhost_image_free(img);
    free(src);
}

/* metrics{} in the fast way: the replayed state takes the predicates' refs
 * (the same as the image's, so the image's scen names this state's
 * functions) and measures what a text load measures; and when the ref of
 * a predicate differs from the image's, the file is loaded in full. */
static void test_image_replay_metrics(void **state)
{
    (void)state;
    const char *src =
        "scenario { id = 'm', title = { vi = 'M', en = 'M' }, difficulty = 'basic', max_turns = 8 }\n"
        "role { id = 'sys', name = { vi = 'QT', en = 'Sys' } }\n"
        "asset { id = 'web', kind = 'web', level = 2, name = { vi = 'Web', en = 'Web' } }\n"
        "local function cut(w) return w.asset.web.isolated end\n"
        "metrics {\n"
        "  contained = function(w) return cut(w) end,\n"
        "  recovered = function(w) return w:did('wait') and w:chance(0.5) end,\n"
        "}\n"
        "ending { id = 'done', text = { vi = 'Xong', en = 'Done' }, when = function(w) return w.turn >= 6 end }\n";
    const char *inputs = "end\nsys isolate web\nend\nsys wait\nend\nsys wait\nend\nend\nend\n";
    lhost *t = lhost_load("m.lua", src, strlen(src), NULL, NULL);
    lhost_image *img = lhost_image_new("m.lua", src, strlen(src), NULL, NULL);
    assert_non_null(t);
    assert_non_null(img);
    sbuf et = SBUF_INIT;
    play_inputs(t, 3, inputs, &et);
    assert_non_null(strstr(sb_str(&et), "metrics: detect -1, contain 30, recover "));
    assert_null(strstr(sb_str(&et), "recover -1"));
    const int *mref = lhost_scen(t)->metric_ref;
    assert_true(mref[SM_CONTAINED] > 0 && mref[SM_RECOVERED] > mref[SM_CONTAINED]);
    assert_int_equal(mref[SM_DETECTED], 0);

    lhost *i = lhost_load_image(img, NULL, NULL);
    assert_non_null(i);
    assert_true(lhost_replayed(i));
    assert_memory_equal(lhost_scen(i)->metric_ref, mref, sizeof lhost_scen(i)->metric_ref);
    sbuf ei = SBUF_INIT;
    play_inputs(i, 3, inputs, &ei);
    assert_string_equal(sb_str(&et), sb_str(&ei));
    lhost_free(i);

    /* The recovered predicate's ref, as the image recorded it (after the
     * contained one), made to differ. */
    int k = 0;
    while (k < img->nrefs && img->refs[k] != img->sc.metric_ref[SM_RECOVERED])
        k++;
    assert_true(k > 0 && k < img->nrefs);
    assert_int_equal(img->refs[k - 1], img->sc.metric_ref[SM_CONTAINED]);
    img->refs[k] += 1000;
    i = lhost_load_image(img, NULL, NULL);
    assert_non_null(i);
    assert_false(lhost_replayed(i));
    sbuf ef = SBUF_INIT;
    play_inputs(i, 3, inputs, &ef);
    assert_string_equal(sb_str(&et), sb_str(&ef));
    img->refs[k] -= 1000;
    lhost_free(i);
    sb_free(&et);
    sb_free(&ei);
    sb_free(&ef);
    lhost_free(t);
    lhost_image_free(img);
}

#define SMALL \
    "scenario { id = 'small', title = { vi = 'Nhỏ', en = 'Small' }, difficulty = 'basic', max_turns = 6 }\n" \
    "role { id = 'lead', name = { vi = 'Trưởng', en = 'Lead' } }\n" \
    "asset { id = 'web', kind = 'web', level = 2, name = { vi = 'Web', en = 'Web' } }\n"

static void test_image_invalid_and_hook_lines(void **state)
{
    (void)state;
    const char *bad = SMALL "role { id = 'lead', name = 'again' }\n";
    sbuf p1 = SBUF_INIT, p2 = SBUF_INIT;
    assert_null(lhost_load("b.lua", bad, strlen(bad), NULL, &p1));
    assert_null(lhost_image_new("b.lua", bad, strlen(bad), NULL, &p2));
    assert_string_equal(sb_str(&p1), sb_str(&p2));
    /* A hook that fails in a session loaded from an image names the file
     * and the line, as with a text load. */
    const char *src = SMALL "at(1, function(w)\n  error('boom')\nend)\n";
    lhost_image *img = lhost_image_new("h.lua", src, strlen(src), NULL, NULL);
    assert_non_null(img);
    lhost *h = lhost_load_image(img, NULL, NULL);
    sbuf ev = SBUF_INIT;
    play_inputs(h, 1, "end\n", &ev);
    assert_non_null(strstr(sb_str(&ev), "h.lua:5: boom"));
    sb_free(&ev);
    lhost_free(h);
    lhost_image_free(img);
    sb_free(&p1);
    sb_free(&p2);
}

/* An lhost made from an image borrows its declarations: freeing the image
 * first must leave the lhost whole (the scenario reload frees the image it
 * made a session from while the session goes on). */
static void test_image_outlived_by_its_lhost(void **state)
{
    (void)state;
    const char *src = SMALL "at(1, function(w) w:note('still here') end)\n";
    lhost_image *img = lhost_image_new("o.lua", src, strlen(src), NULL, NULL);
    assert_non_null(img);
    lhost *h = lhost_load_image(img, NULL, NULL);
    assert_non_null(h);
    assert_true(lhost_replayed(h));
    lhost_image_free(img);
    assert_string_equal(lhost_scen(h)->roles[0].id, "lead");
    assert_string_equal(lhost_scen(h)->assets[0].id, "web");
    sbuf ev = SBUF_INIT;
    play_inputs(h, 1, "end\n", &ev);
    assert_non_null(strstr(sb_str(&ev), "still here"));
    sb_free(&ev);
    lhost_free(h);
}

/* ---- the bot's view ---------------------------------------------------------- */

static void test_bot_sees_team_view_only(void **state)
{
    (void)state;
    lhost *h = lhost_load("s.lua", SMALL, strlen(SMALL), NULL, NULL);
    assert_non_null(h);
    sim_bot *b = sim_bot_new(lhost_scen(h), SIM_RANDOM, 1);
    event ev = { .vis = EV_TRUTH, .kind = EVK_SIGNAL, .subject = "s1", .turn = 2,
                 .attrs = "{\"source\":\"waf\",\"severity\":\"high\",\"asset\":\"web\"}" };
    sim_bot_observe(b, &ev);
    assert_int_equal(b->nsigs, 0);
    ev.vis = EV_TEAM;
    sim_bot_observe(b, &ev);
    assert_int_equal(b->nsigs, 1);
    assert_string_equal(b->sigs[0].id, "s1");
    assert_int_equal(b->sigs[0].asset, 0);
    assert_int_equal(b->sigs[0].severity, 3);
    assert_int_equal(b->sigs[0].turn, 2);
    sim_bot_free(b);
    lhost_free(h);
}

static void test_bot_indicators(void **state)
{
    (void)state;
    lhost *h = lhost_load("s.lua", SMALL, strlen(SMALL), NULL, NULL);
    sim_bot *b = sim_bot_new(lhost_scen(h), SIM_GREEDY, 1);
    char en[] = "Shell /upload/avatar.php called from 203.0.113.9 and evil-c2.example; "
                "config.php read; hash d41d8cd98f00b204e9800998ecf8427e; mail x@bad.example; "
                "not 300.1.1.1 nor e.g. this.";
    event ev = { .vis = EV_TEAM, .kind = EVK_NOTE, .text = { en, en } };
    sim_bot_observe(b, &ev);
    assert_int_equal(b->nind, 3);
    assert_string_equal(b->ind[0].text, "203.0.113.9");
    assert_string_equal(b->ind[1].text, "evil-c2.example");
    assert_string_equal(b->ind[2].text, "d41d8cd98f00b204e9800998ecf8427e");
    assert_int_equal(b->ind[0].signal, -1);
    sim_bot_free(b);
    lhost_free(h);
}

/* A bot plays a whole session; its inputs, fed to a fresh session with the
 * same seed, give the same events: every line was valid, and the bot's own
 * randomness never touched the session's. */
typedef struct watch {
    sim_bot *bot;
    sbuf *events;
} watch;

static void watch_emit(void *ctx, const event *ev)
{
    watch *w = ctx;
    sim_bot_observe(w->bot, ev);
    keep(w->events, ev);
}

static lhost_image *ref_image(void)
{
    size_t len;
    char *src = slurp(REF, &len);
    lhost_image *img = lhost_image_new(REF, src, len, NULL, NULL);
    assert_non_null(img);
    free(src);
    return img;
}

static void replay_check(lhost_image *img, sim_policy policy, uint64_t seed)
{
    lhost *h = lhost_load_image(img, NULL, NULL);
    sim_bot *b = sim_bot_new(lhost_scen(h), policy, seed);
    sbuf events = SBUF_INIT, inputs = SBUF_INIT, again = SBUF_INIT;
    watch w = { b, &events };
    engine_hooks hk = lhost_hooks(h);
    event_sink sink = { watch_emit, &w };
    engine_opts o = { .seed = seed };
    engine *e = engine_new(lhost_scen(h), &hk, &sink, &o);
    lhost_bind(h, e);
    assert_int_equal(engine_start(e), ENG_OK);
    int turns = 0;
    while (!engine_over(e)) {
        assert_int_equal(sim_bot_turn(b, e), ENG_OK);
        sb_puts(&inputs, sim_bot_last_turn(b));
        turns++;
    }
    assert_true(turns <= lhost_scen(h)->max_turns);
    assert_non_null(engine_outcome(e));
    put_metrics(e, &events);
    engine_free(e);
    sim_bot_free(b);
    lhost_free(h);

    lhost *h2 = lhost_load_image(img, NULL, NULL);
    play_inputs(h2, seed, sb_str(&inputs), &again);
    assert_string_equal(sb_str(&events), sb_str(&again));
    lhost_free(h2);
    sb_free(&events);
    sb_free(&inputs);
    sb_free(&again);
}

static void test_bot_inputs_replay(void **state)
{
    (void)state;
    lhost_image *img = ref_image();
    for (uint64_t seed = 1; seed <= 6; seed++) {
        replay_check(img, SIM_RANDOM, seed);
        replay_check(img, SIM_GREEDY, seed);
    }
    lhost_image_free(img);
}

/* ---- many runs ---------------------------------------------------------------- */

static void stats_json(lhost_image *img, const scen *sc, const sim_opts *o, sbuf *out)
{
    sim_stats st;
    sbuf err = SBUF_INIT;
    assert_int_equal(sim_stats_init(&st, sc), 0);
    assert_int_equal(sim_play(img, o, &st, &err), 0);
    st.seconds = 1;      /* turns_per_second is the one figure that may differ */
    sim_stats_json(&st, sc, out);
    sim_stats_free(&st);
    sb_free(&err);
}

static void test_same_seed_same_figures(void **state)
{
    (void)state;
    lhost_image *img = ref_image();
    lhost *h = lhost_load_image(img, NULL, NULL);
    for (int p = 0; p < 2; p++) {
        sim_opts o = { .runs = 25, .policy = (sim_policy)p, .seed = 3 };
        sbuf a = SBUF_INIT, b = SBUF_INIT;
        stats_json(img, lhost_scen(h), &o, &a);
        stats_json(img, lhost_scen(h), &o, &b);
        assert_string_equal(sb_str(&a), sb_str(&b));
        assert_non_null(strstr(sb_str(&a), "{\"runs\":25,\"outcomes\":{\"reinfected\":"));
        sb_free(&a);
        sb_free(&b);
    }
    lhost_free(h);
    lhost_image_free(img);
}

/* State kept in Lua must not leak from one run into the next: each run
 * counts its own turns from 0 in an upvalue, a global, w.vars, an asset's
 * declared vars table, the real string table (shared by every string of a
 * state) and the stdlib's table, and asserts they all agree with w.turn.
 * The runs take the fast way (the image's declarations replayed), which is
 * what this must hold for. */
static void test_runs_independent(void **state)
{
    (void)state;
    const char *src =
        "scenario { id = 'n', title = { vi = 'Nhỏ', en = 'Small' }, difficulty = 'basic', max_turns = 6 }\n"
        "role { id = 'lead', name = { vi = 'Trưởng', en = 'Lead' } }\n"
        "asset { id = 'web', kind = 'web', level = 2, name = { vi = 'Web', en = 'Web' }, vars = { hits = 0 } }\n"
        "local n = 0\n"
        "G = 0\n"
        "every(1, function(w)\n"
        "  n = n + 1; G = G + 1\n"
        "  local v = w.asset.web.vars; v.hits = v.hits + 1\n"
        "  w.vars.k = (w.vars.k or 0) + 1\n"
        "  string.leak = (string.leak or 0) + 1\n"
        "  stdlib.run.leak = (stdlib.run.leak or 0) + 1\n"
        "  local t = w.turn\n"
        "  assert(n == t and G == t and v.hits == t and w.vars.k == t and ('').leak == t\n"
        "         and string.leak == t and stdlib.run.leak == t, 'state leaked from another run')\n"
        "end)\n"
        "objective { id = 'o', points = 1, label = { vi = 'O', en = 'O' }, met = function(w) return true end }\n"
        "ending { id = 'third', text = { vi = 'Ba', en = 'Three' }, when = function(w) return n >= 3 end }\n";
    lhost_image *img = lhost_image_new("n.lua", src, strlen(src), NULL, NULL);
    assert_non_null(img);
    lhost *h = lhost_load_image(img, NULL, NULL);
    assert_non_null(h);
    assert_true(lhost_replayed(h));
    sim_stats st;
    sbuf err = SBUF_INIT;
    assert_int_equal(sim_stats_init(&st, lhost_scen(h)), 0);
    sim_opts o = { .runs = 5, .policy = SIM_RANDOM, .seed = 1 };
    assert_int_equal(sim_play(img, &o, &st, &err), 0);
    assert_int_equal(st.runs, 5);
    assert_int_equal(st.hook_errors, 0);
    assert_int_equal(st.outcomes[0], 5);
    assert_int_equal(st.turns, 15);
    assert_true(st.ending_reached[0] && st.objective_met[0]);
    sim_stats_free(&st);
    sb_free(&err);
    lhost_free(h);
    lhost_image_free(img);
}

/* The greedy rules reach the reference scenario's success. */
static void test_greedy_reaches_success(void **state)
{
    (void)state;
    lhost_image *img = ref_image();
    lhost *h = lhost_load_image(img, NULL, NULL);
    const scen *sc = lhost_scen(h);
    sim_stats st;
    sbuf err = SBUF_INIT;
    assert_int_equal(sim_stats_init(&st, sc), 0);
    sim_opts o = { .runs = 20, .policy = SIM_GREEDY, .seed = 1 };
    assert_int_equal(sim_play(img, &o, &st, &err), 0);
    int k = scen_ending_find(sc, "restored_clean");
    assert_true(k >= 0 && st.outcomes[k] > 0);
    assert_true(st.score_max >= 90);
    assert_int_equal(st.hook_errors, 0);
    sim_stats_free(&st);
    sb_free(&err);
    lhost_free(h);
    lhost_image_free(img);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chunk_roundtrip),
        cmocka_unit_test(test_chunk_keeps_lines),
        cmocka_unit_test(test_chunk_needs_lua_function),
        cmocka_unit_test(test_image_same_as_text),
        cmocka_unit_test(test_image_replay_all_scenarios),
        cmocka_unit_test(test_image_replay_mismatch_loads_in_full),
        cmocka_unit_test(test_image_replay_metrics),
        cmocka_unit_test(test_image_invalid_and_hook_lines),
        cmocka_unit_test(test_image_outlived_by_its_lhost),
        cmocka_unit_test(test_bot_sees_team_view_only),
        cmocka_unit_test(test_bot_indicators),
        cmocka_unit_test(test_bot_inputs_replay),
        cmocka_unit_test(test_same_seed_same_figures),
        cmocka_unit_test(test_runs_independent),
        cmocka_unit_test(test_greedy_reaches_success),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
