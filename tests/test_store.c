/*
 * test_store.c - the session store on real database files: creating,
 * opening and migrating; the default path; appending inputs and reading
 * them back; batches of consequences; listing; and verify detecting each
 * kind of tampering (edit, delete, reorder an input, a changed score, a
 * changed header or scenario source). Bad files, locks, I/O errors and
 * concurrent processes are in test_store_faults.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "saves_script.h"

typedef struct fx {
    tdir d;
    scen *sc;
    store *s;
} fx;

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    tdir_make(&f->d);
    f->sc = fake_scen("portal-defacement", FAKE_SOURCE);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    store_close(f->s);
    fake_scen_free(f->sc);
    tdir_remove(&f->d);
    free(f);
    return 0;
}

static void test_create_and_reopen(void **state)
{
    fx *f = *state;
    f->s = open_ok(f->d.db, NULL);
    assert_int_equal(store_schema_version(f->s), STORE_SCHEMA_VERSION);
    store_close(f->s);
    f->s = NULL;
    /* what the stock sqlite3 tool sees */
    assert_int_equal(raw_int(f->d.db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    assert_int_equal(raw_int(f->d.db, "PRAGMA application_id"), STORE_APPLICATION_ID);
    assert_int_equal(raw_int(f->d.db, "SELECT count(*) FROM sqlite_master WHERE name IN "
                                      "('scenarios','sessions','participants','inputs','events',"
                                      "'score_entries','metrics')"), 7);
    f->s = open_ok(f->d.db, NULL);
    assert_int_equal(store_integrity(f->s), STORE_OK);
    store_close(f->s);
    /* WAL is a property of the file, kept across connections */
    sqlite3 *db;
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_open(f->d.db, &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
    sqlite3_finalize(st);
    sqlite3_close(db);
    /* read-only opening works on a current database */
    store_opts ro = { .readonly = true };
    f->s = open_ok(f->d.db, &ro);
    int64_t id;
    assert_int_equal(store_session_create(f->s, &(store_session_new){ .sc = f->sc }, &id),
                     STORE_EPERM);
}

/* The turn timer a session is started with is recorded, for resume. */
static void test_session_timer(void **state)
{
    fx *f = *state;
    f->s = open_ok(f->d.db, NULL);
    int64_t a, b;
    assert_int_equal(store_session_create(f->s, &(store_session_new){ .sc = f->sc, .timer = 90 },
                                          &a), STORE_OK);
    assert_int_equal(store_session_create(f->s, &(store_session_new){ .sc = f->sc }, &b),
                     STORE_OK);
    store_loaded *l = NULL;
    assert_int_equal(store_load(f->s, a, 0, &l), STORE_OK);
    assert_int_equal(l->sess.timer, 90);
    store_loaded_free(l);
    assert_int_equal(store_load(f->s, b, 0, &l), STORE_OK);
    assert_int_equal(l->sess.timer, 0);
    store_loaded_free(l);
    store_session *v = NULL;
    int n = 0;
    assert_int_equal(store_list(f->s, NULL, &v, &n), STORE_OK);
    assert_int_equal(n, 2);
    assert_int_equal(v[0].id == a ? v[0].timer : v[1].timer, 90);
    store_sessions_free(v, n);
}

static void test_empty_file_is_new(void **state)
{
    fx *f = *state;
    write_file(f->d.db, "", 0);
    f->s = open_ok(f->d.db, NULL);
    assert_int_equal(store_schema_version(f->s), STORE_SCHEMA_VERSION);
}

static void test_readonly_missing(void **state)
{
    fx *f = *state;
    store_opts ro = { .readonly = true };
    assert_int_equal(store_open(f->d.db, &ro, &f->s), STORE_ENOENT);
    assert_non_null(strstr(store_errmsg(f->s), f->d.db));
    assert_int_equal(access(f->d.db, F_OK), -1);   /* nothing created */
}

/* A database written by schema version 1 (tests/fixtures/saves/v1.sql) is
 * migrated forward on open, and its session still verifies. */
static void test_migrate_from_v1(void **state)
{
    fx *f = *state;
    FILE *in = fopen("tests/fixtures/saves/v1.sql", "rb");
    assert_non_null(in);
    static char sql[1 << 16];
    size_t n = fread(sql, 1, sizeof sql - 1, in);
    fclose(in);
    sql[n] = '\0';
    raw_exec(f->d.db, sql);
    assert_int_equal(raw_int(f->d.db, "PRAGMA user_version"), 1);
    f->s = open_ok(f->d.db, NULL);
    assert_int_equal(store_schema_version(f->s), STORE_SCHEMA_VERSION);
    assert_int_equal(raw_int(f->d.db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    store_loaded *l = NULL;
    assert_int_equal(store_load(f->s, 1, STORE_LOAD_EVENTS, &l), STORE_OK);
    assert_int_equal(l->sess.parent, 0);
    assert_int_equal(l->sess.fork_seq, 0);
    assert_int_equal(l->sess.timer, 0);           /* version 4: no timer before */
    assert_true(l->ninputs >= 4);
    /* the events came through the repacking of version 3 */
    assert_int_equal(l->nevents, 15);
    assert_int_equal(l->damaged, 0);
    assert_string_equal(l->events[2].kind_name, "signal");
    assert_string_equal(l->events[2].a_source, "waf");
    assert_string_equal(l->events[2].ev.text.vi, "WAF: truy vấn SQL injection từ 203.0.113.7");
    assert_int_equal(l->events[14].ev.value, 20);
    assert_string_equal(l->sess.parts[0].name, "Nguyễn Văn An");
    sbuf p = SBUF_INIT;
    assert_int_equal(store_verify_chain(l, &p), 0);
    sb_free(&p);
    store_loaded_free(l);
    /* and it takes new inputs where it stopped */
    int seq;
    assert_int_equal(store_input_append(f->s, 1, "lead end", NULL, &seq), STORE_OK);
    assert_int_equal(seq, 5);
}

/* Version 2 recorded one row per event with its canonical JSON line; the
 * migration to version 3 packs them into event blocks. Every event must
 * come back as that same line, both sessions must still verify their
 * chains, and the old file's other tables must be as they were. */
static void test_migrate_from_v2(void **state)
{
    fx *f = *state;
    FILE *in = fopen("tests/fixtures/saves/v2.sql", "rb");
    assert_non_null(in);
    static char sql[1 << 17];
    size_t n = fread(sql, 1, sizeof sql - 1, in);
    fclose(in);
    sql[n] = '\0';
    raw_exec(f->d.db, sql);
    assert_int_equal(raw_int(f->d.db, "PRAGMA user_version"), 2);
    /* the canonical lines as version 2 recorded them */
    sqlite3 *db;
    assert_int_equal(sqlite3_open(f->d.db, &db), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT session, json FROM events ORDER BY session, seq",
                                        -1, &st, NULL), SQLITE_OK);
    sbuf old[3] = { SBUF_INIT, SBUF_INIT, SBUF_INIT };
    int nold = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        int sess = sqlite3_column_int(st, 0);
        assert_true(sess == 1 || sess == 2);
        sb_puts(&old[sess], (const char *)sqlite3_column_text(st, 1));
        sb_putc(&old[sess], '\n');
        nold++;
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    assert_int_equal(nold, 23);
    long long ninputs = raw_int(f->d.db, "SELECT count(*) FROM inputs");

    f->s = open_ok(f->d.db, NULL);
    assert_int_equal(raw_int(f->d.db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    assert_int_equal(raw_int(f->d.db, "SELECT count(*) FROM inputs"), ninputs);
    assert_int_equal(raw_int(f->d.db, "SELECT count(*) FROM events"), 23);
    assert_int_equal(raw_int(f->d.db, "SELECT count(*) FROM events WHERE session = 2"), 6);
    for (int id = 1; id <= 2; id++) {
        store_loaded *l = NULL;
        assert_int_equal(store_load(f->s, id, STORE_LOAD_EVENTS, &l), STORE_OK);
        assert_int_equal(l->damaged, 0);
        sbuf now = SBUF_INIT, prob = SBUF_INIT;
        for (int i = 0; i < l->nevents; i++) {
            store_event_json(&l->events[i], &now);
            sb_putc(&now, '\n');
        }
        assert_string_equal(sb_str(&now), sb_str(&old[id]));
        assert_int_equal(store_verify_chain(l, &prob), 0);
        assert_string_equal(l->sess.team, "Đội ƯCSC tỉnh Hà Giang");
        assert_string_equal(l->sess.status, id == 1 ? "finished" : "active");
        sb_free(&now);
        sb_free(&prob);
        store_loaded_free(l);
    }
    sb_free(&old[1]);
    sb_free(&old[2]);
    /* the unfinished one takes its next input where it stopped */
    int seq;
    assert_int_equal(store_input_append(f->s, 2, "soc end", NULL, &seq), STORE_OK);
    assert_int_equal(seq, 2);
}

/* What goes into an event block comes back out: quotes, backslashes,
 * control characters, invalid UTF-8 (as U+FFFD), astral characters, and
 * attrs that are not an object. */
static void test_event_block_roundtrip(void **state)
{
    fx *f = *state;
    f->s = open_ok(f->d.db, NULL);
    int64_t id = new_session(f->s, f->sc, "A", 1);
    store_batch *b = store_batch_new();
    emit(b, 1, 1, 0, EV_TEAM, EVK_NOTE, "lead", "a\"b\\c", NULL, -9000000000LL, NULL,
         "dòng 1\ndòng 2\t\x01 \xf0\x9f\x94\x92", "quote \" and </script>");
    emit(b, 2, 1, 15, EV_TRUTH, EVK_LOG, NULL, NULL, "field", 1,
         "{\"facts\":[\"asset\",\"impact\"],\"public\":true,\"on_time\":false,\"target\":\"s1\"}",
         "bad \xff byte", NULL);
    emit(b, 3, 2, 15, EV_TEAM, EVK_STATE, NULL, NULL, NULL, 0, "not json", NULL, NULL);
    append_ok(f->s, id, "lead end", b);
    store_batch_free(b);
    store_loaded *l;
    assert_int_equal(store_load(f->s, id, STORE_LOAD_EVENTS, &l), STORE_OK);
    assert_int_equal(l->nevents, 3);
    assert_int_equal(l->damaged, 0);
    store_event *e = l->events;
    assert_string_equal(e[0].ev.role, "lead");
    assert_string_equal(e[0].ev.subject, "a\"b\\c");
    assert_null(e[0].ev.field);
    assert_int_equal(e[0].ev.value, -9000000000LL);
    assert_string_equal(e[0].ev.text.vi, "dòng 1\ndòng 2\t\x01 \xf0\x9f\x94\x92");
    assert_string_equal(e[0].ev.text.en, "quote \" and </script>");
    assert_null(e[0].ev.attrs);
    assert_int_equal(e[0].a_public, -1);
    assert_int_equal(e[1].ev.vis, EV_TRUTH);
    assert_int_equal(e[1].ev.kind, EVK_LOG);
    assert_int_equal(e[1].ev.minute, 15);
    assert_string_equal(e[1].ev.text.vi, "bad \xef\xbf\xbd byte");
    assert_null(e[1].ev.text.en);
    assert_string_equal(e[1].a_facts, "asset,impact");
    assert_string_equal(e[1].a_target, "s1");
    assert_int_equal(e[1].a_public, 1);
    assert_int_equal(e[1].a_on_time, 0);
    /* attrs that are not an object are kept as text, and the block stays JSON */
    assert_int_equal(e[2].ev.turn, 2);
    assert_int_equal(raw_int(f->d.db, "SELECT json_valid(events) FROM event_blocks"), 1);
    assert_int_equal(raw_int(f->d.db, "SELECT count(*) FROM events WHERE session = 1 AND"
                                      " text_vi LIKE 'dòng 1' || char(10) || '%'"), 1);
    store_loaded_free(l);
}

static void test_path_resolve(void **state)
{
    fx *f = *state;
    char err[256], home[400], xdg[400];
    snprintf(home, sizeof home, "%s/home", f->d.path);
    snprintf(xdg, sizeof xdg, "%s/xdg", f->d.path);
    char *p;
    setenv("IRDRILL_DB", "/env/irdrill.db", 1);
    p = store_path_resolve("/flag.db", true, err, sizeof err);
    assert_string_equal(p, "/flag.db");
    free(p);
    p = store_path_resolve(NULL, true, err, sizeof err);
    assert_string_equal(p, "/env/irdrill.db");
    free(p);
    setenv("IRDRILL_DB", "", 1);           /* empty counts as unset */
    setenv("XDG_DATA_HOME", xdg, 1);
    setenv("HOME", home, 1);
    p = store_path_resolve(NULL, true, err, sizeof err);
    char want[600];
    snprintf(want, sizeof want, "%s/irdrill/irdrill.db", xdg);
    assert_string_equal(p, want);
    free(p);
    struct stat st;
    snprintf(want, sizeof want, "%s/irdrill", xdg);
    assert_int_equal(stat(want, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);
    setenv("XDG_DATA_HOME", "relative/dir", 1);   /* ignored, as the XDG spec says */
    p = store_path_resolve(NULL, false, err, sizeof err);
    snprintf(want, sizeof want, "%s/.local/share/irdrill/irdrill.db", home);
    assert_string_equal(p, want);
    free(p);
    snprintf(want, sizeof want, "%s/.local/share/irdrill", home);
    assert_int_equal(stat(want, &st), -1);         /* mkdirs false: not created */
    unsetenv("XDG_DATA_HOME");
    unsetenv("HOME");
    unsetenv("IRDRILL_DB");
    assert_null(store_path_resolve(NULL, true, err, sizeof err));
    assert_non_null(strstr(err, "IRDRILL_DB"));
}

static void test_inputs_roundtrip(void **state)
{
    fx *f = *state;
    f->s = open_ok(f->d.db, NULL);
    int64_t id = new_session(f->s, f->sc, "Đội ƯCSC tỉnh Hà Giang", 42);
    const char *lines[] = { "soc triage s1 true", "sys isolate portal",
                            "lead report police --facts asset,impact",
                            "facilitator award 5 phản ứng nhanh, đúng quy trình", "lead end" };
    for (int i = 0; i < 5; i++) {
        int seq;
        assert_int_equal(store_input_append(f->s, id, lines[i], NULL, &seq), STORE_OK);
        assert_int_equal(seq, i + 1);
    }
    store_close(f->s);                     /* durable: visible from a new handle */
    f->s = open_ok(f->d.db, NULL);
    store_loaded *l;
    assert_int_equal(store_load(f->s, id, 0, &l), STORE_OK);
    assert_int_equal(l->ninputs, 5);
    for (int i = 0; i < 5; i++) {
        assert_int_equal(l->inputs[i].seq, i + 1);
        assert_string_equal(l->inputs[i].line, lines[i]);
        assert_int_equal(strlen(l->inputs[i].created), 20);
    }
    /* the chain as docs/database.md documents it */
    char h[65];
    store_chain_hash(l->sess.genesis, 1, lines[0], h);
    assert_string_equal(h, l->inputs[0].hash);
    sbuf raw = SBUF_INIT;
    sb_printf(&raw, "%s\n2\n%s", l->inputs[0].hash, lines[1]);
    sha256_hex(raw.buf, raw.len, h);
    assert_string_equal(h, l->inputs[1].hash);
    sb_free(&raw);
    assert_string_equal(l->sess.head, l->inputs[4].hash);
    assert_int_equal(l->sess.ninputs, 5);
    assert_string_equal(l->sess.team, "Đội ƯCSC tỉnh Hà Giang");
    assert_string_equal(l->sess.mode, "exercise");
    assert_int_equal(l->sess.seed, 42);
    assert_int_equal(l->sess.nparts, 2);
    assert_string_equal(l->sess.parts[1].roles, "sys");
    assert_int_equal(l->source_len, strlen(FAKE_SOURCE));
    assert_string_equal(l->source, FAKE_SOURCE);
    assert_string_equal(l->sess.scenario_hash, f->sc->hash);
    assert_int_equal(l->sess.scenario_version, 3);
    assert_string_equal(l->sess.title.vi, "Tấn công thay đổi giao diện Cổng TTĐT tỉnh");
    sbuf p = SBUF_INIT;
    assert_int_equal(store_verify_chain(l, &p), 0);
    assert_int_equal(p.len, 0);
    sb_free(&p);
    store_loaded_free(l);
}

static void test_inputs_refused(void **state)
{
    fx *f = *state;
    f->s = open_ok(f->d.db, NULL);
    int64_t id = new_session(f->s, f->sc, "A", 1);
    assert_int_equal(store_input_append(f->s, id, "", NULL, NULL), STORE_EARG);
    assert_int_equal(store_input_append(f->s, id, "lead end\nsoc wait", NULL, NULL), STORE_EARG);
    assert_int_equal(store_input_append(f->s, id, "isolate \x1b[2Jportal", NULL, NULL), STORE_EARG);
    assert_int_equal(store_input_append(f->s, id, "isolate \xff", NULL, NULL), STORE_EARG);
    assert_int_equal(store_input_append(f->s, 999, "lead end", NULL, NULL), STORE_ENOTFOUND);
    assert_non_null(strstr(store_errmsg(f->s), "no session 999"));
    assert_int_equal(store_session_set_status(f->s, id, "aborted"), STORE_OK);
    assert_int_equal(store_input_append(f->s, id, "lead end", NULL, NULL), STORE_EARG);
    assert_non_null(strstr(store_errmsg(f->s), "aborted"));
    assert_int_equal(store_session_set_status(f->s, 999, "aborted"), STORE_ENOTFOUND);
    assert_int_equal(store_session_set_status(f->s, id, "paused"), STORE_EARG);
    /* participants with control characters in their names are refused */
    store_participant bad[] = { { "An\x1b]0;pwned\x07", "lead" } };
    store_session_new n = { .sc = f->sc, .parts = bad, .nparts = 1 };
    int64_t id2;
    assert_int_equal(store_session_create(f->s, &n, &id2), STORE_EARG);
    store_participant badroles[] = { { "An", "lead; DROP TABLE" } };
    n.parts = badroles;
    assert_int_equal(store_session_create(f->s, &n, &id2), STORE_EARG);
}

static void test_batch_consequences(void **state)
{
    fx *f = *state;
    f->s = open_ok(f->d.db, NULL);
    int64_t id = new_session(f->s, f->sc, "A", 42);
    script p;
    sc_play(f->s, id, &p, 3, true);
    store_loaded *l;
    assert_int_equal(store_load(f->s, id, STORE_LOAD_EVENTS, &l), STORE_OK);
    assert_int_equal(l->ninputs, 6);
    assert_int_equal((uint32_t)l->nevents, p.seq);
    assert_int_equal(l->last_event, p.seq);
    /* the recorded events give back the engine's canonical lines, byte
     * for byte */
    const char *q = sb_str(&p.lines);
    sbuf js = SBUF_INIT;
    for (int i = 0; i < l->nevents; i++) {
        size_t len = strcspn(q, "\n");
        sb_reset(&js);
        store_event_json(&l->events[i], &js);
        assert_int_equal(js.len, len);
        assert_memory_equal(js.buf, q, len);
        q += len + 1;
    }
    sb_free(&js);
    /* one event block per transaction, not a row per event */
    assert_true(raw_int(f->d.db, "SELECT count(*) FROM event_blocks") < l->nevents);
    assert_int_equal(raw_int(f->d.db, "SELECT count(*) FROM events"), l->nevents);
    assert_string_equal(l->events[2].a_source, "waf");
    assert_string_equal(l->events[2].ev.text.vi, "WAF: truy vấn SQL injection từ 203.0.113.7");
    assert_int_equal(l->nscores, 1);
    assert_string_equal(l->scores[0].kind, "objective");
    assert_int_equal(l->scores[0].points, 20);
    assert_string_equal(l->sess.status, "finished");
    assert_string_equal(l->sess.outcome, "contained");
    assert_int_equal(l->sess.score, 20);
    assert_int_equal(l->sess.turn, 3);
    assert_int_equal(l->sess.max_score, 65);
    assert_non_null(l->sess.ended);
    assert_int_equal(l->sess.detect_minute, 30);
    assert_int_equal(l->nmetrics, 4);
    sbuf prob = SBUF_INIT;
    assert_int_equal(store_verify_chain(l, &prob), 0);
    store_replay r = sc_replay(&p);
    int ndiff = store_verify_compare(l, &r, &prob);
    if (ndiff != 0)
        fail_msg("%s", sb_str(&prob));
    assert_int_equal(prob.len, 0);
    /* a finished session takes no more inputs */
    assert_int_equal(store_input_append(f->s, id, "lead end", NULL, NULL), STORE_EARG);
    sb_free(&prob);
    store_loaded_free(l);
    sc_free(&p);
}

/* Resume: the consequences of the last input may be missing; replaying
 * into a batch that skips what is recorded writes only the rest. */
static void test_batch_skip_for_resume(void **state)
{
    fx *f = *state;
    f->s = open_ok(f->d.db, NULL);
    int64_t id = new_session(f->s, f->sc, "A", 42);
    store_batch *b = store_batch_new();
    for (uint32_t i = 1; i <= 5; i++)
        emit(b, i, 1, 0, EV_TEAM, EVK_NOTE, NULL, NULL, NULL, 0, NULL, "x", "x");
    engine_score_entry se = { .kind = "award", .id = "facilitator", .points = 5, .turn = 1 };
    store_batch_score(b, &se);
    append_ok(f->s, id, "lead end", b);
    assert_int_equal(store_batch_pending(b), 0);
    store_batch_free(b);

    b = store_batch_new();
    store_batch_skip(b, 5, 1);
    for (uint32_t i = 1; i <= 8; i++)
        emit(b, i, 1, 0, EV_TEAM, EVK_NOTE, NULL, NULL, NULL, 0, NULL, "x", "x");
    store_batch_score(b, &se);
    store_batch_score(b, &se);
    assert_int_equal(store_batch_pending(b), 4);   /* events 6-8 and the second score line */
    assert_int_equal(store_batch_commit(f->s, id, b), STORE_OK);
    store_batch_free(b);
    store_loaded *l;
    assert_int_equal(store_load(f->s, id, STORE_LOAD_EVENTS, &l), STORE_OK);
    assert_int_equal(l->nevents, 8);
    assert_int_equal(l->nscores, 2);
    store_loaded_free(l);
}

static void test_list_and_history(void **state)
{
    fx *f = *state;
    f->s = open_ok(f->d.db, NULL);
    scen *other = fake_scen("ransomware", "scenario { id = \"ransomware\" }\n");
    int64_t a = new_session(f->s, f->sc, "Hà Giang", 1);
    int64_t b = new_session(f->s, other, "Hà Giang", 2);
    int64_t c = new_session(f->s, f->sc, "Lào Cai", 3);
    script p;
    sc_play(f->s, a, &p, 2, true);
    sc_free(&p);
    int64_t d = new_session(f->s, f->sc, "Hà Giang", 4);
    store_session *v;
    int n;
    assert_int_equal(store_list(f->s, NULL, &v, &n), STORE_OK);
    assert_int_equal(n, 4);
    assert_true(v[0].id == d && v[1].id == c && v[2].id == b && v[3].id == a);  /* newest first */
    assert_string_equal(v[3].status, "finished");
    assert_string_equal(v[0].status, "active");
    store_sessions_free(v, n);
    store_filter fl = { .scenario = "portal-defacement", .team = "Hà Giang" };
    assert_int_equal(store_list(f->s, &fl, &v, &n), STORE_OK);
    assert_int_equal(n, 2);
    assert_true(v[0].id == d && v[1].id == a);
    /* history of d: the earlier finished sessions of that team and scenario */
    store_session *h;
    int nh;
    assert_int_equal(store_history(f->s, &v[0], 5, &h, &nh), STORE_OK);
    assert_int_equal(nh, 1);
    assert_int_equal(h[0].id, a);
    assert_int_equal(h[0].detect_minute, 30);
    assert_int_equal(h[0].contain_minute, -1);
    store_sessions_free(h, nh);
    store_sessions_free(v, n);
    int64_t latest;
    assert_int_equal(store_latest_active(f->s, &latest), STORE_OK);
    assert_int_equal(latest, d);
    fake_scen_free(other);
    /* the scenario source is kept once per content hash */
    assert_int_equal(raw_int(f->d.db, "SELECT count(*) FROM scenarios"), 2);
}

/* ---- tampering: each kind is caught --------------------------------------- */

/* Record a finished session, tamper with the file through a plain SQLite
 * connection, and return what verify says. */
static int tamper(fx *f, const char *sql, sbuf *prob)
{
    f->s = open_ok(f->d.db, NULL);
    int64_t id = new_session(f->s, f->sc, "A", 42);
    script p;
    sc_play(f->s, id, &p, 3, true);
    store_close(f->s);
    f->s = NULL;
    raw_exec(f->d.db, sql);
    f->s = open_ok(f->d.db, NULL);
    store_loaded *l;
    assert_int_equal(store_load(f->s, id, STORE_LOAD_EVENTS, &l), STORE_OK);
    int n = store_verify_chain(l, prob);
    store_replay r = sc_replay(&p);
    n += store_verify_compare(l, &r, prob);
    store_loaded_free(l);
    sc_free(&p);
    return n;
}

static void expect_problem(fx *f, const char *sql, const char *needle)
{
    sbuf prob = SBUF_INIT;
    int n = tamper(f, sql, &prob);
    if (n == 0 || !strstr(sb_str(&prob), needle))
        fail_msg("after '%s': %d problem(s), expected one mentioning '%s':\n%s", sql, n, needle,
                 sb_str(&prob));
    sb_free(&prob);
}

static void test_tamper_edit_input(void **state)
{
    expect_problem(*state, "UPDATE inputs SET line = 'soc triage s2 false' WHERE seq = 3",
                   "input 3 ('soc triage s2 false') breaks the hash chain");
}

static void test_tamper_delete_input(void **state)
{
    expect_problem(*state, "DELETE FROM inputs WHERE seq = 2", "input 2 is missing");
}

static void test_tamper_delete_last_input(void **state)
{
    expect_problem(*state, "DELETE FROM inputs WHERE seq = 6", "inputs were deleted or added");
}

static void test_tamper_reorder_inputs(void **state)
{
    expect_problem(*state,
                   "UPDATE inputs SET seq = 100 WHERE seq = 3;"
                   "UPDATE inputs SET seq = 3 WHERE seq = 5;"
                   "UPDATE inputs SET seq = 5 WHERE seq = 100;", "breaks the hash chain");
}

/* An edit whose author also recomputed that row's hash still breaks the
 * link to the next input. */
static void test_tamper_rehashed_edit(void **state)
{
    fx *f = *state;
    f->s = open_ok(f->d.db, NULL);
    int64_t id = new_session(f->s, f->sc, "A", 42);
    script p;
    sc_play(f->s, id, &p, 2, true);
    store_loaded *l;
    assert_int_equal(store_load(f->s, id, 0, &l), STORE_OK);
    char h[65], sql[256];
    store_chain_hash(l->sess.genesis, 1, "soc triage s1 false", h);
    snprintf(sql, sizeof sql, "UPDATE inputs SET line = 'soc triage s1 false', hash = '%s' "
             "WHERE session = %lld AND seq = 1", h, (long long)id);
    store_loaded_free(l);
    store_close(f->s);
    f->s = NULL;
    raw_exec(f->d.db, sql);
    f->s = open_ok(f->d.db, NULL);
    assert_int_equal(store_load(f->s, id, 0, &l), STORE_OK);
    sbuf prob = SBUF_INIT;
    assert_int_equal(store_verify_chain(l, &prob), 1);
    assert_non_null(strstr(sb_str(&prob), "input 2 ('lead end') breaks the hash chain"));
    sb_free(&prob);
    store_loaded_free(l);
    sc_free(&p);
}

static void test_tamper_score(void **state)
{
    expect_problem(*state, "UPDATE sessions SET score = 65", "the recorded score 65 is not the sum");
}

static void test_tamper_score_line(void **state)
{
    expect_problem(*state, "UPDATE score_entries SET points = 30; UPDATE sessions SET score = 30",
                   "recorded score 30, replay gives 20");
}

static void test_tamper_event(void **state)
{
    expect_problem(*state, "UPDATE event_blocks SET events = replace(events,"
                   " '\"triage\",\"soc\",\"s1\",null,1,', '\"triage\",\"soc\",\"s1\",null,0,')",
                   "event 6 differs");
}

static void test_tamper_event_text(void **state)
{
    expect_problem(*state, "UPDATE event_blocks SET events = replace(events, 'SQL injection',"
                   " 'port scan')", "event 3 differs");
}

static void test_tamper_event_deleted(void **state)
{
    /* the block holding event 6 (the consequences of one input) removed */
    expect_problem(*state, "DELETE FROM event_blocks WHERE first <= 6 AND last >= 6",
                   "is missing");
}

static void test_tamper_block_damaged(void **state)
{
    expect_problem(*state, "UPDATE event_blocks SET events = substr(events, 1, length(events) - 3)"
                   " WHERE first = 1", "is damaged: ");
}

static void test_tamper_block_bounds(void **state)
{
    expect_problem(*state, "UPDATE event_blocks SET last = last + 1 WHERE first = 1",
                   "is damaged: its events run from 1");
}

static void test_tamper_seed(void **state)
{
    expect_problem(*state, "UPDATE sessions SET seed = '7'", "header");
}

static void test_tamper_source(void **state)
{
    expect_problem(*state, "UPDATE scenarios SET source = source || '-- changed'",
                   "does not match its hash");
}

/* What the session says of itself is covered by the chain's genesis
 * (version 2), and what a replay recomputes is compared with it: each
 * change below is found. */
static void test_tamper_reason(void **state)
{
    expect_problem(*state, "UPDATE score_entries SET reason_en = 'Bribed the jury' WHERE pos = 1",
                   "score line 1 differs: recorded objective detect +20 at turn 2 reason 'Bribed "
                   "the jury', replay gives objective detect +20 at turn 2 reason 'Detect the "
                   "attack'");
}

static void test_tamper_reason_vi(void **state)
{
    expect_problem(*state, "UPDATE score_entries SET reason_vi = 'khác' WHERE pos = 1",
                   "reason 'khác'");
}

static void test_tamper_minute(void **state)
{
    expect_problem(*state, "UPDATE score_entries SET minute = minute + 1 WHERE pos = 1",
                   "recorded objective detect +20 at turn 2 minute 31, replay gives objective "
                   "detect +20 at turn 2 minute 30");
}

static void test_tamper_max_score(void **state)
{
    expect_problem(*state, "UPDATE sessions SET max_score = 60",
                   "recorded maximum score 60, replay gives 65");
}

static void test_tamper_metric(void **state)
{
    expect_problem(*state, "UPDATE metrics SET value = 15 WHERE name = 'detect_minute'",
                   "recorded metric detect_minute = 15, replay gives 30");
    fx *f = *state;
    store_close(f->s);
    f->s = NULL;
    tdir_remove(&f->d);
    tdir_make(&f->d);
    expect_problem(f, "DELETE FROM metrics WHERE name = 'downtime.portal'",
                   "metric downtime.portal is not recorded");
    store_close(f->s);
    f->s = NULL;
    tdir_remove(&f->d);
    tdir_make(&f->d);
    expect_problem(f, "INSERT INTO metrics VALUES (1, 'hints', 3)",
                   "recorded metric hints = 3 is not one the replay computes");
}

static void test_tamper_header(void **state)
{
    static const char *const edits[] = {
        "UPDATE sessions SET team = 'B'",
        "UPDATE sessions SET started = '2020-01-01T00:00:00Z'",
        "UPDATE sessions SET lang = 'en'",
        "UPDATE sessions SET timer = 60",
        "UPDATE sessions SET fork_seq = 2",
        "UPDATE sessions SET parent = 1",
        "INSERT INTO libraries VALUES ('x', 'stdlib.lua', 'x', ''); UPDATE sessions SET stdlib = 'x'",
        "UPDATE participants SET pos = pos + 10; UPDATE participants SET pos = 13 - pos",
        "UPDATE participants SET roles = 'soc,lead' WHERE pos = 1",
        "UPDATE sessions SET chain = 1",
    };
    fx *f = *state;
    for (size_t i = 0; i < sizeof edits / sizeof *edits; i++) {
        if (i) {
            store_close(f->s);
            f->s = NULL;
            tdir_remove(&f->d);
            tdir_make(&f->d);
        }
        expect_problem(f, edits[i], "header");
    }
}

/* A session is recorded with its maximum score from the start, before any
 * consequence is. */
static void test_max_score_at_start(void **state)
{
    fx *f = *state;
    f->s = open_ok(f->d.db, NULL);
    int64_t id = new_session(f->s, f->sc, "A", 1);
    store_loaded *l;
    assert_int_equal(store_load(f->s, id, 0, &l), STORE_OK);
    assert_int_equal(l->sess.max_score, 65);
    assert_int_equal(l->sess.chain, 2);
    store_loaded_free(l);
}

/* Without a team, the comparison takes only sessions of the same people
 * (the same set of names), and no team. */
static void test_history_without_team(void **state)
{
    fx *f = *state;
    f->s = open_ok(f->d.db, NULL);
    store_participant alice[] = { { "Alice", "lead,soc,sys" } };
    store_participant bob[] = { { "Bob", "lead,soc,sys" } };
    store_participant both[] = { { "Bob", "lead" }, { "Alice", "soc,sys" } };
    store_participant both2[] = { { "Alice", "lead" }, { "Bob", "soc,sys" } };
    const store_participant *who[] = { alice, bob, both, alice, both2 };
    const int nwho[] = { 1, 1, 2, 1, 2 };
    const char *team[] = { NULL, NULL, NULL, "T", NULL };
    int64_t id[5];
    for (int i = 0; i < 5; i++) {
        store_session_new n = { .sc = f->sc, .seed = (uint64_t)i, .mode = MODE_TRAINING,
                                .team = team[i], .lang = "en", .parts = who[i],
                                .nparts = nwho[i] };
        assert_int_equal(store_session_create(f->s, &n, &id[i]), STORE_OK);
        script p;
        if (i < 4) {
            sc_play(f->s, id[i], &p, 1, true);
            sc_free(&p);
        }
    }
    store_session *h;
    int nh;
    store_loaded *l;
    /* Alice alone: her own earlier session, not Bob's, not the team's */
    store_session_new n = { .sc = f->sc, .seed = 9, .mode = MODE_TRAINING, .lang = "en",
                            .parts = alice, .nparts = 1 };
    int64_t last;
    assert_int_equal(store_session_create(f->s, &n, &last), STORE_OK);
    assert_int_equal(store_load(f->s, last, 0, &l), STORE_OK);
    assert_int_equal(store_history(f->s, &l->sess, 10, &h, &nh), STORE_OK);
    assert_int_equal(nh, 1);
    assert_int_equal(h[0].id, id[0]);
    store_sessions_free(h, nh);
    store_loaded_free(l);
    /* Alice and Bob, in any order and roles: the pair's earlier session */
    assert_int_equal(store_load(f->s, id[4], 0, &l), STORE_OK);
    assert_int_equal(store_history(f->s, &l->sess, 10, &h, &nh), STORE_OK);
    assert_int_equal(nh, 1);
    assert_int_equal(h[0].id, id[2]);
    store_sessions_free(h, nh);
    store_loaded_free(l);
}

/* An interrupted session is not a tampered one: the consequences of its
 * last input may be missing from the record. */
static void test_compare_interrupted(void **state)
{
    fx *f = *state;
    f->s = open_ok(f->d.db, NULL);
    int64_t id = new_session(f->s, f->sc, "A", 42);
    script p;
    sc_play(f->s, id, &p, 2, false);
    store_loaded *l;
    assert_int_equal(store_load(f->s, id, STORE_LOAD_EVENTS, &l), STORE_OK);
    store_replay r = sc_replay(&p);
    /* the replay has one more event than was recorded */
    sb_puts(&p.lines, "{\"seq\":99}\n");
    r.events = sb_str(&p.lines);
    sbuf prob = SBUF_INIT;
    assert_int_equal(store_verify_compare(l, &r, &prob), 0);
    /* but the same for a finished session is a discrepancy */
    free(l->sess.status);
    l->sess.status = strdup("finished");
    assert_true(store_verify_compare(l, &r, &prob) > 0);
    assert_non_null(strstr(sb_str(&prob), "more than were recorded"));
    sb_free(&prob);
    store_loaded_free(l);
    sc_free(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_create_and_reopen, setup, teardown),
        cmocka_unit_test_setup_teardown(test_session_timer, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_file_is_new, setup, teardown),
        cmocka_unit_test_setup_teardown(test_readonly_missing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_migrate_from_v1, setup, teardown),
        cmocka_unit_test_setup_teardown(test_migrate_from_v2, setup, teardown),
        cmocka_unit_test_setup_teardown(test_event_block_roundtrip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_path_resolve, setup, teardown),
        cmocka_unit_test_setup_teardown(test_inputs_roundtrip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_inputs_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_batch_consequences, setup, teardown),
        cmocka_unit_test_setup_teardown(test_batch_skip_for_resume, setup, teardown),
        cmocka_unit_test_setup_teardown(test_list_and_history, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tamper_edit_input, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tamper_delete_input, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tamper_delete_last_input, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tamper_reorder_inputs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tamper_rehashed_edit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tamper_score, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tamper_score_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tamper_event, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tamper_event_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tamper_event_deleted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tamper_block_damaged, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tamper_block_bounds, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tamper_seed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tamper_source, setup, teardown),
        cmocka_unit_test_setup_teardown(test_compare_interrupted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tamper_reason, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tamper_reason_vi, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tamper_minute, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tamper_max_score, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tamper_metric, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tamper_header, setup, teardown),
        cmocka_unit_test_setup_teardown(test_max_score_at_start, setup, teardown),
        cmocka_unit_test_setup_teardown(test_history_without_team, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
