/*
 * lapi.c - what hooks see: the world object `w`, the action table `a`,
 * and the engine_hooks.call that runs a hook in the sandbox.
 *
 * w is one table per lhost, built once the scenario has loaded. It is an
 * empty proxy: its metatable serves w.turn, w.minutes and w.max_turns
 * from the bound engine, w.asset, w.vars and the methods, and refuses
 * assignment. w.asset.ID is a proxy per asset whose state fields are read
 * from the engine on every access (the engine owns the truth; Lua holds no
 * copy that could go stale); its `vars` is an ordinary table stored in it.
 *
 * Every method validates its arguments before it changes anything, turns
 * ids into indices, and calls the engine's world API, which records the
 * change as an event. A text argument that needs normalising is copied to
 * C memory only after every check that could raise a Lua error, and freed
 * before the engine's answer is turned into one, so no error leaks it.
 */
#include "engine/lhost_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REPORT_FACTS_MAX 32

/* Upvalues of the methods. */
enum { UP_H = 1, UP_W = 2, UP_ASSETS = 3 };

static lhost *up_host(lua_State *L) { return lua_touserdata(L, lua_upvalueindex(UP_H)); }

static engine *method_begin(lua_State *L, const char *name)
{
    if (!lua_rawequal(L, 1, lua_upvalueindex(UP_W)))
        luaL_error(L, "w:%s: call it with a colon, as w:%s(...)", name, name);
    lhost *h = up_host(L);
    if (!h->e)
        luaL_error(L, "w:%s: no session is running", name);
    return h->e;
}

static int eng_result(lua_State *L, const char *name, int rc)
{
    if (rc < 0)
        return luaL_error(L, "w:%s: %s", name, engine_errmsg(up_host(L)->e));
    return 0;
}

static const char *arg_str(lua_State *L, int idx, const char *name, const char *what)
{
    const char *s = sbx_tostring_raw(L, idx, NULL);
    if (!s)
        luaL_error(L, "w:%s: %s must be a string, got %s", name, what, luaL_typename(L, idx));
    return s;
}

/* Messages quote what the script passed; lua_pushfstring has no
 * precision, so anything long is not quoted at all. */
static const char *shown(const char *s)
{
    return s && strlen(s) <= LH_ID_MAX ? s : "(a long or missing value)";
}

/* A string that must be an id; messages may then quote it. */
static const char *arg_id(lua_State *L, int idx, const char *name, const char *what)
{
    size_t n;
    const char *s = sbx_tostring_raw(L, idx, &n);
    if (!s)
        luaL_error(L, "w:%s: %s must be a string, got %s", name, what, luaL_typename(L, idx));
    if (!lh_id_ok(s, n))
        luaL_error(L, "w:%s: %s '%s' is not a valid id", name, what, shown(s));
    return s;
}

static int arg_asset(lua_State *L, int idx, const char *name)
{
    const char *id = arg_id(L, idx, name, "the asset");
    int a = scen_asset_find(&up_host(L)->sc, id);
    if (a < 0)
        luaL_error(L, "w:%s: no asset '%s'", name, id);
    return a;
}

/* A standard state field's index; -1 for another name when vars_ok. */
static int arg_field(lua_State *L, int idx, const char *name, bool vars_ok)
{
    const char *f = arg_id(L, idx, name, "the field");
    int fi = asset_field_find(f);
    if (fi < 0 && !vars_ok)
        luaL_error(L, "w:%s: '%s' is not a state field (compromised, isolated, online, "
                   "encrypted, defaced, clean, patched, evidence, backup)", name, f);
    return fi;
}

/* ---- texts ------------------------------------------------------------- */

typedef struct tmp_text {
    const char *vi, *en;         /* checked parts (Lua strings) */
    size_t nvi, nen;
    text t;                      /* what the engine gets */
    char *own[2];
} tmp_text;

