/*
 * sandbox.c - a hardened Lua 5.4 state; the contract is in sandbox.h.
 *
 * Limits at a glance (each is a compile-time constant in sbx_int.h):
 *   memory      the allocator refuses growth past the cap (default 64 MiB);
 *   budget      work units per sbx_pcall (default 10 million): one per VM
 *               instruction (count hook, every SBX_HOOK_GRAIN), plus charges
 *               for work done in C that no hook sees (bytes allocated / 64,
 *               keys sorted by pairs, elements shifted by table functions,
 *               the estimated steps of a pattern match, bytes made by rep);
 *   wall clock  checked every ~1000 units (default 2000 ms);
 *   patterns    subject <= 1 MiB, pattern <= 512 bytes, estimated steps
 *               <= SBX_PAT_COST_MAX;
 *   rep         result <= 16 MiB;
 *   table.*     at most 16 Mi elements shifted, moved, sorted or joined.
 *
 * Once the budget or the clock runs out the sandbox is "exhausted" until the
 * outermost sbx_pcall returns: the hook fires at every instruction and
 * raises again, every charge raises, and the allocator refuses to grow, so
 * neither a script's own pcall nor a long C call can keep it going.
 *
 * The guards themselves live beside this file: sbx_base.c (base library,
 * table.*, math.random) and sbx_string.c (the string table); sbx_int.h
 * holds what the parts share. This file keeps the state, the allocator,
 * the budget and its hook, messages, sbx_pcall/sbx_protect, sbx_load and
 * the set-up that puts the guards in place.
 */
#include "engine/sandbox.h"
#include "engine/sbx_int.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ------------------------------------------------------------------ */
/* Messages                                                           */
/* ------------------------------------------------------------------ */

/* A truncated message must not end inside a UTF-8 sequence. */
static void trim_utf8_tail(char *buf)
{
    size_t n = strlen(buf), k = n;
    while (k > 0 && ((unsigned char)buf[k - 1] & 0xC0) == 0x80)
        k--;
    if (k > 0 && (unsigned char)buf[k - 1] >= 0xC0) {
        unsigned char lead = (unsigned char)buf[k - 1];
        size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        if (n - (k - 1) < want)
            buf[k - 1] = '\0';
    }
}

static void set_err(sbx *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->errbuf, sizeof s->errbuf, fmt, ap);
    va_end(ap);
    trim_utf8_tail(s->errbuf);
}

/* "64 MiB" when the cap is a round number, bytes otherwise. */
static void format_size(char *buf, size_t sz, size_t bytes)
{
    if (bytes >= ((size_t)1 << 20) && bytes % ((size_t)1 << 20) == 0)
        snprintf(buf, sz, "%zu MiB", bytes >> 20);
    else if (bytes >= 1024 && bytes % 1024 == 0)
        snprintf(buf, sz, "%zu KiB", bytes >> 10);
    else
        snprintf(buf, sz, "%zu bytes", bytes);
}

/* What to say about a refused allocation. */
static void memory_reason(const sbx *s, char *buf, size_t sz)
{
    char size[32];
    if (s->refused == REFUSED_CAP || s->refused == REFUSED_NONE) {
        format_size(size, sizeof size, s->mem_cap);
        snprintf(buf, sz, "memory limit exceeded (%s)", size);
    } else {
        snprintf(buf, sz, "out of memory");
    }
}

/* "file:line: " of the innermost Lua function on L's stack, or "". Reading
 * debug info allocates nothing, so this is safe in hooks and handlers. */
static void lua_where(lua_State *L, char *buf, size_t sz)
{
    lua_Debug ar;
    for (int level = 0; lua_getstack(L, level, &ar); level++) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            snprintf(buf, sz, "%s:%d: ", ar.short_src, ar.currentline);
            return;
        }
    }
    buf[0] = '\0';
}

/* Does msg already start with "name:123:"? */
static int has_position(const char *msg, size_t len)
{
    for (size_t i = 1; i < len && msg[i] != '\n'; i++) {
        if (msg[i] != ':')
            continue;
        size_t j = i + 1;
        while (j < len && isdigit((unsigned char)msg[j]))
            j++;
        if (j > i + 1 && j < len && msg[j] == ':')
            return 1;
    }
    return 0;
}

