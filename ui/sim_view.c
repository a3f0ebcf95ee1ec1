/*
 * sim_view.c - what a bot perceives, and how it gives an input (sim.h).
 *
 * The bot is a player without a screen: it folds the EV_TEAM events into
 * the little it needs (signals with the asset and severity they carry,
 * indicators quoted in what it was told), and asks the engine only what a
 * player's screen shows: the fields a team always observes, what the team
 * has learnt (engine_knows), action points, and the team's own queue.
 */
#include "ui/sim_int.h"

#include <stdlib.h>
#include <string.h>

const char *const sim_policy_names[2] = { "random", "greedy" };

int sim_policy_find(const char *name)
{
    for (int i = 0; i < 2; i++)
        if (name && strcmp(name, sim_policy_names[i]) == 0)
            return i;
    return -1;
}

const char *const bot_std_ids[STD_COUNT] = {
    "triage", "investigate", "isolate", "reconnect", "shutdown", "start",
    "block", "reset_credentials", "collect_evidence", "eradicate", "patch", "restore",
    "report", "communicate", "request_support", "hint", "wait",
};

/* ---- lifecycle ------------------------------------------------------------ */

sim_bot *sim_bot_new(const scen *sc, sim_policy policy, uint64_t seed)
{
    sim_bot *b = calloc(1, sizeof *b);
    if (!b)
        return NULL;
    b->sc = sc;
    b->policy = policy;
    /* Its own stream, apart from the session's: the scenario then draws
     * from the session generator exactly as it would with a player. The
     * constant keeps the two streams from being the same one. */
    rng_seed(&b->r, seed ^ 0x9e3779b97f4a7c15u);
    size_t na = (size_t)sc->nactions, ns = (size_t)sc->nassets;
    size_t cells = na * ns + 1;
    b->role_load = calloc((size_t)sc->nroles + 1, sizeof *b->role_load);
    b->own = calloc(na + 1, sizeof *b->own);
    b->last_done = calloc(cells, sizeof *b->last_done);
    b->pending = calloc(cells, sizeof *b->pending);
    b->sig_turn = calloc(ns + 1, sizeof *b->sig_turn);
    b->ever_comp = calloc(ns + 1, sizeof *b->ever_comp);
    b->use_own = calloc(na + 1, sizeof *b->use_own);
    b->comp_since = calloc(ns + 1, sizeof *b->comp_since);
    b->off = calloc(na + 1, sizeof *b->off);
    if (!b->role_load || !b->own || !b->last_done || !b->pending || !b->sig_turn ||
        !b->ever_comp || !b->use_own || !b->off || !b->comp_since) {
        sim_bot_free(b);
        return NULL;
    }
    for (int k = 0; k < STD_COUNT; k++)
        b->std[k] = scen_action_find(sc, bot_std_ids[k]);
    for (int i = 0; i < sc->nactions; i++) {
        b->own[i] = true;
        for (int k = 0; k < STD_COUNT; k++)
            if (b->std[k] == i)
                b->own[i] = false;
        for (int k = 0; k < sc->actions[i].nroles; k++)
            b->role_load[sc->actions[i].roles[k]]++;
        /* The scenario's own actions mean what its hooks make them mean,
         * which no rule can know: each run of greedy uses most of them and
         * leaves some out, so that across runs the combinations are tried
         * (a trap among them is left out in a quarter of the runs). */
        b->use_own[i] = rng_chance(&b->r, 0.75);
    }
    for (int k = 0; k < 64; k++)
        if (rng_chance(&b->r, 0.75))
            b->audiences |= (uint64_t)1 << k;
    for (int k = 0; k < LAPSE_COUNT; k++)
        if (rng_chance(&b->r, 0.125))
            b->lapses |= 1u << k;
    b->activity = rng_double(&b->r);
    return b;
}

void sim_bot_free(sim_bot *b)
{
    if (!b)
        return;
    free(b->sigs);
    free(b->role_load);
    free(b->own);
    free(b->last_done);
    free(b->pending);
    free(b->sig_turn);
    free(b->ever_comp);
    free(b->use_own);
    free(b->comp_since);
    free(b->off);
    sb_free(&b->line);
    sb_free(&b->log);
    free(b);
}

const char *sim_bot_last_turn(const sim_bot *b) { return sb_str(&b->log); }

/* ---- observing ------------------------------------------------------------ */

/* The string value of "key":"..." in an event's attrs (ids and severities
 * have no escapes). */
