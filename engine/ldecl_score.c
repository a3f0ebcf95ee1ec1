/*
 * ldecl_score.c - the declarations that score and drive a scenario:
 * objective, penalty, hint, ending, metrics, signal, test, and the
 * triggers at, every, when, on. Reading tables safely is in ldecl.c.
 */
#include "engine/lhost_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define POINTS_MAX 100000

/* capability = "containment": optional; any other value is a problem. */
static scen_capability d_capability(dctx *d)
{
    const char *s = d_str(d, "capability", 40, false);
    if (!s)
        return CAP_NONE;
    scen_capability c = scen_capability_find(s);
    if (c == CAP_NONE) {
        char list[200] = "";
        for (int i = CAP_NONE + 1; i < CAP_COUNT; i++) {
            strcat(list, scen_capability_names[i]);
            strcat(list, i + 1 < CAP_COUNT ? ", " : "");
        }
        d_problem(d, "capability must be one of %s, got '%.40s'", list, s);
    }
    return c;
}

static int l_objective(lua_State *L)
{
    static const char *const keys[] = { "id", "points", "by_turn", "within_minutes", "label",
                                        "explain", "capability", "met", NULL };
    lhost *h = ldecl_host(L, "objective{}");
    scen *sc = &h->sc;
    dctx d;
    if (!d_begin(&d, h, L, "objective"))
        return 0;
    const char *id = d.id = d_id(&d, "id", true);
    int dup = scen_objective_find(sc, id);
    if (!d_unique(&d, dup, dup >= 0 ? sc->objectives[dup].pos.line : 0))
        return 0;
    d_keys(&d, keys);
    scen_objective *o = lh_push(L, &sc->objectives, &sc->nobjectives, &h->ld.cap_objectives,
                                sizeof *o);
    o->pos.line = d.line;
    o->id = lh_strdup(L, id ? id : "", id ? strlen(id) : 0);
    d_int(&d, "points", 0, POINTS_MAX, &o->points, true);
    d_int(&d, "by_turn", 0, 10000, &o->by_turn, false);
    d_int(&d, "within_minutes", 0, 100000000, &o->within_minutes, false);
    d_text(&d, "label", &o->label, true);
    d_text(&d, "explain", &o->explain, false);
    o->capability = d_capability(&d);
    d_func(&d, "met", &o->ref, true, false);
    return 0;
}

static int l_penalty(lua_State *L)
{
    static const char *const keys[] = { "id", "points", "max", "label", "explain", "capability",
                                        NULL };
    lhost *h = ldecl_host(L, "penalty{}");
    scen *sc = &h->sc;
    dctx d;
    if (!d_begin(&d, h, L, "penalty"))
        return 0;
    const char *id = d.id = d_id(&d, "id", true);
    int dup = scen_penalty_find(sc, id);
    if (!d_unique(&d, dup, dup >= 0 ? sc->penalties[dup].pos.line : 0))
        return 0;
    d_keys(&d, keys);
    scen_penalty *p = lh_push(L, &sc->penalties, &sc->npenalties, &h->ld.cap_penalties,
                              sizeof *p);
    p->pos.line = d.line;
    p->id = lh_strdup(L, id ? id : "", id ? strlen(id) : 0);
    p->max = 1;
    d_int(&d, "points", 1, POINTS_MAX, &p->points, true);
    d_int(&d, "max", 1, 1000, &p->max, false);
    d_text(&d, "label", &p->label, true);
    d_text(&d, "explain", &p->explain, false);
    p->capability = d_capability(&d);
    return 0;
}

/* Hint ids are optional; the defaults (hint1, hint2, ...) are given once
 * the whole file is read, so they follow the final order. */
static int l_hint(lua_State *L)
{
    static const char *const keys[] = { "id", "from_turn", "cost", "text", NULL };
    lhost *h = ldecl_host(L, "hint{}");
    scen *sc = &h->sc;
    dctx d;
    if (!d_begin(&d, h, L, "hint"))
        return 0;
    const char *id = d.id = d_id(&d, "id", false);
    d_keys(&d, keys);
    scen_hint *x = lh_push(L, &sc->hints, &sc->nhints, &h->ld.cap_hints, sizeof *x);
    x->pos.line = d.line;
    x->id = id ? lh_strdup(L, id, strlen(id)) : NULL;
    x->from_turn = 1;
    d_int(&d, "from_turn", 1, 10000, &x->from_turn, false);
    d_int(&d, "cost", 0, POINTS_MAX, &x->cost, false);
    d_text(&d, "text", &x->text, true);
    return 0;
}

