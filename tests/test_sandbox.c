/*
 * test_sandbox.c - every guard of the sandbox (engine/sandbox.c, sbx_*.c), tried for real.
 *
 * Each attack test asserts a clean error within seconds and then that the
 * same sandbox still runs `return 1+1`. Limits are set small where that
 * keeps the suite quick (also under valgrind).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "engine/sandbox.h"

#define MiB ((size_t)1 << 20)

/* ------------------------------------------------------------------ */
/* Helpers                                                            */
/* ------------------------------------------------------------------ */

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static uint64_t splitmix(void *ctx)
{
    uint64_t *x = ctx;
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static sbx *make(size_t mem, uint64_t instructions, unsigned wall_ms)
{
    sbx_limits lim = {mem, instructions, wall_ms};
    sbx *s = sbx_new(&lim, NULL);
    assert_non_null(s);
    return s;
}

/* Load and call code; on success one result is left on the stack. */
static int run(sbx *s, const char *code)
{
    int rc = sbx_load(s, code, strlen(code), "test.lua");
    if (rc != SBX_OK)
        return rc;
    return sbx_pcall(s, 0, 1);
}

/* Run code that must succeed and return a string; copy it to buf. */
static void run_str(sbx *s, const char *code, char *buf, size_t sz)
{
    int rc = run(s, code);
    if (rc != SBX_OK)
        fail_msg("unexpected failure %d: %s\n  code: %s", rc, sbx_errmsg(s), code);
    lua_State *L = sbx_state(s);
    size_t len;
    const char *v = sbx_tostring_raw(L, -1, &len);
    if (!v)
        fail_msg("expected a string from: %s (got %s)", code, luaL_typename(L, -1));
    if (len >= sz)
        len = sz - 1;
    memcpy(buf, v, len);
    buf[len] = '\0';
    lua_pop(L, 1);
}

static void expect_str(sbx *s, const char *code, const char *want)
{
    char got[4096];
    run_str(s, code, got, sizeof got);
    if (strcmp(got, want) != 0)
        fail_msg("code: %s\n  want: %s\n  got:  %s", code, want, got);
}

static void expect_true(sbx *s, const char *code)
{
    int rc = run(s, code);
    if (rc != SBX_OK)
        fail_msg("unexpected failure %d: %s\n  code: %s", rc, sbx_errmsg(s), code);
    lua_State *L = sbx_state(s);
    if (!lua_isboolean(L, -1) || !lua_toboolean(L, -1))
        fail_msg("expected true from: %s", code);
    lua_pop(L, 1);
}

/* Run code that must fail with code rc, a message containing want, and
 * within max_ms; then the sandbox must still work. */
static void expect_fail(sbx *s, const char *code, int rc_want, const char *want, double max_ms)
{
    lua_State *L = sbx_state(s);
    int top = lua_gettop(L);
    double t0 = now_ms();
    int rc = run(s, code);
    double took = now_ms() - t0;
    if (rc != rc_want)
        fail_msg("code: %s\n  want rc %d, got %d (%s)", code, rc_want, rc, sbx_errmsg(s));
    if (want && !strstr(sbx_errmsg(s), want))
        fail_msg("code: %s\n  message \"%s\" lacks \"%s\"", code, sbx_errmsg(s), want);
    if (took > max_ms)
        fail_msg("code: %s\n  took %.0f ms (limit %.0f)", code, took, max_ms);
    assert_int_equal(lua_gettop(L), top);   /* failure pushes nothing */
}

static void assert_usable(sbx *s)
{
    lua_State *L = sbx_state(s);
    int top = lua_gettop(L);
    int rc = run(s, "return 1+1");
    if (rc != SBX_OK)
        fail_msg("sandbox no longer usable: %d %s", rc, sbx_errmsg(s));
    assert_true(lua_isinteger(L, -1));
    assert_int_equal(lua_tointeger(L, -1), 2);
    lua_pop(L, 1);
    assert_int_equal(lua_gettop(L), top);
}

/* ------------------------------------------------------------------ */
/* Basics                                                             */
/* ------------------------------------------------------------------ */

static void test_defaults_and_accessors(void **state)
{
    (void)state;
    sbx *s = sbx_new(NULL, NULL);
    assert_non_null(s);
    lua_State *L = sbx_state(s);
    assert_ptr_equal(sbx_from_state(L), s);
    assert_null(sbx_user(s));
    int x;
    sbx_set_user(s, &x);
    assert_ptr_equal(sbx_user(s), &x);
    assert_true(sbx_mem_used(s) > 0);
    assert_true(sbx_mem_peak(s) >= sbx_mem_used(s));
    assert_usable(s);
    assert_string_equal(sbx_errmsg(s), "");

    lua_pushinteger(L, 42);   /* no coercion: a number is not a string */
    size_t len = 99;
    assert_null(sbx_tostring_raw(L, -1, &len));
    assert_int_equal(len, 0);
    lua_pop(L, 1);
    lua_pushliteral(L, "abc");
    assert_string_equal(sbx_tostring_raw(L, -1, &len), "abc");
    assert_int_equal(len, 3);
    lua_pop(L, 1);

    /* The budget counts instructions to the hook's granularity. */
    assert_int_equal(run(s, "local n = 0 for i = 1, 100000 do n = n + i end return n"), SBX_OK);
    lua_pop(L, 1);
    assert_true(sbx_last_instructions(s) >= 100000);
    assert_true(sbx_last_instructions(s) < 1000000);
    sbx_free(s);
    sbx_free(NULL);
}

static void test_chunkname_and_positions(void **state)
{
    (void)state;
    sbx *s = make(0, 0, 0);
    const char *bad = "local x = 1\nlocal y = = 2\n";
    assert_int_equal(sbx_load(s, bad, strlen(bad), "scenarios/portal.lua"), SBX_ERR_SYNTAX);
    assert_non_null(strstr(sbx_errmsg(s), "scenarios/portal.lua:2:"));
    assert_null(strstr(sbx_errmsg(s), "[string"));

    const char *rt = "local t = nil\n\nreturn t.x\n";
    assert_int_equal(sbx_load(s, rt, strlen(rt), "scenarios/portal.lua"), SBX_OK);
    assert_int_equal(sbx_pcall(s, 0, 1), SBX_ERR_RUN);
    assert_non_null(strstr(sbx_errmsg(s), "scenarios/portal.lua:3: attempt to index"));

    /* Errors from C functions and error(msg, 0) get the innermost line. */
    expect_fail(s, "local x = 1\nreturn ('x'):rep({})", SBX_ERR_RUN,
                "test.lua:2: bad argument #1 to 'rep'", 2000);
    expect_fail(s, "error('plain', 0)", SBX_ERR_RUN, "test.lua:1: plain", 2000);
    expect_fail(s, "error('lvl1')", SBX_ERR_RUN, "test.lua:1: lvl1", 2000);
    assert_usable(s);
    sbx_free(s);
}

/* ------------------------------------------------------------------ */
/* Memory                                                             */
/* ------------------------------------------------------------------ */

static void test_mem_table_bomb(void **state)
{
    (void)state;
    sbx *s = make(16 * MiB, 1000000000, 10000);
    expect_fail(s, "local t = {} for i = 1, 1e9 do t[i] = i end", SBX_ERR_MEM,
                "test.lua:1: memory limit exceeded (16 MiB)", 5000);
    assert_true(sbx_mem_peak(s) <= 16 * MiB);
    assert_usable(s);
    sbx_free(s);
}

static void test_mem_string_rep(void **state)
{
    (void)state;
    sbx *s = make(8 * MiB, 0, 10000);
    /* Over the rep size cap: refused before any allocation. */
    expect_fail(s, "return string.rep('x', 1e9)", SBX_ERR_RUN, "limit", 2000);
    /* Under the rep cap but over this sandbox's memory cap. */
    expect_fail(s, "return ('x'):rep(12 * 2^20)", SBX_ERR_MEM, "memory limit exceeded (8 MiB)",
                2000);
    assert_true(sbx_mem_peak(s) <= 8 * MiB);
    assert_usable(s);
    sbx_free(s);
}

static void test_mem_concat_doubling(void **state)
{
    (void)state;
    sbx *s = make(16 * MiB, 1000000000, 10000);
    expect_fail(s, "local s = 'x' while true do s = s .. s end", SBX_ERR_MEM, "memory limit",
                5000);
    assert_usable(s);
    sbx_free(s);
}

/* A memory error names the line where the allocation was refused (Lua
 * calls no message handler for it): in the function that allocates, not
 * the chunk's first line or its caller; inside a coroutine, the line that
 * resumed it. The position does not leak into the next call. */
static void test_mem_error_line(void **state)
{
    (void)state;
    sbx *s = make(8 * MiB, 1000000000, 10000);
    lua_State *L = sbx_state(s);
    const char *f = "local function grow(t)\n"
                    "  for i = 1, 1e9 do\n"
                    "    t[#t + 1] = ('x'):rep(1000) .. i\n"
                    "  end\n"
                    "end\n"
                    "local t = {}\n"
                    "grow(t)\n";
    expect_fail(s, f, SBX_ERR_MEM, "test.lua:3: memory limit exceeded (8 MiB)", 5000);
    expect_fail(s, "local x = 1\n\nlocal s = ('x'):rep(12 * 2^20)\n", SBX_ERR_MEM,
                "test.lua:3: memory limit exceeded (8 MiB)", 2000);
    expect_fail(s, "local co = coroutine.wrap(function() return ('x'):rep(12 * 2^20) end)\n"
                   "\n"
                   "return co()\n", SBX_ERR_MEM, "test.lua:3: memory limit exceeded (8 MiB)", 2000);
    /* A hook's failure message is exactly "file:line: reason". */
    assert_int_equal(sbx_load(s, "return ('x'):rep(12 * 2^20)", 27, "evil.lua"), SBX_OK);
    assert_int_equal(sbx_pcall(s, 0, 1), SBX_ERR_MEM);
    assert_string_equal(sbx_errmsg(s), "evil.lua:1: memory limit exceeded (8 MiB)");
    /* The next failure is judged on its own. */
    assert_int_equal(sbx_load(s, "error('x', 0)", 13, "next.lua"), SBX_OK);
    assert_int_equal(sbx_pcall(s, 0, 1), SBX_ERR_RUN);
    assert_string_equal(sbx_errmsg(s), "next.lua:1: x");
    assert_int_equal(lua_gettop(L), 0);
    assert_usable(s);
    sbx_free(s);
}

/* A script catching the memory error and raising it again as a string
 * still reports the memory limit. */
static void test_mem_caught_and_rethrown(void **state)
{
    (void)state;
    sbx *s = make(4 * MiB, 0, 10000);
    /* error(e) adds a position, so the handler sees a new string ... */
    expect_fail(s, "local ok, e = pcall(string.rep, 'x', 2^23)\nerror(e)", SBX_ERR_MEM,
                "test.lua:2: memory limit exceeded (4 MiB)", 2000);
    /* ... while Lua turns the bare message back into a memory error, which
     * has the line where the memory ran out. */
    expect_fail(s, "local ok, e = pcall(string.rep, 'x', 2^23)\nerror(e, 0)", SBX_ERR_MEM,
                "test.lua:1: memory limit exceeded (4 MiB)", 2000);
    assert_usable(s);
    sbx_free(s);
}

/* Appending to a growing string copies it each time: the bytes allocated
 * are charged to the budget, so this ends long before the clock would. */
static void test_quadratic_concat_ends(void **state)
{
    (void)state;
    sbx *s = make(0, 0, 60000);
    expect_fail(s, "local s = '' for i = 1, 1e9 do s = s .. 'xxxxxxxxxx' end", SBX_ERR_BUDGET,
                "instruction budget exceeded", 5000);
    /* Catching memory errors in a loop costs a full collection each time. */
    expect_fail(s, "local keep = ('x'):rep(15 * 2^20) .. 'y'\n"
                   "local t = {} for i = 1, 3 do t[i] = keep .. i end\n"
                   "while true do pcall(string.rep, 'x', 2^24) end",
                SBX_ERR_BUDGET, "exceeded", 10000);
    assert_usable(s);
    sbx_free(s);
}

/* ------------------------------------------------------------------ */
/* Libraries                                                          */
/* ------------------------------------------------------------------ */

static void test_libs_absent(void **state)
{
    (void)state;
    sbx *s = make(0, 0, 0);
    static const char *const gone[] = {
        "dofile", "loadfile", "load", "collectgarbage", "print", "io", "os", "debug",
        "package", "require", "string.dump", "('').dump", "('x').dump", "coroutine.close",
        "getmetatable('')", "math.randomseed", "loadstring",
        "module", "setfenv", "unpack",
    };
    char code[128];
    for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++) {
        snprintf(code, sizeof code, "return %s == nil", gone[i]);
        expect_true(s, code);
    }
    /* Indexing the missing names is an error, not a way in. */
    expect_fail(s, "return io.open('/etc/passwd')", SBX_ERR_RUN, "attempt to index a nil value",
                2000);
    expect_fail(s, "return ('').dump(print)", SBX_ERR_RUN, "attempt to call a nil value", 2000);
    assert_usable(s);
    sbx_free(s);
}

