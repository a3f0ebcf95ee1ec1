/* view.c - the view model folded from events; see view.h. */
#include "ui/tui/view.h"
#include "ui/tui/attrs.h"
#include "engine/sbuf.h"

#include <stdlib.h>
#include <string.h>

/* A growable array: v, n, cap. */
#define VEC(T) struct { T *v; int n, cap; }

struct view {
    const scen *sc;
    lang lg;
    bool truth;
    int turn, minute;
    bool exercise;
    uint32_t last_seq;
    int score;
    VEC(view_score) scores;
    signed char *obj;            /* per objective: -1 open, 0 missed, 1 met */
    int *obj_turn;
    bool *hint_taken;
    signed char (*state)[AF_COUNT];   /* per asset: -1 unknown, 0, 1 */
    bool (*revealed)[AF_COUNT];
    VEC(view_item) items;
    int unread;
    VEC(int) sigs;               /* feed indices of signals */
    int *hash;                   /* signal id -> sigs index + 1; 0 empty */
    size_t hcap;
    VEC(view_action) acts;
    int *ap_used;                /* per role, this turn */
    uint64_t ready;              /* participants ready this turn */
    uint32_t *role_input;        /* per role: seq of its latest input's event */
    uint32_t last_input;         /* seq of the latest input's event, any role */
    char *outcome, *ending_text;
    bool success;
    int final_score;
    bool oom;
};

/* Grow a VEC by one slot; 0 or -1 on OOM. */
static int grow(void **v, int *cap, int n, size_t size)
{
    if (n < *cap)
        return 0;
    int nc = *cap ? *cap * 2 : 16;
    void *p = realloc(*v, (size_t)nc * size);
    if (!p)
        return -1;
    *v = p;
    *cap = nc;
    return 0;
}
#define VEC_GROW(vec) grow((void **)&(vec).v, &(vec).cap, (vec).n, sizeof *(vec).v)

static int field_observed(int f)
{
    return f == AF_ISOLATED || f == AF_ONLINE || f == AF_PATCHED || f == AF_EVIDENCE;
}

view *view_new(const scen *sc, lang lg, bool truth)
{
    view *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->sc = sc;
    v->lg = lg;
    v->truth = truth;
    size_t na = sc->nassets ? (size_t)sc->nassets : 1;
    v->obj = malloc(sc->nobjectives ? (size_t)sc->nobjectives : 1);
    v->obj_turn = calloc(sc->nobjectives ? (size_t)sc->nobjectives : 1, sizeof *v->obj_turn);
    v->hint_taken = calloc(sc->nhints ? (size_t)sc->nhints : 1, sizeof *v->hint_taken);
    v->state = malloc(na * sizeof *v->state);
    v->revealed = calloc(na, sizeof *v->revealed);
    v->ap_used = calloc(sc->nroles ? (size_t)sc->nroles : 1, sizeof *v->ap_used);
    v->role_input = calloc(sc->nroles ? (size_t)sc->nroles : 1, sizeof *v->role_input);
    if (!v->obj || !v->obj_turn || !v->hint_taken || !v->state || !v->revealed || !v->ap_used ||
        !v->role_input) {
        view_free(v);
        return NULL;
    }
    memset(v->obj, -1, sc->nobjectives ? (size_t)sc->nobjectives : 1);
    for (int a = 0; a < sc->nassets; a++)
        for (int f = 0; f < AF_COUNT; f++)
            v->state[a][f] = (signed char)(truth || field_observed(f) ? sc->assets[a].init[f] : -1);
    return v;
}

static void item_free(view_item *it)
{
    free(it->subject);
    free(it->field);
    free(it->role);
    free(it->text);
    free(it->target);
    free(it->source);
    free(it->severity);
    free(it->asset);
    free(it->technique);
}

