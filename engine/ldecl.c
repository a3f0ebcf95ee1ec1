/*
 * ldecl.c - the declaration functions of a scenario's top level: reading
 * their tables safely, and scenario, role, asset, link, action, recipient,
 * fact, audience, support. The scoring declarations and the triggers are
 * in ldecl_score.c. See docs/scenario-api.md for what each field means.
 *
 * A declaration never stops the load: a bad field is recorded as a
 * problem with the line of the call, and the rest is still read so that
 * `irdrill check` lists every problem of a file in one pass.
 */
#include "engine/lhost_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- reading a declaration's table ------------------------------------- */

lhost *ldecl_host(lua_State *L, const char *what)
{
    lhost *h = lua_touserdata(L, lua_upvalueindex(1));
    if (h->loaded)
        luaL_error(L, "%s can only be used at the top level of a scenario file, not inside a hook",
                   what);
    if (++h->ld.ndecls > LH_MAX_DECLS)
        luaL_error(L, "too many declarations (at most %d)", LH_MAX_DECLS);
    if (!h->in_stdlib && h->ld.scen_count == 0 && !h->ld.first_line &&
        strcmp(what, "scenario{}") != 0) {
        h->ld.first_line = lh_line(L);
        h->ld.first_kind = what;
    }
    return h;
}

bool d_begin(dctx *d, lhost *h, lua_State *L, const char *kind)
{
    d->h = h;
    d->L = L;
    d->kind = kind;
    d->id = NULL;
    d->line = lh_line(L);
    lua_settop(L, 1);
    if (lua_type(L, 1) != LUA_TTABLE) {
        lh_problem(h, d->line, "%s expects a table: %s { id = ..., ... }, got %s", kind, kind,
                   luaL_typename(L, 1));
        return false;
    }
    return true;
}

void d_problem(dctx *d, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (d->id)
        lh_problem(d->h, d->line, "%s '%s': %s", d->kind, d->id, msg);
    else
        lh_problem(d->h, d->line, "%s{}: %s", d->kind, msg);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* lua_next visits keys in hash order, which varies between runs; the
 * unknown keys are sorted so the same file always gives the same report. */
void d_keys(dctx *d, const char *const *allowed)
{
    lua_State *L = d->L;
    const char *unknown[8];
    int nunknown = 0, more = 0, seen = 0;
    bool positional = false;
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        lua_pop(L, 1);
        if (++seen > LH_TABLE_MAX) {
            lua_pop(L, 1);
            d_problem(d, "too many fields (at most %d)", LH_TABLE_MAX);
            return;        /* which keys were seen depends on hash order */
        }
        if (lua_type(L, -1) != LUA_TSTRING) {
            positional = true;
            continue;
        }
        const char *k = lua_tostring(L, -1);
        bool ok = false;
        for (int i = 0; allowed[i] && !ok; i++)
            ok = strcmp(allowed[i], k) == 0;
        if (ok)
            continue;
        if (nunknown < 8)
            unknown[nunknown++] = k;     /* the table keeps the key alive */
        else
            more++;
    }
    qsort(unknown, (size_t)nunknown, sizeof unknown[0], cmp_str);
    char list[200] = "";
    /* The list of allowed fields is only for messages: built only when one
     * is due (every declaration of every load passes here). */
    for (int i = 0, used = 0; nunknown && allowed[i] && used < (int)sizeof list; i++)
        used += snprintf(list + used, sizeof list - (size_t)used, "%s%s", i ? ", " : "", allowed[i]);
    for (int i = 0; i < nunknown; i++)
        d_problem(d, "unknown field '%.40s' (fields: %s)", unknown[i], list);
    if (more)
        d_problem(d, "%d more unknown fields", more);
    if (positional)
        d_problem(d, "fields must be named (key = value)");
}

static int d_get(dctx *d, const char *key)
{
    lua_pushstring(d->L, key);
    return lua_rawget(d->L, 1);
}

