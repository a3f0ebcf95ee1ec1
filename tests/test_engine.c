/*
 * test_engine.c - the engine core with fake hooks (no Lua): turn order,
 * inputs, scoring, metrics, endings, caps and determinism.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"

/* ---- a fake scenario built in C ---------------------------------------- */

enum { R_LEAD, R_SOC, R_SYS };
enum { A_PORTAL, A_DB };

typedef int (*fake_fn)(engine *e, const action_inst *a, bool *out);

typedef struct fake {
    scen sc;
    fake_fn fns[64];
    int nfns;
    char err[128];
    sbuf events;          /* every event as a JSON line */
    int nevents;
    int kinds[EVK_COUNT];
    bool flood;           /* the every(3) hook floods */
    bool fail_every;      /* the every(3) hook fails */
} fake;

static fake *F;           /* the fixture under test, for hook functions */

static int fake_call(void *ctx, engine *e, int ref, const action_inst *a, bool *out)
{
    fake *f = ctx;
    if (ref <= 0 || ref > f->nfns)
        return -1;
    return f->fns[ref - 1](e, a, out);
}

static const char *fake_err(void *ctx) { return ((fake *)ctx)->err; }

static void fake_emit(void *ctx, const event *ev)
{
    fake *f = ctx;
    event_to_json(ev, &f->events);
    sb_putc(&f->events, '\n');
    f->nevents++;
    f->kinds[ev->kind]++;
}

static int ref(fake *f, fake_fn fn)
{
    f->fns[f->nfns++] = fn;
    return f->nfns;
}

static char *S(const char *s) { return strdup(s); }
static text T(const char *s) { text t = { S(s), S(s) }; return t; }

static int h_compromise(engine *e, const action_inst *a, bool *o)
{
    return engine_compromise(e, A_PORTAL, "T1190");
}

static int h_signal_s1(engine *e, const action_inst *a, bool *o)
{
    text t = { "WAF: tấn công", "WAF: attack" };
    engine_signal_spec sp = { .id = "s1", .source = "waf", .severity = "high",
                              .asset = A_PORTAL, .truth = 1, .text = &t, .tmpl = -1 };
    return engine_signal(e, &sp);
}

static int h_noise(engine *e, const action_inst *a, bool *o)
{
    if (F->fail_every) {
        snprintf(F->err, sizeof F->err, "noise.lua:7: attempt to index a nil value");
        return -1;
    }
    int n = F->flood ? 1000 : 1;
    for (int i = 0; i < n; i++) {
        if (!engine_chance(e, 0.5) && !F->flood)
            return 0;
        text t = { "nhiễu", "noise" };
        engine_signal_spec sp = { .source = "ids", .severity = "low", .asset = A_DB,
                                  .truth = 0, .text = &t, .tmpl = -1 };
        if (engine_signal(e, &sp) < 0) {
            snprintf(F->err, sizeof F->err, "noise.lua:9: %s", engine_errmsg(e));
            return -1;
        }
    }
    return 0;
}

static int h_when_pred(engine *e, const action_inst *a, bool *o)
{
    *o = engine_turn(e) >= 5 && !engine_asset_get(e, A_PORTAL, AF_ISOLATED);
    return 0;
}

static int h_deface(engine *e, const action_inst *a, bool *o)
{
    return engine_set(e, A_PORTAL, AF_DEFACED, true);
}

static int h_isolate(engine *e, const action_inst *a, bool *o)
{
    return engine_set(e, scen_asset_find(engine_scen(e), a->target), AF_ISOLATED, true);
}

static int h_eradicate(engine *e, const action_inst *a, bool *o)
{
    int as = scen_asset_find(engine_scen(e), a->target);
    engine_set(e, as, AF_COMPROMISED, false);
    return engine_set(e, as, AF_CLEAN, true);
}

static int h_met_detect(engine *e, const action_inst *a, bool *o)
{
    *o = engine_flagged(e, "s1");
    return 0;
}

static int h_met_contain(engine *e, const action_inst *a, bool *o)
{
    *o = engine_asset_get(e, A_PORTAL, AF_ISOLATED);
    return 0;
}

static int h_met_report(engine *e, const action_inst *a, bool *o)
{
    const char *facts[] = { "asset", "impact" };
    *o = engine_reported(e, "owner", facts, 2, -1);
    return 0;
}

static int h_end_clean(engine *e, const action_inst *a, bool *o)
{
    *o = engine_asset_get(e, A_PORTAL, AF_CLEAN);
    return 0;
}

static int h_end_defaced(engine *e, const action_inst *a, bool *o)
{
    *o = engine_asset_get(e, A_PORTAL, AF_DEFACED);
    return 0;
}

static int h_on_isolate(engine *e, const action_inst *a, bool *o)
{
    text t = { "đã cô lập", "isolated" };
    return engine_note(e, &t);
}