void view_free(view *v)
{
    if (!v)
        return;
    for (int i = 0; i < v->items.n; i++)
        item_free(&v->items.v[i]);
    free(v->items.v);
    for (int i = 0; i < v->scores.n; i++) {
        free(v->scores.v[i].kind);
        free(v->scores.v[i].id);
        free(v->scores.v[i].text);
    }
    free(v->scores.v);
    for (int i = 0; i < v->acts.n; i++) {
        free(v->acts.v[i].target);
        free(v->acts.v[i].facts);
    }
    free(v->acts.v);
    free(v->sigs.v);
    free(v->hash);
    free(v->obj);
    free(v->obj_turn);
    free(v->hint_taken);
    free(v->state);
    free(v->revealed);
    free(v->ap_used);
    free(v->role_input);
    free(v->outcome);
    free(v->ending_text);
    free(v);
}

/* A sanitised copy (newlines kept), NULL for NULL; *bad set on OOM. */
static char *safe(const char *s, bool *bad)
{
    if (!s)
        return NULL;
    char *c = text_sanitize(s, "\n");
    if (!c)
        *bad = true;
    return c;
}

/* The same for a string read from attrs (owned: freed here). */
static char *safe_own(char *s, bool *bad)
{
    char *c = safe(s, bad);
    free(s);
    return c;
}

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL;     /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static int hash_put(view *v, const char *id, int si)
{
    if ((size_t)(v->sigs.n + 1) * 2 > v->hcap) {
        size_t nc = v->hcap ? v->hcap * 2 : 64;
        int *nh = calloc(nc, sizeof *nh);
        if (!nh)
            return -1;
        for (int i = 0; i < v->sigs.n; i++) {
            size_t k = hash_str(v->items.v[v->sigs.v[i]].subject) & (nc - 1);
            while (nh[k])
                k = (k + 1) & (nc - 1);
            nh[k] = i + 1;
        }
        free(v->hash);
        v->hash = nh;
        v->hcap = nc;
    }
    size_t k = hash_str(id) & (v->hcap - 1);
    while (v->hash[k])
        k = (k + 1) & (v->hcap - 1);
    v->hash[k] = si + 1;
    return 0;
}

static view_item *sig_find(const view *v, const char *id)
{
    if (!id || !v->hcap)
        return NULL;
    size_t k = hash_str(id) & (v->hcap - 1);
    while (v->hash[k]) {
        view_item *it = &v->items.v[v->sigs.v[v->hash[k] - 1]];
        if (strcmp(it->subject, id) == 0)
            return it;
        k = (k + 1) & (v->hcap - 1);
    }
    return NULL;
}

/* Append a feed item for ev; for a signal, register it. Either all of it
 * is added or nothing is. */
static int add_item(view *v, const event *ev)
{
    bool bad = false;
    view_item it = {
        .seq = ev->seq, .turn = ev->turn, .minute = ev->minute, .kind = ev->kind,
        .vis = ev->vis, .value = ev->value, .verdict = -1, .truth = -1, .unread = true,
    };
    it.subject = safe(ev->subject, &bad);
    it.field = safe(ev->field, &bad);
    it.role = safe(ev->role, &bad);
    it.text = safe(text_get(&ev->text, v->lg), &bad);
    if (ev->kind == EVK_SIGNAL) {
        it.source = safe_own(attrs_str(ev->attrs, "source"), &bad);
        it.severity = safe_own(attrs_str(ev->attrs, "severity"), &bad);
        it.asset = safe_own(attrs_str(ev->attrs, "asset"), &bad);
        it.technique = safe_own(attrs_str(ev->attrs, "technique"), &bad);
        if (!it.subject && !bad)
            it.subject = safe("?", &bad);
    } else if (ev->kind == EVK_DONE) {
        it.target = safe_own(attrs_str(ev->attrs, "target"), &bad);
    }
    if (bad || VEC_GROW(v->items) < 0 ||
        (ev->kind == EVK_SIGNAL && (VEC_GROW(v->sigs) < 0 || hash_put(v, it.subject, v->sigs.n) < 0))) {
        item_free(&it);
        return -1;
    }
    v->items.v[v->items.n++] = it;
    if (ev->kind == EVK_SIGNAL)
        v->sigs.v[v->sigs.n++] = v->items.n - 1;
    v->unread++;
    return 0;
}

