/*
 * test_lhost.c - the Lua host's loading: real scenario files into a scen,
 * field by field, every malformed case with its exact "file:line: message",
 * overriding the stdlib, and the limits that keep a hostile file cheap.
 * Hooks, w and the stdlib's effects are in test_lapi.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "tests/lhost_fixture.h"

/* ---- a valid scenario, field by field ----------------------------------- */

static void test_good_scenario(void **state)
{
    (void)state;
    lhost *h = must_load(FIX "good.lua", NULL);
    const scen *sc = lhost_scen(h);
    assert_string_equal(sc->id, "portal-defacement");
    assert_int_equal(sc->version, 2);
    assert_string_equal(sc->title.en, "Provincial portal defacement");
    assert_string_equal(sc->summary.vi, "Practice");
    assert_int_equal(sc->diff, DIFF_BASIC);
    assert_int_equal(sc->turn_minutes, 15);
    assert_int_equal(sc->max_turns, 12);
    assert_int_equal(sc->action_points, 2);
    assert_int_equal(sc->start_minute, 9 * 60 + 30);
    assert_int_equal(sc->nattack, 3);
    assert_string_equal(sc->attack[1], "T1505.003");
    assert_true(sc->has_vi && sc->has_en);
    assert_string_equal(sc->path, FIX "good.lua");
    char hex[65];
    sha256_hex(sc->source, sc->source_len, hex);
    assert_string_equal(sc->hash, hex);

    assert_int_equal(sc->nroles, 3);
    assert_string_equal(sc->roles[2].id, "sys");
    assert_int_equal(sc->roles[0].pos.line, 14);
    assert_int_equal(sc->nassets, 2);
    assert_int_equal(sc->assets[0].level, 3);
    assert_string_equal(sc->assets[0].zone, "dmz");
    assert_true(sc->assets[1].init[AF_ONLINE]);
    assert_false(sc->assets[1].init[AF_BACKUP]);
    assert_true(sc->assets[0].init[AF_BACKUP]);
    assert_int_equal(sc->nlinks, 1);
    assert_int_equal(sc->links[0].a, 0);
    assert_int_equal(sc->links[0].b, 1);
    assert_int_equal(scen_asset_find(sc, "db"), 1);
    assert_int_equal(scen_asset_find(sc, "nope"), -1);
    assert_int_equal(scen_max_score(sc), 40);
    lhost_free(h);
}

static void test_good_actions(void **state)
{
    (void)state;
    lhost *h = must_load(FIX "good.lua", NULL);
    const scen *sc = lhost_scen(h);
    assert_int_equal(sc->nactions, 18);        /* 17 standard, 1 of its own */
    /* isolate: the scenario changed the cost only; "net" is not declared. */
    const scen_action *iso = &sc->actions[scen_action_find(sc, "isolate")];
    assert_int_equal(iso->cost, 2);
    assert_int_equal(iso->turns, 1);
    assert_int_equal(iso->target, TGT_ASSET);
    assert_int_equal(iso->nroles, 1);
    assert_int_equal(iso->roles[0], 2);
    assert_true(iso->ref > 0);
    assert_string_equal(iso->label.en, "Isolate an asset");
    assert_int_equal(iso->pos.line, 53);
    const scen_action *tri = &sc->actions[scen_action_find(sc, "triage")];
    assert_int_equal(tri->nroles, 2);
    assert_int_equal(tri->roles[0], 1);
    assert_int_equal(tri->roles[1], 0);
    assert_true(tri->verdict);
    assert_int_equal(tri->target, TGT_SIGNAL);
    assert_int_equal(tri->ref, 0);
    /* block's only role (net) is absent: it falls to lead. */
    const scen_action *blk = &sc->actions[scen_action_find(sc, "block")];
    assert_int_equal(blk->nroles, 1);
    assert_int_equal(blk->roles[0], 0);
    assert_int_equal(blk->target, TGT_INDICATOR);
    const scen_action *hint = &sc->actions[scen_action_find(sc, "hint")];
    assert_true(hint->immediate);
    assert_int_equal(hint->cost, 0);
    assert_int_equal(hint->nroles, 3);
    assert_int_equal(hint->target, TGT_NONE);
    const scen_action *rep = &sc->actions[scen_action_find(sc, "report")];
    assert_true(rep->facts);
    assert_int_equal(rep->target, TGT_RECIPIENT);
    assert_int_equal(sc->actions[scen_action_find(sc, "communicate")].target, TGT_AUDIENCE);
    assert_int_equal(sc->actions[scen_action_find(sc, "request_support")].target, TGT_SUPPORT);
    const scen_action *erad = &sc->actions[scen_action_find(sc, "eradicate")];
    assert_int_equal(erad->cost, 2);
    assert_int_equal(erad->turns, 2);
    const scen_action *own = &sc->actions[17];
    assert_string_equal(own->id, "takedown_notice");
    assert_int_equal(own->nroles, 1);                      /* comms dropped */
    assert_int_equal(own->roles[0], 0);
    assert_true(own->ref > 0);
    lhost_free(h);
}