static void add_action(scen *sc, const char *id, int *roles, int nroles, int cost, int turns,
                       target_kind tk, int runref)
{
    scen_action *a = &sc->actions[sc->nactions++];
    memset(a, 0, sizeof *a);
    a->id = S(id);
    a->roles = malloc(sizeof(int) * (size_t)nroles);
    memcpy(a->roles, roles, sizeof(int) * (size_t)nroles);
    a->nroles = nroles;
    a->cost = cost;
    a->turns = turns;
    a->target = tk;
    a->label = T(id);
    a->ref = runref;
}

static void add_named(scen_named **v, int *n, const char *id, int deadline)
{
    *v = realloc(*v, sizeof **v * (size_t)(*n + 1));
    (*v)[*n] = (scen_named){ S(id), T(id), deadline };
    (*n)++;
}

static fake *fake_new(int max_turns)
{
    fake *f = calloc(1, sizeof *f);
    F = f;
    scen *sc = &f->sc;
    sc->id = S("fake");
    sc->version = 1;
    sc->title = T("Fake");
    sc->turn_minutes = 15;
    sc->max_turns = max_turns;
    sc->action_points = 2;
    sc->roles = calloc(3, sizeof *sc->roles);
    sc->roles[0].id = S("lead");
    sc->roles[1].id = S("soc");
    sc->roles[2].id = S("sys");
    sc->nroles = 3;
    sc->assets = calloc(2, sizeof *sc->assets);
    sc->assets[0].id = S("portal");
    sc->assets[1].id = S("db");
    for (int i = 0; i < 2; i++) {
        sc->assets[i].init[AF_ONLINE] = true;
        sc->assets[i].init[AF_BACKUP] = true;
        sc->assets[i].level = 3;
    }
    sc->nassets = 2;
    sc->actions = calloc(8, sizeof *sc->actions);
    int soc_lead[] = { R_SOC, R_LEAD }, sys[] = { R_SYS }, lead[] = { R_LEAD },
        any[] = { R_LEAD, R_SOC, R_SYS };
    add_action(sc, "triage", soc_lead, 2, 1, 1, TGT_SIGNAL, 0);
    sc->actions[0].verdict = true;
    add_action(sc, "isolate", sys, 1, 1, 1, TGT_ASSET, ref(f, h_isolate));
    add_action(sc, "eradicate", sys, 1, 2, 2, TGT_ASSET, ref(f, h_eradicate));
    add_action(sc, "report", lead, 1, 1, 1, TGT_RECIPIENT, 0);
    sc->actions[3].facts = true;
    add_action(sc, "hint", any, 3, 0, 1, TGT_NONE, 0);
    sc->actions[4].immediate = true;
    add_action(sc, "wait", any, 3, 0, 1, TGT_NONE, 0);
    add_named(&sc->recipients, &sc->nrecipients, "owner", 7200);
    add_named(&sc->recipients, &sc->nrecipients, "a05", 4320);
    add_named(&sc->facts, &sc->nfacts, "asset", 0);
    add_named(&sc->facts, &sc->nfacts, "impact", 0);

    sc->triggers = calloc(8, sizeof *sc->triggers);
    sc->triggers[sc->ntriggers++] = (scen_trigger){ .kind = TRIG_EVERY, .n = 3, .ref = ref(f, h_noise) };
    sc->triggers[sc->ntriggers++] = (scen_trigger){ .kind = TRIG_AT, .n = 1, .ref = ref(f, h_compromise) };
    sc->triggers[sc->ntriggers++] = (scen_trigger){ .kind = TRIG_AT, .n = 2, .ref = ref(f, h_signal_s1) };
    sc->triggers[sc->ntriggers++] = (scen_trigger){ .kind = TRIG_WHEN, .pred_ref = ref(f, h_when_pred),
                                                    .ref = ref(f, h_deface) };
    sc->triggers[sc->ntriggers++] = (scen_trigger){ .kind = TRIG_ON, .action = 1,
                                                    .ref = ref(f, h_on_isolate) };
    sc->triggers[sc->ntriggers++] = (scen_trigger){ .kind = TRIG_ON, .action = 4,
                                                    .ref = ref(f, h_on_isolate) };

    sc->objectives = calloc(3, sizeof *sc->objectives);
    sc->objectives[0] = (scen_objective){ .id = S("detect"), .points = 20, .by_turn = 4,
                                          .label = T("detect"), .ref = ref(f, h_met_detect) };
    sc->objectives[1] = (scen_objective){ .id = S("contain"), .points = 30, .by_turn = 6,
                                          .label = T("contain"), .ref = ref(f, h_met_contain) };
    sc->objectives[2] = (scen_objective){ .id = S("report"), .points = 20, .within_minutes = 120,
                                          .label = T("report"), .ref = ref(f, h_met_report) };
    sc->nobjectives = 3;
    sc->penalties = calloc(1, sizeof *sc->penalties);
    sc->penalties[0] = (scen_penalty){ .id = S("late"), .points = 10, .max = 2, .label = T("late") };
    sc->npenalties = 1;
    sc->hints = calloc(1, sizeof *sc->hints);
    sc->hints[0] = (scen_hint){ .id = S("hint1"), .from_turn = 2, .cost = 5, .text = T("isolate it") };
    sc->nhints = 1;
    sc->endings = calloc(2, sizeof *sc->endings);
    sc->endings[0] = (scen_ending){ .id = S("clean"), .success = true, .text = T("clean"),
                                    .ref = ref(f, h_end_clean) };
    sc->endings[1] = (scen_ending){ .id = S("defaced"), .text = T("defaced"),
                                    .ref = ref(f, h_end_defaced) };
    sc->nendings = 2;
    return f;
}

