/*
 * saves_fixture.h - what the saves/ tests share: a temporary directory per
 * test (real files, removed afterwards), a scenario built in C (no Lua),
 * events fed through a store_batch, and byte-and-mtime snapshots of files
 * for the "left untouched" checks. Included by tests/test_store*.c and
 * tests/test_report.c after cmocka.h.
 */
#ifndef IRDRILL_SAVES_FIXTURE_H
#define IRDRILL_SAVES_FIXTURE_H

#include "saves/store.h"
#include "engine/sha256.h"

#include <sqlite3.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct tdir {
    char path[256];
    char db[320];
} tdir;

static inline void tdir_make(tdir *t)
{
    snprintf(t->path, sizeof t->path, "/tmp/irdrill-saves-XXXXXX");
    assert_non_null(mkdtemp(t->path));
    snprintf(t->db, sizeof t->db, "%s/irdrill.db", t->path);
}

static inline void rm_rf(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        chmod(path, 0700);
        DIR *d = opendir(path);
        struct dirent *de;
        while (d && (de = readdir(d))) {
            if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
                continue;
            size_t n = strlen(path) + strlen(de->d_name) + 2;
            char *sub = malloc(n);
            assert_non_null(sub);
            snprintf(sub, n, "%s/%s", path, de->d_name);
            rm_rf(sub);
            free(sub);
        }
        if (d)
            closedir(d);
        rmdir(path);
    } else {
        unlink(path);
    }
}

static inline void tdir_remove(tdir *t) { rm_rf(t->path); }

/* ---- a scenario built in C -------------------------------------------- */

static inline char *S(const char *s) { char *p = strdup(s); assert_non_null(p); return p; }
static inline text T2(const char *vi, const char *en) { text t = { S(vi), S(en) }; return t; }

static const char *const FAKE_SOURCE =
    "scenario { id = \"portal-defacement\", version = 3, title = { vi = \"Tấn công thay đổi "
    "giao diện Cổng TTĐT tỉnh\", en = \"Provincial portal defacement\" } }\n";

static inline scen *fake_scen(const char *id, const char *source)
{
    scen *sc = calloc(1, sizeof *sc);
    assert_non_null(sc);
    sc->id = S(id);
    sc->version = 3;
    sc->title = T2("Tấn công thay đổi giao diện Cổng TTĐT tỉnh", "Provincial portal defacement");
    sc->turn_minutes = 15;
    sc->max_turns = 20;
    sc->path = S("scenarios/portal-defacement.lua");
    sc->source = S(source);
    sc->source_len = strlen(source);
    sha256_hex(sc->source, sc->source_len, sc->hash);

    sc->nroles = 3;
    sc->roles = calloc(3, sizeof *sc->roles);
    sc->roles[0] = (scen_role){ .id = S("lead"), .name = T2("Trưởng nhóm", "Team lead") };
    sc->roles[1] = (scen_role){ .id = S("soc"), .name = T2("Giám sát (SOC)", "SOC analyst") };
    sc->roles[2] = (scen_role){ .id = S("sys"), .name = T2("Quản trị hệ thống",
                                                           "System administrator") };
    sc->nassets = 1;
    sc->assets = calloc(1, sizeof *sc->assets);
    sc->assets[0] = (scen_asset){ .id = S("portal"), .kind = S("web"), .zone = S("dmz"),
                                  .level = 3, .name = T2("Cổng Thông tin điện tử tỉnh",
                                                         "Provincial web portal") };
    sc->nobjectives = 3;
    sc->objectives = calloc(3, sizeof *sc->objectives);
    sc->objectives[0] = (scen_objective){ .id = S("detect"), .points = 20, .by_turn = 4,
        .label = T2("Phát hiện tấn công", "Detect the attack"),
        .explain = T2("Cảnh báo WAF lúc 08:15 đã chỉ ra tấn công.",
                      "The WAF alert at 08:15 showed the attack.") };
    sc->objectives[1] = (scen_objective){ .id = S("contain"), .points = 30, .by_turn = 6,
        .label = T2("Cô lập cổng trước khi bị thay giao diện",
                    "Isolate the portal before it is defaced"),
        .explain = T2("Cô lập máy chủ ngay khi xác nhận bị xâm nhập để chặn kẻ tấn công.",
                      "Isolate the server as soon as the compromise is confirmed.") };
    sc->objectives[2] = (scen_objective){ .id = S("report_police"), .points = 15,
        .within_minutes = 1440, .label = T2("Báo cáo công an tỉnh (PA05)",
                                            "Report to the provincial police (PA05)") };
    sc->nactions = 1;
    sc->actions = calloc(1, sizeof *sc->actions);
    sc->actions[0] = (scen_action){ .id = S("isolate"), .cost = 1, .turns = 1,
                                    .target = TGT_ASSET, .label = T2("Cô lập", "Isolate") };
    sc->nrecipients = 1;
    sc->recipients = calloc(1, sizeof *sc->recipients);
    sc->recipients[0] = (scen_named){ .id = S("police"), .deadline_minutes = 7200,
                                      .name = T2("Công an tỉnh (PA05)",
                                                 "Provincial police (PA05)") };
    sc->npenalties = 1;
    sc->penalties = calloc(1, sizeof *sc->penalties);
    sc->penalties[0] = (scen_penalty){ .id = S("evidence_destroyed"), .points = 10, .max = 1,
        .label = T2("Làm mất chứng cứ", "Evidence destroyed"),
        .explain = T2("Tắt máy trước khi thu thập bộ nhớ làm mất chứng cứ.",
                      "Shutting down before a memory capture destroys evidence.") };
    return sc;
}

