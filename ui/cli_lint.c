/*
 * cli_lint.c - the warnings of irdrill check (docs/cli.md, "check"): what
 * loads but is likely a mistake. Each is "file:line: warning: message" on
 * stderr, in line order, and never changes the exit status.
 *
 *   - a text given as a plain string: one form serves both languages, so
 *     the other language's players read it untranslated (a string with no
 *     letter in it is neutral and passes); declarations are seen when the
 *     file loads, texts passed by hooks when the bots' playthroughs run
 *     them;
 *   - a signal or penalty declared but never named anywhere else in the
 *     file: the id, quoted ("s1" or 's1'), appears only in its declaration,
 *     so no w:signal("s1") or w:penalize("s1") can use it (an id built at
 *     run time, "s" .. n, is not seen: quote it somewhere, e.g. in a list);
 *     the same for a recipient, fact, audience or support id the scenario
 *     adds to the standard ones (no objective or hook asks about it, so
 *     naming it in a report earns nothing); and a role that can take no
 *     action but the free ones (hint, wait);
 *   - an objective or penalty without an explain: the debrief has nothing
 *     to teach when it is missed or applied;
 *   - an objective or penalty without a capability: the report's
 *     improvement plan can only guess, from its id, where it belongs;
 *   - an ending that no self-test expects (test { expect = { outcome = ... } }):
 *     every ending, the bad ones too, should be proved reachable by a test;
 *   - an objective worth more than half of max_score;
 *   - a hint that costs nothing;
 *   - with simulation: objectives and endings that no bot playthrough
 *     reaches (200 runs of each policy, seeds 1 to 200), and hook errors the
 *     bots ran into.
 */
#include "ui/cli.h"
#include "ui/sim.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINT_RUNS 200

typedef struct warning {
    int line;
    char *msg;
} warning;

typedef struct lint {
    const scen *sc;
    warning *v;
    int n, cap;
    bool oom;
} lint;

