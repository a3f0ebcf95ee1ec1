/*
 * load.c - reading: listing sessions and loading one whole session for
 * resume, verify and report. Every query is a read; nothing here writes.
 */
#include "saves/store_int.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The session columns every read uses, in the order read_session takes them. */
#define SESSION_COLS \
    "s.id, s.scenario, s.scenario_id, c.version, c.title_vi, c.title_en, s.seed, s.mode," \
    " s.hints, s.team, s.lang, s.status, s.turn, s.score, s.max_score, s.outcome, s.started," \
    " s.ended, s.tool_version, s.genesis, s.ninputs, s.head, s.parent, s.fork_seq, s.timer," \
    " s.stdlib, s.chain"
#define SESSION_FROM " FROM sessions s LEFT JOIN scenarios c ON c.hash = s.scenario"
/* How many columns SESSION_COLS (and SESSION_COLS_LIST) name: what a
 * query selects after them starts at this index. */
#define SESSION_NCOLS 27
/* Listings leave out the scenario's version and title: a join per row
 * would double the cost of listing 100,000 sessions, and lists show ids. */
#define SESSION_COLS_LIST \
    "s.id, s.scenario, s.scenario_id, 0, NULL, NULL, s.seed, s.mode," \
    " s.hints, s.team, s.lang, s.status, s.turn, s.score, s.max_score, s.outcome, s.started," \
    " s.ended, s.tool_version, s.genesis, s.ninputs, s.head, s.parent, s.fork_seq, s.timer," \
    " s.stdlib, s.chain"
/* For history (comparison in reports): two metrics as well. */
#define SESSION_METRICS \
    ", coalesce((SELECT value FROM metrics m WHERE m.session = s.id" \
    "  AND m.name = 'detect_minute'), -1)" \
    ", coalesce((SELECT value FROM metrics m WHERE m.session = s.id" \
    "  AND m.name = 'contain_minute'), -1)"

void store_session_clear(store_session *ss)
{
    free(ss->scenario_id);
    text_free(&ss->title);
    free(ss->mode);
    free(ss->team);
    free(ss->lang);
    free(ss->status);
    free(ss->outcome);
    free(ss->started);
    free(ss->ended);
    free(ss->tool_version);
    for (int i = 0; i < ss->nparts; i++) {
        free((char *)ss->parts[i].name);
        free((char *)ss->parts[i].roles);
    }
    free(ss->parts);
    memset(ss, 0, sizeof *ss);
}

static void copy_hex(sqlite3_stmt *st, int i, char out[65])
{
    const char *v = (const char *)sqlite3_column_text(st, i);
    size_t n = v ? (size_t)sqlite3_column_bytes(st, i) : 0;
    if (n > 64)
        n = 64;
    if (n)
        memcpy(out, v, n);
    out[n] = '\0';
}

/* A column copied (or, when borrowing, pointed to: valid until the next
 * step of the statement). */
static char *col(sqlite3_stmt *st, int i, bool borrow, bool *oom)
{
    if (borrow)
        return (char *)sqlite3_column_text(st, i);
    return store_col_dup(st, i, oom);
}

