/*
 * sandbox.h - a hardened Lua 5.4 state for running untrusted scenario code.
 *
 * A sandbox owns one lua_State created with lua_newstate and a counting
 * allocator that refuses allocations past a memory cap. Only the base
 * (minus dofile, loadfile, load, print, collectgarbage), string (without
 * dump), table, math (random routed to a caller-supplied generator), utf8
 * and coroutine (without close) libraries are present. Binary chunks are
 * refused everywhere. Every call into Lua goes through sbx_pcall, which
 * installs an instruction budget (sticky once exhausted, so a script's own
 * pcall cannot swallow it), a wall-clock deadline, and a message handler
 * that turns any failure into one "file:line: message" string.
 *
 * Further guards, each with a test in tests/test_sandbox.c:
 *   - setmetatable refuses __gc and __close; getmetatable works on tables only;
 *   - the pattern functions (find, match, gmatch, gsub) of the real string
 *     table refuse subjects and patterns whose worst case would run for
 *     long in C; string.rep refuses results past a size cap; string.format
 *     refuses %p (addresses are not deterministic);
 *   - pairs and next iterate in a defined order (numbers ascending, then
 *     strings bytewise, then booleans), so iteration never depends on hash
 *     seeds;
 *   - tostring of a table or function without __tostring/__name gives its
 *     type name, never an address;
 *   - only string errors are shown; other error objects become
 *     "(error object is a T value)" without running their metamethods.
 *
 * Ownership: the caller owns the sandbox and frees it with sbx_free. Strings
 * returned by sbx_errmsg live until the next call on the same sandbox.
 * Nothing here is thread-safe; use one sandbox per thread.
 */
#ifndef IRDRILL_SANDBOX_H
#define IRDRILL_SANDBOX_H

#include <stddef.h>
#include <stdint.h>

typedef struct lua_State lua_State;

typedef struct sbx_limits {
    size_t mem_bytes;         /* memory cap; 0 = default 64 MiB */
    uint64_t instructions;    /* per sbx_pcall budget; 0 = default 10 million */
    unsigned wall_ms;         /* per sbx_pcall wall-clock guard; 0 = default 2000 ms */
} sbx_limits;
/* The instruction budget also pays for work done in C, where no hook
 * reaches: one unit per 64 bytes allocated, per key ordered by pairs
 * (n log n), per element shifted by table.insert/remove/move/sort/concat,
 * per 16 estimated pattern-matching steps and per 16 bytes string.rep
 * makes. Fixed caps (sbx_int.h): pattern subjects 1 MiB, patterns 512
 * bytes, string.rep results 16 MiB, table spans 16 Mi elements. */

/* Source of randomness for math.random / math.randomseed inside the sandbox.
 * next() returns 64 uniformly distributed bits. */
typedef struct sbx_rng {
    uint64_t (*next)(void *ctx);
    void *ctx;
} sbx_rng;

typedef struct sbx sbx;

/* Error codes returned by sbx_load and sbx_pcall. */
enum {
    SBX_OK = 0,
    SBX_ERR_RUN = -1,     /* a runtime error in the script */
    SBX_ERR_SYNTAX = -2,  /* the chunk does not compile */
    SBX_ERR_MEM = -3,     /* the memory cap was reached */
    SBX_ERR_BUDGET = -4,  /* the instruction budget or wall clock ran out */
    SBX_ERR_NOMEM = -5,   /* the process itself is out of memory (sbx_new) */
};

/* Create a sandbox. limits may be NULL for the defaults. rng may be NULL,
 * in which case math.random raises an error. Returns NULL only when the
 * process cannot allocate the state itself.
 * (Also NULL when limits->mem_bytes is too small for the state and its
 * libraries, a few tens of KiB: the set-up runs protected, never panics.) */
sbx *sbx_new(const sbx_limits *limits, const sbx_rng *rng);
void sbx_free(sbx *s);

/* The underlying state, for pushing arguments and registering API
 * functions. Calls that may allocate should be made inside sbx_pcall
 * (or with sbx_protect) since an allocation failure outside a protected
 * call would panic. */
lua_State *sbx_state(sbx *s);

/* Compile text (never binary) as a chunk named chunkname (shown in errors
 * as given, e.g. "scenarios/portal.lua"). On success pushes the function
 * and returns SBX_OK; on failure pushes nothing and returns an error code,
 * with the message in sbx_errmsg. */
int sbx_load(sbx *s, const char *buf, size_t len, const char *chunkname);

/* Compile once, load many times. A sbx_chunk is a function this process
 * compiled from text with sbx_load, kept in its compiled (binary) form with
 * its debug information, so that "file:line" messages stay the same. It
 * can only be made by sbx_dump, lives only in memory and is never read
 * from or written to anything outside the process: binary chunks from
 * elsewhere can crash the VM, which is why sbx_load takes text only.
 * simulate uses this to give each playthrough a fresh state without
 * paying for the compiler again (docs/architecture.md). */
typedef struct sbx_chunk sbx_chunk;

/* Keep the Lua function on top of the stack (as sbx_load leaves it; it
 * stays there) as a chunk. SBX_OK with *out set, or SBX_ERR_NOMEM. */
int sbx_dump(sbx *s, sbx_chunk **out);

/* Push the function of a chunk made by sbx_dump (in any sandbox of this
 * process), as sbx_load would push it after compiling. SBX_OK, or an
 * error code with the message in sbx_errmsg. */
int sbx_load_chunk(sbx *s, const sbx_chunk *c);

void sbx_chunk_free(sbx_chunk *c);

/* Call the function below nargs arguments on the stack, as lua_pcall does,
 * with a fresh instruction budget and wall-clock deadline. On failure the
 * function and arguments are popped, nothing is pushed, and sbx_errmsg
 * gives "file:line: message" (the location of the innermost scenario
 * line involved, when there is one). */
int sbx_pcall(sbx *s, int nargs, int nresults);
/* Works on sbx_state(s), the main thread. Called again from inside an API
 * function (nested), it shares the outer call's budget and deadline rather
 * than starting fresh ones. */

/* Run a C function f(L) with ud as a light userdata argument, protected,
 * with the same budget and error handling as sbx_pcall. Convenient for
 * API work that allocates (creating tables, pushing strings). */
int sbx_protect(sbx *s, int (*f)(lua_State *L), void *ud);
/* Whatever f returns is left on the stack (LUA_MULTRET), so f may build
 * arguments for a following sbx_pcall. */

/* The message of the last failure. */
const char *sbx_errmsg(const sbx *s);

/* Bytes currently allocated by the state; the high-water mark. */
size_t sbx_mem_used(const sbx *s);
size_t sbx_mem_peak(const sbx *s);

/* Instructions counted during the last sbx_pcall (to the hook's
 * granularity). */
uint64_t sbx_last_instructions(const sbx *s);

/* Recover the sbx that owns a state, from inside API functions. */
sbx *sbx_from_state(lua_State *L);

/* Set or read an opaque pointer for API functions to reach their host. */
void sbx_set_user(sbx *s, void *user);
void *sbx_user(const sbx *s);

/* Text of a string value at idx, but only if it is a real string (no number
 * coercion, no metamethods); NULL otherwise. */
const char *sbx_tostring_raw(lua_State *L, int idx, size_t *len);

/* For tests: fault injection. After n more successful growing allocations,
 * every growing allocation fails, until called again with n < 0 (off). */
void sbx_fail_alloc_after(sbx *s, long n);

#endif