/* Check only: may raise, allocates nothing in C. */
static void text_check(lua_State *L, int idx, const char *name, const char *what, tmp_text *x)
{
    char why[160];
    memset(x, 0, sizeof *x);
    if (lh_text_parts(L, idx, &x->vi, &x->nvi, &x->en, &x->nen, why, sizeof why) < 0)
        luaL_error(L, "w:%s: %s %s", name, what, why);
}

/* Normalise: C only, no Lua call; false when out of memory. */
static bool text_make(tmp_text *x)
{
    x->own[0] = lh_nfc(x->vi, x->nvi);
    x->own[1] = x->own[0] ? lh_nfc(x->en, x->nen) : NULL;
    x->t.vi = x->own[0];
    x->t.en = x->own[1];
    return x->own[1] != NULL;
}

static void text_drop(tmp_text *x)
{
    free(x->own[0]);
    free(x->own[1]);
    x->own[0] = x->own[1] = NULL;
}

/* Methods that take one text and call the engine with it. */
static int text_method(lua_State *L, const char *name, int idx, bool required,
                       int (*fn)(engine *, const text *, void *), void *arg)
{
    engine *e = up_host(L)->e;
    tmp_text x;
    bool have = !lua_isnoneornil(L, idx);
    if (required && !have)
        return luaL_error(L, "w:%s: a text is required", name);
    if (have)
        text_check(L, idx, name, "text:", &x);
    if (have && !text_make(&x)) {
        text_drop(&x);
        return luaL_error(L, "out of memory");
    }
    int rc = fn(e, have ? &x.t : NULL, arg);
    if (have)
        text_drop(&x);
    return eng_result(L, name, rc);
}

static int do_note(engine *e, const text *t, void *arg) { (void)arg; return engine_note(e, t); }
static int do_log(engine *e, const text *t, void *arg) { (void)arg; return engine_log(e, t); }

static int w_note(lua_State *L)
{
    method_begin(L, "note");
    return text_method(L, "note", 2, true, do_note, NULL);
}

static int w_log(lua_State *L)
{
    method_begin(L, "log");
    return text_method(L, "log", 2, true, do_log, NULL);
}

typedef struct reveal_arg { int asset, field; } reveal_arg;

static int do_reveal(engine *e, const text *t, void *arg)
{
    const reveal_arg *r = arg;
    return engine_reveal(e, r->asset, r->field, t);
}

static int w_reveal(lua_State *L)
{
    method_begin(L, "reveal");
    reveal_arg r = { arg_asset(L, 2, "reveal"), arg_field(L, 3, "reveal", false) };
    return text_method(L, "reveal", 4, false, do_reveal, &r);
}

static int do_award(engine *e, const text *t, void *arg)
{
    return engine_award(e, *(const int *)arg, t);
}

static int w_award(lua_State *L)
{
    method_begin(L, "award");
    int isint = 0;
    lua_Integer p = lua_type(L, 2) == LUA_TNUMBER ? lua_tointegerx(L, 2, &isint) : 0;
    if (!isint || p < -100000 || p > 100000)
        return luaL_error(L, "w:award: points must be an integer from -100000 to 100000");
    int points = (int)p;
    return text_method(L, "award", 3, true, do_award, &points);
}

/* ---- w:signal ----------------------------------------------------------- */

static void from_template(engine_signal_spec *sp, const scen_signal *s, int ti)
{
    sp->id = s->id;
    sp->source = s->source;
    sp->severity = s->severity;
    sp->technique = s->technique;
    sp->asset = s->asset;
    sp->truth = s->truth;
    sp->text = &s->text;
    sp->tmpl = ti;
}

/* Fields of a spec table, raw; NULL when absent. Raises on a wrong type. */
static const char *spec_str(lua_State *L, int t, const char *key, size_t max)
{
    lua_pushstring(L, key);
    int ty = lua_rawget(L, t);
    const char *s = NULL;
    size_t n = 0;
    if (ty == LUA_TSTRING)
        s = lua_tolstring(L, -1, &n);        /* the table keeps it alive */
    lua_pop(L, 1);
    if (ty != LUA_TNIL && ty != LUA_TSTRING)
        luaL_error(L, "w:signal: %s must be a string, got %s", key, lua_typename(L, ty));
    if (s && (n > max || !utf8_valid(s, n)))
        luaL_error(L, "w:signal: %s must be valid UTF-8 of at most %d bytes", key, (int)max);
    return s;
}