/* Fill ss from a row of SESSION_COLS (and SESSION_METRICS when metrics). */
static int read_session(sqlite3_stmt *st, store_session *ss, bool metrics, bool borrow)
{
    bool oom = false;
    memset(ss, 0, sizeof *ss);
    ss->id = sqlite3_column_int64(st, 0);
    copy_hex(st, 1, ss->scenario_hash);
    ss->scenario_id = col(st, 2, borrow, &oom);
    ss->scenario_version = sqlite3_column_int(st, 3);
    ss->title.vi = col(st, 4, borrow, &oom);
    ss->title.en = col(st, 5, borrow, &oom);
    const char *seed = (const char *)sqlite3_column_text(st, 6);
    ss->seed = seed ? strtoull(seed, NULL, 10) : 0;
    ss->mode = col(st, 7, borrow, &oom);
    ss->hints = sqlite3_column_int(st, 8) != 0;
    ss->team = col(st, 9, borrow, &oom);
    ss->lang = col(st, 10, borrow, &oom);
    ss->status = col(st, 11, borrow, &oom);
    ss->turn = sqlite3_column_int(st, 12);
    ss->score = sqlite3_column_int(st, 13);
    ss->max_score = sqlite3_column_int(st, 14);
    ss->outcome = col(st, 15, borrow, &oom);
    ss->started = col(st, 16, borrow, &oom);
    ss->ended = col(st, 17, borrow, &oom);
    ss->tool_version = col(st, 18, borrow, &oom);
    copy_hex(st, 19, ss->genesis);
    ss->ninputs = sqlite3_column_int(st, 20);
    copy_hex(st, 21, ss->head);
    ss->parent = sqlite3_column_int64(st, 22);
    ss->fork_seq = sqlite3_column_int(st, 23);
    ss->timer = sqlite3_column_int(st, 24);
    if (ss->timer < 0)
        ss->timer = 0;
    copy_hex(st, 25, ss->stdlib_hash);
    ss->chain = sqlite3_column_int(st, 26);
    ss->detect_minute = metrics ? sqlite3_column_int64(st, SESSION_NCOLS) : -1;
    ss->contain_minute = metrics ? sqlite3_column_int64(st, SESSION_NCOLS + 1) : -1;
    /* NOT NULL columns still come back NULL from a hand-edited file with
     * the constraint dropped; the rest of the code may rely on these. */
    static char training[] = "training", unknown[] = "?", empty[] = "";
    if (!ss->mode)
        ss->mode = borrow ? training : xstrdup(training);
    if (!ss->status)
        ss->status = borrow ? unknown : xstrdup(unknown);
    if (!ss->scenario_id)
        ss->scenario_id = borrow ? unknown : xstrdup(unknown);
    if (!ss->team)
        ss->team = borrow ? empty : xstrdup(empty);
    if (oom || !ss->mode || !ss->status || !ss->scenario_id || !ss->team) {
        if (!borrow)
            store_session_clear(ss);
        return STORE_ENOMEM;
    }
    return STORE_OK;
}

void store_sessions_free(store_session *v, int n)
{
    for (int i = 0; i < n; i++)
        store_session_clear(&v[i]);
    free(v);
}

/* Run a prepared session query and collect its rows. */
static int collect(store *s, sqlite3_stmt *st, bool metrics, store_session **out, int *n)
{
    store_session *v = NULL;
    int cnt = 0, cap = 0, rc, code = STORE_OK;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (cnt == cap) {
            int nc = cap ? cap * 2 : 16;
            store_session *nv = realloc(v, sizeof *nv * (size_t)nc);
            if (!nv) {
                code = store_fail(s, STORE_ENOMEM, "out of memory listing sessions");
                goto out;
            }
            v = nv;
            cap = nc;
        }
        if (read_session(st, &v[cnt], metrics, false) != STORE_OK) {
            code = store_fail(s, STORE_ENOMEM, "out of memory listing sessions");
            goto out;
        }
        cnt++;
    }
    if (rc != SQLITE_DONE)
        code = store_sqlfail(s, rc, "cannot list sessions");
out:
    if (code != STORE_OK) {
        store_sessions_free(v, cnt);
        v = NULL;
        cnt = 0;
    }
    *out = v;
    *n = cnt;
    return code;
}

/* names: with it, only sessions whose participants' names, sorted and
 * joined by newlines, are these (store_history). */
