/*
 * cli_test.c - irdrill test: run scenarios' embedded self-tests.
 *
 * Each test runs twice, each time in a scenario loaded afresh from the
 * same source text (so w.vars and every other piece of Lua state start
 * clean), with the test's seed. Every event of a run is kept in its
 * canonical JSON form; the two streams must be equal byte for byte, which
 * is what catches a scenario whose outcome depends on anything but its
 * seed and inputs. Then the test's expectations are checked.
 */
#include "ui/cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct test_run {
    lhost *h;
    engine *e;
    sbuf events;          /* one canonical JSON line per event */
    sbuf hook_error;      /* the first hook failure, "file:line: message" */
} test_run;

static void test_emit(void *ctx, const event *ev)
{
    test_run *r = ctx;
    event_to_json(ev, &r->events);
    sb_putc(&r->events, '\n');
    if (ev->kind == EVK_HOOK_ERROR && !r->hook_error.len)
        sb_puts(&r->hook_error, text_get(&ev->text, LANG_EN));
}

static void run_free(test_run *r)
{
    engine_free(r->e);
    lhost_free(r->h);
    sb_free(&r->events);
    sb_free(&r->hook_error);
}

/* Add one reason to the list of why a test failed. */
static void why(sbuf *reason, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void why(sbuf *reason, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (reason->len)
        sb_puts(reason, "; ");
    sb_puts(reason, buf);
}

/* One playthrough of test t. Returns CLI_OK (the run reached the end of
 * its inputs), CLI_EUSER (reason says why it could not) or CLI_EENV. */
static int run_once(const scen *sc, const scen_test *t, test_run *r, sbuf *reason)
{
    sbuf probs = SBUF_INIT, err = SBUF_INIT;
    int status = CLI_OK;
    r->h = lhost_load(sc->path, sc->source, sc->source_len, NULL, &probs);
    if (!r->h) {
        const char *p = probs.len ? probs.buf : "the scenario does not load";
        sb_printf(reason, "%.*s", (int)strcspn(p, "\n"), p);
        status = probs.oom ? CLI_EENV : CLI_EUSER;
        goto out;
    }
    event_sink sink = { test_emit, r };
    engine_opts opts = { .seed = t->seed, .mode = MODE_TRAINING };
    r->e = cli_session_start(r->h, &opts, &sink);
    if (!r->e) {
        status = CLI_EENV;
        goto out;
    }
    int line = 0;
    status = cli_feed_text(r->e, t->inputs, &line, &err);
    if (status == CLI_EUSER)
        sb_printf(reason, "%s:%d: %s", sc->path, t->inputs_line + line - 1, sb_str(&err));
    if (r->events.oom || r->hook_error.oom)
        status = CLI_EENV;
out:
    sb_free(&probs);
    sb_free(&err);
    return status;
}

/* The number (from 1) of the first event where two streams differ. */
static long first_difference(const sbuf *a, const sbuf *b)
{
    size_t n = a->len < b->len ? a->len : b->len;
    long ev = 1;
    for (size_t i = 0; i < n && a->buf[i] == b->buf[i]; i++)
        ev += a->buf[i] == '\n';
    return ev;
}

static void check_expect(const scen *sc, const scen_expect *x, const test_run *r, sbuf *reason)
{
    const engine *e = r->e;
    const char *got = engine_outcome(e);
    int score = engine_score(e);
    if (x->outcome && !got)
        why(reason, "outcome: expected %s, got none (the inputs ended first)", x->outcome);
    else if (x->outcome && strcmp(x->outcome, got) != 0)
        why(reason, "outcome: expected %s, got %s", x->outcome, got);
    if (x->has_score && score != x->score)
        why(reason, "score: expected %d, got %d", x->score, score);
    if (x->has_min && score < x->min_score)
        why(reason, "score %d is below min_score %d", score, x->min_score);
    if (x->has_max && score > x->max_score)
        why(reason, "score %d is above max_score %d", score, x->max_score);
    for (int i = 0; i < x->nobj; i++) {
        int k = scen_objective_find(sc, x->obj_ids[i]);
        if (k < 0)
            why(reason, "no objective %s", x->obj_ids[i]);
        else if (engine_objective_met(e, k) != x->obj_met[i])
            why(reason, "objective %s: expected %s", x->obj_ids[i],
                x->obj_met[i] ? "met, not met" : "not met, met");
    }
    for (int i = 0; i < x->npen; i++) {
        int k = scen_penalty_find(sc, x->pen_ids[i]);
        if (k < 0)
            why(reason, "no penalty %s", x->pen_ids[i]);
        else if (engine_penalty_count(e, k) < 1)
            why(reason, "penalty %s: expected to apply, did not", x->pen_ids[i]);
    }
    engine_expect_metrics(e, x, reason);
    int herr = engine_get_metrics(e)->hook_errors;
    if (herr > 0)
        why(reason, "hook error: %s (%d in all)", sb_str(&r->hook_error), herr);
}

/* Run test t twice and judge it: CLI_OK with reason empty for a pass,
 * reason filled for a failure; CLI_EENV when memory ran out. */
static int test_one(const scen *sc, const scen_test *t, sbuf *reason)
{
    test_run a = { 0 }, b = { 0 };
    int rc = run_once(sc, t, &a, reason);
    if (rc == CLI_OK)
        rc = run_once(sc, t, &b, reason);
    if (rc == CLI_OK) {
        if (a.events.len != b.events.len || memcmp(a.events.buf, b.events.buf, a.events.len) != 0)
            why(reason, "non-deterministic: first difference at event %ld",
                first_difference(&a.events, &b.events));
        check_expect(lhost_scen(a.h), &t->expect, &a, reason);
    }
    run_free(&a);
    run_free(&b);
    if (rc == CLI_EENV || reason->oom)
        return CLI_EENV;
    return CLI_OK;
}

int cli_test_scenario(const scen *sc, FILE *out, int *passed, int *failed)
{
    for (int i = 0; i < sc->ntests; i++) {
        const scen_test *t = &sc->tests[i];
        sbuf reason = SBUF_INIT;
        if (test_one(sc, t, &reason) != CLI_OK) {
            sb_free(&reason);
            return CLI_EENV;
        }
        fputs(reason.len ? "FAIL " : "PASS ", out);
        fprintf(out, "%s/", sc->id);
        cli_put_safe(out, t->name, NULL);
        if (reason.len) {
            fputs(": ", out);
            cli_put_safe(out, reason.buf, NULL);
            ++*failed;
        } else {
            ++*passed;
        }
        fputc('\n', out);
        fflush(out);
        sb_free(&reason);
    }
    return CLI_OK;
}

int cli_test(const cli_search *sp, const cli_strv *scenarios)
{
    int passed = 0, failed = 0, status = CLI_OK;
    for (int i = 0; i < scenarios->n && status == CLI_OK; i++) {
        const char *arg = scenarios->v[i];
        sbuf probs = SBUF_INIT;
        cli_found found;
        lhost *h = cli_scenario_load(sp, arg, &probs, &found);
        if (!h) {
            /* The details on stderr; the tally on stdout counts it too. */
            if (cli_scenario_error("test", arg, found, probs.buf) == CLI_EENV) {
                status = CLI_EENV;
            } else {
                fputs("FAIL ", stdout);
                cli_put_safe(stdout, arg, NULL);
                struct stat st;
                bool dir = stat(arg, &st) == 0 && S_ISDIR(st.st_mode);
                fputs(found != CLI_NOTFOUND ? ": the scenario does not load\n"
                      : dir ? ": is a directory, not a scenario file\n"
                            : ": no such file or scenario id\n", stdout);
                failed++;
            }
        } else if (lhost_scen(h)->ntests == 0) {
            cli_warn("%s: no self-tests (test { ... } in the scenario)", lhost_scen(h)->path);
        } else {
            status = cli_test_scenario(lhost_scen(h), stdout, &passed, &failed);
            if (status == CLI_EENV)
                cli_error("test: out of memory");
        }
        lhost_free(h);
        sb_free(&probs);
    }
    if (status == CLI_EENV)
        return status;
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? CLI_EUSER : CLI_OK;
}
