/*
 * verify.c - the tamper-evident chain over a session's inputs, and the
 * comparison of recorded consequences with a replay (product.md §9).
 *
 * The store cannot replay (it knows no Lua); the caller replays the
 * inputs through a fresh engine and hands the result to
 * store_verify_compare. What needs no replay is store_verify_chain.
 */
#include "saves/store_int.h"
#include "engine/sha256.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void store_genesis(const char *scenario_hash, uint64_t seed, const char *mode, bool hints,
                   const store_participant *parts, int nparts, char out[65])
{
    sha256_ctx c;
    unsigned char d[SHA256_DIGEST_LEN];
    char num[32];
    sha256_init(&c);
    sha256_update(&c, "irdrill-session-v1\nscenario ", 28);
    sha256_update(&c, scenario_hash, strlen(scenario_hash));
    snprintf(num, sizeof num, "\nseed %" PRIu64 "\nmode ", seed);
    sha256_update(&c, num, strlen(num));
    sha256_update(&c, mode, strlen(mode));
    sha256_update(&c, hints ? "\nhints 1\n" : "\nhints 0\n", 9);
    for (int i = 0; i < nparts; i++) {
        sha256_update(&c, "participant ", 12);
        sha256_update(&c, parts[i].name, strlen(parts[i].name));
        sha256_update(&c, "\t", 1);
        sha256_update(&c, parts[i].roles, strlen(parts[i].roles));
        sha256_update(&c, "\n", 1);
    }
    sha256_final(&c, d);
    sha256_to_hex(d, out);
}

static void put_line(sha256_ctx *c, const char *key, const char *v)
{
    sha256_update(c, key, strlen(key));
    sha256_update(c, " ", 1);
    sha256_update(c, v ? v : "", v ? strlen(v) : 0);
    sha256_update(c, "\n", 1);
}

void store_session_genesis(const store_session *ss, char out[65])
{
    if (ss->chain != 2) {
        store_genesis(ss->scenario_hash, ss->seed, ss->mode ? ss->mode : "", ss->hints,
                      ss->parts, ss->nparts, out);
        return;
    }
    sha256_ctx c;
    unsigned char d[SHA256_DIGEST_LEN];
    char num[32];
    sha256_init(&c);
    sha256_update(&c, "irdrill-session-v2\n", 19);
    put_line(&c, "scenario", ss->scenario_hash);
    put_line(&c, "stdlib", ss->stdlib_hash);
    snprintf(num, sizeof num, "%" PRIu64, ss->seed);
    put_line(&c, "seed", num);
    put_line(&c, "mode", ss->mode);
    put_line(&c, "hints", ss->hints ? "1" : "0");
    put_line(&c, "team", ss->team);
    put_line(&c, "lang", ss->lang);
    put_line(&c, "started", ss->started);
    snprintf(num, sizeof num, "%d", ss->timer);
    put_line(&c, "timer", num);
    snprintf(num, sizeof num, "%" PRId64, ss->parent);
    put_line(&c, "parent", num);
    snprintf(num, sizeof num, "%d", ss->fork_seq);
    put_line(&c, "fork_seq", num);
    for (int i = 0; i < ss->nparts; i++) {
        sha256_update(&c, "participant ", 12);
        sha256_update(&c, ss->parts[i].name, strlen(ss->parts[i].name));
        sha256_update(&c, "\t", 1);
        sha256_update(&c, ss->parts[i].roles, strlen(ss->parts[i].roles));
        sha256_update(&c, "\n", 1);
    }
    sha256_final(&c, d);
    sha256_to_hex(d, out);
}

void store_chain_hash(const char *prev, int seq, const char *line, char out[65])
{
    sha256_ctx c;
    unsigned char d[SHA256_DIGEST_LEN];
    char num[24];
    sha256_init(&c);
    sha256_update(&c, prev, strlen(prev));
    snprintf(num, sizeof num, "\n%d\n", seq);
    sha256_update(&c, num, strlen(num));
    sha256_update(&c, line, strlen(line));
    sha256_final(&c, d);
    sha256_to_hex(d, out);
}

/* One discrepancy line. Strings from the database are sanitised: verify's
 * output goes to a terminal. */
