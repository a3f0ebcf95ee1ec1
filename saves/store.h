/*
 * store.h - the session store: every session irdrill plays, in one SQLite
 * database file. This module (saves/) is the only one that includes
 * sqlite3.h; docs/database.md documents the schema for users of the stock
 * sqlite3 tool.
 *
 * What the store promises:
 *
 *   - A session is its inputs. store_input_append commits one input line
 *     (WAL, synchronous=FULL, BEGIN IMMEDIATE) before the caller applies
 *     it (inside a group, store_group_begin, the group's commit does), so a kill -9 or power cut loses at most the line not yet
 *     appended. Everything else (events, score lines, metrics, the session
 *     row's turn/score/status) is derived data: it rides in a store_batch
 *     and is written in one transaction, either together with the next
 *     input or by store_batch_commit. After a crash the recorded events
 *     may lack the consequences of the last input; resume replays the
 *     inputs and writes what is missing (store_batch_skip).
 *
 *   - Inputs form a hash chain. Each input's hash is
 *         SHA-256( prev "\n" seq "\n" line )
 *     where prev is the 64-hex-digit hash of input seq-1, or, for seq 1,
 *     the session's genesis hash, itself the SHA-256 of a header naming
 *     everything else a replay depends on and everything recorded about
 *     the session that a replay cannot recompute (scenario and standard
 *     library hashes, seed, mode, hints, team, language, start, timer,
 *     fork, participants; see store_session_genesis). Editing, deleting
 *     or reordering inputs, or changing what they are replayed against or
 *     what the session says of itself, breaks the chain
 *     (store_verify_chain); recorded consequences are checked against a
 *     replay (store_verify_compare).
 *
 *   - A bad database is refused, never repaired or overwritten: a file
 *     that is not SQLite, not an irdrill database, truncated or corrupt,
 *     written by a newer irdrill (PRAGMA user_version above
 *     STORE_SCHEMA_VERSION), locked past the busy timeout, read-only, in a
 *     directory that cannot be written, or on a full disk gives a negative
 *     code and a one-line message naming the file (store_errmsg). Checks
 *     that can be made before writing are made before writing; migrations
 *     never run on a schema newer than this program knows.
 *
 * Return codes: 0 (STORE_OK) or a negative STORE_E* code. STORE_ENOTFOUND
 * means the user named something that is not there (an unknown session);
 * a command line maps it to exit 1 and every other error to exit 2.
 *
 * Threads: a store handle belongs to one thread at a time. Several
 * processes may use one database at once (WAL; writers wait for each
 * other up to the busy timeout).
 *
 * Ownership: strings returned by store_errmsg live until the next call on
 * the handle. Structures filled by store_load / store_list are owned by
 * the caller and freed with the matching *_free function. Everything
 * passed in is copied or used only during the call.
 */
#ifndef IRDRILL_STORE_H
#define IRDRILL_STORE_H

#include "engine/engine.h"
#include "engine/event.h"
#include "engine/sbuf.h"
#include "engine/scen.h"
#include "engine/text.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define STORE_SCHEMA_VERSION 4           /* PRAGMA user_version this code writes */
#define STORE_APPLICATION_ID 0x49524452  /* PRAGMA application_id: "IRDR" */
#define STORE_BUSY_TIMEOUT_MS 5000       /* default wait for another writer */
#define STORE_LINE_MAX 4096              /* bytes in one input line */

enum {
    STORE_OK = 0,
    STORE_ERROR = -1,     /* an SQLite error not listed below */
    STORE_ENOTFOUND = -2, /* no such session (the user's mistake: exit 1) */
    STORE_EBUSY = -3,     /* locked by another process past the timeout */
    STORE_ECORRUPT = -4,  /* not SQLite, not irdrill, truncated or malformed */
    STORE_ESCHEMA = -5,   /* schema newer than this program (or older, read-only) */
    STORE_EIO = -6,       /* an I/O error from the operating system */
    STORE_EFULL = -7,     /* the disk (or quota) is full */
    STORE_EPERM = -8,     /* cannot create or write: permissions, read-only */
    STORE_ENOMEM = -9,
    STORE_EARG = -10,     /* a bad argument (invalid UTF-8, a control char, ...) */
    STORE_ENOENT = -11,   /* no database file (opened read-only) */
};

typedef struct store store;

typedef struct store_opts {
    int busy_timeout_ms;  /* 0: STORE_BUSY_TIMEOUT_MS */
    bool readonly;        /* never write: no creation, no migration */
    const char *vfs;      /* SQLite VFS name, NULL for the default (tests
                             register a failing one) */
} store_opts;

/* ---- the database file ------------------------------------------------ */

