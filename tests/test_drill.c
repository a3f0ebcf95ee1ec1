/*
 * test_drill.c - a live session kept in step with its record (ui/drill.c),
 * on real database files and a real Lua scenario
 * (tests/fixtures/e2e/tiny.lua; run from the top of the tree):
 *   - the session row exists before the first input, each input is
 *     recorded, the consequences of the last one arrive with drill_sync;
 *   - a process that dies without syncing (fork, _exit) is resumed: the
 *     replayed events reach the observer flagged, the missing ones are
 *     written, and the record equals an uninterrupted one event for event;
 *   - a group that never committed leaves a consistent, shorter record;
 *   - a database that refuses an input gives DRILL_ESTORE, with the
 *     store's code, and the input is not applied;
 *   - finished and unknown sessions are not resumed;
 *   - a session played with a standard library other than the built-in
 *     one (as an older irdrill's) is recorded with it, and verifies and
 *     resumes on it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "saves_fixture.h"
#include "ui/drill.h"

#include <sys/wait.h>

#define TINY "tests/fixtures/e2e/tiny.lua"

static int setup(void **state)
{
    tdir *t = calloc(1, sizeof *t);
    assert_non_null(t);
    tdir_make(t);
    *state = t;
    return 0;
}

static int teardown(void **state)
{
    tdir_remove(*state);
    free(*state);
    return 0;
}

static drill *new_drill(store *st, const event_sink *sink)
{
    sbuf problems = SBUF_INIT;
    lhost *h = lhost_load_file(TINY, NULL, &problems);
    if (!h)
        fail_msg("%s", sb_str(&problems));
    sb_free(&problems);
    drill_opts o = { .seed = 7, .mode = MODE_TRAINING, .team = "Đội A", .lang = LANG_VI };
    char err[512];
    int status = 0;
    drill *d = drill_new(h, st, &o, sink, err, sizeof err, &status);
    if (!d)
        fail_msg("drill_new: %d %s", status, err);
    return d;
}

static const char *const WIN[] = { "soc triage s1 true", "# a comment", "sys isolate web", "end" };

/* Events the observer saw, and how many of them were replayed. */
typedef struct seen {
    int n, replayed;
    drill **d;
} seen;

static void see(void *ctx, const event *ev)
{
    seen *s = ctx;
    (void)ev;
    s->n++;
    if (!*s->d || drill_replaying(*s->d))
        s->replayed++;
}

static void test_record(void **state)
{
    tdir *t = *state;
    store *st = open_ok(t->db, NULL);
    drill *d = new_drill(st, NULL);
    int64_t id = drill_session(d);
    assert_true(id > 0);
    /* The session exists before any input; its first events wait. */
    assert_int_equal(raw_int(t->db, "SELECT count(*) FROM sessions WHERE status = 'active'"), 1);
    assert_int_equal(raw_int(t->db, "SELECT count(*) FROM events"), 0);
    for (int i = 0; i < 4; i++)
        assert_true(drill_input(d, WIN[i]) >= 0);
    assert_true(engine_over(drill_engine(d)));
    /* The session ended: its end is recorded without a drill_sync. */
    assert_int_equal(raw_int(t->db, "SELECT count(*) FROM inputs"), 3);
    assert_int_equal(raw_int(t->db, "SELECT score FROM sessions"), 30);
    assert_int_equal(raw_int(t->db, "SELECT count(*) FROM sessions WHERE status = 'finished' "
                                    "AND outcome = 'contained'"), 1);
    assert_int_equal(raw_int(t->db, "SELECT count(*) FROM events"),
                     engine_event_count(drill_engine(d)));
    assert_int_equal(raw_int(t->db, "SELECT value FROM metrics WHERE name = 'actions.sys'"), 1);
    /* The record verifies. */
    store_loaded *l = NULL;
    assert_int_equal(store_load(st, id, STORE_LOAD_EVENTS, &l), STORE_OK);
    sbuf p = SBUF_INIT;
    assert_int_equal(store_verify_chain(l, &p), 0);
    assert_string_equal(l->inputs[0].line, "soc triage s1 true");
    sb_free(&p);
    store_loaded_free(l);
    /* A finished session takes no input, and is not resumed. */
    assert_int_equal(drill_input(d, "end"), ENG_EOVER);
    drill_free(d);
    char err[256];
    int status = 0;
    assert_null(drill_resume(st, id, NULL, err, sizeof err, &status));
    assert_int_equal(status, 1);
    assert_non_null(strstr(err, "finished"));
    assert_null(drill_resume(st, 99, NULL, err, sizeof err, &status));
    assert_int_equal(status, 1);
    store_close(st);
}