static void spec_keys(lua_State *L, int t)
{
    static const char *const keys[] = { "id", "source", "severity", "asset", "truth",
                                        "technique", "text", NULL };
    const char *bad = NULL;
    int seen = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        if (++seen > LH_TABLE_MAX) {
            lua_pop(L, 1);
            luaL_error(L, "w:signal: too many fields");
        }
        const char *k = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "(not a name)";
        bool ok = false;
        for (int i = 0; keys[i] && !ok; i++)
            ok = strcmp(keys[i], k) == 0;
        if (!ok && (!bad || strcmp(k, bad) < 0))
            bad = k;                           /* the smallest: the same every run */
    }
    if (bad)
        luaL_error(L, "w:signal: unknown field '%s' (id, source, severity, asset, truth, "
                   "technique, text)", shown(bad));
}

static void spec_read(lua_State *L, int t, engine_signal_spec *sp, tmp_text *txt, bool *has_text)
{
    const scen *sc = &up_host(L)->sc;
    spec_keys(L, t);
    const char *id = spec_str(L, t, "id", LH_ID_MAX);
    if (id && (!lh_id_ok(id, strlen(id)) || ldecl_signal_id_reserved(id)))
        luaL_error(L, "w:signal: '%s' is not a valid signal id (x1, x2, ... are reserved)",
                   shown(id));
    if (id)
        sp->id = id;
    const char *s;
    if ((s = spec_str(L, t, "source", LH_STR_MAX)))
        sp->source = s;
    if ((s = spec_str(L, t, "severity", 20)) && !ldecl_severity_ok(s))
        luaL_error(L, "w:signal: severity must be one of info, low, medium, high, critical, "
                   "got '%s'", s);
    if (s)
        sp->severity = s;
    if ((s = spec_str(L, t, "asset", LH_ID_MAX)) && (sp->asset = scen_asset_find(sc, s)) < 0)
        luaL_error(L, "w:signal: no asset '%s'", s);
    if ((s = spec_str(L, t, "technique", 20)) && !lh_attack_id_ok(s))
        luaL_error(L, "w:signal: technique must be an ATT&CK id such as T1190, got '%s'", s);
    if (s)
        sp->technique = s;
    lua_pushliteral(L, "truth");
    int ty = lua_rawget(L, t);
    if (ty == LUA_TBOOLEAN)
        sp->truth = lua_toboolean(L, -1);
    lua_pop(L, 1);
    if (ty != LUA_TNIL && ty != LUA_TBOOLEAN)
        luaL_error(L, "w:signal: truth must be true or false, got %s", lua_typename(L, ty));
    lua_pushliteral(L, "text");
    if (lua_rawget(L, t) != LUA_TNIL) {
        text_check(L, -1, "signal", "text:", txt);
        *has_text = true;
    }
    lua_pop(L, 1);
}

/* w:signal{...}, w:signal("template"), w:signal("template", {overrides}).
 * A table whose id names a declared template starts from that template. */