static void test_good_triggers_and_scoring(void **state)
{
    (void)state;
    lhost *h = must_load(FIX "good.lua", NULL);
    const scen *sc = lhost_scen(h);
    assert_int_equal(sc->ntriggers, 5);
    assert_int_equal(sc->triggers[0].kind, TRIG_AT);
    assert_int_equal(sc->triggers[0].n, 1);
    assert_string_equal(sc->triggers[0].name, "at(1)@good.lua:29");
    assert_int_equal(sc->triggers[2].kind, TRIG_EVERY);
    assert_string_equal(sc->triggers[2].name, "every(4)@good.lua:39");
    const scen_trigger *wh = &sc->triggers[3];
    assert_int_equal(wh->kind, TRIG_WHEN);
    assert_true(wh->pred_ref > 0 && wh->ref > 0 && wh->pred_ref != wh->ref);
    assert_string_equal(wh->name, "when@good.lua:45");
    const scen_trigger *on = &sc->triggers[4];
    assert_int_equal(on->kind, TRIG_ON);
    assert_int_equal(on->action, scen_action_find(sc, "isolate"));
    assert_int_equal(on->pos.line, 48);

    assert_int_equal(sc->nobjectives, 2);
    assert_int_equal(sc->objectives[0].by_turn, 4);
    assert_int_equal(sc->objectives[1].within_minutes, 1440);
    assert_true(sc->objectives[1].ref > 0);
    assert_int_equal(sc->penalties[0].max, 2);
    /* capability: declared, or CAP_NONE (the report then guesses) */
    assert_int_equal(sc->objectives[0].capability, CAP_CONTAINMENT);
    assert_int_equal(sc->objectives[1].capability, CAP_NONE);
    assert_int_equal(sc->penalties[0].capability, CAP_EVIDENCE);
    assert_int_equal(sc->nhints, 2);
    assert_string_equal(sc->hints[0].id, "hint1");
    assert_int_equal(sc->hints[0].from_turn, 2);
    assert_string_equal(sc->hints[1].id, "second");
    assert_int_equal(sc->hints[1].from_turn, 1);
    assert_true(sc->endings[0].success);
    assert_false(sc->endings[1].success);
    assert_int_equal(sc->nsignals, 1);
    assert_int_equal(sc->signals[0].asset, 0);
    assert_int_equal(sc->signals[0].truth, 1);
    assert_string_equal(sc->signals[0].technique, "T1190");
    lhost_free(h);
}

