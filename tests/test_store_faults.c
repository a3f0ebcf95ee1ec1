/*
 * test_store_faults.c - the store when things go wrong, on real files: a
 * newer schema, garbage, a truncated or corrupt file, a file of another
 * program, a lock held past the timeout, unwritable places, I/O errors and
 * a full disk injected through a failing SQLite VFS, and several processes
 * writing one database at once. A file we refuse is left byte for byte as
 * it was (and with the same mtime); committed data survives I/O errors.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "saves_script.h"

#include <grp.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>

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

/* A database with one finished session of n turns, closed. */
static void make_db(fx *f, int nturns)
{
    f->s = open_ok(f->d.db, NULL);
    int64_t id = new_session(f->s, f->sc, "A", 42);
    script p;
    sc_play(f->s, id, &p, nturns, true);
    sc_free(&p);
    store_close(f->s);
    f->s = NULL;
}

/* store_open refuses the file with code, names it, and leaves it as it was. */
static void expect_refused(fx *f, int code, const char *needle)
{
    snap sn;
    snap_take(f->d.db, &sn);
    int rc = store_open(f->d.db, NULL, &f->s);
    if (rc != code || !strstr(store_errmsg(f->s), needle))
        fail_msg("expected %d '%s', got %d '%s'", code, needle, rc, store_errmsg(f->s));
    assert_non_null(strstr(store_errmsg(f->s), f->d.db));
    assert_null(strchr(store_errmsg(f->s), '\n'));
    store_close(f->s);
    f->s = NULL;
    snap_same(f->d.db, &sn);
}

/* Neither -wal nor -shm beside path. */
static bool no_side_files(const char *path)
{
    char side[400];
    snprintf(side, sizeof side, "%s-wal", path);
    bool none = access(side, F_OK) != 0;
    snprintf(side, sizeof side, "%s-shm", path);
    return none && access(side, F_OK) != 0;
}

/* A read-only open of a file it refuses leaves nothing beside it. */
static void expect_refused_ro(fx *f, int code)
{
    snap sn;
    snap_take(f->d.db, &sn);
    store_opts ro = { .readonly = true };
    store *s = NULL;
    assert_int_equal(store_open(f->d.db, &ro, &s), code);
    store_close(s);
    snap_same(f->d.db, &sn);
    assert_true(no_side_files(f->d.db));
}

static void test_newer_schema(void **state)
{
    fx *f = *state;
    make_db(f, 2);
    raw_exec(f->d.db, "PRAGMA user_version = 99");
    expect_refused(f, STORE_ESCHEMA, "newer irdrill (schema version 99");
    expect_refused_ro(f, STORE_ESCHEMA);
    assert_true(no_side_files(f->d.db));
}

/* A file that says it is irdrill's, of the current version, but lacks its
 * tables (or some column) is refused before anything is changed: not even
 * the switch to WAL mode (header bytes 18-19) happens. */
static void test_incomplete_schema(void **state)
{
    fx *f = *state;
    char sql[160];
    snprintf(sql, sizeof sql, "PRAGMA application_id = %d; PRAGMA user_version = %d;"
             " CREATE TABLE x(a);", STORE_APPLICATION_ID, STORE_SCHEMA_VERSION);
    raw_exec(f->d.db, sql);
    expect_refused(f, STORE_ECORRUPT, "not a complete irdrill database");
    expect_refused_ro(f, STORE_ECORRUPT);
    /* one column missing */
    tdir_remove(&f->d);
    tdir_make(&f->d);
    make_db(f, 2);
    raw_exec(f->d.db, "ALTER TABLE sessions DROP COLUMN timer");
    expect_refused(f, STORE_ECORRUPT, "sessions.timer is missing");
}

static void test_garbage_file(void **state)
{
    fx *f = *state;
    unsigned char junk[8192];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = (unsigned char)(i * 7919 % 251);
    write_file(f->d.db, junk, sizeof junk);
    expect_refused(f, STORE_ECORRUPT, "not an SQLite database");
    /* a valid SQLite magic followed by garbage */
    memcpy(junk, "SQLite format 3", 16);
    write_file(f->d.db, junk, sizeof junk);
    expect_refused(f, STORE_ECORRUPT, "corrupt");
    write_file(f->d.db, "hello", 5);
    expect_refused(f, STORE_ECORRUPT, "only 5 bytes");
}

