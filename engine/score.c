/*
 * score.c - objectives, the score lines, the metrics of product.md §5 and
 * the run result.
 */
#include "engine/engine_int.h"

#include <stdlib.h>
#include <string.h>

void score_add(engine *e, const char *kind, const char *id, int points, const text *reason)
{
    score_rec r = { .pub = { .kind = kind, .id = id, .points = points, .turn = e->turn,
                             .minute = eng_minute(e) } };
    e->score += points;
    if (reason && text_copy(&r.reason, reason) < 0)
        memset(&r.reason, 0, sizeof r.reason);
    r.pub.reason = r.reason;
    VEC_PUSH(e, e->scores, r, text_free(&r.reason); return);
}

/* Objectives earn their points the first time they are met, within their
 * turn or minute limit; once a limit has passed unmet, the objective is
 * missed for good. */
void score_check_objectives(engine *e)
{
    const scen *sc = e->sc;
    int now = e->turn * sc->turn_minutes;   /* objectives are judged at turn's end */
    for (int i = 0; i < sc->nobjectives; i++) {
        const scen_objective *o = &sc->objectives[i];
        if (e->obj_met[i] || e->obj_missed[i])
            continue;
        if ((o->by_turn > 0 && e->turn > o->by_turn) ||
            (o->within_minutes > 0 && now > o->within_minutes)) {
            e->obj_missed[i] = true;
            eng_emit(e, EV_TEAM, EVK_OBJECTIVE, NULL, o->id, NULL, 0, NULL, &o->label);
            continue;
        }
        bool met = false;
        if (eng_run_hook(e, o->ref, NULL, &met) != ENG_OK || !met)
            continue;
        e->obj_met[i] = true;
        e->obj_minute[i] = eng_minute(e);
        score_add(e, "objective", o->id, o->points, &o->label);
        eng_emit(e, EV_TEAM, EVK_OBJECTIVE, NULL, o->id, NULL, 1, NULL, &o->label);
        eng_emit(e, EV_TEAM, EVK_SCORE, NULL, o->id, "objective", o->points, NULL, &o->label);
    }
}

/* The default rule of a metric, for a scenario that does not define it:
 * containment is that something was compromised and every asset still
 * compromised is cut off (isolated or powered down); recovery, that
 * something was compromised, nothing is any more, and every asset ever
 * compromised serves again. */
static bool default_rule(const engine *e, int metric)
{
    const scen *sc = e->sc;
    bool any_ever = false, contained = true, recovered = true;
    for (int a = 0; a < sc->nassets; a++) {
        const bool *s = e->state[a];
        if (!e->ever_compromised[a])
            continue;
        any_ever = true;
        if (s[AF_COMPROMISED] && !s[AF_ISOLATED] && s[AF_ONLINE])
            contained = false;
        if (s[AF_COMPROMISED] || !s[AF_ONLINE] || s[AF_ISOLATED] || s[AF_ENCRYPTED] ||
            s[AF_DEFACED])
            recovered = false;
    }
    return any_ever && (metric == SM_CONTAINED ? contained : recovered);
}

/* Whether a metric holds now: the scenario's predicate (metrics{}) when
 * it has one, a failing predicate counting as false (and reported as a
 * hook_error, as for every hook); else the default rule. Detection has no
 * default here: it is judged when a verdict is given (score_note_triage). */
static bool metric_holds(engine *e, int metric)
{
    int ref = e->sc->metric_ref[metric];
    if (!ref)
        return metric != SM_DETECTED && default_rule(e, metric);
    bool hold = false;
    return eng_run_hook(e, ref, NULL, &hold) == ENG_OK && hold;
}

/* At the end of each turn, after the objectives: each metric not reached
 * yet is judged, and the first time it holds stamps the minute. Recovery
 * is judged only once containment has been reached (in this turn or
 * before), so time to recover never comes before time to contain. */
void score_update_metrics(engine *e)
{
    int now = eng_minute(e);
    if (e->m.detect_minute < 0 && metric_holds(e, SM_DETECTED))
        e->m.detect_minute = now;
    if (e->m.contain_minute < 0 && metric_holds(e, SM_CONTAINED))
        e->m.contain_minute = now;
    if (e->m.contain_minute >= 0 && e->m.recover_minute < 0 && metric_holds(e, SM_RECOVERED))
        e->m.recover_minute = now;
}

