/*
 * ldecl_replay.c - the declaration functions of a fresh state that replays
 * a compiled image (lhost.c, "images").
 *
 * When simulate plays a thousand sessions, each gets a fresh Lua state, and
 * the file's top level must run again in it: the hooks are closures over
 * the file's locals, and only a new run of the top level gives new ones
 * (that is what keeps one session's state out of the next). What need not
 * be done again is reading and checking the declarations' tables: the top
 * level has no randomness, clock or input, so it declares exactly what it
 * declared when the image was made, and the image keeps the result.
 *
 * Everything else a declaration says (ids, points, texts, an objective's
 * or penalty's capability, ...) is plain data in the image's scen, which
 * the new lhost borrows: nothing of it is read here.
 *
 * So here a declaration only keeps what the state must hold on to: the
 * functions (action run, objective met, ending when, the metrics'
 * predicates, the triggers' hooks) and the asset vars tables, through
 * lh_ref, in the order the full declaration functions take them. lhost.c
 * compares every ref with the one recorded in the image (the same ref
 * means the image's scen names this state's functions) and loads the file
 * in full if any differs. A declaration with several functions (metrics{})
 * takes them in a fixed order, not the table's, the same in both.
 */
#include "engine/lhost_int.h"

#include <string.h>

/* What a declaration keeps. */
enum {
    RK_NONE,     /* nothing: its table was read when the image was made */
    RK_FIELD,    /* table fields `fields`, in order, each when it is a function */
    RK_VARS,     /* table field `vars`, when it is a table (asset{}) */
    RK_ARG2,     /* argument 2, when a function: at(), every(), on() */
    RK_BOTH,     /* arguments 1 and 2, when both are functions: when() */
};

typedef struct rdecl {
    const char *name;            /* the global */
    const char *what;            /* as the full function names it in messages */
    int kind;
    const char *fields[SM_COUNT + 1];   /* NULL-terminated */
} rdecl;

static const rdecl decls[] = {
    { "scenario", "scenario{}", RK_NONE, { NULL } },
    { "role", "role{}", RK_NONE, { NULL } },
    { "asset", "asset{}", RK_VARS, { "vars", NULL } },
    { "link", "link()", RK_NONE, { NULL } },
    { "action", "action{}", RK_FIELD, { "run", NULL } },
    { "recipient", "recipient{}", RK_NONE, { NULL } },
    { "fact", "fact{}", RK_NONE, { NULL } },
    { "audience", "audience{}", RK_NONE, { NULL } },
    { "support", "support{}", RK_NONE, { NULL } },
    { "objective", "objective{}", RK_FIELD, { "met", NULL } },
    { "penalty", "penalty{}", RK_NONE, { NULL } },
    { "hint", "hint{}", RK_NONE, { NULL } },
    { "ending", "ending{}", RK_FIELD, { "when", NULL } },
    /* in scen_metric order, as l_metrics takes them */
    { "metrics", "metrics{}", RK_FIELD, { "detected", "contained", "recovered", NULL } },
    { "signal", "signal{}", RK_NONE, { NULL } },
    { "test", "test{}", RK_NONE, { NULL } },
    { "at", "at()", RK_ARG2, { NULL } },
    { "every", "every()", RK_ARG2, { NULL } },
    { "when", "when()", RK_BOTH, { NULL } },
    { "on", "on()", RK_ARG2, { NULL } },
};

static void keep_arg(lua_State *L, lhost *h, int idx, int type)
{
    if (lua_type(L, idx) != type)
        return;
    lua_pushvalue(L, idx);
    lh_ref(L, h);
}

static int l_replay(lua_State *L)
{
    lhost *h = lua_touserdata(L, lua_upvalueindex(1));
    const rdecl *d = &decls[lua_tointeger(L, lua_upvalueindex(2))];
    if (h->loaded)
        return luaL_error(L, "%s can only be used at the top level of a scenario file, not "
                          "inside a hook", d->what);
    switch (d->kind) {
    case RK_FIELD:
    case RK_VARS:
        if (lua_type(L, 1) != LUA_TTABLE)
            break;
        for (const char *const *f = d->fields; *f; f++) {
            lua_pushstring(L, *f);
            lua_rawget(L, 1);
            keep_arg(L, h, -1, d->kind == RK_VARS ? LUA_TTABLE : LUA_TFUNCTION);
            lua_pop(L, 1);
        }
        break;
    case RK_ARG2:
        keep_arg(L, h, 2, LUA_TFUNCTION);
        break;
    case RK_BOTH:
        if (lua_type(L, 1) == LUA_TFUNCTION && lua_type(L, 2) == LUA_TFUNCTION) {
            keep_arg(L, h, 1, LUA_TFUNCTION);
            keep_arg(L, h, 2, LUA_TFUNCTION);
        }
        break;
    default:
        break;
    }
    return 0;
}

void ldecl_register_replay(lua_State *L, lhost *h)
{
    for (size_t i = 0; i < sizeof decls / sizeof decls[0]; i++) {
        lua_pushlightuserdata(L, h);
        lua_pushinteger(L, (lua_Integer)i);
        lua_pushcclosure(L, l_replay, 2);
        ldecl_set_global(L, decls[i].name);
    }
}
