/*
 * session.c - writing: new sessions, inputs (the hash chain) and batches
 * of consequences. See store.h for what is durable when.
 */
#include "saves/store_int.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- checks on what goes in --------------------------------------------- */

/* Valid UTF-8 without C0 controls or DEL: such strings can be hashed with
 * newline separators unambiguously and shown anywhere. */
static bool clean_str(const char *v, size_t max)
{
    if (!v)
        return false;
    size_t n = strlen(v);
    if (n > max || !utf8_valid(v, n))
        return false;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)v[i] < 0x20 || v[i] == 0x7f)
            return false;
    return true;
}

static bool clean_roles(const char *v)
{
    if (!v || !*v)
        return false;
    for (const char *p = v; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '_' || *p == '-' || *p == '.' || *p == ','))
            return false;
    return true;
}

/* ---- sessions ------------------------------------------------------------ */

static int insert_session(store *s, const store_session_new *n, const char *genesis,
                          const char *now, int64_t *id)
{
    const scen *sc = n->sc;
    char seed[24];
    snprintf(seed, sizeof seed, "%" PRIu64, n->seed);
    sqlite3_stmt *st = store_stmt(s, ST_SCEN_INSERT);
    if (!st)
        return STORE_ERROR;
    store_bind_text(st, 1, sc->hash, -1);
    store_bind_text(st, 2, sc->id, -1);
    sqlite3_bind_int(st, 3, sc->version);
    store_bind_text(st, 4, sc->title.vi ? sc->title.vi : "", -1);
    store_bind_text(st, 5, sc->title.en ? sc->title.en : "", -1);
    store_bind_text(st, 6, sc->path, -1);
    sqlite3_bind_text(st, 7, sc->source, (int)sc->source_len, SQLITE_STATIC);
    store_bind_text(st, 8, now, -1);
    int rc = sqlite3_step(st);
    store_stmt_done(st);
    if (rc != SQLITE_DONE)
        return store_sqlfail(s, rc, "cannot record the scenario");

    if (!(st = store_stmt(s, ST_SESS_INSERT)))
        return STORE_ERROR;
    store_bind_text(st, 1, sc->hash, -1);
    store_bind_text(st, 2, sc->id, -1);
    store_bind_text(st, 3, seed, -1);
    store_bind_text(st, 4, n->mode == MODE_EXERCISE ? "exercise" : "training", -1);
    sqlite3_bind_int(st, 5, n->hints ? 1 : 0);
    store_bind_text(st, 6, n->team ? n->team : "", -1);
    store_bind_text(st, 7, n->lang ? n->lang : "en", -1);
    store_bind_text(st, 8, now, -1);
    store_bind_text(st, 9, n->tool_version ? n->tool_version : "", -1);
    store_bind_text(st, 10, genesis, -1);
    if (n->parent > 0)
        sqlite3_bind_int64(st, 11, n->parent);
    else
        sqlite3_bind_null(st, 11);
    sqlite3_bind_int(st, 12, n->fork_seq);
    rc = sqlite3_step(st);
    store_stmt_done(st);
    if (rc != SQLITE_DONE)
        return store_sqlfail(s, rc, "cannot record the session");
    *id = sqlite3_last_insert_rowid(s->db);

    if (!(st = store_stmt(s, ST_PART_INSERT)))
        return STORE_ERROR;
    for (int i = 0; i < n->nparts; i++) {
        sqlite3_bind_int64(st, 1, *id);
        sqlite3_bind_int(st, 2, i + 1);
        store_bind_text(st, 3, n->parts[i].name, -1);
        store_bind_text(st, 4, n->parts[i].roles, -1);
        rc = sqlite3_step(st);
        store_stmt_done(st);
        if (rc != SQLITE_DONE)
            return store_sqlfail(s, rc, "cannot record the participants");
    }
    return STORE_OK;
}

