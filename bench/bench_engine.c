/*
 * bench_engine.c - engine throughput beside the floors it is measured
 * against (quality.md, "Performance budget"), all measured in this run.
 *
 *   floor: C -> Lua call through lua_pcall with a message handler
 *   engine core per turn, no scenario code at all (fake hooks)
 *   engine + Lua host per turn, empty scenario
 *   reference scenario: whole playthroughs (load, play, free), turns/s
 *
 * Usage: bench_engine REFERENCE.lua EMPTY.lua
 */
#include "engine/engine.h"
#include "engine/lhost.h"
#include "engine/sandbox.h"

#include <lauxlib.h>
#include <lua.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int handler(lua_State *L) { return 1; }

/* The floor: what one protected call into Lua costs on this machine. */
static double floor_pcall_ns(void)
{
    lua_State *L = luaL_newstate();
    luaL_dostring(L, "function f(a, b, c) return a end");
    lua_pushcfunction(L, handler);
    int h = lua_gettop(L);
    const int n = 2000000;
    double t0 = now();
    for (int i = 0; i < n; i++) {
        lua_getglobal(L, "f");
        lua_pushinteger(L, 1);
        lua_pushinteger(L, 2);
        lua_pushinteger(L, 3);
        lua_pcall(L, 3, 1, h);
        lua_pop(L, 1);
    }
    double dt = now() - t0;
    lua_close(L);
    return dt / n * 1e9;
}

/* Engine core alone: a scenario with no hooks, so each turn is only the
 * turn order, the events and the bookkeeping. */
static double core_turn_ns(void)
{
    scen sc;
    memset(&sc, 0, sizeof sc);
    scen_role role = { .id = "lead" };
    scen_asset asset = { .id = "host", .level = 1 };
    asset.init[AF_ONLINE] = true;
    int roles[] = { 0 };
    scen_action wait = { .id = "wait", .roles = roles, .nroles = 1, .turns = 1 };
    sc.id = "core";
    sc.turn_minutes = 15;
    sc.max_turns = 1000000;
    sc.action_points = 2;
    sc.roles = &role;
    sc.nroles = 1;
    sc.assets = &asset;
    sc.nassets = 1;
    sc.actions = &wait;
    sc.nactions = 1;
    engine *e = engine_new(&sc, NULL, NULL, NULL);
    engine_start(e);
    const int n = 200000;
    double t0 = now();
    for (int i = 0; i < n; i++)
        engine_input(e, "end");
    double dt = now() - t0;
    engine_free(e);
    return dt / n * 1e9;
}

static lhost *load(const char *path)
{
    sbuf probs = SBUF_INIT;
    lhost *h = lhost_load_file(path, NULL, &probs);
    if (!h) {
        fprintf(stderr, "bench_engine: %s", sb_str(&probs));
        exit(1);
    }
    sb_free(&probs);
    return h;
}

static engine *session(lhost *h, uint64_t seed)
{
    engine_hooks hk = lhost_hooks(h);
    engine_opts o = { .seed = seed };
    engine *e = engine_new(lhost_scen(h), &hk, NULL, &o);
    lhost_bind(h, e);
    engine_start(e);
    return e;
}

static double lua_empty_turn_ns(const char *path)
{
    lhost *h = load(path);
    engine *e = session(h, 1);
    const int n = 10000;
    double t0 = now();
    for (int i = 0; i < n - 1; i++)
        engine_input(e, "end");
    double dt = now() - t0;
    engine_free(e);
    lhost_free(h);
    return dt / (n - 1) * 1e9;
}

/* Whole playthroughs of the reference scenario: a fresh Lua state per
 * session (as resume and simulate do), each turn a few actions picked from
 * a fixed rotation, then "end", until an ending. */
static void reference(const char *path, double *turns_per_s, double *plays_per_s)
{
    static const char *const moves[] = { "investigate portal", "collect_evidence portal",
                                         "isolate portal", "eradicate portal", "patch portal",
                                         "restore portal", "wait" };
    long turns = 0, plays = 0;
    double t0 = now(), dt;
    do {
        lhost *h = load(path);
        engine *e = session(h, (uint64_t)plays + 1);
        int k = 0;
        while (!engine_over(e)) {
            engine_input(e, moves[k++ % 7]);
            engine_input(e, "end");
        }
        turns += engine_turn(e);
        plays++;
        engine_free(e);
        lhost_free(h);
        dt = now() - t0;
    } while (dt < 2.0);
    *turns_per_s = (double)turns / dt;
    *plays_per_s = (double)plays / dt;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: bench_engine REFERENCE.lua EMPTY.lua\n");
        return 1;
    }
    double pc = floor_pcall_ns();
    double core = core_turn_ns();
    double empty = lua_empty_turn_ns(argv[2]);
    double tps, pps;
    reference(argv[1], &tps, &pps);
    printf("floor  C->Lua lua_pcall with handler      %8.0f ns   (quality.md: ~87 ns)\n", pc);
    printf("engine core per turn, no hooks            %8.2f us   = %5.1f pcalls  (target < 5 us)\n",
           core / 1000, core / pc);
    printf("engine + Lua host per turn, empty scen.   %8.2f us   = %5.1f pcalls  (target < 5 us)\n",
           empty / 1000, empty / pc);
    printf("reference scenario, whole playthroughs    %8.0f turns/s, %.0f playthroughs/s  (target >= 20000 turns/s)\n",
           tps, pps);
    printf("verdict: core %s, empty %s, reference %s\n", core < 5000 ? "ok" : "SLOW",
           empty < 5000 ? "ok" : "SLOW", tps >= 20000 ? "ok" : "SLOW");
    return 0;
}