static void problem(sbuf *p, int64_t id, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void problem(sbuf *p, int64_t id, const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    char *clean = text_sanitize(msg, NULL);
    sb_printf(p, "session %" PRId64 ": %s\n", id, clean ? clean : "(out of memory)");
    free(clean);
}

int store_verify_chain(const store_loaded *l, sbuf *problems)
{
    const store_session *ss = &l->sess;
    int n = 0;
    char h[65];

    sha256_hex(l->source ? l->source : "", l->source ? l->source_len : 0, h);
    if (strcmp(h, ss->scenario_hash) != 0) {
        problem(problems, ss->id, "the stored scenario source does not match its hash %.12s "
                "(it hashes to %.12s)", ss->scenario_hash, h);
        n++;
    }
    if (l->stdlib) {
        sha256_hex(l->stdlib, l->stdlib_len, h);
        if (strcmp(h, ss->stdlib_hash) != 0) {
            problem(problems, ss->id, "the stored standard library does not match its hash "
                    "%.12s (it hashes to %.12s)", ss->stdlib_hash, h);
            n++;
        }
    } else if (ss->stdlib_hash[0]) {
        problem(problems, ss->id, "the standard library %.12s the session was played with is "
                "not stored", ss->stdlib_hash);
        n++;
    }
    if (ss->chain != 1 && ss->chain != 2) {
        problem(problems, ss->id, "unknown chain version %d", ss->chain);
        n++;
    } else {
        store_session_genesis(ss, h);
        if (strcmp(h, ss->genesis) != 0) {
            problem(problems, ss->id, ss->chain == 2
                    ? "the session's header (scenario, standard library, seed, mode, hints, team, "
                      "language, start, timer, fork or participants) was changed after it began"
                    : "the session's header (scenario, seed, mode, hints or participants) was "
                      "changed after it began");
            n++;
        }
    }
    /* Each input must chain to the one before it as recorded: the first
     * break is reported where it is, and the chain continues from the
     * recorded hash so that one edit gives one or two lines, not hundreds. */
    const char *prev = ss->genesis;
    for (int i = 0; i < l->ninputs; i++) {
        const store_input *in = &l->inputs[i];
        if (in->seq != i + 1) {
            problem(problems, ss->id, "input %d is missing or out of place (found input %d "
                    "in position %d)", i + 1, in->seq, i + 1);
            n++;
        }
        store_chain_hash(prev, in->seq, in->line ? in->line : "", h);
        if (strcmp(h, in->hash) != 0) {
            problem(problems, ss->id, "input %d ('%s') breaks the hash chain: edited, "
                    "inserted, reordered, or one before it deleted", in->seq,
                    in->line ? in->line : "");
            n++;
        }
        prev = in->hash;
    }
    const char *last = l->ninputs ? l->inputs[l->ninputs - 1].hash : "";
    if (ss->ninputs != l->ninputs || strcmp(ss->head, last) != 0) {
        problem(problems, ss->id, "the session's chain head says %d input(s) ending in %.12s, "
                "but %d are recorded ending in %.12s: inputs were deleted or added",
                ss->ninputs, ss->head, l->ninputs, last);
        n++;
    }
    if (l->damaged) {
        problem(problems, ss->id, "%s%s", l->damage,
                l->damaged > 1 ? " (and other blocks too)" : "");
        n++;
    }
    for (int i = 0; i < l->nevents; i++) {
        if (l->events[i].ev.seq != (uint32_t)i + 1) {
            problem(problems, ss->id, "recorded event %d is missing (found event %u in its "
                    "place)", i + 1, (unsigned)l->events[i].ev.seq);
            n++;
            break;
        }
    }
    long sum = 0;
    for (int i = 0; i < l->nscores; i++)
        sum += l->scores[i].points;
    if (sum != ss->score) {
        problem(problems, ss->id, "the recorded score %d is not the sum of its score lines "
                "(%ld)", ss->score, sum);
        n++;
    }
    return problems->oom ? STORE_ENOMEM : n;
}

static bool text_eq(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

static bool score_eq(const engine_score_entry *a, const engine_score_entry *b)
{
    return a->points == b->points && a->turn == b->turn && a->minute == b->minute &&
           text_eq(a->kind, b->kind) && text_eq(a->id, b->id) &&
           text_eq(a->reason.vi, b->reason.vi) && text_eq(a->reason.en, b->reason.en);
}

/* A score line as a discrepancy shows it: kind, id, points, turn, and
 * the minute and reason when they are what differs. */
static void score_desc(sbuf *o, const engine_score_entry *e, const engine_score_entry *other)
{
    sb_printf(o, "%s %s %+d at turn %d", e->kind ? e->kind : "", e->id ? e->id : "", e->points,
              e->turn);
    if (e->minute != other->minute)
        sb_printf(o, " minute %d", e->minute);
    if (!text_eq(e->reason.en, other->reason.en) || !text_eq(e->reason.vi, other->reason.vi)) {
        sb_puts(o, " reason '");
        /* the language that differs; English when both do */
        sb_printf(o, "%.120s'", !text_eq(e->reason.en, other->reason.en)
                                    ? (e->reason.en ? e->reason.en : "")
                                    : (e->reason.vi ? e->reason.vi : ""));
    }
}

static const store_metric *metric_find(const store_metric *v, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (v[i].name && strcmp(v[i].name, name) == 0)
            return &v[i];
    return NULL;
}

void store_event_json(const store_event *e, sbuf *out)
{
    if (e->kind_ok) {
        event_to_json(&e->ev, out);
        return;
    }
    sb_puts(out, "{\"unknown kind\":");
    sb_json_str(out, e->kind_name ? e->kind_name : "");
    sb_printf(out, ",\"seq\":%u}", (unsigned)e->ev.seq);
}

/* The n-th line of a '\n'-separated buffer: start and length. */
static size_t next_line(const char **p, const char **start)
{
    *start = *p;
    const char *nl = strchr(*p, '\n');
    size_t len = nl ? (size_t)(nl - *p) : strlen(*p);
    *p += len + (nl ? 1 : 0);
    return len;
}

int store_verify_compare(const store_loaded *l, const store_replay *r, sbuf *problems)
{
    const store_session *ss = &l->sess;
    int n = 0, shown = 0;
    /* A session that did not finish may lack the consequences of its last
     * input (they are written with the next one); a finished one must be
     * complete. */
    bool finished = ss->status && strcmp(ss->status, "finished") == 0;
#define REPORT(...) do { if (shown++ < STORE_VERIFY_MAX_LINES) problem(problems, ss->id, __VA_ARGS__); n++; } while (0)

    const char *p = r->events ? r->events : "";
    int nrep = 0;
    sbuf js = SBUF_INIT;
    while (*p) {
        const char *start;
        size_t len = next_line(&p, &start);
        if (len == 0)
            continue;
        if (nrep < l->nevents) {
            /* Every column of the recorded event is in its canonical line,
             * so a change to any of them shows here. */
            sb_reset(&js);
            store_event_json(&l->events[nrep], &js);
            const char *rec = sb_str(&js);
            if (js.len != len || memcmp(rec, start, len) != 0)
                REPORT("event %d differs: recorded %.200s, replay gives %.*s", nrep + 1, rec,
                       (int)(len > 200 ? 200 : len), start);
        }
        nrep++;
    }
    bool oom = js.oom;
    sb_free(&js);
    if (l->nevents > nrep)
        REPORT("%d recorded event(s) from event %d on do not happen in the replay",
               l->nevents - nrep, nrep + 1);
    bool complete = nrep == l->nevents;
    if (nrep > l->nevents && finished)
        REPORT("the replay gives %d event(s) more than were recorded", nrep - l->nevents);

    int m = l->nscores < r->nscores ? l->nscores : r->nscores;
    sbuf a = SBUF_INIT, b = SBUF_INIT;
    for (int i = 0; i < m; i++) {
        if (score_eq(&l->scores[i], &r->scores[i]))
            continue;
        sb_reset(&a);
        sb_reset(&b);
        score_desc(&a, &l->scores[i], &r->scores[i]);
        score_desc(&b, &r->scores[i], &l->scores[i]);
        REPORT("score line %d differs: recorded %s, replay gives %s", i + 1, sb_str(&a),
               sb_str(&b));
    }
    oom = oom || a.oom || b.oom;
    sb_free(&a);
    sb_free(&b);
    if (l->nscores > r->nscores)
        REPORT("%d recorded score line(s) do not happen in the replay", l->nscores - r->nscores);
    if (r->nscores > l->nscores && (finished || complete))
        REPORT("the replay gives %d score line(s) more than were recorded",
               r->nscores - l->nscores);

    if (finished || complete) {
        if (ss->score != r->score)
            REPORT("recorded score %d, replay gives %d", ss->score, r->score);
        if (ss->max_score != r->max_score)
            REPORT("recorded maximum score %d, replay gives %d", ss->max_score, r->max_score);
        /* The metrics are written with the session row whenever the record
         * is complete (drill.c): each must be what the replay computes. */
        for (int i = 0; i < r->nmetrics; i++) {
            const store_metric *rec = metric_find(l->metrics, l->nmetrics, r->metrics[i].name);
            if (!rec)
                REPORT("metric %s is not recorded (replay gives %" PRId64 ")",
                       r->metrics[i].name, r->metrics[i].value);
            else if (rec->value != r->metrics[i].value)
                REPORT("recorded metric %s = %" PRId64 ", replay gives %" PRId64,
                       r->metrics[i].name, rec->value, r->metrics[i].value);
        }
        for (int i = 0; i < l->nmetrics; i++)
            if (!metric_find(r->metrics, r->nmetrics, l->metrics[i].name))
                REPORT("recorded metric %s = %" PRId64 " is not one the replay computes",
                       l->metrics[i].name, l->metrics[i].value);
        if (ss->turn != r->turn)
            REPORT("recorded turn %d, replay reaches turn %d", ss->turn, r->turn);
        if (finished != r->over)
            REPORT("recorded as %s, but the replay %s", ss->status ? ss->status : "?",
                   r->over ? "ends" : "does not end");
    }
    if (finished && r->over && !text_eq(ss->outcome, r->outcome))
        REPORT("recorded outcome '%s', replay gives '%s'", ss->outcome ? ss->outcome : "",
               r->outcome ? r->outcome : "");
    if (shown > STORE_VERIFY_MAX_LINES)
        problem(problems, ss->id, "... and %d more", shown - STORE_VERIFY_MAX_LINES);
#undef REPORT
    return problems->oom || oom ? STORE_ENOMEM : n;
}