static int l_ending(lua_State *L)
{
    static const char *const keys[] = { "id", "success", "text", "when", NULL };
    lhost *h = ldecl_host(L, "ending{}");
    scen *sc = &h->sc;
    dctx d;
    if (!d_begin(&d, h, L, "ending"))
        return 0;
    const char *id = d.id = d_id(&d, "id", true);
    if (id && strcmp(id, "timeout") == 0) {
        d_problem(&d, "the ending id 'timeout' is reserved (it is the outcome after max_turns)");
        return 0;
    }
    int dup = scen_ending_find(sc, id);
    if (!d_unique(&d, dup, dup >= 0 ? sc->endings[dup].pos.line : 0))
        return 0;
    d_keys(&d, keys);
    scen_ending *e = lh_push(L, &sc->endings, &sc->nendings, &h->ld.cap_endings, sizeof *e);
    e->pos.line = d.line;
    e->id = lh_strdup(L, id ? id : "", id ? strlen(id) : 0);
    d_bool(&d, "success", &e->success);
    d_text(&d, "text", &e->text, true);
    d_func(&d, "when", &e->ref, false, false);
    return 0;
}

/* metrics { detected = f, contained = f, recovered = f }: what the
 * session's milestones mean for this incident (score.c judges them), at
 * most once per file. The refs are taken in scen_metric order, which
 * ldecl_replay.c follows. */
static int l_metrics(lua_State *L)
{
    static const char *const keys[] = { "detected", "contained", "recovered", NULL };
    lhost *h = ldecl_host(L, "metrics{}");
    scen *sc = &h->sc;
    int line = lh_line(L);
    if (sc->metrics_pos.line) {
        lh_problem(h, line, "metrics{} is declared twice (first on line %d)", sc->metrics_pos.line);
        return 0;
    }
    sc->metrics_pos.line = line;
    dctx d;
    if (!d_begin(&d, h, L, "metrics"))
        return 0;
    d_keys(&d, keys);
    lua_pushnil(L);
    if (!lua_next(L, 1))
        d_problem(&d, "define at least one of detected, contained, recovered "
                  "(each a function of w that returns true once it holds)");
    lua_settop(L, 1);
    for (int m = 0; m < SM_COUNT; m++)
        d_func(&d, scen_metric_names[m], &sc->metric_ref[m], false, false);
    return 0;
}

/* ---- signal{} ----------------------------------------------------------- */

static const char *const severities[] = { "info", "low", "medium", "high", "critical", NULL };

bool ldecl_severity_ok(const char *s)
{
    for (int i = 0; severities[i]; i++)
        if (strcmp(s, severities[i]) == 0)
            return true;
    return false;
}

/* x1, x2, ... are the engine's automatic signal ids. */
bool ldecl_signal_id_reserved(const char *id)
{
    if (id[0] != 'x' || !id[1])
        return false;
    for (const char *p = id + 1; *p; p++)
        if (*p < '0' || *p > '9')
            return false;
    return true;
}

static int l_signal(lua_State *L)
{
    static const char *const keys[] = { "id", "source", "severity", "asset", "truth",
                                        "technique", "text", NULL };
    lhost *h = ldecl_host(L, "signal{}");
    scen *sc = &h->sc;
    lh_load *ld = &h->ld;
    dctx d;
    if (!d_begin(&d, h, L, "signal"))
        return 0;
    const char *id = d.id = d_id(&d, "id", true);
    if (id && ldecl_signal_id_reserved(id)) {
        d_problem(&d, "ids x1, x2, ... are reserved for automatic signal ids");
        return 0;
    }
    int dup = scen_signal_find(sc, id);
    if (!d_unique(&d, dup, dup >= 0 ? sc->signals[dup].pos.line : 0))
        return 0;
    d_keys(&d, keys);
    char **asset = lh_push(L, &ld->sig_asset, &ld->nsig_asset, &ld->cap_sig_asset, sizeof *asset);
    scen_signal *s = lh_push(L, &sc->signals, &sc->nsignals, &ld->cap_signals, sizeof *s);
    s->pos.line = d.line;
    s->asset = -1;
    s->id = lh_strdup(L, id ? id : "", id ? strlen(id) : 0);
    const char *src = d_str(&d, "source", LH_STR_MAX, true);
    s->source = lh_strdup(L, src ? src : "", src ? strlen(src) : 0);
    const char *sev = d_str(&d, "severity", 40, true);
    if (sev && !ldecl_severity_ok(sev)) {
        d_problem(&d, "severity must be one of info, low, medium, high, critical, got '%.40s'", sev);
        sev = NULL;
    }
    s->severity = lh_strdup(L, sev ? sev : "info", strlen(sev ? sev : "info"));
    const char *as = d_id(&d, "asset", false);
    if (as)
        *asset = lh_strdup(L, as, strlen(as));
    bool truth = false;
    if (!d_bool(&d, "truth", &truth))
        d_problem(&d, "truth is required (true: a real attack; false: a false positive)");
    s->truth = truth;
    const char *tech = d_str(&d, "technique", 20, false);
    if (tech && !lh_attack_id_ok(tech))
        d_problem(&d, "technique must be an ATT&CK technique id such as T1190, got '%.20s'", tech);
    else if (tech)
        s->technique = lh_strdup(L, tech, strlen(tech));
    d_text(&d, "text", &s->text, true);
    return 0;
}