static void test_other_programs_db(void **state)
{
    fx *f = *state;
    raw_exec(f->d.db, "CREATE TABLE moz_places(id INTEGER PRIMARY KEY, url TEXT);"
                      "INSERT INTO moz_places(url) VALUES ('https://example.org');");
    expect_refused(f, STORE_ECORRUPT, "not an irdrill database");
}

static void test_truncated(void **state)
{
    fx *f = *state;
    make_db(f, 60);
    struct stat st;
    assert_int_equal(stat(f->d.db, &st), 0);
    assert_true(st.st_size > 16 * 4096);
    assert_int_equal(truncate(f->d.db, st.st_size / 2), 0);
    expect_refused(f, STORE_ECORRUPT, "corrupt or truncated");
    assert_true(no_side_files(f->d.db));
}

/* One page in the middle of a good file overwritten (as dd would): a
 * write-open finds it before writing anything, even where no write would
 * have gone, and leaves the file and its directory as they were. */
static void test_corrupt_page_before_writing(void **state)
{
    fx *f = *state;
    make_db(f, 60);
    struct stat st;
    assert_int_equal(stat(f->d.db, &st), 0);
    long pages = (long)(st.st_size / 4096);
    assert_true(pages > 8);
    /* a page of event blocks in the middle: no write goes there */
    FILE *fp = fopen(f->d.db, "r+b");
    assert_non_null(fp);
    unsigned char junk[4096];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = (unsigned char)(i * 131 + 7);
    fseek(fp, (pages / 2) * 4096, SEEK_SET);
    assert_int_equal(fwrite(junk, 1, sizeof junk, fp), sizeof junk);
    fclose(fp);
    snap sn;
    snap_take(f->d.db, &sn);
    int rc = store_open(f->d.db, NULL, &f->s);
    assert_int_equal(rc, STORE_ECORRUPT);
    assert_non_null(strstr(store_errmsg(f->s), f->d.db));
    assert_null(strchr(store_errmsg(f->s), '\n'));
    store_close(f->s);
    f->s = NULL;
    snap_same(f->d.db, &sn);
    assert_true(no_side_files(f->d.db));
}

/* Garbage in the middle of a valid file: whichever read meets it fails
 * with ECORRUPT, and reading does not change the file. */
static void test_corrupt_page(void **state)
{
    fx *f = *state;
    make_db(f, 60);
    struct stat st;
    assert_int_equal(stat(f->d.db, &st), 0);
    FILE *fp = fopen(f->d.db, "r+b");
    assert_non_null(fp);
    for (long off = 4096; off + 4096 <= st.st_size; off += 4096) {
        char junk[512];
        memset(junk, 0xA5, sizeof junk);
        fseek(fp, off + 100, SEEK_SET);
        fwrite(junk, 1, sizeof junk, fp);
    }
    fclose(fp);
    snap sn;
    snap_take(f->d.db, &sn);
    int rc = store_open(f->d.db, NULL, &f->s);
    if (rc == STORE_OK) {
        store_loaded *l = NULL;
        rc = store_load(f->s, 1, STORE_LOAD_EVENTS, &l);
        store_loaded_free(l);
        if (rc == STORE_OK)
            rc = store_integrity(f->s);
    }
    assert_int_equal(rc, STORE_ECORRUPT);
    assert_non_null(strstr(store_errmsg(f->s), f->d.db));
    store_close(f->s);
    f->s = NULL;
    snap_same(f->d.db, &sn);
}

static double now_ms(void)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    return tv.tv_sec * 1000.0 + tv.tv_usec / 1000.0;
}

