/*
 * schema.c - the database schema and its migrations, keyed on
 * PRAGMA user_version. docs/database.md describes every table for users;
 * change both together.
 *
 * Migration i takes a database from user_version i to i + 1 (its SQL,
 * then, for some, a step in C: migration_fns). All pending
 * migrations run in one IMMEDIATE transaction, after the version has been
 * read again inside it (another process may have migrated meanwhile), so
 * an upgrade is all or nothing. A schema newer than STORE_SCHEMA_VERSION is
 * never touched.
 */
#include "saves/store_int.h"

#include <stdio.h>
#include <string.h>

static const char *const migrations[STORE_SCHEMA_VERSION] = {
    /* 0 -> 1: the first schema. */
    "CREATE TABLE scenarios ("
    "  hash     TEXT PRIMARY KEY NOT NULL,"
    "  id       TEXT NOT NULL,"
    "  version  INTEGER NOT NULL,"
    "  title_vi TEXT NOT NULL DEFAULT '',"
    "  title_en TEXT NOT NULL DEFAULT '',"
    "  path     TEXT,"
    "  source   TEXT NOT NULL,"
    "  added    TEXT NOT NULL"
    ");"
    "CREATE TABLE sessions ("
    "  id           INTEGER PRIMARY KEY,"
    "  scenario     TEXT NOT NULL REFERENCES scenarios(hash),"
    "  scenario_id  TEXT NOT NULL,"
    "  seed         TEXT NOT NULL,"
    "  mode         TEXT NOT NULL CHECK (mode IN ('training', 'exercise')),"
    "  hints        INTEGER NOT NULL DEFAULT 0,"
    "  team         TEXT NOT NULL DEFAULT '',"
    "  lang         TEXT NOT NULL DEFAULT 'en',"
    "  status       TEXT NOT NULL DEFAULT 'active'"
    "               CHECK (status IN ('active', 'finished', 'aborted')),"
    "  turn         INTEGER NOT NULL DEFAULT 0,"
    "  score        INTEGER NOT NULL DEFAULT 0,"
    "  max_score    INTEGER NOT NULL DEFAULT 0,"
    "  outcome      TEXT,"
    "  started      TEXT NOT NULL,"
    "  ended        TEXT,"
    "  tool_version TEXT NOT NULL,"
    "  genesis      TEXT NOT NULL,"
    "  ninputs      INTEGER NOT NULL DEFAULT 0,"
    "  head         TEXT"
    ");"
    "CREATE INDEX sessions_started ON sessions(started, id);"
    "CREATE INDEX sessions_scenario ON sessions(scenario_id, started, id);"
    "CREATE INDEX sessions_team ON sessions(team, started, id);"
    "CREATE INDEX sessions_status ON sessions(status, id);"
    "CREATE TABLE participants ("
    "  session INTEGER NOT NULL REFERENCES sessions(id),"
    "  pos     INTEGER NOT NULL,"
    "  name    TEXT NOT NULL,"
    "  roles   TEXT NOT NULL,"
    "  PRIMARY KEY (session, pos)"
    ") WITHOUT ROWID;"
    "CREATE TABLE inputs ("
    "  session INTEGER NOT NULL REFERENCES sessions(id),"
    "  seq     INTEGER NOT NULL CHECK (seq >= 1),"
    "  line    TEXT NOT NULL,"
    "  hash    TEXT NOT NULL,"
    "  created TEXT NOT NULL,"
    "  PRIMARY KEY (session, seq)"
    ");"
    "CREATE TABLE events ("
    "  session INTEGER NOT NULL REFERENCES sessions(id),"
    "  seq     INTEGER NOT NULL,"
    "  turn    INTEGER NOT NULL,"
    "  minute  INTEGER NOT NULL,"
    "  vis     TEXT NOT NULL CHECK (vis IN ('team', 'truth')),"
    "  kind    TEXT NOT NULL,"
    "  role    TEXT,"
    "  subject TEXT,"
    "  field   TEXT,"
    "  value   INTEGER NOT NULL,"
    "  attrs   TEXT,"
    "  text_vi TEXT,"
    "  text_en TEXT,"
    "  json    TEXT NOT NULL,"
    "  PRIMARY KEY (session, seq)"
    ");"
    "CREATE TABLE score_entries ("
    "  session   INTEGER NOT NULL REFERENCES sessions(id),"
    "  pos       INTEGER NOT NULL,"
    "  kind      TEXT NOT NULL,"
    "  id        TEXT NOT NULL,"
    "  points    INTEGER NOT NULL,"
    "  turn      INTEGER NOT NULL,"
    "  minute    INTEGER NOT NULL,"
    "  reason_vi TEXT,"
    "  reason_en TEXT,"
    "  PRIMARY KEY (session, pos)"
    ");"
    "CREATE TABLE metrics ("
    "  session INTEGER NOT NULL REFERENCES sessions(id),"
    "  name    TEXT NOT NULL,"
    "  value   INTEGER NOT NULL,"
    "  PRIMARY KEY (session, name)"
    ") WITHOUT ROWID;",

    /* 1 -> 2: where a session forked from (replay's "what if", product.md
     * §6): the parent session and how many of its inputs were copied. */
    "ALTER TABLE sessions ADD COLUMN parent INTEGER REFERENCES sessions(id);"
    "ALTER TABLE sessions ADD COLUMN fork_seq INTEGER NOT NULL DEFAULT 0;",

    /* 2 -> 3: what every input writes, made lean enough that saving costs
     * less than the engine (quality.md, "logging"). A row per event (and a
     * json column repeating the row) cost more than playing the turn, so
     * events are now recorded as event blocks, one row per batch of
     * consequences (saves/evblock.c), and `events` becomes a view that
     * unpacks them with the same columns as before (less json), so queries
     * written for version 2 still work. inputs becomes a WITHOUT ROWID
     * table keyed on (session, seq): one b-tree insert per input instead
     * of two. The old events are copied into blocks by migrate_events(). */
    "CREATE TABLE event_blocks ("
    "  session INTEGER NOT NULL REFERENCES sessions(id),"
    "  first   INTEGER NOT NULL CHECK (first >= 1),"
    "  last    INTEGER NOT NULL CHECK (last >= first),"
    "  events  TEXT NOT NULL,"
    "  UNIQUE (session, first)"
    ");"
    "CREATE TABLE inputs_v3 ("
    "  session INTEGER NOT NULL REFERENCES sessions(id),"
    "  seq     INTEGER NOT NULL CHECK (seq >= 1),"
    "  line    TEXT NOT NULL,"
    "  hash    TEXT NOT NULL,"
    "  created TEXT NOT NULL,"
    "  PRIMARY KEY (session, seq)"
    ") WITHOUT ROWID;"
    "INSERT INTO inputs_v3 SELECT session, seq, line, hash, created FROM inputs;"
    "DROP TABLE inputs;"
    "ALTER TABLE inputs_v3 RENAME TO inputs;",
    /* 3 -> 4: the turn timer a session is played with (seconds, 0 for
     * none), so that resuming it keeps the same pace; the standard action
     * library the session was played with (its source, by content hash,
     * like the scenario's: scenarios/stdlib.lua is compiled into the
     * binary and changes with it, and an old session must replay on the
     * one it was played with); and which genesis the session's input chain
     * starts from (1: the version 1 header; 2: a header that also names
     * the standard library, team, language, start, timer and fork). */
    "CREATE TABLE libraries ("
    "  hash     TEXT PRIMARY KEY NOT NULL,"
    "  name     TEXT NOT NULL,"
    "  source   TEXT NOT NULL,"
    "  added    TEXT NOT NULL"
    ");"
    "ALTER TABLE sessions ADD COLUMN timer INTEGER NOT NULL DEFAULT 0 CHECK (timer >= 0);"
    "ALTER TABLE sessions ADD COLUMN stdlib TEXT REFERENCES libraries(hash);"
    "ALTER TABLE sessions ADD COLUMN chain INTEGER NOT NULL DEFAULT 1 CHECK (chain IN (1, 2));",
};