static bool attr_str(const char *attrs, const char *key, char *out, size_t outsz)
{
    if (!attrs)
        return false;
    char pat[32];
    size_t k = strlen(key);
    if (k + 4 > sizeof pat)
        return false;
    pat[0] = '"';
    memcpy(pat + 1, key, k);
    memcpy(pat + 1 + k, "\":\"", 4);
    const char *p = strstr(attrs, pat);
    if (!p)
        return false;
    p += k + 4;
    size_t n = strcspn(p, "\"\\");
    if (n >= outsz || p[n] != '"')
        return false;
    memcpy(out, p, n);
    out[n] = '\0';
    return true;
}

static int severity_rank(const char *s)
{
    static const char *const names[] = { "info", "low", "medium", "high", "critical" };
    for (int i = 0; i < 5; i++)
        if (strcmp(s, names[i]) == 0)
            return i;
    return 0;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

static bool ipv4(const char *s, size_t n)
{
    int parts = 0, digits = 0, v = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && is_digit(s[i])) {
            v = v * 10 + (s[i] - '0');
            if (++digits > 3 || v > 255)
                return false;
        } else if (i == n || s[i] == '.') {
            if (!digits)
                return false;
            parts++;
            digits = v = 0;
        } else {
            return false;
        }
    }
    return parts == 4;
}

/* A domain: two labels or more of letters, digits and '-', the last one
 * letters only, and not a file name (upload.php, config.php). */
static bool domain(const char *s, size_t n)
{
    static const char *const ext[] = {
        "php", "jpg", "jpeg", "png", "gif", "js", "css", "html", "htm", "exe", "dll", "zip",
        "rar", "txt", "pdf", "doc", "docx", "xls", "xlsx", "lua", "sh", "bat", "ps1", "json",
        "xml", "log", "bak", "sql", "tar", "gz", "jsp", "asp", "aspx", "py", "msi", "iso",
        "cfg", "conf", "ini", "vbs", "hta", "lnk", "tmp", "csv", "eml", "db", "dat",
    };
    size_t last = 0;
    int labels = 1;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.') {
            if (i == 0 || i == last)
                return false;
            last = i + 1;
            labels++;
        } else if (!is_alpha(s[i]) && !is_digit(s[i]) && s[i] != '-') {
            return false;
        }
    }
    size_t tld = n - last;
    if (labels < 2 || tld < 2 || tld > 24)
        return false;
    for (size_t i = last; i < n; i++)
        if (!is_alpha(s[i]))
            return false;
    for (size_t k = 0; k < sizeof ext / sizeof *ext; k++)
        if (strlen(ext[k]) == tld && strncmp(s + last, ext[k], tld) == 0)
            return false;
    return true;
}

static bool hash_like(const char *s, size_t n)
{
    if (n != 32 && n != 40 && n != 64)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!is_hex(s[i]))
            return false;
    return true;
}

static void add_indicator(sim_bot *b, const char *s, size_t n, int signal)
{
    if (n >= BOT_IND_MAX || b->nind == BOT_MAX_INDICATORS)
        return;
    for (int i = 0; i < b->nind; i++)
        if (strlen(b->ind[i].text) == n && memcmp(b->ind[i].text, s, n) == 0)
            return;
    memcpy(b->ind[b->nind].text, s, n);
    b->ind[b->nind].text[n] = '\0';
    b->ind[b->nind].signal = signal;
    b->nind++;
}

/* Addresses, domains and hashes quoted in a text the team read: what a
 * responder would copy into a block list. Tokens are runs of letters,
 * digits, '.', '-' and '_'; one next to '/' or '@' is part of a path, URL
 * or mail address and is left alone. */
/* Letters, digits, '.', '-' and '_': what a token is made of. */
static bool is_tok(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '.' || c == '-' || c == '_';
}