static void test_good_named_and_tests(void **state)
{
    (void)state;
    lhost *h = must_load(FIX "good.lua", NULL);
    const scen *sc = lhost_scen(h);
    assert_int_equal(sc->nrecipients, 8);
    const scen_named *police = &sc->recipients[scen_named_find(sc->recipients, sc->nrecipients, "police")];
    assert_int_equal(police->deadline_minutes, 1440);     /* scenario's deadlines */
    assert_string_equal(police->name.en, "Provincial police cyber unit (PA05)");
    assert_int_equal(sc->recipients[scen_named_find(sc->recipients, sc->nrecipients, "a05")].deadline_minutes, 4320);
    assert_int_equal(sc->recipients[scen_named_find(sc->recipients, sc->nrecipients, "owner")].deadline_minutes, 7200);
    assert_int_equal(sc->recipients[7].deadline_minutes, 600);
    assert_string_equal(sc->recipients[7].id, "provider");
    assert_int_equal(sc->nfacts, 9);
    assert_true(scen_named_find(sc->facts, sc->nfacts, "personal_data") >= 0);
    assert_int_equal(sc->naudiences, 3);
    assert_int_equal(sc->nsupports, 3);
    assert_true(scen_named_find(sc->supports, sc->nsupports, "isp") >= 0);

    assert_int_equal(sc->ntests, 2);
    const scen_test *t = &sc->tests[0];
    assert_string_equal(t->name, "textbook response");
    assert_int_equal(t->seed, 1);
    assert_int_equal(t->pos.line, 77);
    assert_int_equal(t->inputs_line, 78);   /* the line after "[[" */
    assert_string_equal(t->expect.outcome, "contained");
    assert_true(t->expect.has_min);
    assert_int_equal(t->expect.min_score, 40);
    assert_false(t->expect.has_score);
    assert_int_equal(t->expect.nobj, 2);
    assert_string_equal(t->expect.obj_ids[0], "contain");      /* sorted */
    assert_string_equal(t->expect.obj_ids[1], "report_police");
    assert_true(t->expect.obj_met[0] && t->expect.obj_met[1]);
    assert_int_equal(sc->tests[1].inputs_line, 87);   /* a quoted string on the next line */
    assert_int_equal(sc->tests[1].seed, 7);
    assert_true(sc->tests[1].expect.has_score);
    lhost_free(h);
}

/* ---- malformed files: every problem with its exact line ------------------ */

static void test_bad_syntax(void **state)
{
    (void)state;
    assert_problems(FIX "bad_syntax.lua", FIX "bad_syntax.lua:3: '}' expected near 'kind'\n");
}

static void test_bad_no_scenario(void **state)
{
    (void)state;
    assert_problems(FIX "bad_no_scenario.lua",
                    FIX "bad_no_scenario.lua:2: scenario{} is missing (declare it first: "
                    "scenario { id = ..., title = ..., difficulty = ..., max_turns = ... })\n");
    assert_src_problems("-- nothing\n",
                        "t.lua:1: scenario{} is missing (declare it first: scenario { id = ..., "
                        "title = ..., difficulty = ..., max_turns = ... })\n"
                        "t.lua:1: no role is declared (at least one: role { id = \"lead\", name = ... })\n");
}

static void test_bad_scenario_late(void **state)
{
    (void)state;
    assert_problems(FIX "bad_scenario_late.lua",
                    FIX "bad_scenario_late.lua:3: scenario{} must be the first declaration "
                    "(role{} on line 1 comes before it)\n");
    assert_src_problems(small_plus("scenario { id = 'again', title = 'x', difficulty = 'basic', max_turns = 1 }\n"),
                        "t.lua:5: scenario{} is declared twice (first on line 1)\n");
}

static void test_bad_missing_id(void **state)
{
    (void)state;
    assert_problems(FIX "bad_missing_id.lua", FIX "bad_missing_id.lua:3: asset{}: id is required\n");
}

static void test_bad_duplicate_id(void **state)
{
    (void)state;
    assert_problems(FIX "bad_duplicate_id.lua",
                    FIX "bad_duplicate_id.lua:5: asset 'web': duplicate asset id (first declared on line 3)\n");
    assert_src_problems(small_plus("action { id = 'x', label = 'x' }\naction { id = 'x' }\n"),
                        "t.lua:6: action 'x': duplicate action id (first declared on line 5)\n");
}

