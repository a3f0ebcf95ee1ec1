/*
 * lcheck.c - the checks that need the whole file: scenario{} present and
 * first, references between declarations (links, signals' assets, on()'s
 * actions, tests' expectations), action roles, default hint ids and
 * reporting deadlines. They run only when the file ran to its end, and
 * use no Lua: every name is already in C.
 */
#include "engine/lhost_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void check_scenario(lhost *h)
{
    lh_load *ld = &h->ld;
    if (ld->scen_count == 0)
        lh_problem(h, ld->first_line ? ld->first_line : 1,
                   "scenario{} is missing (declare it first: scenario { id = ..., title = ..., "
                   "difficulty = ..., max_turns = ... })");
    if (h->sc.nroles == 0)
        lh_problem(h, ld->scen_line ? ld->scen_line : 1,
                   "no role is declared (at least one: role { id = \"lead\", name = ... })");
}

/* Roles the scenario did not declare are dropped (the stdlib names roles
 * a scenario may not use); an action left with none falls to "lead", or
 * to the first role when there is no lead. */
static void resolve_roles(lhost *h)
{
    scen *sc = &h->sc;
    if (sc->nroles == 0)
        return;
    int lead = scen_role_find(sc, "lead");
    for (int i = 0; i < sc->nactions; i++) {
        scen_action *a = &sc->actions[i];
        const lh_action_x *x = &h->ld.ax[i];
        int *roles = malloc((size_t)sc->nroles * sizeof *roles);
        if (!roles) {
            lh_problem(h, a->pos.line, "out of memory");
            return;
        }
        int n = 0;
        for (int r = 0; x->any_role && r < sc->nroles; r++)
            roles[n++] = r;
        for (int k = 0; !x->any_role && k < x->nrole_ids; k++) {
            int r = scen_role_find(sc, x->role_ids[k]);
            bool dup = false;
            for (int j = 0; j < n; j++)
                dup = dup || roles[j] == r;
            if (r >= 0 && !dup)
                roles[n++] = r;
        }
        if (n == 0)
            roles[n++] = lead >= 0 ? lead : 0;
        free(a->roles);
        a->roles = roles;
        a->nroles = n;
    }
}

static void resolve_links(lhost *h)
{
    scen *sc = &h->sc;
    lh_load *ld = &h->ld;
    if (ld->nlinks == 0)
        return;
    sc->links = calloc((size_t)ld->nlinks, sizeof *sc->links);
    if (!sc->links) {
        lh_problem(h, ld->links[0].line, "out of memory");
        return;
    }
    for (int i = 0; i < ld->nlinks; i++) {
        const lh_link_x *x = &ld->links[i];
        int a = scen_asset_find(sc, x->a), b = scen_asset_find(sc, x->b);
        if (a < 0 || b < 0)
            lh_problem(h, x->line, "link: no asset '%.64s'", a < 0 ? x->a : x->b);
        else if (a == b)
            lh_problem(h, x->line, "link: an asset cannot be linked to itself ('%s')", x->a);
        else
            sc->links[sc->nlinks++] = (scen_link){ a, b };
    }
}

static void resolve_signals(lhost *h)
{
    scen *sc = &h->sc;
    for (int i = 0; i < sc->nsignals; i++) {
        const char *id = h->ld.sig_asset[i];
        if (!id)
            continue;
        sc->signals[i].asset = scen_asset_find(sc, id);
        if (sc->signals[i].asset < 0)
            lh_problem(h, sc->signals[i].pos.line, "signal '%s': no asset '%s'",
                       sc->signals[i].id, id);
    }
}