static void scan_indicators(sim_bot *b, const char *t, int signal)
{
    /* Texts are long and mostly words: a token too short to be an address,
     * a domain or a hash (a.bc, 1.2.3.4 are the shortest) is skipped with
     * no more than its length counted. */
    const unsigned char *u = (const unsigned char *)t;
    size_t i = 0, n = strlen(t);
    while (i < n) {
        if (!is_tok(u[i])) {
            i++;
            continue;
        }
        size_t s = i;
        bool dot = false;
        while (i < n && is_tok(u[i]))
            dot |= u[i++] == '.';
        size_t e = i;
        if (!dot && e - s < 32)
            continue;                      /* no dot: only a hash could be it */
        while (e > s && (t[e - 1] == '.' || t[e - 1] == '-'))
            e--;
        bool path = (s > 0 && (t[s - 1] == '/' || t[s - 1] == '@')) ||
                    (i < n && (t[i] == '/' || t[i] == '@'));
        if (path || e == s || memchr(t + s, '_', e - s))
            continue;
        if (ipv4(t + s, e - s) || domain(t + s, e - s) || hash_like(t + s, e - s))
            add_indicator(b, t + s, e - s, signal);
    }
}

static void add_signal(sim_bot *b, const event *ev)
{
    if (!ev->subject || strlen(ev->subject) >= BOT_ID_MAX)
        return;
    if (b->nsigs == b->cap_sigs) {
        int nc = b->cap_sigs ? b->cap_sigs * 2 : 32;
        bot_signal *ns = realloc(b->sigs, (size_t)nc * sizeof *ns);
        if (!ns) {
            b->oom = true;
            return;
        }
        b->sigs = ns;
        b->cap_sigs = nc;
    }
    bot_signal *s = &b->sigs[b->nsigs];
    memset(s, 0, sizeof *s);
    strcpy(s->id, ev->subject);
    char buf[BOT_ID_MAX];
    s->asset = attr_str(ev->attrs, "asset", buf, sizeof buf) ? scen_asset_find(b->sc, buf) : -1;
    s->severity = attr_str(ev->attrs, "severity", buf, sizeof buf) ? severity_rank(buf) : 0;
    s->turn = ev->turn;
    s->verdict = -1;
    if (s->asset >= 0 && b->sig_turn[s->asset] < ev->turn)
        b->sig_turn[s->asset] = ev->turn;
    scan_indicators(b, text_get(&ev->text, LANG_EN), b->nsigs);
    b->nsigs++;
}

void sim_bot_observe(sim_bot *b, const event *ev)
{
    /* The bot is a player: what the team does not see does not exist. */
    if (ev->vis != EV_TEAM)
        return;
    switch (ev->kind) {
    case EVK_TURN:
        b->turn = (int)ev->value;
        break;
    case EVK_SIGNAL:
        add_signal(b, ev);
        break;
    case EVK_NOTE:
    case EVK_REVEAL:
        scan_indicators(b, text_get(&ev->text, LANG_EN), -1);
        break;
    default:
        break;
    }
}

/* ---- the state a player's screen shows ------------------------------------- */

bool bot_known(const sim_bot *b, const engine *e, int asset, int field, bool value)
{
    (void)b;
    return engine_knows(e, asset, field) && engine_asset_get(e, asset, field) == value;
}

void bot_refresh(sim_bot *b, const engine *e)
{
    const scen *sc = b->sc;
    size_t cells = (size_t)sc->nactions * (size_t)sc->nassets;
    memset(b->last_done, 0, cells * sizeof *b->last_done);
    memset(b->pending, 0, cells * sizeof *b->pending);
    int n = engine_queue_count(e);
    for (int i = 0; i < n; i++) {
        const action_inst *q = engine_queue_at(e, i);
        if (q->cancelled || !q->target || sc->actions[q->action].target != TGT_ASSET)
            continue;
        int a = scen_asset_find(sc, q->target);
        if (a < 0)
            continue;
        int at = bot_at(b, q->action, a);
        if (q->completed) {
            if (b->last_done[at] < q->turn_done)
                b->last_done[at] = q->turn_done;
        } else {
            b->pending[at] = true;
        }
    }
    int t = engine_turn(e);
    for (int a = 0; a < sc->nassets; a++) {
        bool c = bot_known(b, e, a, AF_COMPROMISED, true);
        if (c && !b->comp_since[a])
            b->comp_since[a] = t;
        else if (!c && engine_knows(e, a, AF_COMPROMISED))
            b->comp_since[a] = 0;
        b->ever_comp[a] = b->ever_comp[a] || c;
    }
}

int bot_done_on(const engine *e, int ai, const char *target, bool *pending)
{
    int done = 0, n = engine_queue_count(e);
    *pending = false;
    for (int i = 0; i < n; i++) {
        const action_inst *q = engine_queue_at(e, i);
        if (q->cancelled || q->action != ai || !q->target || strcmp(q->target, target) != 0)
            continue;
        if (!q->completed)
            *pending = true;
        else if (q->turn_done > done)
            done = q->turn_done;
    }
    return done;
}

