/*
 * sim_policy.c - the bots' policies (sim.h; the rules are also described
 * for users in docs/cli.md, "simulate").
 *
 * random: each run draws an activity level a in [0, 1); each turn, while a
 * draw with probability a says "one more", the bot queues one input chosen
 * uniformly among the valid candidates (every action of the scenario with
 * every target the team knows of), then ends the turn. Low activity gives
 * idle teams, high activity busy and chaotic ones, so together the runs
 * cover both what a team neglects and what it breaks.
 *
 * greedy: the rules below, in priority order, each turn until no rule
 * gives a valid input; then it ends the turn. It uses only the team view,
 * so it can be fooled as a team can (it triages by severity, it cannot
 * tell a false positive before investigating).
 */
#include "ui/sim_int.h"

#include <string.h>

/* ---- random ------------------------------------------------------------------ */

/* How many candidates action ai has now (0 when no role can pay for it). */
static int cand_count(const sim_bot *b, const engine *e, int ai)
{
    const scen *sc = b->sc;
    const scen_action *a = &sc->actions[ai];
    if (b->off[ai])
        return 0;
    bool payable = false;
    for (int k = 0; k < a->nroles && !payable; k++)
        payable = engine_ap_left(e, a->roles[k]) >= a->cost;
    if (!payable)
        return 0;
    int facts = a->facts ? 2 : 1;     /* all the facts, or some of them */
    switch (a->target) {
    case TGT_NONE: return 1;
    case TGT_ASSET: return sc->nassets;
    case TGT_SIGNAL: return b->nsigs * (a->verdict ? 2 : 1);
    case TGT_INDICATOR: return b->nind;
    case TGT_RECIPIENT: return sc->nrecipients * facts;
    case TGT_AUDIENCE: return sc->naudiences * facts;
    case TGT_SUPPORT: return sc->nsupports * facts;
    default: return 0;
    }
}

/* Candidate k of action ai: its target, verdict and facts. */
static const char *cand_decode(const sim_bot *b, int ai, int k, int *verdict, bot_facts *facts)
{
    const scen *sc = b->sc;
    const scen_action *a = &sc->actions[ai];
    *verdict = -1;
    *facts = FACTS_NONE;
    if (a->facts) {
        *facts = k % 2 ? FACTS_SOME : FACTS_ALL;
        if (a->target == TGT_RECIPIENT || a->target == TGT_AUDIENCE || a->target == TGT_SUPPORT)
            k /= 2;
    }
    switch (a->target) {
    case TGT_ASSET: return sc->assets[k].id;
    case TGT_SIGNAL:
        if (a->verdict) {
            *verdict = k % 2;
            k /= 2;
        }
        return b->sigs[k].id;
    case TGT_INDICATOR: return b->ind[k].text;
    case TGT_RECIPIENT: return sc->recipients[k].id;
    case TGT_AUDIENCE: return sc->audiences[k].id;
    case TGT_SUPPORT: return sc->supports[k].id;
    default: return NULL;
    }
}

/* One uniform pick among the valid candidates, given. false when there is
 * none left this turn. */
static bool random_pick(sim_bot *b, engine *e)
{
    const scen *sc = b->sc;
    for (;;) {
        long total = 0;
        for (int ai = 0; ai < sc->nactions; ai++)
            total += cand_count(b, e, ai);
        if (total == 0)
            return false;
        long k = (long)rng_range(&b->r, 0, total - 1);
        int ai = 0;
        for (; ai < sc->nactions; ai++) {
            int c = cand_count(b, e, ai);
            if (k < c)
                break;
            k -= c;
        }
        int verdict;
        bot_facts facts;
        const char *target = cand_decode(b, ai, (int)k, &verdict, &facts);
        const scen_action *a = &sc->actions[ai];
        int roles[64], nr = 0;
        for (int j = 0; j < a->nroles && nr < 64; j++)
            if (engine_ap_left(e, a->roles[j]) >= a->cost)
                roles[nr++] = a->roles[j];
        int r = roles[rng_range(&b->r, 0, nr - 1)];
        bot_render(b, ai, r, target, verdict, facts);
        int rc = bot_give(b, e);
        if (rc == ENG_OK)
            return true;
        if (rc == ENG_ENOMEM)
            return false;
        /* Refused for a reason the candidates do not model (no hint
         * available yet, hints not allowed): leave the action out for the
         * rest of the turn, which keeps the pick uniform over the rest. */
        b->off[ai] = true;
    }
}