/* The columns each version's tables must have (a view's too): checked,
 * with nothing changed yet, before a file is used, so that a file that
 * says it is an irdrill database of some version but lacks what that
 * version has (a hand-made or damaged file) is refused untouched instead
 * of failing later, halfway through a write. Each entry applies to the
 * versions from..to. */
typedef struct schema_req {
    const char *table;
    const char *cols;     /* space-separated */
    int from, to;
} schema_req;

static const schema_req required[] = {
    { "scenarios", "hash id version title_vi title_en path source added", 1, 99 },
    { "sessions", "id scenario scenario_id seed mode hints team lang status turn score max_score "
                  "outcome started ended tool_version genesis ninputs head", 1, 99 },
    { "sessions", "parent fork_seq", 2, 99 },
    { "sessions", "timer stdlib chain", 4, 99 },
    { "participants", "session pos name roles", 1, 99 },
    { "inputs", "session seq line hash created", 1, 99 },
    { "events", "session seq turn minute vis kind role subject field value attrs text_vi text_en",
      1, 99 },
    { "event_blocks", "session first last events", 3, 99 },
    { "score_entries", "session pos kind id points turn minute reason_vi reason_en", 1, 99 },
    { "metrics", "session name value", 1, 99 },
    { "libraries", "hash name source added", 4, 99 },
};

