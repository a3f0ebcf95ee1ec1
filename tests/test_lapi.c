/*
 * test_lapi.c - the Lua host's hooks, end to end through the real engine:
 * the scenarios' own self-tests (twice, byte-identical), the world object w
 * and its errors, the action table, randomness, the standard actions'
 * effects, and hooks failing under memory faults without harm.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "tests/lhost_fixture.h"

/* The scenario's own self-tests, played through the engine; each twice,
 * and the two event streams must match byte for byte. */
static void run_selftest(const scen_test *t, sbuf *events_out)
{
    lhost *h = must_load(FIX "good.lua", NULL);
    play p;
    play_start(&p, h, t->seed);
    char *inputs = strdup(t->inputs), *save = NULL;
    for (char *l = strtok_r(inputs, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
        play_input(&p, l);
    free(inputs);
    while (!engine_over(p.e))
        play_input(&p, "end");
    const scen *sc = lhost_scen(h);
    const scen_expect *x = &t->expect;
    if (x->outcome)
        assert_string_equal(engine_outcome(p.e), x->outcome);
    if (x->has_score)
        assert_int_equal(engine_score(p.e), x->score);
    if (x->has_min)
        assert_true(engine_score(p.e) >= x->min_score);
    for (int i = 0; i < x->nobj; i++)
        assert_int_equal(engine_objective_met(p.e, scen_objective_find(sc, x->obj_ids[i])),
                         x->obj_met[i]);
    sb_puts(events_out, sb_str(&p.events));
    play_end(&p);
    lhost_free(h);
}

static void test_good_selftests(void **state)
{
    (void)state;
    lhost *h = must_load(FIX "good.lua", NULL);
    const scen *sc = lhost_scen(h);
    for (int i = 0; i < sc->ntests; i++) {
        sbuf a = SBUF_INIT, b = SBUF_INIT;
        run_selftest(&sc->tests[i], &a);
        run_selftest(&sc->tests[i], &b);
        assert_true(a.len > 0);
        assert_string_equal(sb_str(&a), sb_str(&b));
        sb_free(&a);
        sb_free(&b);
    }
    lhost_free(h);
}

/* The on() hook sees the action table and w.vars persists. */
static void test_good_hooks(void **state)
{
    (void)state;
    lhost *h = must_load(FIX "good.lua", NULL);
    play p;
    play_start(&p, h, 1);
    assert_true(has_event(&p, "\"kind\":\"signal\",\"subject\":\"waf1\""));
    play_input(&p, "sys isolate portal");
    play_input(&p, "end");
    assert_true(has_event(&p, "\"kind\":\"note\",\"value\":0,\"text\":{\"vi\":\"Đã cô lập portal\","
                              "\"en\":\"Isolated portal\"}"));
    assert_true(has_event(&p, "\"subject\":\"portal\",\"field\":\"isolated\",\"value\":1"));
    assert_false(has_event(&p, "hook_error"));
    assert_true(engine_objective_met(p.e, 0));
    play_end(&p);
    lhost_free(h);
}

/* ---- w in hooks ---------------------------------------------------------- */

static void test_w_api(void **state)
{
    (void)state;
    lhost *h = must_load("w.lua", small_plus(
        "signal { id = 'tpl', source = 'siem', severity = 'high', asset = 'web', truth = true, text = 'T' }\n"
        "at(1, function(w)\n"                                               /* 6 */
        "  w.vars.roll = w:random(1, 6) + math.random(10)\n"
        "  w:set('web', 'foo', 42)\n"
        "  local a = w:signal('tpl', { id = 'tpl2', severity = 'low' })\n"
        "  local b = w:signal { source = 'user', severity = 'info', truth = false, text = { vi = 'x', en = 'y' } }\n"
        "  w:note(a .. ',' .. b .. ',' .. w.asset.web.vars.foo .. ',' .. w.turn .. ',' .. w.minutes .. ',' .. w.max_turns)\n"
        "  w:note(w.asset.web.id .. w.asset.web.kind .. w.asset.web.level .. tostring(w.asset.web.online))\n"
        "  w:compromise('web', { technique = 'T1190' })\n"
        "  w:reveal('web', 'compromised', 'found')\n"
        "  w:note(tostring(w:knows('web', 'compromised')) .. tostring(w:knows('web', 'encrypted')))\n"
        "end)\n"
        "at(2, function(w) w:set('nope', 'isolated', true) end)\n"          /* 17 */
        "at(2, function(w) w.asset.web.isolated = true end)\n"              /* 18 */
        "at(2, function(w) w:signal { source = 's', severity = 'urgent', truth = true, text = 't' } end)\n"
        "at(2, function(w) w.note('x') end)\n"                              /* 20 */
        "at(2, function(w) w.turn = 3 end)\n"                               /* 21 */
        "at(2, function(w) return w.asset.web.isolatd end)\n"               /* 22 */
        "at(2, function(w) role { id = 'late', name = 'x' } end)\n"         /* 23 */
        "at(3, function(w) w:note({ en = 'only' }) end)\n"                  /* 24 */
        "at(3, function(w) w:award(5, 'bonus'); w:penalize('p'); w:penalize('p') end)\n"
        "at(3, function(w) w:finish('nope') end)\n"                         /* 26 */
        "penalty { id = 'p', points = 2, max = 1, label = 'P' }\n"));
    play p;
    play_start(&p, h, 3);
    assert_true(has_event(&p, "\"kind\":\"signal\",\"subject\":\"tpl2\",\"value\":0,\"attrs\":"
                              "{\"source\":\"siem\",\"severity\":\"low\",\"asset\":\"web\"}"));
    assert_true(has_event(&p, "\"kind\":\"signal\",\"subject\":\"x1\""));
    assert_true(has_event(&p, "\"text\":{\"vi\":\"tpl2,x1,42,1,0,6\""));
    assert_true(has_event(&p, "\"text\":{\"vi\":\"webweb2true\""));
    assert_true(has_event(&p, "\"kind\":\"state\",\"subject\":\"web\",\"field\":\"compromised\",\"value\":1,\"attrs\":{\"technique\":\"T1190\"}"));
    assert_true(has_event(&p, "\"kind\":\"reveal\",\"subject\":\"web\",\"field\":\"compromised\",\"value\":1,\"text\":{\"vi\":\"found\""));
    assert_true(has_event(&p, "\"text\":{\"vi\":\"truefalse\""));
    assert_false(has_event(&p, "hook_error"));
    play_input(&p, "end");
    assert_true(has_event(&p, "\"text\":{\"vi\":\"w.lua:17: w:set: no asset 'nope'\""));
    assert_true(has_event(&p, "\"text\":{\"vi\":\"w.lua:18: w.asset.web is read-only: use w:set(\\\"web\\\", \\\"isolated\\\", value)\""));
    assert_true(has_event(&p, "\"text\":{\"vi\":\"w.lua:19: w:signal: severity must be one of info, low, medium, high, critical, got 'urgent'\""));
    assert_true(has_event(&p, "\"text\":{\"vi\":\"w.lua:20: w:note: call it with a colon, as w:note(...)\""));
    assert_true(has_event(&p, "\"text\":{\"vi\":\"w.lua:21: w is read-only: keep scenario state in w.vars, change assets with w:set\""));
    assert_true(has_event(&p, "w.lua:22: w.asset.web.isolatd: no such field"));
    assert_true(has_event(&p, "\"text\":{\"vi\":\"w.lua:23: role{} can only be used at the top level of a scenario file, not inside a hook\""));
    assert_false(has_event(&p, "\"field\":\"isolated\",\"value\":1"));
    play_input(&p, "end");
    assert_true(has_event(&p, "\"text\":{\"vi\":\"w.lua:24: w:note: text: text missing a language: vi\""));
    assert_true(has_event(&p, "\"kind\":\"score\",\"subject\":\"scenario\",\"field\":\"award\",\"value\":5"));
    assert_true(has_event(&p, "w.lua:26: w:finish: no ending 'nope' is declared"));
    assert_int_equal(engine_score(p.e), 3);                /* +5, -2 once */
    assert_int_equal(engine_get_metrics(p.e)->hook_errors, 9);
    play_end(&p);
    lhost_free(h);
}

/* w and its parts cannot be unprotected; w.vars lives across hooks. */
static void test_w_protected(void **state)
{
    (void)state;
    play p;
    lhost *h = must_load("p.lua", small_plus(
        "asset { id = 'db', kind = 'database', level = 3, name = 'DB', vars = { n = 1 } }\n"
        "at(1, function(w)\n"
        "  local ids = ''\n"
        "  for id, a in pairs(w.asset) do ids = ids .. id .. tostring(a.vars.n) end\n"
        "  w.vars.count = 1\n"
        "  w:note(ids .. tostring(getmetatable(w)) .. tostring(getmetatable(w.asset.db)) ..\n"
        "         tostring(pcall(setmetatable, w, {})) .. tostring(pcall(setmetatable, w.asset, {})))\n"
        "end)\n"
        "at(2, function(w) w.asset.db.vars.n = w.asset.db.vars.n + w.vars.count; w:note('n=' .. w.asset.db.vars.n) end)\n"));
    play_start(&p, h, 1);
    assert_true(has_event(&p, "\"vi\":\"db1webnilfalsefalsefalsefalse\""));
    play_input(&p, "end");
    assert_true(has_event(&p, "\"vi\":\"n=2\""));
    assert_false(has_event(&p, "hook_error"));
    play_end(&p);
    lhost_free(h);
}

/* w:clock: the scenario's start_time at minute 0, the current phase's
 * minute by default, a day marker and the day as a second result past
 * midnight (either way), and a refused minute that is not whole. */
static void test_w_clock(void **state)
{
    (void)state;
    play p;
    lhost *h = must_load("c.lua",
        "scenario { id = 'c', title = 'C', difficulty = 'basic', max_turns = 4, turn_minutes = 30,\n"
        "           start_time = '23:00' }\n"
        "role { id = 'lead', name = 'Lead' }\n"
        "at(1, function(w)\n"
        "  local t, d = w:clock()\n"
        "  local n1, d1 = w:clock(75)\n"
        "  w:note(t .. '|' .. d .. '|' .. n1 .. '|' .. d1 .. '|' .. w:clock(-1381) .. '|' .. w:clock(2880))\n"
        "end)\n"
        "at(3, function(w) w:note('t3 ' .. w:clock()) end)\n"
        "on('wait', function(w) w:note('end ' .. w:clock()) end)\n"
        "at(2, function(w) w:clock(1.5) end)\n"                                   /* 11 */
        "at(2, function(w) w.clock(30) end)\n");                                  /* 12 */
    play_start(&p, h, 1);
    assert_true(has_event(&p, "\"vi\":\"23:00|0|00:15 (+1)|1|23:59 (-1)|23:00 (+2)\""));
    play_input(&p, "lead wait");
    play_input(&p, "end");
    assert_true(has_event(&p, "\"vi\":\"end 23:30\""));
    assert_true(has_event(&p, "c.lua:11: w:clock: the minute must be a whole number"));
    assert_true(has_event(&p, "c.lua:12: w:clock: call it with a colon"));
    play_input(&p, "end");
    assert_true(has_event(&p, "\"vi\":\"t3 00:00 (+1)\""));
    play_end(&p);
    lhost_free(h);
}

/* The same seed draws the same numbers, through w:random and math.random. */
static void test_w_random_deterministic(void **state)
{
    (void)state;
    const char *src = small_plus(
        "every(1, function(w) w:note(w:random(1, 1000000) .. ':' .. math.random(1000) .. ':' .. tostring(w:chance(0.5))) end)\n");
    sbuf runs[3] = { SBUF_INIT, SBUF_INIT, SBUF_INIT };
    uint64_t seeds[3] = { 11, 11, 12 };
    for (int i = 0; i < 3; i++) {
        lhost *h = must_load("r.lua", src);
        play p;
        play_start(&p, h, seeds[i]);
        while (!engine_over(p.e))
            play_input(&p, "end");
        sb_puts(&runs[i], sb_str(&p.events));
        play_end(&p);
        lhost_free(h);
    }
    assert_string_equal(sb_str(&runs[0]), sb_str(&runs[1]));
    assert_string_not_equal(sb_str(&runs[0]), sb_str(&runs[2]));
    for (int i = 0; i < 3; i++)
        sb_free(&runs[i]);
}

/* run and on hooks get a: id, role, target, verdict, facts, queued, qid. */
static void test_action_table(void **state)
{
    (void)state;
    lhost *h = must_load("a.lua", small_plus(
        "signal { id = 's1', source = 'waf', severity = 'low', truth = true, text = 'x' }\n"
        "at(1, function(w) w:signal('s1') end)\n"
        "local function show(w, a)\n"
        "  w:note(table.concat({ a.id, a.role, tostring(a.target), tostring(a.verdict),\n"
        "         table.concat(a.facts, '+'), a.queued, a.qid }, ' '))\n"
        "end\n"
        "on('triage', show)\non('report', show)\non('wait', show)\n"));
    play p;
    play_start(&p, h, 1);
    play_input(&p, "lead triage s1 false");
    play_input(&p, "end");
    play_input(&p, "lead report police --facts asset,impact");
    play_input(&p, "sys wait");
    play_input(&p, "end");
    assert_true(has_event(&p, "\"vi\":\"triage lead s1 false  1 1\""));
    assert_true(has_event(&p, "\"vi\":\"report lead police nil asset+impact 2 2\""));
    assert_true(has_event(&p, "\"vi\":\"wait sys nil nil  2 3\""));
    play_end(&p);
    lhost_free(h);
}

/* The standard actions' effects, through the real stdlib. */
static void test_stdlib_effects(void **state)
{
    (void)state;
    lhost *h = must_load("s.lua", small_plus(
        "asset { id = 'db', kind = 'database', level = 3, name = 'DB', backup = false, encrypted = true }\n"
        "at(1, function(w) w:compromise('web'); w:set('web', 'defaced', true) end)\n"
        "hint { cost = 4, text = 'look' }\n"
        "ending { id = 'never', text = 'n', when = function(w) return false end }\n"));
    play p;
    play_start(&p, h, 5);
    play_input(&p, "sys investigate web");
    play_input(&p, "hint");
    play_input(&p, "end");
    assert_true(has_event(&p, "\"kind\":\"reveal\",\"subject\":\"web\",\"field\":\"compromised\",\"value\":1"));
    assert_true(has_event(&p, "\"kind\":\"reveal\",\"subject\":\"web\",\"field\":\"defaced\",\"value\":1"));
    assert_false(has_event(&p, "\"field\":\"encrypted\""));
    assert_true(has_event(&p, "\"kind\":\"hint\",\"subject\":\"hint1\",\"value\":4"));
    assert_int_equal(engine_score(p.e), -4);
    /* Known compromise: eradication is sure. */
    play_input(&p, "sys eradicate web");
    play_input(&p, "end");
    play_input(&p, "end");
    assert_true(has_event(&p, "\"subject\":\"web\",\"field\":\"clean\",\"value\":1"));
    assert_true(has_event(&p, "\"subject\":\"web\",\"field\":\"compromised\",\"value\":0"));
    /* ... and the team, which knew of it, sees it gone (docs/architecture.md,
     * "Ground truth and team view"): the board no longer says compromised. */
    assert_true(has_event(&p, "\"vis\":\"team\",\"kind\":\"reveal\",\"subject\":\"web\","
                              "\"field\":\"compromised\",\"value\":0"));
    assert_true(has_event(&p, "\"vis\":\"team\",\"kind\":\"reveal\",\"subject\":\"web\","
                              "\"field\":\"clean\",\"value\":1"));
    /* No backup: restore does nothing; shutdown and start. */
    play_input(&p, "sys restore db");
    play_input(&p, "end");
    play_input(&p, "sys shutdown web");
    play_input(&p, "sys collect_evidence db");
    play_input(&p, "end");
    assert_false(has_event(&p, "\"subject\":\"db\",\"field\":\"encrypted\",\"value\":0"));
    assert_true(has_event(&p, "\"subject\":\"web\",\"field\":\"online\",\"value\":0"));
    assert_true(has_event(&p, "\"subject\":\"db\",\"field\":\"evidence\",\"value\":1"));
    assert_false(has_event(&p, "hook_error"));
    play_end(&p);
    lhost_free(h);
}

/* A sweep in the dark (no investigation: the team does not know of the
 * foothold) tells the team nothing, whether it removed the foothold or
 * missed it: telling would give the truth away. Seeds give both. */
static void test_stdlib_eradicate_unknown(void **state)
{
    (void)state;
    int removed = 0, missed = 0;
    for (uint64_t seed = 1; seed <= 16; seed++) {
        lhost *h = must_load("u.lua", small_plus("at(1, function(w) w:compromise('web') end)\n"));
        play p;
        play_start(&p, h, seed);
        play_input(&p, "sys eradicate web");
        play_input(&p, "end");
        play_input(&p, "end");
        bool gone = has_event(&p, "\"kind\":\"state\",\"subject\":\"web\",\"field\":\"compromised\",\"value\":0");
        removed += gone;
        missed += !gone;
        assert_false(has_event(&p, "\"kind\":\"reveal\""));
        play_end(&p);
        lhost_free(h);
    }
    assert_true(removed > 0 && missed > 0);
}

/* The tutorial teaches the terminal's keys, and the inputs line for those
 * who play it from a script; and after its eradication the board shows the
 * PC clean. */
static void test_tutorial_teaches_keys(void **state)
{
    (void)state;
    sbuf probs = SBUF_INIT;
    lhost *h = lhost_load_file("scenarios/tutorial.lua", NULL, &probs);
    assert_non_null(h);
    play p;
    play_start(&p, h, 1);
    assert_true(has_event(&p, "press t, choose 'real attack'"));
    assert_true(has_event(&p, "press n to end the turn"));
    assert_true(has_event(&p, "nhấn t, chọn 'tấn công thật'"));
    assert_true(has_event(&p, "'soc triage s_edr true'"));
    assert_false(has_event(&p, "Type '"));
    const char *lines[] = { "soc triage s_edr true", "soc triage s_spam false", "end",
                            "soc investigate pc", "end", "sys isolate pc", "end",
                            "sys collect_evidence pc", "end", "sys eradicate pc", "end", "end" };
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
        play_input(&p, lines[i]);
    assert_true(has_event(&p, "Enter on NV-PC-07, choose 'Isolate an asset'"));
    assert_true(has_event(&p, "\"vis\":\"team\",\"kind\":\"reveal\",\"subject\":\"pc\","
                              "\"field\":\"compromised\",\"value\":0"));
    play_end(&p);
    lhost_free(h);
    sb_free(&probs);
}

/* Shutting down a compromised host before imaging loses memory evidence. */
static void test_stdlib_shutdown_memory(void **state)
{
    (void)state;
    lhost *h = must_load("m.lua", small_plus(
        "at(1, function(w) w:compromise('web') end)\n"
        "on('shutdown', function(w, a) w:note(tostring(w.asset.web.vars.memory_lost)) end)\n"
        "on('restore', function(w, a) w:note('restored=' .. tostring(w.asset.web.vars.restored)) end)\n"));
    play p;
    play_start(&p, h, 1);
    play_input(&p, "sys shutdown web");
    play_input(&p, "end");
    assert_true(has_event(&p, "\"vi\":\"true\""));
    play_input(&p, "sys restore web");
    play_input(&p, "end");
    play_input(&p, "end");
    assert_true(has_event(&p, "\"vi\":\"restored=true\""));
    assert_true(has_event(&p, "\"subject\":\"web\",\"field\":\"online\",\"value\":1"));
    /* A restore shows the team its data and pages back (not the foothold). */
    assert_true(has_event(&p, "\"kind\":\"reveal\",\"subject\":\"web\",\"field\":\"defaced\",\"value\":0"));
    assert_true(has_event(&p, "\"kind\":\"reveal\",\"subject\":\"web\",\"field\":\"encrypted\",\"value\":0"));
    assert_false(has_event(&p, "\"kind\":\"reveal\",\"subject\":\"web\",\"field\":\"compromised\""));
    play_end(&p);
    lhost_free(h);
}

/* A failing predicate is a hook error and counts as false; the session goes on. */
static void test_hook_errors_keep_session(void **state)
{
    (void)state;
    lhost *h = must_load("e.lua", small_plus(
        "objective { id = 'o', points = 5, label = 'o', met = function(w) return w.vars.x.y end }\n"
        "ending { id = 'loop', text = 'l', when = function(w) while true do end end }\n"));
    play p;
    play_start(&p, h, 1);
    play_input(&p, "end");
    assert_true(has_event(&p, "e.lua:5: attempt to index a nil value (field 'x')"));
    assert_true(has_event(&p, "\"kind\":\"hook_error\""));
    assert_false(engine_over(p.e));
    assert_int_equal(engine_turn(p.e), 2);
    play_end(&p);
    lhost_free(h);
}

/* Memory caps from tiny to enough: the allocation that fails moves through
 * every step of loading; each load ends in a scenario or in problems, never
 * in a crash or a leak (the sanitizer build checks the leaks). */
static void test_memory_cap_sweep(void **state)
{
    (void)state;
    sbuf src = SBUF_INIT;
    FILE *f = fopen(FIX "good.lua", "rb");
    assert_non_null(f);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sb_add(&src, buf, n);
    fclose(f);
    int loaded = 0, failed = 0;
    for (size_t cap = 8 * 1024; cap <= 512 * 1024; cap += cap / 16) {
        lhost_opts o = { .limits = { .mem_bytes = cap } };
        sbuf probs = SBUF_INIT;
        lhost *h = lhost_load("good.lua", src.buf, src.len, &o, &probs);
        if (h) {
            loaded++;
            play p;
            play_start(&p, h, 1);
            while (!engine_over(p.e))
                play_input(&p, "end");
            play_end(&p);
            lhost_free(h);
        } else {
            failed++;
            assert_true(probs.len > 0);
        }
        sb_free(&probs);
    }
    assert_true(loaded > 0);
    assert_true(failed > 0);
    sb_free(&src);
}

/* Fail the Nth allocation in the state while a session plays, for N from
 * 0 up: hooks fail (hook_error events), the session stays consistent, and
 * nothing leaks or crashes. Far enough, nothing fails. */
static void test_hook_alloc_faults(void **state)
{
    (void)state;
    static const char *const inputs[] = { "soc triage waf1 true", "sys isolate portal", "end",
                                          "lead report police --facts asset,impact", "end" };
    int faulty = 0, clean = 0;
    for (long n = 0; n < 400 && clean < 3; n += 2) {
        lhost *h = must_load(FIX "good.lua", NULL);
        sbx_fail_alloc_after(lhost_sandbox(h), n);
        play p;
        play_start(&p, h, 1);
        for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++)
            engine_input(p.e, inputs[i]);   /* may be refused: s1 may never have come */
        while (!engine_over(p.e))
            engine_input(p.e, "end");
        if (engine_get_metrics(p.e)->hook_errors) {
            faulty++;
            assert_true(has_event(&p, "\"kind\":\"hook_error\""));
        } else {
            clean++;
            assert_string_equal(engine_outcome(p.e), "contained");
        }
        sbx_fail_alloc_after(lhost_sandbox(h), -1);
        play_end(&p);
        lhost_free(h);
    }
    assert_true(faulty > 0);
    assert_true(clean > 0);
}

/* metrics{} through the real engine: the predicates see w, a failing one
 * is a hook error with its file:line that counts as false, recovery is not
 * judged before containment, and a declaration inside a hook is refused. */
static void test_metrics_predicates(void **state)
{
    (void)state;
    lhost *h = must_load("m.lua", small_plus(
        "metrics {\n"
        "  detected = function(w) return w:did('wait') end,\n"
        "  contained = function(w) return w.asset.web.isolated end,\n"
        "  recovered = function(w) return w.vars.x.y end,\n"
        "}\n"
        "at(3, function(w) metrics { contained = function(w) return true end } end)\n"));
    play p;
    play_start(&p, h, 1);
    play_input(&p, "lead wait");
    play_input(&p, "end");                       /* turn 1: detected at 15 */
    const engine_metrics *m = engine_get_metrics(p.e);
    assert_int_equal(m->detect_minute, 15);
    assert_int_equal(m->contain_minute, -1);
    assert_int_equal(m->hook_errors, 0);         /* recovery not judged yet */
    play_input(&p, "sys isolate web");
    play_input(&p, "end");                       /* turn 2: contained at 30 */
    assert_int_equal(m->contain_minute, 30);
    assert_int_equal(m->recover_minute, -1);
    assert_true(has_event(&p, "\"turn\":2,\"minute\":30,\"vis\":\"truth\",\"kind\":\"hook_error\","
                              "\"value\":0,\"text\":{\"vi\":\"m.lua:8: attempt to index a nil value (field 'x')"));
    /* and the start of turn 3: the at(3) hook */
    assert_true(has_event(&p, "m.lua:10: metrics{} can only be used at the top level of a scenario file"));
    assert_int_equal(m->hook_errors, 2);
    play_input(&p, "end");                       /* turn 3: recovered fails again */
    assert_int_equal(m->hook_errors, 3);
    assert_int_equal(m->recover_minute, -1);
    assert_false(engine_over(p.e));
    play_end(&p);
    lhost_free(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_selftests),
        cmocka_unit_test(test_good_hooks),
        cmocka_unit_test(test_w_api),
        cmocka_unit_test(test_w_protected),
        cmocka_unit_test(test_w_random_deterministic),
        cmocka_unit_test(test_w_clock),
        cmocka_unit_test(test_action_table),
        cmocka_unit_test(test_stdlib_effects),
        cmocka_unit_test(test_stdlib_shutdown_memory),
        cmocka_unit_test(test_stdlib_eradicate_unknown),
        cmocka_unit_test(test_tutorial_teaches_keys),
        cmocka_unit_test(test_hook_errors_keep_session),
        cmocka_unit_test(test_memory_cap_sweep),
        cmocka_unit_test(test_hook_alloc_faults),
        cmocka_unit_test(test_metrics_predicates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