/* A self-test's expect.metrics against this session's metrics. */
int engine_expect_metrics(const engine *e, const scen_expect *x, sbuf *why)
{
    const int got[SM_COUNT] = { e->m.detect_minute, e->m.contain_minute, e->m.recover_minute };
    int failed = 0;
    for (int k = 0; k < SM_COUNT; k++) {
        int by = x->metric_by[k];
        if (!x->has_metric[k] || (by < 0 ? got[k] < 0 : got[k] >= 0 && got[k] <= by))
            continue;
        if (why->len)
            sb_puts(why, "; ");
        if (got[k] < 0)
            sb_printf(why, "metrics: never %s, expected by minute %d", scen_metric_names[k], by);
        else if (by < 0)
            sb_printf(why, "metrics: %s at minute %d, expected never", scen_metric_names[k],
                      got[k]);
        else
            sb_printf(why, "metrics: %s at minute %d, expected by minute %d",
                      scen_metric_names[k], got[k], by);
        failed++;
    }
    return failed;
}

void score_finalize(engine *e)
{
    for (int a = 0; a < e->sc->nassets; a++) {
        if (e->unavail_since[a] >= 0) {
            e->m.downtime[a] += eng_minute(e) - e->unavail_since[a];
            e->unavail_since[a] = eng_minute(e);
        }
    }
}

/* A verdict on a signal. Unless the scenario defines detection
 * (metrics{}), detection is the first correct "true" on a real signal
 * about an asset that is compromised at that moment (or a real signal
 * about no asset in particular). */
void score_note_triage(engine *e, sig_rec *s, int verdict)
{
    s->verdict = verdict;
    if (verdict == 1 && !s->truth)
        e->m.false_positives++;
    if (verdict == 0 && s->truth)
        e->m.true_dismissed++;
    if (verdict == 1 && s->truth && e->m.detect_minute < 0 && !e->sc->metric_ref[SM_DETECTED] &&
        (s->asset < 0 || e->state[s->asset][AF_COMPROMISED]))
        e->m.detect_minute = eng_minute(e);
}

static int recipient_deadline(const engine *e, const char *to)
{
    int i = scen_named_find(e->sc->recipients, e->sc->nrecipients, to);
    return i >= 0 ? e->sc->recipients[i].deadline_minutes : 0;
}

/* A report counts as on time when it is sent within the recipient's
 * deadline, counted from detection (before detection, always on time). */
int score_add_report(engine *e, const queued *q, bool public_)
{
    report_rec r = { .pub = { .to = q->target, .public_ = public_, .minute = eng_minute(e),
                              .turn = e->turn, .role = q->pub.role } };
    int n = q->pub.nfacts;
    r.facts = calloc((size_t)n + 1, sizeof *r.facts);
    if (!r.facts)
        return eng_seterr(e, ENG_ENOMEM, "out of memory");
    for (int i = 0; i < n; i++) {
        r.facts[i] = xstrdup(q->facts[i]);
        if (!r.facts[i]) {
            while (i--)
                free(r.facts[i]);
            free(r.facts);
            return eng_seterr(e, ENG_ENOMEM, "out of memory");
        }
    }
    r.pub.facts = (const char *const *)r.facts;
    r.pub.nfacts = n;
    int deadline = public_ ? 0 : recipient_deadline(e, q->target);
    r.pub.on_time = deadline <= 0 || e->m.detect_minute < 0 ||
                    r.pub.minute - e->m.detect_minute <= deadline;
    if (!public_) {
        e->m.reports++;
        if (r.pub.on_time)
            e->m.reports_on_time++;
    }
    VEC_PUSH(e, e->reports, r, for (int i = 0; i < n; i++) free(r.facts[i]); free(r.facts);
             return eng_seterr(e, ENG_ENOMEM, "out of memory"));
    return ENG_OK;
}

void engine_result_json(const engine *e, const char *session, sbuf *out)
{
    const scen *sc = e->sc;
    sb_puts(out, "{\"session\":");
    sb_json_str(out, session);
    sb_puts(out, ",\"scenario\":");
    sb_json_str(out, sc->id);
    sb_printf(out, ",\"seed\":%llu,\"outcome\":", (unsigned long long)e->seed);
    sb_json_str(out, e->outcome);
    sb_printf(out, ",\"score\":%d,\"max_score\":%d,\"turns\":%d,\"objectives\":{", e->score,
              engine_max_score(e), e->turn);
    for (int i = 0; i < sc->nobjectives; i++) {
        if (i)
            sb_putc(out, ',');
        sb_json_str(out, sc->objectives[i].id);
        sb_puts(out, e->obj_met[i] ? ":true" : ":false");
    }
    sb_puts(out, "}}");
}