static int add_score(view *v, const char *kind, const char *id, int points, int turn,
                     const char *txt)
{
    bool bad = false;
    view_score s = { .points = points, .turn = turn };
    s.kind = safe(kind ? kind : "award", &bad);
    s.id = safe(id ? id : "", &bad);
    s.text = safe(txt ? txt : "", &bad);
    if (bad || VEC_GROW(v->scores) < 0) {
        free(s.kind);
        free(s.id);
        free(s.text);
        return -1;
    }
    v->scores.v[v->scores.n++] = s;
    return 0;
}

static int fold_queued(view *v, const event *ev)
{
    bool bad = false;
    view_action a = {
        .qid = (int)ev->value, .role = ev->role ? scen_role_find(v->sc, ev->role) : -1,
        .action = ev->subject ? scen_action_find(v->sc, ev->subject) : -1,
        .turn_queued = ev->turn, .state = VQ_QUEUED,
    };
    a.target = safe_own(attrs_str(ev->attrs, "target"), &bad);
    a.facts = safe_own(attrs_str(ev->attrs, "facts"), &bad);
    a.verdict = (int)attrs_int(ev->attrs, "verdict", -1);
    a.done_turn = (int)attrs_int(ev->attrs, "done_turn", ev->turn);
    if (bad || VEC_GROW(v->acts) < 0) {
        free(a.target);
        free(a.facts);
        return -1;
    }
    v->acts.v[v->acts.n++] = a;
    if (a.role >= 0 && a.action >= 0)
        v->ap_used[a.role] += v->sc->actions[a.action].cost;
    return 0;
}

static view_action *act_find(view *v, int64_t qid)
{
    /* Queue numbers count from 1 in queue order, so the index is direct;
     * a view that missed some events falls back to a search. */
    if (qid >= 1 && qid <= v->acts.n && v->acts.v[qid - 1].qid == qid)
        return &v->acts.v[qid - 1];
    for (int i = 0; i < v->acts.n; i++)
        if (v->acts.v[i].qid == qid)
            return &v->acts.v[i];
    return NULL;
}

static void fold_state(view *v, const event *ev, bool reveal)
{
    int a = ev->subject ? scen_asset_find(v->sc, ev->subject) : -1;
    int f = ev->field ? asset_field_find(ev->field) : -1;
    if (a < 0 || f < 0)
        return;
    /* A truth view shows the real state; a team view what it observes
     * or was shown (a reveal in a truth view changes nothing real). */
    if (v->truth && reveal)
        return;
    v->state[a][f] = ev->value ? 1 : 0;
    v->revealed[a][f] = reveal;
}

/* The events an input makes first: a queued or cancelled action, a
 * player ready to end the turn (each names its role), a facilitator's
 * message or award. Remembered per role, for a resumed screen. */
static void note_input(view *v, const event *ev)
{
    bool fac = ev->role && strcmp(ev->role, "facilitator") == 0;
    if (ev->kind == EVK_QUEUED || ev->kind == EVK_CANCELLED || ev->kind == EVK_READY) {
        int r = ev->role ? scen_role_find(v->sc, ev->role) : -1;
        if (r >= 0)
            v->role_input[r] = ev->seq;
    } else if (!((ev->kind == EVK_NOTE || ev->kind == EVK_SCORE) && fac)) {
        return;
    }
    v->last_input = ev->seq;
}

