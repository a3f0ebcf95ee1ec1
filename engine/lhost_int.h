/*
 * lhost_int.h - the Lua host's private state, shared by its source files:
 *   lhost.c        loading (stdlib, then the scenario), problems, lifecycle;
 *   ldecl.c        reading declaration tables; scenario, role, asset, link,
 *                  action, recipient, fact, audience, support;
 *   ldecl_score.c  objective, penalty, hint, ending, signal, test, triggers;
 *   lcheck.c       the checks that need the whole file (references, roles,
 *                  where tests' inputs begin);
 *   lapi.c         the world object `w`, the action table `a`, hooks.call.
 * Nothing outside those files includes it.
 *
 * While loading, declarations go straight into h->sc; what only loading
 * needs (ids not yet resolved, which entries came from the stdlib) is kept
 * beside it in arrays indexed like the scen's and freed after loading.
 *
 * Hook references: every function a scenario passes is kept with luaL_ref
 * in the registry. luaL_ref gives a positive integer for any non-nil value
 * (the registry's array part starts at 1 and its first slots are taken by
 * Lua itself), and only functions are ever referenced, so a real ref is
 * always >= 1 and 0 can mean "no hook" in a scen.
 */
#ifndef IRDRILL_LHOST_INT_H
#define IRDRILL_LHOST_INT_H

#include "engine/lhost.h"

#include <lauxlib.h>
#include <lua.h>
#include <stdbool.h>

#define LH_MAX_DECLS 20000         /* declarations in one file, all kinds */
#define LH_TEXT_MAX 4096           /* bytes in one language of a text */
#define LH_ID_MAX SCEN_ID_MAX      /* bytes in an id (scen.h) */
#define LH_STR_MAX 200             /* bytes in a free string (kind, zone, source) */
#define LH_INPUTS_MAX (1 << 20)    /* bytes in a test's inputs script */
#define LH_FILE_MAX (16 << 20)     /* bytes in a scenario file */
/* Entries read from one script table. lua_next runs in C where the
 * instruction budget does not reach, so a table with a million keys must
 * not be walked in full, and again on every call. */
#define LH_TABLE_MAX 64
#define LH_STDLIB_NAME "stdlib.lua"

/* The kinds of named ids the stdlib declares and scenarios may extend. */
enum { NK_RECIPIENT, NK_FACT, NK_AUDIENCE, NK_SUPPORT, NK_COUNT };

typedef struct lh_problem {
    int line;
    char *msg;                   /* the whole "file:line: message" */
} lh_prob;

/* Load-time facts about one action, beside h->sc.actions. */
typedef struct lh_action_x {
    char **role_ids;
    int nrole_ids;
    bool any_role;               /* roles = "any" (or none given): every role */
    bool std;                    /* declared by the stdlib and not replaced yet */
} lh_action_x;

typedef struct lh_link_x {
    char *a, *b;                 /* asset ids as written */
    int line;
} lh_link_x;

typedef struct lh_deadline {
    char *id;
    int minutes;
} lh_deadline;

typedef struct lh_load {
    lh_prob *probs;
    int nprobs, cap_probs, dropped;
    int scen_count, scen_line;   /* scenario{} calls and the first one's line */
    int first_line;              /* first other declaration before scenario{} */
    const char *first_kind;
    int ndecls;
    /* capacities of the h->sc arrays being filled */
    int cap_roles, cap_assets, cap_actions, cap_triggers, cap_objectives,
        cap_penalties, cap_hints, cap_endings, cap_signals, cap_tests, cap_attack;
    int cap_named[NK_COUNT];
    /* beside h->sc arrays, same indices */
    lh_action_x *ax; int nax, cap_ax;
    char **sig_asset; int nsig_asset, cap_sig_asset;      /* signal's asset id or NULL */
    char **trig_action; int ntrig_action, cap_trig_action;  /* on()'s action id */
    int *asset_vars; int nasset_vars, cap_asset_vars;     /* registry ref of vars or 0 */
    bool *named_std[NK_COUNT]; int nnamed_std[NK_COUNT], cap_named_std[NK_COUNT];
    lh_link_x *links; int nlinks, cap_links;
    lh_deadline *deadlines; int ndeadlines, cap_deadlines;
} lh_load;

struct lhost {
    sbx *sbx;
    lua_State *L;
    scen sc;
    engine *e;                   /* bound engine (borrowed), or NULL */
    bool in_stdlib;              /* the stdlib chunk is running */
    bool loaded;                 /* declarations are closed */
    int w_ref;                   /* the world object, or 0 before it exists */
    int asset_tbl_ref;           /* w.asset */
    lh_load ld;
    bool inputs_known;           /* loading from an image: tests' inputs lines are
                                    copied from it, not searched for again */
    int *plain;                  /* lines of texts given as a plain string */
    int nplain, cap_plain;
    /* Registry refs taken while the top level runs (lh_ref), in order:
     * recorded when an image is made (keep), compared when a fresh state
     * replays an image's declarations (replay, lhost.c). */
    int *keep_refs; int nkeep_refs, cap_keep_refs;
    const int *replay_refs; int nreplay_refs, replay_next;
    bool recording;              /* an image is being made: keep_refs fills */
    bool replaying;              /* the declaration functions only take refs */
    bool replay_bad;             /* a ref differed from the image's: load it in full */
    bool sc_borrowed;            /* sc is the image's, shared: never freed here */
    struct lhost_image *img;     /* the image lent sc (NULL while loading) */
    const char *stdlib;          /* the standard library's text it ran: the */
    size_t stdlib_len;           /* built-in one, or stdlib_own */
    char *stdlib_own;
    char err[256];               /* own failures of hooks.call */
    const char *errp;            /* what hooks.errmsg returns */
};

