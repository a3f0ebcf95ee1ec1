/*
 * store.c - the store handle: finding and opening the database file,
 * errors, transactions and the cache of prepared statements. See store.h
 * for the contract and docs/database.md for the schema.
 */
#include "saves/store_int.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- errors ------------------------------------------------------------ */

int store_fail(store *s, int code, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    /* Messages are one line: whatever SQLite or the OS said is flattened. */
    for (char *p = msg; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t')
            *p = ' ';
    snprintf(s->err, sizeof s->err, "%s: %s", s->shown ? s->shown : "(database)", msg);
    s->last_code = code;
    return code;
}

int store_code_of(int sqlrc)
{
    switch (sqlrc & 0xff) {
    case SQLITE_OK: case SQLITE_ROW: case SQLITE_DONE: return STORE_OK;
    case SQLITE_BUSY: case SQLITE_LOCKED: return STORE_EBUSY;
    case SQLITE_CORRUPT: case SQLITE_NOTADB: return STORE_ECORRUPT;
    case SQLITE_FULL: return STORE_EFULL;
    case SQLITE_IOERR: return STORE_EIO;
    case SQLITE_READONLY: case SQLITE_PERM: case SQLITE_CANTOPEN: case SQLITE_AUTH:
        return STORE_EPERM;
    case SQLITE_NOMEM: return STORE_ENOMEM;
    case SQLITE_TOOBIG: case SQLITE_RANGE: case SQLITE_MISMATCH: return STORE_EARG;
    default: return STORE_ERROR;
    }
}

int store_sqlfail(store *s, int sqlrc, const char *doing)
{
    int code = store_code_of(sqlrc);
    const char *detail = s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(sqlrc);
    switch (code) {
    case STORE_EBUSY:
        return store_fail(s, code, "%s: the database is locked by another process "
                          "(waited %d ms)", doing, s->busy_ms);
    case STORE_ECORRUPT:
        return store_fail(s, code, "%s: the database file is corrupt or truncated (%s)",
                          doing, detail);
    case STORE_EFULL:
        return store_fail(s, code, "%s: the disk is full (%s)", doing, detail);
    case STORE_EIO:
        return store_fail(s, code, "%s: input/output error (%s)", doing, detail);
    case STORE_EPERM:
        return store_fail(s, code, "%s: cannot write the database or its directory (%s)",
                          doing, detail);
    case STORE_ENOMEM:
        return store_fail(s, code, "%s: out of memory", doing);
    default:
        return store_fail(s, code, "%s: %s", doing, detail);
    }
}

const char *store_errmsg(const store *s) { return s ? s->err : "out of memory"; }
const char *store_path(const store *s) { return s->path; }
int store_schema_version(const store *s) { return s->version; }

/* ---- statements -------------------------------------------------------- */

static const char *const stmt_sql[ST_COUNT] = {
    [ST_SCEN_INSERT] =
        "INSERT OR IGNORE INTO scenarios(hash, id, version, title_vi, title_en, path, source, added)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    [ST_LIB_INSERT] =
        "INSERT OR IGNORE INTO libraries(hash, name, source, added) VALUES (?1, ?2, ?3, ?4)",
    [ST_SESS_INSERT] =
        "INSERT INTO sessions(scenario, scenario_id, seed, mode, hints, team, lang, status,"
        " turn, score, max_score, started, tool_version, genesis, parent, fork_seq, timer,"
        " stdlib, chain)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'active', 0, 0, ?14, ?8, ?9, ?10, ?11, ?12, ?13,"
        " ?15, 2)",
    [ST_PART_INSERT] =
        "INSERT INTO participants(session, pos, name, roles) VALUES (?1, ?2, ?3, ?4)",
    [ST_SESS_HEAD] =
        "SELECT status, genesis, ninputs, head FROM sessions WHERE id = ?1",
    [ST_SESS_HEAD_SET] =
        "UPDATE sessions SET ninputs = ?2, head = ?3 WHERE id = ?1",
    [ST_INPUT_INSERT] =
        "INSERT INTO inputs(session, seq, line, hash, created) VALUES (?1, ?2, ?3, ?4, ?5)",
    [ST_BLOCK_INSERT] =
        "INSERT INTO event_blocks(session, first, last, events) VALUES (?1, ?2, ?3, ?4)",
    [ST_SCORE_NEXT] =
        "SELECT coalesce(max(pos), 0) + 1 FROM score_entries WHERE session = ?1",
    [ST_SCORE_INSERT] =
        "INSERT INTO score_entries(session, pos, kind, id, points, turn, minute, reason_vi,"
        " reason_en) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    /* Two statements, because naming status in SET makes SQLite rewrite
     * its index entry even when the value stays: that would more than
     * double the cost of the update most inputs make. */
    [ST_SESS_UPDATE] =
        "UPDATE sessions SET turn = ?2, score = ?3, max_score = ?4 WHERE id = ?1",
    [ST_SESS_FINISH] =
        "UPDATE sessions SET turn = ?2, score = ?3, max_score = ?4, status = 'finished',"
        " outcome = ?6, ended = coalesce(ended, ?7)"
        " WHERE id = ?1",
    [ST_METRIC_DELETE] = "DELETE FROM metrics WHERE session = ?1",
    [ST_METRIC_INSERT] = "INSERT INTO metrics(session, name, value) VALUES (?1, ?2, ?3)",
    [ST_SESS_STATUS] =
        "UPDATE sessions SET status = ?2,"
        " ended = CASE WHEN ?2 <> 'active' AND ended IS NULL THEN ?3 ELSE ended END"
        " WHERE id = ?1",
};

sqlite3_stmt *store_stmt(store *s, stmt_id id)
{
    if (s->st[id])
        return s->st[id];
    int rc = sqlite3_prepare_v3(s->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
                                &s->st[id], NULL);
    if (rc != SQLITE_OK) {
        store_sqlfail(s, rc, "preparing a statement");
        s->st[id] = NULL;
    }
    return s->st[id];
}

void store_stmt_done(sqlite3_stmt *st)
{
    if (st) {
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
    }
}

int store_bind_text(sqlite3_stmt *st, int i, const char *v, int n)
{
    if (!v)
        return sqlite3_bind_null(st, i);
    return sqlite3_bind_text(st, i, v, n, SQLITE_TRANSIENT);
}

char *store_col_dup(sqlite3_stmt *st, int i, bool *oom)
{
    const unsigned char *v = sqlite3_column_text(st, i);
    if (!v)
        return NULL;
    char *p = xstrndup((const char *)v, (size_t)sqlite3_column_bytes(st, i));
    if (!p)
        *oom = true;
    return p;
}

/* ---- transactions ------------------------------------------------------ */

int store_exec(store *s, const char *sql, const char *doing)
{
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? STORE_OK : store_sqlfail(s, rc, doing);
}

/* IMMEDIATE takes the write lock at once, so a writer never discovers
 * halfway through that it must give way (and the busy handler waits for
 * the lock instead of failing the transaction late). */
int store_begin(store *s, const char *doing)
{
    if (s->readonly)
        return store_fail(s, STORE_EPERM, "%s: the database was opened read-only", doing);
    /* A failed group keeps its first message: that is the cause. */
    if (s->group)
        return s->group > 0 ? STORE_OK : s->group_code;
    return store_exec(s, "BEGIN IMMEDIATE", doing);
}

int store_commit(store *s, const char *doing)
{
    if (s->group)
        return s->group > 0 ? STORE_OK : s->group_code;
    int rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        return STORE_OK;
    int code = store_sqlfail(s, rc, doing);
    store_rollback(s);
    return code;
}

void store_rollback(store *s)
{
    /* After an I/O error SQLite may already have rolled back; then ROLLBACK
     * fails harmlessly. The error message of the first failure is kept. */
    if (s->db && !sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    /* A group is all or nothing: one failed write undoes every write of
     * it, and the writes that follow fail until the caller closes it. */
    if (s->group > 0) {
        s->group = -1;
        s->group_code = s->last_code ? s->last_code : STORE_ERROR;
    }
    s->gh_session = 0;
    s->gh_dirty = false;
}

int store_group_begin(store *s)
{
    if (s->group)
        return store_fail(s, STORE_EARG, "a group of writes is already open");
    int rc = store_begin(s, "cannot record the inputs");
    if (rc == STORE_OK)
        s->group = 1;
    return rc;
}

int store_group_commit(store *s)
{
    if (s->group < 0) {
        s->group = 0;
        return s->group_code;
    }
    if (s->group == 0)
        return STORE_OK;
    int rc = session_head_flush(s);
    if (rc != STORE_OK) {
        store_rollback(s);
        s->group = 0;
        return rc;
    }
    s->group = 0;
    return store_commit(s, "cannot record the inputs");
}

bool store_group_open(const store *s) { return s->group != 0; }

void store_now(char out[32])
{
    time_t t = time(NULL);
    struct tm tm;
    if (!gmtime_r(&t, &tm) || !strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm))
        snprintf(out, 32, "1970-01-01T00:00:00Z");
}

const char *store_now_cached(store *s)
{
    /* Every input records when it was appended; formatting the time costs
     * more than hashing the input, and it changes once a second. */
    time_t t = time(NULL);
    if (t != s->now_t || !s->now[0]) {
        store_now(s->now);
        s->now_t = t;
    }
    return s->now;
}

/* ---- the file ---------------------------------------------------------- */

/* mkdir -p with mode 0700 for directories we create. */
static int make_dirs(const char *dir, char *err, size_t errlen)
{
    char *p = xstrdup(dir);
    int rc = -1;
    if (!p) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    for (char *q = p + 1;; q++) {
        if (*q != '/' && *q != '\0')
            continue;
        char c = *q;
        *q = '\0';
        if (mkdir(p, 0700) != 0 && errno != EEXIST) {
            snprintf(err, errlen, "%s: cannot create directory: %s", p, strerror(errno));
            goto out;
        }
        *q = c;
        if (c == '\0')
            break;
    }
    rc = 0;
out:
    free(p);
    return rc;
}

char *store_path_resolve(const char *flag, bool mkdirs, char *err, size_t errlen)
{
    const char *env = getenv("IRDRILL_DB");
    if (flag && *flag)
        return xstrdup(flag);
    if (env && *env)
        return xstrdup(env);
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    sbuf dir = SBUF_INIT;
    /* The XDG spec says relative values are invalid and must be ignored. */
    if (xdg && xdg[0] == '/') {
        sb_printf(&dir, "%s/irdrill", xdg);
    } else if (home && *home) {
        sb_printf(&dir, "%s/.local/share/irdrill", home);
    } else {
        snprintf(err, errlen, "cannot tell where to keep the database: HOME is not set "
                 "(use --db PATH or IRDRILL_DB)");
        return NULL;
    }
    char *path = NULL;
    if (dir.oom || (mkdirs && make_dirs(dir.buf, err, errlen) != 0))
        goto out;
    sb_puts(&dir, "/irdrill.db");
    if (!dir.oom)
        path = sb_take(&dir);
out:
    if (dir.oom)
        snprintf(err, errlen, "out of memory");
    sb_free(&dir);
    return path;
}

static char *parent_dir(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xstrdup(".");
    if (slash == path)
        return xstrdup("/");
    return xstrndup(path, (size_t)(slash - path));
}

/* Look at the file before SQLite does, so that a file we would refuse
 * anyway is never opened for writing. Sets *fresh when there is nothing
 * there yet (no file, or an empty one), *wal when the file's header says
 * it is in WAL mode. */
static int precheck(store *s, bool *fresh, bool *wal)
{
    struct stat st;
    *fresh = *wal = false;
    if (stat(s->path, &st) != 0) {
        if (errno != ENOENT)
            return store_fail(s, STORE_EPERM, "cannot access the database: %s", strerror(errno));
        if (s->readonly)
            return store_fail(s, STORE_ENOENT, "no database here (nothing has been saved yet)");
        char *dir = parent_dir(s->path);
        if (!dir)
            return store_fail(s, STORE_ENOMEM, "out of memory");
        int rc = STORE_OK;
        if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
            rc = store_fail(s, STORE_EPERM, "cannot create the database: directory %s does not exist",
                            dir);
        else if (access(dir, W_OK | X_OK) != 0)
            rc = store_fail(s, STORE_EPERM, "cannot create the database: directory %s is not "
                            "writable", dir);
        free(dir);
        *fresh = rc == STORE_OK;
        return rc;
    }
    if (!S_ISREG(st.st_mode))
        return store_fail(s, STORE_ECORRUPT, "not a regular file");
    s->st0 = st;
    if (st.st_size == 0) {
        *fresh = true;
    } else if (st.st_size < 100) {
        return store_fail(s, STORE_ECORRUPT, "not an SQLite database (only %lld bytes: "
                          "truncated?)", (long long)st.st_size);
    } else {
        static const char magic[16] = "SQLite format 3";   /* with its NUL */
        unsigned char head[100];
        FILE *f = fopen(s->path, "rb");
        if (!f)
            return store_fail(s, STORE_EPERM, "cannot read the database: %s", strerror(errno));
        size_t got = fread(head, 1, sizeof head, f);
        fclose(f);
        if (got != sizeof head || memcmp(head, magic, sizeof magic) != 0)
            return store_fail(s, STORE_ECORRUPT, "not an SQLite database (corrupt, or some "
                              "other kind of file)");
        /* the file format's write and read versions: 2 is WAL */
        *wal = head[18] == 2 && head[19] == 2;
    }
    if (!s->readonly && access(s->path, W_OK) != 0)
        return store_fail(s, STORE_EPERM, "the database file is read-only (%s)", strerror(errno));
    return STORE_OK;
}

/* ---- reading without writing -------------------------------------------
 *
 * A WAL database is read through its -wal and -shm files, and SQLite makes
 * them when they are missing: a reader would then create files beside the
 * database, owned by whoever reads. In a directory the reader cannot write
 * that fails ("attempt to write a readonly database"), and in one it can,
 * the files it leaves (a read-only connection cannot delete them when it
 * closes) belong to the reader, so that the owner can no longer write the
 * database. So a read-only open never creates them:
 *
 *   - when -wal and -shm both exist (a writer has the database open, or
 *     one stopped without closing it), they are used, read-only if need
 *     be (SQLite 3.22 and later read a WAL through a -shm they cannot
 *     write);
 *   - when there is no -wal, or an empty one, every committed transaction
 *     is in the database file itself and nobody has it open for writing:
 *     the file is read as it is, without locks (SQLite's immutable mode).
 *     A writer may still start meanwhile; it writes to its own -wal, and
 *     changes the database file only when it checkpoints (at 1,000 pages
 *     of log, or when it closes). So the file's identity, size and mtime
 *     are kept from before the open, and every read compares them
 *     afterwards (store_read_end): if the file changed, what was read may
 *     not hold together, and the read fails as "busy: try again" (the next
 *     try finds the -wal and -shm and reads through them);
 *   - a -wal with content but no -shm (a writer was killed and someone
 *     removed the -shm) must be replayed into a new -shm: that is done
 *     only when this user may write both the database and its directory
 *     (then the -shm is made and stays, as SQLite leaves it), else the
 *     file is refused with a message saying so;
 *   - a file in rollback-journal mode (an old file not yet upgraded)
 *     needs no side file to be read and is opened as usual.
 */
static bool exists(const char *path, const char *suffix, off_t *size)
{
    char buf[4200];
    struct stat st;
    if (snprintf(buf, sizeof buf, "%s%s", path, suffix) >= (int)sizeof buf)
        return false;
    if (stat(buf, &st) != 0)
        return false;
    if (size)
        *size = st.st_size;
    return true;
}

static bool may_write_here(const char *path)
{
    char *dir = parent_dir(path);
    bool ok = dir && access(path, W_OK) == 0 && access(dir, W_OK | X_OK) == 0;
    free(dir);
    return ok;
}

/* "file:" URI of path for sqlite3_open_v2 with ?immutable=1. */
static char *immutable_uri(const char *path)
{
    sbuf u = SBUF_INIT;
    sb_puts(&u, path[0] == '/' ? "file://" : "file:");
    for (const char *p = path; *p; p++) {
        if (*p == '%' || *p == '?' || *p == '#')
            sb_printf(&u, "%%%02X", (unsigned char)*p);
        else
            sb_putc(&u, *p);
    }
    sb_puts(&u, "?immutable=1");
    return sb_take(&u);
}

/* How a read-only connection opens the file (see above): 0 as usual,
 * 1 without locks, or a STORE_E* code with the message set. */
static int read_mode(store *s, bool wal)
{
    if (!wal)
        return 0;
    off_t wal_size = 0;
    bool has_wal = exists(s->path, "-wal", &wal_size), has_shm = exists(s->path, "-shm", NULL);
    if (has_wal && has_shm)
        return 0;
    if (!has_wal || wal_size == 0)
        return 1;
    if (may_write_here(s->path))
        return 0;
    return store_fail(s, STORE_EPERM, "its write-ahead log (%s-wal) holds changes that only a "
                      "user who may write the database and its directory can read: open it once "
                      "as such a user", s->shown);
}

int store_read_end(store *s, int rc)
{
    if (!s->immutable)
        return rc;
    struct stat st;
    if (stat(s->path, &st) == 0 && st.st_ino == s->st0.st_ino && st.st_dev == s->st0.st_dev &&
        st.st_size == s->st0.st_size && st.st_mtim.tv_sec == s->st0.st_mtim.tv_sec &&
        st.st_mtim.tv_nsec == s->st0.st_mtim.tv_nsec)
        return rc;
    return store_fail(s, STORE_EBUSY, "another process wrote the database while it was being "
                      "read: try again");
}

int store_open(const char *path, const store_opts *opts, store **out)
{
    *out = NULL;
    store *s = calloc(1, sizeof *s);
    if (!s)
        return STORE_ENOMEM;
    *out = s;
    s->busy_ms = opts && opts->busy_timeout_ms > 0 ? opts->busy_timeout_ms : STORE_BUSY_TIMEOUT_MS;
    s->readonly = opts && opts->readonly;
    if (!path || !*path)
        return store_fail(s, STORE_EARG, "no database path given");
    s->path = xstrdup(path);
    s->shown = text_sanitize(path, NULL);
    if (!s->path || !s->shown)
        return store_fail(s, STORE_ENOMEM, "out of memory");

    bool fresh, wal;
    int rc = precheck(s, &fresh, &wal);
    if (rc != STORE_OK)
        return rc;
    int mode = s->readonly ? read_mode(s, wal) : 0;
    if (mode < 0)
        return mode;
    s->immutable = mode == 1;
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    flags |= s->readonly ? SQLITE_OPEN_READONLY
                         : SQLITE_OPEN_READWRITE | (fresh ? SQLITE_OPEN_CREATE : 0);
    char *uri = NULL;
    if (s->immutable && !(uri = immutable_uri(path)))
        return store_fail(s, STORE_ENOMEM, "out of memory");
    int src = sqlite3_open_v2(uri ? uri : path, &s->db, flags | (uri ? SQLITE_OPEN_URI : 0),
                              opts ? opts->vfs : NULL);
    free(uri);
    if (src != SQLITE_OK)
        return store_sqlfail(s, src, "cannot open the database");
    sqlite3_extended_result_codes(s->db, 1);
    sqlite3_busy_timeout(s->db, s->busy_ms);
    /* Connection settings only: nothing here writes to the file. FULL makes
     * each commit fsync the WAL, so a committed input survives power loss.
     * A page cache of 512 KiB instead of SQLite's 2 MiB: irdrill reads a
     * session once and writes mostly new pages, which a big cache only
     * keeps; every fresh page of it costs a page fault, and a saved run of
     * 1,000 turns measured about 15% faster with the smaller cache. A
     * read-only connection gets none of the writer's settings, and
     * query_only besides. */
    rc = store_exec(s, s->readonly ? "PRAGMA query_only = 1; PRAGMA cache_size = -512;"
                                   : "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;"
                                     " PRAGMA cache_size = -512;",
                    "cannot configure the database connection");
    if (rc != STORE_OK)
        return rc;
    return store_read_end(s, schema_prepare(s));
}

void store_close(store *s)
{
    if (!s)
        return;
    for (int i = 0; i < ST_COUNT; i++)
        sqlite3_finalize(s->st[i]);
    if (s->db) {
        store_rollback(s);
        sqlite3_close(s->db);
    }
    free(s->path);
    free(s->shown);
    free(s);
}

int store_integrity(store *s)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, "PRAGMA integrity_check(5)", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_sqlfail(s, rc, "checking integrity");
    sbuf msg = SBUF_INIT;
    int code = STORE_OK;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *r = (const char *)sqlite3_column_text(st, 0);
        if (r && strcmp(r, "ok") == 0)
            continue;
        if (msg.len)
            sb_puts(&msg, "; ");
        sb_puts(&msg, r ? r : "?");
    }
    if (rc != SQLITE_DONE)
        code = store_sqlfail(s, rc, "checking integrity");
    else if (msg.len)
        code = store_fail(s, STORE_ECORRUPT, "integrity check failed: %s", sb_str(&msg));
    sb_free(&msg);
    sqlite3_finalize(st);
    return store_read_end(s, code);
}