static void test_libs_present(void **state)
{
    (void)state;
    sbx *s = make(0, 0, 0);
    expect_true(s, "return type(string.format) == 'function' and type(table.concat) == 'function'"
                   " and type(math.floor) == 'function' and type(utf8.char) == 'function'"
                   " and type(coroutine.wrap) == 'function' and type(next) == 'function'"
                   " and type(pcall) == 'function' and type(select) == 'function'");
    expect_str(s, "return utf8.char(72, 233, 8364)", "H\xc3\xa9\xe2\x82\xac");
    expect_str(s, "local co = coroutine.wrap(function(a) local b = coroutine.yield(a + 1)"
                  " return b * 2 end) return co(1) .. ',' .. co(5)", "2,10");
    expect_true(s, "return ('x').find == string.find and ('x').rep == string.rep");
    assert_usable(s);
    sbx_free(s);
}

static void test_getmetatable_rules(void **state)
{
    (void)state;
    sbx *s = make(0, 0, 0);
    expect_true(s, "local mt = {} return getmetatable(setmetatable({}, mt)) == mt");
    expect_str(s, "return getmetatable(setmetatable({}, {__metatable = 'locked'}))", "locked");
    expect_true(s, "return getmetatable('abc') == nil and getmetatable(1) == nil"
                   " and getmetatable(print or tostring) == nil and getmetatable({}) == nil");
    expect_fail(s, "setmetatable(setmetatable({}, {__metatable = 1}), {})", SBX_ERR_RUN,
                "cannot change a protected metatable", 2000);
    expect_fail(s, "setmetatable('x', {})", SBX_ERR_RUN, "table expected", 2000);
    assert_usable(s);
    sbx_free(s);
}

