/*
 * sbx_string.c - the sandbox's guards on the real string table (strings'
 * metatable __index leads here): the pattern functions, string.rep and
 * string.format. Part of the sandbox; the contract is in sandbox.h.
 */
#include "engine/sandbox.h"
#include "engine/sbx_int.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Pattern guards                                                     */
/* ------------------------------------------------------------------ */
/*
 * Lua's matcher backtracks in C where no hook reaches. Before handing a
 * call over we bound its worst case, working right to left over the items:
 *   plain item, %f, anchor '$'     cost = 1 + rest
 *   %bxy, back-reference %1..%9    cost = n + rest      (may scan the subject)
 *   x? not last                    cost = 1 + 2 * rest
 *   x*, x+, x- not last            cost = r + (r + 1) * rest
 * where r is the longest run of subject bytes that class x matches (first
 * assumed to be n, measured only when that guess is too high). A last item
 * succeeds as soon as it is reached, so it adds no factor. The total is
 * (start positions) * cost + n, with one start when anchored by '^'.
 */

enum { PI_SINGLE, PI_FIXED, PI_SCAN };

typedef struct pat_item {
    unsigned char kind;
    char quant;                 /* 0, '*', '+', '-' or '?' */
    unsigned short cls, cls_end; /* the class, as offsets in the pattern */
    double run;
} pat_item;

static int class_letter(int c, int cl)
{
    int r;
    switch (tolower(cl)) {
    case 'a': r = isalpha(c); break;
    case 'c': r = iscntrl(c); break;
    case 'd': r = isdigit(c); break;
    case 'g': r = isgraph(c); break;
    case 'l': r = islower(c); break;
    case 'p': r = ispunct(c); break;
    case 's': r = isspace(c); break;
    case 'u': r = isupper(c); break;
    case 'w': r = isalnum(c); break;
    case 'x': r = isxdigit(c); break;
    default: return cl == c;
    }
    if (isupper(cl))
        r = !r;
    return r != 0;
}

/* p is at '[', close at the matching ']'; same rules as lstrlib. */
static int class_set(int c, const char *p, const char *close)
{
    int yes = 1;
    p++;
    if (*p == '^') {
        yes = 0;
        p++;
    }
    while (p < close) {
        if (*p == '%') {
            p++;
            if (class_letter(c, (unsigned char)*p))
                return yes;
            p++;
        } else if (p[1] == '-' && p + 2 < close) {
            if ((unsigned char)p[0] <= c && c <= (unsigned char)p[2])
                return yes;
            p += 3;
        } else {
            if ((unsigned char)*p == c)
                return yes;
            p++;
        }
    }
    return !yes;
}

static int class_has(int c, const char *p, const char *end)
{
    switch (*p) {
    case '.': return 1;
    case '%': return class_letter(c, (unsigned char)p[1]);
    case '[': return class_set(c, p, end - 1);
    default: return (unsigned char)*p == c;
    }
}

/* End of the single-character class at p; malformed patterns raise here,
 * since the matcher would only notice after the work we want to avoid. */
static const char *class_end(lua_State *L, const char *p, const char *end)
{
    char c = *p++;
    if (c == '%') {
        if (p >= end)
            luaL_error(L, "malformed pattern (ends with '%%')");
        return p + 1;
    }
    if (c == '[') {
        if (p < end && *p == '^')
            p++;
        do {
            if (p >= end)
                luaL_error(L, "malformed pattern (missing ']')");
            c = *p++;
            if (c == '%' && p < end)
                p++;
        } while (p >= end || *p != ']');
        return p + 1;
    }
    return p;
}

static int is_quant(const char *p, const char *end)
{
    return p < end && (*p == '*' || *p == '+' || *p == '-' || *p == '?');
}