static int w_signal(lua_State *L)
{
    engine *e = method_begin(L, "signal");
    const scen *sc = &up_host(L)->sc;
    engine_signal_spec sp = { .asset = -1, .truth = -1, .tmpl = -1 };
    int spec = 0;
    if (lua_type(L, 2) == LUA_TSTRING) {
        const char *tid = arg_id(L, 2, "signal", "the signal");
        int ti = scen_signal_find(sc, tid);
        if (ti < 0)
            return luaL_error(L, "w:signal: no signal '%s' is declared (signal { id = ... })", tid);
        from_template(&sp, &sc->signals[ti], ti);
        if (lua_type(L, 3) == LUA_TTABLE)
            spec = 3;
        else if (!lua_isnoneornil(L, 3))
            return luaL_error(L, "w:signal: overrides must be a table, got %s", luaL_typename(L, 3));
    } else if (lua_type(L, 2) == LUA_TTABLE) {
        spec = 2;
        lua_pushliteral(L, "id");
        if (lua_rawget(L, 2) == LUA_TSTRING) {
            int ti = scen_signal_find(sc, lua_tostring(L, -1));
            if (ti >= 0)
                from_template(&sp, &sc->signals[ti], ti);
        }
        lua_pop(L, 1);
    } else {
        return luaL_error(L, "w:signal expects a table { source = ..., ... } or a signal id, got %s",
                          luaL_typename(L, 2));
    }
    tmp_text txt;
    bool has_text = false;
    memset(&txt, 0, sizeof txt);
    if (spec)
        spec_read(L, spec, &sp, &txt, &has_text);
    if (!sp.source || !sp.severity || sp.truth < 0 || (!sp.text && !has_text))
        return luaL_error(L, "w:signal: %s is required",
                          !sp.source ? "source" : !sp.severity ? "severity"
                          : sp.truth < 0 ? "truth" : "text");
    if (has_text) {
        if (!text_make(&txt)) {
            text_drop(&txt);
            return luaL_error(L, "out of memory");
        }
        sp.text = &txt.t;
    }
    int rc = engine_signal(e, &sp);
    text_drop(&txt);
    eng_result(L, "signal", rc);
    lua_pushstring(L, engine_last_signal_id(e));
    return 1;
}

/* ---- state -------------------------------------------------------------- */

static int w_compromise(lua_State *L)
{
    engine *e = method_begin(L, "compromise");
    int a = arg_asset(L, 2, "compromise");
    const char *tech = NULL;
    if (lua_type(L, 3) == LUA_TTABLE) {
        lua_pushliteral(L, "technique");
        int ty = lua_rawget(L, 3);
        tech = ty == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
        lua_pop(L, 1);
        if ((ty != LUA_TNIL && !tech) || (tech && !lh_attack_id_ok(tech)))
            return luaL_error(L, "w:compromise: technique must be an ATT&CK id such as T1190");
    } else if (!lua_isnoneornil(L, 3)) {
        return luaL_error(L, "w:compromise: options must be a table { technique = ... }");
    }
    return eng_result(L, "compromise", engine_compromise(e, a, tech));
}

/* w:set(asset, field, value): a state field takes a boolean through the
 * engine; any other name is a scenario value in the asset's vars. */
static int w_set(lua_State *L)
{
    engine *e = method_begin(L, "set");
    int a = arg_asset(L, 2, "set");
    int f = arg_field(L, 3, "set", true);
    lua_settop(L, 4);
    if (f >= 0) {
        if (lua_type(L, 4) != LUA_TBOOLEAN)
            return luaL_error(L, "w:set: %s takes true or false, got %s", asset_field_names[f],
                              luaL_typename(L, 4));
        return eng_result(L, "set", engine_set(e, a, f, lua_toboolean(L, 4)));
    }
    lua_pushvalue(L, 2);
    lua_rawget(L, lua_upvalueindex(UP_ASSETS));           /* the asset's proxy */
    lua_pushliteral(L, "vars");
    if (lua_rawget(L, -2) != LUA_TTABLE)
        return luaL_error(L, "w:set: w.asset.%s.vars is not a table", lua_tostring(L, 2));
    lua_pushvalue(L, 3);
    lua_pushvalue(L, 4);
    lua_rawset(L, -3);
    return 0;
}

static int w_knows(lua_State *L)
{
    engine *e = method_begin(L, "knows");
    int a = arg_asset(L, 2, "knows");
    lua_pushboolean(L, engine_knows(e, a, arg_field(L, 3, "knows", false)));
    return 1;
}

/* ---- randomness --------------------------------------------------------- */

static int w_chance(lua_State *L)
{
    engine *e = method_begin(L, "chance");
    if (lua_type(L, 2) != LUA_TNUMBER)
        return luaL_error(L, "w:chance: p must be a number from 0 to 1, got %s", luaL_typename(L, 2));
    lua_pushboolean(L, engine_chance(e, (double)lua_tonumber(L, 2)));
    return 1;
}