int view_fold(view *v, const event *ev)
{
    if (!v->truth && ev->vis != EV_TEAM)
        return 0;
    int rc = 0;
    if (ev->seq > v->last_seq)
        v->last_seq = ev->seq;
    note_input(v, ev);
    switch (ev->kind) {
    case EVK_SESSION: {
        char *mode = attrs_str(ev->attrs, "mode");
        v->exercise = mode && strcmp(mode, "exercise") == 0;
        free(mode);
        break;
    }
    case EVK_TURN:
        v->turn = (int)ev->value;
        v->minute = ev->minute;
        memset(v->ap_used, 0, (size_t)(v->sc->nroles ? v->sc->nroles : 1) * sizeof *v->ap_used);
        v->ready = 0;
        break;
    case EVK_SIGNAL:
        rc = add_item(v, ev);
        break;
    case EVK_SIGNAL_TRUTH: {
        view_item *it = sig_find(v, ev->subject);
        if (it)
            it->truth = ev->value ? 1 : 0;
        break;
    }
    case EVK_STATE:
        fold_state(v, ev, false);
        if (ev->vis == EV_TRUTH)
            rc = add_item(v, ev);
        break;
    case EVK_REVEAL:
        fold_state(v, ev, true);
        rc = add_item(v, ev);
        break;
    case EVK_QUEUED:
        rc = fold_queued(v, ev);
        break;
    case EVK_CANCELLED: {
        view_action *a = act_find(v, ev->value);
        if (a && a->state == VQ_QUEUED) {
            a->state = VQ_CANCELLED;
            if (a->role >= 0 && a->action >= 0 && a->turn_queued == v->turn)
                v->ap_used[a->role] -= v->sc->actions[a->action].cost;
        }
        break;
    }
    case EVK_DONE: {
        view_action *a = act_find(v, ev->value);
        if (a)
            a->state = VQ_DONE;
        rc = add_item(v, ev);
        break;
    }
    case EVK_TRIAGE: {
        view_item *it = sig_find(v, ev->subject);
        if (it)
            it->verdict = ev->value ? 1 : 0;
        break;
    }
    case EVK_HINT: {
        for (int i = 0; i < v->sc->nhints; i++)
            if (ev->subject && strcmp(v->sc->hints[i].id, ev->subject) == 0)
                v->hint_taken[i] = true;
        rc = add_score(v, "hint", ev->subject, -(int)ev->value, ev->turn,
                       text_get(&ev->text, v->lg));
        if (rc == 0) {
            v->score -= (int)ev->value;
            rc = add_item(v, ev);
        }
        break;
    }
    case EVK_SCORE:
        rc = add_score(v, ev->field, ev->subject, (int)ev->value, ev->turn,
                       text_get(&ev->text, v->lg));
        if (rc == 0) {
            v->score += (int)ev->value;
            if (!ev->field || strcmp(ev->field, "objective") != 0)
                rc = add_item(v, ev);
        }
        break;
    case EVK_OBJECTIVE: {
        int i = ev->subject ? scen_objective_find(v->sc, ev->subject) : -1;
        if (i >= 0) {
            v->obj[i] = ev->value ? 1 : 0;
            v->obj_turn[i] = ev->turn;
        }
        rc = add_item(v, ev);
        break;
    }
    case EVK_ENDING: {
        bool bad = false;
        char *o = safe(ev->subject ? ev->subject : "?", &bad);
        char *t = safe(text_get(&ev->text, v->lg), &bad);
        if (bad || add_item(v, ev) < 0) {
            free(o);
            free(t);
            rc = -1;
            break;
        }
        free(v->outcome);
        free(v->ending_text);
        v->outcome = o;
        v->ending_text = t;
        v->success = ev->value != 0;
        v->final_score = (int)attrs_int(ev->attrs, "score", v->score);
        break;
    }
    case EVK_READY:
        if (ev->value >= 0 && ev->value < 64)
            v->ready |= 1ULL << ev->value;
        break;
    case EVK_NOTE:
    case EVK_LOG:
    case EVK_HOOK_ERROR:
    case EVK_FACILITATOR:
        rc = add_item(v, ev);
        break;
    case EVK_REPORT:
    case EVK_COUNT:
        break;
    }
    if (rc < 0)
        v->oom = true;
    return rc;
}

bool view_oom(const view *v) { return v->oom; }

static void sink_emit(void *ctx, const event *ev)
{
    view_fold(ctx, ev);
}