static int pat_parse(lua_State *L, const char *pat, const char *p, const char *end,
                     pat_item *it)
{
    int n = 0;
    while (p < end) {
        pat_item cur = {PI_FIXED, 0, 0, 0, 0};
        if (*p == '(' || *p == ')') {
            p++;
            continue;
        }
        if (*p == '$' && p + 1 == end) {
            p++;
        } else if (*p == '%' && p + 1 < end && p[1] == 'b') {
            if (p + 3 >= end)
                luaL_error(L, "malformed pattern (missing arguments to '%%b')");
            cur.kind = PI_SCAN;
            p += 4;
        } else if (*p == '%' && p + 1 < end && p[1] == 'f') {
            p += 2;
            if (p >= end || *p != '[')
                luaL_error(L, "missing '[' after '%%f' in pattern");
            p = class_end(L, p, end);
        } else if (*p == '%' && p + 1 < end && isdigit((unsigned char)p[1])) {
            cur.kind = PI_SCAN;
            p += 2;
        } else {
            cur.kind = PI_SINGLE;
            cur.cls = (unsigned short)(p - pat);
            p = class_end(L, p, end);
            cur.cls_end = (unsigned short)(p - pat);
            if (is_quant(p, end))
                cur.quant = *p++;
        }
        it[n++] = cur;
    }
    return n;
}

static double pat_cost(pat_item *it, int n, double len, int anchored)
{
    double c = 1;
    for (int i = n - 1; i >= 0; i--) {
        const pat_item *x = &it[i];
        if (x->kind == PI_SCAN)
            c = len + c;
        else if (x->kind == PI_FIXED || !x->quant || i == n - 1)
            c = 1 + c;
        else if (x->quant == '?')
            c = 1 + 2 * c;
        else
            c = x->run + (x->run + 1) * c;
    }
    return (anchored ? 1 : len + 1) * c + len;
}

/* Measure the longest run of each backtracking class in one pass. */
static void pat_runs(const char *pat, const unsigned char *s, size_t n, pat_item *it,
                     int count)
{
    unsigned char tab[SBX_PAT_RUN_CLASSES][256];
    size_t cur[SBX_PAT_RUN_CLASSES] = {0}, best[SBX_PAT_RUN_CLASSES] = {0};
    int which[SBX_PAT_RUN_CLASSES], k = 0;
    for (int i = 0; i < count - 1 && k < SBX_PAT_RUN_CLASSES; i++) {
        const char *cp = pat + it[i].cls;
        if (it[i].kind != PI_SINGLE || !it[i].quant || it[i].quant == '?' || *cp == '.')
            continue;
        for (int c = 0; c < 256; c++)
            tab[k][c] = (unsigned char)class_has(c, cp, pat + it[i].cls_end);
        which[k++] = i;
    }
    for (size_t pos = 0; pos < n; pos++) {
        for (int j = 0; j < k; j++) {
            if (tab[j][s[pos]]) {
                if (++cur[j] > best[j])
                    best[j] = cur[j];
            } else {
                cur[j] = 0;
            }
        }
    }
    for (int j = 0; j < k; j++)
        it[which[j]].run = (double)best[j];
}

static int has_specials(const char *p, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (p[i] && strchr("^$*+?.([%-", p[i]))
            return 1;
    return 0;
}

static void too_complex(lua_State *L, const char *fname, size_t n)
{
    luaL_error(L, "string.%s: pattern too complex for a subject of %I bytes", fname,
               (lua_Integer)n);
}

/* Raise unless (subject, pattern) at arguments 1 and 2 is safe to match;
 * charge the estimate. literal_ok: a literal pattern goes to memcmp. */
static void guard_pattern(lua_State *L, const char *fname, int anchor_ok, int literal_ok)
{
    sbx *s = sbx_from_state(L);
    size_t n, m;
    const char *subj = luaL_checklstring(L, 1, &n);
    const char *pat = luaL_checklstring(L, 2, &m);
    double cost;
    if (n > SBX_PAT_SUBJECT_MAX)
        luaL_error(L, "string.%s: subject too long (%I bytes; limit 1 MiB)", fname,
                   (lua_Integer)n);
    if (literal_ok && (lua_toboolean(L, 4) || !has_specials(pat, m))) {
        /* lmemfind: memchr, then memcmp at each candidate start. */
        double starts = m <= n ? (double)(n - m) + 1 : 0;
        cost = (starts * ((double)m + 1) + (double)n) / 16;
        if (cost > SBX_PAT_COST_MAX)
            too_complex(L, fname, n);
    } else {
        pat_item it[SBX_PAT_PATTERN_MAX];
        const char *p = pat;
        int anchored = 0, count;
        if (m > SBX_PAT_PATTERN_MAX)
            luaL_error(L, "string.%s: pattern too long (%I bytes; limit %d)", fname,
                       (lua_Integer)m, SBX_PAT_PATTERN_MAX);
        if (anchor_ok && m > 0 && *p == '^') {
            anchored = 1;
            p++;
        }
        count = pat_parse(L, pat, p, pat + m, it);
        for (int i = 0; i < count; i++)
            it[i].run = (double)n;
        cost = pat_cost(it, count, (double)n, anchored);
        if (cost > SBX_PAT_COST_MAX) {
            pat_runs(pat, (const unsigned char *)subj, n, it, count);
            sbx_charge(L, s, n / 16);
            cost = pat_cost(it, count, (double)n, anchored);
            if (cost > SBX_PAT_COST_MAX)
                too_complex(L, fname, n);
        }
    }
    sbx_charge(L, s, (uint64_t)(cost / 16) + 1);
}

