/*
 * sbx_int.h - what the parts of the sandbox share; private to engine/sandbox.c
 * and engine/sbx_*.c. The public contract is in sandbox.h.
 *
 *   sandbox.c     the state, allocator, budget hook, messages, pcall/protect,
 *                 load and the set-up that installs the guards below;
 *   sbx_base.c    base library replacements (setmetatable, getmetatable,
 *                 tostring, ordered pairs), table.* guards, math.random;
 *   sbx_string.c  the guards on the real string table (pattern functions,
 *                 rep, format).
 */
#ifndef IRDRILL_SBX_INT_H
#define IRDRILL_SBX_INT_H

#include "engine/sandbox.h"

#include <lua.h>

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#if LUA_VERSION_NUM != 504
#error "the sandbox (sandbox.c, sbx_*.c) is written for Lua 5.4"
#endif

#define SBX_DEFAULT_MEM ((size_t)64 << 20)
#define SBX_DEFAULT_BUDGET 10000000u
#define SBX_DEFAULT_WALL_MS 2000u
#define SBX_HOOK_GRAIN 1000           /* instructions between hook calls */
#define SBX_CHECK_EVERY 1000u         /* work units between clock readings */
#define SBX_ALLOC_UNIT 64u            /* bytes allocated per unit charged */
#define SBX_PAT_SUBJECT_MAX ((size_t)1 << 20)
#define SBX_PAT_PATTERN_MAX 512
#define SBX_PAT_COST_MAX 1e7          /* ~0.15 s of matching at worst */
#define SBX_PAT_RUN_CLASSES 16        /* classes whose runs we measure */
#define SBX_REP_MAX ((size_t)16 << 20)
#define SBX_SPAN_MAX ((lua_Integer)1 << 24)
#define SBX_ERRBUF 1024
#define SBX_NAME_MAX 256

enum { LIMIT_NONE, LIMIT_BUDGET, LIMIT_TIME };

/* sbx_pool.c: the state's own free lists for blocks of up to SBX_POOL_MAX
 * bytes. */
#define SBX_POOL_MAX 1024
#define SBX_POOL_CLASSES (SBX_POOL_MAX / 16)
typedef struct sbx_pool {
    void *free[SBX_POOL_CLASSES];  /* per size class, linked through the blocks */
    char *cur; size_t left;        /* the slab being carved */
    void *slabs;                   /* every slab, linked through its first bytes */
} sbx_pool;
/* lua_Alloc's contract, without the accounting: NULL only when a block
 * cannot grow or be made (never when it shrinks). */
void *sbx_pool_alloc(sbx_pool *p, void *ptr, size_t osize, size_t nsize);
/* Release every slab; after lua_close, when no block is in use. */
void sbx_pool_release(sbx_pool *p);
enum { REFUSED_NONE, REFUSED_CAP, REFUSED_INJECTED, REFUSED_SYSTEM, REFUSED_LIMIT };

struct sbx {
    lua_State *L;

    size_t mem_cap, mem_used, mem_peak;
    sbx_pool pool;        /* where the state's blocks come from */
    long fail_after;      /* test hook: growing allocations left; -1 off */
    int refused;          /* why an allocation was last refused (this call) */

    uint64_t budget;      /* work units per outermost call */
    uint64_t used;        /* units spent in the current call */
    uint64_t instr;       /* instructions seen by the hook, current call */
    uint64_t last_instr;  /* instr of the last finished call */
    uint64_t next_check;  /* read the clock when used reaches this */
    unsigned wall_ms;
    int grain;            /* hook count while not exhausted */
    int depth;            /* nesting of sbx_pcall; limits apply when > 0 */
    int limit;            /* LIMIT_* once exhausted in this call */
    int grace;            /* allow the limit message itself to be allocated */
    int have_deadline;    /* the deadline is set at the first clock reading */
    struct timespec deadline;

    sbx_rng rng;
    void *user;

    /* The library functions the guards hand over to once arguments pass. */
    lua_CFunction find, match, gmatch, gsub, rep, format;
    lua_CFunction tinsert, tremove, tmove, tsort, tconcat;

    /* "file:line: " of the Lua line running when an allocation was last
     * refused in this call: a memory error unwinds without calling the
     * message handler, so this is where its position is kept. */
    char memwhere[SBX_NAME_MAX];
    char limitmsg[SBX_ERRBUF / 2];
    char errbuf[SBX_ERRBUF];
};

/* ------------------------------------------------------------------ */
/* sandbox.c                                                          */
/* ------------------------------------------------------------------ */

/* Charge work done in C by a guard; raises when exhausted. */
void sbx_charge(lua_State *L, sbx *s, uint64_t units);

/* Set-up helpers for the library tables, used while the state is built:
 * remove t[name]; set t[name] = f; put f in place of t[name] and return
 * what was there (raising if it is missing). */
void sbx_lib_drop(lua_State *L, int t, const char *name);
void sbx_lib_put(lua_State *L, int t, const char *name, lua_CFunction f);
lua_CFunction sbx_lib_swap(lua_State *L, int t, const char *name, lua_CFunction f);

/* ------------------------------------------------------------------ */
/* sbx_base.c                                                         */
/* ------------------------------------------------------------------ */

/* tostring without addresses; pushes the result and returns its text. */
const char *sbx_push_safe_tostring(lua_State *L, int idx);

/* Install the guards on the global table at g (base library), on the
 * table library, and math.random; s keeps the functions handed over to. */
void sbx_base_install(lua_State *L, int g);
void sbx_table_install(lua_State *L, sbx *s, int g);
void sbx_math_install(lua_State *L, int g);

/* ------------------------------------------------------------------ */
/* sbx_string.c                                                       */
/* ------------------------------------------------------------------ */

/* Install the guards on the real string table (global "string" at g). */
void sbx_string_install(lua_State *L, sbx *s, int g);

#endif