struct blob {
    char data[8192];
    size_t len;
};

static int blob_writer(lua_State *L, const void *p, size_t sz, void *ud)
{
    struct blob *b = ud;
    (void)L;
    if (b->len + sz > sizeof b->data)
        return 1;
    memcpy(b->data + b->len, p, sz);
    b->len += sz;
    return 0;
}

static void test_binary_chunk_refused(void **state)
{
    (void)state;
    /* A real precompiled chunk, made with a plain, separate state. */
    static struct blob b;
    lua_State *P = luaL_newstate();
    assert_non_null(P);
    assert_int_equal(luaL_loadstring(P, "return 1 + 1"), LUA_OK);
    assert_int_equal(lua_dump(P, blob_writer, &b, 0), 0);
    lua_close(P);
    assert_true(b.len > 4 && b.data[0] == 0x1b);

    sbx *s = make(0, 0, 0);
    assert_int_equal(sbx_load(s, b.data, b.len, "evil.luac"), SBX_ERR_SYNTAX);
    assert_non_null(strstr(sbx_errmsg(s), "binary"));
    assert_non_null(strstr(sbx_errmsg(s), "evil.luac"));
    assert_int_equal(lua_gettop(sbx_state(s)), 0);
    assert_usable(s);
    sbx_free(s);
}

/* ------------------------------------------------------------------ */
/* Instruction budget and wall clock                                  */
/* ------------------------------------------------------------------ */

static void test_budget_infinite_loop(void **state)
{
    (void)state;
    sbx *s = make(0, 1000000, 60000);
    expect_fail(s, "local x = 0\nwhile true do x = x + 1 end", SBX_ERR_BUDGET,
                "test.lua:2: instruction budget exceeded (1000000 instructions)", 5000);
    assert_usable(s);
    sbx_free(s);
}

/* The hook turns sticky, so the script's pcall cannot swallow the error. */
static void test_budget_pcall_cannot_swallow(void **state)
{
    (void)state;
    sbx *s = make(0, 1000000, 60000);
    expect_fail(s, "while true do pcall(function() while true do end end) end", SBX_ERR_BUDGET,
                "instruction budget exceeded", 5000);
    expect_fail(s, "while true do xpcall(function() while true do end end,"
                   " function(m) while true do end end) end",
                SBX_ERR_BUDGET, "instruction budget exceeded", 5000);
    expect_fail(s, "while true do pcall(pcall, pcall, function() while true do end end) end",
                SBX_ERR_BUDGET, "instruction budget exceeded", 5000);
    assert_usable(s);
    sbx_free(s);
}

/* Converting the error into another one (or finishing) still reports the
 * budget: the exhausted state lives on the handle. */
static void test_budget_converted_error(void **state)
{
    (void)state;
    sbx *s = make(0, 1000000, 60000);
    expect_fail(s, "local ok = pcall(function() while true do end end)\nerror('something else')",
                SBX_ERR_BUDGET, "instruction budget exceeded", 5000);
    expect_fail(s, "local co = coroutine.create(function() while true do end end)\n"
                   "coroutine.resume(co)\nreturn 1",
                SBX_ERR_BUDGET, "instruction budget exceeded", 5000);
    assert_usable(s);
    sbx_free(s);
}

static void test_budget_in_coroutines(void **state)
{
    (void)state;
    sbx *s = make(0, 1000000, 60000);
    expect_fail(s, "local co = coroutine.wrap(function() while true do end end)\n"
                   "while true do pcall(co) end",
                SBX_ERR_BUDGET, "instruction budget exceeded", 5000);
    /* A coroutine made in one call and resumed in the next is still counted. */
    assert_int_equal(run(s, "co = coroutine.create(function() coroutine.yield()"
                            " while true do end end) coroutine.resume(co) return 1"),
                     SBX_OK);
    lua_pop(sbx_state(s), 1);
    expect_fail(s, "return coroutine.resume(co)", SBX_ERR_BUDGET, "instruction budget exceeded",
                5000);
    assert_usable(s);
    sbx_free(s);
}

/* Each sbx_pcall starts with a fresh budget. */
static void test_budget_fresh_each_call(void **state)
{
    (void)state;
    sbx *s = make(0, 1000000, 60000);
    assert_int_equal(run(s, "function work() local n = 0 for i = 1, 150000 do n = n + i end"
                            " return n end return 1"),
                     SBX_OK);
    lua_State *L = sbx_state(s);
    lua_pop(L, 1);
    for (int i = 0; i < 5; i++) {   /* ~600k instructions each; 3M in all */
        lua_getglobal(L, "work");
        int rc = sbx_pcall(s, 0, 1);
        if (rc != SBX_OK)
            fail_msg("call %d: %s", i, sbx_errmsg(s));
        lua_pop(L, 1);
    }
    /* ... and one that fails does not spoil the next. */
    expect_fail(s, "while true do end", SBX_ERR_BUDGET, "budget", 5000);
    lua_getglobal(L, "work");
    assert_int_equal(sbx_pcall(s, 0, 1), SBX_OK);
    lua_pop(L, 1);
    sbx_free(s);
}

static void test_time_limit(void **state)
{
    (void)state;
    sbx *s = make(0, UINT64_C(1) << 50, 200);
    expect_fail(s, "while true do end", SBX_ERR_BUDGET, "test.lua:1: time limit exceeded (200 ms)",
                3000);
    expect_fail(s, "while true do pcall(function() while true do end end) end", SBX_ERR_BUDGET,
                "time limit exceeded", 3000);
    /* Many C calls that are each long but allowed still hit the clock. */
    expect_fail(s, "local s = ('a'):rep(1500) while true do s:find('.-x') end", SBX_ERR_BUDGET,
                "time limit exceeded", 3000);
    assert_usable(s);
    sbx_free(s);
}

/* ------------------------------------------------------------------ */
/* string guards                                                      */
/* ------------------------------------------------------------------ */

static void test_pattern_blowup(void **state)
{
    (void)state;
    sbx *s = make(0, 0, 60000);
    static const char *const attacks[] = {
        "return string.find(('a'):rep(200), '.-.-.-.-b')",
        "return (('a'):rep(200)):find('.-.-.-.-b')",
        "local s = ('a'):rep(200) return s:match('.-.-.-.-b')",
        "return string.gsub(('a'):rep(200), '.-.-.-.-b', '')",
        "for x in string.gmatch(('a'):rep(200), '.-.-.-.-b') do end",
        "return ('a'):rep(5000):find('.*x')",
        "return ('a'):rep(300):find('a*a*a*b')",
        "return ('a'):rep(100):find(('a?'):rep(30) .. 'b')",
        "return ('('):rep(10000):gsub('%b()', '')",
        "return ('a'):rep(5000):find('(.-)%1b')",
        "local f = ('').find return f(('a'):rep(200), '.-.-.-.-b')",
    };
    for (size_t i = 0; i < sizeof attacks / sizeof attacks[0]; i++)
        expect_fail(s, attacks[i], SBX_ERR_RUN, "pattern too complex for a subject of", 2000);
    expect_fail(s, "return string.find(('a'):rep(200), '.-.-.-.-b')", SBX_ERR_RUN,
                "string.find: pattern too complex for a subject of 200 bytes", 2000);
    assert_usable(s);
    sbx_free(s);
}