int store_session_create(store *s, const store_session_new *n, int64_t *id)
{
    const scen *sc = n ? n->sc : NULL;
    if (!sc || !sc->id || !sc->source || strlen(sc->hash) != 64)
        return store_fail(s, STORE_EARG, "a session needs a loaded scenario");
    if (!utf8_valid(sc->source, sc->source_len))
        return store_fail(s, STORE_EARG, "scenario %s: the source is not valid UTF-8", sc->id);
    if (n->team && !clean_str(n->team, 200))
        return store_fail(s, STORE_EARG, "the team name must be valid UTF-8 without control "
                          "characters, at most 200 bytes");
    if (n->nparts < 0 || (n->nparts > 0 && !n->parts))
        return store_fail(s, STORE_EARG, "bad participant list");
    for (int i = 0; i < n->nparts; i++) {
        if (!clean_str(n->parts[i].name, 200) || !n->parts[i].name[0])
            return store_fail(s, STORE_EARG, "participant %d: a name must be valid UTF-8 "
                              "without control characters, 1-200 bytes", i + 1);
        if (!clean_roles(n->parts[i].roles))
            return store_fail(s, STORE_EARG, "participant %d: roles must be role ids "
                              "separated by commas", i + 1);
    }
    char genesis[65], now[32];
    store_genesis(sc->hash, n->seed, n->mode == MODE_EXERCISE ? "exercise" : "training",
                  n->hints, n->parts, n->nparts, genesis);
    store_now(now);
    int rc = store_begin(s, "cannot start a session");
    if (rc != STORE_OK)
        return rc;
    rc = insert_session(s, n, genesis, now, id);
    if (rc == STORE_OK)
        return store_commit(s, "cannot start a session");
    store_rollback(s);
    return rc;
}

int store_session_set_status(store *s, int64_t id, const char *status)
{
    if (!status || (strcmp(status, "active") && strcmp(status, "finished") &&
                    strcmp(status, "aborted")))
        return store_fail(s, STORE_EARG, "unknown session status");
    char now[32];
    store_now(now);
    int rc = store_begin(s, "cannot change the session's status");
    if (rc == STORE_OK && s->gh_session == id)
        rc = session_head_flush(s);
    if (rc != STORE_OK) {
        store_rollback(s);
        return rc;
    }
    sqlite3_stmt *st = store_stmt(s, ST_SESS_STATUS);
    if (!st) {
        store_rollback(s);
        return STORE_ERROR;
    }
    sqlite3_bind_int64(st, 1, id);
    store_bind_text(st, 2, status, -1);
    store_bind_text(st, 3, now, -1);
    int src = sqlite3_step(st);
    store_stmt_done(st);
    if (src != SQLITE_DONE) {
        rc = store_sqlfail(s, src, "cannot change the session's status");
    } else if (sqlite3_changes(s->db) == 0) {
        rc = store_fail(s, STORE_ENOTFOUND, "no session %" PRId64, id);
    }
    if (rc == STORE_OK)
        return store_commit(s, "cannot change the session's status");
    store_rollback(s);
    return rc;
}

/* ---- batches --------------------------------------------------------------- */

typedef struct batch_event {
    event ev;             /* strings owned */
    char *json;
} batch_event;

struct store_batch {
    batch_event *ev; int nev, capev;
    engine_score_entry *sc; int nsc, capsc;
    bool has_progress;
    int turn, score, max_score;
    bool over;
    char *outcome;
    store_metric *metrics; int nmetrics;
    uint32_t skip_event;
    int skip_scores, scores_seen;
    bool oom;             /* something could not be copied: refuse to commit */
};

store_batch *store_batch_new(void) { return calloc(1, sizeof(store_batch)); }

static void free_event(batch_event *be)
{
    free((char *)be->ev.role);
    free((char *)be->ev.subject);
    free((char *)be->ev.field);
    free((char *)be->ev.attrs);
    text_free(&be->ev.text);
    free(be->json);
}