/* ---- test{} ------------------------------------------------------------- */

/* expect.objectives = { id = true|false }: read in sorted id order, so
 * the result never depends on the table's hash order. */
static void expect_objectives(dctx *d, scen_expect *x)
{
    lua_State *L = d->L;
    int n = 0;
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        lua_pop(L, 1);
        if (++n > LH_TABLE_MAX) {
            lua_pop(L, 1);
            d_problem(d, "expect.objectives: at most %d entries", LH_TABLE_MAX);
            return;
        }
    }
    x->obj_ids = calloc((size_t)n + 1, sizeof *x->obj_ids);
    x->obj_met = calloc((size_t)n + 1, sizeof *x->obj_met);
    if (!x->obj_ids || !x->obj_met)
        luaL_error(L, "out of memory");
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        size_t len;
        const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tolstring(L, -2, &len) : NULL;
        if (!k || lua_type(L, -1) != LUA_TBOOLEAN || x->nobj >= n) {
            d_problem(d, "expect.objectives: each entry must be objective_id = true or false");
        } else {
            x->obj_met[x->nobj] = lua_toboolean(L, -1);
            x->obj_ids[x->nobj++] = lh_strdup(L, k, len);
        }
        lua_pop(L, 1);
    }
    /* Insertion sort of the ids with their flags (at most LH_TABLE_MAX). */
    for (int i = 1; i < x->nobj; i++) {
        char *id = x->obj_ids[i];
        bool met = x->obj_met[i];
        int j = i;
        for (; j > 0 && strcmp(x->obj_ids[j - 1], id) > 0; j--) {
            x->obj_ids[j] = x->obj_ids[j - 1];
            x->obj_met[j] = x->obj_met[j - 1];
        }
        x->obj_ids[j] = id;
        x->obj_met[j] = met;
    }
}

static void expect_penalties(dctx *d, scen_expect *x)
{
    lua_State *L = d->L;
    lua_Unsigned n = lua_rawlen(L, -1);
    n = n > 64 ? 64 : n;
    x->pen_ids = calloc(n + 1, sizeof *x->pen_ids);
    if (!x->pen_ids)
        luaL_error(L, "out of memory");
    for (lua_Unsigned i = 1; i <= n; i++) {
        size_t len;
        const char *s = lua_rawgeti(L, -1, (lua_Integer)i) == LUA_TSTRING
                            ? lua_tolstring(L, -1, &len) : NULL;
        if (s)
            x->pen_ids[x->npen++] = lh_strdup(L, s, len);
        else
            d_problem(d, "expect.penalties[%d] must be a penalty id", (int)i);
        lua_pop(L, 1);
    }
}

/* expect.metrics = { detected_by = MIN, contained_by = MIN | false, ... }:
 * the metrics table is argument 1 (it replaced expect). */