event_sink view_sink(view *v)
{
    event_sink s = { sink_emit, v };
    return s;
}

const scen *view_scen(const view *v) { return v->sc; }
lang view_lang(const view *v) { return v->lg; }
bool view_truth(const view *v) { return v->truth; }
int view_turn(const view *v) { return v->turn; }
int view_minute(const view *v) { return v->minute; }
bool view_exercise(const view *v) { return v->exercise; }
uint32_t view_last_seq(const view *v) { return v->last_seq; }
int view_score_total(const view *v) { return v->score; }
int view_score_count(const view *v) { return v->scores.n; }

const view_score *view_score_at(const view *v, int i)
{
    return i >= 0 && i < v->scores.n ? &v->scores.v[i] : NULL;
}

int view_objective(const view *v, int i, int *turn)
{
    if (i < 0 || i >= v->sc->nobjectives)
        return -1;
    if (turn)
        *turn = v->obj_turn[i];
    return v->obj[i];
}

bool view_hint_taken(const view *v, int i)
{
    return i >= 0 && i < v->sc->nhints && v->hint_taken[i];
}

int view_hint_next(const view *v)
{
    /* The engine's rule: hints come in declaration order. */
    for (int i = 0; i < v->sc->nhints; i++)
        if (!v->hint_taken[i])
            return v->sc->hints[i].from_turn <= v->turn ? i : -1;
    return -1;
}

int view_asset(const view *v, int asset, int field)
{
    if (asset < 0 || asset >= v->sc->nassets || field < 0 || field >= AF_COUNT)
        return -1;
    return v->state[asset][field];
}

bool view_asset_revealed(const view *v, int asset, int field)
{
    if (asset < 0 || asset >= v->sc->nassets || field < 0 || field >= AF_COUNT)
        return false;
    return v->revealed[asset][field];
}

int view_item_count(const view *v) { return v->items.n; }

view_item *view_item_at(const view *v, int i)
{
    return i >= 0 && i < v->items.n ? &v->items.v[i] : NULL;
}

int view_unread(const view *v) { return v->unread; }

void view_item_read(view *v, int i)
{
    if (i >= 0 && i < v->items.n && v->items.v[i].unread) {
        v->items.v[i].unread = false;
        v->unread--;
    }
}

void view_read_before(view *v, int turn)
{
    for (int i = 0; i < v->items.n && v->items.v[i].turn < turn; i++)
        view_item_read(v, i);
}

void view_read_upto(view *v, uint32_t seq)
{
    for (int i = 0; i < v->items.n && v->items.v[i].seq <= seq; i++)
        view_item_read(v, i);
}

uint32_t view_last_input(const view *v) { return v->last_input; }

uint32_t view_role_input(const view *v, int role)
{
    return role >= 0 && role < v->sc->nroles ? v->role_input[role] : 0;
}

int view_signal_count(const view *v) { return v->sigs.n; }

const view_item *view_signal_at(const view *v, int i)
{
    return i >= 0 && i < v->sigs.n ? &v->items.v[v->sigs.v[i]] : NULL;
}

const view_item *view_signal_find(const view *v, const char *id)
{
    return sig_find(v, id);
}

int view_action_count(const view *v) { return v->acts.n; }

const view_action *view_action_at(const view *v, int i)
{
    return i >= 0 && i < v->acts.n ? &v->acts.v[i] : NULL;
}

int view_ap_left(const view *v, int role)
{
    if (role < 0 || role >= v->sc->nroles)
        return 0;
    return v->sc->action_points - v->ap_used[role];
}

bool view_ready(const view *v, int p)
{
    return p >= 0 && p < 64 && (v->ready >> p & 1);
}

const char *view_outcome(const view *v) { return v->outcome; }
bool view_success(const view *v) { return v->success; }
const char *view_ending_text(const view *v) { return v->ending_text ? v->ending_text : ""; }
int view_final_score(const view *v) { return v->final_score; }