static void test_bad_link(void **state)
{
    (void)state;
    assert_problems(FIX "bad_link.lua", FIX "bad_link.lua:4: link: no asset 'dbb'\n");
    assert_src_problems(small_plus("link('web')\nlink('web', 'web')\n"),
                        "t.lua:5: link expects two asset ids: link(\"a\", \"b\")\n"
                        "t.lua:6: link: an asset cannot be linked to itself ('web')\n");
}

static void test_bad_types(void **state)
{
    (void)state;
    assert_problems(FIX "bad_types.lua",
                    FIX "bad_types.lua:3: objective 'contain': points must be an integer from 0 "
                    "to 100000, got string\n");
    assert_src_problems(small_plus("penalty { id = 'p', points = 2.5, label = 3 }\n"
                                   "objective { id = 'o', points = 1, label = 'o', met = true }\n"),
                        "t.lua:5: penalty 'p': points must be an integer from 1 to 100000, got 2.5\n"
                        "t.lua:5: penalty 'p': label: must be a text (a string or { vi = ..., en = ... }), got number\n"
                        "t.lua:6: objective 'o': met must be a function, got boolean\n");
}

static void test_bad_text_lang(void **state)
{
    (void)state;
    assert_problems(FIX "bad_text_lang.lua",
                    FIX "bad_text_lang.lua:2: role 'lead': name: text missing a language: en\n");
    assert_src_problems(small_plus("hint { text = { en = 'x', vi = 5 } }\n"
                                   "hint { text = {} }\n"
                                   "hint { text = 'bad \\xff byte' }\n"),
                        "t.lua:5: hint{}: text: text's vi must be a string, got number\n"
                        "t.lua:6: hint{}: text: text missing a language: vi, en\n"
                        "t.lua:7: hint{}: text: text (vi) is not valid UTF-8\n");
}

static void test_bad_on(void **state)
{
    (void)state;
    assert_problems(FIX "bad_on.lua", FIX "bad_on.lua:4: on('isolat', f): no action 'isolat'\n");
}

static void test_bad_w_at_load(void **state)
{
    (void)state;
    assert_problems(FIX "bad_w_at_load.lua",
                    FIX "bad_w_at_load.lua:3: w is only available inside hooks (functions the "
                    "engine calls receive it as their first argument)\n");
    assert_problems(FIX "bad_random_at_load.lua",
                    FIX "bad_random_at_load.lua:3: randomness is only available inside hooks\n");
}

static void test_bad_many(void **state)
{
    (void)state;
    assert_problems(FIX "bad_many.lua",
        FIX "bad_many.lua:1: scenario 's': unknown field 'colour' (fields: id, version, title, "
        "summary, difficulty, turn_minutes, max_turns, action_points, start_time, attack, "
        "deadlines, api)\n"
        FIX "bad_many.lua:1: scenario 's': difficulty must be basic, intermediate or advanced, got 'hard'\n"
        FIX "bad_many.lua:1: scenario 's': max_turns must be an integer from 1 to 10000, got 0\n"
        FIX "bad_many.lua:3: asset 'web': level must be an integer from 1 to 5, got 7\n"
        FIX "bad_many.lua:3: asset 'web': online must be true or false, got string\n"
        FIX "bad_many.lua:4: signal 's1': severity must be one of info, low, medium, high, critical, got 'urgent'\n"
        FIX "bad_many.lua:4: signal 's1': no asset 'nope'\n"
        FIX "bad_many.lua:5: ending 'timeout': the ending id 'timeout' is reserved (it is the outcome after max_turns)\n"
        FIX "bad_many.lua:7: test 't': expect.outcome: no ending 'won'\n"
        FIX "bad_many.lua:7: test 't': expect.objectives: no objective 'nope'\n");
}

