/*
 * store_int.h - the store's private state, shared by the files of saves/
 * (store.c: the handle, errors, transactions and cached statements;
 * schema.c: the schema and its migrations; session.c: sessions and
 * inputs; batch.c: the consequences of inputs; evblock.c: the format
 * events are recorded in; load.c: loading and listing; verify.c;
 * report*.c).
 * Nothing outside saves/ includes it.
 */
#ifndef IRDRILL_STORE_INT_H
#define IRDRILL_STORE_INT_H

#include "saves/store.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <time.h>

/* Statements prepared once per handle and reused (sqlite3_reset after each
 * use); the SQL text of each is in store.c. */
typedef enum stmt_id {
    ST_SCEN_INSERT,
    ST_LIB_INSERT,        /* a standard library's source, once per hash */
    ST_SESS_INSERT,
    ST_PART_INSERT,
    ST_SESS_HEAD,         /* status, genesis and the last input of a session */
    ST_SESS_HEAD_SET,
    ST_INPUT_INSERT,
    ST_BLOCK_INSERT,      /* one event block: the events of one batch */
    ST_SCORE_NEXT,
    ST_SCORE_INSERT,
    ST_SESS_UPDATE,       /* turn and score of a session going on */
    ST_SESS_FINISH,       /* ... and its end */
    ST_METRIC_DELETE,
    ST_METRIC_INSERT,
    ST_SESS_STATUS,
    ST_COUNT
} stmt_id;

struct store {
    sqlite3 *db;
    char *path;           /* as given */
    char *shown;          /* sanitised, for messages */
    int version;          /* PRAGMA user_version */
    int busy_ms;
    bool readonly;
    /* A read-only connection that reads the file without locks (SQLite's
     * immutable mode; store.c, "Reading without writing"): the file as it
     * was when opened, to tell afterwards whether a writer changed it. */
    bool immutable;
    struct stat st0;
    sqlite3_stmt *st[ST_COUNT];
    int last_code;        /* the code of the last store_fail */
    /* A group (store_group_begin): 0 none, 1 open, -1 failed and rolled
     * back; group_code is that failure's code, returned until the caller
     * closes the group. */
    int group, group_code;
    /* While a group holds the write lock nobody else can append, so the
     * chain head of the session it appends to is kept here and written to
     * the session's row once, when the group commits (gh_dirty). */
    int64_t gh_session;   /* 0: nothing kept */
    int gh_seq;
    char gh_hash[65];
    bool gh_dirty;
    time_t now_t;         /* store_now_cached */
    char now[32];
    char err[640];
};

/* Set the error message ("PATH: message") and return code. */
int store_fail(store *s, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Turn an SQLite result code into a STORE_E* code with a message saying
 * what was being done; uses the connection's own message where useful. */
int store_sqlfail(store *s, int sqlrc, const char *doing);
int store_code_of(int sqlrc);

/* After a read of a connection opened without locks (s->immutable): when
 * another process changed the file meanwhile, what was read may not hold
 * together, so the read fails with STORE_EBUSY ("try again") whatever rc
 * it had; otherwise rc. */
int store_read_end(store *s, int rc);

/* The cached statement, prepared on first use (NULL with the error set). */
sqlite3_stmt *store_stmt(store *s, stmt_id id);
/* Reset and unbind a cached statement after use. */
void store_stmt_done(sqlite3_stmt *st);

/* BEGIN IMMEDIATE (waiting up to the busy timeout), COMMIT, ROLLBACK.
 * Inside a group the first two do nothing (the group's transaction holds
 * the writes) and ROLLBACK rolls the whole group back. */
int store_begin(store *s, const char *doing);
int store_commit(store *s, const char *doing);
void store_rollback(store *s);
int store_exec(store *s, const char *sql, const char *doing);

/* Bind text (NULL binds NULL); n < 0 means strlen. */
int store_bind_text(sqlite3_stmt *st, int i, const char *v, int n);
/* A column as a malloc'd string (NULL for SQL NULL); sets *oom on failure. */
char *store_col_dup(sqlite3_stmt *st, int i, bool *oom);

/* The current time as ISO-8601 UTC, "2025-01-31T12:34:56Z"; the cached
 * form is the handle's, formatted again when the second changes. */
void store_now(char out[32]);
const char *store_now_cached(store *s);

/* batch.c: inside a transaction, write everything the batch holds
 * (events, score lines, the session row, metrics); after the commit,
 * batch_clear empties it. */
int batch_write(store *s, int64_t session, store_batch *b);
void batch_clear(store_batch *b);

/* evblock.c: event blocks (docs/database.md). evblock_put appends one
 * event to a block being built in b (empty at first: it opens the array;
 * the writer closes it with ']'); evblock_put_cols does the same from
 * recorded columns (the migration from schema 2). evblock_decode reads a
 * whole block, appending its events to *v (n, cap as in a growable
 * array): STORE_OK, STORE_ENOMEM, or -1 with the reason in err when the
 * text is not a block (then nothing of it is appended). */
void evblock_put(sbuf *b, const event *ev);
void evblock_put_cols(sbuf *b, int64_t seq, int64_t turn, int64_t minute, const char *vis,
                      const char *kind, const char *role, const char *subject, const char *field,
                      int64_t value, const char *attrs, const char *vi, const char *en);
int evblock_decode(const char *s, size_t n, store_event **v, int *nv, int *cap, char *err,
                   size_t errlen);
void evblock_event_free(store_event *e);
/* True when s is one JSON object and nothing else. */
bool evblock_object_ok(const char *s);

/* session.c: write the chain head a group kept (see gh_session) to its
 * session's row and forget it. Inside the group's transaction. */
int session_head_flush(store *s);

/* schema.c: check the opened file and bring its schema to
 * STORE_SCHEMA_VERSION (unless read-only). */
int schema_prepare(store *s);

#endif