static int list_prepare(store *s, const store_filter *f, bool metrics, const char *names,
                        sqlite3_stmt **out)
{
    *out = NULL;
    sbuf q = SBUF_INIT;
    sb_puts(&q, "SELECT " SESSION_COLS_LIST);
    if (metrics)
        sb_puts(&q, SESSION_METRICS);
    sb_puts(&q, " FROM sessions s WHERE 1");
    if (f && f->scenario)
        sb_puts(&q, " AND s.scenario_id = ?1");
    if (f && f->team)
        sb_puts(&q, " AND s.team = ?2");
    if (f && f->status)
        sb_puts(&q, " AND s.status = ?3");
    if (f && f->before > 0)
        sb_puts(&q, " AND s.id < ?4");
    if (names)
        sb_puts(&q, " AND (SELECT group_concat(name, char(10)) FROM (SELECT name FROM participants p"
                    " WHERE p.session = s.id ORDER BY name)) = ?6");
    sb_puts(&q, " ORDER BY s.started DESC, s.id DESC");
    if (f && f->limit > 0)
        sb_puts(&q, " LIMIT ?5");
    if (q.oom) {
        sb_free(&q);
        return store_fail(s, STORE_ENOMEM, "out of memory");
    }
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, sb_str(&q), -1, &st, NULL);
    sb_free(&q);
    if (rc != SQLITE_OK)
        return store_sqlfail(s, rc, "cannot list sessions");
    if (f) {
        store_bind_text(st, 1, f->scenario, -1);
        store_bind_text(st, 2, f->team, -1);
        store_bind_text(st, 3, f->status, -1);
        sqlite3_bind_int64(st, 4, f->before);
        sqlite3_bind_int(st, 5, f->limit);
    }
    if (names)
        store_bind_text(st, 6, names, -1);
    *out = st;
    return STORE_OK;
}

static int list_query(store *s, const store_filter *f, bool metrics, const char *names,
                      store_session **out, int *n)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st;
    int code = list_prepare(s, f, metrics, names, &st);
    if (code != STORE_OK)
        return code;
    code = collect(s, st, metrics, out, n);
    sqlite3_finalize(st);
    code = store_read_end(s, code);
    if (code != STORE_OK) {
        store_sessions_free(*out, *n);
        *out = NULL;
        *n = 0;
    }
    return code;
}

int store_list_each(store *s, const store_filter *f,
                    int (*fn)(void *ctx, const store_session *ss), void *ctx)
{
    sqlite3_stmt *st;
    int rc, code = list_prepare(s, f, false, NULL, &st);
    if (code != STORE_OK)
        return code;
    store_session ss;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (read_session(st, &ss, false, true) != STORE_OK) {
            code = store_fail(s, STORE_ENOMEM, "out of memory listing sessions");
            break;
        }
        if (fn(ctx, &ss) != 0)
            break;
    }
    if (code == STORE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
        code = store_sqlfail(s, rc, "cannot list sessions");
    sqlite3_finalize(st);
    return store_read_end(s, code);
}

