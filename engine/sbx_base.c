/*
 * sbx_base.c - the sandbox's replacements for base library functions
 * (setmetatable, getmetatable, tostring, pairs in a defined order), its
 * guards on table.insert/remove/move/sort/concat, and math.random from the
 * session generator. Part of the sandbox; the contract is in sandbox.h.
 */
#include "engine/sandbox.h"
#include "engine/sbx_int.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Base library replacements                                          */
/* ------------------------------------------------------------------ */

/* __gc runs with hooks off (a looping finalizer hangs lua_close) and
 * __close drives the nested-close crash of Lua 5.4.4. */
static int sb_setmetatable(lua_State *L)
{
    int t = lua_type(L, 2);
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
    if (t == LUA_TTABLE) {
        static const char *const banned[] = {"__gc", "__close"};
        for (size_t i = 0; i < sizeof banned / sizeof banned[0]; i++) {
            lua_pushstring(L, banned[i]);
            int ft = lua_rawget(L, 2);   /* raw, as Lua itself looks them up */
            lua_pop(L, 1);
            if (ft != LUA_TNIL)
                return luaL_error(L, "%s is not allowed in scenarios", banned[i]);
        }
    }
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, "cannot change a protected metatable");
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

/* Only tables: the string metatable leads to the real string table. */
static int sb_getmetatable(lua_State *L)
{
    luaL_checkany(L, 1);
    if (!lua_istable(L, 1) || !lua_getmetatable(L, 1)) {
        lua_pushnil(L);
        return 1;
    }
    lua_pushliteral(L, "__metatable");
    if (lua_rawget(L, -2) == LUA_TNIL)
        lua_pop(L, 1);
    return 1;
}

/* tostring without addresses: __tostring (whose result must be a string),
 * else __name, else the type name for reference types. */
const char *sbx_push_safe_tostring(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    if (luaL_callmeta(L, idx, "__tostring")) {
        if (lua_type(L, -1) != LUA_TSTRING)
            luaL_error(L, "'__tostring' must return a string");
        return lua_tostring(L, -1);
    }
    switch (lua_type(L, idx)) {
    case LUA_TNIL:
    case LUA_TBOOLEAN:
    case LUA_TNUMBER:
    case LUA_TSTRING:
        return luaL_tolstring(L, idx, NULL);
    default: {
        int t = luaL_getmetafield(L, idx, "__name");
        if (t == LUA_TSTRING)
            return lua_tostring(L, -1);
        if (t != LUA_TNIL)
            lua_pop(L, 1);
        lua_pushstring(L, luaL_typename(L, idx));
        return lua_tostring(L, -1);
    }
    }
}

static int sb_tostring(lua_State *L)
{
    luaL_checkany(L, 1);
    sbx_charge(L, sbx_from_state(L), 1);
    sbx_push_safe_tostring(L, 1);
    return 1;
}

/* --- pairs in a defined order ------------------------------------- */

enum { KEY_NUMBER, KEY_STRING, KEY_BOOLEAN, KEY_OTHER };

/* 24 bytes a key: pairs over a big table must fit under the memory cap. */
typedef struct key_rec {
    size_t len;            /* string length */
    union {
        lua_Integer i;     /* integer key, or boolean as 0/1 */
        lua_Number f;      /* float key */
        const char *s;     /* string key, kept alive by the keys table */
    } u;
    uint32_t pos;          /* place in traversal order, 1-based; 0 = placed */
    unsigned char cls, is_int;
} key_rec;

static int cmp_int_float(lua_Integer i, lua_Number f)
{
    /* Float keys are never integral (Lua normalises those) nor NaN. */
    if (f >= 0x1p63)
        return -1;
    if (f < -0x1p63)
        return 1;
    lua_Number fl = floor(f);
    lua_Integer fi = (lua_Integer)fl;
    if (i != fi)
        return i < fi ? -1 : 1;
    return f > fl ? -1 : 0;
}