static int ends_with(const char *msg, size_t len, const char *tail)
{
    size_t n = strlen(tail);
    return len >= n && memcmp(msg + len - n, tail, n) == 0;
}

/* ------------------------------------------------------------------ */
/* Work accounting, the clock and the hook                            */
/* ------------------------------------------------------------------ */

static int past_deadline(sbx *s)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (!s->have_deadline) {
        /* Starting the clock here rather than in sbx_pcall keeps short
         * calls free of clock reads; the start is at most one check late. */
        s->deadline.tv_sec = now.tv_sec + (time_t)(s->wall_ms / 1000);
        s->deadline.tv_nsec = now.tv_nsec + (long)(s->wall_ms % 1000) * 1000000L;
        if (s->deadline.tv_nsec >= 1000000000L) {
            s->deadline.tv_sec++;
            s->deadline.tv_nsec -= 1000000000L;
        }
        s->have_deadline = 1;
        return 0;
    }
    return now.tv_sec > s->deadline.tv_sec ||
           (now.tv_sec == s->deadline.tv_sec && now.tv_nsec >= s->deadline.tv_nsec);
}

/* Spend units of work; returns nonzero once the sandbox is exhausted. */
static int account(sbx *s, uint64_t units)
{
    s->used += units;
    if (!s->limit && s->used >= s->budget)
        s->limit = LIMIT_BUDGET;
    if (!s->limit && s->used >= s->next_check) {
        s->next_check = s->used + SBX_CHECK_EVERY;
        if (past_deadline(s))
            s->limit = LIMIT_TIME;
    }
    return s->limit != LIMIT_NONE;
}

static void format_limit(sbx *s, const char *where)
{
    if (s->limit == LIMIT_TIME)
        snprintf(s->limitmsg, sizeof s->limitmsg, "%stime limit exceeded (%u ms)",
                 where, s->wall_ms);
    else
        snprintf(s->limitmsg, sizeof s->limitmsg,
                 "%sinstruction budget exceeded (%llu instructions)", where,
                 (unsigned long long)s->budget);
    trim_utf8_tail(s->limitmsg);
}

static void sb_hook(lua_State *L, lua_Debug *ar);

/* Raise the limit error on L and make L's hook fire at every instruction,
 * so a pcall in the script that catches this error gets no further. */
static int raise_limit(lua_State *L, sbx *s)
{
    if (!s->limitmsg[0]) {
        char where[SBX_NAME_MAX];
        lua_where(L, where, sizeof where);
        format_limit(s, where);
    }
    lua_sethook(L, sb_hook, LUA_MASKCOUNT, 1);
    s->grace = 1;
    lua_pushstring(L, s->limitmsg);
    s->grace = 0;
    return lua_error(L);
}

/* Charge work done in C by a guard; raises when exhausted. */
void sbx_charge(lua_State *L, sbx *s, uint64_t units)
{
    if (s->depth > 0 && account(s, units))
        raise_limit(L, s);
}

static void sb_hook(lua_State *L, lua_Debug *ar)
{
    void *ud;
    lua_getallocf(L, &ud);
    sbx *s = ud;
    (void)ar;
    if (s->depth == 0)
        return;
    int count = lua_gethookcount(L);
    if (!s->limit) {
        s->instr += (uint64_t)count;
        if (!account(s, (uint64_t)count)) {
            /* A coroutine left sticky by an earlier call gets its pace back. */
            if (count != s->grain)
                lua_sethook(L, sb_hook, LUA_MASKCOUNT, s->grain);
            return;
        }
    }
    raise_limit(L, s);
}

/* ------------------------------------------------------------------ */
/* Allocator                                                          */
/* ------------------------------------------------------------------ */

static int may_grow(sbx *s, size_t grow)
{
    if (s->fail_after >= 0) {
        if (s->fail_after == 0) {
            s->refused = REFUSED_INJECTED;
            return 0;
        }
        s->fail_after--;
    }
    if (s->mem_used > s->mem_cap || grow > s->mem_cap - s->mem_used) {
        s->refused = REFUSED_CAP;
        /* Lua answers a refusal with a full collection; a script catching
         * memory errors in a loop would make us pay for one per turn. */
        if (s->depth > 0)
            account(s, s->mem_used / SBX_ALLOC_UNIT);
        return 0;
    }
    if (s->depth > 0 && !s->grace) {
        if (s->limit || account(s, grow / SBX_ALLOC_UNIT)) {
            s->refused = REFUSED_LIMIT;
            return 0;
        }
    }
    return 1;
}