#define RANDOM_LIMIT ((lua_Integer)1 << 53)

static lua_Integer int_arg(lua_State *L, int idx)
{
    int isint = 0;
    lua_Integer v = lua_type(L, idx) == LUA_TNUMBER ? lua_tointegerx(L, idx, &isint) : 0;
    if (!isint || v < -RANDOM_LIMIT || v > RANDOM_LIMIT)
        luaL_error(L, "w:random: bounds must be integers (at most 2^53 in size)");
    return v;
}

static int w_random(lua_State *L)
{
    engine *e = method_begin(L, "random");
    lua_Integer lo = 1, hi;
    if (lua_isnoneornil(L, 3)) {
        hi = int_arg(L, 2);
    } else {
        lo = int_arg(L, 2);
        hi = int_arg(L, 3);
    }
    if (lo > hi)
        return luaL_error(L, "w:random: the interval is empty (%I > %I)", lo, hi);
    lua_pushinteger(L, (lua_Integer)engine_random(e, (int64_t)lo, (int64_t)hi));
    return 1;
}

/* ---- questions ---------------------------------------------------------- */

static int w_reported(lua_State *L)
{
    engine *e = method_begin(L, "reported");
    const scen *sc = &up_host(L)->sc;
    if (lua_type(L, 2) != LUA_TTABLE)
        return luaL_error(L, "w:reported expects a table { to = ..., facts = { ... } }");
    lua_settop(L, 2);
    lua_pushliteral(L, "to");
    lua_rawget(L, 2);
    const char *to = arg_id(L, 3, "reported", "to");
    if (scen_named_find(sc->recipients, sc->nrecipients, to) < 0)
        return luaL_error(L, "w:reported: no recipient '%s'", to);
    const char *facts[REPORT_FACTS_MAX];
    int nfacts = 0;
    lua_pushliteral(L, "facts");
    int ty = lua_rawget(L, 2);                                /* index 4 */
    if (ty == LUA_TTABLE) {
        lua_Unsigned n = lua_rawlen(L, 4);
        if (n > REPORT_FACTS_MAX)
            return luaL_error(L, "w:reported: at most %d facts", REPORT_FACTS_MAX);
        luaL_checkstack(L, (int)n, "w:reported");
        for (lua_Unsigned i = 1; i <= n; i++) {
            lua_rawgeti(L, 4, (lua_Integer)i);                /* stays on the stack */
            const char *f = sbx_tostring_raw(L, -1, NULL);
            if (!f || scen_named_find(sc->facts, sc->nfacts, f) < 0)
                return luaL_error(L, "w:reported: facts[%d] is not a known fact id", (int)i);
            facts[nfacts++] = f;
        }
    } else if (ty != LUA_TNIL) {
        return luaL_error(L, "w:reported: facts must be an array of fact ids");
    }
    int by = -1;
    lua_pushliteral(L, "by_minute");
    ty = lua_rawget(L, 2);
    if (ty != LUA_TNIL) {
        int isint = 0;
        lua_Integer v = ty == LUA_TNUMBER ? lua_tointegerx(L, -1, &isint) : 0;
        if (!isint || v < 0 || v > 100000000)
            return luaL_error(L, "w:reported: by_minute must be a whole number of minutes");
        by = (int)v;
    }
    lua_pushboolean(L, engine_reported(e, to, facts, nfacts, by));
    return 1;
}

static int w_flagged(lua_State *L)
{
    engine *e = method_begin(L, "flagged");
    lua_pushboolean(L, engine_flagged(e, arg_str(L, 2, "flagged", "the id")));
    return 1;
}

static int w_did(lua_State *L)
{
    engine *e = method_begin(L, "did");
    const char *verb = arg_id(L, 2, "did", "the action");
    if (scen_action_find(&up_host(L)->sc, verb) < 0)
        return luaL_error(L, "w:did: no action '%s'", verb);
    const char *target = lua_isnoneornil(L, 3) ? NULL : arg_str(L, 3, "did", "the target");
    lua_pushboolean(L, engine_did(e, verb, target));
    return 1;
}