static void test_locked(void **state)
{
    fx *f = *state;
    store_opts o = { .busy_timeout_ms = 200 };
    f->s = open_ok(f->d.db, &o);
    int64_t id = new_session(f->s, f->sc, "A", 1);
    sqlite3 *other;
    assert_int_equal(sqlite3_open(f->d.db, &other), SQLITE_OK);
    assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
    double t0 = now_ms();
    int rc = store_input_append(f->s, id, "lead end", NULL, NULL);
    double waited = now_ms() - t0;
    assert_int_equal(rc, STORE_EBUSY);
    assert_true(waited >= 150);
    assert_non_null(strstr(store_errmsg(f->s), "locked by another process (waited 200 ms)"));
    assert_non_null(strstr(store_errmsg(f->s), f->d.db));
    assert_int_equal(sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(store_input_append(f->s, id, "lead end", NULL, NULL), STORE_OK);
    store_close(f->s);
    f->s = NULL;

    /* a process holding the file exclusively: even opening waits, then fails */
    assert_int_equal(sqlite3_exec(other, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;"
                                         "UPDATE sessions SET team = 'B'", NULL, NULL, NULL),
                     SQLITE_OK);
    assert_int_equal(store_open(f->d.db, &o, &f->s), STORE_EBUSY);
    store_close(f->s);
    f->s = NULL;
    sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(other);
}

static void test_missing_directory(void **state)
{
    fx *f = *state;
    char dir[300], path[400];
    snprintf(dir, sizeof dir, "%s/nope", f->d.path);
    snprintf(path, sizeof path, "%s/irdrill.db", dir);
    assert_int_equal(store_open(path, NULL, &f->s), STORE_EPERM);
    assert_non_null(strstr(store_errmsg(f->s), "does not exist"));
    assert_int_equal(access(dir, F_OK), -1);   /* not created behind the user's back */
}

/* ---- permissions, also when the tests run as root ------------------------ */

/* Root may write whatever the permissions say, so as root (as CI runs)
 * the checks that need permissions to hold run in a child process that
 * has dropped to the user and group nobody for good. A check returns NULL
 * when it holds, else a message (static or malloc'd: the child exits). */
#define NOBODY 65534
typedef const char *(*perm_check)(fx *f);

static void as_unprivileged(fx *f, perm_check fn)
{
    if (geteuid() != 0) {
        const char *why = fn(f);
        if (why)
            fail_msg("%s", why);
        return;
    }
    /* nobody must be able to reach the test directory and what the
     * check creates there */
    assert_int_equal(chown(f->d.path, NOBODY, NOBODY), 0);
    int fd[2];
    assert_int_equal(pipe(fd), 0);
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fd[0]);
        const char *why = NULL;
        if (setgroups(0, NULL) != 0 || setgid(NOBODY) != 0 || setuid(NOBODY) != 0)
            why = "cannot drop privileges to nobody";
        else if (setuid(0) == 0 || geteuid() != NOBODY)
            why = "privileges were not dropped for good";
        else
            why = fn(f);
        if (why && write(fd[1], why, strlen(why)) < 0)
            _exit(3);
        _exit(why ? 1 : 0);
    }
    close(fd[1]);
    char msg[512] = "";
    ssize_t n = read(fd[0], msg, sizeof msg - 1);
    msg[n > 0 ? n : 0] = '\0';
    close(fd[0]);
    int st = 0;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
        fail_msg("as nobody: %s (child status %d)", msg[0] ? msg : "crashed", st);
}

static char *fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));
static char *fmt(const char *f, ...)
{
    static char buf[512];
    va_list ap;
    va_start(ap, f);
    vsnprintf(buf, sizeof buf, f, ap);
    va_end(ap);
    return buf;
}

/* store_open(path) fails with code, one line naming path and saying needle. */
static const char *refused(const char *path, const store_opts *o, int code, const char *needle)
{
    store *s = NULL;
    int rc = store_open(path, o, &s);
    const char *msg = store_errmsg(s);
    const char *why = NULL;
    if (rc != code)
        why = fmt("%s: expected code %d, got %d: %s", path, code, rc, msg);
    else if (!strstr(msg, path) || strchr(msg, '\n') || (needle && !strstr(msg, needle)))
        why = fmt("%s: the message does not name the file, is not one line, or lacks '%s': %s",
                  path, needle ? needle : "", msg);
    store_close(s);
    return why;
}

static char ro_dir[400], ro_new[450], ro_db[450];

/* In a directory nobody may write: no database can be created there. */
static const char *check_unwritable_dir(fx *f)
{
    const char *why = refused(ro_new, NULL, STORE_EPERM, "is not writable");
    if (!why && access(ro_new, F_OK) == 0)
        why = fmt("%s was created", ro_new);
    return why;
}

/* A database file that is read-only is refused for writing, untouched,
 * and can still be listed read-only (irdrill sessions on it). */
