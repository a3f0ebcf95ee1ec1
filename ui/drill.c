/*
 * drill.c - one live session kept in step with its record (see drill.h).
 *
 * The order is what makes a session recoverable: an input is checked
 * against the engine, appended to the store (committed together with the
 * consequences of the inputs before it), and only then applied. What it
 * causes goes into a store_batch through the engine's sink and rides with
 * the next input, or is written by drill_sync (at the end of the session,
 * of the inputs, or when the caller asks). A crash therefore loses at most
 * the consequences of the last input, which a resume recomputes: the
 * engine is deterministic, so replaying the recorded inputs gives the same
 * events byte for byte, and store_batch_skip drops the ones already there.
 */
#include "ui/drill.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef IRDRILL_VERSION
#define IRDRILL_VERSION "0.0.0"
#endif

/* A group (drill_group_inputs) commits after this long or this many
 * inputs, whichever comes first: a short enough hold on the write lock for
 * other processes, and few fsyncs (an fsync costs as much as saving a few
 * hundred inputs: 1,000 turns of a scripted run fit in one or two groups).
 * Within a group, the consequences of its inputs are written as one event
 * block when the group closes, or when this many events are waiting. */
#define GROUP_MAX_INPUTS 4096
#define GROUP_MAX_NS 50000000LL
#define GROUP_MAX_EVENTS 256

struct drill {
    lhost *h;
    engine *e;
    store *st;            /* borrowed; NULL when not saving */
    int64_t session;
    store_batch *b;       /* consequences not yet written */
    event_sink user;      /* the caller's observer */
    bool replaying;
    bool broken;          /* the engine went ahead of the record: refuse inputs */
    bool grouped;
    bool synced;          /* everything is recorded: no input since drill_sync */
    int group_n;          /* inputs in the open group */
    int64_t group_t0;
    int scores_fed;       /* engine score lines handed to the batch so far */
    int prog_turn, prog_score;   /* the session row as last handed to the batch */
    int store_code;       /* of the last DRILL_ESTORE */
    sbuf canon;
    char err[1024];
};

static void set_err(drill *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_err(drill *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->err, sizeof d->err, fmt, ap);
    va_end(ap);
}