static void test_pattern_limits(void **state)
{
    (void)state;
    sbx *s = make(0, 0, 60000);
    expect_fail(s, "return (('x'):rep(2^20 + 1)):find('y')", SBX_ERR_RUN, "subject too long",
                2000);
    expect_fail(s, "return ('x'):match(('x'):rep(513))", SBX_ERR_RUN, "pattern too long", 2000);
    /* Malformed patterns are reported before any matching. */
    expect_fail(s, "return ('a'):rep(100):find('.-.-b[')", SBX_ERR_RUN, "missing ']'", 2000);
    expect_fail(s, "return ('x'):find('%')", SBX_ERR_RUN, "ends with '%'", 2000);
    expect_fail(s, "return ('x'):find('%b(')", SBX_ERR_RUN, "missing arguments to '%b'", 2000);
    expect_fail(s, "return ('x'):find('%fx')", SBX_ERR_RUN, "missing '['", 2000);
    assert_usable(s);
    sbx_free(s);
}

static void test_pattern_normal_use(void **state)
{
    (void)state;
    sbx *s = make(0, 0, 60000);
    expect_str(s, "return ('abc123def'):match('%d+')", "123");
    expect_str(s, "return ('%d+'):match('%%d%+')", "%d+");
    expect_str(s, "return (('hello world'):gsub('%w+', function(w) return w:upper() end))",
               "HELLO WORLD");
    expect_str(s, "return (('a.b.c'):gsub('%.', '/'))", "a/b/c");
    expect_str(s, "return tostring(('a+b'):find('+', 1, true))", "2");
    expect_str(s, "return tostring(('x'):rep(100000):find('y', 1, true))", "nil");
    expect_str(s, "local t = {} for k, v in ('a=1, b=2'):gmatch('(%w+)=(%w+)') do"
                  " t[#t + 1] = k .. v end return table.concat(t, ';')",
               "a1;b2");
    expect_str(s, "return ('f(a(b)c) d'):match('%b()')", "(a(b)c)");
    expect_str(s, "return (('THE (quick) fox'):gsub('%f[%a]%a+', 'w'))", "w (w) w");
    expect_str(s, "return ('key = value'):match('^(%w+)%s*=%s*(%w+)$')", "key");
    expect_str(s, "return (('  padded  '):gsub('^%s+', ''):gsub('%s+$', ''))", "padded");
    /* Large subjects with ordinary patterns are fine. */
    expect_str(s, "local text = ('word1 word2\\n'):rep(20000)"
                  " local n = select(2, text:gsub('%s+$', ''))"
                  " local c = 0 for w in text:gmatch('%a+%d') do c = c + 1 end"
                  " return n .. ' ' .. c .. ' ' .. select(2, text:gsub('(%w+) (%w+)', '%2 %1'))",
               "1 40000 20000");
    expect_str(s, "return ('x'):rep(2^20):sub(-3)", "xxx");
    expect_true(s, "local s = ('x'):rep(2^20) return s:find(s, 1, true) == 1"
                   " and s:find('xy', 1, true) == nil and s:find('x.', 2^20) == nil");
    assert_usable(s);
    sbx_free(s);
}

static void test_rep_limits(void **state)
{
    (void)state;
    sbx *s = make(0, 0, 60000);
    expect_fail(s, "return ('x'):rep(2^25)", SBX_ERR_RUN, "over the size limit (16 MiB)", 2000);
    expect_fail(s, "return ('x'):rep(2^20, ('y'):rep(100))", SBX_ERR_RUN, "size limit", 2000);
    expect_fail(s, "return ('ab'):rep(1e18)", SBX_ERR_RUN, "size limit", 2000);
    /* The empty string repeated forever is the empty string, at once. */
    double t0 = now_ms();
    expect_str(s, "return (''):rep(1e18)", "");
    expect_str(s, "return string.rep('', math.maxinteger, '')", "");
    assert_true(now_ms() - t0 < 1000);
    expect_str(s, "return ('ab'):rep(3, '-')", "ab-ab-ab");
    expect_str(s, "return ('ab'):rep(0) .. ('ab'):rep(-5)", "");
    expect_true(s, "return #('x'):rep(2^20) == 2^20");
    assert_usable(s);
    sbx_free(s);
}

static void test_format_no_addresses(void **state)
{
    (void)state;
    sbx *s = make(0, 0, 0);
    expect_fail(s, "return string.format('%p', {})", SBX_ERR_RUN, "'%p' is not allowed", 2000);
    expect_fail(s, "return ('%5p'):format('x')", SBX_ERR_RUN, "'%p' is not allowed", 2000);
    expect_str(s, "return string.format('%s|%s|%s|%s', {}, print or next, nil, true)",
               "table|function|nil|true");
    expect_str(s, "return string.format('%%p %5.1f %-3s| %d %q', 1.25, 'a', 7, 'q')",
               "%p   1.2 a  | 7 \"q\"");
    expect_str(s, "return ('%s'):format(setmetatable({}, {__tostring = function() return 'T' end}))",
               "T");
    expect_str(s, "return ('%s'):format(setmetatable({}, {__name = 'Obj'}))", "Obj");
    assert_usable(s);
    sbx_free(s);
}

/* ------------------------------------------------------------------ */
/* Metatables: __gc, __close                                          */
/* ------------------------------------------------------------------ */

static void test_gc_refused(void **state)
{
    (void)state;
    sbx *s = make(0, 1000000, 0);
    expect_fail(s, "setmetatable({}, {__gc = function() while true do end end})", SBX_ERR_RUN,
                "__gc is not allowed in scenarios", 2000);
    expect_fail(s, "setmetatable({}, {__gc = false})", SBX_ERR_RUN, "__gc is not allowed", 2000);
    /* A __gc added to the metatable later never marks the object (Lua's own
     * rule), so closing the state below must not hang. */
    assert_int_equal(run(s, "local mt = {} keep = setmetatable({}, mt)"
                            " mt.__gc = function() while true do end end return 1"),
                     SBX_OK);
    lua_pop(sbx_state(s), 1);
    assert_usable(s);
    double t0 = now_ms();
    sbx_free(s);
    assert_true(now_ms() - t0 < 2000);
}