int bot_random_turn(sim_bot *b, engine *e)
{
    const scen *sc = b->sc;
    memset(b->off, 0, (size_t)sc->nactions * sizeof *b->off);
    /* Cost-free actions (wait, hint) would let a turn go on for ever. */
    int cap = 4 * sc->nroles + 8;
    for (int i = 0; i < cap && rng_chance(&b->r, b->activity); i++)
        if (!random_pick(b, e))
            break;
    return b->oom ? ENG_ENOMEM : ENG_OK;
}

/* ---- greedy ------------------------------------------------------------------ */

static bool comp(const sim_bot *b, const engine *e, int a)
{
    return bot_known(b, e, a, AF_COMPROMISED, true);
}

/* Known to be rid of the attacker: investigated clean, or an eradication
 * the team was told worked. */
static bool cleaned(const sim_bot *b, const engine *e, int a)
{
    return !comp(b, e, a) &&
           (bot_known(b, e, a, AF_COMPROMISED, false) || bot_known(b, e, a, AF_CLEAN, true));
}

static int done(const sim_bot *b, int std, int a)
{
    return b->std[std] < 0 ? 0 : b->last_done[bot_at(b, b->std[std], a)];
}

static bool pend(const sim_bot *b, int std, int a)
{
    return b->std[std] >= 0 && b->pending[bot_at(b, b->std[std], a)];
}

static bool try_asset(sim_bot *b, engine *e, int std, int a)
{
    if (b->std[std] < 0 || pend(b, std, a))
        return false;
    return bot_try(b, e, b->std[std], b->sc->assets[a].id, -1, FACTS_NONE);
}

static bool linked(const scen *sc, int a, int c)
{
    for (int i = 0; i < sc->nlinks; i++)
        if ((sc->links[i].a == a && sc->links[i].b == c) || (sc->links[i].b == a && sc->links[i].a == c))
            return true;
    return false;
}

/* Credentials to rotate once the attacker is out: those of every asset
 * that was compromised, and of its neighbours (what a foothold reads). */
static bool needs_reset(const sim_bot *b, int a)
{
    if (b->ever_comp[a])
        return true;
    for (int c = 0; c < b->sc->nassets; c++)
        if (b->ever_comp[c] && linked(b->sc, a, c))
            return true;
    return false;
}

static bool resets_done(const sim_bot *b)
{
    if (b->std[STD_RESET] < 0 || (b->lapses & LAPSE_RESET))
        return true;
    for (int a = 0; a < b->sc->nassets; a++)
        if (needs_reset(b, a) && done(b, STD_RESET, a) < b->clean_since)
            return false;
    return true;
}

/* A compromised asset is ready to serve again: clean, patched (or a patch
 * tried since), credentials rotated, restored (unless it has no backup). */
static bool ready(const sim_bot *b, const engine *e, int a)
{
    if (!b->clean_since || !cleaned(b, e, a) || !resets_done(b))
        return false;
    if (!engine_asset_get(e, a, AF_PATCHED) && done(b, STD_PATCH, a) < b->clean_since &&
        b->std[STD_PATCH] >= 0 && !(b->lapses & LAPSE_PATCH))
        return false;
    bool no_backup = bot_known(b, e, a, AF_BACKUP, false);
    return no_backup || b->std[STD_RESTORE] < 0 || (b->lapses & LAPSE_RESTORE) ||
           done(b, STD_RESTORE, a) >= b->clean_since;
}