static void test_bad_ids_and_ranges(void **state)
{
    (void)state;
    assert_src_problems(small_plus("role { id = '1st', name = 'x' }\n"
                                   "signal { id = 'x3', source = 's', severity = 'low', truth = false, text = 't' }\n"
                                   "at(7, function(w) end)\n"
                                   "every(0, function(w) end)\n"
                                   "when(function(w) end)\n"
                                   "test { name = 't', inputs = 'end', expect = { penalties = { 'nope' } } }\n"
                                   "scenario { }\n"),
                        "t.lua:5: role{}: id '1st' is not a valid id (letters, digits, _ - . starting with a letter, at most 64 bytes)\n"
                        "t.lua:6: signal 'x3': ids x1, x2, ... are reserved for automatic signal ids\n"
                        "t.lua:7: at(7, f): turn 7 is after max_turns (6), so it never runs\n"
                        "t.lua:8: every(n, f): n must be an integer from 1 to 10000\n"
                        "t.lua:9: when(predicate, f): both must be functions, got function and no value\n"
                        "t.lua:10: test 't': expect.penalties: no penalty 'nope'\n"
                        "t.lua:11: scenario{} is declared twice (first on line 1)\n");
}

/* capability: one of the nine names, with the line of the declaration. */
static void test_bad_capability(void **state)
{
    (void)state;
    assert_src_problems(small_plus("objective { id = 'o', points = 1, label = 'o', capability = 'hunting',\n"
                                   "            met = function(w) return true end }\n"
                                   "penalty { id = 'p', points = 1, label = 'p', capability = 3 }\n"
                                   "penalty { id = 'q', points = 1, label = 'q', capability = 'Containment' }\n"),
                        "t.lua:5: objective 'o': capability must be one of detection, analysis, "
                        "containment, eradication, recovery, evidence, reporting, communication, "
                        "coordination, got 'hunting'\n"
                        "t.lua:7: penalty 'p': capability must be a string, got number\n"
                        "t.lua:8: penalty 'q': capability must be one of detection, analysis, "
                        "containment, eradication, recovery, evidence, reporting, communication, "
                        "coordination, got 'Containment'\n");
    for (int c = CAP_NONE + 1; c < CAP_COUNT; c++)
        assert_int_equal(scen_capability_find(scen_capability_names[c]), c);
    assert_int_equal(scen_capability_find(""), CAP_NONE);
    assert_int_equal(scen_capability_find(NULL), CAP_NONE);
}

/* A runtime error stops the load; problems found before it are kept. */
static void test_bad_runtime_error(void **state)
{
    (void)state;
    assert_src_problems(small_plus("role { id = 'x' }\nerror('boom')\nrole { id = 'y' }\n"),
                        "t.lua:5: role 'x': name is required (a string or { vi = ..., en = ... })\n"
                        "t.lua:6: boom\n");
}

/* Lines come from the Lua code making the call, through pcall and
 * coroutines too. */
static void test_problem_lines(void **state)
{
    (void)state;
    assert_src_problems(small_plus("local ok = pcall(role, { id = 'p' })\n"
                                   "local co = coroutine.wrap(function()\n"
                                   "  asset { id = 'c', kind = 'k', level = 1 }\n"
                                   "  at(1, function(w) end)\n"
                                   "end)\n"
                                   "co()\n"),
                        "t.lua:5: role 'p': name is required (a string or { vi = ..., en = ... })\n"
                        "t.lua:7: asset 'c': name is required (a string or { vi = ..., en = ... })\n");
    lhost *h = must_load("c.lua", small_plus("coroutine.wrap(function() at(2, function(w) end) end)()\n"));
    assert_string_equal(lhost_scen(h)->triggers[0].name, "at(2)@c.lua:5");
    lhost_free(h);
}

/* Lua shortens long chunk names; problems still give the whole path. */
static void test_long_path(void **state)
{
    (void)state;
    char path[200], want[400];
    memset(path, 'd', 150);
    strcpy(path + 150, "/x.lua");
    snprintf(want, sizeof want, "%s:5: boom\n", path);
    sbuf probs = SBUF_INIT;
    assert_null(load_src(path, small_plus("error('boom')\n"), &probs));
    assert_string_equal(sb_str(&probs), want);
    sb_free(&probs);
}

