/*
 * input.c - inputs: parsing a line, checking it against the state,
 * applying it, and resolving queued actions.
 *
 * A line is "[ROLE] VERB ARGS..." with '#' comments (product.md §3). The
 * canonical form, which is what gets recorded, always names the role and
 * separates tokens by single spaces, so a recorded session replays the
 * same however the rules for leaving out the role evolve.
 */
#include "engine/engine_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define INPUT_MAX_LEN 1000
#define INPUT_MAX_TOKENS 16
#define INPUT_MAX_FACTS 16
#define FACILITATOR "facilitator"

typedef enum pkind { P_ACTION, P_END, P_CANCEL, P_FAC_AWARD, P_FAC_NOTE, P_FAC_END } pkind;

typedef struct parsed {
    char buf[INPUT_MAX_LEN + 1];
    char *tok[INPUT_MAX_TOKENS];
    int ntok;
    const char *rest;            /* facilitator text after the command */
    pkind kind;
    int role, action, part;
    const char *target;
    int verdict;
    const char *facts[INPUT_MAX_FACTS];
    int nfacts;
    int qindex;                  /* cancel: index into the queue */
    int points;
} parsed;

static int fail(engine *e, const char *fmt, const char *a, const char *b)
{
    return eng_seterr(e, ENG_EINPUT, fmt, a ? a : "", b ? b : "");
}

/* Copy the line without its comment and line ending; reject what cannot
 * be shown or stored safely. */
static int prepare(engine *e, parsed *p, const char *line)
{
    size_t n = strcspn(line, "#\r\n");
    if (n > INPUT_MAX_LEN)
        return eng_seterr(e, ENG_EINPUT, "line is longer than %d bytes", INPUT_MAX_LEN);
    if (!utf8_valid(line, n))
        return eng_seterr(e, ENG_EINPUT, "line is not valid UTF-8");
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)line[i] < 0x20 && line[i] != '\t')
            return eng_seterr(e, ENG_EINPUT, "control character in line");
    memcpy(p->buf, line, n);
    p->buf[n] = '\0';
    char *s = p->buf;
    p->ntok = 0;
    while (*s) {
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s)
            break;
        if (p->ntok == INPUT_MAX_TOKENS)
            return eng_seterr(e, ENG_EINPUT, "too many words on one line");
        p->tok[p->ntok++] = s;
        /* The facilitator's free text is kept whole (see parse_facilitator). */
        if (p->ntok == 3 && strcmp(p->tok[0], FACILITATOR) == 0 &&
            (strcmp(p->tok[1], "note") == 0)) {
            p->rest = s;
            return ENG_OK;
        }
        if (p->ntok == 4 && strcmp(p->tok[0], FACILITATOR) == 0) {
            p->rest = s;
            return ENG_OK;
        }
        while (*s && *s != ' ' && *s != '\t')
            s++;
        if (*s)
            *s++ = '\0';
    }
    return p->ntok ? ENG_OK : ENG_EMPTY;
}

static bool session_has_role(const engine *e, int r)
{
    return r >= 0 && r < 64 && (e->session_roles >> r & 1);
}

static bool action_allows(const scen_action *a, int role)
{
    for (int i = 0; i < a->nroles; i++)
        if (a->roles[i] == role)
            return true;
    return false;
}

static int part_of_role(const engine *e, int role)
{
    for (int i = 0; i < e->nparts; i++)
        if (e->parts[i].roles >> role & 1)
            return i;
    return -1;
}

static int first_role(const engine *e, int part)
{
    for (int r = 0; r < e->sc->nroles && r < 64; r++)
        if (e->parts[part].roles >> r & 1)
            return r;
    return 0;
}

static int parse_int(const char *s, long lo, long hi, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || end == s || v < lo || v > hi)
        return -1;
    *out = (int)v;
    return 0;
}

static int parse_facilitator(engine *e, parsed *p)
{
    if (p->ntok < 2)
        return fail(e, "facilitator: say award, deduct, note or end", NULL, NULL);
    const char *cmd = p->tok[1];
    if (strcmp(cmd, "end") == 0 && p->ntok == 2) {
        p->kind = P_FAC_END;
        return ENG_OK;
    }
    if (strcmp(cmd, "note") == 0) {
        if (!p->rest || !*p->rest)
            return fail(e, "facilitator note: the note text is missing", NULL, NULL);
        p->kind = P_FAC_NOTE;
        return ENG_OK;
    }
    if (strcmp(cmd, "award") == 0 || strcmp(cmd, "deduct") == 0) {
        if (p->ntok < 3 || parse_int(p->tok[2], 1, 100000, &p->points) < 0)
            return fail(e, "facilitator %s: points must be a number from 1 to 100000", cmd, NULL);
        if (!p->rest || !*p->rest)
            return fail(e, "facilitator %s: a written reason is required", cmd, NULL);
        if (cmd[0] == 'd')
            p->points = -p->points;
        p->kind = P_FAC_AWARD;
        return ENG_OK;
    }
    return fail(e, "facilitator: unknown command '%s' (award, deduct, note, end)", cmd, NULL);
}