/* Where the incident stands, by what the team knows. */
static void greedy_phase(sim_bot *b, const engine *e)
{
    const scen *sc = b->sc;
    int t = engine_turn(e);
    bool any = false, all_clean = true, all_back = true;
    for (int a = 0; a < sc->nassets; a++) {
        if (!b->ever_comp[a])
            continue;
        any = true;
        if (!cleaned(b, e, a))
            all_clean = false;
        if (!cleaned(b, e, a) || engine_asset_get(e, a, AF_ISOLATED) ||
            !engine_asset_get(e, a, AF_ONLINE))
            all_back = false;
    }
    for (int i = 0; i < b->nsigs && !any; i++)
        any = b->sigs[i].verdict == 1 && b->sigs[i].severity >= 2 && b->sigs[i].turn < t;
    if (any && !b->incident_since)
        b->incident_since = t;
    bool comp_known = false;
    for (int a = 0; a < sc->nassets; a++)
        comp_known = comp_known || b->ever_comp[a];
    b->clean_since = comp_known && all_clean ? (b->clean_since ? b->clean_since : t) : 0;
    b->recovered_since = b->clean_since && all_back
                             ? (b->recovered_since ? b->recovered_since : t) : 0;
}

static void rule_triage(sim_bot *b, engine *e)
{
    for (int i = 0; i < b->nsigs; i++) {
        bot_signal *s = &b->sigs[i];
        if (s->verdict >= 0)
            continue;
        /* Severity is all a team has before looking, plus what it knows
         * of the asset the signal names. */
        int v = s->severity >= 2 || (s->asset >= 0 && (b->ever_comp[s->asset] || comp(b, e, s->asset)));
        if (bot_try(b, e, b->std[STD_TRIAGE], s->id, v, FACTS_NONE))
            s->verdict = v;
    }
}

static void rule_investigate(sim_bot *b, engine *e)
{
    const scen *sc = b->sc;
    for (int a = 0; a < sc->nassets; a++) {
        int inv = done(b, STD_INVESTIGATE, a);
        bool why = b->sig_turn[a] > inv && !comp(b, e, a);     /* news about it */
        why = why || (comp(b, e, a) && done(b, STD_EVIDENCE, a) >= inv &&
                      engine_asset_get(e, a, AF_EVIDENCE) &&
                      !(b->lapses & LAPSE_DEEP_LOOK));            /* a deeper look on the image */
        why = why || (comp(b, e, a) && done(b, STD_ERADICATE, a) > inv);  /* the sweep missed */
        why = why || (b->ever_comp[a] && !engine_knows(e, a, AF_COMPROMISED));  /* stale */
        for (int c = 0; c < sc->nassets && !why && inv == 0; c++)
            why = b->ever_comp[c] && linked(sc, a, c);          /* lateral movement */
        if (why)
            try_asset(b, e, STD_INVESTIGATE, a);
    }
}

static bool cut_off(const engine *e, int a)
{
    return engine_asset_get(e, a, AF_ISOLATED) || !engine_asset_get(e, a, AF_ONLINE);
}

static void rule_contain(sim_bot *b, engine *e)
{
    const scen *sc = b->sc;
    for (int a = 0; a < sc->nassets; a++) {
        if (comp(b, e, a) && !cut_off(e, a) && !(b->lapses & LAPSE_CONTAIN))
            try_asset(b, e, STD_ISOLATE, a);
        if (b->ever_comp[a] && !engine_asset_get(e, a, AF_EVIDENCE) && !(b->lapses & LAPSE_EVIDENCE))
            try_asset(b, e, STD_EVIDENCE, a);
    }
    if (b->lapses & LAPSE_RESET)
        return;
    /* The credentials of a compromised asset and of its neighbours (what a
     * foothold reads) are rotated as soon as no other known foothold is
     * still connected to watch the new ones being typed; and again once the
     * attacker is out (rule_recover). */
    for (int c = 0; c < sc->nassets; c++) {
        if (!comp(b, e, c))
            continue;
        for (int a = 0; a < sc->nassets; a++) {
            if ((a != c && !linked(sc, a, c)) || done(b, STD_RESET, a) >= b->comp_since[c])
                continue;
            bool watched = false;
            for (int k = 0; k < sc->nassets && !watched; k++)
                watched = k != a && comp(b, e, k) && !cut_off(e, k);
            if (!watched)
                try_asset(b, e, STD_RESET, a);
        }
    }
}

