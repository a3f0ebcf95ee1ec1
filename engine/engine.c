/*
 * engine.c - an engine's lifecycle and the order of a turn (product.md §2).
 * Inputs are in input.c, the world API in world.c, scoring in score.c.
 */
#include "engine/engine_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int eng_seterr(engine *e, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->err, sizeof e->err, fmt, ap);
    va_end(ap);
    return code;
}

const char *engine_errmsg(const engine *e) { return e->err; }

int eng_minute(const engine *e)
{
    int m = e->sc->turn_minutes;
    if (e->turn <= 0)
        return 0;
    return e->ph == PH_START || e->ph == PH_PLAN ? (e->turn - 1) * m : e->turn * m;
}

/* Every event goes through here: it is numbered, stamped and counted
 * against the caps that keep a hostile hook from flooding memory. */
int eng_emit(engine *e, ev_vis vis, ev_kind kind, const char *role,
             const char *subject, const char *field, int64_t value,
             const char *attrs, const text *t)
{
    if (e->in_hook && ++e->hook_events > ENGINE_HOOK_EVENTS)
        return eng_seterr(e, ENG_ELIMIT, "one hook call may cause at most %d events",
                          ENGINE_HOOK_EVENTS);
    if (++e->turn_events > ENGINE_TURN_EVENTS && kind != EVK_HOOK_ERROR && kind != EVK_ENDING)
        return eng_seterr(e, ENG_ELIMIT, "one turn may cause at most %d events",
                          ENGINE_TURN_EVENTS);
    event ev = {
        .seq = ++e->seq, .turn = e->turn, .minute = eng_minute(e), .vis = vis,
        .kind = kind, .role = role, .subject = subject, .field = field,
        .value = value, .attrs = attrs,
    };
    if (t)
        ev.text = *t;
    if (e->sink.emit)
        e->sink.emit(e->sink.ctx, &ev);
    return ENG_OK;
}

/* Run one scenario hook. A failure is an event for the facilitator and
 * the log, never the end of the session: the caller goes on. */
int eng_run_hook(engine *e, int ref, const action_inst *a, bool *out)
{
    if (out)
        *out = false;
    if (!ref || !e->hooks.call)
        return ENG_OK;
    e->in_hook = true;
    e->hook_events = 0;
    int rc = e->hooks.call(e->hooks.ctx, e, ref, a, out);
    e->in_hook = false;
    if (rc == 0)
        return ENG_OK;
    if (out)
        *out = false;
    const char *msg = e->hooks.errmsg ? e->hooks.errmsg(e->hooks.ctx) : "hook failed";
    char *copy = xstrdup(msg ? msg : "hook failed");
    text t = { copy, copy };
    e->m.hook_errors++;
    eng_emit(e, EV_TRUTH, EVK_HOOK_ERROR, NULL, NULL, NULL, 0, NULL, &t);
    free(copy);
    return ENG_EHOOK;
}

static void free_parts(engine *e)
{
    for (int i = 0; i < e->nparts; i++)
        free(e->parts[i].name);
    free(e->parts);
}

static int setup_parts(engine *e, const engine_opts *o)
{
    int nroles = e->sc->nroles;
    uint64_t all = nroles >= 64 ? ~0ULL : ((1ULL << nroles) - 1);
    int n = o->participants ? o->nparticipants : 1;
    if (n < 1 || n > ENGINE_MAX_PARTICIPANTS)
        return -1;
    e->parts = calloc((size_t)n, sizeof *e->parts);
    if (!e->parts)
        return -1;
    e->nparts = n;
    for (int i = 0; i < n; i++) {
        const char *name = o->participants ? o->participants[i].name : "solo";
        uint64_t roles = o->participants ? o->participants[i].roles & all : all;
        if (!roles)
            return -1;
        e->parts[i].name = xstrdup(name ? name : "player");
        if (!e->parts[i].name)
            return -1;
        e->parts[i].roles = roles;
        e->session_roles |= roles;
    }
    return 0;
}