int store_list(store *s, const store_filter *f, store_session **out, int *n)
{
    return list_query(s, f, false, NULL, out, n);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int store_history(store *s, const store_session *ss, int limit, store_session **out, int *n)
{
    store_filter f = { .scenario = ss->scenario_id, .team = ss->team ? ss->team : "",
                       .status = "finished", .before = ss->id, .limit = limit };
    if (ss->team && ss->team[0])
        return list_query(s, &f, true, NULL, out, n);
    /* No team: the same people are the same set of names (in byte order,
     * as SQLite's BINARY collation sorts them). */
    const char **v = calloc((size_t)ss->nparts + 1, sizeof *v);
    sbuf names = SBUF_INIT;
    if (!v)
        return store_fail(s, STORE_ENOMEM, "out of memory");
    for (int i = 0; i < ss->nparts; i++)
        v[i] = ss->parts[i].name ? ss->parts[i].name : "";
    qsort(v, (size_t)ss->nparts, sizeof *v, cmp_str);
    for (int i = 0; i < ss->nparts; i++) {
        if (i)
            sb_putc(&names, '\n');
        sb_puts(&names, v[i]);
    }
    free(v);
    int rc = names.oom ? store_fail(s, STORE_ENOMEM, "out of memory")
                       : list_query(s, &f, true, sb_str(&names), out, n);
    sb_free(&names);
    return rc;
}

int store_latest_active(store *s, int64_t *id)
{
    store_filter f = { .status = "active", .limit = 1 };
    store_session *v;
    int n, rc = list_query(s, &f, false, NULL, &v, &n);
    if (rc != STORE_OK)
        return rc;
    if (n == 0)
        rc = store_fail(s, STORE_ENOTFOUND, "no unfinished session to resume");
    else
        *id = v[0].id;
    store_sessions_free(v, n);
    return rc;
}

/* ---- one session ---------------------------------------------------------- */

void store_loaded_free(store_loaded *l)
{
    if (!l)
        return;
    store_session_clear(&l->sess);
    free(l->source);
    free(l->stdlib);
    free(l->scenario_path);
    for (int i = 0; i < l->ninputs; i++) {
        free(l->inputs[i].line);
        free(l->inputs[i].created);
    }
    free(l->inputs);
    for (int i = 0; i < l->nevents; i++)
        evblock_event_free(&l->events[i]);
    free(l->events);
    for (int i = 0; i < l->nscores; i++) {
        free((char *)l->scores[i].kind);
        free((char *)l->scores[i].id);
        text_free(&l->scores[i].reason);
    }
    free(l->scores);
    for (int i = 0; i < l->nmetrics; i++)
        free((char *)l->metrics[i].name);
    free(l->metrics);
    free(l);
}

/* Grow an array by one element; NULL on OOM. */
static void *grow1(void *v, int n, int *cap, size_t size)
{
    if (n < *cap)
        return v;
    int nc = *cap ? *cap * 2 : 16;
    void *nv = realloc(v, size * (size_t)nc);
    if (nv)
        *cap = nc;
    return nv;
}

static sqlite3_stmt *prep(store *s, const char *sql, int64_t id, int *rc)
{
    sqlite3_stmt *st = NULL;
    *rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (*rc != SQLITE_OK)
        return NULL;
    sqlite3_bind_int64(st, 1, id);
    return st;
}

static int load_meta(store *s, int64_t id, store_loaded *l, bool *oom)
{
    int rc;
    sqlite3_stmt *st = prep(s, "SELECT " SESSION_COLS SESSION_METRICS ", c.source, c.path,"
                            " lb.source" SESSION_FROM " LEFT JOIN libraries lb ON lb.hash = s.stdlib"
                            " WHERE s.id = ?1", id, &rc);
    if (!st)
        return store_sqlfail(s, rc, "cannot read the session");
    int code = STORE_OK;
    rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) {
        code = store_fail(s, STORE_ENOTFOUND, "no session %" PRId64, id);
    } else if (rc != SQLITE_ROW) {
        code = store_sqlfail(s, rc, "cannot read the session");
    } else if (read_session(st, &l->sess, true, false) != STORE_OK) {
        *oom = true;
    } else {
        /* after the session's columns and its two metrics */
        l->source = store_col_dup(st, SESSION_NCOLS + 2, oom);
        l->source_len = (size_t)sqlite3_column_bytes(st, SESSION_NCOLS + 2);
        l->scenario_path = store_col_dup(st, SESSION_NCOLS + 3, oom);
        l->stdlib = store_col_dup(st, SESSION_NCOLS + 4, oom);
        l->stdlib_len = l->stdlib ? (size_t)sqlite3_column_bytes(st, SESSION_NCOLS + 4) : 0;
    }
    sqlite3_finalize(st);
    if (code != STORE_OK || *oom)
        return code;

    int cap = 0;
    if (!(st = prep(s, "SELECT name, roles FROM participants WHERE session = ?1 ORDER BY pos",
                    id, &rc)))
        return store_sqlfail(s, rc, "cannot read the participants");
    while (!*oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_participant *v = grow1(l->sess.parts, l->sess.nparts, &cap, sizeof *v);
        if (!v) {
            *oom = true;
            break;
        }
        l->sess.parts = v;
        v[l->sess.nparts].name = store_col_dup(st, 0, oom);
        v[l->sess.nparts].roles = store_col_dup(st, 1, oom);
        l->sess.nparts++;
        if (!v[l->sess.nparts - 1].name || !v[l->sess.nparts - 1].roles)
            *oom = true;
    }
    if (!*oom && rc != SQLITE_DONE)
        code = store_sqlfail(s, rc, "cannot read the participants");
    sqlite3_finalize(st);
    return code;
}