static const char *check_readonly_file(fx *f)
{
    const char *why = refused(f->d.db, NULL, STORE_EPERM, "read-only");
    if (why)
        return why;
    store_opts ro = { .readonly = true };
    store *s = NULL;
    int rc = store_open(f->d.db, &ro, &s);
    store_session *v = NULL;
    int n = 0;
    if (rc == STORE_OK)
        rc = store_list(s, NULL, &v, &n);
    if (rc != STORE_OK || n != 1)
        why = fmt("listing the read-only file: code %d, %d session(s): %s", rc, n,
                  store_errmsg(s));
    store_sessions_free(v, n);
    store_close(s);
    return why;
}

/* A writable database in a directory nobody may write: SQLite cannot
 * make its WAL there, so it is refused, and left as it was. */
static const char *check_db_in_unwritable_dir(fx *f)
{
    return refused(ro_db, NULL, STORE_EPERM, NULL);
}

/* ---- reading where one may not write (as nobody when root) --------------- */

static char rd_dir[400], rd_db[450], sh_dir[400], sh_db[450];

/* Lists, loads and checks the database read-only; creates nothing (with
 * none, there is no -wal or -shm beside it afterwards either). */
static const char *read_all(const char *path, int nsessions, bool none)
{
    store_opts ro = { .readonly = true };
    store *s = NULL;
    int rc = store_open(path, &ro, &s);
    store_session *v = NULL;
    int n = 0;
    store_loaded *l = NULL;
    if (rc == STORE_OK)
        rc = store_list(s, NULL, &v, &n);
    if (rc == STORE_OK && n > 0)
        rc = store_load(s, v[0].id, STORE_LOAD_EVENTS, &l);
    if (rc == STORE_OK)
        rc = store_integrity(s);
    const char *why = NULL;
    if (rc != STORE_OK || n != nsessions || !l)
        why = fmt("%s: code %d, %d session(s): %s", path, rc, n, store_errmsg(s));
    else if (none && !no_side_files(path))
        why = fmt("%s: reading it left a -wal or -shm beside it", path);
    store_loaded_free(l);
    store_sessions_free(v, n);
    store_close(s);
    return why;
}

static const char *check_read_unwritable_dir(fx *f) { return read_all(rd_db, 1, true); }
static const char *check_read_shared_dir(fx *f) { return read_all(sh_db, 1, true); }

/* A database in a directory only its owner may write, read by another
 * user (sessions, report, verify), and one in a shared sticky directory
 * owned by someone else: both read, neither gets a -wal or -shm that would
 * belong to the reader (and lock the owner out of writing). */
static void test_read_where_unwritable(void **state)
{
    fx *f = *state;
    make_db(f, 3);
    snprintf(rd_dir, sizeof rd_dir, "%s/owners", f->d.path);
    snprintf(rd_db, sizeof rd_db, "%s/ro.db", rd_dir);
    snprintf(sh_dir, sizeof sh_dir, "%s/shared", f->d.path);
    snprintf(sh_db, sizeof sh_db, "%s/own.db", sh_dir);
    assert_int_equal(mkdir(rd_dir, 0755), 0);
    assert_int_equal(mkdir(sh_dir, 01777), 0);
    assert_int_equal(chmod(sh_dir, 01777), 0);
    char sql[1000];
    snprintf(sql, sizeof sql, "VACUUM INTO '%s'; VACUUM INTO '%s'", rd_db, sh_db);
    raw_exec(f->d.db, sql);
    /* VACUUM INTO keeps the WAL mode in the header: a WAL database */
    assert_int_equal(raw_int(rd_db, "PRAGMA journal_mode = WAL") >= 0, 1);
    assert_true(no_side_files(rd_db));
    assert_int_equal(chmod(rd_db, 0444), 0);
    assert_int_equal(chmod(sh_db, 0644), 0);
    if (geteuid() != 0) {
        /* without root, only the unwritable directory can be had */
        assert_int_equal(chmod(rd_dir, 0555), 0);
    }
    snap a, b;
    snap_take(rd_db, &a);
    snap_take(sh_db, &b);
    as_unprivileged(f, check_read_unwritable_dir);
    if (geteuid() == 0)
        as_unprivileged(f, check_read_shared_dir);
    snap_same(rd_db, &a);
    snap_same(sh_db, &b);
    assert_int_equal(chmod(rd_dir, 0755), 0);
}

static const char *check_read_live(fx *f) { return read_all(f->d.db, 2, false); }