/* Where the database lives: flag (from --db) if given, else $IRDRILL_DB,
 * else $XDG_DATA_HOME/irdrill/irdrill.db (an absolute XDG_DATA_HOME only),
 * else $HOME/.local/share/irdrill/irdrill.db. Empty values count as unset.
 * When mkdirs is true and one of the last two defaults is chosen, its
 * directory is created (mode 0700, parents as needed); a path the user
 * named is used as it is. Returns a malloc'd path, or NULL with a one-line
 * reason in err. */
char *store_path_resolve(const char *flag, bool mkdirs, char *err, size_t errlen);

/* Open (and when needed create and migrate) the database at path. Always
 * sets *out to a handle when memory allows, even on failure, so that
 * store_errmsg can say why; the caller store_close()s it in every case.
 * opts may be NULL. A missing file is created (unless opts->readonly); a
 * zero-length file counts as a new database. */
int store_open(const char *path, const store_opts *opts, store **out);
void store_close(store *s);

/* The message of the last failure, one line naming the file. */
const char *store_errmsg(const store *s);
const char *store_path(const store *s);
/* PRAGMA user_version of the open database. */
int store_schema_version(const store *s);

/* PRAGMA integrity_check: 0 when "ok", STORE_ECORRUPT with the first
 * problems in store_errmsg otherwise. */
int store_integrity(store *s);

/* ---- sessions --------------------------------------------------------- */

typedef struct store_participant {
    const char *name;     /* valid UTF-8, no control characters */
    const char *roles;    /* role ids, comma-separated, e.g. "lead,soc" */
} store_participant;

/* What a new session is created with. */
typedef struct store_session_new {
    const scen *sc;       /* id, version, title, path, source, hash */
    uint64_t seed;
    engine_mode mode;
    bool hints;           /* hints enabled (always in training) */
    const char *team;     /* may be NULL: "" */
    const char *lang;     /* "vi" or "en"; NULL: "en" */
    const char *tool_version;
    const store_participant *parts; int nparts;
    int64_t parent;       /* forked from this session, 0 for none */
    int fork_seq;         /* inputs shared with parent */
    int timer;            /* the turn timer in seconds, 0 for none */
    /* The standard action library the session is played with (its text,
     * recorded once by content hash, and loaded again from the record by
     * replays: lhost_opts.stdlib); NULL records none, and replays then use
     * the built-in one. */
    const char *stdlib; size_t stdlib_len;
} store_session_new;

/* Record the scenario source (once per content hash) and a new active
 * session with its participants, in one transaction. The session's
 * max_score is the scenario's from the start. */

int store_session_create(store *s, const store_session_new *n, int64_t *id);

/* Mark a session aborted (or finished) without more inputs. */
int store_session_set_status(store *s, int64_t id, const char *status);

/* A session as recorded. Strings are owned by the struct. */
typedef struct store_session {
    int64_t id;
    char scenario_hash[65];
    char *scenario_id;
    int scenario_version;
    text title;           /* the scenario's title when the session began */
    uint64_t seed;
    char *mode;           /* "training" | "exercise" */
    bool hints;
    char *team, *lang;
    char *status;         /* "active" | "finished" | "aborted" */
    int turn, score, max_score;
    char *outcome;        /* NULL until the session ends */
    char *started, *ended;/* ISO-8601 UTC; ended NULL while active */
    char *tool_version;
    char genesis[65];
    int ninputs;          /* inputs appended, and the hash of the last */
    char head[65];
    int64_t parent;
    int fork_seq;
    int timer;            /* the turn timer in seconds, 0 for none */
    char stdlib_hash[65]; /* the standard library's hash, "" when none recorded */
    int chain;            /* the genesis version: 1 or 2 (store_session_genesis) */
    int64_t detect_minute, contain_minute;   /* metrics, -1 when never/unknown */
    store_participant *parts; int nparts;    /* filled by store_load only */
} store_session;

void store_session_clear(store_session *ss);

typedef struct store_filter {
    const char *scenario; /* scenario id, NULL for any */
    const char *team;     /* NULL for any */
    const char *status;   /* NULL for any */
    int64_t before;       /* only ids below this, 0 for no limit */
    int limit;            /* 0 for no limit */
} store_filter;

/* Sessions matching f (NULL: all), newest first (by start time, then
 * id). *out is a malloc'd array (free with store_sessions_free); parts,
 * scenario version and title are not filled (store_load fills them). */
int store_list(store *s, const store_filter *f, store_session **out, int *n);
void store_sessions_free(store_session *v, int n);

/* The same, streamed for listing many sessions (`irdrill sessions`):
 * fn is called for each row, newest first, with a session whose strings
 * are borrowed and valid only during the call; fn returns nonzero to stop.
 * Listings leave the scenario's version (0) and title (NULL) unfilled. */
