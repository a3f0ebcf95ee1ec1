/*
 * world.c - the world API that scenario hooks call (w:signal, w:set, ...).
 * Each function checks its arguments and turns every change into an
 * event, so the ground truth and the team view are both on the record.
 */
#include "engine/engine_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Fields the team always observes: they describe what the team did or can
 * see from the console. The others are learnt by investigating. */
static bool field_visible(int f)
{
    return f == AF_ISOLATED || f == AF_ONLINE || f == AF_PATCHED || f == AF_EVIDENCE;
}

static bool unavailable(const engine *e, int a)
{
    const bool *s = e->state[a];
    return !s[AF_ONLINE] || s[AF_ISOLATED] || s[AF_ENCRYPTED] || s[AF_DEFACED];
}

/* Downtime is counted in simulated minutes from the moment an asset stops
 * serving (offline, isolated, encrypted or defaced) to the moment it serves
 * again. */
void world_avail_update(engine *e, int a)
{
    bool down = unavailable(e, a);
    int now = eng_minute(e);
    if (down && e->unavail_since[a] < 0) {
        e->unavail_since[a] = now;
    } else if (!down && e->unavail_since[a] >= 0) {
        e->m.downtime[a] += now - e->unavail_since[a];
        e->unavail_since[a] = -1;
    }
}

static int check_asset(engine *e, int asset)
{
    if (asset < 0 || asset >= e->sc->nassets)
        return eng_seterr(e, ENG_EARG, "no such asset");
    return ENG_OK;
}

static int check_field(engine *e, int field)
{
    if (field < 0 || field >= AF_COUNT)
        return eng_seterr(e, ENG_EARG, "no such asset field");
    return ENG_OK;
}

bool engine_asset_get(const engine *e, int asset, int field)
{
    if (asset < 0 || asset >= e->sc->nassets || field < 0 || field >= AF_COUNT)
        return false;
    return e->state[asset][field];
}

bool engine_knows(const engine *e, int asset, int field)
{
    if (asset < 0 || asset >= e->sc->nassets || field < 0 || field >= AF_COUNT)
        return false;
    return field_visible(field) || e->known[asset][field];
}

/* Change one field and record it. The team sees the change when the field
 * is one it always observes; otherwise it is ground truth, and whatever
 * the team had learnt of that field is no longer current. */
static int set_field(engine *e, int asset, int field, bool value, const char *attrs)
{
    if (e->state[asset][field] == value)
        return ENG_OK;
    e->state[asset][field] = value;
    bool team = field_visible(field);
    if (!team)
        e->known[asset][field] = false;
    if (field == AF_COMPROMISED && value) {
        e->ever_compromised[asset] = true;
        if (e->m.first_compromise_minute < 0)
            e->m.first_compromise_minute = eng_minute(e);
    }
    world_avail_update(e, asset);
    return eng_emit(e, team ? EV_TEAM : EV_TRUTH, EVK_STATE, NULL, e->sc->assets[asset].id,
                    asset_field_names[field], value, attrs, NULL);
}

int engine_set(engine *e, int asset, int field, bool value)
{
    int rc;
    if ((rc = check_asset(e, asset)) || (rc = check_field(e, field)))
        return rc;
    return set_field(e, asset, field, value, NULL);
}

int engine_compromise(engine *e, int asset, const char *technique)
{
    int rc = check_asset(e, asset);
    if (rc)
        return rc;
    sbuf attrs = SBUF_INIT;
    if (technique) {
        sb_puts(&attrs, "{\"technique\":");
        sb_json_str(&attrs, technique);
        sb_putc(&attrs, '}');
        if (attrs.oom) {
            sb_free(&attrs);
            return eng_seterr(e, ENG_ENOMEM, "out of memory");
        }
    }
    rc = set_field(e, asset, AF_COMPROMISED, true, technique ? sb_str(&attrs) : NULL);
    if (rc == ENG_OK)
        rc = set_field(e, asset, AF_CLEAN, false, NULL);
    sb_free(&attrs);
    return rc;
}

int engine_reveal(engine *e, int asset, int field, const text *t)
{
    int rc;
    if ((rc = check_asset(e, asset)) || (rc = check_field(e, field)))
        return rc;
    e->known[asset][field] = true;
    return eng_emit(e, EV_TEAM, EVK_REVEAL, NULL, e->sc->assets[asset].id,
                    asset_field_names[field], e->state[asset][field], NULL, t);
}