bool bot_queued_since(const engine *e, int ai, const char *target, int since)
{
    for (int i = engine_queue_count(e) - 1; i >= 0; i--) {
        const action_inst *q = engine_queue_at(e, i);
        if (q->turn_queued < since)
            break;               /* the queue is in the order things were queued */
        if (q->cancelled || q->action != ai)
            continue;
        if (!target || (q->target && strcmp(q->target, target) == 0))
            return true;
    }
    return false;
}

/* ---- giving an input -------------------------------------------------------- */

void bot_render(sim_bot *b, int ai, int r, const char *target, int verdict, bot_facts facts)
{
    const scen *sc = b->sc;
    sbuf *l = &b->line;
    sb_reset(l);
    sb_puts(l, sc->roles[r].id);
    sb_putc(l, ' ');
    sb_puts(l, sc->actions[ai].id);
    if (target) {
        sb_putc(l, ' ');
        sb_puts(l, target);
    }
    if (verdict >= 0)
        sb_puts(l, verdict ? " true" : " false");
    int nf = sc->nfacts < BOT_MAX_FACTS ? sc->nfacts : BOT_MAX_FACTS;
    if (facts == FACTS_NONE || nf == 0 || !sc->actions[ai].facts)
        return;
    /* FACTS_SOME: a random non-empty part of the list (the random policy
     * also says too little, as real teams do). */
    uint64_t mask = 0;
    while (facts == FACTS_SOME && mask == 0)
        mask = rng_next(&b->r) & (((uint64_t)1 << nf) - 1);
    sb_puts(l, " --facts ");
    bool first = true;
    for (int i = 0; i < nf; i++) {
        if (facts == FACTS_SOME && !(mask >> i & 1))
            continue;
        if (!first)
            sb_putc(l, ',');
        sb_puts(l, sc->facts[i].id);
        first = false;
    }
}

int bot_give(sim_bot *b, engine *e)
{
    if (b->line.oom) {
        b->oom = true;
        return ENG_ENOMEM;
    }
    /* engine_input_apply checks the line first and changes nothing when
     * it is refused. */
    int rc = engine_input_apply(e, b->line.buf);
    if (rc == ENG_ENOMEM) {
        b->oom = true;
        return rc;
    }
    if (rc != ENG_OK)
        return ENG_EINPUT;
    sb_puts(&b->log, b->line.buf);
    sb_putc(&b->log, '\n');
    return ENG_OK;
}

bool bot_try(sim_bot *b, engine *e, int ai, const char *target, int verdict, bot_facts facts)
{
    if (ai < 0 || b->oom)
        return false;
    const scen_action *a = &b->sc->actions[ai];
    bool tried[64] = { false };
    for (int k = 0; k < a->nroles && k < 64; k++) {
        /* the least busy role that may take it and can pay for it now */
        int best = -1;
        for (int j = 0; j < a->nroles && j < 64; j++) {
            int r = a->roles[j];
            if (tried[j] || engine_ap_left(e, r) < a->cost)
                continue;
            if (best < 0 || b->role_load[r] < b->role_load[a->roles[best]])
                best = j;
        }
        if (best < 0)
            return false;
        tried[best] = true;
        bot_render(b, ai, a->roles[best], target, verdict, facts);
        int rc = bot_give(b, e);
        if (rc == ENG_OK) {
            if (target && a->target == TGT_ASSET) {
                int as = scen_asset_find(b->sc, target);
                if (as >= 0)
                    b->pending[bot_at(b, ai, as)] = true;
            }
            return true;
        }
        if (rc == ENG_ENOMEM)
            return false;
    }
    return false;
}

int sim_bot_turn(sim_bot *b, engine *e)
{
    sb_reset(&b->log);
    if (engine_over(e))
        return ENG_EOVER;
    int rc = b->policy == SIM_GREEDY ? bot_greedy_turn(b, e) : bot_random_turn(b, e);
    if (rc == ENG_OK && (b->oom || b->log.oom))
        rc = ENG_ENOMEM;
    if (rc != ENG_OK)
        return rc;
    rc = engine_input(e, "end");
    if (rc == ENG_OK) {
        sb_puts(&b->log, "end\n");
        return b->log.oom ? ENG_ENOMEM : ENG_OK;
    }
    return rc == ENG_ENOMEM ? ENG_ENOMEM : ENG_EINPUT;
}