static int cmp_numbers(const key_rec *a, const key_rec *b)
{
    if (a->is_int && b->is_int)
        return (a->u.i > b->u.i) - (a->u.i < b->u.i);
    if (!a->is_int && !b->is_int)
        return (a->u.f > b->u.f) - (a->u.f < b->u.f);
    if (a->is_int)
        return cmp_int_float(a->u.i, b->u.f);
    return -cmp_int_float(b->u.i, a->u.f);
}

/* A total order: keys of other types keep their traversal order. */
static int cmp_keys(const key_rec *a, const key_rec *b)
{
    if (a->cls != b->cls)
        return a->cls < b->cls ? -1 : 1;
    switch (a->cls) {
    case KEY_NUMBER:
        return cmp_numbers(a, b);
    case KEY_STRING: {
        size_t n = a->len < b->len ? a->len : b->len;
        int c = n ? memcmp(a->u.s, b->u.s, n) : 0;
        if (c)
            return c < 0 ? -1 : 1;
        return (a->len > b->len) - (a->len < b->len);
    }
    case KEY_BOOLEAN:
        return (a->u.i > b->u.i) - (a->u.i < b->u.i);
    default:
        return (a->pos > b->pos) - (a->pos < b->pos);
    }
}

static void sift_down(key_rec *a, size_t root, size_t n)
{
    for (;;) {
        size_t child = 2 * root + 1;
        if (child >= n)
            return;
        if (child + 1 < n && cmp_keys(&a[child], &a[child + 1]) < 0)
            child++;
        if (cmp_keys(&a[root], &a[child]) >= 0)
            return;
        key_rec t = a[root];
        a[root] = a[child];
        a[child] = t;
        root = child;
    }
}

/* Heapsort: n log n in every case and no scratch memory. */
static void sort_recs(key_rec *a, size_t n)
{
    for (size_t i = n / 2; i-- > 0;)
        sift_down(a, i, n);
    for (size_t end = n; end-- > 1;) {
        key_rec t = a[0];
        a[0] = a[end];
        a[end] = t;
        sift_down(a, 0, end);
    }
}

static void fill_rec(lua_State *L, key_rec *r, uint32_t pos)
{
    memset(r, 0, sizeof *r);
    r->pos = pos;
    switch (lua_type(L, -1)) {
    case LUA_TNUMBER:
        r->cls = KEY_NUMBER;
        r->is_int = (unsigned char)lua_isinteger(L, -1);
        if (r->is_int)
            r->u.i = lua_tointeger(L, -1);
        else
            r->u.f = lua_tonumber(L, -1);
        break;
    case LUA_TSTRING:
        r->cls = KEY_STRING;
        r->u.s = lua_tolstring(L, -1, &r->len);
        break;
    case LUA_TBOOLEAN:
        r->cls = KEY_BOOLEAN;
        r->u.i = lua_toboolean(L, -1);
        break;
    default:
        r->cls = KEY_OTHER;
        break;
    }
}

/* Reorder the keys table at index 2 so that slot k holds the key that was
 * at r[k].pos, following each cycle of the permutation. Only existing
 * slots are written, so nothing allocates and every key stays referenced
 * (the one displaced per cycle sits on the stack). */
static void permute_keys(lua_State *L, key_rec *r, size_t n)
{
    for (size_t j = 0; j < n; j++) {
        if (r[j].pos == 0)
            continue;
        lua_rawgeti(L, 2, (lua_Integer)j + 1);
        size_t k = j;
        for (;;) {
            size_t src = r[k].pos;
            r[k].pos = 0;
            if (src == j + 1)
                break;
            lua_rawgeti(L, 2, (lua_Integer)src);
            lua_rawseti(L, 2, (lua_Integer)k + 1);
            k = src - 1;
        }
        lua_rawseti(L, 2, (lua_Integer)k + 1);
    }
}