bool d_int64(dctx *d, const char *key, long long lo, long long hi, long long *out, bool required)
{
    lua_State *L = d->L;
    int ty = d_get(d, key);
    bool ok = false;
    if (ty == LUA_TNIL) {
        if (required)
            d_problem(d, "%s is required (an integer from %lld to %lld)", key, lo, hi);
    } else if (ty != LUA_TNUMBER) {
        d_problem(d, "%s must be an integer from %lld to %lld, got %s", key, lo, hi,
                  lua_typename(L, ty));
    } else {
        int isint = 0;
        lua_Integer v = lua_tointegerx(L, -1, &isint);
        if (!isint)
            d_problem(d, "%s must be an integer from %lld to %lld, got %g", key, lo, hi,
                      (double)lua_tonumber(L, -1));
        else if (v < lo || v > hi)
            d_problem(d, "%s must be an integer from %lld to %lld, got %lld", key, lo, hi,
                      (long long)v);
        else {
            *out = (long long)v;
            ok = true;
        }
    }
    lua_pop(L, 1);
    return ok;
}

bool d_int(dctx *d, const char *key, long long lo, long long hi, int *out, bool required)
{
    long long v;
    if (!d_int64(d, key, lo, hi, &v, required))
        return false;
    *out = (int)v;
    return true;
}

bool d_bool(dctx *d, const char *key, bool *out)
{
    int ty = d_get(d, key);
    bool ok = false;
    if (ty == LUA_TBOOLEAN) {
        *out = lua_toboolean(d->L, -1);
        ok = true;
    } else if (ty != LUA_TNIL) {
        d_problem(d, "%s must be true or false, got %s", key, lua_typename(d->L, ty));
    }
    lua_pop(d->L, 1);
    return ok;
}

const char *d_str(dctx *d, const char *key, size_t max, bool required)
{
    lua_State *L = d->L;
    int ty = d_get(d, key);
    const char *s = NULL;
    size_t n = 0;
    if (ty == LUA_TNIL) {
        if (required)
            d_problem(d, "%s is required", key);
    } else if (ty != LUA_TSTRING) {
        d_problem(d, "%s must be a string, got %s", key, lua_typename(L, ty));
    } else {
        s = lua_tolstring(L, -1, &n);    /* the table keeps it alive */
        if (!utf8_valid(s, n)) {
            d_problem(d, "%s is not valid UTF-8", key);
            s = NULL;
        } else if (n > max) {
            d_problem(d, "%s is longer than %zu bytes", key, max);
            s = NULL;
        }
    }
    lua_pop(L, 1);
    return s;
}

const char *d_id(dctx *d, const char *key, bool required)
{
    const char *s = d_str(d, key, 1000, required);
    if (s && !lh_id_ok(s, strlen(s))) {
        d_problem(d, "%s '%.40s' is not a valid id (letters, digits, _ - . starting with a "
                  "letter, at most %d bytes)", key, s, LH_ID_MAX);
        return NULL;
    }
    return s;
}

bool d_text(dctx *d, const char *key, text *dst, bool required)
{
    lua_State *L = d->L;
    int ty = d_get(d, key);
    bool ok = false;
    if (ty == LUA_TNIL) {
        if (required)
            d_problem(d, "%s is required (a string or { vi = ..., en = ... })", key);
        lua_pop(L, 1);
        return false;
    }
    const char *vi, *en;
    size_t nvi, nen;
    char why[160];
    if (lh_text_parts(L, -1, &vi, &nvi, &en, &nen, why, sizeof why) < 0) {
        d_problem(d, "%s: %s", key, why);
    } else {
        /* Stored at once in the scen being built, so an error cannot leak it. */
        text_free(dst);
        dst->vi = lh_nfc(vi, nvi);
        dst->en = dst->vi ? lh_nfc(en, nen) : NULL;
        if (!dst->vi || !dst->en)
            luaL_error(L, "out of memory");
        ok = true;
    }
    lua_pop(L, 1);
    return ok;
}