static void test_close_refused(void **state)
{
    (void)state;
    sbx *s = make(0, 1000000, 0);
    expect_fail(s, "setmetatable({}, {__close = function() end})", SBX_ERR_RUN,
                "__close is not allowed in scenarios", 2000);
    expect_fail(s, "local x <close> = setmetatable({}, {__close = function() end})", SBX_ERR_RUN,
                "__close is not allowed", 2000);
    expect_fail(s, "local x <close> = 42", SBX_ERR_RUN, "non-closable value", 2000);
    expect_true(s, "local x <close> = nil return true");
    /* The nested coroutine.close crash of Lua 5.4.4: close is gone. */
    expect_fail(s, "local coro = false\n"
                   "for i = 1, 1000 do\n"
                   "  local previous = coro\n"
                   "  coro = coroutine.create(function()\n"
                   "    local cc <close> = setmetatable({}, {__close = function()\n"
                   "      if previous then assert(coroutine.close(previous)) end end})\n"
                   "    coroutine.yield()\n"
                   "  end)\n"
                   "  assert(coroutine.resume(coro))\n"
                   "end\n"
                   "coroutine.close(coro)\n",
                SBX_ERR_RUN, "not allowed", 2000);
    expect_fail(s, "coroutine.close(coroutine.create(print or next))", SBX_ERR_RUN,
                "attempt to call a nil value", 2000);
    assert_usable(s);
    sbx_free(s);
}

/* __close added after setmetatable gets past the guard; the remaining road
 * to nested closes (coroutine.wrap resetting a failed coroutine) is bounded
 * by Lua's C-stack limit. It must end in an error, never a crash. */
static void test_late_close_nesting_no_crash(void **state)
{
    (void)state;
    sbx *s = make(0, 0, 0);
    int rc = run(s, "local coro = false\n"
                    "for i = 1, 5000 do\n"
                    "  local previous = coro\n"
                    "  local mt = {}\n"
                    "  local obj = setmetatable({}, mt)\n"
                    "  mt.__close = function() if previous then previous() end end\n"
                    "  coro = coroutine.wrap(function()\n"
                    "    local cc <close> = obj\n"
                    "    coroutine.yield()\n"
                    "    error('x')\n"
                    "  end)\n"
                    "  coro()\n"
                    "end\n"
                    "coro()\n");
    assert_int_not_equal(rc, SBX_OK);
    assert_usable(s);
    sbx_free(s);
}

/* ------------------------------------------------------------------ */
/* pairs, tostring, error objects                                     */
/* ------------------------------------------------------------------ */

static void test_pairs_order(void **state)
{
    (void)state;
    sbx *s = make(0, 0, 0);
    static const char *const code =
        "local t = {b = 1, a = 2, [3] = 1, [1.5] = 1, [-1] = 1, [true] = 1, [false] = 1,"
        " ab = 1, ['a\\0'] = 1, [''] = 1, [2^53] = 1, [-1e300] = 1, [1e300] = 1,"
        " [math.maxinteger] = 1, [2^63] = 1, [-2^63] = 1, [-0.5] = 1, [0] = 1, B = 1}\n"
        "local out = {}\n"
        "for k in pairs(t) do\n"
        "  local r = type(k) == 'string' and ('%q'):format(k) or tostring(k)\n"
        "  out[#out + 1] = r\n"
        "end\n"
        "return table.concat(out, ' ')";
    expect_str(s, code,
               "-1e+300 -9223372036854775808 -1 -0.5 0 1.5 3 9007199254740992"
               " 9223372036854775807 9.2233720368548e+18 1e+300"
               " \"\" \"B\" \"a\" \"a\\0\" \"ab\" \"b\" false true");
    /* Other key types come last, in next's order. */
    expect_true(s, "local t = {x = 1}\n"
                   "local a, b = {}, function() end\n"
                   "t[a] = 1 t[b] = 1 t[1] = 1\n"
                   "local order = {} for k in pairs(t) do order[#order + 1] = k end\n"
                   "local first = next(t, nil) local n = {} local k = nil\n"
                   "repeat k = next(t, k) if type(k) == 'table' or type(k) == 'function'"
                   " then n[#n + 1] = k end until k == nil\n"
                   "return order[1] == 1 and order[2] == 'x' and order[3] == n[1]"
                   " and order[4] == n[2] and #order == 4");
    /* Many keys in scrambled order: every key once, in order. */
    expect_true(s, "local t, n = {}, 0\n"
                   "for i = 1, 3000 do local k = (i * 7919) % 3001\n"
                   "  t[k] = i t['s' .. k] = i t[k + 0.25] = i end\n"
                   "local prev, seen, phase = nil, 0, 'number'\n"
                   "for k, v in pairs(t) do\n"
                   "  seen = seen + 1\n"
                   "  if type(k) ~= phase then assert(phase == 'number' and type(k) == 'string')"
                   " phase = 'string' prev = nil end\n"
                   "  if prev ~= nil then assert(prev < k, tostring(prev) .. ' !< ' .. tostring(k)) end\n"
                   "  prev = k\n"
                   "end\n"
                   "return seen == 9000");
    /* A big table under the default 64 MiB cap (pairs charges n log n). */
    sbx *big = make(0, 100000000, 60000);
    expect_true(big, "local t = {} for i = 1, 200000 do t[-i] = i end\n"
                   "local n, sum, last = 0, 0, -math.huge\n"
                   "for k, v in pairs(t) do n = n + 1 sum = sum + v assert(k > last) last = k end\n"
                   "return n == 200000 and sum == 200000 * 200001 // 2");
    assert_true(sbx_mem_peak(big) <= 64 * MiB);
    sbx_free(big);
    /* Two sandboxes (different hash seeds) agree. */
    sbx *s2 = make(0, 0, 0);
    static const char *const build =
        "local t = {} for i = 1, 200 do t['k' .. (i * 7919 % 1000)] = i t[i * 0.5] = i end\n"
        "local o = {} for k, v in pairs(t) do o[#o + 1] = tostring(k) .. '=' .. v end\n"
        "return table.concat(o, ',')";
    char a[8192], b[8192];
    run_str(s, build, a, sizeof a);
    run_str(s2, build, b, sizeof b);
    assert_string_equal(a, b);
    sbx_free(s2);
    assert_usable(s);
    sbx_free(s);
}

/* next walks the keys in the order pairs does, whatever the state's hash
 * seed: the first key of a table is the same in every state (Lua's own
 * next gives the hash layout's first), and a next loop visits what pairs
 * visits, other key types last, in the same order. */
static void test_next_order(void **state)
{
    (void)state;
    static const char *const first =
        "local t = {} for i = 1, 40 do t['k' .. i] = i end return (next(t))";
    char a[64], b[64];
    for (int i = 0; i < 8; i++) {
        sbx *s = make(0, 0, 0);
        run_str(s, first, i ? b : a, 64);
        sbx_free(s);
        if (i)
            assert_string_equal(a, b);
    }
    assert_string_equal(a, "k1");
    sbx *s = make(0, 0, 0);
    expect_true(s, "local t = {b = 1, a = 2, [3] = 3, [true] = 4, [1.5] = 5, z = 6}\n"
                   "local x, f = {}, function() end t[x] = 7 t[f] = 8\n"
                   "local p, q = {}, {}\n"
                   "for k, v in pairs(t) do p[#p + 1] = k end\n"
                   "local k, v = next(t)\n"
                   "while k ~= nil do q[#q + 1] = k assert(t[k] == v) k, v = next(t, k) end\n"
                   "if #p ~= #q or #p ~= 8 then return false end\n"
                   "for i = 1, #p do if p[i] ~= q[i] then return false end end\n"
                   "return p[1] == 1.5 and p[2] == 3 and p[3] == 'a' and p[6] == true\n"
                   "  and next({}) == nil and next(t, 'z') == true");
    /* Emptiness checks and a loop stay within the budget for small tables;
     * a key of another type that is not in the table raises, as next does. */
    expect_fail(s, "return next({}, {})", SBX_ERR_RUN, "next", 1000);
    assert_usable(s);
    sbx_free(s);
}