static inline void fake_scen_free(scen *sc)
{
    /* scen_free lives with the Lua host; these tests free what they built. */
    free(sc->id);
    text_free(&sc->title);
    free(sc->path);
    free(sc->source);
    for (int i = 0; i < sc->nroles; i++) {
        free(sc->roles[i].id);
        text_free(&sc->roles[i].name);
    }
    free(sc->roles);
    for (int i = 0; i < sc->nassets; i++) {
        free(sc->assets[i].id);
        free(sc->assets[i].kind);
        free(sc->assets[i].zone);
        text_free(&sc->assets[i].name);
    }
    free(sc->assets);
    for (int i = 0; i < sc->nobjectives; i++) {
        free(sc->objectives[i].id);
        text_free(&sc->objectives[i].label);
        text_free(&sc->objectives[i].explain);
    }
    free(sc->objectives);
    for (int i = 0; i < sc->npenalties; i++) {
        free(sc->penalties[i].id);
        text_free(&sc->penalties[i].label);
        text_free(&sc->penalties[i].explain);
    }
    free(sc->penalties);
    for (int i = 0; i < sc->nactions; i++) {
        free(sc->actions[i].id);
        text_free(&sc->actions[i].label);
    }
    free(sc->actions);
    for (int i = 0; i < sc->nrecipients; i++) {
        free(sc->recipients[i].id);
        text_free(&sc->recipients[i].name);
    }
    free(sc->recipients);
    free(sc);
}

/* ---- stores and sessions --------------------------------------------------- */

static inline store *open_ok(const char *path, const store_opts *o)
{
    store *s = NULL;
    int rc = store_open(path, o, &s);
    if (rc != STORE_OK)
        fail_msg("store_open(%s): %d %s", path, rc, store_errmsg(s));
    return s;
}

static inline int64_t new_session(store *s, const scen *sc, const char *team, uint64_t seed)
{
    store_participant ps[] = { { "Nguyễn Văn An", "lead,soc" }, { "Trần Thị Bình", "sys" } };
    store_session_new n = { .sc = sc, .seed = seed, .mode = MODE_EXERCISE, .hints = false,
                            .team = team, .lang = "vi", .tool_version = "0.1.0-test",
                            .parts = ps, .nparts = 2 };
    int64_t id = 0;
    int rc = store_session_create(s, &n, &id);
    if (rc != STORE_OK)
        fail_msg("store_session_create: %d %s", rc, store_errmsg(s));
    assert_true(id > 0);
    return id;
}

static inline void emit(store_batch *b, uint32_t seq, int turn, int minute, ev_vis vis, ev_kind kind,
                 const char *role, const char *subject, const char *field, int64_t value,
                 const char *attrs, const char *vi, const char *en)
{
    event ev = { .seq = seq, .turn = turn, .minute = minute, .vis = vis, .kind = kind,
                 .role = role, .subject = subject, .field = field, .value = value,
                 .attrs = attrs, .text = { (char *)vi, (char *)en } };
    event_sink k = store_batch_sink(b);
    k.emit(k.ctx, &ev);
}

static inline void append_ok(store *s, int64_t id, const char *line, store_batch *b)
{
    int seq = 0, rc = store_input_append(s, id, line, b, &seq);
    if (rc != STORE_OK)
        fail_msg("store_input_append('%s'): %d %s", line, rc, store_errmsg(s));
    assert_true(seq > 0);
}

/* Run one SQL statement on the file with a plain connection (to tamper or
 * to inspect, as a user with the sqlite3 tool would). */
static inline void raw_exec(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
        fail_msg("raw_exec(%s): %s", sql, err ? err : "?");
    sqlite3_free(err);
    assert_int_equal(sqlite3_close(db), SQLITE_OK);
}

static inline long long raw_int(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    long long v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -999;
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

/* ---- snapshots --------------------------------------------------------------- */

typedef struct snap {
    char *bytes;
    size_t len;
    struct timespec mtime;
} snap;

static inline void snap_take(const char *path, snap *sn)
{
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    sn->len = (size_t)st.st_size;
    sn->mtime = st.st_mtim;
    sn->bytes = malloc(sn->len + 1);
    assert_non_null(sn->bytes);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fread(sn->bytes, 1, sn->len, f), sn->len);
    fclose(f);
}

/* The file has the same bytes and the same mtime as in the snapshot. */
static inline void snap_same(const char *path, snap *sn)
{
    snap now;
    snap_take(path, &now);
    assert_int_equal(now.len, sn->len);
    assert_memory_equal(now.bytes, sn->bytes, sn->len);
    assert_true(now.mtime.tv_sec == sn->mtime.tv_sec && now.mtime.tv_nsec == sn->mtime.tv_nsec);
    free(now.bytes);
    free(sn->bytes);
    sn->bytes = NULL;
}

static inline void write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

#endif