static int parse_facts(engine *e, parsed *p, char *list)
{
    char *save = NULL;
    for (char *f = strtok_r(list, ",", &save); f; f = strtok_r(NULL, ",", &save)) {
        if (scen_named_find(e->sc->facts, e->sc->nfacts, f) < 0)
            return fail(e, "unknown fact '%s'", f, NULL);
        bool dup = false;
        for (int i = 0; i < p->nfacts; i++)
            dup = dup || strcmp(p->facts[i], f) == 0;
        if (dup)
            continue;
        if (p->nfacts == INPUT_MAX_FACTS)
            return fail(e, "too many facts", NULL, NULL);
        p->facts[p->nfacts++] = f;
    }
    return ENG_OK;
}

static int check_target(engine *e, parsed *p, const scen_action *a, const char *arg)
{
    const scen *sc = e->sc;
    switch (a->target) {
    case TGT_NONE:
        return ENG_OK;
    case TGT_ASSET:
        if (scen_asset_find(sc, arg) < 0)
            return fail(e, "%s: no asset '%s'", a->id, arg);
        break;
    case TGT_SIGNAL:
        if (engine_signal_truth(e, arg) < 0)
            return fail(e, "%s: no signal '%s' has been received", a->id, arg);
        break;
    case TGT_INDICATOR:
        if (strlen(arg) > 200)
            return fail(e, "%s: indicator is longer than 200 bytes", a->id, NULL);
        break;
    case TGT_RECIPIENT:
        if (scen_named_find(sc->recipients, sc->nrecipients, arg) < 0)
            return fail(e, "%s: unknown recipient '%s'", a->id, arg);
        break;
    case TGT_AUDIENCE:
        if (scen_named_find(sc->audiences, sc->naudiences, arg) < 0)
            return fail(e, "%s: unknown audience '%s'", a->id, arg);
        break;
    case TGT_SUPPORT:
        if (scen_named_find(sc->supports, sc->nsupports, arg) < 0)
            return fail(e, "%s: unknown support '%s'", a->id, arg);
        break;
    default:
        break;
    }
    p->target = arg;
    return ENG_OK;
}

static int next_hint(const engine *e)
{
    for (int i = 0; i < e->sc->nhints; i++)
        if (!e->hint_taken[i])
            return e->sc->hints[i].from_turn <= e->turn ? i : -1;
    return -1;
}

static int parse_action(engine *e, parsed *p, int role_given, int i)
{
    const scen *sc = e->sc;
    const char *verb = p->tok[i++];
    int ai = scen_action_find(sc, verb);
    if (ai < 0)
        return fail(e, "unknown action '%s'", verb, NULL);
    const scen_action *a = &sc->actions[ai];
    p->kind = P_ACTION;
    p->action = ai;
    p->verdict = -1;
    if (a->target != TGT_NONE) {
        if (i >= p->ntok)
            return fail(e, "%s: missing %s", verb, target_kind_names[a->target]);
        int rc = check_target(e, p, a, p->tok[i++]);
        if (rc)
            return rc;
    }
    if (a->verdict) {
        if (i >= p->ntok || (strcmp(p->tok[i], "true") && strcmp(p->tok[i], "false")))
            return fail(e, "%s: say true or false after the %s", verb, target_kind_names[a->target]);
        p->verdict = strcmp(p->tok[i++], "true") == 0;
    }
    if (a->facts && i < p->ntok && strcmp(p->tok[i], "--facts") == 0) {
        if (++i >= p->ntok)
            return fail(e, "%s: --facts needs a list such as asset,impact", verb, NULL);
        int rc = parse_facts(e, p, p->tok[i++]);
        if (rc)
            return rc;
    }
    if (i < p->ntok)
        return fail(e, "%s: unexpected '%s'", verb, p->tok[i]);
    if (strcmp(verb, "hint") == 0) {
        if (!e->hints_allowed)
            return fail(e, "hints are not allowed in this session", NULL, NULL);
        if (next_hint(e) < 0)
            return fail(e, "no hint is available now", NULL, NULL);
    }
    /* The role: the one given, or the first of the session's roles that may
     * take the action and still has the action points for it. */
    if (role_given >= 0) {
        if (!action_allows(a, role_given))
            return fail(e, "role %s cannot %s", sc->roles[role_given].id, verb);
        p->role = role_given;
    } else {
        p->role = -1;
        for (int k = 0; k < a->nroles && p->role < 0; k++)
            if (session_has_role(e, a->roles[k]) && engine_ap_left(e, a->roles[k]) >= a->cost)
                p->role = a->roles[k];
        for (int k = 0; k < a->nroles && p->role < 0; k++)
            if (session_has_role(e, a->roles[k]))
                p->role = a->roles[k];
        if (p->role < 0)
            return fail(e, "no role in this session may %s", verb, NULL);
    }
    if (engine_ap_left(e, p->role) < a->cost)
        return eng_seterr(e, ENG_EINPUT, "%s has %d action point(s) left this turn; %s costs %d",
                          sc->roles[p->role].id, engine_ap_left(e, p->role), verb, a->cost);
    if (e->queue.n >= ENGINE_MAX_QUEUE)
        return fail(e, "too many actions in one session", NULL, NULL);
    p->part = part_of_role(e, p->role);
    return ENG_OK;
}