/* Declaration tables are read raw: their metamethods never run. */
static void test_raw_access(void **state)
{
    (void)state;
    assert_src_problems(small_plus("local t = setmetatable({ id = 'r' }, { __index = function() error('ran') end })\n"
                                   "role(t)\n"),
                        "t.lua:6: role 'r': name is required (a string or { vi = ..., en = ... })\n");
}

/* Script tables are never walked in full, and long strings never quoted. */
static void test_hostile_tables(void **state)
{
    (void)state;
    sbuf probs = SBUF_INIT;
    assert_null(load_src("t.lua", small_plus("local t = { id = 'big', name = 'x' }\n"
                                             "for i = 1, 1000 do t['k' .. i] = i end\n"
                                             "for i = 1, 200 do role(t) end\n"), &probs));
    const char *head = "t.lua:7: role 'big': too many fields (at most 64)\n"
                       "t.lua:7: role 'big': duplicate role id (first declared on line 7)\n";
    assert_true(probs.len >= strlen(head));
    assert_memory_equal(sb_str(&probs), head, strlen(head));
    assert_non_null(strstr(sb_str(&probs), "\nt.lua: 150 more problem(s) not shown\n"));
    sb_free(&probs);
    lhost *h = must_load("h.lua", small_plus(
        "at(1, function(w) w:set(string.rep('a', 100000), 'isolated', true) end)\n"
        "at(1, function(w) local t = { source = 's' } for i = 1, 1000 do t[i] = i end w:signal(t) end)\n"));
    play p;
    play_start(&p, h, 1);
    assert_true(has_event(&p, "h.lua:5: w:set: the asset '(a long or missing value)' is not a valid id"));
    assert_true(has_event(&p, "h.lua:6: w:signal: too many fields"));
    play_end(&p);
    lhost_free(h);
}

static void test_problems_capped(void **state)
{
    (void)state;
    sbuf src = SBUF_INIT, probs = SBUF_INIT;
    sb_puts(&src, LH_SMALL);
    for (int i = 0; i < 60; i++)
        sb_printf(&src, "role { id = 'r%d' }\n", i);
    assert_null(load_src("t.lua", sb_str(&src), &probs));
    int lines = 0;
    for (const char *c = sb_str(&probs); *c; c++)
        lines += *c == '\n';
    assert_int_equal(lines, LHOST_MAX_PROBLEMS + 1);
    assert_non_null(strstr(sb_str(&probs), "t.lua: 10 more problem(s) not shown\n"));
    sb_free(&src);
    sb_free(&probs);
}

static void test_unreadable_and_bytes(void **state)
{
    (void)state;
    sbuf probs = SBUF_INIT;
    assert_null(lhost_load_file(FIX "does-not-exist.lua", NULL, &probs));
    assert_string_equal(sb_str(&probs), FIX "does-not-exist.lua: cannot read: No such file or directory\n");
    sb_free(&probs);
    assert_src_problems("scenario { id = 's' }\n-- caf\xe9\n", "t.lua:2: the file is not valid UTF-8\n");
    /* A byte-order mark is skipped. */
    sbuf src = SBUF_INIT;
    sb_puts(&src, "\xEF\xBB\xBF");
    sb_puts(&src, LH_SMALL);
    lhost *h = must_load("bom.lua", sb_str(&src));
    assert_string_equal(lhost_scen(h)->id, "small");
    lhost_free(h);
    sb_free(&src);
}

/* ---- overriding the stdlib ---------------------------------------------- */

