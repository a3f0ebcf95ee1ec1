/*
 * cli_resume.c - irdrill resume [SESSION] --inputs FILE|-: continue an
 * unfinished saved session headless, exactly where its recorded inputs
 * left it, and print the same result as run (docs/cli.md).
 *
 * The interactive resume (without --inputs) belongs to the TUI.
 */
#include "ui/cli.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static const char USAGE_RESUME[] =
    "usage: irdrill resume [SESSION] --inputs FILE|- [--json] [--db PATH] [--lang vi|en]\n"
    "\n"
    "Continue an unfinished saved session (default: the newest active one) headless:\n"
    "rebuild it by replaying its recorded inputs (recording anything a crash left\n"
    "unrecorded), then read more inputs from FILE (or - for stdin) line by line, as run\n"
    "does, and print the same result as run.\n"
    "\n"
    "  --inputs FILE|-    the inputs that follow the recorded ones (required here; the\n"
    "                     interactive resume comes with the terminal interface)\n"
    "  --json             print the result as one JSON object (the last line of stdout)\n"
    "  --db PATH          the sessions database (default as for run)\n"
    "  --lang vi|en       language of the output\n"
    "\n"
    "A session that is finished or aborted, or whose record does not verify, is not\n"
    "resumed (exit 1); irdrill sessions --status active lists the resumable ones.\n";

int cli_cmd_resume(int argc, char **argv)
{
    const char *inputs = NULL, *db = NULL, *lang_s = NULL;
    bool json = false, done;
    cli_strv pos = CLI_STRV_INIT;
    const cli_flag flags[] = {
        { "inputs", CLI_FLAG_STR, &inputs, "FILE or -" },
        { "json", CLI_FLAG_BOOL, &json, NULL },
        { "db", CLI_FLAG_STR, &db, "PATH" },
        { "lang", CLI_FLAG_STR, &lang_s, "vi or en" },
    };
    int rc = cli_parse_cmd("resume", USAGE_RESUME, argc, argv, flags,
                           sizeof flags / sizeof *flags, &pos, &done);
    FILE *in = NULL;
    store *st = NULL;
    drill *d = NULL;
    char *path = NULL;
    if (done)
        goto out;
    rc = CLI_EUSER;
    int64_t id = 0;
    if (pos.n > 1) {
        cli_error("resume: unexpected argument '%s' (one SESSION at most)", pos.v[1]);
        goto out;
    }
    if (pos.n == 1 && cli_parse_session("resume", pos.v[0], &id) != CLI_OK)
        goto out;
    int l = cli_lang("resume", lang_s);
    if (l < 0)
        goto out;
    if (!inputs) {
        cli_error("resume: --inputs FILE|- is required (the interactive resume comes with "
                  "the terminal interface)");
        goto out;
    }
    const char *in_name;
    bool regular;
    if (!(in = cli_inputs_open("resume", inputs, &in_name, &regular)))
        goto out;
    bool missing;
    st = cli_db_open("resume", db, true, true, &missing, &path, &rc);
    if (!st) {
        if (missing) {
            cli_error("resume: %s: no database there (nothing has been saved yet)", path);
            rc = CLI_EUSER;
        }
        goto out;
    }
    if (id == 0 && (rc = store_latest_active(st, &id)) != STORE_OK) {
        if (rc == STORE_ENOTFOUND)
            cli_error("resume: %s: no unfinished session to resume", store_path(st));
        else
            cli_error("%s", store_errmsg(st));
        rc = cli_store_status(rc);
        goto out;
    }
    cli_observer obs = { true, NULL };
    event_sink sink = cli_observer_sink(&obs);
    char err[1024];
    if (!(d = drill_resume(st, id, &sink, err, sizeof err, &rc))) {
        cli_error("resume: %s", err);
        goto out;
    }
    obs.d = d;
    /* As for run: grouped commits only for the lines of a regular file. */
    drill_group_inputs(d, regular && strcmp(inputs, "-") != 0);
    rc = cli_feed_drill(d, in, in_name);
    if (rc != CLI_EENV && drill_sync(d) != STORE_OK) {
        cli_error("%s", drill_errmsg(d));
        rc = CLI_EENV;
    }
    if (rc == CLI_OK)
        rc = cli_print_result(d, json, (lang)l);
out:
    drill_free(d);
    store_close(st);
    free(path);
    cli_inputs_close(in);
    cli_strv_free(&pos);
    return rc;
}