static void free_progress(store_batch *b)
{
    for (int i = 0; i < b->nmetrics; i++)
        free((char *)b->metrics[i].name);
    free(b->metrics);
    free(b->outcome);
    b->metrics = NULL;
    b->nmetrics = 0;
    b->outcome = NULL;
    b->has_progress = false;
}

/* Empty the batch after a commit; the skip marks and counters stay. */
static void batch_clear(store_batch *b)
{
    for (int i = 0; i < b->nev; i++)
        free_event(&b->ev[i]);
    for (int i = 0; i < b->nsc; i++) {
        free((char *)b->sc[i].kind);
        free((char *)b->sc[i].id);
        text_free(&b->sc[i].reason);
    }
    b->nev = b->nsc = 0;
    free_progress(b);
}

void store_batch_free(store_batch *b)
{
    if (!b)
        return;
    batch_clear(b);
    free(b->ev);
    free(b->sc);
    free(b);
}

static bool dup_ok(const char *src, char **dst)
{
    *dst = xstrdup(src);
    return !src || *dst;
}

int store_batch_event(store_batch *b, const event *ev)
{
    if (ev->seq <= b->skip_event)
        return STORE_OK;
    if (b->nev == b->capev) {
        int cap = b->capev ? b->capev * 2 : 64;
        batch_event *v = realloc(b->ev, sizeof *v * (size_t)cap);
        if (!v)
            goto oom;
        b->ev = v;
        b->capev = cap;
    }
    batch_event be = { .ev = *ev };
    be.ev.role = be.ev.subject = be.ev.field = be.ev.attrs = NULL;
    be.ev.text.vi = be.ev.text.en = NULL;
    sbuf js = SBUF_INIT;
    event_to_json(ev, &js);
    bool ok = !js.oom;
    be.json = sb_take(&js);
    char *role, *subject, *field, *attrs;
    ok = dup_ok(ev->role, &role) & dup_ok(ev->subject, &subject) & dup_ok(ev->field, &field) &
         dup_ok(ev->attrs, &attrs) & ok & (be.json != NULL);
    be.ev.role = role;
    be.ev.subject = subject;
    be.ev.field = field;
    be.ev.attrs = attrs;
    if (!ok || text_copy(&be.ev.text, &ev->text) < 0) {
        free_event(&be);
        goto oom;
    }
    b->ev[b->nev++] = be;
    return STORE_OK;
oom:
    b->oom = true;
    return STORE_ENOMEM;
}

static void sink_emit(void *ctx, const event *ev) { store_batch_event(ctx, ev); }

event_sink store_batch_sink(store_batch *b)
{
    event_sink k = { sink_emit, b };
    return k;
}

int store_batch_score(store_batch *b, const engine_score_entry *se)
{
    if (++b->scores_seen <= b->skip_scores)
        return STORE_OK;
    if (b->nsc == b->capsc) {
        int cap = b->capsc ? b->capsc * 2 : 16;
        engine_score_entry *v = realloc(b->sc, sizeof *v * (size_t)cap);
        if (!v)
            goto oom;
        b->sc = v;
        b->capsc = cap;
    }
    engine_score_entry c = *se;
    char *kind, *id;
    bool ok = dup_ok(se->kind ? se->kind : "award", &kind) & dup_ok(se->id ? se->id : "", &id);
    c.kind = kind;
    c.id = id;
    c.reason.vi = c.reason.en = NULL;
    if (!ok || text_copy(&c.reason, &se->reason) < 0) {
        free(kind);
        free(id);
        goto oom;
    }
    b->sc[b->nsc++] = c;
    return STORE_OK;
oom:
    b->oom = true;
    return STORE_ENOMEM;
}