engine *engine_new(const scen *sc, const engine_hooks *hooks,
                   const event_sink *sink, const engine_opts *opts)
{
    engine_opts def = { .seed = 1 };
    const engine_opts *o = opts ? opts : &def;
    engine *e = calloc(1, sizeof *e);
    if (!e)
        return NULL;
    e->sc = sc;
    if (hooks)
        e->hooks = *hooks;
    if (sink)
        e->sink = *sink;
    e->seed = o->seed;
    e->mode = o->mode;
    e->hints_allowed = o->mode == MODE_TRAINING || o->hints;
    e->finish_pending = -1;
    rng_seed(&e->rng, o->seed);

    size_t na = (size_t)sc->nassets, nr = (size_t)sc->nroles;
    size_t one = 1;   /* calloc(0) may return NULL; ask for at least one */
    e->state = calloc(na ? na : one, sizeof *e->state);
    e->known = calloc(na ? na : one, sizeof *e->known);
    e->unavail_since = calloc(na ? na : one, sizeof *e->unavail_since);
    e->ever_compromised = calloc(na ? na : one, sizeof *e->ever_compromised);
    e->m.downtime = calloc(na ? na : one, sizeof *e->m.downtime);
    e->ap_used = calloc(nr ? nr : one, sizeof *e->ap_used);
    e->m.actions_per_role = calloc(nr ? nr : one, sizeof *e->m.actions_per_role);
    e->obj_met = calloc((size_t)sc->nobjectives + 1, sizeof *e->obj_met);
    e->obj_missed = calloc((size_t)sc->nobjectives + 1, sizeof *e->obj_missed);
    e->obj_minute = calloc((size_t)sc->nobjectives + 1, sizeof *e->obj_minute);
    e->pen_count = calloc((size_t)sc->npenalties + 1, sizeof *e->pen_count);
    e->hint_taken = calloc((size_t)sc->nhints + 1, sizeof *e->hint_taken);
    e->trig_fired = calloc((size_t)sc->ntriggers + 1, sizeof *e->trig_fired);
    e->sig_seen = calloc((size_t)sc->nsignals + 1, sizeof *e->sig_seen);
    if (!e->state || !e->known || !e->unavail_since || !e->ever_compromised ||
        !e->m.downtime || !e->ap_used || !e->m.actions_per_role || !e->obj_met ||
        !e->obj_missed || !e->obj_minute || !e->pen_count || !e->hint_taken ||
        !e->trig_fired || !e->sig_seen || setup_parts(e, o) < 0) {
        engine_free(e);
        return NULL;
    }
    for (int a = 0; a < sc->nassets; a++) {
        memcpy(e->state[a], sc->assets[a].init, sizeof e->state[a]);
        e->known[a][AF_ISOLATED] = e->known[a][AF_ONLINE] = true;
        e->known[a][AF_PATCHED] = e->known[a][AF_EVIDENCE] = true;
        e->unavail_since[a] = -1;
        e->ever_compromised[a] = e->state[a][AF_COMPROMISED];
    }
    for (int i = 0; i < sc->nobjectives; i++)
        e->obj_minute[i] = -1;
    e->m.detect_minute = e->m.first_compromise_minute = -1;
    e->m.contain_minute = e->m.recover_minute = -1;
    for (int a = 0; a < sc->nassets; a++) {
        if (e->state[a][AF_COMPROMISED] && e->m.first_compromise_minute < 0)
            e->m.first_compromise_minute = 0;
        world_avail_update(e, a);
    }
    return e;
}