static void fake_free(fake *f)
{
    scen_free(&f->sc);
    sb_free(&f->events);
    free(f);
}

static engine *start(fake *f, const engine_opts *o)
{
    engine_hooks h = { fake_call, fake_err, f };
    event_sink sink = { fake_emit, f };
    engine *e = engine_new(&f->sc, &h, &sink, o);
    assert_non_null(e);
    assert_int_equal(engine_start(e), ENG_OK);
    return e;
}

static void feed(engine *e, const char *const *lines)
{
    for (; *lines; lines++) {
        int rc = engine_input(e, *lines);
        if (rc != ENG_OK && rc != ENG_EMPTY)
            fail_msg("input '%s' refused: %s", *lines, engine_errmsg(e));
    }
}

static const char *const TEXTBOOK[] = {
    "end",                                  /* turn 1: nothing seen yet */
    "soc triage s1 true", "sys isolate portal", "lead report owner --facts asset,impact",
    "end",                                  /* turn 2 */
    "sys eradicate portal", "end",          /* turn 3: eradicate takes 2 turns */
    "end",                                  /* turn 4: eradication completes */
    NULL,
};

/* ---- tests ------------------------------------------------------------ */

static void test_textbook_run(void **st)
{
    fake *f = fake_new(20);
    engine *e = start(f, NULL);
    feed(e, TEXTBOOK);
    assert_true(engine_over(e));
    assert_string_equal(engine_outcome(e), "clean");
    assert_int_equal(engine_turn(e), 4);
    assert_int_equal(engine_score(e), 70);
    assert_int_equal(engine_max_score(e), 70);
    const engine_metrics *m = engine_get_metrics(e);
    assert_int_equal(m->first_compromise_minute, 0);
    assert_int_equal(m->detect_minute, 30);      /* end of turn 2 */
    assert_int_equal(m->contain_minute, 30);
    assert_int_equal(m->recover_minute, -1);     /* still isolated */
    assert_int_equal(m->downtime[A_PORTAL], 30); /* isolated from 30 to 60 */
    assert_int_equal(m->reports, 1);
    assert_int_equal(m->reports_on_time, 1);
    assert_int_equal(m->actions_per_role[R_SYS], 2);
    assert_int_equal(engine_objective_minute(e, 0), 30);
    assert_int_equal(f->kinds[EVK_NOTE], 1);     /* the on(isolate) hook ran */
    sbuf res = SBUF_INIT;
    engine_result_json(e, NULL, &res);
    assert_string_equal(sb_str(&res),
        "{\"session\":null,\"scenario\":\"fake\",\"seed\":1,\"outcome\":\"clean\",\"score\":70,"
        "\"max_score\":70,\"turns\":4,\"objectives\":{\"detect\":true,\"contain\":true,\"report\":true}}");
    sb_free(&res);
    assert_int_equal(engine_input(e, "end"), ENG_EOVER);
    engine_free(e);
    fake_free(f);
}

static void test_idle_defaced(void **st)
{
    fake *f = fake_new(20);
    engine *e = start(f, NULL);
    for (int i = 0; i < 5; i++)
        assert_int_equal(engine_input(e, "end"), ENG_OK);
    assert_true(engine_over(e));
    assert_string_equal(engine_outcome(e), "defaced");
    assert_int_equal(engine_score(e), 0);
    assert_false(engine_objective_met(e, 0));
    engine_free(e);
    fake_free(f);
}

static void test_timeout(void **st)
{
    fake *f = fake_new(3);
    engine *e = start(f, NULL);
    for (int i = 0; i < 3; i++)
        assert_int_equal(engine_input(e, "end"), ENG_OK);
    assert_true(engine_over(e));
    assert_string_equal(engine_outcome(e), "timeout");
    assert_int_equal(engine_turn(e), 3);
    engine_free(e);
    fake_free(f);
}

/* at() hooks run before every() hooks within a turn start, whatever their
 * declaration order, and start events carry the turn's first minute. */