int store_batch_progress(store_batch *b, const store_progress *p)
{
    free_progress(b);
    b->has_progress = true;
    b->turn = p->turn;
    b->score = p->score;
    b->max_score = p->max_score;
    b->over = p->over;
    if (!dup_ok(p->over ? p->outcome : NULL, &b->outcome))
        goto oom;
    if (p->nmetrics > 0) {
        b->metrics = calloc((size_t)p->nmetrics, sizeof *b->metrics);
        if (!b->metrics)
            goto oom;
        for (int i = 0; i < p->nmetrics; i++, b->nmetrics++) {
            b->metrics[i].value = p->metrics[i].value;
            b->metrics[i].name = xstrdup(p->metrics[i].name ? p->metrics[i].name : "");
            if (!b->metrics[i].name)
                goto oom;
        }
    }
    return STORE_OK;
oom:
    b->oom = true;
    return STORE_ENOMEM;
}

void store_batch_skip(store_batch *b, uint32_t last_event, int nscores)
{
    b->skip_event = last_event;
    b->skip_scores = nscores;
}

int store_batch_pending(const store_batch *b) { return b->nev + b->nsc; }

/* The batch owns its strings until it is cleared, which is after the
 * statement was reset: SQLite may use them in place instead of copying
 * each one (events are most of what a session writes). */
static int bind_borrowed(sqlite3_stmt *st, int i, const char *v)
{
    return v ? sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC) : sqlite3_bind_null(st, i);
}

static int write_events(store *s, int64_t session, store_batch *b)
{
    sqlite3_stmt *st = store_stmt(s, ST_EVENT_INSERT);
    if (!st)
        return STORE_ERROR;
    for (int i = 0; i < b->nev; i++) {
        const event *ev = &b->ev[i].ev;
        sqlite3_bind_int64(st, 1, session);
        sqlite3_bind_int64(st, 2, ev->seq);
        sqlite3_bind_int(st, 3, ev->turn);
        sqlite3_bind_int(st, 4, ev->minute);
        bind_borrowed(st, 5, ev->vis == EV_TRUTH ? "truth" : "team");
        bind_borrowed(st, 6, (unsigned)ev->kind < EVK_COUNT ? ev_kind_names[ev->kind] : "?");
        bind_borrowed(st, 7, ev->role);
        bind_borrowed(st, 8, ev->subject);
        bind_borrowed(st, 9, ev->field);
        sqlite3_bind_int64(st, 10, ev->value);
        bind_borrowed(st, 11, ev->attrs && *ev->attrs ? ev->attrs : NULL);
        bind_borrowed(st, 12, ev->text.vi);
        bind_borrowed(st, 13, ev->text.en);
        bind_borrowed(st, 14, b->ev[i].json);
        int rc = sqlite3_step(st);
        store_stmt_done(st);
        if (rc != SQLITE_DONE)
            return store_sqlfail(s, rc, "cannot record the session's events");
    }
    return STORE_OK;
}

static int write_scores(store *s, int64_t session, store_batch *b)
{
    if (b->nsc == 0)
        return STORE_OK;
    sqlite3_stmt *st = store_stmt(s, ST_SCORE_NEXT);
    if (!st)
        return STORE_ERROR;
    sqlite3_bind_int64(st, 1, session);
    int rc = sqlite3_step(st);
    int pos = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    store_stmt_done(st);
    if (rc != SQLITE_ROW)
        return store_sqlfail(s, rc, "cannot record the score");
    if (!(st = store_stmt(s, ST_SCORE_INSERT)))
        return STORE_ERROR;
    for (int i = 0; i < b->nsc; i++, pos++) {
        const engine_score_entry *se = &b->sc[i];
        sqlite3_bind_int64(st, 1, session);
        sqlite3_bind_int(st, 2, pos);
        store_bind_text(st, 3, se->kind, -1);
        store_bind_text(st, 4, se->id, -1);
        sqlite3_bind_int(st, 5, se->points);
        sqlite3_bind_int(st, 6, se->turn);
        sqlite3_bind_int(st, 7, se->minute);
        store_bind_text(st, 8, se->reason.vi, -1);
        store_bind_text(st, 9, se->reason.en, -1);
        rc = sqlite3_step(st);
        store_stmt_done(st);
        if (rc != SQLITE_DONE)
            return store_sqlfail(s, rc, "cannot record the score");
    }
    return STORE_OK;
}

