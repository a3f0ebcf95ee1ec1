/*
 * cli_sessions.c - irdrill sessions: the saved sessions, newest first, as
 * a table or as JSON lines (docs/cli.md).
 *
 * The listing is streamed from the database (store_list_each) and paged:
 * by default the newest CLI_SESSIONS_PAGE sessions, --limit N or --all for
 * more. A page costs the same however big the database grows (the
 * indexes serve the order and the filters), which is what keeps the
 * command inside its 100 ms budget on 100,000 sessions.
 */
#include "ui/cli.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#define CLI_SESSIONS_PAGE 50

static const char USAGE_SESSIONS[] =
    "usage: irdrill sessions [--scenario ID] [--team T] [--status S] [--limit N | --all]\n"
    "                        [--json] [--db PATH]\n"
    "\n"
    "List the saved sessions, newest first: number, status, turn, score, mode, start\n"
    "time, scenario, outcome and team. By default the 50 newest; --limit N shows N,\n"
    "--all every one.\n"
    "\n"
    "  --scenario ID      only sessions of this scenario id\n"
    "  --team T           only sessions of this team (the exact name, whether its accents\n"
    "                     are typed composed or decomposed)\n"
    "  --status S         only active, finished or aborted sessions\n"
    "  --limit N          at most N sessions (default 50)\n"
    "  --all              every session that matches\n"
    "  --json             one JSON object per session and line: session, scenario, team,\n"
    "                     mode, status, turn, score, max_score, outcome, started, ended,\n"
    "                     seed, inputs, parent\n"
    "  --db PATH          the sessions database (default as for run)\n"
    "\n"
    "No database yet means no sessions (exit 0).\n";

/* The human table's columns. */
enum { C_SESSION, C_STATUS, C_TURN, C_SCORE, C_MODE, C_STARTED, C_SCENARIO, C_OUTCOME, C_TEAM,
       NCOLS };

typedef struct list_ctx {
    bool json;
    int limit;            /* rows to print; the query asks for one more */
    int count;
    bool more;
    bool out_failed;      /* stdout could not be written (reported) */
    sbuf line;
    /* The human table is laid out once the page is read: each column as
     * wide as its widest cell (display width), so a long scenario id or a
     * Vietnamese team name never pushes the next column out of line. */
    char *(*rows)[NCOLS];
    int nrows, cap;
    bool oom;
} list_ctx;

/* After a row: a listing that cannot be written stops there, reported
 * while errno still says why (cli_flush_stdout). */
static int row_done(list_ctx *c)
{
    if (!ferror(stdout))
        return 0;
    cli_flush_stdout();
    c->out_failed = true;
    return 1;
}

/* A string from the database, made safe for a terminal. */
static void json_safe(sbuf *b, const char *s)
{
    if (!s) {
        sb_puts(b, "null");
        return;
    }
    char *clean = text_sanitize(s, NULL);
    if (!clean)
        b->oom = true;
    else
        sb_json_str(b, clean);
    free(clean);
}

static int list_row(void *ctx, const store_session *ss)
{
    list_ctx *c = ctx;
    if (c->limit > 0 && c->count == c->limit) {
        c->more = true;
        return 1;
    }
    c->count++;
    if (c->json) {
        sbuf *b = &c->line;
        sb_reset(b);
        sb_printf(b, "{\"session\":%" PRId64 ",\"scenario\":", ss->id);
        json_safe(b, ss->scenario_id);
        sb_puts(b, ",\"team\":");
        json_safe(b, ss->team);
        sb_puts(b, ",\"mode\":");
        json_safe(b, ss->mode);
        sb_puts(b, ",\"status\":");
        json_safe(b, ss->status);
        sb_printf(b, ",\"turn\":%d,\"score\":%d,\"max_score\":%d,\"outcome\":", ss->turn,
                  ss->score, ss->max_score);
        json_safe(b, ss->outcome);
        sb_puts(b, ",\"started\":");
        json_safe(b, ss->started);
        sb_puts(b, ",\"ended\":");
        json_safe(b, ss->ended);
        sb_printf(b, ",\"seed\":%" PRIu64 ",\"inputs\":%d,\"parent\":", ss->seed, ss->ninputs);
        if (ss->parent > 0)
            sb_printf(b, "%" PRId64, ss->parent);
        else
            sb_puts(b, "null");
        sb_putc(b, '}');
        if (b->oom)
            return -1;
        puts(sb_str(b));
        return row_done(c);
    }
    if (c->nrows == c->cap) {
        int nc = c->cap ? c->cap * 2 : 64;
        char *(*nr)[NCOLS] = realloc(c->rows, (size_t)nc * sizeof *nr);
        if (!nr) {
            c->oom = true;
            return -1;
        }
        c->rows = nr;
        c->cap = nc;
    }
    char num[32], turn[16], score[32];
    snprintf(num, sizeof num, "%" PRId64, ss->id);
    snprintf(turn, sizeof turn, "%d", ss->turn);
    snprintf(score, sizeof score, "%d/%d", ss->score, ss->max_score);
    /* Every text cell comes from the file: sanitised. */
    const char *cells[NCOLS] = { num, ss->status, turn, score, ss->mode, ss->started,
                                 ss->scenario_id, ss->outcome ? ss->outcome : "-",
                                 ss->team && *ss->team ? ss->team : "-" };
    char **row = c->rows[c->nrows++];
    for (int i = 0; i < NCOLS; i++)
        if (!(row[i] = text_sanitize(cells[i] ? cells[i] : "", NULL)))
            c->oom = true;
    return c->oom ? -1 : 0;
}

