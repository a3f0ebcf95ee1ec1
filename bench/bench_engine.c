/*
 * bench_engine.c - engine throughput beside the floors it is measured
 * against (quality.md, "Performance budget"), all measured in this run.
 *
 *   floor: C -> Lua call through lua_pcall with a message handler
 *   engine core per turn, no scenario code at all (fake hooks)
 *   engine + Lua host per turn, empty scenario
 *   reference scenario: whole playthroughs (load, play, free), turns/s
 *   reference scenario: load from text vs. from a compiled image
 *   simulate on the reference scenario: playthroughs/s and turns/s of each
 *   bot policy, a fresh Lua state per run as simulate makes them
 *
 * Usage: bench_engine REFERENCE.lua EMPTY.lua
 */
#include "engine/engine.h"
#include "engine/lhost.h"
#include "engine/sandbox.h"
#include "ui/sim.h"

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

/* CPU time of this process: what "per core" means on a machine whose
 * other cores (and this one, at times) run other people's work. */
static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int handler(lua_State *L) { return 1; }

/* The floor: what one protected call into Lua costs on this machine. */
static double floor_pcall_ns(void)
{
    lua_State *L = luaL_newstate();
    if (luaL_dostring(L, "function f(a, b, c) return a end") != LUA_OK)
        abort();
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
 * a fixed rotation, then "end", until an ending. Loading and playing are
 * timed apart: turns/s is the engine's pace while playing; the load is
 * compared with the empty scenario's (the stdlib alone). */
typedef struct ref_fig { double turns_per_s, plays_per_s, load_ms; } ref_fig;

static ref_fig reference(const char *path)
{
    static const char *const moves[] = { "investigate portal", "collect_evidence portal",
                                         "isolate portal", "eradicate portal", "patch portal",
                                         "restore portal", "wait" };
    long turns = 0, plays = 0;
    double t0 = now(), t_load = 0, t_play = 0, dt;
    do {
        double a = now();
        lhost *h = load(path);
        double b = now();
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
        double c = now();
        t_load += b - a;
        t_play += c - b;
        dt = c - t0;
    } while (dt < 2.0);
    ref_fig f = { (double)turns / t_play, (double)plays / dt, t_load / (double)plays * 1e3 };
    return f;
}

static double load_ms(const char *path)
{
    const int n = 200;
    double t0 = now();
    for (int i = 0; i < n; i++)
        lhost_free(load(path));
    return (now() - t0) / n * 1e3;
}

/* Loading the same scenario from its text and from a compiled image
 * (lhost_image: what simulate does for each of its runs). */
static void image_load_ms(const char *path, double *text_ms, double *image_ms)
{
    lhost *h = load(path);
    const scen *sc = lhost_scen(h);
    lhost_image *img = lhost_image_new(sc->path, sc->source, sc->source_len, NULL, NULL);
    if (!img)
        abort();
    const int n = 200;
    double t0 = now();
    for (int i = 0; i < n; i++)
        lhost_free(lhost_load(sc->path, sc->source, sc->source_len, NULL, NULL));
    double t1 = now();
    for (int i = 0; i < n; i++)
        lhost_free(lhost_load_image(img, NULL, NULL));
    double t2 = now();
    *text_ms = (t1 - t0) / n * 1e3;
    *image_ms = (t2 - t1) / n * 1e3;
    lhost_image_free(img);
    lhost_free(h);
}

/* simulate's own loop (sim_play), timed as simulate times it: loads,
 * bots and engine together. */
typedef struct sim_fig { double plays_per_s, turns_per_s, cpu_turns_per_s; } sim_fig;

static sim_fig simulate_fig(const char *path, sim_policy policy)
{
    lhost *h = load(path);
    const scen *sc = lhost_scen(h);
    lhost_image *img = lhost_image_new(sc->path, sc->source, sc->source_len, NULL, NULL);
    sim_stats st;
    sbuf err = SBUF_INIT;
    if (!img || sim_stats_init(&st, sc) < 0)
        abort();
    sim_opts o = { .runs = 100, .policy = policy, .seed = 1 };
    double c0 = cpu_now();
    while (st.seconds < 2.0) {
        if (sim_play(img, &o, &st, &err) < 0) {
            fprintf(stderr, "bench_engine: %s", sb_str(&err));
            exit(1);
        }
        o.seed += (uint64_t)o.runs;
    }
    sim_fig f = { st.runs / st.seconds, (double)st.turns / st.seconds,
                  (double)st.turns / (cpu_now() - c0) };
    sim_stats_free(&st);
    sb_free(&err);
    lhost_image_free(img);
    lhost_free(h);
    return f;
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
    double empty_load = load_ms(argv[2]);
    ref_fig r = reference(argv[1]);
    double text_ms, image_ms;
    image_load_ms(argv[1], &text_ms, &image_ms);
    sim_fig sr = simulate_fig(argv[1], SIM_RANDOM), sg = simulate_fig(argv[1], SIM_GREEDY);
    printf("floor  C->Lua lua_pcall with handler      %8.0f ns   (quality.md: ~87 ns)\n", pc);
    printf("engine core per turn, no hooks            %8.2f us   = %5.1f pcalls  (target < 5 us)\n",
           core / 1000, core / pc);
    printf("engine + Lua host per turn, empty scen.   %8.2f us   = %5.1f pcalls  (target < 5 us)\n",
           empty / 1000, empty / pc);
    printf("reference scenario, playing               %8.0f turns/s  (target >= 20000 turns/s)\n",
           r.turns_per_s);
    printf("reference scenario, load per session     %8.2f ms   = %5.1fx the stdlib-only load of %.2f ms\n",
           r.load_ms, r.load_ms / empty_load, empty_load);
    printf("reference scenario, whole playthroughs    %8.0f playthroughs/s (load + play)\n",
           r.plays_per_s);
    printf("reference scenario, load from text         %8.2f ms   from a compiled image %.2f ms (%.1fx faster)\n",
           text_ms, image_ms, text_ms / image_ms);
    printf("simulate, reference, policy random        %8.0f playthroughs/s %8.0f turns/s, %6.0f per CPU second  (1,000 runs: %.1f s; target >= 20000 turns/s)\n",
           sr.plays_per_s, sr.turns_per_s, sr.cpu_turns_per_s, 1000 / sr.plays_per_s);
    printf("simulate, reference, policy greedy        %8.0f playthroughs/s %8.0f turns/s, %6.0f per CPU second  (1,000 runs: %.1f s; target >= 20000 turns/s)\n",
           sg.plays_per_s, sg.turns_per_s, sg.cpu_turns_per_s, 1000 / sg.plays_per_s);
    /* Per core: by CPU time, which other work on the machine does not
     * inflate as it does the wall clock (both are printed above). */
    printf("verdict: core %s, empty %s, reference play %s, simulate random %s, simulate greedy %s\n",
           core < 5000 ? "ok" : "SLOW", empty < 5000 ? "ok" : "SLOW",
           r.turns_per_s >= 20000 ? "ok" : "SLOW", sr.cpu_turns_per_s >= 20000 ? "ok" : "SLOW",
           sg.cpu_turns_per_s >= 20000 ? "ok" : "SLOW");
    return 0;
}
