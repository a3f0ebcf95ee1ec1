/*
 * cli_verify.c - irdrill verify [SESSION|--all]: check saved sessions
 * against themselves (docs/cli.md, docs/database.md "The hash chain").
 *
 * For each session: what needs no replay (store_verify_chain: the input
 * chain, sequence numbers, the genesis, the stored source's hash, event
 * numbers, score against score lines), then a replay of the recorded
 * inputs through a fresh engine on the stored scenario source, compared
 * event by event and score line by score line with what was recorded
 * (store_verify_compare). Discrepancies are the result, one line each on
 * stdout; errors of the environment are one line on stderr, exit 2.
 */
#include "ui/cli.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static const char USAGE_VERIFY[] =
    "usage: irdrill verify [SESSION|--all] [--db PATH]\n"
    "\n"
    "Check saved sessions: the tamper-evident chain over the inputs, inputs numbered\n"
    "without gaps, the stored scenario source against its hash, then a replay of the\n"
    "inputs on the stored source, compared event by event and score line by score line\n"
    "with the record. Prints 'session N: ok', or one line per discrepancy.\n"
    "With --all, or no SESSION, every session (and the database file's integrity first).\n"
    "\n"
    "  --all              every saved session, oldest first, then a summary line (the\n"
    "                     default when no SESSION is named)\n"
    "  --db PATH          the sessions database (default as for run)\n"
    "\n"
    "Exit status: 0 when everything holds, 1 when any discrepancy was found (or the\n"
    "session is unknown), 2 when the database cannot be read.\n";

static void collect(void *ctx, const event *ev)
{
    sbuf *b = ctx;
    event_to_json(ev, b);
    sb_putc(b, '\n');
}

/* Replay l and compare; problems gets the lines. Returns the number of
 * discrepancies, or -1 when out of memory (message printed). */
static int replay_compare(const store_loaded *l, sbuf *problems)
{
    sbuf events = SBUF_INIT;
    event_sink sink = { collect, &events };
    char err[1024];
    int status, n = 0, nmetrics = 0;
    drill *d = drill_open_record(l, &sink, err, sizeof err, &status);
    engine_score_entry *scores = NULL;
    store_metric *metrics = NULL;
    if (!d) {
        if (status == CLI_EENV)
            goto oom;
        sb_printf(problems, "session %" PRId64 ": cannot replay: %s\n", l->sess.id, err);
        sb_free(&events);
        return 1;
    }
    for (int i = 0; i < l->ninputs; i++) {
        int rc = drill_replay_input(d, l->inputs[i].line);
        if (rc == ENG_ENOMEM)
            goto oom;
        if (rc != ENG_OK) {
            /* What follows a refused input cannot be compared meaningfully. */
            char *line = text_sanitize(l->inputs[i].line, NULL);
            sb_printf(problems, "session %" PRId64 ": recorded input %d ('%.200s') is refused "
                      "by the replay: %s\n", l->sess.id, l->inputs[i].seq, line ? line : "?",
                      drill_errmsg(d));
            free(line);
            n = 1;
            goto out;
        }
    }
    engine *e = drill_engine(d);
    int ns = engine_score_count(e);
    scores = calloc((size_t)(ns ? ns : 1), sizeof *scores);
    if (!scores || events.oom || drill_metrics(d, &metrics, &nmetrics) != STORE_OK)
        goto oom;
    for (int i = 0; i < ns; i++)
        scores[i] = *engine_score_at(e, i);
    store_replay r = { .events = sb_str(&events), .scores = scores, .nscores = ns,
                       .score = engine_score(e), .turn = engine_turn(e),
                       .max_score = engine_max_score(e), .over = engine_over(e),
                       .outcome = engine_outcome(e), .metrics = metrics, .nmetrics = nmetrics };
    n = store_verify_compare(l, &r, problems);
    if (n < 0)
        goto oom;
    /* A session recorded before the standard library was stored with it
     * replays on this irdrill's built-in one. Whether that changed since
     * cannot be told from the record; say so rather than let the lines
     * above read as tampering only. */
    if (n > 0 && !l->stdlib)
        sb_printf(problems, "session %" PRId64 ": note: the session was recorded by irdrill %s "
                  "without its standard library; it replays on this irdrill's, so a change in "
                  "the standard library since then would also give these differences\n",
                  l->sess.id, l->sess.tool_version && *l->sess.tool_version
                                  ? l->sess.tool_version : "(unknown version)");
out:
    drill_metrics_free(metrics, nmetrics);
    free(scores);
    drill_free(d);
    sb_free(&events);
    return n;
oom:
    cli_error("verify: out of memory");
    n = -1;
    goto out;
}

/* Verify one session: 0 ok, 1 discrepancies (printed), or an exit status
 * (negated) for an error already printed. */