/* Sort the keys table at index 2 (traversal order) in place. */
static void sort_keys(lua_State *L, sbx *s, lua_Integer n)
{
    size_t un = (size_t)n, log2n = 1;
    if (n > (lua_Integer)UINT32_MAX || un > ((size_t)-1) / sizeof(key_rec))
        luaL_error(L, "table too large to iterate");
    while (((size_t)1 << log2n) < un)
        log2n++;
    sbx_charge(L, s, (uint64_t)un * log2n);
    key_rec *r = lua_newuserdatauv(L, un * sizeof *r, 0);
    for (size_t j = 0; j < un; j++) {
        lua_rawgeti(L, 2, (lua_Integer)j + 1);
        fill_rec(L, &r[j], (uint32_t)(j + 1));
        lua_pop(L, 1);
    }
    sort_recs(r, un);
    permute_keys(L, r, un);
    lua_settop(L, 2);
}

/* Upvalues: sorted keys, position, the table. Keys whose value became nil
 * during the loop are skipped, as next would. */
static int pairs_step(lua_State *L)
{
    lua_Integer i = lua_tointeger(L, lua_upvalueindex(2));
    for (;;) {
        if (lua_rawgeti(L, lua_upvalueindex(1), ++i) == LUA_TNIL) {
            lua_pushinteger(L, i - 1);
            lua_replace(L, lua_upvalueindex(2));
            return 1;
        }
        lua_pushvalue(L, -1);
        if (lua_rawget(L, lua_upvalueindex(3)) != LUA_TNIL) {
            lua_pushinteger(L, i);
            lua_replace(L, lua_upvalueindex(2));
            return 2;
        }
        lua_pop(L, 2);
    }
}

/* Hash order depends on a per-state seed; scenarios must replay exactly.
 * __pairs is ignored: traversal is always raw. */
static int sb_pairs(lua_State *L)
{
    sbx *s = sbx_from_state(L);
    lua_Integer n = 0;
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    lua_newtable(L);
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        lua_pop(L, 1);
        lua_pushvalue(L, -1);
        lua_rawseti(L, 2, ++n);
    }
    sbx_charge(L, s, (uint64_t)n + 1);
    if (n > 1)
        sort_keys(L, s, n);
    lua_pushinteger(L, 0);
    lua_pushvalue(L, 1);
    lua_pushcclosure(L, pairs_step, 3);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

/* next(t, k) in the order pairs uses: numbers ascending, then strings
 * bytewise, then booleans, then keys of other types in traversal order.
 * Lua's own next follows the hash layout, which depends on a per-state
 * seed, so a scenario using it would not replay. The successor of k is
 * found by one scan of the table (a loop over n keys costs n^2 units of
 * the budget); a key that is not in the table raises, as next does, only
 * when it is of another type. */
static int next_other(lua_State *L, bool from_start)
{
    /* The first key of another type after the one at index 2 (or the
     * first of all), in traversal order. */
    if (from_start) {
        lua_pushnil(L);
    } else {
        lua_pushvalue(L, 2);
    }
    while (lua_next(L, 1)) {
        key_rec r;
        lua_pushvalue(L, -2);
        fill_rec(L, &r, 0);
        lua_pop(L, 1);
        if (r.cls == KEY_OTHER)
            return 2;
        lua_pop(L, 1);
    }
    lua_pushnil(L);
    return 1;
}