static void resolve_triggers(lhost *h)
{
    scen *sc = &h->sc;
    for (int i = 0; i < sc->ntriggers; i++) {
        scen_trigger *t = &sc->triggers[i];
        if (t->kind == TRIG_ON) {
            const char *id = h->ld.trig_action[i];
            t->action = scen_action_find(sc, id);
            if (t->action < 0)
                lh_problem(h, t->pos.line, "on('%s', f): no action '%s'", id, id);
        } else if (t->kind == TRIG_AT && sc->max_turns > 0 && t->n > sc->max_turns) {
            lh_problem(h, t->pos.line, "at(%d, f): turn %d is after max_turns (%d), so it "
                       "never runs", t->n, t->n, sc->max_turns);
        }
    }
}

static void default_hint_ids(lhost *h)
{
    scen *sc = &h->sc;
    for (int i = 0; i < sc->nhints; i++) {
        if (sc->hints[i].id)
            continue;
        char id[24];
        snprintf(id, sizeof id, "hint%d", i + 1);
        if (!(sc->hints[i].id = xstrdup(id))) {
            lh_problem(h, sc->hints[i].pos.line, "out of memory");
            return;
        }
    }
    for (int i = 0; i < sc->nhints; i++)
        for (int j = 0; j < i; j++)
            if (strcmp(sc->hints[i].id, sc->hints[j].id) == 0)
                lh_problem(h, sc->hints[i].pos.line, "hint '%s': duplicate hint id (first "
                           "on line %d)", sc->hints[i].id, sc->hints[j].pos.line);
}

static void apply_deadlines(lhost *h)
{
    scen *sc = &h->sc;
    for (int i = 0; i < h->ld.ndeadlines; i++) {
        const lh_deadline *dl = &h->ld.deadlines[i];
        int r = scen_named_find(sc->recipients, sc->nrecipients, dl->id);
        if (r < 0)
            lh_problem(h, h->ld.scen_line, "scenario '%s': deadlines: no recipient '%.64s'",
                       sc->id ? sc->id : "", dl->id);
        else
            sc->recipients[r].deadline_minutes = dl->minutes;
    }
}

static void check_tests(lhost *h)
{
    const scen *sc = &h->sc;
    for (int i = 0; i < sc->ntests; i++) {
        const scen_test *t = &sc->tests[i];
        const scen_expect *x = &t->expect;
        int line = t->pos.line;
        if (x->outcome && strcmp(x->outcome, "timeout") != 0 && scen_ending_find(sc, x->outcome) < 0)
            lh_problem(h, line, "test '%s': expect.outcome: no ending '%s'", t->name, x->outcome);
        for (int k = 0; k < x->nobj; k++)
            if (scen_objective_find(sc, x->obj_ids[k]) < 0)
                lh_problem(h, line, "test '%s': expect.objectives: no objective '%.64s'", t->name,
                           x->obj_ids[k]);
        for (int k = 0; k < x->npen; k++)
            if (scen_penalty_find(sc, x->pen_ids[k]) < 0)
                lh_problem(h, line, "test '%s': expect.penalties: no penalty '%.64s'", t->name,
                           x->pen_ids[k]);
    }
}

/* ---- where a test's inputs begin ------------------------------------------ */

#define INPUTS_SEARCH 4096    /* bytes searched from a test{} call for its inputs */

static bool ident_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

static size_t skip_space(const char *s, size_t end, size_t i, int *line)
{
    while (i < end && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) {
        *line += s[i] == '\n';
        i++;
    }
    return i;
}

/* The line where a test's inputs script begins, so that a bad input can be
 * shown at its line of the scenario: the first `inputs = <string literal>`
 * within a few KiB from the start of the test{} call's line (i, line). A
 * long string's first newline is not part of it. When inputs is not a
 * literal, the call's line. */
