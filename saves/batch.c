/*
 * batch.c - the consequences of inputs on their way to the database: the
 * events, score lines and session row a store_batch collects from the
 * engine, and their writing inside a transaction (with the next input, or
 * on their own: store_batch_commit). See store.h for what is durable when.
 *
 * Saving must cost little beside the engine (quality.md: a saved run at
 * least 1/3 the speed of an unsaved one), and events are most of what a
 * session writes (about five per input). So each event is encoded once,
 * when the engine emits it, into the batch's event block (evblock.c), and
 * the block is written as one row: a row per event cost more than the
 * engine itself. Score lines and metrics are few; their strings go to an
 * arena the batch reuses from commit to commit.
 */
#include "saves/store_int.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* ---- the arena ------------------------------------------------------------ */

/* Blocks never move, so pointers into them stay valid until the batch is
 * cleared; clearing keeps the blocks for the next batch. */
typedef struct arena_block {
    struct arena_block *next;
    size_t used, cap;
    char data[];
} arena_block;

#define ARENA_BLOCK 65536

typedef struct arena {
    arena_block *head;    /* the block being filled; full ones follow */
    arena_block *spare;   /* emptied blocks, reused before new ones */
} arena;

static char *arena_alloc(arena *a, size_t n)
{
    arena_block *b = a->head;
    if (!b || b->cap - b->used < n) {
        if (a->spare && a->spare->cap >= n) {
            b = a->spare;
            a->spare = b->next;
        } else {
            size_t cap = n > ARENA_BLOCK ? n : ARENA_BLOCK;
            if (!(b = malloc(sizeof *b + cap)))
                return NULL;
            b->cap = cap;
        }
        b->used = 0;
        b->next = a->head;
        a->head = b;
    }
    char *p = b->data + b->used;
    b->used += n;
    return p;
}

/* A copy of s in the arena (NULL stays NULL); false when out of memory. */
static bool arena_dup(arena *a, const char *s, const char **out)
{
    *out = NULL;
    if (!s)
        return true;
    size_t n = strlen(s) + 1;
    char *p = arena_alloc(a, n);
    if (!p)
        return false;
    memcpy(p, s, n);
    *out = p;
    return true;
}

static void arena_reset(arena *a)
{
    while (a->head) {
        arena_block *b = a->head;
        a->head = b->next;
        b->next = a->spare;
        a->spare = b;
    }
}

static void arena_free(arena *a)
{
    arena_reset(a);
    while (a->spare) {
        arena_block *b = a->spare;
        a->spare = b->next;
        free(b);
    }
}

/* ---- the batch ------------------------------------------------------------ */

struct store_batch {
    sbuf block;           /* the events so far, as an event block */
    uint32_t first, last; /* their sequence numbers */
    int nev;
    engine_score_entry *sc; int nsc, capsc;   /* strings in mem */
    arena mem;
    bool has_progress;
    int turn, score, max_score;
    bool over;
    const char *outcome;                /* in mem */
    store_metric *metrics; int nmetrics, capmetrics;   /* names in mem */
    uint32_t skip_event;
    int skip_scores, scores_seen;
    bool oom;             /* something could not be copied: refuse to commit */
};

store_batch *store_batch_new(void) { return calloc(1, sizeof(store_batch)); }

/* Empty the batch after a commit; the skip marks and counters stay, and
 * so does the memory, for the next batch. */
void batch_clear(store_batch *b)
{
    sb_reset(&b->block);
    b->nev = b->nsc = b->nmetrics = 0;
    b->first = b->last = 0;
    b->has_progress = false;
    b->outcome = NULL;
    arena_reset(&b->mem);
}

void store_batch_free(store_batch *b)
{
    if (!b)
        return;
    sb_free(&b->block);
    arena_free(&b->mem);
    free(b->sc);
    free(b->metrics);
    free(b);
}

/* Room for one more element in an array of size sz. */
static bool grow(void **v, int n, int *cap, size_t sz, int first)
{
    if (n < *cap)
        return true;
    int nc = *cap ? *cap * 2 : first;
    void *nv = realloc(*v, sz * (size_t)nc);
    if (!nv)
        return false;
    *v = nv;
    *cap = nc;
    return true;
}