static int parse_cancel(engine *e, parsed *p, int role_given, int i)
{
    int qid;
    if (i + 1 != p->ntok - 1 || parse_int(p->tok[i + 1], 1, 1000000, &qid) < 0)
        return fail(e, "cancel: say which queued action, e.g. 'cancel 3'", NULL, NULL);
    if (qid > e->queue.n)
        return fail(e, "cancel: no queued action %s", p->tok[i + 1], NULL);
    queued *q = &e->queue.v[qid - 1];
    if (q->pub.cancelled || q->pub.completed || q->pub.turn_queued != e->turn)
        return fail(e, "cancel: action %s can no longer be cancelled", p->tok[i + 1], NULL);
    if (role_given >= 0 && role_given != q->pub.role)
        return fail(e, "cancel: action %s was queued by %s", p->tok[i + 1],
                    e->sc->roles[q->pub.role].id);
    p->kind = P_CANCEL;
    p->qindex = qid - 1;
    p->role = q->pub.role;
    return ENG_OK;
}

static int parse(engine *e, parsed *p, const char *line)
{
    memset(p, 0, sizeof *p);
    if (e->ph == PH_OVER)
        return eng_seterr(e, ENG_EOVER, "the session has ended (%s)",
                          e->outcome ? e->outcome : "over");
    if (e->ph != PH_PLAN)
        return eng_seterr(e, ENG_EINPUT, "the session has not started");
    int rc = prepare(e, p, line);
    if (rc)
        return rc;
    if (strcmp(p->tok[0], FACILITATOR) == 0)
        return parse_facilitator(e, p);
    int i = 0, role = -1;
    if (p->ntok > 1) {
        role = scen_role_find(e->sc, p->tok[0]);
        if (role >= 0) {
            if (!session_has_role(e, role))
                return fail(e, "no player holds the role %s", p->tok[0], NULL);
            i = 1;
        }
    }
    const char *verb = p->tok[i];
    if (strcmp(verb, "end") == 0) {
        if (i + 1 != p->ntok)
            return fail(e, "end: unexpected '%s'", p->tok[i + 1], NULL);
        p->kind = P_END;
        if (role >= 0) {
            p->part = part_of_role(e, role);
            p->role = role;
        } else if (e->nparts == 1) {
            p->part = 0;
            p->role = first_role(e, 0);
        } else {
            return fail(e, "several players: say whose turn ends, e.g. 'lead end'", NULL, NULL);
        }
        return ENG_OK;
    }
    if (strcmp(verb, "cancel") == 0)
        return parse_cancel(e, p, role, i);
    return parse_action(e, p, role, i);
}