/* Count osize only for a real block: for ptr == NULL it encodes a type.
 * The blocks themselves come from the state's pool (sbx_pool.c). */
static void *sbx_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    sbx *s = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        sbx_pool_alloc(&s->pool, ptr, old, 0);
        s->mem_used -= old;
        return NULL;
    }
    if (nsize > old && !may_grow(s, nsize - old)) {
        /* LUA_ERRMEM unwinds without the message handler: note the line
         * now, while the stack still holds it. Reading debug information
         * allocates nothing; the stack of the main thread is consistent
         * whenever the allocator runs (inside a coroutine it shows the
         * line of the resume). */
        if (s->depth > 0)
            lua_where(s->L, s->memwhere, sizeof s->memwhere);
        return NULL;
    }
    void *p = sbx_pool_alloc(&s->pool, ptr, old, nsize);
    if (!p) {                 /* only a block that grows or is new can fail */
        s->refused = REFUSED_SYSTEM;
        return NULL;
    }
    s->mem_used = s->mem_used - old + nsize;
    if (s->mem_used > s->mem_peak)
        s->mem_peak = s->mem_used;
    return p;
}

/* ------------------------------------------------------------------ */
/* Message handler                                                    */
/* ------------------------------------------------------------------ */

/* Only strings are shown: calling __tostring on a hostile error object
 * could loop or raise again. A message without a position gets the one of
 * the innermost Lua line. */
static int sb_msgh(lua_State *L)
{
    char where[SBX_NAME_MAX];
    size_t len;
    if (lua_type(L, 1) != LUA_TSTRING) {
        lua_where(L, where, sizeof where);
        lua_pushfstring(L, "%s(error object is a %s value)", where, luaL_typename(L, 1));
        return 1;
    }
    const char *msg = lua_tolstring(L, 1, &len);
    if (has_position(msg, len))
        return 1;
    lua_where(L, where, sizeof where);
    if (where[0]) {
        lua_pushstring(L, where);
        lua_pushvalue(L, 1);
        lua_concat(L, 2);
    }
    return 1;
}

/* ------------------------------------------------------------------ */
/* Set-up                                                             */
/* ------------------------------------------------------------------ */

void sbx_lib_drop(lua_State *L, int t, const char *name)
{
    lua_pushnil(L);
    lua_setfield(L, t, name);
}

void sbx_lib_put(lua_State *L, int t, const char *name, lua_CFunction f)
{
    lua_pushcfunction(L, f);
    lua_setfield(L, t, name);
}

/* Put f in place of t[name] and return what was there. */
lua_CFunction sbx_lib_swap(lua_State *L, int t, const char *name, lua_CFunction f)
{
    lua_getfield(L, t, name);
    lua_CFunction old = lua_tocfunction(L, -1);
    lua_pop(L, 1);
    if (!old)
        luaL_error(L, "sandbox: %s is missing", name);
    sbx_lib_put(L, t, name, f);
    return old;
}

/* Runs under lua_pcall so that a cap too small for the libraries gives an
 * error instead of a panic. */