static void test_override_stdlib(void **state)
{
    (void)state;
    lhost *h = must_load("o.lua", small_plus(
        "action { id = 'isolate', run = false, roles = 'any', label = 'Cut' }\n"
        "recipient { id = 'police', deadline = 60 }\n"
        "fact { id = 'ransom', name = 'Ransom note' }\n"
        "audience { id = 'press', name = { vi = 'Báo', en = 'Newspapers' } }\n"));
    const scen *sc = lhost_scen(h);
    const scen_action *iso = &sc->actions[scen_action_find(sc, "isolate")];
    assert_int_equal(iso->ref, 0);
    assert_int_equal(iso->nroles, 2);
    assert_string_equal(iso->label.vi, "Cut");
    assert_int_equal(iso->cost, 1);
    const scen_named *pol = &sc->recipients[scen_named_find(sc->recipients, sc->nrecipients, "police")];
    assert_int_equal(pol->deadline_minutes, 60);
    assert_string_equal(pol->name.vi, "Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao, Công an tỉnh (PA05)");
    assert_int_equal(sc->nfacts, 10);
    assert_int_equal(sc->naudiences, 3);
    assert_string_equal(sc->audiences[2].name.en, "Newspapers");
    lhost_free(h);
    /* Replacing a standard one twice is a duplicate, as is a new id twice. */
    assert_src_problems(small_plus("recipient { id = 'police', deadline = 1 }\n"
                                   "recipient { id = 'police', deadline = 2 }\n"
                                   "support { id = 'cert', name = 'C' }\n"
                                   "support { id = 'cert', name = 'C' }\n"
                                   "recipient { id = 'mine' }\n"),
                        "t.lua:6: recipient 'police': duplicate recipient id\n"
                        "t.lua:8: support 'cert': duplicate support id\n"
                        "t.lua:9: recipient 'mine': name is required (a string or { vi = ..., en = ... })\n");
}

/* Without lead, an action with no declared role falls to the first role. */
static void test_roles_without_lead(void **state)
{
    (void)state;
    lhost *h = must_load("r.lua",
        "scenario { id = 'r', title = 'R', difficulty = 'advanced', max_turns = 3 }\n"
        "role { id = 'soc', name = 'SOC' }\n"
        "role { id = 'ops', name = 'Ops' }\n");
    const scen *sc = lhost_scen(h);
    assert_int_equal(sc->diff, DIFF_ADVANCED);
    const scen_action *rep = &sc->actions[scen_action_find(sc, "report")];
    assert_int_equal(rep->nroles, 1);
    assert_int_equal(rep->roles[0], 0);
    const scen_action *tri = &sc->actions[scen_action_find(sc, "triage")];
    assert_int_equal(tri->nroles, 1);
    assert_int_equal(tri->roles[0], 0);
    lhost_free(h);
}

static void test_inputs_line(void **state)
{
    (void)state;
    lhost *h = must_load("i.lua", small_plus(
        "test { name = 'a', inputs = 'end' }\n"                  /* 5 */
        "test {\n  name = 'b',\n  inputs =\n    [==[end\n]==] }\n"  /* 6; inputs on 9 */
        "local s = 'end'\ntest { name = 'c', inputs = s }\n"     /* 12 */
        "test { name = 'd', inputs = [[\n\nend]] }\n"));          /* 13; content from 14 */
    const scen *sc = lhost_scen(h);
    assert_int_equal(sc->tests[0].inputs_line, 5);
    assert_int_equal(sc->tests[1].inputs_line, 9);
    assert_int_equal(sc->tests[2].inputs_line, 12);
    assert_int_equal(sc->tests[3].inputs_line, 14);
    assert_int_equal(sc->tests[0].seed, 1);
    lhost_free(h);
}

/* metrics{}: the predicates kept in scen_metric order, absent ones left to
 * the default rule; expect.metrics read into the test; and the problems. */