static void test_pairs_raw_and_mutation(void **state)
{
    (void)state;
    sbx *s = make(0, 0, 0);
    expect_str(s, "local t = setmetatable({1, 2, 3}, {__pairs = function() error('called') end,"
                  " __index = function() error('index') end})\n"
                  "local n = 0 for k, v in pairs(t) do n = n + v end return tostring(n)",
               "6");
    /* Clearing fields during the loop is allowed; cleared keys are skipped. */
    expect_str(s, "local t = {} for i = 1, 10 do t[i] = i end\n"
                  "local seen = 0 for k in pairs(t) do seen = seen + 1 t[k + 1] = nil end\n"
                  "return tostring(seen)",
               "5");
    expect_true(s, "for k, v in pairs({}) do return false end return true");
    expect_true(s, "local it = pairs({a = 1}) local k, v = it() local k2 = it()"
                   " return k == 'a' and v == 1 and k2 == nil and it() == nil");
    expect_fail(s, "for k in pairs(nil) do end", SBX_ERR_RUN, "table expected", 2000);
    expect_fail(s, "for k in pairs('abc') do end", SBX_ERR_RUN, "table expected", 2000);
    assert_usable(s);
    sbx_free(s);
}

static void test_tostring_no_addresses(void **state)
{
    (void)state;
    sbx *s = make(0, 1000000, 0);
    expect_str(s, "return tostring({}) .. ' ' .. tostring(next) .. ' ' .. tostring(function() end)"
                  " .. ' ' .. tostring(coroutine.create(next))",
               "table function function thread");
    expect_str(s, "return tostring(12) .. tostring(1.5) .. tostring(nil) .. tostring(false)",
               "121.5nilfalse");
    expect_str(s, "return tostring(setmetatable({}, {__name = 'Alert'}))", "Alert");
    expect_str(s, "return tostring(setmetatable({}, {__name = 42}))", "table");
    expect_str(s, "return tostring(setmetatable({}, {__tostring = function(t) return 'T!' end}))",
               "T!");
    expect_fail(s, "return tostring(setmetatable({}, {__tostring = function() return 42 end}))",
                SBX_ERR_RUN, "'__tostring' must return a string", 2000);
    /* __tostring runs under the budget. */
    expect_fail(s, "return tostring(setmetatable({}, {__tostring = function()"
                   " while true do end end}))",
                SBX_ERR_BUDGET, "instruction budget exceeded", 5000);
    expect_fail(s, "return tostring()", SBX_ERR_RUN, "value expected", 2000);
    assert_usable(s);
    sbx_free(s);
}

static void test_error_objects(void **state)
{
    (void)state;
    sbx *s = make(0, 1000000, 0);
    expect_fail(s, "error({})", SBX_ERR_RUN, "test.lua:1: (error object is a table value)", 2000);
    expect_fail(s, "error()", SBX_ERR_RUN, "(error object is a nil value)", 2000);
    expect_fail(s, "error(42)", SBX_ERR_RUN, "(error object is a number value)", 2000);
    expect_fail(s, "error(true)", SBX_ERR_RUN, "(error object is a boolean value)", 2000);
    /* A hostile __tostring is never called: no hang, no crash. */
    expect_fail(s, "error(setmetatable({}, {__tostring = function() while true do end end}))",
                SBX_ERR_RUN, "(error object is a table value)", 2000);
    expect_fail(s, "error(setmetatable({}, {__tostring = function() error({}) end}))",
                SBX_ERR_RUN, "(error object is a table value)", 2000);
    expect_fail(s, "error(setmetatable({}, {__index = function() while true do end end,"
                   " __name = 'x'}))",
                SBX_ERR_RUN, "(error object is a table value)", 2000);
    expect_fail(s, "assert(false, {})", SBX_ERR_RUN, "(error object is a table value)", 2000);
    expect_fail(s, "assert(false)", SBX_ERR_RUN, "test.lua:1: assertion failed!", 2000);
    /* Errors inside nested functions name the innermost line. */
    expect_fail(s, "local function f()\n  local x = nil + 1\nend\nf()", SBX_ERR_RUN,
                "test.lua:2: attempt to perform arithmetic", 2000);
    assert_usable(s);
    sbx_free(s);
}

/* ------------------------------------------------------------------ */
/* math.random                                                        */
/* ------------------------------------------------------------------ */

static void test_random_with_rng(void **state)
{
    (void)state;
    uint64_t seed1 = 7, seed2 = 7;
    sbx_rng r1 = {splitmix, &seed1}, r2 = {splitmix, &seed2};
    sbx *s = sbx_new(NULL, &r1), *t = sbx_new(NULL, &r2);
    assert_non_null(s);
    assert_non_null(t);
    expect_true(s, "for i = 1, 2000 do\n"
                   "  local f = math.random() assert(f >= 0 and f < 1 and math.type(f) == 'float')\n"
                   "  local a = math.random(6) assert(a >= 1 and a <= 6 and math.type(a) == 'integer')\n"
                   "  local b = math.random(-3, 3) assert(b >= -3 and b <= 3)\n"
                   "  local c = math.random(math.mininteger, math.maxinteger)\n"
                   "  assert(math.random(5, 5) == 5)\n"
                   "end\n"
                   "local seen = {} for i = 1, 600 do seen[math.random(6)] = true end\n"
                   "return #seen == 6 and math.randomseed == nil");
    expect_fail(s, "return math.random(5, 3)", SBX_ERR_RUN, "interval is empty", 2000);
    expect_fail(s, "return math.random(1, 2, 3)", SBX_ERR_RUN, "wrong number of arguments", 2000);
    /* The real math table is the one changed; same seed, same stream. */
    char a[256], b[256];
    const char *code = "local o = {} for i = 1, 10 do o[i] = math.random(1000) end"
                       " return table.concat(o, ',')";
    run_str(s, code, a, sizeof a);
    expect_true(t, "for i = 1, 2000 do math.random() math.random(6) math.random(-3, 3)"
                   " math.random(math.mininteger, math.maxinteger) math.random(5, 5) end"
                   " for i = 1, 600 do math.random(6) end return true");
    run_str(t, code, b, sizeof b);
    assert_string_equal(a, b);
    assert_usable(s);
    sbx_free(s);
    sbx_free(t);
}

static void test_random_without_rng(void **state)
{
    (void)state;
    sbx *s = make(0, 0, 0);
    expect_fail(s, "return math.random()", SBX_ERR_RUN, "math.random is not available", 2000);
    expect_fail(s, "return math.random(6)", SBX_ERR_RUN, "not available", 2000);
    expect_true(s, "return math.randomseed == nil");
    assert_usable(s);
    sbx_free(s);
}