static int sb_setup(lua_State *L)
{
    static const luaL_Reg libs[] = {
        {LUA_GNAME, luaopen_base},         {LUA_STRLIBNAME, luaopen_string},
        {LUA_TABLIBNAME, luaopen_table},   {LUA_MATHLIBNAME, luaopen_math},
        {LUA_UTF8LIBNAME, luaopen_utf8},   {LUA_COLIBNAME, luaopen_coroutine},
    };
    sbx *s = lua_touserdata(L, 1);
    for (size_t i = 0; i < sizeof libs / sizeof libs[0]; i++) {
        luaL_requiref(L, libs[i].name, libs[i].func, 1);
        lua_pop(L, 1);
    }
    lua_pushglobaltable(L);
    int g = lua_gettop(L);
    sbx_base_install(L, g);
    sbx_string_install(L, s, g);
    sbx_table_install(L, s, g);
    sbx_math_install(L, g);

    lua_getfield(L, g, LUA_COLIBNAME);
    sbx_lib_drop(L, lua_gettop(L), "close");
    lua_pop(L, 1);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Public API                                                         */
/* ------------------------------------------------------------------ */

sbx *sbx_new(const sbx_limits *limits, const sbx_rng *rng)
{
    sbx *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->mem_cap = limits && limits->mem_bytes ? limits->mem_bytes : SBX_DEFAULT_MEM;
    s->budget = limits && limits->instructions ? limits->instructions : SBX_DEFAULT_BUDGET;
    s->wall_ms = limits && limits->wall_ms ? limits->wall_ms : SBX_DEFAULT_WALL_MS;
    s->grain = s->budget < SBX_HOOK_GRAIN ? (int)s->budget : SBX_HOOK_GRAIN;
    s->fail_after = -1;
    if (rng && rng->next)
        s->rng = *rng;
    s->L = lua_newstate(sbx_alloc, s);
    if (!s->L)
        goto fail;
    lua_pushcfunction(s->L, sb_setup);
    lua_pushlightuserdata(s->L, s);
    if (lua_pcall(s->L, 1, 0, 0) != LUA_OK)
        goto fail;
    /* Installed once and for good: threads inherit their creator's hook,
     * so every coroutine is counted. Outside sbx_pcall it does nothing. */
    lua_sethook(s->L, sb_hook, LUA_MASKCOUNT, s->grain);
    return s;
fail:
    if (s->L)
        lua_close(s->L);
    sbx_pool_release(&s->pool);
    free(s);
    return NULL;
}

void sbx_free(sbx *s)
{
    if (!s)
        return;
    s->fail_after = -1;
    s->depth = 0;
    lua_close(s->L);
    sbx_pool_release(&s->pool);
    free(s);
}

lua_State *sbx_state(sbx *s)
{
    return s->L;
}

sbx *sbx_from_state(lua_State *L)
{
    void *ud;
    lua_getallocf(L, &ud);
    return ud;
}

/* Lua shows "@name" as name, without the [string "..."] decoration. A long
 * name keeps its tail, as Lua itself would when shortening it. */
static void chunk_name(char *buf, size_t sz, const char *name)
{
    size_t len = strlen(name);
    if (len + 2 <= sz)
        snprintf(buf, sz, "@%s", name);
    else
        snprintf(buf, sz, "@...%s", name + len - (sz - 5));
}

int sbx_load(sbx *s, const char *buf, size_t len, const char *chunkname)
{
    lua_State *L = s->L;
    char name[SBX_NAME_MAX], reason[64];
    size_t mlen;
    if (!chunkname)
        chunkname = "?";
    s->errbuf[0] = '\0';
    s->refused = REFUSED_NONE;
    chunk_name(name, sizeof name, chunkname);
    if (!lua_checkstack(L, 1)) {
        set_err(s, "%s: out of memory", chunkname);
        return SBX_ERR_MEM;
    }
    int st = luaL_loadbufferx(L, buf, len, name, "t");
    if (st == LUA_OK)
        return SBX_OK;
    if (st == LUA_ERRMEM) {
        memory_reason(s, reason, sizeof reason);
        set_err(s, "%s: %s", chunkname, reason);
        lua_pop(L, 1);
        return SBX_ERR_MEM;
    }
    const char *msg = lua_tolstring(L, -1, &mlen);
    if (!msg)
        set_err(s, "%s: cannot load", chunkname);
    else if (has_position(msg, mlen))
        set_err(s, "%s", msg);
    else
        set_err(s, "%s: %s", chunkname, msg);
    lua_pop(L, 1);
    return SBX_ERR_SYNTAX;
}

/* ---- compiled chunks (sandbox.h: compile once, load many times) ------ */

struct sbx_chunk {
    char *bytes;
    size_t len, cap;
    char name[SBX_NAME_MAX];     /* the chunk name, for load-time messages */
    int failed;                  /* the writer ran out of memory */
};

static int chunk_writer(lua_State *L, const void *p, size_t n, void *ud)
{
    sbx_chunk *c = ud;
    (void)L;
    if (n > c->cap - c->len) {
        size_t nc = c->cap ? c->cap : 4096;
        while (nc - c->len < n)
            nc *= 2;
        char *nb = realloc(c->bytes, nc);
        if (!nb) {
            c->failed = 1;
            return 1;
        }
        c->bytes = nb;
        c->cap = nc;
    }
    memcpy(c->bytes + c->len, p, n);
    c->len += n;
    return 0;
}

int sbx_dump(sbx *s, sbx_chunk **out)
{
    lua_State *L = s->L;
    *out = NULL;
    if (!lua_isfunction(L, -1) || lua_iscfunction(L, -1)) {
        set_err(s, "sbx_dump: no Lua function on the stack");
        return SBX_ERR_RUN;
    }
    sbx_chunk *c = calloc(1, sizeof *c);
    if (!c) {
        set_err(s, "out of memory");
        return SBX_ERR_NOMEM;
    }
    lua_Debug ar;
    lua_pushvalue(L, -1);
    if (lua_getinfo(L, ">S", &ar) && ar.source)
        snprintf(c->name, sizeof c->name, "%s", ar.source);
    /* Debug information is kept (strip = 0): messages must still name the
     * scenario's file and line. */
    if (lua_dump(L, chunk_writer, c, 0) != 0 || c->failed) {
        sbx_chunk_free(c);
        set_err(s, "out of memory");
        return SBX_ERR_NOMEM;
    }
    *out = c;
    return SBX_OK;
}

typedef struct chunk_reader { const sbx_chunk *c; int done; } chunk_reader;

static const char *chunk_read(lua_State *L, void *ud, size_t *size)
{
    chunk_reader *r = ud;
    (void)L;
    if (r->done) {
        *size = 0;
        return NULL;
    }
    r->done = 1;
    *size = r->c->len;
    return r->c->bytes;
}

int sbx_load_chunk(sbx *s, const sbx_chunk *c)
{
    lua_State *L = s->L;
    char reason[64];
    s->errbuf[0] = '\0';
    s->refused = REFUSED_NONE;
    if (!lua_checkstack(L, 1)) {
        set_err(s, "%s: out of memory", c->name);
        return SBX_ERR_MEM;
    }
    /* The only binary load there is: "b" for bytes sbx_dump made in this
     * process, never for anything that came from outside it. */
    chunk_reader r = { c, 0 };
    int st = lua_load(L, chunk_read, &r, c->name, "b");
    if (st == LUA_OK)
        return SBX_OK;
    if (st == LUA_ERRMEM) {
        memory_reason(s, reason, sizeof reason);
        set_err(s, "%s: %s", c->name, reason);
        lua_pop(L, 1);
        return SBX_ERR_MEM;
    }
    const char *msg = lua_tostring(L, -1);
    set_err(s, "%s: cannot load the compiled chunk: %s", c->name, msg ? msg : "?");
    lua_pop(L, 1);
    return SBX_ERR_SYNTAX;
}

void sbx_chunk_free(sbx_chunk *c)
{
    if (!c)
        return;
    free(c->bytes);
    free(c);
}

/* short_src of the Lua function at idx, or "" for a C function. */
static void function_name(lua_State *L, int idx, char *buf, size_t sz)
{
    lua_Debug ar;
    buf[0] = '\0';
    if (lua_type(L, idx) != LUA_TFUNCTION)
        return;
    lua_pushvalue(L, idx);
    if (lua_getinfo(L, ">S", &ar) && ar.what[0] != 'C')
        snprintf(buf, sz, "%s: ", ar.short_src);
}

/* Turn a failed call (error object on top, called function at fidx + 1)
 * into a code and a message in errbuf. */
static int describe_failure(sbx *s, int st, int fidx)
{
    lua_State *L = s->L;
    char name[SBX_NAME_MAX], reason[64];
    size_t len;
    if (s->limit) {
        if (!s->limitmsg[0]) {
            function_name(L, fidx + 1, name, sizeof name);
            format_limit(s, name);
        }
        set_err(s, "%s", s->limitmsg);
        return SBX_ERR_BUDGET;
    }
    if (st == LUA_ERRMEM) {
        /* The line where the allocation was refused, else the chunk. */
        if (s->memwhere[0])
            snprintf(name, sizeof name, "%s", s->memwhere);
        else
            function_name(L, fidx + 1, name, sizeof name);
        memory_reason(s, reason, sizeof reason);
        set_err(s, "%s%s", name, reason);
        return SBX_ERR_MEM;
    }
    const char *msg = lua_tolstring(L, -1, &len);
    if (!msg) {
        set_err(s, "(error object is a %s value)", luaL_typename(L, -1));
        return SBX_ERR_RUN;
    }
    /* A memory error caught by the script and raised again as a string. */
    if (s->refused && ends_with(msg, len, "not enough memory")) {
        memory_reason(s, reason, sizeof reason);
        set_err(s, "%.*s%s", (int)(len - strlen("not enough memory")), msg, reason);
        return SBX_ERR_MEM;
    }
    set_err(s, "%s", msg);
    return SBX_ERR_RUN;
}

static void begin_call(sbx *s)
{
    s->used = 0;
    s->instr = 0;
    s->next_check = SBX_CHECK_EVERY;
    s->limit = LIMIT_NONE;
    s->limitmsg[0] = '\0';
    s->have_deadline = 0;
    s->refused = REFUSED_NONE;
    s->memwhere[0] = '\0';
    s->grace = 0;
    lua_sethook(s->L, sb_hook, LUA_MASKCOUNT, s->grain);   /* fresh count */
}

static void end_call(sbx *s)
{
    s->last_instr = s->instr;
    if (s->limit)
        lua_sethook(s->L, sb_hook, LUA_MASKCOUNT, s->grain);   /* not sticky */
}

int sbx_pcall(sbx *s, int nargs, int nresults)
{
    lua_State *L = s->L;
    int fidx = lua_gettop(L) - nargs;
    int outer = s->depth == 0, rc;
    if (!lua_checkstack(L, 2)) {
        lua_settop(L, fidx - 1);
        set_err(s, "out of memory (Lua stack)");
        return SBX_ERR_MEM;
    }
    if (outer)
        begin_call(s);
    s->errbuf[0] = '\0';
    /* [f args] -> [handler, copy of f, f, args]; the copy names the chunk
     * when a memory error leaves no message to go by. No allocation. */
    lua_pushcfunction(L, sb_msgh);
    lua_pushvalue(L, fidx);
    lua_rotate(L, fidx, 2);
    s->depth++;
    int st = lua_pcall(L, nargs, nresults, fidx);
    s->depth--;
    if (st == LUA_OK && !s->limit) {
        lua_rotate(L, fidx, -2);
        lua_pop(L, 2);
        rc = SBX_OK;
    } else {
        if (st == LUA_OK)
            lua_pushnil(L);   /* finished despite the limit: still a failure */
        rc = describe_failure(s, st, fidx);
        lua_settop(L, fidx - 1);
    }
    if (outer)
        end_call(s);
    return rc;
}

int sbx_protect(sbx *s, int (*f)(lua_State *L), void *ud)
{
    lua_State *L = s->L;
    if (!lua_checkstack(L, 2)) {
        set_err(s, "out of memory (Lua stack)");
        return SBX_ERR_MEM;
    }
    lua_pushcfunction(L, f);
    lua_pushlightuserdata(L, ud);
    return sbx_pcall(s, 1, LUA_MULTRET);
}

const char *sbx_errmsg(const sbx *s)
{
    return s->errbuf;
}

size_t sbx_mem_used(const sbx *s)
{
    return s->mem_used;
}

size_t sbx_mem_peak(const sbx *s)
{
    return s->mem_peak;
}

uint64_t sbx_last_instructions(const sbx *s)
{
    return s->depth > 0 ? s->instr : s->last_instr;
}

void sbx_set_user(sbx *s, void *user)
{
    s->user = user;
}

void *sbx_user(const sbx *s)
{
    return s->user;
}

const char *sbx_tostring_raw(lua_State *L, int idx, size_t *len)
{
    if (lua_type(L, idx) != LUA_TSTRING) {
        if (len)
            *len = 0;
        return NULL;
    }
    return lua_tolstring(L, idx, len);
}

void sbx_fail_alloc_after(sbx *s, long n)
{
    s->fail_after = n < 0 ? -1 : n;
}