static void test_turn_order(void **st)
{
    fake *f = fake_new(20);
    f->flood = false;
    engine *e = start(f, NULL);
    feed(e, (const char *const[]){ "end", "end", NULL });   /* into turn 3 */
    const char *ev = sb_str(&f->events);
    const char *t3 = strstr(ev, "\"kind\":\"turn\",\"value\":3");
    assert_non_null(t3);
    const char *s1 = strstr(ev, "\"subject\":\"s1\"");
    assert_non_null(s1);
    assert_non_null(strstr(ev, "{\"seq\":"));
    assert_true(s1 < t3);
    /* the compromise at turn 1 is ground truth, stamped minute 0 */
    assert_non_null(strstr(ev, "\"turn\":1,\"minute\":0,\"vis\":\"truth\",\"kind\":\"state\","
                               "\"subject\":\"portal\",\"field\":\"compromised\""));
    /* s1 arrives at the start of turn 2: minute 15 */
    assert_non_null(strstr(ev, "\"turn\":2,\"minute\":15,\"vis\":\"team\",\"kind\":\"signal\","
                               "\"subject\":\"s1\""));
    engine_free(e);
    fake_free(f);
}

static void test_determinism(void **st)
{
    char *first = NULL;
    for (int run = 0; run < 2; run++) {
        fake *f = fake_new(40);
        engine_opts o = { .seed = 42 };
        engine *e = start(f, &o);
        feed(e, (const char *const[]){ "end", "end", "end", "soc triage s1 false", "end",
                                       "sys isolate portal", "end", "end", "end", "end", NULL });
        if (!first) {
            first = strdup(sb_str(&f->events));
        } else {
            assert_string_equal(first, sb_str(&f->events));
        }
        engine_free(e);
        fake_free(f);
    }
    /* a different seed changes the noise */
    fake *f = fake_new(40);
    engine_opts o = { .seed = 7 };
    engine *e = start(f, &o);
    feed(e, (const char *const[]){ "end", "end", "end", "soc triage s1 false", "end",
                                   "sys isolate portal", "end", "end", "end", "end", NULL });
    assert_string_not_equal(first, sb_str(&f->events));
    engine_free(e);
    fake_free(f);
    free(first);
}

static void expect_refused(engine *e, const char *line, const char *msg)
{
    int rc = engine_input_check(e, line, NULL);
    assert_int_equal(rc, ENG_EINPUT);
    if (!strstr(engine_errmsg(e), msg))
        fail_msg("'%s': expected message containing '%s', got '%s'", line, msg, engine_errmsg(e));
}

static void test_input_errors(void **st)
{
    fake *f = fake_new(20);
    engine *e = start(f, NULL);
    uint32_t before = engine_event_count(e);
    expect_refused(e, "dance", "unknown action 'dance'");
    expect_refused(e, "soc triage s1 true", "no signal 's1' has been received");
    expect_refused(e, "sys isolate mars", "no asset 'mars'");
    expect_refused(e, "soc isolate portal", "role soc cannot isolate");
    expect_refused(e, "isolate", "missing asset");
    expect_refused(e, "isolate portal now", "unexpected 'now'");
    expect_refused(e, "report owner --facts asset,weather", "unknown fact 'weather'");
    expect_refused(e, "report nobody", "unknown recipient 'nobody'");
    expect_refused(e, "hint", "no hint is available now");
    expect_refused(e, "isolate \x1b[2Jportal", "control character");
    expect_refused(e, "isolate \xff", "not valid UTF-8");
    expect_refused(e, "cancel 1", "no queued action 1");
    expect_refused(e, "facilitator award ten good", "points must be a number");
    expect_refused(e, "facilitator award 10", "a written reason is required");
    assert_int_equal(engine_input_check(e, "   # only a comment", NULL), ENG_EMPTY);
    assert_int_equal(engine_input_check(e, "", NULL), ENG_EMPTY);
    assert_int_equal(engine_event_count(e), before);   /* nothing changed */
    /* action points: eradicate costs 2, isolate then cannot follow */
    assert_int_equal(engine_input(e, "eradicate portal"), ENG_OK);
    expect_refused(e, "isolate portal", "sys has 0 action point(s) left this turn; isolate costs 1");
    /* cancelling refunds the points */
    assert_int_equal(engine_input(e, "cancel 1"), ENG_OK);
    assert_int_equal(engine_ap_left(e, R_SYS), 2);
    assert_int_equal(engine_input(e, "isolate portal"), ENG_OK);
    engine_free(e);
    fake_free(f);
}

static void test_canonical_form(void **st)
{
    fake *f = fake_new(20);
    engine *e = start(f, NULL);
    sbuf c = SBUF_INIT;
    assert_int_equal(engine_input_check(e, "  isolate\tportal   # cut it", &c), ENG_OK);
    assert_string_equal(sb_str(&c), "sys isolate portal");
    assert_int_equal(engine_input_check(e, "report owner --facts asset,impact,asset", &c), ENG_OK);
    assert_string_equal(sb_str(&c), "lead report owner --facts asset,impact");
    assert_int_equal(engine_input_check(e, "end", &c), ENG_OK);
    assert_string_equal(sb_str(&c), "lead end");
    assert_int_equal(engine_input_check(e, "facilitator award 5 quick thinking  ", &c), ENG_OK);
    assert_string_equal(sb_str(&c), "facilitator award 5 quick thinking");
    sb_free(&c);
    engine_free(e);
    fake_free(f);
}