/* ------------------------------------------------------------------ */
/* table guards                                                       */
/* ------------------------------------------------------------------ */

static void test_table_limits(void **state)
{
    (void)state;
    sbx *s = make(0, 0, 60000);
    expect_fail(s, "table.move({}, 1, 1e15, 2)", SBX_ERR_RUN, "over the limit", 2000);
    expect_fail(s, "return table.concat({}, '', 1, 1e15)", SBX_ERR_RUN, "over the limit", 2000);
    expect_fail(s, "return table.concat(setmetatable({}, {__index = function() return '' end}),"
                   " '', 1, 1e12)",
                SBX_ERR_RUN, "over the limit", 2000);
    static const char *const len_attacks[] = {
        "table.insert(setmetatable({}, {__len = function() return 1e15 end}), 1, 0)",
        "table.remove(setmetatable({}, {__len = function() return 1e15 end}), 1)",
        "table.sort(setmetatable({}, {__len = function() return 2^30 end}), rawequal)",
        "return table.concat(setmetatable({}, {__len = function() return 1e15 end}))",
    };
    for (size_t i = 0; i < sizeof len_attacks / sizeof len_attacks[0]; i++)
        expect_fail(s, len_attacks[i], SBX_ERR_RUN, "__len metamethod are not supported", 2000);
    /* Ordinary use. */
    expect_str(s, "local t = {5, 3, 1, 4} table.sort(t) table.insert(t, 2, 9) table.insert(t, 7)"
                  " table.remove(t, 1) table.remove(t) local u = table.move(t, 1, 2, 3, {})"
                  " return table.concat(t, ',') .. ';' .. tostring(u[3]) .. tostring(u[4])",
               "9,3,4,5;93");
    expect_str(s, "local t = {} for i = 1, 1000 do t[i] = (i * 37) % 1000 end"
                  " table.sort(t, function(a, b) return a > b end) return t[1] .. ',' .. t[1000]",
               "999,0");
    /* A comparator that never ends is stopped by the budget. */
    expect_fail(s, "table.sort({3, 2, 1}, function() while true do end end)", SBX_ERR_BUDGET,
                "instruction budget exceeded", 5000);
    assert_usable(s);
    sbx_free(s);
}

/* ------------------------------------------------------------------ */
/* Never panic: tiny caps and failing allocations                      */
/* ------------------------------------------------------------------ */

static void test_tiny_memory_caps(void **state)
{
    (void)state;
    int made = 0, refused = 0;
    for (size_t cap = 256; cap <= 64 * 1024; cap += cap < 8192 ? 256 : 1024) {
        sbx_limits lim = {cap, 0, 0};
        sbx *s = sbx_new(&lim, NULL);
        if (!s) {
            refused++;
            continue;
        }
        made++;
        int rc = run(s, "local t = {} for i = 1, 100 do t[i] = 'x' .. i end return #t");
        assert_true(rc == SBX_OK || rc == SBX_ERR_MEM);
        if (rc == SBX_OK)
            lua_pop(sbx_state(s), 1);
        else
            assert_non_null(strstr(sbx_errmsg(s), "memory limit exceeded"));
        assert_true(sbx_mem_peak(s) <= cap);
        sbx_free(s);
    }
    assert_true(refused > 0);   /* the smallest caps cannot hold the libraries */
    assert_true(made > 0);
}

static const char fault_script[] =
    "local t = {}\n"
    "for i = 1, 40 do t[i] = 'item' .. i end\n"
    "local s = table.concat(t, ',')\n"
    "local u = {}\n"
    "for k, v in pairs(t) do u[v] = k end\n"
    "local r = s:gsub('item(%d+)', function(d) return d end)\n"
    "local co = coroutine.wrap(function(a) return a .. ('x'):rep(10) end)\n"
    "return #s + #r + #co('y') + (u.item7 or 0)\n";

/* Fail the Nth allocation (and all after it) for N = 0, 1, 2, ... until the
 * script needs fewer: each run ends in a result or a memory error, and the
 * sandbox is still usable once allocations work again. */
static void test_fault_injection_call(void **state)
{
    (void)state;
    sbx *s = make(0, 0, 0);
    lua_State *L = sbx_state(s);
    long n;
    lua_Integer want = 0;
    for (n = 0; n < 5000; n++) {
        assert_int_equal(sbx_load(s, fault_script, strlen(fault_script), "fault.lua"), SBX_OK);
        sbx_fail_alloc_after(s, n);
        int rc = sbx_pcall(s, 0, 1);
        sbx_fail_alloc_after(s, -1);
        if (rc == SBX_OK) {
            want = lua_tointeger(L, -1);
            lua_pop(L, 1);
            break;
        }
        if (rc != SBX_ERR_MEM)
            fail_msg("n=%ld: rc %d: %s", n, rc, sbx_errmsg(s));
        assert_int_equal(lua_gettop(L), 0);
        assert_usable(s);
    }
    assert_true(n > 20);      /* failures were really injected */
    assert_true(n < 5000);
    assert_true(want > 0);
    sbx_free(s);

    /* The same with a fresh sandbox each time, freed right after failing. */
    for (long k = 0; k < n; k += 7) {
        sbx *f = make(0, 0, 0);
        assert_int_equal(sbx_load(f, fault_script, strlen(fault_script), "fault.lua"), SBX_OK);
        sbx_fail_alloc_after(f, k);
        int rc = sbx_pcall(f, 0, 1);
        assert_true(rc == SBX_OK || rc == SBX_ERR_MEM);
        sbx_free(f);
    }
}

static void test_fault_injection_load(void **state)
{
    (void)state;
    sbx *s = make(0, 0, 0);
    long n;
    for (n = 0; n < 5000; n++) {
        sbx_fail_alloc_after(s, n);
        int rc = sbx_load(s, fault_script, strlen(fault_script), "fault.lua");
        sbx_fail_alloc_after(s, -1);
        if (rc == SBX_OK) {
            lua_pop(sbx_state(s), 1);
            break;
        }
        assert_int_equal(rc, SBX_ERR_MEM);
        assert_non_null(strstr(sbx_errmsg(s), "fault.lua: out of memory"));
        assert_int_equal(lua_gettop(sbx_state(s)), 0);
        assert_usable(s);
    }
    assert_true(n > 5);
    sbx_free(s);
}

/* ------------------------------------------------------------------ */
/* sbx_protect                                                        */
/* ------------------------------------------------------------------ */

static int build_args(lua_State *L)
{
    int *calls = lua_touserdata(L, 1);
    (*calls)++;
    lua_createtable(L, 0, 2);
    lua_pushliteral(L, "portal");
    lua_setfield(L, -2, "name");
    lua_pushinteger(L, 3);
    lua_setfield(L, -2, "level");
    lua_pushfstring(L, "alert-%d", *calls);
    return 2;
}

static int raise_plain(lua_State *L)
{
    return luaL_error(L, "api said no");
}

static int raise_table(lua_State *L)
{
    lua_newtable(L);
    return lua_error(L);
}

static int spin_lua(lua_State *L)
{
    luaL_loadstring(L, "while true do end");
    lua_call(L, 0, 0);
    return 0;
}