/* ---- the clock ---------------------------------------------------------- */

#define CLOCK_MINUTES_MAX 100000000

/* w:clock([minute]): the wall-clock time of a session minute (default: the
 * current phase's, w.minutes) on the scenario's clock, which shows
 * start_time at minute 0: "HH:MM" on the first day, "HH:MM (+1)" on the
 * next, "HH:MM (-1)" the day before. The day (0 the first) is the second
 * result. Texts in both languages quote the same digits, so one string
 * serves both. */
static int w_clock(lua_State *L)
{
    engine *e = method_begin(L, "clock");
    lua_Integer m = engine_minutes(e);
    if (!lua_isnoneornil(L, 2)) {
        int isint = 0;
        m = lua_type(L, 2) == LUA_TNUMBER ? lua_tointegerx(L, 2, &isint) : 0;
        if (!isint || m < -CLOCK_MINUTES_MAX || m > CLOCK_MINUTES_MAX)
            return luaL_error(L, "w:clock: the minute must be a whole number from %d to %d",
                              -CLOCK_MINUTES_MAX, CLOCK_MINUTES_MAX);
    }
    lua_Integer t = up_host(L)->sc.start_minute + m;
    lua_Integer day = t >= 0 ? t / 1440 : -((-t + 1439) / 1440);
    lua_Integer hm = t - day * 1440;
    char buf[48];
    if (day == 0)
        snprintf(buf, sizeof buf, "%02d:%02d", (int)(hm / 60), (int)(hm % 60));
    else
        snprintf(buf, sizeof buf, "%02d:%02d (%+d)", (int)(hm / 60), (int)(hm % 60), (int)day);
    lua_pushstring(L, buf);
    lua_pushinteger(L, day);
    return 2;
}

/* ---- scoring and the end ------------------------------------------------ */

static int w_penalize(lua_State *L)
{
    engine *e = method_begin(L, "penalize");
    const char *id = arg_id(L, 2, "penalize", "the penalty");
    if (scen_penalty_find(&up_host(L)->sc, id) < 0)
        return luaL_error(L, "w:penalize: no penalty '%s' is declared", id);
    return eng_result(L, "penalize", engine_penalize(e, id));
}

static int w_finish(lua_State *L)
{
    engine *e = method_begin(L, "finish");
    const char *id = arg_id(L, 2, "finish", "the ending");
    if (scen_ending_find(&up_host(L)->sc, id) < 0)
        return luaL_error(L, "w:finish: no ending '%s' is declared", id);
    return eng_result(L, "finish", engine_finish(e, id));
}

/* ---- the proxies -------------------------------------------------------- */

static int w_index(lua_State *L)
{
    lhost *h = up_host(L);
    const char *k = sbx_tostring_raw(L, 2, NULL);
    if (k && h->e) {
        if (strcmp(k, "turn") == 0) {
            lua_pushinteger(L, engine_turn(h->e));
            return 1;
        }
        if (strcmp(k, "minutes") == 0) {
            lua_pushinteger(L, engine_minutes(h->e));
            return 1;
        }
    }
    if (k && strcmp(k, "max_turns") == 0) {
        lua_pushinteger(L, h->sc.max_turns);
        return 1;
    }
    if (k && strcmp(k, "asset") == 0) {
        lua_pushvalue(L, lua_upvalueindex(3));
        return 1;
    }
    if (k && strcmp(k, "vars") == 0) {
        lua_pushvalue(L, lua_upvalueindex(4));
        return 1;
    }
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(2)) != LUA_TNIL)
        return 1;
    return luaL_error(L, "w.%s: no such field (w.turn, w.minutes, w.max_turns, w.asset, "
                      "w.vars and the methods w:signal, w:set, w:clock, ...)", shown(k));
}

static int w_newindex(lua_State *L)
{
    return luaL_error(L, "w is read-only: keep scenario state in w.vars, change assets with w:set");
}