int engine_note(engine *e, const text *t)
{
    return eng_emit(e, EV_TEAM, EVK_NOTE, NULL, NULL, NULL, 0, NULL, t);
}

int engine_log(engine *e, const text *t)
{
    return eng_emit(e, EV_TRUTH, EVK_LOG, NULL, NULL, NULL, 0, NULL, t);
}

/* FNV-1a: ids are short ASCII strings; this spreads x1, x2, ... well. */
static uint32_t sig_hash(const char *id)
{
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)id; *p; p++)
        h = (h ^ *p) * 16777619u;
    return h;
}

sig_rec *eng_find_sig(const engine *e, const char *id)
{
    if (!e->sig_nslots || !id)
        return NULL;
    uint32_t mask = (uint32_t)e->sig_nslots - 1;
    for (uint32_t i = sig_hash(id) & mask;; i = (i + 1) & mask) {
        int k = e->sig_slots[i];
        if (k == 0)
            return NULL;
        if (strcmp(e->sigs.v[k - 1].id, id) == 0)
            return &e->sigs.v[k - 1];
    }
}

static void sig_slot_put(int *slots, int nslots, const char *id, int k)
{
    uint32_t mask = (uint32_t)nslots - 1;
    uint32_t i = sig_hash(id) & mask;
    while (slots[i])
        i = (i + 1) & mask;
    slots[i] = k;
}

/* Index sigs.v[n - 1], the signal just added; the table doubles when it
 * would be more than half full. -1 when out of memory. */
static int sig_index_add(engine *e)
{
    int n = e->sigs.n;
    if (2 * n > e->sig_nslots) {
        int ns = e->sig_nslots ? e->sig_nslots * 2 : 64;
        while (2 * n > ns)
            ns *= 2;
        int *slots = calloc((size_t)ns, sizeof *slots);
        if (!slots)
            return -1;
        for (int k = 1; k < n; k++)
            sig_slot_put(slots, ns, e->sigs.v[k - 1].id, k);
        free(e->sig_slots);
        e->sig_slots = slots;
        e->sig_nslots = ns;
    }
    sig_slot_put(e->sig_slots, e->sig_nslots, e->sigs.v[n - 1].id, n);
    return 0;
}

static sig_rec *find_sig(const engine *e, const char *id) { return eng_find_sig(e, id); }

static void signal_attrs(const engine *e, const engine_signal_spec *sp, sbuf *sb)
{
    bool first = true;
    sb_putc(sb, '{');
    if (sp->source) {
        sb_json_key(sb, "source", &first);
        sb_json_str(sb, sp->source);
    }
    if (sp->severity) {
        sb_json_key(sb, "severity", &first);
        sb_json_str(sb, sp->severity);
    }
    if (sp->asset >= 0) {
        sb_json_key(sb, "asset", &first);
        sb_json_str(sb, e->sc->assets[sp->asset].id);
    }
    if (sp->technique) {
        sb_json_key(sb, "technique", &first);
        sb_json_str(sb, sp->technique);
    }
    sb_putc(sb, '}');
}

int engine_signal(engine *e, const engine_signal_spec *sp)
{
    char autoid[24];
    const char *id = sp->id;
    if (sp->asset >= e->sc->nassets || sp->asset < -1)
        return eng_seterr(e, ENG_EARG, "no such asset");
    if (e->sigs.n >= ENGINE_MAX_SIGNALS)
        return eng_seterr(e, ENG_ELIMIT, "a session may have at most %d signals",
                          ENGINE_MAX_SIGNALS);
    if (!id) {
        do snprintf(autoid, sizeof autoid, "x%d", ++e->auto_sig);
        while (find_sig(e, autoid));
        id = autoid;
    } else if (find_sig(e, id)) {
        return eng_seterr(e, ENG_EARG, "signal '%s' was already emitted", id);
    }
    sig_rec rec = { .asset = sp->asset, .truth = sp->truth ? 1 : 0, .verdict = -1,
                    .turn = e->turn, .tmpl = sp->tmpl };
    rec.id = xstrdup(id);
    if (!rec.id)
        return eng_seterr(e, ENG_ENOMEM, "out of memory");
    VEC_PUSH(e, e->sigs, rec, free(rec.id); return eng_seterr(e, ENG_ENOMEM, "out of memory"));
    if (sig_index_add(e) != 0) {
        free(e->sigs.v[--e->sigs.n].id);
        return eng_seterr(e, ENG_ENOMEM, "out of memory");
    }
    sig_rec *s = &e->sigs.v[e->sigs.n - 1];
    e->last_sig = s->id;
    if (sp->tmpl >= 0 && sp->tmpl < e->sc->nsignals)
        e->sig_seen[sp->tmpl] = true;
    sbuf attrs = SBUF_INIT;
    signal_attrs(e, sp, &attrs);
    if (attrs.oom) {
        sb_free(&attrs);
        return eng_seterr(e, ENG_ENOMEM, "out of memory");
    }
    int rc = eng_emit(e, EV_TEAM, EVK_SIGNAL, NULL, s->id, NULL, 0, sb_str(&attrs), sp->text);
    if (rc == ENG_OK)
        rc = eng_emit(e, EV_TRUTH, EVK_SIGNAL_TRUTH, NULL, s->id, NULL, s->truth, NULL, NULL);
    sb_free(&attrs);
    return rc;
}