static int sb_find(lua_State *L)
{
    guard_pattern(L, "find", 1, 1);
    return sbx_from_state(L)->find(L);
}

static int sb_match(lua_State *L)
{
    guard_pattern(L, "match", 1, 0);
    return sbx_from_state(L)->match(L);
}

/* Checked once, at creation: the iterator's total work is bounded by the
 * same estimate since each match starts where the last one ended. */
static int sb_gmatch(lua_State *L)
{
    guard_pattern(L, "gmatch", 0, 0);
    return sbx_from_state(L)->gmatch(L);
}

static int sb_gsub(lua_State *L)
{
    guard_pattern(L, "gsub", 1, 0);
    return sbx_from_state(L)->gsub(L);
}

/* ------------------------------------------------------------------ */
/* rep and format                                                     */
/* ------------------------------------------------------------------ */

/* The empty case returns at once: lstrlib would loop n times in C. */
static int sb_rep(lua_State *L)
{
    sbx *s = sbx_from_state(L);
    size_t l, lsep;
    luaL_checklstring(L, 1, &l);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &lsep);
    if (n <= 0 || (l == 0 && lsep == 0)) {
        lua_pushliteral(L, "");
        return 1;
    }
    double total = (double)l * (double)n + (double)lsep * (double)(n - 1);
    if (total > (double)SBX_REP_MAX) {
        char num[48];
        snprintf(num, sizeof num, "%.0f", total);
        return luaL_error(L, "string.rep: result of %s bytes is over the size limit (16 MiB)",
                          num);
    }
    sbx_charge(L, s, (uint64_t)(total / 16) + 1);
    return s->rep(L);
}

/* %p prints addresses, which differ between runs; %s of a table would too
 * (through luaL_tolstring), so such arguments go through our tostring. */
static int sb_format(lua_State *L)
{
    size_t len;
    const char *f = luaL_checklstring(L, 1, &len), *end = f + len;
    int arg = 1, top = lua_gettop(L);
    while (f < end) {
        if (*f++ != '%')
            continue;
        if (f < end && *f == '%') {
            f++;
            continue;
        }
        while (f < end && *f && strchr("-+ #0", *f))
            f++;
        while (f < end && isdigit((unsigned char)*f))
            f++;
        if (f < end && *f == '.')
            for (f++; f < end && isdigit((unsigned char)*f); f++)
                ;
        if (f >= end)
            break;
        arg++;
        if (*f == 'p')
            return luaL_error(L, "string.format: '%%p' is not allowed (addresses differ between runs)");
        if (*f == 's' && arg <= top) {
            int t = lua_type(L, arg);
            if (t != LUA_TSTRING && t != LUA_TNUMBER) {
                sbx_push_safe_tostring(L, arg);
                lua_replace(L, arg);
            }
        }
        f++;
    }
    return sbx_from_state(L)->format(L);
}

/* The real string table: strings' metatable __index leads here. */
void sbx_string_install(lua_State *L, sbx *s, int g)
{
    lua_getfield(L, g, LUA_STRLIBNAME);
    int t = lua_gettop(L);
    sbx_lib_drop(L, t, "dump");
    s->find = sbx_lib_swap(L, t, "find", sb_find);
    s->match = sbx_lib_swap(L, t, "match", sb_match);
    s->gmatch = sbx_lib_swap(L, t, "gmatch", sb_gmatch);
    s->gsub = sbx_lib_swap(L, t, "gsub", sb_gsub);
    s->rep = sbx_lib_swap(L, t, "rep", sb_rep);
    s->format = sbx_lib_swap(L, t, "format", sb_format);
    lua_pop(L, 1);
}