static int assets_index(lua_State *L)
{
    const char *k = sbx_tostring_raw(L, 2, NULL);
    return luaL_error(L, "w.asset: no asset '%s'", shown(k));
}

static int assets_newindex(lua_State *L)
{
    return luaL_error(L, "w.asset is read-only");
}

static int asset_index(lua_State *L)
{
    lhost *h = up_host(L);
    int a = (int)lua_tointeger(L, lua_upvalueindex(2));
    const scen_asset *as = &h->sc.assets[a];
    const char *k = sbx_tostring_raw(L, 2, NULL);
    int f = asset_field_find(k);
    if (f >= 0 && h->e) {
        lua_pushboolean(L, engine_asset_get(h->e, a, f));
        return 1;
    }
    if (k && strcmp(k, "id") == 0)
        lua_pushstring(L, as->id);
    else if (k && strcmp(k, "kind") == 0)
        lua_pushstring(L, as->kind);
    else if (k && strcmp(k, "zone") == 0)
        lua_pushstring(L, as->zone);
    else if (k && strcmp(k, "level") == 0)
        lua_pushinteger(L, as->level);
    else
        return luaL_error(L, "w.asset.%s.%s: no such field (state: compromised, isolated, online, "
                          "encrypted, defaced, clean, patched, evidence, backup; also id, kind, "
                          "zone, level; scenario values are in .vars)", as->id, shown(k));
    return 1;
}

static int asset_newindex(lua_State *L)
{
    lhost *h = up_host(L);
    int a = (int)lua_tointeger(L, lua_upvalueindex(2));
    const char *k = sbx_tostring_raw(L, 2, NULL);
    return luaL_error(L, "w.asset.%s is read-only: use w:set(\"%s\", \"%s\", value)",
                      h->sc.assets[a].id, h->sc.assets[a].id, shown(k));
}

/* Set index/newindex closures (upvalues already pushed: nup of them, for
 * both) as the metatable of the table at t, protected from scripts. */
static void set_meta(lua_State *L, int t, lua_CFunction idx, lua_CFunction nidx, int nup)
{
    t = lua_absindex(L, t);
    int first = lua_gettop(L) - nup + 1;
    lua_createtable(L, 0, 3);
    for (int i = 0; i < nup; i++)
        lua_pushvalue(L, first + i);
    lua_pushcclosure(L, idx, nup);
    lua_setfield(L, -2, "__index");
    for (int i = 0; i < nup; i++)
        lua_pushvalue(L, first + i);
    lua_pushcclosure(L, nidx, nup);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, t);
    lua_pop(L, nup);
}

static void build_assets(lua_State *L, lhost *h, int assets)
{
    for (int a = 0; a < h->sc.nassets; a++) {
        lua_createtable(L, 0, 1);                          /* the proxy */
        int vref = a < h->ld.nasset_vars ? h->ld.asset_vars[a] : 0;
        if (vref > 0)
            lua_rawgeti(L, LUA_REGISTRYINDEX, vref);
        else
            lua_newtable(L);
        lua_setfield(L, -2, "vars");
        lua_pushlightuserdata(L, h);
        lua_pushinteger(L, a);
        set_meta(L, -3, asset_index, asset_newindex, 2);
        lua_setfield(L, assets, h->sc.assets[a].id);
    }
    lua_pushlightuserdata(L, h);
    set_meta(L, assets, assets_index, assets_newindex, 1);
}

