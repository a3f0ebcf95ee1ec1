/*
 * cli_report.c - irdrill report SESSION: the after-action report of a
 * saved session (product.md §6; the report itself is saves/report*.c).
 *
 * The scenario is rebuilt from the source stored with the session, not
 * from the file on disk, so the report describes the scenario as it was
 * played; when even that no longer loads (an older irdrill's scenario),
 * the report is built from the recorded events and score lines alone.
 */
#include "ui/cli.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define REPORT_HISTORY 10   /* earlier sessions in the comparison */

static const char USAGE_REPORT[] =
    "usage: irdrill report SESSION [--format md|json|csv] [-o FILE] [--lang vi|en] [--db PATH]\n"
    "\n"
    "The after-action report of a saved session: header (scenario, version, date, team,\n"
    "participants and roles, mode, seed, input chain fingerprint), outcome and score by\n"
    "objective, penalty, hint and award, metrics, the timeline of ground truth beside what\n"
    "the team saw and did, mistakes and missed opportunities, an improvement plan, and a\n"
    "comparison with the team's earlier sessions of the same scenario.\n"
    "\n"
    "  --format md|json|csv   Markdown (default), JSON, or CSV with one row per event;\n"
    "                         HTML with charts comes in a later version\n"
    "  -o FILE, --output FILE write the report to FILE (replaced whole, or not at all)\n"
    "                         instead of stdout\n"
    "  --lang vi|en           language (default: from LC_ALL/LC_MESSAGES/LANG)\n"
    "  --db PATH              the sessions database (default as for run)\n"
    "\n"
    "A session whose scenario no longer loads is reported from its recorded events.\n";

/* Write the report to path through a temporary file in the same directory,
 * renamed into place, so that a failure never leaves half a report. */
static int write_file(const char *path, const sbuf *out)
{
    sbuf tmp = SBUF_INIT;
    sb_printf(&tmp, "%s.tmp%ld", path, (long)getpid());
    if (tmp.oom) {
        cli_error("out of memory");
        return CLI_EENV;
    }
    FILE *f = fopen(sb_str(&tmp), "wb");
    int status = CLI_OK;
    if (!f) {
        cli_error("report: -o %s: cannot write: %s", path, strerror(errno));
        sb_free(&tmp);
        return CLI_EENV;
    }
    bool ok = fwrite(out->buf ? out->buf : "", 1, out->len, f) == out->len;
    ok = (fflush(f) == 0) & ok;
    int err = errno;
    ok = (fclose(f) == 0) & ok;
    if (!ok || rename(sb_str(&tmp), path) != 0) {
        cli_error("report: -o %s: cannot write: %s", path, strerror(ok ? errno : err));
        remove(sb_str(&tmp));
        status = CLI_EENV;
    }
    sb_free(&tmp);
    return status;
}

static int make_report(store *st, int64_t id, store_format fmt, lang lg, sbuf *out)
{
    store_loaded *l = NULL;
    int rc = store_load(st, id, STORE_LOAD_EVENTS, &l);
    if (rc != STORE_OK) {
        cli_error(rc == STORE_ENOTFOUND ? "report: %s" : "%s", store_errmsg(st));
        return cli_store_status(rc);
    }
    sbuf problems = SBUF_INIT;
    lhost *h = drill_load_record(l, &problems);
    if (!h) {
        const char *p = sb_str(&problems);
        cli_warn("session %" PRId64 ": its scenario no longer loads (%.*s); the report is made "
                 "from the recorded events", id, (int)strcspn(p, "\n"), p);
    }
    sb_free(&problems);
    store_session *hist = NULL;
    int nhist = 0, status = CLI_OK;
    rc = store_history(st, &l->sess, REPORT_HISTORY, &hist, &nhist);
    if (rc == STORE_OK)
        rc = store_report(l, h ? lhost_scen(h) : NULL, hist, nhist, fmt, lg, out);
    if (rc != STORE_OK || out->oom) {
        cli_error("%s", rc == STORE_ENOMEM || rc == STORE_OK ? "report: out of memory"
                                                             : store_errmsg(st));
        status = CLI_EENV;
    }
    store_sessions_free(hist, nhist);
    lhost_free(h);
    store_loaded_free(l);
    return status;
}

int cli_cmd_report(int argc, char **argv)
{
    const char *format = NULL, *output = NULL, *lang_s = NULL, *db = NULL;
    bool done;
    cli_strv pos = CLI_STRV_INIT;
    const cli_flag flags[] = {
        { "format", CLI_FLAG_STR, &format, "md, json or csv" },
        { "output", CLI_FLAG_STR, &output, "FILE" },
        { "lang", CLI_FLAG_STR, &lang_s, "vi or en" },
        { "db", CLI_FLAG_STR, &db, "PATH" },
    };
    store *st = NULL;
    char *path = NULL;
    sbuf out = SBUF_INIT;
    /* "-o FILE" is the one short flag (product.md §3): it is --output. */
    char **args = calloc((size_t)argc + 1, sizeof *args);
    int rc = CLI_EENV;
    if (!args) {
        cli_error("out of memory");
        goto out;
    }
    for (int i = 0; i < argc; i++) {
        args[i] = argv[i];
        if (strcmp(argv[i], "--") == 0) {
            for (i++; i < argc; i++)
                args[i] = argv[i];
            break;
        }
        if (strcmp(argv[i], "-o") == 0)
            args[i] = "--output";
    }
    rc = cli_parse_cmd("report", USAGE_REPORT, argc, args, flags, sizeof flags / sizeof *flags,
                       &pos, &done);
    if (done)
        goto out;
    rc = CLI_EUSER;
    int64_t id = 0;
    if (pos.n != 1) {
        if (pos.n == 0)
            cli_error("report: missing SESSION (a session number: irdrill sessions lists them)");
        else
            cli_error("report: unexpected argument '%s' (one SESSION only)", pos.v[1]);
        goto out;
    }
    if (cli_parse_session("report", pos.v[0], &id) != CLI_OK)
        goto out;
    int fmt = REPORT_MD;
    if (format && strcmp(format, "html") == 0) {
        cli_error("report: --format html comes in a later version (md, json and csv work now)");
        goto out;
    }
    if (format && (fmt = store_format_parse(format)) < 0) {
        cli_error("report: --format: expected md, json or csv, not '%s'", format);
        goto out;
    }
    int l = cli_lang("report", lang_s);
    if (l < 0)
        goto out;
    bool missing;
    st = cli_db_open("report", db, false, false, &missing, &path, &rc);
    if (!st) {
        if (missing) {
            cli_error("report: %s: no session %" PRId64 " (nothing has been saved there)", path,
                      id);
            rc = CLI_EUSER;
        }
        goto out;
    }
    rc = make_report(st, id, (store_format)fmt, (lang)l, &out);
    if (rc != CLI_OK)
        goto out;
    if (output && strcmp(output, "-") != 0)
        rc = write_file(output, &out);
    else if (fwrite(out.buf ? out.buf : "", 1, out.len, stdout) != out.len || fflush(stdout))
        rc = cli_flush_stdout();   /* now, while errno says why: closing the database resets it */
out:
    sb_free(&out);
    store_close(st);
    free(path);
    free(args);
    cli_strv_free(&pos);
    return rc;
}