/* While a writer has the database open, its -wal and -shm exist: another
 * user reads through them (read-only) and sees what the writer committed,
 * log and all. */
static void test_read_beside_live_writer(void **state)
{
    fx *f = *state;
    make_db(f, 2);
    f->s = open_ok(f->d.db, NULL);
    new_session(f->s, f->sc, "B", 5);   /* committed to the log, not checkpointed */
    char side[400];
    snprintf(side, sizeof side, "%s-wal", f->d.db);
    struct stat st;
    assert_int_equal(stat(side, &st), 0);
    assert_true(st.st_size > 0);
    as_unprivileged(f, check_read_live);
    store_close(f->s);
    f->s = NULL;
}

/* A read without locks (no -wal: nobody was writing) that a writer
 * overtakes, checkpointing into the file meanwhile, says so ("try
 * again") rather than trust what it read. */
static void test_read_overtaken(void **state)
{
    fx *f = *state;
    make_db(f, 2);
    store_opts ro = { .readonly = true };
    store *r = open_ok(f->d.db, &ro);
    store_session *v = NULL;
    int n = 0;
    assert_int_equal(store_list(r, NULL, &v, &n), STORE_OK);
    store_sessions_free(v, n);
    assert_true(no_side_files(f->d.db));
    /* a writer comes, writes, and checkpoints as it closes (later than
     * the file's mtime can tell apart: it is kept in clock ticks) */
    struct timespec pause = { 0, 30 * 1000 * 1000 };
    nanosleep(&pause, NULL);
    f->s = open_ok(f->d.db, NULL);
    new_session(f->s, f->sc, "B", 5);
    store_close(f->s);
    f->s = NULL;
    assert_int_equal(store_list(r, NULL, &v, &n), STORE_EBUSY);
    assert_non_null(strstr(store_errmsg(r), "try again"));
    store_close(r);
    /* the next read sees the new state */
    r = open_ok(f->d.db, &ro);
    assert_int_equal(store_list(r, NULL, &v, &n), STORE_OK);
    assert_int_equal(n, 2);
    store_sessions_free(v, n);
    store_close(r);
}

static void test_unwritable(void **state)
{
    fx *f = *state;
    snprintf(ro_dir, sizeof ro_dir, "%s/ro", f->d.path);
    snprintf(ro_new, sizeof ro_new, "%s/irdrill.db", ro_dir);
    snprintf(ro_db, sizeof ro_db, "%s/w.db", ro_dir);
    assert_int_equal(mkdir(ro_dir, 0755), 0);
    /* a database, writable by nobody, then the directory closed */
    make_db(f, 2);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(f->d.db, &db), SQLITE_OK);
    char sql[600];
    snprintf(sql, sizeof sql, "VACUUM INTO '%s'", ro_db);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    if (geteuid() == 0)
        assert_int_equal(chown(ro_db, NOBODY, NOBODY), 0);
    assert_int_equal(chmod(ro_db, 0644), 0);
    assert_int_equal(chmod(ro_dir, 0555), 0);
    assert_int_equal(chmod(f->d.db, 0444), 0);
    snap a, b;
    snap_take(f->d.db, &a);
    snap_take(ro_db, &b);

    as_unprivileged(f, check_unwritable_dir);
    as_unprivileged(f, check_readonly_file);
    as_unprivileged(f, check_db_in_unwritable_dir);

    snap_same(f->d.db, &a);
    snap_same(ro_db, &b);
    char side[480];
    snprintf(side, sizeof side, "%s-wal", ro_db);
    assert_int_equal(access(side, F_OK), -1);
    assert_int_equal(chmod(ro_dir, 0755), 0);
}

/* ---- I/O errors: a VFS that fails the Nth write or sync ------------------ */

typedef struct ffile {
    sqlite3_file base;
    sqlite3_file *real;       /* follows this struct in the same allocation */
} ffile;

static struct {
    sqlite3_vfs vfs, *real;
    int countdown;            /* 0: disarmed */
    bool on_sync;             /* fail syncs (else writes) */
    int err;
    int hits;
} FV;

/* Once the countdown reaches zero every later write (or sync) fails too,
 * as on a full disk. */
static int fault_now(void)
{
    if (FV.countdown <= 0)
        return 0;
    if (FV.countdown > 1) {
        FV.countdown--;
        return 0;
    }
    FV.hits++;
    return 1;
}