/* In a child: a new session, n inputs, then death without a sync. */
static void play_and_die(const char *db, int n, bool grouped)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        store *st = NULL;
        if (store_open(db, NULL, &st) != STORE_OK)
            _exit(3);
        drill *d = new_drill(st, NULL);
        drill_group_inputs(d, grouped);
        for (int i = 0; i < n; i++)
            if (drill_input(d, WIN[i]) < 0)
                _exit(4);
        _exit(0);   /* no drill_sync, no store_close: as a kill -9 would */
    }
    int ws = 0;
    assert_int_equal(waitpid(pid, &ws, 0), pid);
    assert_true(WIFEXITED(ws) && WEXITSTATUS(ws) == 0);
}

static void test_resume_after_crash(void **state)
{
    tdir *t = *state;
    play_and_die(t->db, 3, false);   /* the triage, a comment, the isolation */
    assert_int_equal(raw_int(t->db, "SELECT count(*) FROM inputs"), 2);
    long long before = raw_int(t->db, "SELECT count(*) FROM events");
    store *st = open_ok(t->db, NULL);
    drill *d = NULL;
    seen s = { 0, 0, &d };
    event_sink sink = { see, &s };
    char err[256];
    int status = 0;
    d = drill_resume(st, 1, &sink, err, sizeof err, &status);
    if (!d)
        fail_msg("drill_resume: %d %s", status, err);
    assert_false(drill_replaying(d));
    assert_true(s.n > 0);
    assert_int_equal(s.replayed, s.n);
    /* What the crash left out is written now. */
    long long after = raw_int(t->db, "SELECT count(*) FROM events");
    assert_true(after > before);
    assert_int_equal(after, engine_event_count(drill_engine(d)));
    assert_int_equal(drill_input(d, "end"), ENG_OK);
    assert_int_equal(s.replayed, s.n - (int)(engine_event_count(drill_engine(d)) - after));
    assert_string_equal(engine_outcome(drill_engine(d)), "contained");
    drill_free(d);

    /* The same inputs uninterrupted give the same events, byte for byte. */
    drill *u = new_drill(st, NULL);
    for (int i = 0; i < 4; i++)
        assert_true(drill_input(u, WIN[i]) >= 0);
    drill_free(u);
    assert_int_equal(raw_int(t->db, "SELECT count(*) FROM events a JOIN events b ON b.session = 2 "
                                    "AND b.seq = a.seq AND b.turn = a.turn AND b.minute = a.minute "
                                    "AND b.vis = a.vis AND b.kind = a.kind AND b.role IS a.role "
                                    "AND b.subject IS a.subject AND b.field IS a.field "
                                    "AND b.value = a.value AND b.attrs IS a.attrs "
                                    "AND b.text_vi IS a.text_vi AND b.text_en IS a.text_en "
                                    "WHERE a.session = 1"),
                     raw_int(t->db, "SELECT count(*) FROM events WHERE session = 2"));
    assert_int_equal(raw_int(t->db, "SELECT count(*) FROM events WHERE session = 1"),
                     raw_int(t->db, "SELECT count(*) FROM events WHERE session = 2"));
    store_close(st);
}

static void test_group_never_committed(void **state)
{
    tdir *t = *state;
    play_and_die(t->db, 3, true);
    /* The session row was committed on its own; the group was not. */
    assert_int_equal(raw_int(t->db, "SELECT count(*) FROM sessions"), 1);
    assert_int_equal(raw_int(t->db, "SELECT count(*) FROM inputs"), 0);
    assert_int_equal(raw_int(t->db, "SELECT ninputs FROM sessions"), 0);
    store *st = open_ok(t->db, NULL);
    assert_int_equal(store_integrity(st), STORE_OK);
    char err[256];
    int status = 0;
    drill *d = drill_resume(st, 1, NULL, err, sizeof err, &status);
    if (!d)
        fail_msg("drill_resume: %d %s", status, err);
    drill_group_inputs(d, true);
    for (int i = 0; i < 4; i++)
        assert_true(drill_input(d, WIN[i]) >= 0);
    /* The end of the session closed the group. */
    assert_false(store_group_open(st));
    assert_int_equal(raw_int(t->db, "SELECT ninputs FROM sessions"), 3);
    assert_int_equal(raw_int(t->db, "SELECT count(*) FROM sessions WHERE status = 'finished'"), 1);
    drill_free(d);
    store_loaded *l = NULL;
    assert_int_equal(store_load(st, 1, STORE_LOAD_EVENTS, &l), STORE_OK);
    sbuf p = SBUF_INIT;
    assert_int_equal(store_verify_chain(l, &p), 0);
    sb_free(&p);
    store_loaded_free(l);
    store_close(st);
}