int store_list_each(store *s, const store_filter *f,
                    int (*fn)(void *ctx, const store_session *ss), void *ctx);

/* The newest active session, or STORE_ENOTFOUND. */
int store_latest_active(store *s, int64_t *id);

/* ---- inputs ----------------------------------------------------------- */

typedef struct store_batch store_batch;

/* Append one canonical input line to a session durably: it is committed
 * (and fsync'd) when this returns 0. b, when not NULL, is the batch of
 * consequences collected so far; it is written in the same transaction
 * and emptied. *seq (may be NULL) gets the input's sequence number. A
 * session that is not active refuses inputs (STORE_EARG). */
int store_input_append(store *s, int64_t session, const char *line, store_batch *b, int *seq);

/* ---- groups ------------------------------------------------------------ */

/* One transaction (one fsync) around several writes: every
 * store_input_append, store_batch_commit and store_session_set_status
 * between store_group_begin and store_group_commit is written by the
 * group's commit instead of its own. For inputs that are durable elsewhere
 * already (the lines of a regular file): a crash before the group commits
 * loses every input of the group from the database. A write that fails
 * inside a group rolls the whole group back; the writes after it fail with
 * the same code, and so does store_group_commit, which closes the group in
 * every case. The group holds the write lock: keep it short. store_load
 * refuses to run while a group is open. */
int store_group_begin(store *s);
int store_group_commit(store *s);
bool store_group_open(const store *s);

/* ---- consequences ----------------------------------------------------- */

/* A metric value; minutes are simulated minutes, -1 meaning "never".
 * Names: detect_minute, first_compromise_minute, contain_minute,
 * recover_minute, reports, reports_on_time, false_positives,
 * true_dismissed, hints, hook_errors, downtime.ASSET, actions.ROLE. */
typedef struct store_metric {
    const char *name;
    int64_t value;
} store_metric;

/* The session row after the batch's consequences. */
typedef struct store_progress {
    int turn, score, max_score;
    bool over;            /* the session ended: status becomes finished */
    const char *outcome;  /* ending id when over */
    const store_metric *metrics; int nmetrics;   /* replaces earlier ones */
} store_progress;

store_batch *store_batch_new(void);
void store_batch_free(store_batch *b);
/* A sink to give the engine: every event it emits is encoded into b's
 * event block (docs/database.md, event_blocks; events must come in order
 * of seq, as the engine emits them). An event that cannot be copied (out
 * of memory, or out of order) makes the next commit fail
 * with STORE_ENOMEM rather than write a hole. */
event_sink store_batch_sink(store_batch *b);
int store_batch_event(store_batch *b, const event *ev);
/* One score line (the engine's own struct; strings are copied). */
int store_batch_score(store_batch *b, const engine_score_entry *se);
/* The session row to write with the batch (copied; metrics too). */
int store_batch_progress(store_batch *b, const store_progress *p);
/* For resume: events with seq <= last_event and the first nscores score
 * lines given to the batch are already recorded; drop them when added. */
void store_batch_skip(store_batch *b, uint32_t last_event, int nscores);
/* Events and score lines waiting to be written. */
int store_batch_pending(const store_batch *b);

/* Write the batch (its events as one event block, score lines, session
 * row, metrics) in one transaction, then empty it. Inside a group it is
 * written by the group's transaction. */
int store_batch_commit(store *s, int64_t session, store_batch *b);

/* ---- loading ---------------------------------------------------------- */

typedef struct store_input {
    int seq;
    char *line;
    char hash[65];
    char *created;
} store_input;

typedef struct store_event {
    event ev;             /* strings owned; ev.kind valid when kind_ok */
    bool kind_ok;         /* the kind name is one this build knows */
    char *kind_name;
    /* from attrs, for reports (NULL when absent) */
    char *a_target, *a_source, *a_severity, *a_asset, *a_technique, *a_facts;
    int a_public, a_on_time;   /* -1 when absent */
} store_event;

typedef struct store_loaded {
    store_session sess;   /* with parts */
    char *source; size_t source_len;   /* the scenario text */
    char *stdlib; size_t stdlib_len;   /* the standard library's text, NULL when
                                          none is recorded (an older session) */
    char *scenario_path;
    store_input *inputs; int ninputs;
    store_event *events; int nevents;
    engine_score_entry *scores; int nscores;   /* strings owned */
    store_metric *metrics; int nmetrics;       /* names owned */
    uint32_t last_event;  /* highest event seq recorded */
    /* With STORE_LOAD_EVENTS: event blocks that do not read back as they
     * were written (a hand-edited file), and what the first one is. */
    int damaged;
    char damage[240];
} store_loaded;

enum { STORE_LOAD_EVENTS = 1 };