/* An action with turns = k queued in turn t completes at the end of turn
 * t + k - 1, and only then do its effects show. */
static void test_multi_turn_action(void **st)
{
    fake *f = fake_new(20);
    engine *e = start(f, NULL);
    feed(e, (const char *const[]){ "sys eradicate portal", "end", NULL });
    assert_false(engine_asset_get(e, A_PORTAL, AF_CLEAN));
    assert_false(engine_did(e, "eradicate", "portal"));
    feed(e, (const char *const[]){ "end", NULL });
    assert_true(engine_over(e));
    assert_string_equal(engine_outcome(e), "clean");
    assert_int_equal(engine_turn(e), 2);
    assert_true(engine_did(e, "eradicate", "portal"));
    engine_free(e);
    fake_free(f);
}

static void test_hook_failure_reported(void **st)
{
    fake *f = fake_new(20);
    f->fail_every = true;
    engine *e = start(f, NULL);
    feed(e, (const char *const[]){ "end", "end", "end", NULL });
    assert_int_equal(f->kinds[EVK_HOOK_ERROR], 1);
    assert_non_null(strstr(sb_str(&f->events), "noise.lua:7: attempt to index a nil value"));
    assert_int_equal(engine_get_metrics(e)->hook_errors, 1);
    assert_false(engine_over(e));
    assert_int_equal(engine_input(e, "isolate portal"), ENG_OK);   /* still usable */
    engine_free(e);
    fake_free(f);
}

static void test_signal_flood_capped(void **st)
{
    fake *f = fake_new(20);
    f->flood = true;
    engine *e = start(f, NULL);
    feed(e, (const char *const[]){ "end", "end", NULL });
    assert_int_equal(f->kinds[EVK_HOOK_ERROR], 1);
    assert_non_null(strstr(sb_str(&f->events), "at most 256 events"));
    assert_true(f->kinds[EVK_SIGNAL] <= 256);
    assert_int_equal(engine_input(e, "end"), ENG_OK);
    engine_free(e);
    fake_free(f);
}

static void test_facilitator(void **st)
{
    fake *f = fake_new(20);
    engine *e = start(f, NULL);
    feed(e, (const char *const[]){ "facilitator award 7 good call", "facilitator deduct 2 chatter",
                                   "facilitator note tea break", NULL });
    assert_int_equal(engine_score(e), 5);
    assert_int_equal(engine_score_count(e), 2);
    const engine_score_entry *se = engine_score_at(e, 1);
    assert_int_equal(se->points, -2);
    assert_string_equal(se->reason.en, "chatter");
    feed(e, (const char *const[]){ "facilitator end", NULL });
    assert_int_equal(engine_turn(e), 2);
    engine_free(e);
    fake_free(f);
}

static void test_participants(void **st)
{
    fake *f = fake_new(20);
    engine_participant ps[] = { { "An", 1u << R_LEAD | 1u << R_SOC }, { "Bình", 1u << R_SYS } };
    engine_opts o = { .seed = 1, .participants = ps, .nparticipants = 2 };
    engine *e = start(f, &o);
    expect_refused(e, "end", "several players");
    assert_int_equal(engine_input(e, "lead end"), ENG_OK);
    assert_int_equal(engine_turn(e), 1);
    assert_true(engine_participant_ready(e, 0));
    assert_int_equal(engine_input(e, "sys end"), ENG_OK);
    assert_int_equal(engine_turn(e), 2);
    assert_false(engine_participant_ready(e, 0));
    engine_free(e);
    fake_free(f);
}

static void test_hints(void **st)
{
    fake *f = fake_new(20);
    engine *e = start(f, NULL);
    feed(e, (const char *const[]){ "end", "hint", NULL });
    assert_int_equal(engine_score(e), -5);
    assert_int_equal(f->kinds[EVK_NOTE], 1);     /* on(hint) ran, though hint is immediate */
    assert_int_equal(engine_get_metrics(e)->hints, 1);
    assert_int_equal(f->kinds[EVK_HINT], 1);
    expect_refused(e, "hint", "no hint is available now");
    engine_free(e);
    fake_free(f);

    f = fake_new(20);
    engine_opts o = { .seed = 1, .mode = MODE_EXERCISE };
    e = start(f, &o);
    feed(e, (const char *const[]){ "end", NULL });
    expect_refused(e, "hint", "hints are not allowed");
    engine_free(e);
    fake_free(f);
}

static void test_penalty_max(void **st)
{
    fake *f = fake_new(20);
    engine *e = start(f, NULL);
    for (int i = 0; i < 5; i++)
        assert_int_equal(engine_penalize(e, "late"), ENG_OK);
    assert_int_equal(engine_score(e), -20);
    assert_int_equal(engine_penalty_count(e, 0), 2);
    assert_int_equal(engine_penalize(e, "nope"), ENG_EARG);
    engine_free(e);
    fake_free(f);
}