double engine_rand_double(engine *e) { return rng_double(&e->rng); }
int64_t engine_random(engine *e, int64_t lo, int64_t hi) { return rng_range(&e->rng, lo, hi); }
bool engine_chance(engine *e, double p) { return rng_chance(&e->rng, p); }
uint64_t engine_rand_bits(engine *e) { return rng_next(&e->rng); }

static bool has_facts(const engine_report *r, const char *const *facts, int nfacts)
{
    for (int i = 0; i < nfacts; i++) {
        bool found = false;
        for (int j = 0; j < r->nfacts && !found; j++)
            found = strcmp(r->facts[j], facts[i]) == 0;
        if (!found)
            return false;
    }
    return true;
}

bool engine_reported(const engine *e, const char *to, const char *const *facts,
                     int nfacts, int by_minute)
{
    for (int i = 0; i < e->reports.n; i++) {
        const engine_report *r = &e->reports.v[i].pub;
        if (r->public_ || strcmp(r->to, to) != 0)
            continue;
        if (by_minute >= 0 && r->minute > by_minute)
            continue;
        if (has_facts(r, facts, nfacts))
            return true;
    }
    return false;
}

bool engine_flagged(const engine *e, const char *id)
{
    const sig_rec *s = find_sig(e, id);
    if (s)
        return s->verdict == 1;
    int a = scen_asset_find(e->sc, id);
    if (a < 0)
        return false;
    for (int i = 0; i < e->sigs.n; i++)
        if (e->sigs.v[i].asset == a && e->sigs.v[i].verdict == 1)
            return true;
    return false;
}

bool engine_did(const engine *e, const char *verb, const char *target)
{
    for (int i = 0; i < e->queue.n; i++) {
        const queued *q = &e->queue.v[i];
        if (!q->pub.completed)
            continue;
        if (strcmp(e->sc->actions[q->pub.action].id, verb) != 0)
            continue;
        if (!target || (q->target && strcmp(q->target, target) == 0))
            return true;
    }
    return false;
}

int engine_penalize(engine *e, const char *penalty_id)
{
    int i = scen_penalty_find(e->sc, penalty_id);
    if (i < 0)
        return eng_seterr(e, ENG_EARG, "no penalty '%s' is declared", penalty_id);
    const scen_penalty *p = &e->sc->penalties[i];
    int max = p->max > 0 ? p->max : 1;
    if (e->pen_count[i] >= max)
        return ENG_OK;
    e->pen_count[i]++;
    score_add(e, "penalty", p->id, -p->points, &p->label);
    return eng_emit(e, EV_TEAM, EVK_SCORE, NULL, p->id, "penalty", -p->points, NULL, &p->label);
}

int engine_award(engine *e, int points, const text *reason)
{
    if (points < -100000 || points > 100000)
        return eng_seterr(e, ENG_EARG, "award of %d points is out of range", points);
    score_add(e, "award", "scenario", points, reason);
    return eng_emit(e, EV_TEAM, EVK_SCORE, NULL, "scenario", "award", points, NULL, reason);
}

int engine_finish(engine *e, const char *ending_id)
{
    int i = scen_ending_find(e->sc, ending_id);
    if (i < 0)
        return eng_seterr(e, ENG_EARG, "no ending '%s' is declared", ending_id);
    if (e->finish_pending < 0)
        e->finish_pending = i;
    return ENG_OK;
}