static void rule_recover(sim_bot *b, engine *e)
{
    const scen *sc = b->sc;
    for (int a = 0; a < sc->nassets; a++) {
        int inv = done(b, STD_INVESTIGATE, a);
        bool imaged = engine_asset_get(e, a, AF_EVIDENCE) || b->std[STD_EVIDENCE] < 0 ||
                      (b->lapses & LAPSE_EVIDENCE);
        /* After imaging, a deeper look first (unless this run skips it). */
        int after = (b->lapses & LAPSE_DEEP_LOOK) ? 0 : done(b, STD_EVIDENCE, a);
        if (comp(b, e, a) && imaged && inv > after && inv > done(b, STD_ERADICATE, a) &&
            !pend(b, STD_INVESTIGATE, a))
            try_asset(b, e, STD_ERADICATE, a);
        /* A patch that did not take (the weakness not yet understood) is
         * tried again after the next investigation. */
        if (b->ever_comp[a] && !engine_asset_get(e, a, AF_PATCHED) && !(b->lapses & LAPSE_PATCH) &&
            (done(b, STD_PATCH, a) == 0 || inv > done(b, STD_PATCH, a) ||
             (b->clean_since && done(b, STD_PATCH, a) < b->clean_since)))
            try_asset(b, e, STD_PATCH, a);
    }
    if (!b->clean_since)
        return;
    /* Work the scenario defines (a rebuild, a clean-up) finishes before
     * service comes back: restoring onto half-done work is how attackers
     * come back. */
    bool busy = false;
    for (int i = engine_queue_count(e) - 1; i >= 0 && !busy; i--) {
        const action_inst *q = engine_queue_at(e, i);
        busy = b->own[q->action] && !q->completed && !q->cancelled;
    }
    for (int a = 0; a < sc->nassets && !(b->lapses & LAPSE_RESET); a++)
        if (needs_reset(b, a) && done(b, STD_RESET, a) < b->clean_since)
            try_asset(b, e, STD_RESET, a);
    for (int a = 0; a < sc->nassets; a++) {
        bool damaged = bot_known(b, e, a, AF_ENCRYPTED, true) || bot_known(b, e, a, AF_DEFACED, true);
        if ((b->ever_comp[a] || damaged) && cleaned(b, e, a) && resets_done(b) && !busy &&
            !(b->lapses & LAPSE_RESTORE) &&
            !bot_known(b, e, a, AF_BACKUP, false) && done(b, STD_RESTORE, a) < b->clean_since)
            try_asset(b, e, STD_RESTORE, a);
    }
    for (int a = 0; a < sc->nassets; a++) {
        if (!b->ever_comp[a] || !ready(b, e, a) || busy)
            continue;
        if (engine_asset_get(e, a, AF_ISOLATED) && done(b, STD_ISOLATE, a) > 0)
            try_asset(b, e, STD_RECONNECT, a);
        if (!engine_asset_get(e, a, AF_ONLINE))
            try_asset(b, e, STD_START, a);
    }
}

/* Reports and statements: every recipient once the incident is on, with
 * every fact, and again when new evidence was taken since; every audience
 * and every helper once. */
static void rule_tell(sim_bot *b, engine *e)
{
    const scen *sc = b->sc;
    if (!b->incident_since)
        return;
    int evidence = 0;
    for (int a = 0; a < sc->nassets; a++)
        if (done(b, STD_EVIDENCE, a) > evidence)
            evidence = done(b, STD_EVIDENCE, a);
    bool pending;
    for (int i = 0; i < sc->nrecipients && b->std[STD_REPORT] >= 0; i++) {
        int last = bot_done_on(e, b->std[STD_REPORT], sc->recipients[i].id, &pending);
        if (!pending && (last == 0 || last < evidence))
            bot_try(b, e, b->std[STD_REPORT], sc->recipients[i].id, -1, FACTS_ALL);
    }
    for (int i = 0; i < sc->naudiences && b->std[STD_COMMUNICATE] >= 0; i++)
        if ((i >= 64 || (b->audiences >> i & 1)) &&
            !bot_queued_since(e, b->std[STD_COMMUNICATE], sc->audiences[i].id, 1))
            bot_try(b, e, b->std[STD_COMMUNICATE], sc->audiences[i].id, -1, FACTS_ALL);
    for (int i = 0; i < sc->nsupports && b->std[STD_SUPPORT] >= 0; i++)
        if (!bot_queued_since(e, b->std[STD_SUPPORT], sc->supports[i].id, 1))
            bot_try(b, e, b->std[STD_SUPPORT], sc->supports[i].id, -1, FACTS_NONE);
    /* Indicators from investigation results, or from signals judged real. */
    for (int i = 0; i < b->nind && b->std[STD_BLOCK] >= 0; i++) {
        int s = b->ind[i].signal;
        if (s >= 0 && b->sigs[s].verdict != 1)
            continue;
        if (!bot_queued_since(e, b->std[STD_BLOCK], b->ind[i].text, 1))
            bot_try(b, e, b->std[STD_BLOCK], b->ind[i].text, -1, FACTS_NONE);
    }
}