/* The events of every session, one row per event, unpacked from the
 * event blocks (docs/database.md). json_extract rather than ->>, so that
 * an older sqlite3 tool still parses the schema. */
#define EVENTS_VIEW \
    "CREATE VIEW events(session, seq, turn, minute, vis, kind, role, subject, field, value," \
    " attrs, text_vi, text_en) AS SELECT b.session," \
    " json_extract(e.value, '$[0]'), json_extract(e.value, '$[1]')," \
    " json_extract(e.value, '$[2]'), json_extract(e.value, '$[3]')," \
    " json_extract(e.value, '$[4]'), json_extract(e.value, '$[5]')," \
    " json_extract(e.value, '$[6]'), json_extract(e.value, '$[7]')," \
    " json_extract(e.value, '$[8]'), json_extract(e.value, '$[9]')," \
    " json_extract(e.value, '$[10]'), json_extract(e.value, '$[11]')" \
    " FROM event_blocks b, json_each(b.events) e"

/* Events per block when old rows are packed: a block per batch is what
 * irdrill writes, this keeps blocks of old sessions a comparable size. */
#define MIGRATE_BLOCK 256

static int put_block(store *s, sqlite3_stmt *ins, int64_t session, int64_t first, int64_t last,
                     sbuf *blk)
{
    sb_putc(blk, ']');
    if (blk->oom)
        return store_fail(s, STORE_ENOMEM, "out of memory upgrading the database");
    sqlite3_bind_int64(ins, 1, session);
    sqlite3_bind_int64(ins, 2, first);
    sqlite3_bind_int64(ins, 3, last);
    sqlite3_bind_text(ins, 4, blk->buf, (int)blk->len, SQLITE_STATIC);
    int rc = sqlite3_step(ins);
    sqlite3_reset(ins);
    sb_reset(blk);
    return rc == SQLITE_DONE ? STORE_OK : store_sqlfail(s, rc, "cannot upgrade the database schema");
}

#define COL_TEXT(st, i) ((const char *)sqlite3_column_text(st, i))

/* 2 -> 3, after the SQL step: every event row of version 2 into blocks,
 * in order, then the table gives way to the view. */