static int verify_one(store *st, int64_t id)
{
    store_loaded *l = NULL;
    int rc = store_load(st, id, STORE_LOAD_EVENTS, &l);
    if (rc != STORE_OK) {
        if (rc == STORE_ENOTFOUND)
            cli_error("verify: %s", store_errmsg(st));
        else
            cli_error("%s", store_errmsg(st));
        return -cli_store_status(rc);
    }
    sbuf problems = SBUF_INIT;
    int n = store_verify_chain(l, &problems);
    int m = n >= 0 ? replay_compare(l, &problems) : 0;
    int result;
    if (n < 0 || m < 0 || problems.oom) {
        if (m >= 0)
            cli_error("verify: out of memory");
        result = -CLI_EENV;
    } else if (n + m == 0) {
        printf("session %" PRId64 ": ok\n", id);
        result = 0;
    } else {
        fputs(sb_str(&problems), stdout);
        result = 1;
    }
    /* Stop at once when the output cannot be written (a full disk): the
     * reason is known now, and would be lost to the next reads. */
    if (result >= 0 && cli_flush_stdout() != CLI_OK)
        result = -CLI_EENV;
    sb_free(&problems);
    store_loaded_free(l);
    return result;
}

typedef struct ids {
    int64_t *v;
    int n, cap;
    bool oom;
} ids;

static int push_id(void *ctx, const store_session *ss)
{
    ids *c = ctx;
    if (c->n == c->cap) {
        int cap = c->cap ? c->cap * 2 : 64;
        int64_t *v = realloc(c->v, sizeof *v * (size_t)cap);
        if (!v) {
            c->oom = true;
            return 1;
        }
        c->v = v;
        c->cap = cap;
    }
    c->v[c->n++] = ss->id;
    return 0;
}

static int verify_all(store *st)
{
    if (store_integrity(st) != STORE_OK) {
        cli_error("%s", store_errmsg(st));
        return CLI_EENV;
    }
    ids c = { NULL, 0, 0, false };
    int rc = store_list_each(st, NULL, push_id, &c);
    if (rc != STORE_OK || c.oom) {
        cli_error("%s", rc != STORE_OK ? store_errmsg(st) : "verify: out of memory");
        free(c.v);
        return CLI_EENV;
    }
    int bad = 0, status = CLI_OK;
    /* The listing is newest first; reports read better oldest first. */
    for (int i = c.n - 1; i >= 0; i--) {
        int r = verify_one(st, c.v[i]);
        if (r < 0) {
            status = -r;
            break;
        }
        bad += r;
    }
    if (status == CLI_OK) {
        if (bad)
            printf("%d session(s) verified, %d with discrepancies\n", c.n, bad);
        else
            printf("%d session(s) verified, all ok\n", c.n);
        status = bad ? CLI_EUSER : CLI_OK;
    }
    free(c.v);
    return status;
}

int cli_cmd_verify(int argc, char **argv)
{
    const char *db = NULL;
    bool all = false, done;
    cli_strv pos = CLI_STRV_INIT;
    const cli_flag flags[] = {
        { "all", CLI_FLAG_BOOL, &all, NULL },
        { "db", CLI_FLAG_STR, &db, "PATH" },
    };
    store *st = NULL;
    char *path = NULL;
    int rc = cli_parse_cmd("verify", USAGE_VERIFY, argc, argv, flags,
                           sizeof flags / sizeof *flags, &pos, &done);
    if (done)
        goto out;
    rc = CLI_EUSER;
    int64_t id = 0;
    if (pos.n > 1 || (all && pos.n > 0)) {
        cli_error("verify: unexpected argument '%s' (SESSION or --all)", pos.v[pos.n - 1]);
        goto out;
    }
    /* product.md §3: irdrill verify [SESSION|--all]. Without either, every
     * session: a check of the whole record is what a bare verify asks. */
    if (pos.n == 0)
        all = true;
    if (pos.n == 1 && cli_parse_session("verify", pos.v[0], &id) != CLI_OK)
        goto out;
    bool missing;
    st = cli_db_open("verify", db, false, false, &missing, &path, &rc);
    if (!st) {
        if (missing && all) {
            puts("0 session(s) verified, all ok");
            rc = CLI_OK;
        } else if (missing) {
            cli_error("verify: %s: no session %" PRId64 " (nothing has been saved there)", path,
                      id);
            rc = CLI_EUSER;
        }
        goto out;
    }
    if (all) {
        rc = verify_all(st);
    } else {
        int r = verify_one(st, id);
        rc = r < 0 ? -r : r ? CLI_EUSER : CLI_OK;
    }
out:
    store_close(st);
    free(path);
    cli_strv_free(&pos);
    return rc;
}