void engine_free(engine *e)
{
    if (!e)
        return;
    for (int i = 0; i < e->sigs.n; i++)
        free(e->sigs.v[i].id);
    free(e->sigs.v);
    free(e->sig_slots);
    for (int i = 0; i < e->queue.n; i++) {
        queued *q = &e->queue.v[i];
        free(q->target);
        for (int j = 0; j < q->pub.nfacts; j++)
            free(q->facts[j]);
        free(q->facts);
    }
    free(e->queue.v);
    for (int i = 0; i < e->scores.n; i++)
        text_free(&e->scores.v[i].reason);
    free(e->scores.v);
    for (int i = 0; i < e->reports.n; i++) {
        for (int j = 0; j < e->reports.v[i].pub.nfacts; j++)
            free(e->reports.v[i].facts[j]);
        free(e->reports.v[i].facts);
    }
    free(e->reports.v);
    free_parts(e);
    free(e->state);
    free(e->known);
    free(e->unavail_since);
    free(e->ever_compromised);
    free(e->m.downtime);
    free(e->m.actions_per_role);
    free(e->ap_used);
    free(e->obj_met);
    free(e->obj_missed);
    free(e->obj_minute);
    free(e->pen_count);
    free(e->hint_taken);
    free(e->trig_fired);
    free(e->sig_seen);
    free(e);
}

/* End the session with an outcome: the ending event, final metrics. */
static void finish_session(engine *e, const char *outcome, const text *t, bool success)
{
    e->outcome = outcome;
    score_finalize(e);
    char attrs[64];
    snprintf(attrs, sizeof attrs, "{\"score\":%d,\"max_score\":%d}", e->score,
             engine_max_score(e));
    e->ph = PH_OVER;
    eng_emit(e, EV_TEAM, EVK_ENDING, NULL, outcome, NULL, success ? 1 : 0, attrs, t);
}

static int end_pending_finish(engine *e)
{
    if (e->finish_pending < 0)
        return 0;
    const scen_ending *en = &e->sc->endings[e->finish_pending];
    finish_session(e, en->id, &en->text, en->success);
    return 1;
}

/* Start of turn t: at(t) hooks, then every(n) hooks, in declaration order. */
static int begin_turn(engine *e)
{
    const scen *sc = e->sc;
    e->turn++;
    e->ph = PH_START;
    e->turn_events = 0;
    memset(e->ap_used, 0, (size_t)(sc->nroles ? sc->nroles : 1) * sizeof *e->ap_used);
    for (int i = 0; i < e->nparts; i++)
        e->parts[i].ready = false;
    eng_emit(e, EV_TEAM, EVK_TURN, NULL, NULL, NULL, e->turn, NULL, NULL);
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < sc->ntriggers && e->ph != PH_OVER; i++) {
            const scen_trigger *tr = &sc->triggers[i];
            bool due = pass == 0 ? tr->kind == TRIG_AT && tr->n == e->turn
                                 : tr->kind == TRIG_EVERY && tr->n > 0 && e->turn % tr->n == 0;
            if (!due)
                continue;
            e->trig_fired[i] = true;
            eng_run_hook(e, tr->ref, NULL, NULL);
        }
    }
    e->ph = PH_PLAN;
    /* w:finish from a start hook: this turn's objectives count, then it ends. */
    if (e->finish_pending >= 0) {
        score_check_objectives(e);
        end_pending_finish(e);
    }
    return ENG_OK;
}

int engine_start(engine *e)
{
    if (e->ph != PH_NEW)
        return eng_seterr(e, ENG_EINPUT, "session already started");
    char attrs[160];
    snprintf(attrs, sizeof attrs, "{\"mode\":\"%s\",\"version\":%d,\"hash\":\"%s\"}",
             e->mode == MODE_TRAINING ? "training" : "exercise", e->sc->version,
             e->sc->hash);
    eng_emit(e, EV_TEAM, EVK_SESSION, NULL, e->sc->id, NULL, (int64_t)e->seed, attrs,
             &e->sc->title);
    return begin_turn(e);
}

static void resolve_actions(engine *e)
{
    /* Actions are resolved in queue order; the queue does not grow while
     * hooks run (hooks cannot queue), so indices stay valid. */
    for (int i = 0; i < e->queue.n && e->ph != PH_OVER; i++) {
        queued *q = &e->queue.v[i];
        if (q->pub.cancelled || q->pub.completed || q->pub.turn_done != e->turn)
            continue;
        input_apply_queued(e, q);
    }
}