/* The scenario's own actions, in the runs that use them: once in each
 * phase of the response (the incident is on; the attacker is out; service
 * is back), on each target that phase makes sense of; and while something
 * stays known compromised, again every OWN_RETRY turns (what did not work
 * early may work now). */
#define OWN_RETRY 4

static void rule_own(sim_bot *b, engine *e)
{
    const scen *sc = b->sc;
    int phase = b->recovered_since ? b->recovered_since
              : b->clean_since    ? b->clean_since
                                  : b->incident_since;
    if (!phase)
        return;
    bool stuck = false;
    for (int a = 0; a < sc->nassets && !stuck; a++)
        stuck = comp(b, e, a);
    int t = engine_turn(e);
    if (stuck && !b->clean_since)
        phase += (t - phase) / OWN_RETRY * OWN_RETRY;
    for (int ai = 0; ai < sc->nactions; ai++) {
        const scen_action *a = &sc->actions[ai];
        if (!b->own[ai] || !b->use_own[ai])
            continue;
        switch (a->target) {
        case TGT_NONE:
            if (!bot_queued_since(e, ai, NULL, phase))
                bot_try(b, e, ai, NULL, -1, FACTS_ALL);
            break;
        case TGT_ASSET:
            for (int k = 0; k < sc->nassets; k++)
                if (b->ever_comp[k] && !bot_queued_since(e, ai, sc->assets[k].id, phase))
                    bot_try(b, e, ai, sc->assets[k].id, -1, FACTS_ALL);
            break;
        case TGT_SIGNAL:
            for (int k = 0; k < b->nsigs; k++)
                if (b->sigs[k].verdict == 1 && !bot_queued_since(e, ai, b->sigs[k].id, phase))
                    bot_try(b, e, ai, b->sigs[k].id, a->verdict ? 1 : -1, FACTS_ALL);
            break;
        case TGT_INDICATOR:
            for (int k = 0; k < b->nind; k++)
                if (!bot_queued_since(e, ai, b->ind[k].text, phase))
                    bot_try(b, e, ai, b->ind[k].text, -1, FACTS_ALL);
            break;
        default: {
            const scen_named *v = a->target == TGT_RECIPIENT ? sc->recipients
                                : a->target == TGT_AUDIENCE  ? sc->audiences
                                                             : sc->supports;
            int n = a->target == TGT_RECIPIENT ? sc->nrecipients
                  : a->target == TGT_AUDIENCE  ? sc->naudiences
                                               : sc->nsupports;
            for (int k = 0; k < n; k++)
                if (!bot_queued_since(e, ai, v[k].id, phase))
                    bot_try(b, e, ai, v[k].id, -1, FACTS_ALL);
            break;
        }
        }
    }
}

int bot_greedy_turn(sim_bot *b, engine *e)
{
    bot_refresh(b, e);
    greedy_phase(b, e);
    /* Containment and imaging first: they are what is lost by waiting. */
    rule_contain(b, e);
    rule_triage(b, e);
    rule_own(b, e);
    rule_investigate(b, e);
    rule_recover(b, e);
    rule_tell(b, e);
    return b->oom ? ENG_ENOMEM : ENG_OK;
}