static void test_store_refuses(void **state)
{
    tdir *t = *state;
    store *st = open_ok(t->db, NULL);
    drill *d = new_drill(st, NULL);
    assert_int_equal(drill_input(d, "soc triage s1 true"), ENG_OK);
    /* Another process aborts the session behind the drill's back. */
    raw_exec(t->db, "UPDATE sessions SET status = 'aborted'");
    int turn = engine_turn(drill_engine(d));
    int rc = drill_input(d, "end");
    assert_int_equal(rc, DRILL_ESTORE);
    assert_int_equal(drill_store_code(d), STORE_EARG);
    assert_non_null(strstr(drill_errmsg(d), "aborted"));
    assert_int_equal(engine_turn(drill_engine(d)), turn);   /* not applied */
    /* An invalid line is the engine's refusal, not the database's. */
    assert_int_equal(drill_input(d, "bogus_verb web"), ENG_EINPUT);
    drill_free(d);

    /* A read-only store cannot create a session: the environment's fault. */
    store_opts ro = { .readonly = true };
    store *r = open_ok(t->db, &ro);
    sbuf problems = SBUF_INIT;
    lhost *h = lhost_load_file(TINY, NULL, &problems);
    assert_non_null(h);
    sb_free(&problems);
    drill_opts o = { .seed = 1 };
    char err[256];
    int status = 0;
    assert_null(drill_new(h, r, &o, NULL, err, sizeof err, &status));
    assert_int_equal(status, 2);
    assert_non_null(strstr(err, t->db));
    store_close(r);
    store_close(st);
}

/* ---- the standard library recorded with the session -------------------- */

static void collect_line(void *ctx, const event *ev)
{
    event_to_json(ev, ctx);
    sb_putc(ctx, '\n');
}

/* Replay the loaded session l as verify does and compare: the number of
 * discrepancies (their lines in problems). */
static int replay_compare(const store_loaded *l, sbuf *problems)
{
    sbuf lines = SBUF_INIT;
    event_sink sink = { collect_line, &lines };
    char err[512];
    int status = 0;
    drill *d = drill_open_record(l, &sink, err, sizeof err, &status);
    if (!d)
        fail_msg("drill_open_record: %s", err);
    for (int i = 0; i < l->ninputs; i++)
        assert_int_equal(drill_replay_input(d, l->inputs[i].line), ENG_OK);
    engine *e = drill_engine(d);
    int ns = engine_score_count(e);
    engine_score_entry *sc = calloc((size_t)ns + 1, sizeof *sc);
    assert_non_null(sc);
    for (int i = 0; i < ns; i++)
        sc[i] = *engine_score_at(e, i);
    store_metric *m = NULL;
    int nm = 0;
    assert_int_equal(drill_metrics(d, &m, &nm), STORE_OK);
    store_replay r = { .events = sb_str(&lines), .scores = sc, .nscores = ns,
                       .score = engine_score(e), .turn = engine_turn(e),
                       .max_score = engine_max_score(e), .over = engine_over(e),
                       .outcome = engine_outcome(e), .metrics = m, .nmetrics = nm };
    int n = store_verify_compare(l, &r, problems);
    drill_metrics_free(m, nm);
    free(sc);
    drill_free(d);
    sb_free(&lines);
    return n;
}

/* The built-in standard library with the label of triage changed, as a
 * later (or earlier) irdrill's could be: the label is in the events. */
static char *other_stdlib(size_t *len)
{
    sbuf problems = SBUF_INIT;
    lhost *h = lhost_load_file(TINY, NULL, &problems);
    assert_non_null(h);
    sb_free(&problems);
    const char *src;
    size_t n;
    lhost_stdlib(h, &src, &n);
    const char *at = strstr(src, "en = \"Triage a signal\"");
    assert_non_null(at);
    sbuf b = SBUF_INIT;
    sb_add(&b, src, (size_t)(at - src));
    sb_puts(&b, "en = \"Triage an alert (stdlib of another version)\"");
    at += strlen("en = \"Triage a signal\"");
    sb_add(&b, at, n - (size_t)(at - src));
    lhost_free(h);
    *len = b.len;
    return sb_take(&b);
}

static drill *new_drill_lib(store *st, const char *lib, size_t len)
{
    sbuf problems = SBUF_INIT;
    lhost_opts lo = { .stdlib = lib, .stdlib_len = len };
    lhost *h = lhost_load_file(TINY, &lo, &problems);
    if (!h)
        fail_msg("%s", sb_str(&problems));
    sb_free(&problems);
    drill_opts o = { .seed = 7, .mode = MODE_TRAINING, .team = "Đội A", .lang = LANG_EN };
    char err[512];
    int status = 0;
    drill *d = drill_new(h, st, &o, NULL, err, sizeof err, &status);
    if (!d)
        fail_msg("drill_new: %d %s", status, err);
    return d;
}