static void run_when_triggers(engine *e)
{
    const scen *sc = e->sc;
    for (int i = 0; i < sc->ntriggers; i++) {
        const scen_trigger *tr = &sc->triggers[i];
        if (tr->kind != TRIG_WHEN || e->trig_fired[i])
            continue;
        bool hold = false;
        if (eng_run_hook(e, tr->pred_ref, NULL, &hold) != ENG_OK || !hold)
            continue;
        e->trig_fired[i] = true;
        eng_run_hook(e, tr->ref, NULL, NULL);
    }
}

static bool check_endings(engine *e)
{
    if (end_pending_finish(e))
        return true;
    const scen *sc = e->sc;
    for (int i = 0; i < sc->nendings; i++) {
        bool hold = false;
        if (eng_run_hook(e, sc->endings[i].ref, NULL, &hold) == ENG_OK && hold) {
            finish_session(e, sc->endings[i].id, &sc->endings[i].text, sc->endings[i].success);
            return true;
        }
    }
    return false;
}

/* End of turn t: actions, when() triggers, objectives, metrics, endings,
 * timeout. */
int eng_end_turn(engine *e)
{
    e->ph = PH_END;
    resolve_actions(e);
    run_when_triggers(e);
    score_check_objectives(e);
    score_update_metrics(e);
    if (check_endings(e))
        return ENG_OK;
    if (e->turn >= e->sc->max_turns) {
        text t = { "Hết thời gian diễn tập.", "The drill ran out of time." };
        finish_session(e, "timeout", &t, false);
        return ENG_OK;
    }
    return begin_turn(e);
}

/* Accessors. */
const scen *engine_scen(const engine *e) { return e->sc; }
int engine_turn(const engine *e) { return e->turn; }
int engine_minutes(const engine *e) { return eng_minute(e); }
bool engine_over(const engine *e) { return e->ph == PH_OVER; }
const char *engine_outcome(const engine *e) { return e->outcome; }
int engine_score(const engine *e) { return e->score; }
int engine_max_score(const engine *e) { return scen_max_score(e->sc); }
engine_mode engine_get_mode(const engine *e) { return e->mode; }
uint64_t engine_seed(const engine *e) { return e->seed; }
const engine_metrics *engine_get_metrics(const engine *e) { return &e->m; }
int engine_nparticipants(const engine *e) { return e->nparts; }
uint32_t engine_event_count(const engine *e) { return e->seq; }
const bool *engine_trigger_fired(const engine *e) { return e->trig_fired; }
const bool *engine_signal_seen(const engine *e) { return e->sig_seen; }
const char *engine_last_signal_id(const engine *e) { return e->last_sig; }

bool engine_objective_met(const engine *e, int i)
{
    return i >= 0 && i < e->sc->nobjectives && e->obj_met[i];
}

int engine_objective_minute(const engine *e, int i)
{
    return i >= 0 && i < e->sc->nobjectives ? e->obj_minute[i] : -1;
}

int engine_penalty_count(const engine *e, int i)
{
    return i >= 0 && i < e->sc->npenalties ? e->pen_count[i] : 0;
}

bool engine_participant_ready(const engine *e, int p)
{
    return p >= 0 && p < e->nparts && e->parts[p].ready;
}

int engine_ap_left(const engine *e, int role)
{
    if (role < 0 || role >= e->sc->nroles)
        return 0;
    return e->sc->action_points - e->ap_used[role];
}

int engine_queue_count(const engine *e) { return e->queue.n; }
int engine_report_count(const engine *e) { return e->reports.n; }
int engine_score_count(const engine *e) { return e->scores.n; }

const action_inst *engine_queue_at(const engine *e, int i)
{
    return i >= 0 && i < e->queue.n ? &e->queue.v[i].pub : NULL;
}

const engine_report *engine_report_at(const engine *e, int i)
{
    return i >= 0 && i < e->reports.n ? &e->reports.v[i].pub : NULL;
}

const engine_score_entry *engine_score_at(const engine *e, int i)
{
    return i >= 0 && i < e->scores.n ? &e->scores.v[i].pub : NULL;
}

int engine_signal_truth(const engine *e, const char *id)
{
    const sig_rec *s = eng_find_sig(e, id);
    return s ? s->truth : -1;
}