static int sb_next(lua_State *L)
{
    sbx *s = sbx_from_state(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 2);
    key_rec k;
    bool from_start = lua_isnil(L, 2);
    if (!from_start) {
        lua_pushvalue(L, 2);
        fill_rec(L, &k, 0);
        lua_pop(L, 1);
        if (k.cls == KEY_OTHER)
            return next_other(L, false);
    }
    key_rec best;
    bool found = false;
    uint64_t n = 0;
    lua_pushnil(L);                        /* 3: the best key so far */
    lua_pushnil(L);                        /* 4: lua_next's key */
    while (lua_next(L, 1)) {
        lua_pop(L, 1);
        n++;
        key_rec r;
        fill_rec(L, &r, 0);
        if (r.cls == KEY_OTHER || (!from_start && cmp_keys(&r, &k) <= 0))
            continue;
        if (!found || cmp_keys(&r, &best) < 0) {
            best = r;                      /* its string stays alive in slot 3 */
            found = true;
            lua_pushvalue(L, 4);
            lua_replace(L, 3);
        }
    }
    sbx_charge(L, s, n + 1);
    if (!found)
        return next_other(L, true);
    lua_pushvalue(L, 3);
    lua_pushvalue(L, 3);
    lua_rawget(L, 1);
    return 2;
}

void sbx_base_install(lua_State *L, int g)
{
    static const char *const gone[] = {"dofile", "loadfile", "load", "collectgarbage",
                                       "print", "warn"};
    for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++)
        sbx_lib_drop(L, g, gone[i]);
    sbx_lib_put(L, g, "setmetatable", sb_setmetatable);
    sbx_lib_put(L, g, "getmetatable", sb_getmetatable);
    sbx_lib_put(L, g, "tostring", sb_tostring);
    sbx_lib_put(L, g, "pairs", sb_pairs);
    sbx_lib_put(L, g, "next", sb_next);
}

/* ------------------------------------------------------------------ */
/* Table guards                                                       */
/* ------------------------------------------------------------------ */
/*
 * insert, remove, move, sort and concat loop in C over lengths that a
 * border trick ({1, [2]=1, [4]=1, ..., [2^40]=1} has length 2^40) or a
 * __len metamethod can make huge, so the spans are capped and charged.
 * lstrlib reads the length itself; with a __len metamethod the second read
 * could differ from the one checked here, so such tables are refused.
 */

static lua_Integer checked_len(lua_State *L, const char *fname)
{
    if (luaL_getmetafield(L, 1, "__len") != LUA_TNIL)
        luaL_error(L, "table.%s: tables with a __len metamethod are not supported", fname);
    return (lua_Integer)lua_rawlen(L, 1);
}

static void check_span(lua_State *L, const char *fname, lua_Integer span)
{
    if (span > SBX_SPAN_MAX)
        luaL_error(L, "table.%s: %I elements is over the limit of %I", fname, span,
                   SBX_SPAN_MAX);
    if (span > 0)
        sbx_charge(L, sbx_from_state(L), (uint64_t)span);
}

static int sb_tinsert(lua_State *L)
{
    if (lua_istable(L, 1)) {
        lua_Integer n = checked_len(L, "insert");
        int isint = 0;
        lua_Integer pos = lua_gettop(L) == 3 ? lua_tointegerx(L, 2, &isint) : 0;
        if (isint) {
            if (pos >= 1 && pos <= n)
                check_span(L, "insert", n - pos + 1);
        }
    }
    return sbx_from_state(L)->tinsert(L);
}

static int sb_tremove(lua_State *L)
{
    if (lua_istable(L, 1)) {
        lua_Integer n = checked_len(L, "remove");
        lua_Integer pos = luaL_optinteger(L, 2, n);
        if (pos >= 1 && pos <= n)
            check_span(L, "remove", n - pos);
    }
    return sbx_from_state(L)->tremove(L);
}

static int sb_tmove(lua_State *L)
{
    lua_Integer f = luaL_checkinteger(L, 2), e = luaL_checkinteger(L, 3);
    if (e >= f) {
        lua_Unsigned span = (lua_Unsigned)e - (lua_Unsigned)f + 1u;
        check_span(L, "move", span > (lua_Unsigned)SBX_SPAN_MAX ? SBX_SPAN_MAX + 1
                                                                : (lua_Integer)span);
    }
    return sbx_from_state(L)->tmove(L);
}

