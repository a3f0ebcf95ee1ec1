/*
 * cli_run.c - irdrill run: a headless playthrough of a scenario from an
 * inputs script, read line by line as it arrives (docs/cli.md).
 *
 * Saving sessions comes in a later milestone: until then every run
 * behaves as --no-save and reports "session": null.
 */
#include "ui/cli.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

/* Hook failures do not stop a session (they are events); the person
 * running it still hears of each one, as a warning on stderr. */
static void run_emit(void *ctx, const event *ev)
{
    (void)ctx;
    if (ev->kind == EVK_HOOK_ERROR)
        cli_warn("%s", text_get(&ev->text, LANG_EN));
}

static void print_human(const engine *e, lang l)
{
    const scen *sc = engine_scen(e);
    const char *outcome = engine_outcome(e);
    fputs("scenario  ", stdout);
    cli_put_safe(stdout, text_get(&sc->title, l), NULL);
    printf(" (%s, version %d)\n", sc->id, sc->version);
    printf("seed      %llu\n", (unsigned long long)engine_seed(e));
    if (outcome)
        printf("outcome   %s\n", outcome);
    else
        printf("outcome   none: the inputs ended before the session did (turn %d of %d)\n",
               engine_turn(e), sc->max_turns);
    printf("score     %d/%d\n", engine_score(e), engine_max_score(e));
    printf("turns     %d\n", engine_turn(e));
    printf("session   none (not saved)\n");
}

int cli_run(const cli_run_opts *o)
{
    int status = CLI_OK;
    bool from_stdin = strcmp(o->inputs, "-") == 0;
    const char *in_name = from_stdin ? "stdin" : o->inputs;
    FILE *in = from_stdin ? stdin : fopen(o->inputs, "r");
    struct stat st;
    if (!in || (!from_stdin && fstat(fileno(in), &st) == 0 && S_ISDIR(st.st_mode))) {
        cli_error("run: --inputs %s: %s", o->inputs, in ? "is a directory" : strerror(errno));
        if (in)
            fclose(in);
        return CLI_EUSER;
    }
    lhost *h = cli_scenario_open(o->search, "run", o->scenario, &status);
    engine *e = NULL;
    sbuf err = SBUF_INIT;
    if (!h)
        goto out;

    event_sink sink = { run_emit, NULL };
    engine_opts opts = {
        .seed = o->has_seed ? o->seed : cli_default_seed(),
        .mode = o->mode,
    };
    e = cli_session_start(h, &opts, &sink);
    if (!e) {
        cli_error("run: %s: cannot start a session: out of memory", o->scenario);
        status = CLI_EENV;
        goto out;
    }
    int line = 0;
    status = cli_feed_stream(e, in, &line, &err);
    if (status == CLI_EUSER) {
        cli_error("%s:%d: %s", in_name, line, sb_str(&err));
        goto out;
    }
    if (status != CLI_OK) {
        cli_error("%s: %s", in_name, err.oom ? "out of memory" : sb_str(&err));
        goto out;
    }
    if (o->json) {
        sbuf res = SBUF_INIT;
        engine_result_json(e, NULL, &res);
        if (res.oom) {
            cli_error("run: out of memory");
            status = CLI_EENV;
        } else {
            puts(sb_str(&res));
        }
        sb_free(&res);
    } else {
        print_human(e, o->lang);
    }
out:
    sb_free(&err);
    engine_free(e);
    lhost_free(h);
    if (in && !from_stdin)
        fclose(in);
    return status;
}