static int write_progress(store *s, int64_t session, store_batch *b)
{
    if (!b->has_progress)
        return STORE_OK;
    /* A session that ends takes no more inputs: the next append must see
     * its status again, so the group's kept head goes to the row now. */
    if (b->over && s->gh_session == session) {
        int rc = session_head_flush(s);
        if (rc != STORE_OK)
            return rc;
    }
    sqlite3_stmt *st = store_stmt(s, b->over ? ST_SESS_FINISH : ST_SESS_UPDATE);
    if (!st)
        return STORE_ERROR;
    sqlite3_bind_int64(st, 1, session);
    sqlite3_bind_int(st, 2, b->turn);
    sqlite3_bind_int(st, 3, b->score);
    sqlite3_bind_int(st, 4, b->max_score);
    if (b->over) {
        char now[32];
        store_now(now);
        store_bind_text(st, 6, b->outcome, -1);
        store_bind_text(st, 7, now, -1);
    }
    int rc = sqlite3_step(st);
    store_stmt_done(st);
    if (rc != SQLITE_DONE)
        return store_sqlfail(s, rc, "cannot update the session");
    if (b->nmetrics == 0)
        return STORE_OK;
    if (!(st = store_stmt(s, ST_METRIC_DELETE)))
        return STORE_ERROR;
    sqlite3_bind_int64(st, 1, session);
    rc = sqlite3_step(st);
    store_stmt_done(st);
    if (rc != SQLITE_DONE)
        return store_sqlfail(s, rc, "cannot record the metrics");
    if (!(st = store_stmt(s, ST_METRIC_INSERT)))
        return STORE_ERROR;
    for (int i = 0; i < b->nmetrics; i++) {
        sqlite3_bind_int64(st, 1, session);
        store_bind_text(st, 2, b->metrics[i].name, -1);
        sqlite3_bind_int64(st, 3, b->metrics[i].value);
        rc = sqlite3_step(st);
        store_stmt_done(st);
        if (rc != SQLITE_DONE)
            return store_sqlfail(s, rc, "cannot record the metrics");
    }
    return STORE_OK;
}

/* Inside a transaction: everything the batch holds. */
static int batch_write(store *s, int64_t session, store_batch *b)
{
    if (b->oom)
        return store_fail(s, STORE_ENOMEM, "out of memory while recording session %" PRId64
                          "'s events", session);
    int rc = write_events(s, session, b);
    if (rc == STORE_OK)
        rc = write_scores(s, session, b);
    if (rc == STORE_OK)
        rc = write_progress(s, session, b);
    return rc;
}

int store_batch_commit(store *s, int64_t session, store_batch *b)
{
    if (!b->nev && !b->nsc && !b->has_progress && !b->oom)
        return STORE_OK;
    int rc = store_begin(s, "cannot record the session's events");
    if (rc != STORE_OK)
        return rc;
    rc = batch_write(s, session, b);
    if (rc == STORE_OK)
        rc = store_commit(s, "cannot record the session's events");
    else
        store_rollback(s);
    if (rc == STORE_OK)
        batch_clear(b);
    return rc;
}

/* ---- inputs ---------------------------------------------------------------- */

/* Inside a transaction: the next sequence number and the hash it chains to. */
static int chain_head(store *s, int64_t session, int *seq, char prev[65])
{
    sqlite3_stmt *st = store_stmt(s, ST_SESS_HEAD);
    if (!st)
        return STORE_ERROR;
    sqlite3_bind_int64(st, 1, session);
    int rc = sqlite3_step(st), code = STORE_OK;
    if (rc == SQLITE_DONE) {
        code = store_fail(s, STORE_ENOTFOUND, "no session %" PRId64, session);
    } else if (rc != SQLITE_ROW) {
        code = store_sqlfail(s, rc, "cannot read the session");
    } else {
        const char *status = (const char *)sqlite3_column_text(st, 0);
        const char *genesis = (const char *)sqlite3_column_text(st, 1);
        const char *head = (const char *)sqlite3_column_text(st, 3);
        int n = sqlite3_column_int(st, 2);
        if (!status || strcmp(status, "active") != 0) {
            code = store_fail(s, STORE_EARG, "session %" PRId64 " is %s: it takes no more "
                              "inputs", session, status ? status : "?");
        } else {
            *seq = n + 1;
            snprintf(prev, 65, "%s", n > 0 ? (head ? head : "") : (genesis ? genesis : ""));
        }
    }
    store_stmt_done(st);
    return code;
}