static void test_stdlib_recorded(void **state)
{
    tdir *t = *state;
    size_t len;
    char *lib = other_stdlib(&len);
    store *st = open_ok(t->db, NULL);
    drill *d = new_drill_lib(st, lib, len);
    int64_t id = drill_session(d);
    for (int i = 0; i < 4; i++)
        assert_true(drill_input(d, WIN[i]) >= 0);
    assert_true(engine_over(drill_engine(d)));
    drill_free(d);
    /* stored once, by hash, and the session names it */
    assert_int_equal(raw_int(t->db, "SELECT count(*) FROM libraries"), 1);
    assert_int_equal(raw_int(t->db, "SELECT count(*) FROM sessions s JOIN libraries l"
                                    " ON l.hash = s.stdlib"), 1);
    assert_int_equal(raw_int(t->db, "SELECT count(*) FROM events WHERE text_en LIKE"
                                    " 'Triage an alert%'"), 2);
    store_loaded *l = NULL;
    assert_int_equal(store_load(st, id, STORE_LOAD_EVENTS, &l), STORE_OK);
    assert_non_null(l->stdlib);
    assert_int_equal(l->stdlib_len, len);
    assert_memory_equal(l->stdlib, lib, len);
    sbuf p = SBUF_INIT;
    assert_int_equal(store_verify_chain(l, &p), 0);
    /* the replay runs the recorded library, not the built-in one */
    int n = replay_compare(l, &p);
    if (n != 0)
        fail_msg("%s", sb_str(&p));
    /* which is what makes it verify: on the built-in one it would not */
    char *kept = l->stdlib;
    l->stdlib = NULL;
    assert_true(replay_compare(l, &p) > 0);
    assert_non_null(strstr(sb_str(&p), "differs"));
    l->stdlib = kept;
    sb_free(&p);
    store_loaded_free(l);

    /* An unfinished session of that library resumes on it. */
    d = new_drill_lib(st, lib, len);
    id = drill_session(d);
    for (int i = 0; i < 3; i++)
        assert_true(drill_input(d, WIN[i]) >= 0);
    drill_free(d);
    char err[512];
    int status = 0;
    d = drill_resume(st, id, NULL, err, sizeof err, &status);
    if (!d)
        fail_msg("drill_resume: %s", err);
    assert_int_equal(drill_input(d, "end"), ENG_OK);
    assert_true(engine_over(drill_engine(d)));
    assert_int_equal(engine_score(drill_engine(d)), 30);
    drill_free(d);
    assert_int_equal(store_load(st, id, STORE_LOAD_EVENTS, &l), STORE_OK);
    assert_string_equal(l->sess.status, "finished");
    assert_int_equal(store_verify_chain(l, &p), 0);
    n = replay_compare(l, &p);
    if (n != 0)
        fail_msg("%s", sb_str(&p));
    sb_free(&p);
    store_loaded_free(l);

    /* A library that is changed in the file no longer matches its hash. */
    raw_exec(t->db, "UPDATE libraries SET source = source || '-- edited'");
    assert_int_equal(store_load(st, id, STORE_LOAD_EVENTS, &l), STORE_OK);
    assert_int_equal(store_verify_chain(l, &p), 1);
    assert_non_null(strstr(sb_str(&p), "standard library does not match its hash"));
    sb_free(&p);
    store_loaded_free(l);
    store_close(st);
    free(lib);
}

/* Text from outside: a standard library that is not UTF-8 is refused. */
static void test_stdlib_checked(void **state)
{
    (void)state;
    static const char bad[] = "-- \xff\xfe not UTF-8\n";
    lhost_opts lo = { .stdlib = bad, .stdlib_len = sizeof bad - 1 };
    sbuf problems = SBUF_INIT;
    assert_null(lhost_load_file(TINY, &lo, &problems));
    assert_non_null(strstr(sb_str(&problems), "stdlib.lua:1: the file is not valid UTF-8"));
    sb_free(&problems);
}

static void test_no_store(void **state)
{
    (void)state;
    drill *d = new_drill(NULL, NULL);
    assert_int_equal(drill_session(d), 0);
    for (int i = 0; i < 4; i++)
        assert_true(drill_input(d, WIN[i]) >= 0);
    assert_int_equal(drill_sync(d), STORE_OK);
    assert_int_equal(engine_score(drill_engine(d)), 30);
    drill_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_record, setup, teardown),
        cmocka_unit_test_setup_teardown(test_resume_after_crash, setup, teardown),
        cmocka_unit_test_setup_teardown(test_group_never_committed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_store_refuses, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stdlib_recorded, setup, teardown),
        cmocka_unit_test(test_stdlib_checked),
        cmocka_unit_test(test_no_store),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