static void expect_metrics(dctx *d, scen_expect *x)
{
    static const char *const keys[] = { "detected_by", "contained_by", "recovered_by", NULL };
    lua_State *L = d->L;
    d_keys(d, keys);
    for (int m = 0; m < SM_COUNT; m++) {
        lua_pushstring(L, keys[m]);
        int ty = lua_rawget(L, 1);
        int isint = 0;
        lua_Integer v = ty == LUA_TNUMBER ? lua_tointegerx(L, -1, &isint) : 0;
        if (ty == LUA_TBOOLEAN && !lua_toboolean(L, -1)) {
            x->has_metric[m] = true;
            x->metric_by[m] = -1;
        } else if (isint && v >= 0 && v <= 100000000) {
            x->has_metric[m] = true;
            x->metric_by[m] = (int)v;
        } else if (ty != LUA_TNIL) {
            d_problem(d, "expect.metrics.%s must be a minute (an integer from 0 to 100000000) "
                      "or false (never reached)", keys[m]);
        }
        lua_pop(L, 1);
    }
}

static void test_expect(dctx *d, scen_expect *x)
{
    static const char *const keys[] = { "outcome", "score", "min_score", "max_score",
                                        "objectives", "penalties", "metrics", NULL };
    lua_State *L = d->L;
    lua_pushliteral(L, "expect");
    int ty = lua_rawget(L, 1);
    if (ty != LUA_TTABLE) {
        if (ty != LUA_TNIL)
            d_problem(d, "expect must be a table, got %s", lua_typename(L, ty));
        lua_pop(L, 1);
        return;
    }
    /* Read expect's fields with the same helpers: make it argument 1. */
    lua_replace(L, 1);
    dctx e = *d;
    e.kind = "test";
    d_keys(&e, keys);
    const char *outcome = d_str(&e, "outcome", LH_ID_MAX, false);
    if (outcome)
        x->outcome = lh_strdup(L, outcome, strlen(outcome));
    x->has_score = d_int(&e, "score", -10000000, 10000000, &x->score, false);
    x->has_min = d_int(&e, "min_score", -10000000, 10000000, &x->min_score, false);
    x->has_max = d_int(&e, "max_score", -10000000, 10000000, &x->max_score, false);
    lua_pushliteral(L, "objectives");
    ty = lua_rawget(L, 1);
    if (ty == LUA_TTABLE)
        expect_objectives(&e, x);
    else if (ty != LUA_TNIL)
        d_problem(&e, "expect.objectives must be a table of id = true|false");
    lua_pop(L, 1);
    lua_pushliteral(L, "penalties");
    ty = lua_rawget(L, 1);
    if (ty == LUA_TTABLE)
        expect_penalties(&e, x);
    else if (ty != LUA_TNIL)
        d_problem(&e, "expect.penalties must be an array of penalty ids");
    lua_pop(L, 1);
    /* Last: its table replaces expect as argument 1. */
    lua_pushliteral(L, "metrics");
    ty = lua_rawget(L, 1);
    if (ty == LUA_TTABLE) {
        lua_replace(L, 1);
        expect_metrics(&e, x);
    } else {
        if (ty != LUA_TNIL)
            d_problem(&e, "expect.metrics must be a table such as { contained_by = 60 }");
        lua_pop(L, 1);
    }
}

static int l_test(lua_State *L)
{
    static const char *const keys[] = { "name", "seed", "inputs", "expect", NULL };
    lhost *h = ldecl_host(L, "test{}");
    scen *sc = &h->sc;
    dctx d;
    if (!d_begin(&d, h, L, "test"))
        return 0;
    const char *name = d_str(&d, "name", LH_STR_MAX, true);
    for (int i = 0; name && i < sc->ntests; i++) {
        if (strcmp(sc->tests[i].name, name) == 0) {
            lh_problem(h, d.line, "test '%s': duplicate test name (first on line %d)", name,
                       sc->tests[i].pos.line);
            return 0;
        }
    }
    d_keys(&d, keys);
    scen_test *t = lh_push(L, &sc->tests, &sc->ntests, &h->ld.cap_tests, sizeof *t);
    t->pos.line = d.line;
    t->name = lh_strdup(L, name ? name : "", name ? strlen(name) : 0);
    d.id = name ? t->name : NULL;    /* the C copy: test_expect replaces the table */
    long long seed = 1;
    d_int64(&d, "seed", 0, 0x7fffffffffffffffLL, &seed, false);
    t->seed = (uint64_t)seed;
    const char *inputs = d_str(&d, "inputs", LH_INPUTS_MAX, true);
    t->inputs = lh_strdup(L, inputs ? inputs : "", inputs ? strlen(inputs) : 0);
    t->inputs_line = d.line;           /* refined by lcheck, once for all tests */
    test_expect(&d, &t->expect);
    return 0;
}

/* ---- triggers ----------------------------------------------------------- */