static void test_finish_and_args(void **st)
{
    fake *f = fake_new(20);
    engine *e = start(f, NULL);
    assert_int_equal(engine_finish(e, "nope"), ENG_EARG);
    assert_int_equal(engine_set(e, 9, AF_CLEAN, true), ENG_EARG);
    assert_int_equal(engine_set(e, 0, AF_COUNT, true), ENG_EARG);
    text t = { "x", "x" };
    engine_signal_spec dup = { .id = "s9", .asset = -1, .text = &t, .tmpl = -1 };
    assert_int_equal(engine_signal(e, &dup), ENG_OK);
    assert_int_equal(engine_signal(e, &dup), ENG_EARG);
    assert_int_equal(engine_finish(e, "defaced"), ENG_OK);
    feed(e, (const char *const[]){ "end", NULL });
    assert_true(engine_over(e));
    assert_string_equal(engine_outcome(e), "defaced");
    engine_free(e);
    fake_free(f);
}

/* Knowledge of a hidden field is current only until it changes again. */
static void test_reveal_and_knowledge(void **st)
{
    fake *f = fake_new(20);
    engine *e = start(f, NULL);
    assert_false(engine_knows(e, A_PORTAL, AF_COMPROMISED));
    assert_true(engine_knows(e, A_PORTAL, AF_ISOLATED));
    assert_int_equal(engine_reveal(e, A_PORTAL, AF_COMPROMISED, NULL), ENG_OK);
    assert_true(engine_knows(e, A_PORTAL, AF_COMPROMISED));
    assert_int_equal(engine_set(e, A_PORTAL, AF_COMPROMISED, false), ENG_OK);
    assert_false(engine_knows(e, A_PORTAL, AF_COMPROMISED));
    assert_non_null(strstr(sb_str(&f->events), "\"vis\":\"team\",\"kind\":\"reveal\","
                                               "\"subject\":\"portal\",\"field\":\"compromised\",\"value\":1"));
    engine_free(e);
    fake_free(f);
}

/* Signals are found by id in a hash table: with many signals, ids that
 * share prefixes and automatic ids mixed in, every lookup must give that
 * signal (its own truth flag and verdict), a repeated id must be refused,
 * and an id never emitted must not be found. */
static void test_signal_lookup_many(void **st)
{
    enum { N = 20000, PER_TURN = 1000 };
    fake *f = fake_new(40);
    engine *e = start(f, NULL);
    feed(e, (const char *const[]){ "sys isolate portal", NULL });   /* no defacement ending */
    text t = { "tín hiệu", "signal" };
    char id[32];
    /* an explicit id in the automatic form: automatic ids must skip it */
    engine_signal_spec x3 = { .id = "x3", .asset = -1, .truth = 1, .text = &t, .tmpl = -1 };
    assert_int_equal(engine_signal(e, &x3), ENG_OK);
    int autos = 0;
    for (int i = 0; i < N; i++) {
        if (i > 0 && i % PER_TURN == 0)
            feed(e, (const char *const[]){ "end", NULL });   /* a turn's event cap */
        snprintf(id, sizeof id, "sig-%d", i);
        engine_signal_spec sp = { .id = id, .asset = i % 2, .truth = i % 3 == 0, .text = &t,
                                  .tmpl = -1 };
        if (engine_signal(e, &sp) != ENG_OK)
            fail_msg("signal %s (turn %d): %s", id, engine_turn(e), engine_errmsg(e));
        assert_string_equal(engine_last_signal_id(e), id);
        if (i % 1000 == 7) {
            engine_signal_spec anon = { .asset = -1, .truth = 0, .text = &t, .tmpl = -1 };
            assert_int_equal(engine_signal(e, &anon), ENG_OK);
            assert_string_not_equal(engine_last_signal_id(e), "x3");
            autos++;
        }
    }
    for (int i = 0; i < N; i++) {
        snprintf(id, sizeof id, "sig-%d", i);
        if (engine_signal_truth(e, id) != (i % 3 == 0))
            fail_msg("signal %s: truth %d, expected %d", id, engine_signal_truth(e, id), i % 3 == 0);
    }
    assert_int_equal(engine_signal_truth(e, "x3"), 1);
    assert_int_equal(engine_signal_truth(e, "sig-"), -1);
    assert_int_equal(engine_signal_truth(e, "sig-20000"), -1);
    assert_int_equal(engine_signal_truth(e, "sig-00"), -1);
    assert_int_equal(engine_signal_truth(e, ""), -1);
    /* repeated ids are refused wherever they are in the table */
    const char *dups[] = { "sig-0", "sig-9999", "sig-19999", "x3", "x1" };
    for (size_t i = 0; i < sizeof dups / sizeof *dups; i++) {
        engine_signal_spec sp = { .id = dups[i], .asset = -1, .text = &t, .tmpl = -1 };
        assert_int_equal(engine_signal(e, &sp), ENG_EARG);
        assert_non_null(strstr(engine_errmsg(e), "already emitted"));
    }
    /* a verdict lands on the signal triaged, not on a neighbour */
    feed(e, (const char *const[]){ "end", "soc triage sig-12345 true", "soc triage sig-7 false",
                                   "end", NULL });
    assert_true(engine_flagged(e, "sig-12345"));
    assert_false(engine_flagged(e, "sig-12346"));
    assert_false(engine_flagged(e, "sig-1234"));
    assert_false(engine_flagged(e, "sig-7"));
    assert_true(autos > 0);
    engine_free(e);
    fake_free(f);
}