int lapi_open(lua_State *L)
{
    static const luaL_Reg methods[] = {
        { "signal", w_signal }, { "compromise", w_compromise }, { "set", w_set },
        { "note", w_note }, { "log", w_log }, { "reveal", w_reveal }, { "knows", w_knows },
        { "chance", w_chance }, { "random", w_random }, { "reported", w_reported },
        { "flagged", w_flagged }, { "did", w_did }, { "penalize", w_penalize },
        { "award", w_award }, { "finish", w_finish }, { "clock", w_clock }, { NULL, NULL },
    };
    lhost *h = lua_touserdata(L, 1);
    lua_settop(L, 1);
    lua_newtable(L);                                   /* 2: w */
    lua_newtable(L);                                   /* 3: w.asset */
    build_assets(L, h, 3);
    lua_newtable(L);                                   /* 4: w.vars */
    lua_newtable(L);                                   /* 5: methods */
    for (const luaL_Reg *m = methods; m->name; m++) {
        lua_pushlightuserdata(L, h);
        lua_pushvalue(L, 2);
        lua_pushvalue(L, 3);
        lua_pushcclosure(L, m->func, 3);
        lua_setfield(L, 5, m->name);
    }
    lua_pushlightuserdata(L, h);
    lua_pushvalue(L, 5);
    lua_pushvalue(L, 3);
    lua_pushvalue(L, 4);
    set_meta(L, 2, w_index, w_newindex, 4);
    lua_pushvalue(L, 2);
    h->w_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

/* ---- hooks -------------------------------------------------------------- */

static void push_action(lua_State *L, const lhost *h, const action_inst *a)
{
    const scen *sc = &h->sc;
    lua_createtable(L, 0, 7);
    if (a->action >= 0 && a->action < sc->nactions) {
        lua_pushstring(L, sc->actions[a->action].id);
        lua_setfield(L, -2, "id");
    }
    if (a->role >= 0 && a->role < sc->nroles) {
        lua_pushstring(L, sc->roles[a->role].id);
        lua_setfield(L, -2, "role");
    }
    if (a->target) {
        lua_pushstring(L, a->target);
        lua_setfield(L, -2, "target");
    }
    if (a->verdict >= 0) {
        lua_pushboolean(L, a->verdict);
        lua_setfield(L, -2, "verdict");
    }
    lua_createtable(L, a->nfacts, 0);
    for (int i = 0; i < a->nfacts; i++) {
        lua_pushstring(L, a->facts[i]);
        lua_rawseti(L, -2, i + 1);
    }
    lua_setfield(L, -2, "facts");
    lua_pushinteger(L, a->turn_queued);
    lua_setfield(L, -2, "queued");
    lua_pushinteger(L, a->qid);
    lua_setfield(L, -2, "qid");
}

typedef struct call_ud {
    lhost *h;
    int ref;
    const action_inst *a;
    bool *out;
} call_ud;

/* Run under sbx_protect: building `a` allocates, so it must be protected. */
static int call_with_action(lua_State *L)
{
    call_ud *u = lua_touserdata(L, 1);
    lua_rawgeti(L, LUA_REGISTRYINDEX, u->ref);
    lua_rawgeti(L, LUA_REGISTRYINDEX, u->h->w_ref);
    push_action(L, u->h, u->a);
    lua_call(L, 2, 1);
    if (u->out)
        *u->out = lua_toboolean(L, -1);
    return 0;
}

/* The common case (triggers, predicates) pushes two registry values, which
 * allocates nothing, and calls straight through sbx_pcall. */
int lapi_call_hook(void *ctx, engine *e, int ref, const action_inst *a, bool *out)
{
    lhost *h = ctx;
    if (!h->w_ref || ref <= 0) {
        h->errp = "hook called before the scenario loaded, or with no function";
        return -1;
    }
    h->e = e;
    lua_State *L = h->L;
    int top = lua_gettop(L);
    int rc;
    if (!a) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
        lua_rawgeti(L, LUA_REGISTRYINDEX, h->w_ref);
        rc = sbx_pcall(h->sbx, 1, 1);
        if (rc == SBX_OK && out)
            *out = lua_toboolean(L, -1);
    } else {
        call_ud u = { h, ref, a, out };
        rc = sbx_protect(h->sbx, call_with_action, &u);
    }
    lua_settop(L, top);
    if (rc != SBX_OK) {
        h->errp = sbx_errmsg(h->sbx);
        return -1;
    }
    return 0;
}

const char *lapi_errmsg(void *ctx)
{
    const lhost *h = ctx;
    return h->errp ? h->errp : "";
}