int store_batch_event(store_batch *b, const event *ev)
{
    if (ev->seq <= b->skip_event)
        return STORE_OK;
    /* Events come in order; one out of order would make a block that does
     * not read back as the stream it came from. */
    if (b->nev && ev->seq != b->last + 1) {
        b->oom = true;
        return STORE_EARG;
    }
    evblock_put(&b->block, ev);
    if (b->block.oom) {
        b->oom = true;
        return STORE_ENOMEM;
    }
    if (!b->nev++)
        b->first = ev->seq;
    b->last = ev->seq;
    return STORE_OK;
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
    if (!grow((void **)&b->sc, b->nsc, &b->capsc, sizeof *b->sc, 16))
        goto oom;
    engine_score_entry *c = &b->sc[b->nsc];
    *c = *se;
    const char *vi, *en;
    if (!arena_dup(&b->mem, se->kind ? se->kind : "award", &c->kind) ||
        !arena_dup(&b->mem, se->id ? se->id : "", &c->id) ||
        !arena_dup(&b->mem, se->reason.vi, &vi) || !arena_dup(&b->mem, se->reason.en, &en))
        goto oom;
    c->reason.vi = (char *)vi;
    c->reason.en = (char *)en;
    b->nsc++;
    return STORE_OK;
oom:
    b->oom = true;
    return STORE_ENOMEM;
}

int store_batch_progress(store_batch *b, const store_progress *p)
{
    /* A later progress replaces an earlier one; what the earlier one put
     * in the arena stays there until the batch is cleared. */
    b->has_progress = true;
    b->turn = p->turn;
    b->score = p->score;
    b->max_score = p->max_score;
    b->over = p->over;
    b->nmetrics = 0;
    if (!arena_dup(&b->mem, p->over ? p->outcome : NULL, &b->outcome))
        goto oom;
    for (int i = 0; i < p->nmetrics; i++, b->nmetrics++) {
        if (!grow((void **)&b->metrics, b->nmetrics, &b->capmetrics, sizeof *b->metrics, 32))
            goto oom;
        b->metrics[i].value = p->metrics[i].value;
        if (!arena_dup(&b->mem, p->metrics[i].name ? p->metrics[i].name : "",
                       &b->metrics[i].name))
            goto oom;
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

/* ---- writing ----------------------------------------------------------------- */

/* The batch owns its strings until it is cleared, which is after the
 * statement was reset: SQLite may use them in place instead of copying
 * each one. */
static void bind_borrowed(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

static int write_events(store *s, int64_t session, store_batch *b)
{
    if (b->nev == 0)
        return STORE_OK;
    sqlite3_stmt *st = store_stmt(s, ST_BLOCK_INSERT);
    if (!st)
        return STORE_ERROR;
    sb_putc(&b->block, ']');
    if (b->block.oom || b->block.len > INT32_MAX) {
        b->block.len--;
        return store_fail(s, STORE_ENOMEM, "out of memory while recording session %" PRId64
                          "'s events", session);
    }
    sqlite3_bind_int64(st, 1, session);
    sqlite3_bind_int64(st, 2, b->first);
    sqlite3_bind_int64(st, 3, b->last);
    sqlite3_bind_text(st, 4, b->block.buf, (int)b->block.len, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    store_stmt_done(st);
    b->block.len--;   /* the batch stays as it was until it is cleared */
    b->block.buf[b->block.len] = '\0';
    if (rc != SQLITE_DONE)
        return store_sqlfail(s, rc, "cannot record the session's events");
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
        bind_borrowed(st, 3, se->kind);
        bind_borrowed(st, 4, se->id);
        sqlite3_bind_int(st, 5, se->points);
        sqlite3_bind_int(st, 6, se->turn);
        sqlite3_bind_int(st, 7, se->minute);
        bind_borrowed(st, 8, se->reason.vi);
        bind_borrowed(st, 9, se->reason.en);
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
        bind_borrowed(st, 2, b->metrics[i].name);
        sqlite3_bind_int64(st, 3, b->metrics[i].value);
        rc = sqlite3_step(st);
        store_stmt_done(st);
        if (rc != SQLITE_DONE)
            return store_sqlfail(s, rc, "cannot record the metrics");
    }
    return STORE_OK;
}

int batch_write(store *s, int64_t session, store_batch *b)
{
    if (b->oom)
        return store_fail(s, STORE_ENOMEM, "out of memory (or events out of order) while "
                          "recording session %" PRId64 "'s events", session);
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