#define REAL(f) (((ffile *)(f))->real)
static int f_close(sqlite3_file *f) { return REAL(f)->pMethods->xClose(REAL(f)); }
static int f_read(sqlite3_file *f, void *b, int n, sqlite3_int64 o) { return REAL(f)->pMethods->xRead(REAL(f), b, n, o); }
static int f_write(sqlite3_file *f, const void *b, int n, sqlite3_int64 o)
{
    if (!FV.on_sync && fault_now())
        return FV.err;
    return REAL(f)->pMethods->xWrite(REAL(f), b, n, o);
}
static int f_truncate(sqlite3_file *f, sqlite3_int64 n) { return REAL(f)->pMethods->xTruncate(REAL(f), n); }
static int f_sync(sqlite3_file *f, int fl)
{
    if (FV.on_sync && fault_now())
        return SQLITE_IOERR_FSYNC;
    return REAL(f)->pMethods->xSync(REAL(f), fl);
}
static int f_size(sqlite3_file *f, sqlite3_int64 *n) { return REAL(f)->pMethods->xFileSize(REAL(f), n); }
static int f_lock(sqlite3_file *f, int l) { return REAL(f)->pMethods->xLock(REAL(f), l); }
static int f_unlock(sqlite3_file *f, int l) { return REAL(f)->pMethods->xUnlock(REAL(f), l); }
static int f_reserved(sqlite3_file *f, int *r) { return REAL(f)->pMethods->xCheckReservedLock(REAL(f), r); }
static int f_fcntl(sqlite3_file *f, int op, void *a) { return REAL(f)->pMethods->xFileControl(REAL(f), op, a); }
static int f_sector(sqlite3_file *f) { return REAL(f)->pMethods->xSectorSize(REAL(f)); }
static int f_devchar(sqlite3_file *f) { return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f)); }
static int f_shmmap(sqlite3_file *f, int i, int sz, int ext, void volatile **pp) { return REAL(f)->pMethods->xShmMap(REAL(f), i, sz, ext, pp); }
static int f_shmlock(sqlite3_file *f, int o, int n, int fl) { return REAL(f)->pMethods->xShmLock(REAL(f), o, n, fl); }
static void f_shmbarrier(sqlite3_file *f) { REAL(f)->pMethods->xShmBarrier(REAL(f)); }
static int f_shmunmap(sqlite3_file *f, int del) { return REAL(f)->pMethods->xShmUnmap(REAL(f), del); }
static int f_fetch(sqlite3_file *f, sqlite3_int64 o, int n, void **pp) { *pp = NULL; return SQLITE_OK; }
static int f_unfetch(sqlite3_file *f, sqlite3_int64 o, void *p) { return SQLITE_OK; }

static const sqlite3_io_methods f_methods = {
    3, f_close, f_read, f_write, f_truncate, f_sync, f_size, f_lock, f_unlock, f_reserved,
    f_fcntl, f_sector, f_devchar, f_shmmap, f_shmlock, f_shmbarrier, f_shmunmap, f_fetch,
    f_unfetch,
};

static int f_open(sqlite3_vfs *v, const char *name, sqlite3_file *file, int flags, int *out)
{
    ffile *p = (ffile *)file;
    p->real = (sqlite3_file *)&p[1];
    int rc = FV.real->xOpen(FV.real, name, p->real, flags, out);
    p->base.pMethods = rc == SQLITE_OK && p->real->pMethods ? &f_methods : NULL;
    return rc;
}

static int setup_vfs(void **state)
{
    FV.real = sqlite3_vfs_find(NULL);
    FV.vfs = *FV.real;
    FV.vfs.zName = "faulty";
    FV.vfs.szOsFile = (int)sizeof(ffile) + FV.real->szOsFile;
    FV.vfs.xOpen = f_open;
    FV.vfs.pNext = NULL;
    return sqlite3_vfs_register(&FV.vfs, 0) == SQLITE_OK ? 0 : -1;
}

/* Append inputs with batches until the armed fault fires: the failure is
 * reported as EIO or EFULL naming the file; reopened with the normal VFS,
 * the file passes integrity_check, every input reported committed is
 * there, and the chain verifies. */