static int migrate_events(store *s)
{
    const char *doing = "cannot upgrade the database schema";
    sqlite3_stmt *sel = NULL, *ins = NULL;
    sbuf blk = SBUF_INIT;
    int rc = sqlite3_prepare_v2(s->db,
        "SELECT session, seq, turn, minute, vis, kind, role, subject, field, value, attrs,"
        " text_vi, text_en FROM events ORDER BY session, seq", -1, &sel, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(s->db, "INSERT INTO event_blocks(session, first, last, events)"
                                " VALUES (?1, ?2, ?3, ?4)", -1, &ins, NULL);
    if (rc != SQLITE_OK) {
        rc = store_sqlfail(s, rc, doing);
        goto out;
    }
    int64_t session = 0, first = 0, last = 0;
    int n = 0;
    int src = SQLITE_DONE;
    rc = STORE_OK;
    while (rc == STORE_OK && (src = sqlite3_step(sel)) == SQLITE_ROW) {
        int64_t sess = sqlite3_column_int64(sel, 0), seq = sqlite3_column_int64(sel, 1);
        if (n && (sess != session || n == MIGRATE_BLOCK)) {
            rc = put_block(s, ins, session, first, last, &blk);
            n = 0;
        }
        if (!n) {
            session = sess;
            first = seq;
        }
        last = seq;
        n++;
        evblock_put_cols(&blk, seq, sqlite3_column_int64(sel, 2), sqlite3_column_int64(sel, 3),
                         COL_TEXT(sel, 4), COL_TEXT(sel, 5), COL_TEXT(sel, 6), COL_TEXT(sel, 7),
                         COL_TEXT(sel, 8), sqlite3_column_int64(sel, 9), COL_TEXT(sel, 10),
                         COL_TEXT(sel, 11), COL_TEXT(sel, 12));
    }
    if (rc == STORE_OK && src != SQLITE_DONE)
        rc = store_sqlfail(s, src, doing);
    if (rc == STORE_OK && n)
        rc = put_block(s, ins, session, first, last, &blk);
    sqlite3_finalize(sel);
    sel = NULL;
    if (rc == STORE_OK)
        rc = store_exec(s, "DROP TABLE events;" EVENTS_VIEW ";", doing);
out:
    sqlite3_finalize(sel);
    sqlite3_finalize(ins);
    sb_free(&blk);
    return rc;
}

/* Steps written in C, run after the migration's SQL (NULL: none). */
static int (*const migration_fns[STORE_SCHEMA_VERSION])(store *) = {
    [2] = migrate_events,
};

/* One integer from a query (a PRAGMA or a count). */
static int query_int(store *s, const char *sql, int *out, const char *doing)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            *out = sqlite3_column_int(st, 0);
            rc = SQLITE_OK;
        } else if (rc == SQLITE_DONE) {
            *out = 0;
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_OK ? STORE_OK : store_sqlfail(s, rc, doing);
}

static int query_text(store *s, const char *sql, char *out, size_t n, const char *doing)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    out[0] = '\0';
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            const char *v = (const char *)sqlite3_column_text(st, 0);
            snprintf(out, n, "%s", v ? v : "");
            rc = SQLITE_OK;
        } else if (rc == SQLITE_DONE) {
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_OK ? STORE_OK : store_sqlfail(s, rc, doing);
}

/* Everything here only reads: a file we refuse stays as it was. */
static int identify(store *s, int *version, int *ntables)
{
    int app = 0, rc;
    const char *doing = "cannot read the database";
    if ((rc = query_int(s, "PRAGMA application_id", &app, doing)) != STORE_OK ||
        (rc = query_int(s, "PRAGMA user_version", version, doing)) != STORE_OK ||
        (rc = query_int(s, "SELECT count(*) FROM sqlite_master", ntables, doing)) != STORE_OK)
        return rc;
    if (app != STORE_APPLICATION_ID && (app != 0 || *ntables > 0 || *version != 0))
        return store_fail(s, STORE_ECORRUPT, "not an irdrill database (an SQLite file of some "
                          "other program)");
    if (*version > STORE_SCHEMA_VERSION)
        return store_fail(s, STORE_ESCHEMA, "written by a newer irdrill (schema version %d; "
                          "this irdrill knows up to %d): upgrade irdrill to use it",
                          *version, STORE_SCHEMA_VERSION);
    return STORE_OK;
}

/* The tables and columns of the version the file claims (required[]),
 * read with nothing written. Version 0 is a new file: it has no tables. */