/* An image (lhost.h): see "Images" in lhost.c. */
struct lhost_image {
    char *path, *source;
    size_t len;
    char hash[65];
    sbx_chunk *stdlib, *scenario;
    char *stdlib_own;            /* the standard library's text when not the
                                    built-in one (lhost_opts.stdlib), else NULL */
    size_t stdlib_len;
    int *inputs_lines;           /* per test: where its inputs begin (lcheck.c) */
    int ntests;
    scen sc;                     /* the declarations, as the first load made them */
    bool has_sc;
    int users;                   /* the owner's handle + each lhost borrowing sc */
    int *refs; int nrefs;        /* lh_ref's refs of that load, in order */
    int *asset_vars; int nasset_vars;   /* refs of the assets' vars tables */
    int *plain; int nplain;      /* lines of plain-string texts of the declarations */
};

/* lhost.c */
/* The line of the innermost Lua function running on L (0 if none). */
int lh_line(lua_State *L);
/* Record "file:line: message" (file: the chunk running now). */
void lh_problem(lhost *h, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Grow an array whose address is at parr (a T **) to hold one more
 * element, zero it, count it in *n and return it; raises a Lua error when
 * out of memory, so nothing is half done. */
void *lh_push(lua_State *L, void *parr, int *n, int *cap, size_t size);
/* A malloc'd copy of s; raises a Lua error when out of memory. */
char *lh_strdup(lua_State *L, const char *s, size_t n);
/* luaL_ref of the value on top (popped) into the registry, for every
 * function or table a declaration keeps; see lhost.c on images. */
int lh_ref(lua_State *L, lhost *h);
bool lh_id_ok(const char *s, size_t n);
bool lh_attack_id_ok(const char *s);
/* Check a text value at idx: a string, or a table with string vi and en.
 * On success sets the parts (a plain string gives both) and returns 0;
 * otherwise writes the reason into why and returns -1. Raw access only. */
int lh_text_parts(lua_State *L, int idx, const char **vi, size_t *nvi,
                  const char **en, size_t *nen, char *why, size_t whylen);
/* A malloc'd NFC copy of valid UTF-8 (ASCII is copied as is); NULL on OOM. */
char *lh_nfc(const char *s, size_t n);

/* ldecl.c: reading one declaration's table. The table is argument 1 of
 * the declaration function; every read is raw (no metamethod of the
 * script's table runs) and type-checked; a bad field is a problem with
 * the line of the call, and reading goes on. */
typedef struct dctx {
    lhost *h;
    lua_State *L;
    const char *kind;            /* "role", "asset", ... */
    const char *id;              /* for messages once known (borrowed), or NULL */
    int line;
} dctx;

/* Start a declaration named what (e.g. "role{}"): refuses it inside a
 * hook, counts it, remembers declarations made before scenario{}. */
lhost *ldecl_host(lua_State *L, const char *what);
/* Set up d for a table declaration; false (with a problem) when argument
 * 1 is not a table. */
bool d_begin(dctx *d, lhost *h, lua_State *L, const char *kind);
void d_problem(dctx *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Problems for keys not in allowed (NULL-terminated), in sorted order. */
void d_keys(dctx *d, const char *const *allowed);
/* Each returns true when the field is present and valid (out set), false
 * when absent (out untouched; a problem if required) or invalid (a problem). */
bool d_int(dctx *d, const char *key, long long lo, long long hi, int *out, bool required);
bool d_int64(dctx *d, const char *key, long long lo, long long hi, long long *out, bool required);
bool d_bool(dctx *d, const char *key, bool *out);
const char *d_str(dctx *d, const char *key, size_t max, bool required);
const char *d_id(dctx *d, const char *key, bool required);
bool d_text(dctx *d, const char *key, text *dst, bool required);
/* A function field kept as a registry ref; allow_false lets false mean
 * "no hook" (*ref = 0). */
bool d_func(dctx *d, const char *key, int *ref, bool required, bool allow_false);
/* The id at argument 1 checked against a list of earlier ids; true when
 * it is new. */
bool d_unique(dctx *d, int found, int first_line);
char *d_trigger_name(lua_State *L, lhost *h, const char *what, int line);

bool ldecl_severity_ok(const char *s);
/* x1, x2, ...: the engine's automatic signal ids. */
bool ldecl_signal_id_reserved(const char *id);
/* Put the declaration functions and the load-time guards into globals
 * (raw sets, so no metatable on the globals can interfere). */
void ldecl_register(lua_State *L, lhost *h);
/* Pop the value on top into the global name. */
void ldecl_set_global(lua_State *L, const char *name);
/* A global C function with h as its upvalue 1. */
void ldecl_set_closure(lua_State *L, lhost *h, const char *name, lua_CFunction f);
/* ldecl_score.c: objective, penalty, hint, ending, signal, test and the
 * triggers. */
void ldecl_register_score(lua_State *L, lhost *h);
/* The declaration functions of a replay (lhost.c on images): each only
 * keeps the functions (and asset vars tables) its declaration would keep,
 * with lh_ref, in the same order; everything else was read and checked
 * when the image was made. */
void ldecl_register_replay(lua_State *L, lhost *h);

/* lcheck.c */
/* The checks that need the whole file; problems go to h. */
void lcheck_run(lhost *h);
/* Free the load-time data (after loading, success or not). */
void lcheck_free_load(lhost *h);

/* lapi.c */
/* Build the world object w (run under sbx_protect with h as argument). */
int lapi_open(lua_State *L);
/* engine_hooks.call and .errmsg; ctx is the lhost. */
int lapi_call_hook(void *ctx, engine *e, int ref, const action_inst *a, bool *out);
const char *lapi_errmsg(void *ctx);

#endif