static int sb_tsort(lua_State *L)
{
    if (lua_istable(L, 1)) {
        lua_Integer n = checked_len(L, "sort");
        check_span(L, "sort", n);
        if (n > 1) {
            uint64_t log2n = 1;
            while (((lua_Integer)1 << log2n) < n)
                log2n++;
            sbx_charge(L, sbx_from_state(L), (uint64_t)n * log2n);
        }
    }
    return sbx_from_state(L)->tsort(L);
}

static int sb_tconcat(lua_State *L)
{
    if (lua_istable(L, 1)) {
        lua_Integer i = luaL_optinteger(L, 3, 1);
        lua_Integer j = lua_isnoneornil(L, 4) ? checked_len(L, "concat")
                                              : luaL_checkinteger(L, 4);
        if (j >= i) {
            lua_Unsigned span = (lua_Unsigned)j - (lua_Unsigned)i + 1u;
            check_span(L, "concat", span > (lua_Unsigned)SBX_SPAN_MAX ? SBX_SPAN_MAX + 1
                                                                      : (lua_Integer)span);
        }
    }
    return sbx_from_state(L)->tconcat(L);
}

void sbx_table_install(lua_State *L, sbx *s, int g)
{
    lua_getfield(L, g, LUA_TABLIBNAME);
    int t = lua_gettop(L);
    s->tinsert = sbx_lib_swap(L, t, "insert", sb_tinsert);
    s->tremove = sbx_lib_swap(L, t, "remove", sb_tremove);
    s->tmove = sbx_lib_swap(L, t, "move", sb_tmove);
    s->tsort = sbx_lib_swap(L, t, "sort", sb_tsort);
    s->tconcat = sbx_lib_swap(L, t, "concat", sb_tconcat);
    lua_pop(L, 1);
}

/* ------------------------------------------------------------------ */
/* math.random from the session generator                             */
/* ------------------------------------------------------------------ */

/* Uniform in [0, lim]: mask to the next power of two and reject, which
 * favours no value; a generator stuck on rejected values falls back to a
 * remainder after 64 draws rather than hang. */
static uint64_t pick(sbx *s, uint64_t r, uint64_t lim)
{
    uint64_t mask = lim;
    mask |= mask >> 1;
    mask |= mask >> 2;
    mask |= mask >> 4;
    mask |= mask >> 8;
    mask |= mask >> 16;
    mask |= mask >> 32;
    for (int tries = 0; (r & mask) > lim; tries++) {
        if (tries == 64)
            return (r & mask) % (lim + 1);
        r = s->rng.next(s->rng.ctx);
    }
    return r & mask;
}

static int sb_random(lua_State *L)
{
    sbx *s = sbx_from_state(L);
    lua_Integer lo, up;
    if (!s->rng.next)
        return luaL_error(L, "math.random is not available (no random source)");
    switch (lua_gettop(L)) {
    case 0:
        lua_pushnumber(L, (lua_Number)(s->rng.next(s->rng.ctx) >> 11) * 0x1.0p-53);
        return 1;
    case 1:
        lo = 1;
        up = luaL_checkinteger(L, 1);
        break;
    case 2:
        lo = luaL_checkinteger(L, 1);
        up = luaL_checkinteger(L, 2);
        break;
    default:
        return luaL_error(L, "wrong number of arguments");
    }
    luaL_argcheck(L, lo <= up, lua_gettop(L), "interval is empty");
    uint64_t r = pick(s, s->rng.next(s->rng.ctx), (lua_Unsigned)up - (lua_Unsigned)lo);
    lua_pushinteger(L, (lua_Integer)((lua_Unsigned)lo + r));
    return 1;
}

void sbx_math_install(lua_State *L, int g)
{
    lua_getfield(L, g, LUA_MATHLIBNAME);
    sbx_lib_drop(L, lua_gettop(L), "randomseed");
    sbx_lib_put(L, lua_gettop(L), "random", sb_random);
    lua_pop(L, 1);
}