static void io_round(fx *f, bool on_sync, int err, int n, int *failures)
{
    tdir_remove(&f->d);
    tdir_make(&f->d);
    FV.countdown = 0;
    store_opts o = { .vfs = "faulty" };
    f->s = open_ok(f->d.db, &o);
    int64_t id = new_session(f->s, f->sc, "A", 7);
    store_batch *b = store_batch_new();
    int committed = 0;
    FV.on_sync = on_sync;
    FV.err = err;
    FV.countdown = n;
    for (int i = 0; i < 12; i++) {
        for (int k = 0; k < 3; k++)
            emit(b, (uint32_t)(i * 3 + k + 1), 1, 0, EV_TEAM, EVK_NOTE, NULL, NULL, NULL, 0, NULL,
                 "thông báo", "note");
        int rc = store_input_append(f->s, id, "soc wait", b, NULL);
        if (rc == STORE_OK) {
            committed++;
            continue;
        }
        if (rc != STORE_EIO && rc != STORE_EFULL)
            fail_msg("fault %d: unexpected %d %s", n, rc, store_errmsg(f->s));
        assert_non_null(strstr(store_errmsg(f->s), f->d.db));
        assert_true(rc == (err == SQLITE_FULL && !on_sync ? STORE_EFULL : STORE_EIO));
        (*failures)++;
        break;
    }
    store_close(f->s);
    f->s = NULL;
    FV.countdown = 0;
    store_batch_free(b);

    f->s = open_ok(f->d.db, NULL);
    assert_int_equal(store_integrity(f->s), STORE_OK);
    store_loaded *l;
    assert_int_equal(store_load(f->s, id, STORE_LOAD_EVENTS, &l), STORE_OK);
    /* an fsync that failed after the commit frame was written may still
     * have made that one input durable; nothing else may appear or vanish */
    assert_true(l->ninputs == committed || (on_sync && l->ninputs == committed + 1));
    assert_int_equal(l->nevents, 3 * l->ninputs);
    sbuf prob = SBUF_INIT;
    assert_int_equal(store_verify_chain(l, &prob), 0);
    sb_free(&prob);
    store_loaded_free(l);
    store_close(f->s);
    f->s = NULL;
}

static void test_io_errors(void **state)
{
    fx *f = *state;
    int failures = 0, rounds = 0;
    for (int n = 1; n <= 24; n++, rounds += 3) {
        io_round(f, false, SQLITE_IOERR_WRITE, n, &failures);
        io_round(f, false, SQLITE_FULL, n, &failures);
        io_round(f, true, SQLITE_IOERR_FSYNC, n, &failures);
    }
    /* most rounds must actually have hit their fault (a test that cannot
     * fail is a defect) */
    print_message("io faults: %d of %d rounds failed as injected, %d hits\n", failures, rounds, FV.hits);
    assert_true(failures > rounds / 2);
    assert_true(FV.hits > 0);
}

/* Faults while the database is being created: either it is created whole
 * or the next normal open creates it; never a half schema. */
static void test_io_errors_at_creation(void **state)
{
    fx *f = *state;
    int refused = 0;
    for (int n = 1; n <= 10; n++) {
        tdir_remove(&f->d);
        tdir_make(&f->d);
        FV.on_sync = n % 2 == 0;
        FV.err = SQLITE_IOERR_WRITE;
        FV.countdown = (n + 1) / 2;
        store_opts o = { .vfs = "faulty" };
        int rc = store_open(f->d.db, &o, &f->s);
        FV.countdown = 0;
        if (rc != STORE_OK) {
            assert_true(rc == STORE_EIO);
            refused++;
        }
        store_close(f->s);
        f->s = open_ok(f->d.db, NULL);
        assert_int_equal(store_schema_version(f->s), STORE_SCHEMA_VERSION);
        assert_int_equal(store_integrity(f->s), STORE_OK);
        new_session(f->s, f->sc, "A", 1);
        store_close(f->s);
        f->s = NULL;
    }
    assert_true(refused > 0);
}

/* ---- several processes at once ------------------------------------------- */

enum { NPROC = 4, NINPUTS = 25 };