static void test_protect(void **state)
{
    (void)state;
    sbx *s = make(0, 1000000, 0);
    lua_State *L = sbx_state(s);
    int calls = 0;
    assert_int_equal(sbx_protect(s, build_args, &calls), SBX_OK);
    assert_int_equal(calls, 1);
    assert_int_equal(lua_gettop(L), 2);   /* both results stay */
    assert_string_equal(lua_tostring(L, -1), "alert-1");
    lua_getfield(L, 1, "name");
    assert_string_equal(lua_tostring(L, -1), "portal");
    lua_settop(L, 0);

    assert_int_equal(sbx_protect(s, raise_plain, NULL), SBX_ERR_RUN);
    assert_non_null(strstr(sbx_errmsg(s), "api said no"));
    assert_int_equal(sbx_protect(s, raise_table, NULL), SBX_ERR_RUN);
    assert_non_null(strstr(sbx_errmsg(s), "(error object is a table value)"));
    assert_int_equal(sbx_protect(s, spin_lua, NULL), SBX_ERR_BUDGET);
    assert_int_equal(lua_gettop(L), 0);

    sbx_fail_alloc_after(s, 0);
    assert_int_equal(sbx_protect(s, build_args, &calls), SBX_ERR_MEM);
    sbx_fail_alloc_after(s, -1);
    assert_int_equal(lua_gettop(L), 0);

    /* Arguments built under protection feed a call. */
    assert_int_equal(run(s, "return function(t, s) return t.name .. ':' .. s end"), SBX_OK);
    assert_int_equal(sbx_protect(s, build_args, &calls), SBX_OK);
    assert_int_equal(sbx_pcall(s, 2, 1), SBX_OK);
    assert_string_equal(lua_tostring(L, -1), "portal:alert-3");
    lua_settop(L, 0);
    assert_usable(s);
    sbx_free(s);
}

/* An API function calling back into Lua through sbx_pcall: it works, and
 * the nested call shares the outer budget instead of refreshing it. */
static int host_callback(lua_State *L)
{
    sbx *s = sbx_from_state(L);
    lua_getglobal(L, "callback");
    int rc = sbx_pcall(s, 0, 1);
    if (rc != SBX_OK) {
        lua_pushinteger(L, rc);
        return 1;
    }
    return 1;
}

static void test_nested_pcall(void **state)
{
    (void)state;
    sbx *s = make(0, 1000000, 60000);
    lua_State *L = sbx_state(s);
    lua_pushcfunction(L, host_callback);
    lua_setglobal(L, "host");
    expect_str(s, "function callback() return 'inner' end return host()", "inner");
    /* The inner call fails on the budget; the outer one cannot go on. */
    expect_fail(s, "function callback() while true do end end\n"
                   "local r = host()\n"
                   "assert(r == -4)\n"
                   "while true do end",
                SBX_ERR_BUDGET, "instruction budget exceeded", 5000);
    assert_usable(s);
    sbx_free(s);
}

/* ------------------------------------------------------------------ */
/* Overhead                                                           */
/* ------------------------------------------------------------------ */

static int plain_handler(lua_State *L)
{
    return 1;
}

/* C -> Lua calls of a 3-argument function, raw lua_pcall with a handler
 * against sbx_pcall, interleaved, best of several rounds (machines are
 * noisy; the ratio is what matters). */
static void test_pcall_overhead(void **state)
{
    (void)state;
    sbx *s = make(0, 0, 0);
    lua_State *L = sbx_state(s);
    assert_int_equal(run(s, "return function(a, b, c) return a end"), SBX_OK);
    int f = luaL_ref(L, LUA_REGISTRYINDEX);
    enum { ROUNDS = 8, N = 25000 };
    double raw = 1e9, ours = 1e9;
    for (int round = 0; round < ROUNDS; round++) {
        double t0 = now_ms();
        lua_pushcfunction(L, plain_handler);
        for (int i = 0; i < N; i++) {
            lua_rawgeti(L, LUA_REGISTRYINDEX, f);
            lua_pushinteger(L, i);
            lua_pushinteger(L, 2);
            lua_pushinteger(L, 3);
            if (lua_pcall(L, 3, 1, 1) != LUA_OK)
                fail();
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        double t = (now_ms() - t0) * 1e6 / N;
        raw = t < raw ? t : raw;

        t0 = now_ms();
        for (int i = 0; i < N; i++) {
            lua_rawgeti(L, LUA_REGISTRYINDEX, f);
            lua_pushinteger(L, i);
            lua_pushinteger(L, 2);
            lua_pushinteger(L, 3);
            if (sbx_pcall(s, 3, 1) != SBX_OK)
                fail();
            lua_pop(L, 1);
        }
        t = (now_ms() - t0) * 1e6 / N;
        ours = t < ours ? t : ours;
    }
    printf("    pcall: raw %.0f ns, sbx_pcall %.0f ns per call (x%.2f)\n", raw, ours,
           ours / raw);
    assert_int_equal(lua_gettop(L), 0);
    assert_true(ours < raw * 4 + 100);   /* generous bound; no allocation per call */
    luaL_unref(L, LUA_REGISTRYINDEX, f);
    sbx_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults_and_accessors),
        cmocka_unit_test(test_chunkname_and_positions),
        cmocka_unit_test(test_mem_table_bomb),
        cmocka_unit_test(test_mem_string_rep),
        cmocka_unit_test(test_mem_concat_doubling),
        cmocka_unit_test(test_mem_caught_and_rethrown),
        cmocka_unit_test(test_quadratic_concat_ends),
        cmocka_unit_test(test_libs_absent),
        cmocka_unit_test(test_libs_present),
        cmocka_unit_test(test_getmetatable_rules),
        cmocka_unit_test(test_binary_chunk_refused),
        cmocka_unit_test(test_budget_infinite_loop),
        cmocka_unit_test(test_budget_pcall_cannot_swallow),
        cmocka_unit_test(test_budget_converted_error),
        cmocka_unit_test(test_budget_in_coroutines),
        cmocka_unit_test(test_budget_fresh_each_call),
        cmocka_unit_test(test_time_limit),
        cmocka_unit_test(test_pattern_blowup),
        cmocka_unit_test(test_pattern_limits),
        cmocka_unit_test(test_pattern_normal_use),
        cmocka_unit_test(test_rep_limits),
        cmocka_unit_test(test_format_no_addresses),
        cmocka_unit_test(test_gc_refused),
        cmocka_unit_test(test_close_refused),
        cmocka_unit_test(test_late_close_nesting_no_crash),
        cmocka_unit_test(test_pairs_order),
        cmocka_unit_test(test_pairs_raw_and_mutation),
        cmocka_unit_test(test_next_order),
        cmocka_unit_test(test_tostring_no_addresses),
        cmocka_unit_test(test_error_objects),
        cmocka_unit_test(test_random_with_rng),
        cmocka_unit_test(test_random_without_rng),
        cmocka_unit_test(test_table_limits),
        cmocka_unit_test(test_mem_error_line),
        cmocka_unit_test(test_tiny_memory_caps),
        cmocka_unit_test(test_fault_injection_call),
        cmocka_unit_test(test_fault_injection_load),
        cmocka_unit_test(test_protect),
        cmocka_unit_test(test_nested_pcall),
        cmocka_unit_test(test_pcall_overhead),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