static int load_inputs(store *s, int64_t id, store_loaded *l, bool *oom)
{
    int rc, cap = 0, code = STORE_OK;
    sqlite3_stmt *st = prep(s, "SELECT seq, line, hash, created FROM inputs WHERE session = ?1"
                            " ORDER BY seq", id, &rc);
    if (!st)
        return store_sqlfail(s, rc, "cannot read the inputs");
    while (!*oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_input *v = grow1(l->inputs, l->ninputs, &cap, sizeof *v);
        if (!v) {
            *oom = true;
            break;
        }
        l->inputs = v;
        store_input *in = &v[l->ninputs++];
        in->seq = sqlite3_column_int(st, 0);
        in->line = store_col_dup(st, 1, oom);
        copy_hex(st, 2, in->hash);
        in->created = store_col_dup(st, 3, oom);
        if (!in->line && !*oom)
            *oom = !(in->line = xstrdup(""));
    }
    if (!*oom && rc != SQLITE_DONE)
        code = store_sqlfail(s, rc, "cannot read the inputs");
    sqlite3_finalize(st);
    return code;
}

static int load_scores(store *s, int64_t id, store_loaded *l, bool *oom)
{
    int rc, cap = 0, code = STORE_OK;
    sqlite3_stmt *st = prep(s, "SELECT kind, id, points, turn, minute, reason_vi, reason_en"
                            " FROM score_entries WHERE session = ?1 ORDER BY pos", id, &rc);
    if (!st)
        return store_sqlfail(s, rc, "cannot read the score");
    while (!*oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        engine_score_entry *v = grow1(l->scores, l->nscores, &cap, sizeof *v);
        if (!v) {
            *oom = true;
            break;
        }
        l->scores = v;
        engine_score_entry *se = &v[l->nscores++];
        memset(se, 0, sizeof *se);
        se->kind = store_col_dup(st, 0, oom);
        se->id = store_col_dup(st, 1, oom);
        se->points = sqlite3_column_int(st, 2);
        se->turn = sqlite3_column_int(st, 3);
        se->minute = sqlite3_column_int(st, 4);
        se->reason.vi = store_col_dup(st, 5, oom);
        se->reason.en = store_col_dup(st, 6, oom);
    }
    if (!*oom && rc != SQLITE_DONE)
        code = store_sqlfail(s, rc, "cannot read the score");
    sqlite3_finalize(st);
    if (code != STORE_OK || *oom)
        return code;

    cap = 0;
    if (!(st = prep(s, "SELECT name, value FROM metrics WHERE session = ?1 ORDER BY name", id,
                    &rc)))
        return store_sqlfail(s, rc, "cannot read the metrics");
    while (!*oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_metric *v = grow1(l->metrics, l->nmetrics, &cap, sizeof *v);
        if (!v) {
            *oom = true;
            break;
        }
        l->metrics = v;
        v[l->nmetrics].name = store_col_dup(st, 0, oom);
        v[l->nmetrics].value = sqlite3_column_int64(st, 1);
        if (!v[l->nmetrics++].name)
            *oom = true;
    }
    if (!*oom && rc != SQLITE_DONE)
        code = store_sqlfail(s, rc, "cannot read the metrics");
    sqlite3_finalize(st);
    return code;
}

/* The events, from the session's event blocks in order. A block that
 * does not read as one (a hand-edited file) is left out and noted in
 * l->damaged, which verify reports; a report works from the rest. */