/* The session row remembers the head of its chain, so that deleting the
 * last inputs shows too. */
static int head_set(store *s, int64_t session, int seq, const char *hash)
{
    sqlite3_stmt *st = store_stmt(s, ST_SESS_HEAD_SET);
    if (!st)
        return STORE_ERROR;
    sqlite3_bind_int64(st, 1, session);
    sqlite3_bind_int(st, 2, seq);
    store_bind_text(st, 3, hash, -1);
    int src = sqlite3_step(st);
    store_stmt_done(st);
    return src == SQLITE_DONE ? STORE_OK : store_sqlfail(s, src, "cannot record the input");
}

int session_head_flush(store *s)
{
    int rc = STORE_OK;
    if (s->gh_session && s->gh_dirty)
        rc = head_set(s, s->gh_session, s->gh_seq, s->gh_hash);
    s->gh_session = 0;
    s->gh_dirty = false;
    return rc;
}

int store_input_append(store *s, int64_t session, const char *line, store_batch *b, int *seqp)
{
    if (!clean_str(line, STORE_LINE_MAX) || !*line)
        return store_fail(s, STORE_EARG, "an input must be one non-empty line of valid UTF-8 "
                          "without control characters, at most %d bytes", STORE_LINE_MAX);
    char prev[65], hash[65], now[32];
    int seq = 0;
    store_now(now);
    int rc = store_begin(s, "cannot record the input");
    if (rc != STORE_OK)
        return rc;
    if (b)
        rc = batch_write(s, session, b);
    /* A group keeps the head of the session it appends to (store_int.h). */
    if (rc == STORE_OK && s->gh_session && s->gh_session != session)
        rc = session_head_flush(s);
    if (rc == STORE_OK && s->gh_session == session) {
        seq = s->gh_seq + 1;
        memcpy(prev, s->gh_hash, sizeof s->gh_hash);
    } else if (rc == STORE_OK) {
        rc = chain_head(s, session, &seq, prev);
    }
    if (rc == STORE_OK) {
        store_chain_hash(prev, seq, line, hash);
        sqlite3_stmt *st = store_stmt(s, ST_INPUT_INSERT);
        if (!st) {
            rc = STORE_ERROR;
        } else {
            sqlite3_bind_int64(st, 1, session);
            sqlite3_bind_int(st, 2, seq);
            store_bind_text(st, 3, line, -1);
            store_bind_text(st, 4, hash, -1);
            store_bind_text(st, 5, now, -1);
            int src = sqlite3_step(st);
            store_stmt_done(st);
            if (src != SQLITE_DONE)
                rc = store_sqlfail(s, src, "cannot record the input");
        }
    }
    if (rc == STORE_OK && s->group > 0) {
        s->gh_session = session;
        s->gh_seq = seq;
        memcpy(s->gh_hash, hash, sizeof s->gh_hash);
        s->gh_dirty = true;
    } else if (rc == STORE_OK) {
        rc = head_set(s, session, seq, hash);
    }
    if (rc != STORE_OK) {
        store_rollback(s);
        return rc;
    }
    if ((rc = store_commit(s, "cannot record the input")) != STORE_OK)
        return rc;
    if (b)
        batch_clear(b);
    if (seqp)
        *seqp = seq;
    return STORE_OK;
}