bool d_func(dctx *d, const char *key, int *ref, bool required, bool allow_false)
{
    lua_State *L = d->L;
    int ty = d_get(d, key);
    bool ok = false;
    if (ty == LUA_TFUNCTION) {
        *ref = lh_ref(L, d->h);                   /* pops it; >= 1 for a function */
        return true;
    }
    if (ty == LUA_TNIL) {
        if (required)
            d_problem(d, "%s is required (a function)", key);
    } else if (ty == LUA_TBOOLEAN && allow_false && !lua_toboolean(L, -1)) {
        *ref = 0;
        ok = true;
    } else {
        d_problem(d, "%s must be a function, got %s", key, lua_typename(L, ty));
    }
    lua_pop(L, 1);
    return ok;
}

bool d_unique(dctx *d, int found, int first_line)
{
    if (found < 0)
        return true;
    d_problem(d, "duplicate %s id (first declared on line %d)", d->kind, first_line);
    return false;
}

/* Trigger names for coverage reports: "at(2)@portal.lua:12". The base
 * name keeps them the same wherever the file was loaded from. */
char *d_trigger_name(lua_State *L, lhost *h, const char *what, int line)
{
    const char *base = strrchr(h->sc.path, '/');
    base = base ? base + 1 : h->sc.path;
    char buf[300];
    snprintf(buf, sizeof buf, "%s@%s:%d", what, base, line);
    return lh_strdup(L, buf, strlen(buf));
}

/* ---- scenario{} --------------------------------------------------------- */

static int parse_clock(const char *s)
{
    if (strlen(s) != 5 || s[2] != ':')
        return -1;
    for (int i = 0; i < 5; i++)
        if (i != 2 && (s[i] < '0' || s[i] > '9'))
            return -1;
    int hh = (s[0] - '0') * 10 + (s[1] - '0'), mm = (s[3] - '0') * 10 + (s[4] - '0');
    return hh < 24 && mm < 60 ? hh * 60 + mm : -1;
}