static void test_random_range(void **st)
{
    fake *f = fake_new(20);
    engine *e = start(f, NULL);
    int seen[7] = { 0 };
    for (int i = 0; i < 7000; i++) {
        int64_t v = engine_random(e, -3, 3);
        assert_true(v >= -3 && v <= 3);
        seen[v + 3]++;
    }
    for (int i = 0; i < 7; i++)
        assert_true(seen[i] > 800 && seen[i] < 1200);
    engine_free(e);
    fake_free(f);
}

/* ---- metrics: the default rule and the scenario's own (metrics{}) ------- */

static int h_reconnect(engine *e, const action_inst *a, bool *o)
{
    return engine_set(e, scen_asset_find(engine_scen(e), a->target), AF_ISOLATED, false);
}

/* detected: the owner has the report (the default would count the triage) */
static int h_m_reported(engine *e, const action_inst *a, bool *o)
{
    *o = engine_did(e, "report", "owner");
    return 0;
}

/* contained: the database, which the default rule never looks at, is cut off */
static int h_m_db_isolated(engine *e, const action_inst *a, bool *o)
{
    *o = engine_asset_get(e, A_DB, AF_ISOLATED);
    return 0;
}

/* recovered: true from the first turn (draws from the session generator,
 * which a replay must draw the same way) */
static int h_m_always(engine *e, const action_inst *a, bool *o)
{
    *o = engine_chance(e, 0.5) || true;
    return 0;
}

/* contained: fails until turn 3, then holds */
static int h_m_fails_early(engine *e, const action_inst *a, bool *o)
{
    if (engine_turn(e) < 3) {
        snprintf(F->err, sizeof F->err, "metrics.lua:4: attempt to compare nil with number");
        return -1;
    }
    *o = true;
    return 0;
}

/* The fake with a reconnect action, no "clean" ending and no defacement of
 * a reconnected portal, so a session can go on to recovery. */
static fake *fake_recoverable(void)
{
    fake *f = fake_new(20);
    int sys[] = { R_SYS };
    add_action(&f->sc, "reconnect", sys, 1, 1, 1, TGT_ASSET, ref(f, h_reconnect));
    f->sc.endings[0].ref = 0;
    f->sc.triggers[3] = (scen_trigger){ .kind = TRIG_AT, .n = 99, .ref = f->sc.triggers[3].ref };
    return f;
}

static const char *const TO_RECOVERY[] = {
    "end",                                                          /* turn 1 */
    "soc triage s1 true", "sys isolate portal", "end",              /* turn 2: 30 */
    "lead report owner --facts asset,impact", "sys eradicate portal", "end",   /* turn 3: 45 */
    "sys isolate db", "end",                                        /* turn 4: 60 */
    "sys reconnect portal", "end",                                  /* turn 5: 75 */
    NULL,
};

/* Without metrics{}: detection at the correct triage, containment when the
 * compromised portal is cut off, recovery once it is clean and connected
 * again; a scenario in which nothing is ever compromised is never contained
 * nor recovered. */
static void test_metrics_default_rule(void **st)
{
    fake *f = fake_recoverable();
    engine *e = start(f, NULL);
    feed(e, TO_RECOVERY);
    const engine_metrics *m = engine_get_metrics(e);
    assert_int_equal(m->detect_minute, 30);
    assert_int_equal(m->contain_minute, 30);
    assert_int_equal(m->recover_minute, 75);
    assert_int_equal(m->hook_errors, 0);
    engine_free(e);
    fake_free(f);

    f = fake_recoverable();
    f->sc.triggers[1].n = 99;          /* the at(1) compromise never runs */
    e = start(f, NULL);
    feed(e, TO_RECOVERY);
    m = engine_get_metrics(e);
    assert_int_equal(m->first_compromise_minute, -1);
    assert_int_equal(m->detect_minute, -1);      /* s1 was about a sound portal */
    assert_int_equal(m->contain_minute, -1);
    assert_int_equal(m->recover_minute, -1);
    engine_free(e);
    fake_free(f);
}

/* With metrics{}: the scenario's predicates replace the default rules, the
 * triage no longer counts as detection, and recovery (true from turn 1)
 * waits for containment. The same session twice is the same, byte for
 * byte, predicates' draws from the generator included. */