static void canonical(const engine *e, const parsed *p, sbuf *out)
{
    const scen *sc = e->sc;
    sb_reset(out);
    switch (p->kind) {
    case P_END:
        sb_printf(out, "%s end", sc->roles[p->role].id);
        break;
    case P_CANCEL:
        sb_printf(out, "%s cancel %d", sc->roles[p->role].id, p->qindex + 1);
        break;
    case P_FAC_END:
        sb_puts(out, FACILITATOR " end");
        break;
    case P_FAC_NOTE:
        sb_printf(out, FACILITATOR " note %s", p->rest);
        break;
    case P_FAC_AWARD:
        sb_printf(out, FACILITATOR " %s %d %s", p->points < 0 ? "deduct" : "award",
                  abs(p->points), p->rest);
        break;
    case P_ACTION:
        sb_printf(out, "%s %s", sc->roles[p->role].id, sc->actions[p->action].id);
        if (p->target)
            sb_printf(out, " %s", p->target);
        if (p->verdict >= 0)
            sb_puts(out, p->verdict ? " true" : " false");
        if (p->nfacts) {
            sb_puts(out, " --facts ");
            for (int i = 0; i < p->nfacts; i++)
                sb_printf(out, "%s%s", i ? "," : "", p->facts[i]);
        }
        break;
    }
    /* Free text may end in blanks; the canonical form does not. */
    while (out->len && (out->buf[out->len - 1] == ' ' || out->buf[out->len - 1] == '\t'))
        out->buf[--out->len] = '\0';
}

int engine_input_check(engine *e, const char *line, sbuf *canon)
{
    parsed *p = malloc(sizeof *p);
    if (!p)
        return eng_seterr(e, ENG_ENOMEM, "out of memory");
    int rc = parse(e, p, line);
    if (rc == ENG_OK && canon) {
        canonical(e, p, canon);
        if (canon->oom)
            rc = eng_seterr(e, ENG_ENOMEM, "out of memory");
    }
    free(p);
    return rc;
}

static void action_attrs(const engine *e, const queued *q, sbuf *sb)
{
    sb_printf(sb, "{\"qid\":%d,\"done_turn\":%d", q->pub.qid, q->pub.turn_done);
    if (q->target) {
        sb_puts(sb, ",\"target\":");
        sb_json_str(sb, q->target);
    }
    if (q->pub.verdict >= 0)
        sb_puts(sb, q->pub.verdict ? ",\"verdict\":true" : ",\"verdict\":false");
    if (q->pub.nfacts) {
        sb_puts(sb, ",\"facts\":[");
        for (int i = 0; i < q->pub.nfacts; i++) {
            if (i)
                sb_putc(sb, ',');
            sb_json_str(sb, q->facts[i]);
        }
        sb_putc(sb, ']');
    }
    sb_putc(sb, '}');
}

static int take_hint(engine *e)
{
    int h = next_hint(e);
    if (h < 0)
        return ENG_OK;
    const scen_hint *hi = &e->sc->hints[h];
    e->hint_taken[h] = true;
    e->m.hints++;
    score_add(e, "hint", hi->id, -hi->cost, &hi->text);
    return eng_emit(e, EV_TEAM, EVK_HINT, NULL, hi->id, NULL, hi->cost, NULL, &hi->text);
}

/* Resolve one queued action: the engine's own record keeping (verdicts,
 * reports, hints), the done event, then the action's run hook. */
int input_apply_queued(engine *e, queued *q)
{
    const scen_action *a = &e->sc->actions[q->pub.action];
    const char *role = e->sc->roles[q->pub.role].id;
    q->pub.completed = true;
    e->m.actions_per_role[q->pub.role]++;
    if (strcmp(a->id, "triage") == 0 && q->target && q->pub.verdict >= 0) {
        sig_rec *s = eng_find_sig(e, q->target);
        if (s)
            score_note_triage(e, s, q->pub.verdict);
        eng_emit(e, EV_TEAM, EVK_TRIAGE, role, q->target, NULL, q->pub.verdict, NULL, NULL);
    } else if ((strcmp(a->id, "report") == 0 || strcmp(a->id, "communicate") == 0) && q->target) {
        bool pub = a->id[0] == 'c';
        score_add_report(e, q, pub);
        const engine_report *r = &e->reports.v[e->reports.n - 1].pub;
        char attrs[64];
        snprintf(attrs, sizeof attrs, "{\"public\":%s,\"on_time\":%s}", pub ? "true" : "false",
                 r->on_time ? "true" : "false");
        eng_emit(e, EV_TEAM, EVK_REPORT, role, q->target, NULL, q->pub.nfacts, attrs, NULL);
    } else if (strcmp(a->id, "hint") == 0) {
        take_hint(e);
    }
    sbuf attrs = SBUF_INIT;
    action_attrs(e, q, &attrs);
    eng_emit(e, EV_TEAM, EVK_DONE, role, a->id, NULL, q->pub.qid, sb_str(&attrs), &a->label);
    sb_free(&attrs);
    eng_run_hook(e, a->ref, &q->pub, NULL);
    /* Then the scenario's on(verb) hooks, for immediate actions too. */
    const scen *sc = e->sc;
    for (int t = 0; t < sc->ntriggers; t++) {
        const scen_trigger *tr = &sc->triggers[t];
        if (tr->kind != TRIG_ON || tr->action != q->pub.action)
            continue;
        e->trig_fired[t] = true;
        eng_run_hook(e, tr->ref, &q->pub, NULL);
    }
    return ENG_OK;
}

