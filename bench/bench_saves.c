/*
 * bench_saves.c - the cost of saving sessions beside the floors it is
 * measured against (quality.md, "Performance budget", "logging"), all
 * measured in this run, on files in a temporary directory:
 *
 *   floor: one row per transaction with SQLite directly, WAL and
 *          synchronous=FULL (one fsync each): the price of durability;
 *   floor: rows inserted inside one transaction: the price of writing;
 *   drill_input without saving: the engine and the Lua host alone;
 *   drill_input saving, each input committed before it is applied (the
 *          path of inputs that exist nowhere else: a terminal, a pipe);
 *   drill_input saving in groups (the path of a regular inputs file);
 *   opening the database for writing (with its check for damage before
 *   the first write: saves/schema.c) beside opening it read-only.
 *
 * Usage: bench_saves LONG.lua DIR   (LONG.lua: bench/long.lua)
 */
#include "engine/lhost.h"
#include "saves/store.h"
#include "ui/drill.h"

#include <sqlite3.h>

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

static void die(const char *what, const char *why)
{
    fprintf(stderr, "bench_saves: %s: %s\n", what, why);
    exit(1);
}

/* A ~100-byte row, as an input line with its hash is. */
static const char ROW[] = "soc triage s_upload true 0123456789abcdef0123456789abcdef"
                          "0123456789abcdef0123456789abcdef";

/* Microseconds per row: n rows, each its own transaction (durable) or all
 * in one. */
static double raw_sqlite_us(const char *path, int n, bool each)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    remove(path);
    if (sqlite3_open(path, &db) != SQLITE_OK ||
        sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                         "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT)", NULL, NULL, NULL) ||
        sqlite3_prepare_v2(db, "INSERT INTO t(b) VALUES (?1)", -1, &st, NULL) != SQLITE_OK)
        die(path, sqlite3_errmsg(db));
    double t0 = now();
    if (!each)
        sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    for (int i = 0; i < n; i++) {
        if (each)
            sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
        sqlite3_bind_text(st, 1, ROW, -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE)
            die(path, sqlite3_errmsg(db));
        sqlite3_reset(st);
        if (each && sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
            die(path, sqlite3_errmsg(db));
    }
    if (!each && sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        die(path, sqlite3_errmsg(db));
    double dt = now() - t0;
    sqlite3_finalize(st);
    sqlite3_close(db);
    return dt / n * 1e6;
}

/* The bench session's inputs: each turn one action and "end". */
static const char *line_at(int i)
{
    if (i % 2)
        return "end";
    return i / 2 % 2 ? "sys reconnect mail" : "sys isolate mail";
}

/* Microseconds per input over n inputs of a new session of the long
 * scenario: without a store, or saving strictly or in groups. Also gives
 * the events recorded per input. */
static double drill_us(const char *scenario, store *st, bool grouped, int n, double *events)
{
    sbuf problems = SBUF_INIT;
    lhost *h = lhost_load_file(scenario, NULL, &problems);
    if (!h)
        die(scenario, sb_str(&problems));
    sb_free(&problems);
    drill_opts o = { .seed = 1, .mode = MODE_TRAINING, .lang = LANG_EN };
    char err[512];
    int status;
    drill *d = drill_new(h, st, &o, NULL, err, sizeof err, &status);
    if (!d)
        die(scenario, err);
    drill_group_inputs(d, grouped);
    uint32_t ev0 = engine_event_count(drill_engine(d));
    double t0 = now();
    for (int i = 0; i < n; i++)
        if (drill_input(d, line_at(i)) != ENG_OK)
            die(line_at(i), drill_errmsg(d));
    if (drill_sync(d) != STORE_OK)
        die("drill_sync", drill_errmsg(d));
    double dt = now() - t0;
    if (events)
        *events = (double)(engine_event_count(drill_engine(d)) - ev0) / n;
    drill_free(d);
    return dt / n * 1e6;
}

/* Milliseconds to open (and close) path, the best of n: for writing (the
 * file checked before the first write) or read-only. */
static double open_ms(const char *path, bool readonly, int n)
{
    double best = 1e9;
    store_opts ro = { .readonly = true };
    for (int i = 0; i < n; i++) {
        store *st = NULL;
        double t0 = now();
        if (store_open(path, readonly ? &ro : NULL, &st) != STORE_OK)
            die(path, store_errmsg(st));
        double dt = now() - t0;
        store_close(st);
        if (dt < best)
            best = dt;
    }
    return best * 1e3;
}

static store *open_store(const char *path)
{
    store *st = NULL;
    remove(path);
    if (store_open(path, NULL, &st) != STORE_OK)
        die(path, store_errmsg(st));
    return st;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: bench_saves LONG.lua DIR\n");
        return 2;
    }
    char raw[512], sv[512];
    snprintf(raw, sizeof raw, "%s/raw.db", argv[2]);
    snprintf(sv, sizeof sv, "%s/saves.db", argv[2]);

    double durable = raw_sqlite_us(raw, 300, true);
    double insert = raw_sqlite_us(raw, 20000, false);
    printf("floor  SQLite commit, WAL + synchronous=FULL, one row each   %8.1f us  (%.0f commits/s)\n",
           durable, 1e6 / durable);
    printf("floor  SQLite insert of a ~100-byte row in one transaction %8.2f us\n", insert);

    double ev;
    double nosave = drill_us(argv[1], NULL, false, 2000, &ev);
    store *st = open_store(sv);
    /* A warm-up session: the scenario source is stored once, by hash. */
    drill_us(argv[1], st, true, 20, NULL);
    double strict = drill_us(argv[1], st, false, 300, NULL);
    double grouped = drill_us(argv[1], st, true, 2000, NULL);
    store_close(st);

    printf("drill_input, no saving                                   %8.1f us  (%.1f events per input)\n",
           nosave, ev);
    printf("drill_input, durable (committed before applied)         %8.1f us  = %.2fx the commit floor; "
           "%.0f inputs/s vs %.0f raw commits/s\n", strict, strict / durable, 1e6 / strict,
           1e6 / durable);
    printf("drill_input, grouped (regular inputs file)              %8.1f us  = %.1fx no-saving; "
           "%.1f rows' worth of inserts\n", grouped, grouped / nosave, (grouped - nosave) / insert);
    printf("saving speed vs --no-save, in-process: durable 1/%.1f, grouped 1/%.1f  (target: at least 1/3)\n",
           strict / nosave, grouped / nosave);
    FILE *f = fopen(sv, "rb");
    long size = 0;
    if (f && fseek(f, 0, SEEK_END) == 0)
        size = ftell(f);
    if (f)
        fclose(f);
    double w = open_ms(sv, false, 9), r = open_ms(sv, true, 9);
    printf("open for writing, the %.1f MB file checked whole first     %8.2f ms  (read-only open %.2f ms: "
           "the check costs about %.2f ms)\n", size / 1e6, w, r, w - r);
    remove(raw);
    remove(sv);
    return 0;
}