static int64_t mono_ns(void)
{
    struct timespec ts = { 0, 0 };
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* store.h: an unknown session or a refused argument is the user's doing;
 * everything else is the environment. */
static int exit_of(int store_code)
{
    return store_code == STORE_ENOTFOUND || store_code == STORE_EARG ? 1 : 2;
}

/* The engine's sink: every event goes to the record (when saving) and to
 * the caller's observer. */
static void drill_emit(void *ctx, const event *ev)
{
    drill *d = ctx;
    if (d->b)
        store_batch_event(d->b, ev);
    if (d->user.emit)
        d->user.emit(d->user.ctx, ev);
}

/* Score lines the engine added since the last call. A copy that fails
 * marks the batch, whose next commit then fails rather than record a gap. */
static void feed_scores(drill *d)
{
    int n = engine_score_count(d->e);
    for (; d->scores_fed < n; d->scores_fed++)
        if (d->b)
            store_batch_score(d->b, engine_score_at(d->e, d->scores_fed));
}

/* The metrics of docs/database.md from the engine's: *v and each name
 * malloc'd (drill_metrics_free), *n of them. STORE_OK or STORE_ENOMEM. */
static int build_metrics(engine *e, store_metric **out, int *nout)
{
    const scen *sc = engine_scen(e);
    const engine_metrics *m = engine_get_metrics(e);
    int n = 10 + sc->nassets + sc->nroles;
    store_metric *v = calloc((size_t)n, sizeof *v);
    *out = NULL;
    *nout = 0;
    if (!v)
        return STORE_ENOMEM;
    const struct { const char *name; int value; } fixed[10] = {
        { "detect_minute", m->detect_minute },
        { "first_compromise_minute", m->first_compromise_minute },
        { "contain_minute", m->contain_minute }, { "recover_minute", m->recover_minute },
        { "reports", m->reports }, { "reports_on_time", m->reports_on_time },
        { "false_positives", m->false_positives }, { "true_dismissed", m->true_dismissed },
        { "hints", m->hints }, { "hook_errors", m->hook_errors },
    };
    int k = 0;
    bool oom = false;
    for (int i = 0; i < 10; i++, k++) {
        v[k].name = xstrdup(fixed[i].name);
        v[k].value = fixed[i].value;
        oom |= !v[k].name;
    }
    for (int a = 0; a < sc->nassets; a++, k++) {
        sbuf nm = SBUF_INIT;
        sb_printf(&nm, "downtime.%s", sc->assets[a].id);
        oom |= !(v[k].name = sb_take(&nm));
        v[k].value = m->downtime[a];
    }
    for (int r = 0; r < sc->nroles; r++, k++) {
        sbuf nm = SBUF_INIT;
        sb_printf(&nm, "actions.%s", sc->roles[r].id);
        oom |= !(v[k].name = sb_take(&nm));
        v[k].value = m->actions_per_role[r];
    }
    if (oom) {
        drill_metrics_free(v, k);
        return STORE_ENOMEM;
    }
    *out = v;
    *nout = k;
    return STORE_OK;
}

void drill_metrics_free(store_metric *v, int n)
{
    for (int i = 0; v && i < n; i++)
        free((char *)v[i].name);
    free(v);
}

int drill_metrics(drill *d, store_metric **v, int *n) { return build_metrics(d->e, v, n); }

/* The session row as of now; with metrics, the metrics of docs/database.md
 * too (they replace the recorded ones, so they are written only when they
 * mean something: when the record is complete, at a sync or at the close
 * of a group, not after every input). */
static int set_progress(drill *d, bool with_metrics)
{
    d->prog_turn = engine_turn(d->e);
    d->prog_score = engine_score(d->e);
    store_progress p = {
        .turn = engine_turn(d->e), .score = engine_score(d->e),
        .max_score = engine_max_score(d->e), .over = engine_over(d->e),
        .outcome = engine_outcome(d->e),
    };
    if (!with_metrics)
        return store_batch_progress(d->b, &p);
    store_metric *v;
    int n, rc = build_metrics(d->e, &v, &n);
    if (rc != STORE_OK)
        return rc;
    p.metrics = v;
    p.nmetrics = n;
    rc = store_batch_progress(d->b, &p);
    drill_metrics_free(v, n);
    return rc;
}

static drill *drill_alloc(lhost *h, store *st, const event_sink *sink)
{
    drill *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->h = h;
    d->st = st;
    if (sink)
        d->user = *sink;
    if (st && !(d->b = store_batch_new())) {
        free(d);
        return NULL;
    }
    return d;
}

/* The engine on d's scenario, bound to its hooks, not yet started. */
static int drill_engine_new(drill *d, const engine_opts *eo)
{
    engine_hooks hooks = lhost_hooks(d->h);
    event_sink tee = { drill_emit, d };
    d->e = engine_new(lhost_scen(d->h), &hooks, &tee, eo);
    if (!d->e)
        return -1;
    lhost_bind(d->h, d->e);
    return 0;
}

/* "lead,soc" for a role bitmask of sc. */
static char *roles_string(const scen *sc, uint64_t roles)
{
    sbuf s = SBUF_INIT;
    for (int r = 0; r < sc->nroles && r < 64; r++) {
        if (!(roles >> r & 1))
            continue;
        if (s.len)
            sb_putc(&s, ',');
        sb_puts(&s, sc->roles[r].id);
    }
    if (!s.len)
        sb_puts(&s, "");
    return sb_take(&s);
}

static void parts_free(store_participant *p, int n)
{
    for (int i = 0; p && i < n; i++)
        free((char *)p[i].roles);
    free(p);
}

drill *drill_new(lhost *h, store *st, const drill_opts *o, const event_sink *sink,
                 char *err, size_t errlen, int *status)
{
    *status = 2;
    drill *d = h ? drill_alloc(h, st, sink) : NULL;
    if (!d) {
        snprintf(err, errlen, h ? "out of memory" : "no scenario");
        lhost_free(h);
        return NULL;
    }
    const scen *sc = lhost_scen(h);
    uint64_t all = sc->nroles >= 64 ? ~0ULL : (1ULL << sc->nroles) - 1;
    /* A headless session is one player holding every role; it is recorded
     * like any other so that a replay builds exactly the same engine. */
    engine_participant solo = { "solo", all };
    const engine_participant *ep = o->participants ? o->participants : &solo;
    int np = o->participants ? o->nparticipants : 1;
    engine_opts eo = { .seed = o->seed, .mode = o->mode, .hints = o->hints,
                       .participants = ep, .nparticipants = np };
    store_participant *sp = NULL;
    if (drill_engine_new(d, &eo) != 0) {
        snprintf(err, errlen, "%s: cannot start a session: out of memory (or a participant "
                 "without a role)", sc->path);
        goto fail;
    }
    if (st) {
        sp = calloc((size_t)np, sizeof *sp);
        for (int i = 0; sp && i < np; i++) {
            sp[i].name = ep[i].name ? ep[i].name : "player";
            if (!(sp[i].roles = roles_string(sc, ep[i].roles))) {
                parts_free(sp, i);
                sp = NULL;
            }
        }
        if (!sp) {
            snprintf(err, errlen, "out of memory");
            goto fail;
        }
        store_session_new n = {
            .sc = sc, .seed = o->seed, .mode = o->mode,
            /* "hints allowed", as the engine decides it */
            .hints = o->mode == MODE_TRAINING || o->hints,
            .team = o->team, .lang = lang_code(o->lang), .tool_version = IRDRILL_VERSION,
            .parts = sp, .nparts = np, .parent = o->parent, .fork_seq = o->fork_seq,
            .timer = o->timer,
        };
        /* The standard library is recorded with the session like the
         * scenario: a replay must run the one the session was played with. */
        lhost_stdlib(h, &n.stdlib, &n.stdlib_len);
        int rc = store_session_create(st, &n, &d->session);
        parts_free(sp, np);
        if (rc != STORE_OK) {
            snprintf(err, errlen, "%s", store_errmsg(st));
            *status = exit_of(rc);
            goto fail;
        }
    }
    /* The session's first events ride with its first input (or the next
     * drill_sync): the row above is what must exist before any input. */
    if (engine_start(d->e) != ENG_OK) {
        snprintf(err, errlen, "%s: cannot start a session: out of memory", sc->path);
        goto fail;
    }
    feed_scores(d);
    return d;
fail:
    d->st = NULL;   /* nothing to sync for a session that did not start */
    drill_free(d);
    return NULL;
}

const char *drill_errmsg(const drill *d) { return d->err; }
const char *drill_last_input(const drill *d) { return sb_str(&d->canon); }
engine *drill_engine(drill *d) { return d->e; }
const scen *drill_scen(const drill *d) { return lhost_scen(d->h); }
int64_t drill_session(const drill *d) { return d->session; }
bool drill_replaying(const drill *d) { return d->replaying; }
bool drill_broken(const drill *d) { return d->broken; }

void drill_group_inputs(drill *d, bool on) { d->grouped = on; }

/* Close the open group. A failure means its inputs are not recorded while
 * the engine has applied them: the drill cannot go on. */
static int group_close(drill *d)
{
    d->group_n = 0;
    if (!d->st || !store_group_open(d->st))
        return STORE_OK;
    /* The consequences so far, the row's turn and score and the metrics go
     * with the group, so that between groups the record is complete. */
    int rc = set_progress(d, true);
    if (rc == STORE_OK)
        rc = store_batch_commit(d->st, d->session, d->b);
    int rc2 = store_group_commit(d->st);
    rc = rc != STORE_OK ? rc : rc2;
    if (rc != STORE_OK) {
        d->broken = true;
        set_err(d, "%s (the inputs since the last commit are not recorded)",
                store_errmsg(d->st));
    }
    return rc;
}

int drill_sync(drill *d)
{
    if (!d->st)
        return STORE_OK;
    if (d->broken) {
        set_err(d, "the session's record failed earlier; resume the session to go on");
        return STORE_ERROR;
    }
    /* Nothing happened since the last sync (run syncs, then drill_free
     * does): no transaction, no fsync. */
    if (d->synced)
        return STORE_OK;
    int rc = set_progress(d, true);
    if (rc == STORE_OK)
        rc = store_batch_commit(d->st, d->session, d->b);
    if (rc != STORE_OK) {
        set_err(d, "%s", store_errmsg(d->st));
        if (store_group_open(d->st))
            group_close(d);
        return rc;
    }
    rc = group_close(d);
    d->synced = rc == STORE_OK;
    return rc;
}

/* Check a line; on success canon holds its canonical form. */
static int check_line(drill *d, const char *line)
{
    sb_reset(&d->canon);
    int rc = engine_input_check(d->e, line, &d->canon);
    if (rc == ENG_OK && d->canon.oom)
        rc = ENG_ENOMEM;
    if (rc < 0)
        set_err(d, "%s", rc == ENG_ENOMEM ? "out of memory" : engine_errmsg(d->e));
    return rc;
}

int drill_store_code(const drill *d) { return d->store_code; }

/* A database failure as drill_input reports it. */
static int store_failed(drill *d, int code)
{
    d->store_code = code;
    return DRILL_ESTORE;
}

int drill_input(drill *d, const char *line)
{
    if (d->broken) {
        set_err(d, "the session's record failed earlier; resume the session to go on");
        return store_failed(d, STORE_ERROR);
    }
    int rc = check_line(d, line);
    if (rc != ENG_OK)
        return rc;
    if (d->st) {
        if (d->grouped && !store_group_open(d->st)) {
            if ((rc = store_group_begin(d->st)) != STORE_OK) {
                set_err(d, "%s", store_errmsg(d->st));
                return store_failed(d, rc);
            }
            d->group_t0 = mono_ns();
        }
        /* The consequences so far, and the row's turn and score when they
         * changed, ride along with the input; a group writes them in one
         * block and once, when it closes. */
        if (!d->grouped &&
            (engine_turn(d->e) != d->prog_turn || engine_score(d->e) != d->prog_score))
            set_progress(d, false);
        rc = store_input_append(d->st, d->session, sb_str(&d->canon), d->grouped ? NULL : d->b,
                                NULL);
        if (rc != STORE_OK) {
            set_err(d, "%s", store_errmsg(d->st));
            if (store_group_open(d->st)) {
                /* The group was rolled back: its earlier inputs, applied
                 * already, went with it. */
                group_close(d);
                d->broken = true;
            }
            return store_failed(d, rc);
        }
        d->group_n++;
    }
    /* The canonical line is what was recorded and what a replay applies:
     * applying it here too makes the live session and its replays one. */
    rc = engine_input_apply(d->e, sb_str(&d->canon));
    if (rc < 0) {
        /* Checked a moment ago, so this is out of memory; the record now has
         * an input the engine did not apply. */
        d->broken = d->st != NULL;
        set_err(d, "%s", rc == ENG_ENOMEM ? "out of memory" : engine_errmsg(d->e));
        return rc;
    }
    feed_scores(d);
    if (!d->st)
        return ENG_OK;
    d->synced = false;
    rc = STORE_OK;
    if (engine_over(d->e)) {
        rc = drill_sync(d);
    } else if (store_group_open(d->st) &&
               (d->group_n >= GROUP_MAX_INPUTS || mono_ns() - d->group_t0 >= GROUP_MAX_NS)) {
        rc = group_close(d);
    } else if (store_group_open(d->st) && store_batch_pending(d->b) >= GROUP_MAX_EVENTS &&
               (rc = store_batch_commit(d->st, d->session, d->b)) != STORE_OK) {
        /* written inside the group's transaction: its failure undid the group */
        set_err(d, "%s", store_errmsg(d->st));
        group_close(d);
        d->broken = true;
    }
    return rc == STORE_OK ? ENG_OK : store_failed(d, rc);
}

int drill_abort(drill *d)
{
    if (!d->st)
        return STORE_OK;
    int rc = drill_sync(d);   /* sets the message when it fails */
    if (rc == STORE_OK && !engine_over(d->e) &&
        (rc = store_session_set_status(d->st, d->session, "aborted")) != STORE_OK)
        set_err(d, "%s", store_errmsg(d->st));
    return rc;
}

void drill_free(drill *d)
{
    if (!d)
        return;
    /* Best effort: whatever is pending is derived data a resume can
     * recompute, so a failure here loses nothing (call drill_sync first to
     * hear of it). */
    if (d->st && d->e && !d->broken)
        drill_sync(d);
    engine_free(d->e);
    lhost_free(d->h);
    store_batch_free(d->b);
    sb_free(&d->canon);
    free(d);
}

/* ---- recorded sessions ------------------------------------------------- */

/* engine participants from the recorded ones: role ids to a bitmask. */
static int parts_from_record(const store_loaded *l, const scen *sc, engine_participant **out,
                             char *err, size_t errlen)
{
    const store_session *ss = &l->sess;
    *out = NULL;
    if (ss->nparts < 1) {
        snprintf(err, errlen, "session %" PRId64 ": no participants recorded", ss->id);
        return 1;
    }
    engine_participant *v = calloc((size_t)ss->nparts, sizeof *v);
    if (!v) {
        snprintf(err, errlen, "out of memory");
        return 2;
    }
    for (int i = 0; i < ss->nparts; i++) {
        v[i].name = ss->parts[i].name;
        const char *p = ss->parts[i].roles ? ss->parts[i].roles : "";
        while (*p) {
            size_t len = strcspn(p, ",");
            int r = 0;
            while (r < sc->nroles && r < 64 &&
                   !(strlen(sc->roles[r].id) == len && memcmp(sc->roles[r].id, p, len) == 0))
                r++;
            if (r == sc->nroles || r == 64) {
                snprintf(err, errlen, "session %" PRId64 ": participant %d holds role '%.*s', "
                         "which the scenario does not declare", ss->id, i + 1,
                         (int)(len > 64 ? 64 : len), p);
                free(v);
                return 1;
            }
            v[i].roles |= 1ULL << r;
            p += len + (p[len] == ',');
        }
    }
    *out = v;
    return 0;
}

lhost *drill_load_record(const store_loaded *l, sbuf *problems)
{
    /* Messages name the file the scenario was first loaded from: that is
     * where an author would look, even if the text now lives only here. */
    lhost_opts o = { .stdlib = l->stdlib, .stdlib_len = l->stdlib_len };
    return lhost_load(l->scenario_path ? l->scenario_path : l->sess.scenario_id, l->source,
                      l->source_len, &o, problems);
}

/* A drill on a recorded session: its scenario rebuilt from the stored
 * source, the engine built with the recorded seed, mode, hints and
 * participants. With st, the batch skips what is recorded already.
 * Started, no input applied. */
static drill *open_record(const store_loaded *l, store *st, const event_sink *sink, char *err,
                          size_t errlen, int *status)
{
    const store_session *ss = &l->sess;
    *status = 2;
    sbuf problems = SBUF_INIT;
    lhost *h = drill_load_record(l, &problems);
    if (!h) {
        const char *p = sb_str(&problems);
        snprintf(err, errlen, "session %" PRId64 ": its scenario no longer loads: %.*s", ss->id,
                 (int)strcspn(p, "\n"), problems.oom ? "out of memory" : p);
        *status = problems.oom ? 2 : 1;
        sb_free(&problems);
        return NULL;
    }
    sb_free(&problems);
    drill *d = drill_alloc(h, st, sink);
    engine_participant *parts = NULL;
    if (!d) {
        snprintf(err, errlen, "out of memory");
        lhost_free(h);
        return NULL;
    }
    d->session = ss->id;
    d->replaying = true;
    int why = parts_from_record(l, lhost_scen(h), &parts, err, errlen);
    if (why) {
        *status = why;
        goto fail;
    }
    engine_opts eo = { .seed = ss->seed, .hints = ss->hints, .participants = parts,
                       .nparticipants = ss->nparts,
                       .mode = ss->mode && strcmp(ss->mode, "exercise") == 0 ? MODE_EXERCISE
                                                                             : MODE_TRAINING };
    if (d->b)
        store_batch_skip(d->b, l->last_event, l->nscores);
    int rc = drill_engine_new(d, &eo);
    free(parts);
    if (rc != 0 || engine_start(d->e) != ENG_OK) {
        snprintf(err, errlen, "session %" PRId64 ": cannot start the replay: out of memory",
                 ss->id);
        goto fail;
    }
    feed_scores(d);
    return d;
fail:
    /* Nothing was written: a failed open must not sync a half-built drill. */
    d->st = NULL;
    drill_free(d);
    return NULL;
}

drill *drill_open_record(const store_loaded *l, const event_sink *sink, char *err,
                         size_t errlen, int *status)
{
    return open_record(l, NULL, sink, err, errlen, status);
}

int drill_replay_input(drill *d, const char *line)
{
    int rc = check_line(d, line);
    if (rc == ENG_OK && (rc = engine_input_apply(d->e, sb_str(&d->canon))) < 0)
        set_err(d, "%s", engine_errmsg(d->e));
    if (rc == ENG_OK)
        feed_scores(d);
    return rc;
}

void drill_replay_done(drill *d) { d->replaying = false; }

drill *drill_resume(store *st, int64_t session, const event_sink *sink, char *err,
                    size_t errlen, int *status)
{
    store_loaded *l = NULL;
    int rc = store_load(st, session, 0, &l);
    if (rc != STORE_OK) {
        snprintf(err, errlen, "%s", store_errmsg(st));
        *status = exit_of(rc);
        return NULL;
    }
    drill *d = NULL;
    *status = 1;
    if (strcmp(l->sess.status, "active") != 0) {
        snprintf(err, errlen, "session %" PRId64 " is %s: there is nothing to resume", session,
                 l->sess.status);
        goto out;
    }
    /* A record that does not hold together is not continued: its inputs
     * are not the session's any more (irdrill verify tells more). */
    sbuf problems = SBUF_INIT;
    int n = store_verify_chain(l, &problems);
    if (n != 0) {
        const char *p = sb_str(&problems);
        if (n < 0)
            snprintf(err, errlen, "out of memory");
        else
            snprintf(err, errlen, "%.*s (irdrill verify %" PRId64 " shows every problem)",
                     (int)strcspn(p, "\n"), p, session);
        *status = n < 0 ? 2 : 1;
        sb_free(&problems);
        goto out;
    }
    sb_free(&problems);
    if (!(d = open_record(l, st, sink, err, errlen, status)))
        goto out;
    for (int i = 0; i < l->ninputs; i++) {
        if (drill_replay_input(d, l->inputs[i].line) != ENG_OK) {
            snprintf(err, errlen, "session %" PRId64 ": recorded input %d ('%.200s') is refused "
                     "by the replay: %s", session, l->inputs[i].seq, l->inputs[i].line, d->err);
            *status = 1;
            d->st = NULL;   /* record nothing of a replay that went wrong */
            drill_free(d);
            d = NULL;
            goto out;
        }
    }
    d->replaying = false;
    /* Write what a crash left unrecorded (and, if the last input ended the
     * session, its end) before any new input. */
    if (drill_sync(d) != STORE_OK) {
        snprintf(err, errlen, "%s", d->err);
        *status = 2;
        d->st = NULL;
        drill_free(d);
        d = NULL;
    }
out:
    store_loaded_free(l);
    return d;
}