static int inputs_line_at(const char *s, size_t len, size_t i, int line)
{
    int call_line = line;
    size_t end = len - i > INPUTS_SEARCH ? i + INPUTS_SEARCH : len;
    for (; i + 6 <= end; i++) {
        if (s[i] == '\n') {
            line++;
            continue;
        }
        if (memcmp(s + i, "inputs", 6) != 0 || (i > 0 && ident_char(s[i - 1])) ||
            (i + 6 < end && ident_char(s[i + 6])))
            continue;
        int l = line;
        size_t j = skip_space(s, end, i + 6, &l);
        if (j >= end || s[j] != '=' || (j + 1 < end && s[j + 1] == '='))
            continue;
        j = skip_space(s, end, j + 1, &l);
        if (j < end && (s[j] == '"' || s[j] == '\''))
            return l;
        if (j < end && s[j] == '[') {
            size_t k = j + 1;
            while (k < end && s[k] == '=')
                k++;
            if (k < end && s[k] == '[')
                return k + 1 < end && (s[k + 1] == '\n' || s[k + 1] == '\r') ? l + 1 : l;
        }
        return call_line;
    }
    return call_line;
}

typedef struct line_idx { int line, idx; } line_idx;

static int cmp_line(const void *a, const void *b)
{
    const line_idx *x = a, *y = b;
    return x->line != y->line ? (x->line > y->line) - (x->line < y->line)
                              : (x->idx > y->idx) - (x->idx < y->idx);
}

/* One pass over the source for all tests, in line order: a file with
 * thousands of test{} calls costs no more than one with a few. */
static void find_inputs_lines(lhost *h)
{
    scen *sc = &h->sc;
    if (sc->ntests == 0)
        return;
    line_idx *order = malloc((size_t)sc->ntests * sizeof *order);
    if (!order)
        return;                       /* the call lines stay: still right, less precise */
    for (int i = 0; i < sc->ntests; i++)
        order[i] = (line_idx){ sc->tests[i].pos.line, i };
    qsort(order, (size_t)sc->ntests, sizeof *order, cmp_line);
    const char *s = sc->source;
    size_t len = sc->source_len, off = 0;
    int line = 1, last_line = -1, last = 0;
    for (int k = 0; k < sc->ntests; k++) {
        if (order[k].line != last_line) {
            while (off < len && line < order[k].line)
                line += s[off++] == '\n';
            last_line = order[k].line;
            last = inputs_line_at(s, len, off, line);
        }
        sc->tests[order[k].idx].inputs_line = last;
    }
    free(order);
}

void lcheck_run(lhost *h)
{
    check_scenario(h);
    resolve_roles(h);
    resolve_links(h);
    resolve_signals(h);
    resolve_triggers(h);
    default_hint_ids(h);
    apply_deadlines(h);
    check_tests(h);
    if (!h->inputs_known)
        find_inputs_lines(h);
    /* Every table text must have both languages (else it is a problem) and
     * a plain string serves both, so a scenario that loads has both. */
    h->sc.has_vi = h->sc.has_en = true;
}

void lcheck_free_load(lhost *h)
{
    lh_load *ld = &h->ld;
    for (int i = 0; i < ld->nax; i++) {
        for (int k = 0; k < ld->ax[i].nrole_ids; k++)
            free(ld->ax[i].role_ids[k]);
        free(ld->ax[i].role_ids);
    }
    free(ld->ax);
    for (int i = 0; i < ld->nsig_asset; i++)
        free(ld->sig_asset[i]);
    free(ld->sig_asset);
    for (int i = 0; i < ld->ntrig_action; i++)
        free(ld->trig_action[i]);
    free(ld->trig_action);
    free(ld->asset_vars);
    for (int k = 0; k < NK_COUNT; k++)
        free(ld->named_std[k]);
    for (int i = 0; i < ld->nlinks; i++) {
        free(ld->links[i].a);
        free(ld->links[i].b);
    }
    free(ld->links);
    for (int i = 0; i < ld->ndeadlines; i++)
        free(ld->deadlines[i].id);
    free(ld->deadlines);
    /* Keep the problems; clear the rest so a second call is harmless. */
    lh_prob *probs = ld->probs;
    int nprobs = ld->nprobs, cap = ld->cap_probs, dropped = ld->dropped;
    memset(ld, 0, sizeof *ld);
    ld->probs = probs;
    ld->nprobs = nprobs;
    ld->cap_probs = cap;
    ld->dropped = dropped;
}