static void scenario_attack(dctx *d)
{
    lua_State *L = d->L;
    scen *sc = &d->h->sc;
    int ty = d_get(d, "attack");
    if (ty == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    if (ty != LUA_TTABLE) {
        d_problem(d, "attack must be an array of ATT&CK ids, got %s", lua_typename(L, ty));
        lua_pop(L, 1);
        return;
    }
    lua_Unsigned n = lua_rawlen(L, -1);
    for (lua_Unsigned i = 1; i <= n && i <= 200; i++) {
        const char *s = lua_rawgeti(L, -1, (lua_Integer)i) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
        if (!s || !lh_attack_id_ok(s)) {
            d_problem(d, "attack[%d] must be an ATT&CK technique id such as T1190 or T1505.003",
                      (int)i);
        } else {
            char **slot = lh_push(L, &sc->attack, &sc->nattack, &d->h->ld.cap_attack, sizeof *slot);
            *slot = lh_strdup(L, s, strlen(s));
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

/* deadlines = { a05 = 2880, ... }: kept until every recipient is known. */
static void scenario_deadlines(dctx *d)
{
    lua_State *L = d->L;
    lh_load *ld = &d->h->ld;
    int ty = d_get(d, "deadlines");
    if (ty == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    if (ty != LUA_TTABLE) {
        d_problem(d, "deadlines must be a table of recipient = minutes, got %s", lua_typename(L, ty));
        lua_pop(L, 1);
        return;
    }
    int seen = 0;
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        if (++seen > LH_TABLE_MAX) {
            lua_pop(L, 2);
            d_problem(d, "deadlines: at most %d entries", LH_TABLE_MAX);
            break;
        }
        int isint = 0;
        lua_Integer v = lua_type(L, -1) == LUA_TNUMBER ? lua_tointegerx(L, -1, &isint) : 0;
        if (lua_type(L, -2) != LUA_TSTRING || !isint || v < 0 || v > 10000000) {
            d_problem(d, "deadlines: each entry must be recipient_id = minutes (0 to 10000000)");
        } else {
            size_t n;
            const char *k = lua_tolstring(L, -2, &n);
            lh_deadline *dl = lh_push(L, &ld->deadlines, &ld->ndeadlines, &ld->cap_deadlines,
                                      sizeof *dl);
            dl->minutes = (int)v;
            dl->id = lh_strdup(L, k, n);
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

static void scenario_difficulty(dctx *d)
{
    const char *s = d_str(d, "difficulty", 40, true);
    if (!s)
        return;
    for (int i = 0; i < 3; i++) {
        if (strcmp(s, difficulty_names[i]) == 0) {
            d->h->sc.diff = (difficulty)i;
            return;
        }
    }
    d_problem(d, "difficulty must be basic, intermediate or advanced, got '%.40s'", s);
}

static int l_scenario(lua_State *L)
{
    static const char *const keys[] = { "id", "version", "title", "summary", "difficulty",
        "turn_minutes", "max_turns", "action_points", "start_time", "attack", "deadlines",
        "api", NULL };
    lhost *h = ldecl_host(L, "scenario{}");
    lh_load *ld = &h->ld;
    scen *sc = &h->sc;
    dctx d;
    int line = lh_line(L);
    if (++ld->scen_count > 1) {
        lh_problem(h, line, "scenario{} is declared twice (first on line %d)", ld->scen_line);
        return 0;
    }
    ld->scen_line = line;
    if (ld->first_line)
        lh_problem(h, line, "scenario{} must be the first declaration (%s on line %d comes "
                   "before it)", ld->first_kind, ld->first_line);
    if (!d_begin(&d, h, L, "scenario"))
        return 0;
    int api = SCEN_API_VERSION;
    if (d_int(&d, "api", 1, 1000, &api, false) && api != SCEN_API_VERSION)
        d_problem(&d, "written for scenario API version %d; this irdrill supports version %d",
                  api, SCEN_API_VERSION);
    const char *id = d_id(&d, "id", true);
    if (id) {
        sc->id = lh_strdup(L, id, strlen(id));
        d.id = id;
    }
    d_keys(&d, keys);
    d_int(&d, "version", 1, 1000000, &sc->version, false);
    d_text(&d, "title", &sc->title, true);
    d_text(&d, "summary", &sc->summary, false);
    scenario_difficulty(&d);
    d_int(&d, "turn_minutes", 1, 1440, &sc->turn_minutes, false);
    d_int(&d, "max_turns", 1, 10000, &sc->max_turns, true);
    d_int(&d, "action_points", 1, 100, &sc->action_points, false);
    const char *clock = d_str(&d, "start_time", 10, false);
    if (clock && (sc->start_minute = parse_clock(clock)) < 0) {
        d_problem(&d, "start_time must be \"HH:MM\" (00:00 to 23:59), got '%s'", clock);
        sc->start_minute = 8 * 60;
    }
    scenario_attack(&d);
    scenario_deadlines(&d);
    return 0;
}

/* ---- role{}, asset{}, link() -------------------------------------------- */

static int l_role(lua_State *L)
{
    static const char *const keys[] = { "id", "name", "desc", NULL };
    lhost *h = ldecl_host(L, "role{}");
    scen *sc = &h->sc;
    dctx d;
    if (!d_begin(&d, h, L, "role"))
        return 0;
    const char *id = d_id(&d, "id", true);
    d.id = id;
    int dup = scen_role_find(sc, id);
    if (!d_unique(&d, dup, dup >= 0 ? sc->roles[dup].pos.line : 0))
        return 0;
    if (sc->nroles >= 64) {
        d_problem(&d, "a scenario may have at most 64 roles");
        return 0;
    }
    d_keys(&d, keys);
    scen_role *r = lh_push(L, &sc->roles, &sc->nroles, &h->ld.cap_roles, sizeof *r);
    r->pos.line = d.line;
    r->id = lh_strdup(L, id ? id : "", id ? strlen(id) : 0);
    d_text(&d, "name", &r->name, true);
    d_text(&d, "desc", &r->desc, false);
    return 0;
}

static void asset_state(dctx *d, scen_asset *a)
{
    a->init[AF_ONLINE] = a->init[AF_BACKUP] = true;
    for (int f = 0; f < AF_COUNT; f++)
        d_bool(d, asset_field_names[f], &a->init[f]);
}

static void asset_vars(dctx *d)
{
    lua_State *L = d->L;
    lh_load *ld = &d->h->ld;
    int *ref = lh_push(L, &ld->asset_vars, &ld->nasset_vars, &ld->cap_asset_vars, sizeof *ref);
    lua_pushliteral(L, "vars");
    int ty = lua_rawget(L, 1);
    if (ty == LUA_TTABLE) {
        *ref = lh_ref(L, d->h);
        return;
    }
    if (ty != LUA_TNIL)
        d_problem(d, "vars must be a table, got %s", lua_typename(L, ty));
    lua_pop(L, 1);
}

static int l_asset(lua_State *L)
{
    lhost *h = ldecl_host(L, "asset{}");
    scen *sc = &h->sc;
    dctx d;
    if (!d_begin(&d, h, L, "asset"))
        return 0;
    const char *id = d_id(&d, "id", true);
    d.id = id;
    int dup = scen_asset_find(sc, id);
    if (!d_unique(&d, dup, dup >= 0 ? sc->assets[dup].pos.line : 0))
        return 0;
    const char *allowed[AF_COUNT + 8] = { "id", "kind", "level", "zone", "name", "desc", "vars" };
    for (int f = 0; f < AF_COUNT; f++)
        allowed[7 + f] = asset_field_names[f];
    allowed[7 + AF_COUNT] = NULL;
    d_keys(&d, allowed);
    asset_vars(&d);                        /* kept beside, same index */
    scen_asset *a = lh_push(L, &sc->assets, &sc->nassets, &h->ld.cap_assets, sizeof *a);
    a->pos.line = d.line;
    a->id = lh_strdup(L, id ? id : "", id ? strlen(id) : 0);
    const char *kind = d_str(&d, "kind", LH_STR_MAX, true);
    const char *zone = d_str(&d, "zone", LH_STR_MAX, false);
    a->kind = lh_strdup(L, kind ? kind : "", kind ? strlen(kind) : 0);
    a->zone = lh_strdup(L, zone ? zone : "", zone ? strlen(zone) : 0);
    d_int(&d, "level", 1, 5, &a->level, true);
    d_text(&d, "name", &a->name, true);
    d_text(&d, "desc", &a->desc, false);
    asset_state(&d, a);
    return 0;
}

static int l_link(lua_State *L)
{
    lhost *h = ldecl_host(L, "link()");
    int line = lh_line(L);
    size_t na, nb;
    const char *a = sbx_tostring_raw(L, 1, &na), *b = sbx_tostring_raw(L, 2, &nb);
    if (!a || !b || na > LH_ID_MAX || nb > LH_ID_MAX) {
        lh_problem(h, line, "link expects two asset ids: link(\"a\", \"b\")");
        return 0;
    }
    lh_load *ld = &h->ld;
    lh_link_x *x = lh_push(L, &ld->links, &ld->nlinks, &ld->cap_links, sizeof *x);
    x->line = line;
    x->a = lh_strdup(L, a, na);
    x->b = lh_strdup(L, b, nb);
    return 0;
}

/* ---- action{} ----------------------------------------------------------- */

static void action_roles(dctx *d, lh_action_x *x)
{
    lua_State *L = d->L;
    int ty = d_get(d, "roles");
    if (ty == LUA_TSTRING && strcmp(lua_tostring(L, -1), "any") == 0) {
        x->any_role = true;
    } else if (ty == LUA_TTABLE) {
        for (int i = 0; i < x->nrole_ids; i++)
            free(x->role_ids[i]);
        free(x->role_ids);
        x->nrole_ids = 0;
        x->any_role = false;
        lua_Unsigned n = lua_rawlen(L, -1);
        n = n > 64 ? 64 : n;
        x->role_ids = calloc(n ? n : 1, sizeof *x->role_ids);
        if (!x->role_ids)
            luaL_error(L, "out of memory");
        for (lua_Unsigned i = 1; i <= n; i++) {
            size_t len;
            const char *s = lua_rawgeti(L, -1, (lua_Integer)i) == LUA_TSTRING
                                ? lua_tolstring(L, -1, &len) : NULL;
            if (s && lh_id_ok(s, len))
                x->role_ids[x->nrole_ids++] = lh_strdup(L, s, len);
            else
                d_problem(d, "roles[%d] must be a role id", (int)i);
            lua_pop(L, 1);
        }
    } else if (ty != LUA_TNIL) {
        d_problem(d, "roles must be an array of role ids, or \"any\", got %s", lua_typename(L, ty));
    }
    lua_pop(L, 1);
}

static void action_target(dctx *d, scen_action *a)
{
    const char *s = d_str(d, "target", 40, false);
    if (!s)
        return;
    for (int k = 0; k < TGT_COUNT; k++) {
        if (strcmp(s, target_kind_names[k]) == 0) {
            a->target = (target_kind)k;
            return;
        }
    }
    d_problem(d, "target must be one of none, asset, signal, indicator, recipient, audience, "
              "support, got '%.40s'", s);
}

/* Fields given replace; when the action is new, absent ones take their
 * defaults; when it replaces a stdlib one, they keep the stdlib's. */
static void action_fields(dctx *d, scen_action *a, lh_action_x *x, bool fresh)
{
    if (fresh) {
        a->cost = 1;
        a->turns = 1;
        x->any_role = true;
    }
    action_roles(d, x);
    d_int(d, "cost", 0, 100, &a->cost, false);
    d_int(d, "turns", 1, 100, &a->turns, false);
    action_target(d, a);
    d_bool(d, "verdict", &a->verdict);
    d_bool(d, "facts", &a->facts);
    d_bool(d, "immediate", &a->immediate);
    if (a->immediate)
        a->turns = 1;                  /* it resolves in the turn it is queued */
    if (!d_text(d, "label", &a->label, false) && fresh) {
        a->label.vi = lh_strdup(d->L, a->id, strlen(a->id));
        a->label.en = lh_strdup(d->L, a->id, strlen(a->id));
    }
    d_text(d, "help", &a->help, false);
    d_func(d, "run", &a->ref, false, true);
}

static int l_action(lua_State *L)
{
    static const char *const keys[] = { "id", "roles", "cost", "turns", "target", "verdict",
        "facts", "immediate", "label", "help", "run", NULL };
    lhost *h = ldecl_host(L, "action{}");
    scen *sc = &h->sc;
    lh_load *ld = &h->ld;
    dctx d;
    if (!d_begin(&d, h, L, "action"))
        return 0;
    const char *id = d_id(&d, "id", true);
    d.id = id;
    if (!id)
        return 0;
    d_keys(&d, keys);
    int i = scen_action_find(sc, id);
    bool fresh = i < 0;
    if (!fresh && !(ld->ax[i].std && !h->in_stdlib)) {
        d_unique(&d, i, sc->actions[i].pos.line);
        return 0;
    }
    if (fresh) {
        lh_action_x *x = lh_push(L, &ld->ax, &ld->nax, &ld->cap_ax, sizeof *x);
        x->std = h->in_stdlib;
        scen_action *a = lh_push(L, &sc->actions, &sc->nactions, &ld->cap_actions, sizeof *a);
        a->id = lh_strdup(L, id, strlen(id));
        i = sc->nactions - 1;
    }
    ld->ax[i].std = fresh && h->in_stdlib;
    sc->actions[i].pos.line = d.line;
    action_fields(&d, &sc->actions[i], &ld->ax[i], fresh);
    return 0;
}

/* ---- recipient{}, fact{}, audience{}, support{} ------------------------- */

static const char *const named_kinds[NK_COUNT] = { "recipient", "fact", "audience", "support" };

static void named_array(scen *sc, int k, scen_named ***arr, int **n)
{
    switch (k) {
    case NK_RECIPIENT: *arr = &sc->recipients; *n = &sc->nrecipients; break;
    case NK_FACT: *arr = &sc->facts; *n = &sc->nfacts; break;
    case NK_AUDIENCE: *arr = &sc->audiences; *n = &sc->naudiences; break;
    default: *arr = &sc->supports; *n = &sc->nsupports; break;
    }
}

static int l_named(lua_State *L)
{
    static const char *const whats[NK_COUNT] = { "recipient{}", "fact{}", "audience{}",
                                                 "support{}" };
    static const char *const keys[] = { "id", "name", "deadline", NULL };
    static const char *const keys_nd[] = { "id", "name", NULL };
    int k = (int)lua_tointeger(L, lua_upvalueindex(2));
    lhost *h = ldecl_host(L, whats[k]);
    lh_load *ld = &h->ld;
    dctx d;
    if (!d_begin(&d, h, L, named_kinds[k]))
        return 0;
    const char *id = d_id(&d, "id", true);
    d.id = id;
    if (!id)
        return 0;
    d_keys(&d, k == NK_RECIPIENT ? keys : keys_nd);
    scen_named **arr;
    int *n;
    named_array(&h->sc, k, &arr, &n);
    int i = scen_named_find(*arr, *n, id);
    bool fresh = i < 0;
    /* A scenario may redeclare a standard id once, to rename it or change
     * its deadline; anything else is a duplicate. */
    if (!fresh && !(ld->named_std[k][i] && !h->in_stdlib)) {
        d_problem(&d, "duplicate %s id", named_kinds[k]);
        return 0;
    }
    if (fresh) {
        bool *std = lh_push(L, &ld->named_std[k], &ld->nnamed_std[k], &ld->cap_named_std[k],
                            sizeof *std);
        *std = h->in_stdlib;
        scen_named *nm = lh_push(L, arr, n, &ld->cap_named[k], sizeof *nm);
        nm->id = lh_strdup(L, id, strlen(id));
        nm->deadline_minutes = k == NK_RECIPIENT ? 7200 : 0;
        i = *n - 1;
    }
    ld->named_std[k][i] = fresh && h->in_stdlib;
    d_text(&d, "name", &(*arr)[i].name, fresh);
    if (k == NK_RECIPIENT)
        d_int(&d, "deadline", 0, 10000000, &(*arr)[i].deadline_minutes, false);
    return 0;
}

/* ---- the load-time guards and registration ------------------------------ */

/* A global `w` that explains itself: the world exists only in hooks, as
 * their first argument. */
static int l_w_trap(lua_State *L)
{
    return luaL_error(L, "w is only available inside hooks (functions the engine calls "
                      "receive it as their first argument)");
}

static void register_w_trap(lua_State *L)
{
    lua_newtable(L);                       /* w */
    lua_createtable(L, 0, 3);              /* its metatable */
    lua_pushcfunction(L, l_w_trap);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, l_w_trap);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    ldecl_set_global(L, "w");
}

void ldecl_set_global(lua_State *L, const char *name)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    lua_pushstring(L, name);
    lua_pushvalue(L, -3);
    lua_rawset(L, -3);
    lua_pop(L, 2);
}

void ldecl_set_closure(lua_State *L, lhost *h, const char *name, lua_CFunction f)
{
    lua_pushlightuserdata(L, h);
    lua_pushcclosure(L, f, 1);
    ldecl_set_global(L, name);
}

void ldecl_register(lua_State *L, lhost *h)
{
    register_w_trap(L);
    if (h->replaying) {
        ldecl_register_replay(L, h);
        return;
    }
    static const luaL_Reg fns[] = {
        { "scenario", l_scenario }, { "role", l_role }, { "asset", l_asset },
        { "link", l_link }, { "action", l_action }, { NULL, NULL },
    };
    for (const luaL_Reg *f = fns; f->name; f++)
        ldecl_set_closure(L, h, f->name, f->func);
    for (int k = 0; k < NK_COUNT; k++) {
        lua_pushlightuserdata(L, h);
        lua_pushinteger(L, k);
        lua_pushcclosure(L, l_named, 2);
        ldecl_set_global(L, named_kinds[k]);
    }
    ldecl_register_score(L, h);
}