static int validate(store *s, int version, int ntables)
{
    const char *doing = "cannot read the database";
    if (version == 0)
        return ntables == 0 ? STORE_OK
                            : store_fail(s, STORE_ECORRUPT, "not a complete irdrill database "
                                         "(schema version 0, yet it holds tables)");
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_sqlfail(s, rc, doing);
    int code = STORE_OK;
    for (size_t i = 0; code == STORE_OK && i < sizeof required / sizeof *required; i++) {
        const schema_req *q = &required[i];
        if (version < q->from || version > q->to)
            continue;
        for (const char *c = q->cols; code == STORE_OK && *c;) {
            size_t n = strcspn(c, " ");
            sqlite3_bind_text(st, 1, q->table, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 2, c, (int)n, SQLITE_STATIC);
            rc = sqlite3_step(st);
            if (rc == SQLITE_DONE)
                code = store_fail(s, STORE_ECORRUPT, "not a complete irdrill database (schema "
                                  "version %d, but %s.%.*s is missing)", version, q->table,
                                  (int)n, c);
            else if (rc != SQLITE_ROW)
                code = store_sqlfail(s, rc, doing);
            sqlite3_reset(st);
            c += n + (c[n] == ' ');
        }
    }
    sqlite3_finalize(st);
    return code;
}

/* ---- the file's soundness, before anything is written ------------------- */

/* A file opened for writing is checked before the first write, so that a
 * damaged one is refused untouched (quality.md) rather than written into
 * until a write meets the damage. PRAGMA quick_check reads and checks
 * every page: it costs about 1-2 ms per MB here (docs/database.md gives
 * the figures), which is nothing for a database of a year of drills but
 * would grow with the file on every run. So a file of up to
 * STORE_CHECK_FULL_BYTES is checked whole; a larger one is checked where
 * writing goes: page 1, the schema, and the right edge of every b-tree
 * (the newest rows of each table and index, where a new session's rows
 * go), the check costing what a few lookups cost however big the file is.
 * Damage elsewhere in a large file is found by whatever reads it (a
 * report, verify; verify --all checks the whole file); a write that meets
 * damage fails with SQLITE_CORRUPT and its transaction is rolled back. A
 * file older than version 3 is always checked whole: upgrading it reads
 * every event anyway. */
#define STORE_CHECK_FULL_BYTES (8LL << 20)

static const char *const edges[] = {
    "SELECT max(id) FROM sessions",
    "SELECT id FROM sessions INDEXED BY sessions_started ORDER BY started DESC, id DESC LIMIT 1",
    "SELECT id FROM sessions INDEXED BY sessions_scenario"
    " ORDER BY scenario_id DESC, started DESC, id DESC LIMIT 1",
    "SELECT id FROM sessions INDEXED BY sessions_team ORDER BY team DESC, started DESC, id DESC"
    " LIMIT 1",
    "SELECT id FROM sessions INDEXED BY sessions_status ORDER BY status DESC, id DESC LIMIT 1",
    "SELECT max(session) FROM participants",
    "SELECT max(session) FROM inputs",
    "SELECT max(rowid) FROM event_blocks",
    "SELECT max(session) FROM event_blocks",
    "SELECT max(rowid) FROM score_entries",
    "SELECT max(session) FROM score_entries",
    "SELECT max(session) FROM metrics",
    "SELECT max(rowid) FROM scenarios",
    "SELECT max(hash) FROM scenarios",
    "SELECT max(rowid) FROM libraries",
    "SELECT max(hash) FROM libraries",
};