static scen_trigger *new_trigger(lua_State *L, lhost *h, trig_kind kind, const char *name,
                                 int line)
{
    lh_load *ld = &h->ld;
    /* on()'s action id, kept beside (NULL for the other kinds) */
    lh_push(L, &ld->trig_action, &ld->ntrig_action, &ld->cap_trig_action, sizeof(char *));
    scen_trigger *t = lh_push(L, &h->sc.triggers, &h->sc.ntriggers, &ld->cap_triggers, sizeof *t);
    t->kind = kind;
    t->pos.line = line;
    t->action = -1;
    t->name = d_trigger_name(L, h, name, line);
    return t;
}

static int func_ref(lua_State *L, lhost *h, int idx)
{
    lua_pushvalue(L, idx);
    return lh_ref(L, h);
}

/* at(turn, f) and every(n, f): upvalue 2 says which. */
static int l_at_every(lua_State *L)
{
    bool every = lua_toboolean(L, lua_upvalueindex(2));
    const char *what = every ? "every" : "at";
    lhost *h = ldecl_host(L, every ? "every()" : "at()");
    int line = lh_line(L);
    int isint = 0;
    lua_Integer n = lua_type(L, 1) == LUA_TNUMBER ? lua_tointegerx(L, 1, &isint) : 0;
    if (!isint || n < 1 || n > 10000) {
        lh_problem(h, line, "%s(%s, f): %s must be an integer from 1 to 10000", what,
                   every ? "n" : "turn", every ? "n" : "turn");
        return 0;
    }
    if (lua_type(L, 2) != LUA_TFUNCTION) {
        lh_problem(h, line, "%s(%d, f): f must be a function, got %s", what, (int)n,
                   luaL_typename(L, 2));
        return 0;
    }
    char name[40];
    snprintf(name, sizeof name, "%s(%d)", what, (int)n);
    scen_trigger *t = new_trigger(L, h, every ? TRIG_EVERY : TRIG_AT, name, line);
    t->n = (int)n;
    t->ref = func_ref(L, h, 2);
    return 0;
}

static int l_when(lua_State *L)
{
    lhost *h = ldecl_host(L, "when()");
    int line = lh_line(L);
    if (lua_type(L, 1) != LUA_TFUNCTION || lua_type(L, 2) != LUA_TFUNCTION) {
        lh_problem(h, line, "when(predicate, f): both must be functions, got %s and %s",
                   luaL_typename(L, 1), luaL_typename(L, 2));
        return 0;
    }
    scen_trigger *t = new_trigger(L, h, TRIG_WHEN, "when", line);
    t->pred_ref = func_ref(L, h, 1);
    t->ref = func_ref(L, h, 2);
    return 0;
}

/* on(action_id, f): the action is looked up once the file is read, since
 * it may be declared further down. */
static int l_on(lua_State *L)
{
    lhost *h = ldecl_host(L, "on()");
    int line = lh_line(L);
    size_t n;
    const char *id = sbx_tostring_raw(L, 1, &n);
    if (!id || !lh_id_ok(id, n)) {
        lh_problem(h, line, "on(action_id, f): action_id must be an action id");
        return 0;
    }
    if (lua_type(L, 2) != LUA_TFUNCTION) {
        lh_problem(h, line, "on('%s', f): f must be a function, got %s", id, luaL_typename(L, 2));
        return 0;
    }
    char name[100];
    snprintf(name, sizeof name, "on(%s)", id);
    scen_trigger *t = new_trigger(L, h, TRIG_ON, name, line);
    t->ref = func_ref(L, h, 2);
    h->ld.trig_action[h->ld.ntrig_action - 1] = lh_strdup(L, id, n);
    return 0;
}

void ldecl_register_score(lua_State *L, lhost *h)
{
    static const luaL_Reg fns[] = {
        { "objective", l_objective }, { "penalty", l_penalty }, { "hint", l_hint },
        { "ending", l_ending }, { "metrics", l_metrics }, { "signal", l_signal },
        { "test", l_test },
        { "when", l_when }, { "on", l_on }, { NULL, NULL },
    };
    for (const luaL_Reg *f = fns; f->name; f++)
        ldecl_set_closure(L, h, f->name, f->func);
    for (int every = 0; every < 2; every++) {
        lua_pushlightuserdata(L, h);
        lua_pushboolean(L, every);
        lua_pushcclosure(L, l_at_every, 2);
        ldecl_set_global(L, every ? "every" : "at");
    }
}