static int load_events(store *s, int64_t id, store_loaded *l, bool *oom)
{
    int rc, cap = 0, code = STORE_OK;
    sqlite3_stmt *st = prep(s, "SELECT first, last, events FROM event_blocks WHERE session = ?1"
                            " ORDER BY first", id, &rc);
    if (!st)
        return store_sqlfail(s, rc, "cannot read the events");
    while (!*oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t first = sqlite3_column_int64(st, 0), last = sqlite3_column_int64(st, 1);
        const char *txt = (const char *)sqlite3_column_text(st, 2);
        size_t len = (size_t)sqlite3_column_bytes(st, 2);
        int before = l->nevents;
        char why[160] = "";
        int drc = evblock_decode(txt, len, &l->events, &l->nevents, &cap, why, sizeof why);
        if (drc == STORE_ENOMEM) {
            *oom = true;
            break;
        }
        if (drc == STORE_OK && l->nevents > before &&
            (l->events[before].ev.seq != first || l->events[l->nevents - 1].ev.seq != last)) {
            snprintf(why, sizeof why, "its events run from %u to %u, not %lld to %lld",
                     (unsigned)l->events[before].ev.seq,
                     (unsigned)l->events[l->nevents - 1].ev.seq, (long long)first,
                     (long long)last);
            drc = -1;
        } else if (drc == STORE_OK && l->nevents == before) {
            snprintf(why, sizeof why, "it holds no event");
            drc = -1;
        }
        if (drc != STORE_OK) {
            /* Keep the events read (they are the record as it stands) but
             * say the block does not hold together. */
            if (!l->damaged++)
                snprintf(l->damage, sizeof l->damage, "the event block recorded from event "
                         "%lld is damaged: %s", (long long)first, why);
        }
    }
    if (!*oom && rc != SQLITE_DONE)
        code = store_sqlfail(s, rc, "cannot read the events");
    sqlite3_finalize(st);
    return code;
}

int store_load(store *s, int64_t id, int flags, store_loaded **out)
{
    *out = NULL;
    /* Its read transaction cannot nest in a group's write transaction. */
    if (s->group)
        return store_fail(s, STORE_EARG, "cannot load a session while a group of writes is open");
    store_loaded *l = calloc(1, sizeof *l);
    if (!l)
        return store_fail(s, STORE_ENOMEM, "out of memory");
    bool oom = false;
    /* One read transaction: the pieces are of one moment even while another
     * process appends. */
    int rc = store_exec(s, "BEGIN", "cannot read the session");
    if (rc == STORE_OK)
        rc = load_meta(s, id, l, &oom);
    if (rc == STORE_OK && !oom)
        rc = load_inputs(s, id, l, &oom);
    if (rc == STORE_OK && !oom)
        rc = load_scores(s, id, l, &oom);
    if (rc == STORE_OK && !oom && (flags & STORE_LOAD_EVENTS))
        rc = load_events(s, id, l, &oom);
    if (rc == STORE_OK && !oom) {
        /* Without the events the highest recorded seq still matters for resume. */
        sqlite3_stmt *st = prep(s, "SELECT coalesce(max(last), 0) FROM event_blocks"
                                " WHERE session = ?1", id, &rc);
        if (!st) {
            rc = store_sqlfail(s, rc, "cannot read the events");
        } else {
            int src = sqlite3_step(st);
            if (src == SQLITE_ROW)
                l->last_event = (uint32_t)sqlite3_column_int64(st, 0);
            else
                rc = store_sqlfail(s, src, "cannot read the events");
            sqlite3_finalize(st);
        }
    }
    store_rollback(s);   /* ends the read transaction */
    rc = store_read_end(s, rc);
    if (rc == STORE_OK && oom)
        rc = store_fail(s, STORE_ENOMEM, "out of memory loading session %" PRId64, id);
    if (rc != STORE_OK) {
        store_loaded_free(l);
        return rc;
    }
    if (!l->source) {
        /* The scenario row is missing (a hand-edited file): report and verify
         * still work from what was recorded. */
        l->source = xstrdup("");
        if (!l->source) {
            store_loaded_free(l);
            return store_fail(s, STORE_ENOMEM, "out of memory");
        }
    }
    *out = l;
    return STORE_OK;
}