/* The page as a table: a header, then the rows, columns two spaces apart;
 * numbers right-aligned, the last column (the team) not padded. */
static void print_table(const list_ctx *c)
{
    static const char *const head[NCOLS] = { "SESSION", "STATUS", "TURN", "SCORE", "MODE",
                                             "STARTED", "SCENARIO", "OUTCOME", "TEAM" };
    static const bool right[NCOLS] = { [C_SESSION] = true, [C_TURN] = true };
    int width[NCOLS];
    for (int i = 0; i < NCOLS; i++) {
        width[i] = cli_width(head[i]);
        for (int r = 0; r < c->nrows; r++) {
            int w = cli_width(c->rows[r][i]);
            width[i] = w > width[i] ? w : width[i];
        }
    }
    for (int r = -1; r < c->nrows; r++) {
        for (int i = 0; i < NCOLS; i++) {
            const char *cell = r < 0 ? head[i] : c->rows[r][i];
            bool last = i == NCOLS - 1;
            if (right[i])
                printf("%*s", width[i] - cli_width(cell), "");
            cli_pad(stdout, cell, right[i] || last ? 0 : width[i]);
            fputs(last ? "\n" : "  ", stdout);
        }
    }
}

static void free_rows(list_ctx *c)
{
    for (int r = 0; r < c->nrows; r++)
        for (int i = 0; i < NCOLS; i++)
            free(c->rows[r][i]);
    free(c->rows);
}

/* A whole number 1 ... 1,000,000,000 for --limit. */
static int parse_limit(const char *v, int *out)
{
    long n = 0;
    for (const char *p = v; *p; p++) {
        if (*p < '0' || *p > '9' || n > 100000000L)
            goto bad;
        n = n * 10 + (*p - '0');
    }
    if (n < 1 || n > 1000000000L)
        goto bad;
    *out = (int)n;
    return CLI_OK;
bad:
    cli_error("sessions: --limit: expected a whole number from 1, not '%s'", v);
    return CLI_EUSER;
}

int cli_cmd_sessions(int argc, char **argv)
{
    const char *scenario = NULL, *team = NULL, *status = NULL, *limit_s = NULL, *db = NULL;
    bool json = false, all = false, done;
    cli_strv pos = CLI_STRV_INIT;
    const cli_flag flags[] = {
        { "scenario", CLI_FLAG_STR, &scenario, "ID" },
        { "team", CLI_FLAG_STR, &team, "T" },
        { "status", CLI_FLAG_STR, &status, "active, finished or aborted" },
        { "limit", CLI_FLAG_STR, &limit_s, "N" },
        { "all", CLI_FLAG_BOOL, &all, NULL },
        { "json", CLI_FLAG_BOOL, &json, NULL },
        { "db", CLI_FLAG_STR, &db, "PATH" },
    };
    list_ctx c = { .json = json, .line = SBUF_INIT };
    store *st = NULL;
    char *team_nfc = NULL;
    int rc = cli_parse_cmd("sessions", USAGE_SESSIONS, argc, argv, flags,
                           sizeof flags / sizeof *flags, &pos, &done);
    if (done)
        goto out;
    rc = CLI_EUSER;
    if (pos.n > 0) {
        cli_error("sessions: unexpected argument '%s'", pos.v[0]);
        goto out;
    }
    if (status && strcmp(status, "active") && strcmp(status, "finished") &&
        strcmp(status, "aborted")) {
        cli_error("sessions: --status: expected active, finished or aborted, not '%s'", status);
        goto out;
    }
    /* Ids are ASCII; names are stored in NFC, and so compared. */
    if (scenario && !cli_id_ok(scenario)) {
        cli_error("sessions: --scenario: expected a scenario id (letters, digits, '_', '-', '.', "
                  "starting with a letter, at most 64 bytes), not '%s'", scenario);
        goto out;
    }
    if (team && !(team_nfc = cli_name("sessions", "team", team, &rc)))
        goto out;
    if (all && limit_s) {
        cli_error("sessions: --all and --limit exclude each other");
        goto out;
    }
    c.json = json;
    c.limit = all ? 0 : CLI_SESSIONS_PAGE;
    if (limit_s && parse_limit(limit_s, &c.limit) != CLI_OK)
        goto out;
    bool missing;
    st = cli_db_open("sessions", db, false, false, &missing, NULL, &rc);
    if (!st) {
        if (missing) {
            rc = CLI_OK;
            if (!json)
                puts("no sessions saved yet");
        }
        goto out;
    }
    /* One row past the page tells whether there are more, without a count
     * that would read every row. */
    store_filter f = { .scenario = scenario, .team = team_nfc, .status = status,
                       .limit = c.limit > 0 ? c.limit + 1 : 0 };
    int src = store_list_each(st, &f, list_row, &c);
    if (c.out_failed) {
        rc = CLI_EENV;
        goto out;
    }
    if (c.line.oom || c.oom) {
        cli_error("out of memory");
        rc = CLI_EENV;
        goto out;
    }
    if (src != STORE_OK) {
        cli_error("%s", store_errmsg(st));
        rc = CLI_EENV;
        goto out;
    }
    rc = CLI_OK;
    if (!json && c.count > 0)
        print_table(&c);
    if (!json && c.count == 0)
        puts("no sessions match");
    else if (!json && c.more)
        printf("(the %d newest shown; --limit N or --all shows more)\n", c.limit);
    if (cli_flush_stdout() != CLI_OK)   /* while errno is still the write's */
        rc = CLI_EENV;
out:
    free_rows(&c);
    sb_free(&c.line);
    store_close(st);
    free(team_nfc);
    cli_strv_free(&pos);
    return rc;
}