/* Load a session: metadata, participants, scenario source, inputs in
 * order, score lines, metrics, and with STORE_LOAD_EVENTS the events. */
int store_load(store *s, int64_t id, int flags, store_loaded **out);
void store_loaded_free(store_loaded *l);

/* The canonical JSON line (event_to_json) of a recorded event, rebuilt
 * from its columns: what the engine gave for it, when nothing was changed.
 * An event whose kind this build does not know gets a line no engine event
 * has ("{"unknown kind":...}"), so that it never compares equal. */
void store_event_json(const store_event *e, sbuf *out);

/* ---- verifying -------------------------------------------------------- */

/* The genesis hash of a session of chain version 1: SHA-256 of
 *   "irdrill-session-v1\n" "scenario " HASH "\n" "seed " SEED "\n"
 *   "mode " MODE "\n" "hints " 0|1 "\n"
 *   and for each participant "participant " NAME "\t" ROLES "\n". */
void store_genesis(const char *scenario_hash, uint64_t seed, const char *mode, bool hints,
                   const store_participant *parts, int nparts, char out[65]);
/* The genesis of ss as its chain version says: version 1 as above;
 * version 2 (every session created since schema version 4) the SHA-256 of
 *   "irdrill-session-v2\n" "scenario " HASH "\n" "stdlib " HASH|"" "\n"
 *   "seed " SEED "\n" "mode " MODE "\n" "hints " 0|1 "\n"
 *   "team " TEAM "\n" "lang " LANG "\n" "started " STARTED "\n"
 *   "timer " SECONDS "\n" "parent " ID|0 "\n" "fork_seq " N "\n"
 *   and for each participant "participant " NAME "\t" ROLES "\n",
 * so that what the session says of itself and a replay cannot recompute
 * is covered by the chain too. Team, participant names and roles never
 * hold a control character (store_session_create refuses them), so the
 * lines cannot be forged from one another. */
void store_session_genesis(const store_session *ss, char out[65]);
/* An input's hash from the previous one (or the genesis). */
void store_chain_hash(const char *prev, int seq, const char *line, char out[65]);

/* Check what can be checked without a replay: the genesis, the chain,
 * inputs numbered 1..n without gaps, the stored source hashing to the
 * scenario hash, events numbered without gaps (and, when loaded with
 * STORE_LOAD_EVENTS, every event block readable: l->damaged), and the
 * session's score equal to the sum of its score lines. Appends one line per discrepancy
 * to problems (each "session N: ...\n") and returns how many, or a
 * negative code when the data could not be read. */
int store_verify_chain(const store_loaded *l, sbuf *problems);

/* What a replay of the inputs through a fresh engine produced. */
typedef struct store_replay {
    const char *events;   /* canonical JSON lines (event_to_json), '\n'-ended */
    const engine_score_entry *scores; int nscores;
    int score, turn, max_score;
    bool over;
    const char *outcome;  /* NULL when not over */
    const store_metric *metrics; int nmetrics;   /* as the session row records them */
} store_replay;

/* Compare the recorded consequences (loaded with STORE_LOAD_EVENTS) with
 * a replay: every event, every score line (kind, id, points, turn, minute,
 * reason in both languages), the score, max_score, turn, status, outcome
 * and every metric. The records of a session that did not finish may stop
 * short of the replay (the consequences of its last input are written
 * with the next one); any other difference is a discrepancy. Returns the number of
 * discrepancies; the first STORE_VERIFY_MAX_LINES are described in
 * problems, one line each, then one summary line. */
#define STORE_VERIFY_MAX_LINES 20
int store_verify_compare(const store_loaded *l, const store_replay *r, sbuf *problems);

/* ---- reports (product.md §6) ----------------------------------------- */

typedef enum store_format { REPORT_MD, REPORT_JSON, REPORT_CSV } store_format;

/* Parse "md" / "markdown" / "json" / "csv"; -1 otherwise. */
int store_format_parse(const char *s);

/* Earlier finished sessions of the same scenario id by the same team,
 * newest first, at most limit (free with store_sessions_free). When the
 * session has no team, by the same participants (the same set of names)
 * and no team: with no team named, only they are the same people. ss
 * must have its participants (store_load). */
int store_history(store *s, const store_session *ss, int limit, store_session **out, int *n);

/* Build the after-action report of a loaded session (with events). sc is
 * the session's scenario when it could be loaded from the stored source,
 * else NULL: the report then works from recorded data only. history may
 * be NULL with nhistory 0. Every string from the database or the scenario
 * is sanitised and escaped for the format. */
int store_report(const store_loaded *l, const scen *sc, const store_session *history,
                 int nhistory, store_format fmt, lang lg, sbuf *out);

#endif
