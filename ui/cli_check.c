/*
 * cli_check.c - irdrill check: load scenarios without playing them, and
 * lint the ones that load (cli_lint.c).
 *
 * stdout gets "PATH: ok" per valid scenario; stderr gets every problem of
 * an invalid one as "file:line: message", and every warning of a valid one
 * as "file:line: warning: message", one per line, exactly as an editor's
 * error parser expects them (no "irdrill: " prefix there; the prefix is
 * kept for problems with the command itself, such as an id that is not on
 * the search path). Warnings do not change the exit status.
 */
#include "ui/cli.h"

#include <string.h>

static const char USAGE[] =
    "usage: irdrill check SCENARIO... [--no-simulate] [--scenarios DIR]...\n"
    "\n"
    "Load each scenario without playing it. Prints every problem of an invalid one on\n"
    "stderr as 'file:line: message', and every warning of a valid one as\n"
    "'file:line: warning: message' (text given as a plain string, a signal or penalty\n"
    "never named, an objective worth more than half the points, a hint that costs\n"
    "nothing, an objective or ending that 200 bot playthroughs of each policy never\n"
    "reach); then 'PATH: ok' on stdout for a valid one.\n"
    "Exit status 1 when any scenario is invalid; warnings alone leave it 0.\n"
    "\n"
    "  --no-simulate      skip the bot playthroughs (the slowest check)\n"
    "  --scenarios DIR    look for scenario ids in DIR first (repeatable)\n";

int cli_check_lint(const cli_search *sp, const cli_strv *scenarios, bool lint, bool simulate)
{
    int status = CLI_OK;
    for (int i = 0; i < scenarios->n; i++) {
        const char *arg = scenarios->v[i];
        sbuf probs = SBUF_INIT;
        cli_found why;
        lhost *h = cli_scenario_load(sp, arg, &probs, &why);
        switch (why) {
        case CLI_FOUND:
            fflush(stdout);      /* keep the order of the two streams readable */
            if (lint && cli_lint(h, simulate) < 0) {
                status = CLI_EENV;
                break;
            }
            cli_put_safe(stdout, lhost_scen(h)->path, NULL);
            fputs(": ok\n", stdout);
            break;
        case CLI_INVALID:
            fflush(stdout);
            cli_put_safe(stderr, probs.len ? probs.buf : "invalid scenario\n", "\n");
            if (probs.len && probs.buf[probs.len - 1] != '\n')
                fputc('\n', stderr);
            if (status == CLI_OK)
                status = CLI_EUSER;
            break;
        case CLI_NOTFOUND:
        case CLI_NOMEM: {
            int rc = cli_scenario_error("check", arg, why, NULL);
            if (status != CLI_EENV)
                status = rc;
            break;
        }
        }
        lhost_free(h);
        sb_free(&probs);
        if (status == CLI_EENV)
            break;
    }
    return status;
}

int cli_check(const cli_search *sp, const cli_strv *scenarios)
{
    return cli_check_lint(sp, scenarios, true, true);
}

int cli_cmd_check(int argc, char **argv)
{
    bool help = false, no_simulate = false;
    cli_strv dirs = CLI_STRV_INIT, pos = CLI_STRV_INIT;
    const cli_flag flags[] = {
        { "no-simulate", CLI_FLAG_BOOL, &no_simulate, NULL },
        { "scenarios", CLI_FLAG_LIST, &dirs, "DIR" },
    };
    cli_search sp = { NULL, 0 };
    int rc = cli_parse("check", argc, argv, flags, sizeof flags / sizeof *flags, &pos, &help);
    if (rc != CLI_OK || help) {
        if (rc == CLI_OK)
            fputs(USAGE, stdout);
        goto out;
    }
    if (pos.n == 0) {
        cli_error("check: missing SCENARIO (one or more paths or scenario ids)");
        rc = CLI_EUSER;
        goto out;
    }
    rc = cli_search_init(&sp, &dirs);
    if (rc == CLI_OK)
        rc = cli_check_lint(&sp, &pos, true, !no_simulate);
out:
    cli_search_free(&sp);
    cli_strv_free(&dirs);
    cli_strv_free(&pos);
    return rc;
}