static void test_metrics_scenario_rule(void **st)
{
    char *first = NULL;
    for (int run = 0; run < 2; run++) {
        fake *f = fake_recoverable();
        f->sc.metric_ref[SM_DETECTED] = ref(f, h_m_reported);
        f->sc.metric_ref[SM_CONTAINED] = ref(f, h_m_db_isolated);
        f->sc.metric_ref[SM_RECOVERED] = ref(f, h_m_always);
        engine_opts o = { .seed = 9 };
        engine *e = start(f, &o);
        feed(e, TO_RECOVERY);
        const engine_metrics *m = engine_get_metrics(e);
        assert_int_equal(m->detect_minute, 45);    /* the report, not the triage at 30 */
        assert_int_equal(m->contain_minute, 60);   /* db isolated; the portal at 30 does not count */
        assert_int_equal(m->recover_minute, 60);   /* held from turn 1, stamped with containment */
        assert_int_equal(m->hook_errors, 0);
        assert_int_equal(m->reports_on_time, 1);
        if (!first)
            first = strdup(sb_str(&f->events));
        else
            assert_string_equal(first, sb_str(&f->events));
        engine_free(e);
        fake_free(f);
    }
    free(first);
}

/* A predicate that fails counts as false, is a hook_error event each time
 * it is judged, and is judged again the next turn; recovery is not judged
 * before containment holds. */
static void test_metrics_failing_predicate(void **st)
{
    fake *f = fake_recoverable();
    f->sc.metric_ref[SM_CONTAINED] = ref(f, h_m_fails_early);
    f->sc.metric_ref[SM_RECOVERED] = ref(f, h_m_always);
    engine *e = start(f, NULL);
    feed(e, (const char *const[]){ "end", "end", NULL });
    const engine_metrics *m = engine_get_metrics(e);
    assert_int_equal(m->contain_minute, -1);
    assert_int_equal(m->recover_minute, -1);
    assert_int_equal(m->hook_errors, 2);
    assert_int_equal(f->kinds[EVK_HOOK_ERROR], 2);
    assert_non_null(strstr(sb_str(&f->events), "metrics.lua:4: attempt to compare nil with number"));
    assert_false(engine_over(e));
    feed(e, (const char *const[]){ "end", "end", NULL });
    assert_int_equal(m->contain_minute, 45);
    assert_int_equal(m->recover_minute, 45);
    assert_int_equal(m->hook_errors, 2);         /* judged no more once stamped */
    engine_free(e);
    fake_free(f);
}

/* A self-test's expect.metrics: each unmet expectation is one reason. */
static void test_expect_metrics(void **st)
{
    fake *f = fake_recoverable();
    engine *e = start(f, NULL);
    feed(e, TO_RECOVERY);                        /* detect 30, contain 30, recover 75 */
    scen_expect x = { .has_metric = { true, true, true }, .metric_by = { 30, 45, 75 } };
    sbuf why = SBUF_INIT;
    assert_int_equal(engine_expect_metrics(e, &x, &why), 0);
    assert_int_equal(why.len, 0);
    x.metric_by[SM_DETECTED] = 15;               /* too late */
    x.metric_by[SM_CONTAINED] = -1;              /* expected never */
    x.has_metric[SM_RECOVERED] = false;          /* not asked */
    sb_puts(&why, "score: expected 1, got 0");
    assert_int_equal(engine_expect_metrics(e, &x, &why), 2);
    assert_string_equal(sb_str(&why), "score: expected 1, got 0; "
                        "metrics: detected at minute 30, expected by minute 15; "
                        "metrics: contained at minute 30, expected never");
    engine_free(e);
    fake_free(f);

    f = fake_recoverable();
    e = start(f, NULL);
    feed(e, (const char *const[]){ "end", NULL });
    scen_expect y = { .has_metric = { false, true, true }, .metric_by = { 0, 60, -1 } };
    sb_free(&why);
    assert_int_equal(engine_expect_metrics(e, &y, &why), 1);
    assert_string_equal(sb_str(&why), "metrics: never contained, expected by minute 60");
    sb_free(&why);
    engine_free(e);
    fake_free(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_textbook_run),
        cmocka_unit_test(test_idle_defaced),
        cmocka_unit_test(test_timeout),
        cmocka_unit_test(test_turn_order),
        cmocka_unit_test(test_determinism),
        cmocka_unit_test(test_input_errors),
        cmocka_unit_test(test_canonical_form),
        cmocka_unit_test(test_multi_turn_action),
        cmocka_unit_test(test_hook_failure_reported),
        cmocka_unit_test(test_signal_flood_capped),
        cmocka_unit_test(test_facilitator),
        cmocka_unit_test(test_participants),
        cmocka_unit_test(test_hints),
        cmocka_unit_test(test_penalty_max),
        cmocka_unit_test(test_finish_and_args),
        cmocka_unit_test(test_reveal_and_knowledge),
        cmocka_unit_test(test_random_range),
        cmocka_unit_test(test_signal_lookup_many),
        cmocka_unit_test(test_metrics_default_rule),
        cmocka_unit_test(test_metrics_scenario_rule),
        cmocka_unit_test(test_metrics_failing_predicate),
        cmocka_unit_test(test_expect_metrics),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