static int queue_action(engine *e, const parsed *p)
{
    const scen_action *a = &e->sc->actions[p->action];
    queued q = { .pub = { .qid = e->queue.n + 1, .action = p->action, .role = p->role,
                          .turn_queued = e->turn, .verdict = p->verdict } };
    q.pub.turn_done = e->turn + (a->turns > 1 ? a->turns : 1) - 1;
    if (p->target && !(q.target = xstrdup(p->target)))
        return eng_seterr(e, ENG_ENOMEM, "out of memory");
    q.facts = calloc((size_t)p->nfacts + 1, sizeof *q.facts);
    if (!q.facts) {
        free(q.target);
        return eng_seterr(e, ENG_ENOMEM, "out of memory");
    }
    for (int i = 0; i < p->nfacts; i++) {
        if (!(q.facts[i] = xstrdup(p->facts[i]))) {
            while (i--)
                free(q.facts[i]);
            free(q.facts);
            free(q.target);
            return eng_seterr(e, ENG_ENOMEM, "out of memory");
        }
    }
    q.pub.target = q.target;
    q.pub.facts = (const char *const *)q.facts;
    q.pub.nfacts = p->nfacts;
    VEC_PUSH(e, e->queue, q, for (int i = 0; i < p->nfacts; i++) free(q.facts[i]);
             free(q.facts); free(q.target); return eng_seterr(e, ENG_ENOMEM, "out of memory"));
    queued *qq = &e->queue.v[e->queue.n - 1];
    e->ap_used[p->role] += a->cost;
    sbuf attrs = SBUF_INIT;
    action_attrs(e, qq, &attrs);
    eng_emit(e, EV_TEAM, EVK_QUEUED, e->sc->roles[p->role].id, a->id, NULL, qq->pub.qid,
             sb_str(&attrs), &a->label);
    sb_free(&attrs);
    if (a->immediate)
        input_apply_queued(e, qq);
    return ENG_OK;
}

static int apply(engine *e, const parsed *p)
{
    switch (p->kind) {
    case P_ACTION:
        return queue_action(e, p);
    case P_CANCEL: {
        queued *q = &e->queue.v[p->qindex];
        q->pub.cancelled = true;
        e->ap_used[q->pub.role] -= e->sc->actions[q->pub.action].cost;
        return eng_emit(e, EV_TEAM, EVK_CANCELLED, e->sc->roles[q->pub.role].id,
                        e->sc->actions[q->pub.action].id, NULL, q->pub.qid, NULL, NULL);
    }
    case P_END: {
        e->parts[p->part].ready = true;
        eng_emit(e, EV_TEAM, EVK_READY, e->sc->roles[p->role].id, e->parts[p->part].name, NULL,
                 p->part, NULL, NULL);
        for (int i = 0; i < e->nparts; i++)
            if (!e->parts[i].ready)
                return ENG_OK;
        return eng_end_turn(e);
    }
    case P_FAC_END:
        eng_emit(e, EV_TRUTH, EVK_FACILITATOR, FACILITATOR, "end", NULL, 0, NULL, NULL);
        return eng_end_turn(e);
    case P_FAC_NOTE: {
        text t = { (char *)p->rest, (char *)p->rest };
        return eng_emit(e, EV_TEAM, EVK_NOTE, FACILITATOR, NULL, NULL, 0, NULL, &t);
    }
    case P_FAC_AWARD: {
        text t = { (char *)p->rest, (char *)p->rest };
        score_add(e, "award", FACILITATOR, p->points, &t);
        return eng_emit(e, EV_TEAM, EVK_SCORE, FACILITATOR, FACILITATOR, "award", p->points,
                        NULL, &t);
    }
    }
    return ENG_OK;
}

int engine_input_apply(engine *e, const char *line)
{
    parsed *p = malloc(sizeof *p);
    if (!p)
        return eng_seterr(e, ENG_ENOMEM, "out of memory");
    int rc = parse(e, p, line);
    if (rc == ENG_OK)
        rc = apply(e, p);
    free(p);
    return rc;
}

int engine_input(engine *e, const char *line)
{
    return engine_input_apply(e, line);
}