static void warn_at(lint *l, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void warn_at(lint *l, int line, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (l->n == l->cap) {
        int nc = l->cap ? l->cap * 2 : 16;
        warning *nv = realloc(l->v, (size_t)nc * sizeof *nv);
        if (!nv) {
            l->oom = true;
            return;
        }
        l->v = nv;
        l->cap = nc;
    }
    char *m = xstrdup(buf);
    if (!m) {
        l->oom = true;
        return;
    }
    l->v[l->n++] = (warning){ line > 0 ? line : 1, m };
}

/* How often the id appears quoted in the source: "id" or 'id'. */
static int quoted(const scen *sc, const char *id)
{
    size_t n = strlen(id);
    int count = 0;
    const char *s = sc->source, *end = sc->source + sc->source_len;
    for (const char *p = s; p + n + 2 <= end; p++) {
        if ((*p != '"' && *p != '\'') || p[n + 1] != *p)
            continue;
        if (memcmp(p + 1, id, n) == 0)
            count++;
    }
    return count;
}

static void lint_plain(lint *l, const int *lines, int n, const char *where)
{
    for (int i = 0; i < n; i++) {
        bool dup = false;
        for (int k = 0; k < l->n && !dup; k++)
            dup = l->v[k].line == lines[i] && strstr(l->v[k].msg, "plain string");
        if (!dup)
            warn_at(l, lines[i], "text given as a plain string%s: one form serves both "
                    "languages; write { vi = \"...\", en = \"...\" }", where);
    }
}

/* The line of the first quoted mention of id in the file (its
 * declaration, for the kinds that keep no line), or 1. */
static int quoted_line(const scen *sc, const char *id)
{
    size_t n = strlen(id);
    int line = 1;
    const char *end = sc->source + sc->source_len;
    for (const char *p = sc->source; p + n + 2 <= end; p++) {
        line += *p == '\n';
        if ((*p == '"' || *p == '\'') && p[n + 1] == *p && memcmp(p + 1, id, n) == 0)
            return line;
    }
    return 1;
}

/* The standard library's text (scripts/embed.c): an id quoted there is a
 * standard one, which a scenario need not use. */
extern const char irdrill_stdlib_lua[];
extern const size_t irdrill_stdlib_lua_len;

static bool standard_id(const char *id)
{
    scen lib = { .source = (char *)irdrill_stdlib_lua, .source_len = irdrill_stdlib_lua_len };
    return quoted(&lib, id) > 0;
}

static void lint_named(lint *l, const scen_named *v, int n, const char *kind, const char *use)
{
    for (int i = 0; i < n; i++)
        if (!standard_id(v[i].id) && quoted(l->sc, v[i].id) <= 1)
            warn_at(l, quoted_line(l->sc, v[i].id), "%s '%s' is declared but never used: no objective or hook names \"%s\" "
                    "(%s)", kind, v[i].id, v[i].id, use);
}

static void lint_roles(lint *l)
{
    const scen *sc = l->sc;
    for (int r = 0; r < sc->nroles; r++) {
        bool work = false;
        for (int i = 0; i < sc->nactions && !work; i++)
            for (int k = 0; k < sc->actions[i].nroles && !work; k++)
                work = sc->actions[i].roles[k] == r && sc->actions[i].cost > 0;
        if (!work)
            warn_at(l, sc->roles[r].pos.line, "role '%s' is declared but can take no action "
                    "but the free ones (hint, wait): name it in an action's roles", sc->roles[r].id);
    }
}

/* Objectives and penalties without capability = "...". */
static void lint_capability(lint *l)
{
    const scen *sc = l->sc;
    char list[200] = "";
    for (int i = CAP_NONE + 1; i < CAP_COUNT; i++) {
        strcat(list, scen_capability_names[i]);
        strcat(list, i + 1 < CAP_COUNT ? ", " : "");
    }
    for (int i = 0; i < sc->nobjectives; i++)
        if (sc->objectives[i].capability == CAP_NONE)
            warn_at(l, sc->objectives[i].pos.line, "objective '%s' has no capability: the "
                    "improvement plan can only guess its row from the id; add capability = "
                    "\"...\" (one of %s)", sc->objectives[i].id, list);
    for (int i = 0; i < sc->npenalties; i++)
        if (sc->penalties[i].capability == CAP_NONE)
            warn_at(l, sc->penalties[i].pos.line, "penalty '%s' has no capability: the "
                    "improvement plan can only guess its row from the id; add capability = "
                    "\"...\" (one of %s)", sc->penalties[i].id, list);
}

static void lint_static(lint *l, const lhost *h)
{
    const scen *sc = l->sc;
    const int *lines;
    int n = lhost_plain_texts(h, &lines);
    lint_plain(l, lines, n, "");
    for (int i = 0; i < sc->nsignals; i++)
        if (quoted(sc, sc->signals[i].id) <= 1)
            warn_at(l, sc->signals[i].pos.line, "signal '%s' is declared but never used: no "
                    "w:signal(\"%s\") or other mention of \"%s\" in the file", sc->signals[i].id,
                    sc->signals[i].id, sc->signals[i].id);
    for (int i = 0; i < sc->npenalties; i++)
        if (quoted(sc, sc->penalties[i].id) <= 1)
            warn_at(l, sc->penalties[i].pos.line, "penalty '%s' is declared but never used: no "
                    "w:penalize(\"%s\") or other mention of \"%s\" in the file",
                    sc->penalties[i].id, sc->penalties[i].id, sc->penalties[i].id);
    lint_named(l, sc->recipients, sc->nrecipients, "recipient", "w:reported{ to = ... }");
    lint_named(l, sc->facts, sc->nfacts, "fact", "w:reported{ facts = { ... } } or a.facts");
    lint_named(l, sc->audiences, sc->naudiences, "audience", "w:did(\"communicate\", ...) or a.target");
    lint_named(l, sc->supports, sc->nsupports, "support", "w:did(\"request_support\", ...) or a.target");
    lint_roles(l);
    for (int i = 0; i < sc->nobjectives; i++)
        if (!sc->objectives[i].explain.vi || !*sc->objectives[i].explain.vi)
            warn_at(l, sc->objectives[i].pos.line, "objective '%s' has no explain: the debrief "
                    "says nothing when it is missed; add explain = { vi = ..., en = ... }",
                    sc->objectives[i].id);
    for (int i = 0; i < sc->npenalties; i++)
        if (!sc->penalties[i].explain.vi || !*sc->penalties[i].explain.vi)
            warn_at(l, sc->penalties[i].pos.line, "penalty '%s' has no explain: the debrief "
                    "says nothing when it applies; add explain = { vi = ..., en = ... }",
                    sc->penalties[i].id);
    lint_capability(l);
    for (int i = 0; i < sc->nendings; i++) {
        bool tested = false;
        for (int k = 0; k < sc->ntests && !tested; k++)
            tested = sc->tests[k].expect.outcome &&
                     strcmp(sc->tests[k].expect.outcome, sc->endings[i].id) == 0;
        if (!tested)
            warn_at(l, sc->endings[i].pos.line, "ending '%s' is expected by no self-test: add a "
                    "test { ..., expect = { outcome = \"%s\" } } that reaches it",
                    sc->endings[i].id, sc->endings[i].id);
    }
    int total = scen_max_score(sc);
    for (int i = 0; i < sc->nobjectives; i++)
        if (total > 0 && 2 * sc->objectives[i].points > total)
            warn_at(l, sc->objectives[i].pos.line, "objective '%s' is worth %d of the %d "
                    "points, more than half: it alone decides the score",
                    sc->objectives[i].id, sc->objectives[i].points, total);
    for (int i = 0; i < sc->nhints; i++)
        if (sc->hints[i].cost == 0)
            warn_at(l, sc->hints[i].pos.line, "hint '%s' costs nothing: give it a cost "
                    "(cost = 3), or a player loses nothing by taking every hint", sc->hints[i].id);
}

/* The line of "PATH:LINE: ..." when the message names the scenario's
 * file, else 0. */
static int message_line(const scen *sc, const char *msg)
{
    size_t n = strlen(sc->path);
    if (strncmp(msg, sc->path, n) != 0 || msg[n] != ':')
        return 0;
    return atoi(msg + n + 1);
}

/* 0, or -1 when memory ran out (the reason reported). */
static int lint_simulated(lint *l)
{
    const scen *sc = l->sc;
    sbuf probs = SBUF_INIT, err = SBUF_INIT;
    sim_stats st;
    int rc = -1;
    lhost_image *img = lhost_image_new(sc->path, sc->source, sc->source_len, NULL, &probs);
    if (!img || sim_stats_init(&st, sc) < 0) {
        lhost_image_free(img);
        sb_free(&probs);
        cli_error("check: %s: out of memory", sc->path);
        return -1;
    }
    for (int p = 0; p < 2; p++) {
        sim_opts o = { .runs = LINT_RUNS, .policy = (sim_policy)p, .seed = 1 };
        if (sim_play(img, &o, &st, &err) < 0) {
            cli_error("check: %s: %.*s", sc->path, (int)strcspn(sb_str(&err), "\n"), sb_str(&err));
            goto out;
        }
    }
    for (int i = 0; i < sc->nobjectives; i++)
        if (!st.objective_met[i])
            warn_at(l, sc->objectives[i].pos.line, "objective '%s' was never met in %d bot "
                    "playthroughs (irdrill simulate --runs %d, each policy)", sc->objectives[i].id,
                    st.runs, LINT_RUNS);
    for (int i = 0; i < sc->nendings; i++)
        if (!st.ending_reached[i])
            warn_at(l, sc->endings[i].pos.line, "ending '%s' was never reached in %d bot "
                    "playthroughs (irdrill simulate --runs %d, each policy)", sc->endings[i].id,
                    st.runs, LINT_RUNS);
    if (st.hook_errors) {
        const char *m = st.first_hook_error;
        int line = message_line(sc, m);
        if (line)
            m = strchr(strchr(m + strlen(sc->path), ':') + 1, ':') + 1;
        warn_at(l, line, "a hook failed %d time(s) in bot playthroughs; the first time:%s",
                st.hook_errors, m);
    }
    lint_plain(l, st.plain, st.nplain, " (by a hook)");
    rc = 0;
out:
    sim_stats_free(&st);
    lhost_image_free(img);
    sb_free(&probs);
    sb_free(&err);
    return rc;
}

static int by_line(const void *a, const void *b)
{
    const warning *x = a, *y = b;
    return (x->line > y->line) - (x->line < y->line);
}

int cli_lint(const lhost *h, bool simulate)
{
    lint l = { .sc = lhost_scen(h) };
    int rc = 0;
    lint_static(&l, h);
    if (simulate && lint_simulated(&l) < 0)
        rc = -1;
    if (l.oom && rc == 0) {
        cli_error("check: out of memory");
        rc = -1;
    }
    /* In line order, and stable (equal lines keep the order in which
     * they were found), which qsort does not promise. */
    for (int i = 1; i < l.n; i++) {
        warning w = l.v[i];
        int j = i;
        while (j > 0 && by_line(&l.v[j - 1], &w) > 0) {
            l.v[j] = l.v[j - 1];
            j--;
        }
        l.v[j] = w;
    }
    for (int i = 0; i < l.n; i++) {
        if (rc == 0) {
            sbuf line = SBUF_INIT;
            sb_printf(&line, "%s:%d: warning: %s\n", l.sc->path, l.v[i].line, l.v[i].msg);
            cli_put_safe(stderr, sb_str(&line), "\n");
            sb_free(&line);
        }
        free(l.v[i].msg);
    }
    free(l.v);
    return rc == 0 ? l.n : rc;
}