static int child_own_session(const char *path, const scen *sc, int k)
{
    store *s = NULL;
    if (store_open(path, NULL, &s) != STORE_OK)
        return 1;
    store_participant ps[] = { { "An", "lead" } };
    store_session_new n = { .sc = sc, .seed = (uint64_t)k, .team = "T", .parts = ps, .nparts = 1 };
    int64_t id;
    int rc = store_session_create(s, &n, &id);
    store_batch *b = store_batch_new();
    for (int i = 0; rc == STORE_OK && i < NINPUTS; i++) {
        event ev = { .seq = (uint32_t)i + 1, .turn = 1, .kind = EVK_NOTE, .text = { "x", "x" } };
        store_batch_event(b, &ev);
        rc = store_input_append(s, id, "lead end", b, NULL);
    }
    if (rc != STORE_OK)
        fprintf(stderr, "child %d: %s\n", k, store_errmsg(s));
    store_batch_free(b);
    store_close(s);
    return rc == STORE_OK ? 0 : 1;
}

static int child_shared_session(const char *path, int64_t id, int k)
{
    store *s = NULL;
    int rc = store_open(path, NULL, &s);
    for (int i = 0; rc == STORE_OK && i < NINPUTS; i++) {
        char line[64];
        snprintf(line, sizeof line, "facilitator note from %d number %d", k, i);
        rc = store_input_append(s, id, line, NULL, NULL);
    }
    if (rc != STORE_OK)
        fprintf(stderr, "child %d: %s\n", k, store_errmsg(s));
    store_close(s);
    return rc == STORE_OK ? 0 : 1;
}

static void wait_all(pid_t *pids)
{
    for (int k = 0; k < NPROC; k++) {
        int st = 0;
        assert_int_equal(waitpid(pids[k], &st, 0), pids[k]);
        assert_true(WIFEXITED(st));
        assert_int_equal(WEXITSTATUS(st), 0);
    }
}

static void test_concurrent_processes(void **state)
{
    fx *f = *state;
    f->s = open_ok(f->d.db, NULL);
    int64_t shared = new_session(f->s, f->sc, "T", 1);
    store_close(f->s);
    f->s = NULL;
    pid_t pids[NPROC];
    for (int k = 0; k < NPROC; k++) {
        pids[k] = fork();
        assert_true(pids[k] >= 0);
        if (pids[k] == 0)
            _exit(child_own_session(f->d.db, f->sc, k));
    }
    wait_all(pids);
    for (int k = 0; k < NPROC; k++) {
        pids[k] = fork();
        assert_true(pids[k] >= 0);
        if (pids[k] == 0)
            _exit(child_shared_session(f->d.db, shared, k));
    }
    wait_all(pids);

    f->s = open_ok(f->d.db, NULL);
    assert_int_equal(store_integrity(f->s), STORE_OK);
    store_session *v;
    int n;
    assert_int_equal(store_list(f->s, NULL, &v, &n), STORE_OK);
    assert_int_equal(n, NPROC + 1);
    for (int i = 0; i < n; i++) {
        store_loaded *l;
        assert_int_equal(store_load(f->s, v[i].id, STORE_LOAD_EVENTS, &l), STORE_OK);
        /* the shared session got every process's inputs, numbered without
         * gaps and chained in the order they were committed */
        assert_int_equal(l->ninputs, v[i].id == shared ? NPROC * NINPUTS : NINPUTS);
        sbuf prob = SBUF_INIT;
        assert_int_equal(store_verify_chain(l, &prob), 0);
        sb_free(&prob);
        store_loaded_free(l);
    }
    store_sessions_free(v, n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_newer_schema, setup, teardown),
        cmocka_unit_test_setup_teardown(test_garbage_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_other_programs_db, setup, teardown),
        cmocka_unit_test_setup_teardown(test_truncated, setup, teardown),
        cmocka_unit_test_setup_teardown(test_corrupt_page, setup, teardown),
        cmocka_unit_test_setup_teardown(test_locked, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_directory, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unwritable, setup, teardown),
        cmocka_unit_test_setup_teardown(test_incomplete_schema, setup, teardown),
        cmocka_unit_test_setup_teardown(test_corrupt_page_before_writing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_where_unwritable, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_beside_live_writer, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_overtaken, setup, teardown),
        cmocka_unit_test_setup_teardown(test_io_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_io_errors_at_creation, setup, teardown),
        cmocka_unit_test_setup_teardown(test_concurrent_processes, setup, teardown),
    };
    return cmocka_run_group_tests(tests, setup_vfs, NULL);
}