static void test_metrics_declaration(void **state)
{
    (void)state;
    lhost *h = must_load("m.lua", small_plus(
        "metrics { recovered = function(w) return false end, contained = function(w) return true end }\n"
        "test { name = 't', inputs = 'end', expect = { metrics = { detected_by = 15, contained_by = false } } }\n"));
    const scen *sc = lhost_scen(h);
    assert_int_equal(sc->metrics_pos.line, 5);
    assert_int_equal(sc->metric_ref[SM_DETECTED], 0);
    assert_true(sc->metric_ref[SM_CONTAINED] > 0);
    assert_int_equal(sc->metric_ref[SM_RECOVERED], sc->metric_ref[SM_CONTAINED] + 1);
    const scen_expect *x = &sc->tests[0].expect;
    assert_true(x->has_metric[SM_DETECTED] && x->has_metric[SM_CONTAINED]);
    assert_false(x->has_metric[SM_RECOVERED]);
    assert_int_equal(x->metric_by[SM_DETECTED], 15);
    assert_int_equal(x->metric_by[SM_CONTAINED], -1);
    lhost_free(h);

    h = must_load("n.lua", LH_SMALL);
    assert_int_equal(lhost_scen(h)->metrics_pos.line, 0);
    for (int m = 0; m < SM_COUNT; m++)
        assert_int_equal(lhost_scen(h)->metric_ref[m], 0);
    lhost_free(h);

    assert_src_problems(small_plus(
        "metrics { contained = true, recover = function(w) end }\n"
        "metrics { detected = function(w) end }\n"
        "test { name = 't', inputs = 'end', expect = { metrics = { contained_by = -5, recovered_by = true, contain_by = 3 } } }\n"
        "test { name = 'u', inputs = 'end', expect = { metrics = 30 } }\n"),
        "t.lua:5: metrics{}: unknown field 'recover' (fields: detected, contained, recovered)\n"
        "t.lua:5: metrics{}: contained must be a function, got boolean\n"
        "t.lua:6: metrics{} is declared twice (first on line 5)\n"
        "t.lua:7: test 't': unknown field 'contain_by' (fields: detected_by, contained_by, recovered_by)\n"
        "t.lua:7: test 't': expect.metrics.contained_by must be a minute (an integer from 0 to 100000000) "
        "or false (never reached)\n"
        "t.lua:7: test 't': expect.metrics.recovered_by must be a minute (an integer from 0 to 100000000) "
        "or false (never reached)\n"
        "t.lua:8: test 'u': expect.metrics must be a table such as { contained_by = 60 }\n");
    assert_src_problems(small_plus("metrics { }\n"),
        "t.lua:5: metrics{}: define at least one of detected, contained, recovered (each a function "
        "of w that returns true once it holds)\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_scenario),
        cmocka_unit_test(test_good_actions),
        cmocka_unit_test(test_good_triggers_and_scoring),
        cmocka_unit_test(test_good_named_and_tests),
        cmocka_unit_test(test_bad_syntax),
        cmocka_unit_test(test_bad_no_scenario),
        cmocka_unit_test(test_bad_scenario_late),
        cmocka_unit_test(test_bad_missing_id),
        cmocka_unit_test(test_bad_duplicate_id),
        cmocka_unit_test(test_bad_link),
        cmocka_unit_test(test_bad_types),
        cmocka_unit_test(test_bad_text_lang),
        cmocka_unit_test(test_bad_on),
        cmocka_unit_test(test_bad_w_at_load),
        cmocka_unit_test(test_bad_many),
        cmocka_unit_test(test_bad_ids_and_ranges),
        cmocka_unit_test(test_bad_capability),
        cmocka_unit_test(test_bad_runtime_error),
        cmocka_unit_test(test_problem_lines),
        cmocka_unit_test(test_long_path),
        cmocka_unit_test(test_raw_access),
        cmocka_unit_test(test_hostile_tables),
        cmocka_unit_test(test_problems_capped),
        cmocka_unit_test(test_unreadable_and_bytes),
        cmocka_unit_test(test_override_stdlib),
        cmocka_unit_test(test_roles_without_lead),
        cmocka_unit_test(test_inputs_line),
        cmocka_unit_test(test_metrics_declaration),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