static int check_file(store *s, int version)
{
    const char *doing = "checking the database before writing";
    int pages = 0, size = 0, rc;
    if ((rc = query_int(s, "PRAGMA page_count", &pages, doing)) != STORE_OK ||
        (rc = query_int(s, "PRAGMA page_size", &size, doing)) != STORE_OK)
        return rc;
    if (version >= 3 && (long long)pages * size > STORE_CHECK_FULL_BYTES) {
        for (size_t i = 0; i < sizeof edges / sizeof *edges; i++) {
            if (version < 4 && strstr(edges[i], "libraries"))
                continue;
            int v;
            if ((rc = query_int(s, edges[i], &v, doing)) != STORE_OK)
                return rc;
        }
        return STORE_OK;
    }
    sqlite3_stmt *st = NULL;
    rc = sqlite3_prepare_v2(s->db, "PRAGMA quick_check(3)", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_sqlfail(s, rc, doing);
    sbuf msg = SBUF_INIT;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *r = (const char *)sqlite3_column_text(st, 0);
        if (r && strcmp(r, "ok") == 0)
            continue;
        static const char main_db[] = "*** in database main ***";
        if (r && strncmp(r, main_db, sizeof main_db - 1) == 0)
            r += strspn(r + sizeof main_db - 1, " \n") + sizeof main_db - 1;
        if (msg.len)
            sb_puts(&msg, "; ");
        sb_puts(&msg, r ? r : "?");
    }
    int code = STORE_OK;
    if (rc != SQLITE_DONE)
        code = store_sqlfail(s, rc, doing);
    else if (msg.len)
        code = store_fail(s, STORE_ECORRUPT, "the database file is corrupt (%.300s): nothing "
                          "was written to it", sb_str(&msg));
    sb_free(&msg);
    sqlite3_finalize(st);
    return code;
}

static int migrate(store *s)
{
    int rc = store_begin(s, "cannot upgrade the database schema");
    if (rc != STORE_OK)
        return rc;
    int v = 0, ntables = 0;
    rc = identify(s, &v, &ntables);   /* again, now that we hold the write lock */
    if (rc == STORE_OK)
        rc = validate(s, v, ntables);
    for (; rc == STORE_OK && v < STORE_SCHEMA_VERSION; v++) {
        char sql[96];
        rc = store_exec(s, migrations[v], "cannot upgrade the database schema");
        if (rc == STORE_OK && migration_fns[v])
            rc = migration_fns[v](s);
        snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v + 1);
        if (rc == STORE_OK)
            rc = store_exec(s, sql, "cannot upgrade the database schema");
    }
    if (rc == STORE_OK) {
        char sql[96];
        snprintf(sql, sizeof sql, "PRAGMA application_id = %d", STORE_APPLICATION_ID);
        rc = store_exec(s, sql, "cannot upgrade the database schema");
    }
    if (rc == STORE_OK)
        return store_commit(s, "cannot upgrade the database schema");
    store_rollback(s);
    return rc;
}

int schema_prepare(store *s)
{
    int version = 0, ntables = 0;
    int rc = identify(s, &version, &ntables);
    if (rc == STORE_OK)
        rc = validate(s, version, ntables);
    if (rc != STORE_OK)
        return rc;
    if (s->readonly) {
        if (version == 0)
            return store_fail(s, STORE_ENOENT, "empty database (nothing has been saved yet)");
        if (version < STORE_SCHEMA_VERSION)
            return store_fail(s, STORE_ESCHEMA, "older schema version %d: open it once for "
                              "writing so that irdrill can upgrade it", version);
        s->version = version;
        return STORE_OK;
    }
    /* Nothing has been written yet: a damaged file is refused as it is. */
    if (version > 0 && (rc = check_file(s, version)) != STORE_OK)
        return rc;
    /* WAL lets readers go on while one process writes, and makes each
     * commit one append to the log (one fsync). The mode is persistent:
     * switching a file to it is its first write. */
    char mode[16];
    if ((rc = query_text(s, "PRAGMA journal_mode", mode, sizeof mode,
                         "cannot read the journal mode")) != STORE_OK)
        return rc;
    if (strcmp(mode, "wal") != 0) {
        if ((rc = query_text(s, "PRAGMA journal_mode = WAL", mode, sizeof mode,
                             "cannot switch the database to WAL mode")) != STORE_OK)
            return rc;
        if (strcmp(mode, "wal") != 0)
            return store_fail(s, STORE_EPERM, "cannot switch the database to WAL mode "
                              "(journal mode stays '%s')", mode);
    }
    if (version < STORE_SCHEMA_VERSION && (rc = migrate(s)) != STORE_OK)
        return rc;
    s->version = STORE_SCHEMA_VERSION;
    return STORE_OK;
}
