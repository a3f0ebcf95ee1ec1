/*
 * session.c - writing: new sessions and their status, and inputs (the
 * hash chain). The consequences of inputs are batch.c's. See store.h for
 * what is durable when.
 */
#include "saves/store_int.h"
#include "engine/sha256.h"

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

static int insert_session(store *s, const store_session_new *n, const store_session *hdr,
                          int64_t *id)
{
    const scen *sc = n->sc;
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
    store_bind_text(st, 8, hdr->started, -1);
    int rc = sqlite3_step(st);
    store_stmt_done(st);
    if (rc != SQLITE_DONE)
        return store_sqlfail(s, rc, "cannot record the scenario");

    if (n->stdlib) {
        if (!(st = store_stmt(s, ST_LIB_INSERT)))
            return STORE_ERROR;
        store_bind_text(st, 1, hdr->stdlib_hash, -1);
        store_bind_text(st, 2, "stdlib.lua", -1);
        sqlite3_bind_text(st, 3, n->stdlib, (int)n->stdlib_len, SQLITE_STATIC);
        store_bind_text(st, 4, hdr->started, -1);
        rc = sqlite3_step(st);
        store_stmt_done(st);
        if (rc != SQLITE_DONE)
            return store_sqlfail(s, rc, "cannot record the standard library");
    }

    char seed[24];
    snprintf(seed, sizeof seed, "%" PRIu64, n->seed);
    if (!(st = store_stmt(s, ST_SESS_INSERT)))
        return STORE_ERROR;
    store_bind_text(st, 1, sc->hash, -1);
    store_bind_text(st, 2, sc->id, -1);
    store_bind_text(st, 3, seed, -1);
    store_bind_text(st, 4, hdr->mode, -1);
    sqlite3_bind_int(st, 5, n->hints ? 1 : 0);
    store_bind_text(st, 6, hdr->team, -1);
    store_bind_text(st, 7, hdr->lang, -1);
    store_bind_text(st, 8, hdr->started, -1);
    store_bind_text(st, 9, n->tool_version ? n->tool_version : "", -1);
    store_bind_text(st, 10, hdr->genesis, -1);
    if (n->parent > 0)
        sqlite3_bind_int64(st, 11, n->parent);
    else
        sqlite3_bind_null(st, 11);
    sqlite3_bind_int(st, 12, hdr->fork_seq);
    sqlite3_bind_int(st, 13, hdr->timer);
    sqlite3_bind_int(st, 14, hdr->max_score);
    store_bind_text(st, 15, n->stdlib ? hdr->stdlib_hash : NULL, -1);
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
    if (n->stdlib && !utf8_valid(n->stdlib, n->stdlib_len))
        return store_fail(s, STORE_EARG, "the standard library's source is not valid UTF-8");
    if (n->team && !clean_str(n->team, 200))
        return store_fail(s, STORE_EARG, "the team name must be valid UTF-8 without control "
                          "characters, at most 200 bytes");
    if (n->lang && strcmp(n->lang, "vi") != 0 && strcmp(n->lang, "en") != 0)
        return store_fail(s, STORE_EARG, "the language must be vi or en");
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
    /* The header as it will be recorded, and the genesis over it. */
    char now[32];
    store_now(now);
    store_session hdr;
    memset(&hdr, 0, sizeof hdr);
    memcpy(hdr.scenario_hash, sc->hash, 65);
    if (n->stdlib)
        sha256_hex(n->stdlib, n->stdlib_len, hdr.stdlib_hash);
    hdr.seed = n->seed;
    hdr.mode = n->mode == MODE_EXERCISE ? "exercise" : "training";
    hdr.hints = n->hints;
    hdr.team = (char *)(n->team ? n->team : "");
    hdr.lang = (char *)(n->lang ? n->lang : "en");
    hdr.started = now;
    hdr.timer = n->timer > 0 ? n->timer : 0;
    hdr.parent = n->parent > 0 ? n->parent : 0;
    hdr.fork_seq = n->fork_seq;
    hdr.parts = (store_participant *)n->parts;
    hdr.nparts = n->nparts;
    hdr.max_score = scen_max_score(sc);
    hdr.chain = 2;
    store_session_genesis(&hdr, hdr.genesis);
    int rc = store_begin(s, "cannot start a session");
    if (rc != STORE_OK)
        return rc;
    rc = insert_session(s, n, &hdr, id);
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
    char prev[65], hash[65];
    int seq = 0;
    const char *now = store_now_cached(s);
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
            /* line, hash and now outlive the step: no copies (SQLITE_STATIC) */
            sqlite3_bind_int64(st, 1, session);
            sqlite3_bind_int(st, 2, seq);
            sqlite3_bind_text(st, 3, line, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 4, hash, 64, SQLITE_STATIC);
            sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
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
