/*
 * cli_check.c - irdrill check: load scenarios without playing them.
 *
 * stdout gets "PATH: ok" per valid scenario; stderr gets every problem of
 * an invalid one as "file:line: message", one per line, exactly as an
 * editor's error parser expects them (no "irdrill: " prefix there; the
 * prefix is kept for problems with the command itself, such as an id that
 * is not on the search path).
 */
#include "ui/cli.h"

#include <string.h>

int cli_check(const cli_search *sp, const cli_strv *scenarios)
{
    int status = CLI_OK;
    for (int i = 0; i < scenarios->n; i++) {
        const char *arg = scenarios->v[i];
        sbuf probs = SBUF_INIT;
        cli_found why;
        lhost *h = cli_scenario_load(sp, arg, &probs, &why);
        switch (why) {
        case CLI_FOUND:
            cli_put_safe(stdout, lhost_scen(h)->path, NULL);
            fputs(": ok\n", stdout);
            break;
        case CLI_INVALID:
            fflush(stdout);      /* keep the order of the two streams readable */
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
