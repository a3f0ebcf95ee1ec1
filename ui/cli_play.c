/*
 * cli_play.c - what run and resume share: the inputs script, feeding it
 * to a drill line by line as it arrives, and printing the result.
 */
#include "ui/cli.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

FILE *cli_inputs_open(const char *cmd, const char *arg, const char **name, bool *regular)
{
    struct stat st;
    *regular = false;
    if (strcmp(arg, "-") == 0) {
        *name = "stdin";
        *regular = fstat(fileno(stdin), &st) == 0 && S_ISREG(st.st_mode);
        return stdin;
    }
    *name = arg;
    FILE *in = fopen(arg, "r");
    if (!in) {
        cli_error("%s: --inputs %s: %s", cmd, arg, strerror(errno));
        return NULL;
    }
    if (fstat(fileno(in), &st) == 0 && S_ISDIR(st.st_mode)) {
        cli_error("%s: --inputs %s: is a directory", cmd, arg);
        fclose(in);
        return NULL;
    }
    *regular = S_ISREG(st.st_mode);
    return in;
}

void cli_inputs_close(FILE *in)
{
    if (in && in != stdin)
        fclose(in);
}

/* A hook failure does not stop a session (it is an event); the person
 * running it hears of each one once, when it happens, not again when a
 * resume replays it. */
static void observe(void *ctx, const event *ev)
{
    cli_observer *o = ctx;
    bool replayed = o->resuming && (!o->d || drill_replaying(o->d));
    if (ev->kind == EVK_HOOK_ERROR && !replayed)
        cli_warn("%s", text_get(&ev->text, LANG_EN));
}

event_sink cli_observer_sink(cli_observer *o)
{
    event_sink k = { observe, o };
    return k;
}

int cli_feed_drill(drill *d, FILE *in, const char *name)
{
    char *line = NULL;
    size_t cap = 0;
    int status = CLI_OK, lineno = 0;
    engine *e = drill_engine(d);
    /* The end is checked before each read: once the session is over nothing
     * more is read, so a live writer is never waited for in vain. */
    while (status == CLI_OK && !engine_over(e)) {
        errno = 0;
        ssize_t n = getline(&line, &cap, in);
        if (n < 0) {
            if (ferror(in) || errno == ENOMEM) {
                cli_error("%s: cannot read: %s", name, strerror(errno ? errno : EIO));
                status = CLI_EENV;
            }
            break;
        }
        ++lineno;
        /* The engine reads a C string: a NUL would silently cut the line. */
        if (memchr(line, '\0', (size_t)n)) {
            cli_error("%s:%d: NUL byte in line", name, lineno);
            status = CLI_EUSER;
            break;
        }
        int rc = drill_input(d, line + cli_bom_len(line, lineno));
        if (rc >= 0)
            continue;
        if (rc == ENG_EINPUT || rc == ENG_EOVER || rc == ENG_EARG || rc == ENG_ELIMIT) {
            if (drill_session(d))
                cli_error("%s:%d: %s (session %" PRId64 " is saved up to here: irdrill "
                          "resume %" PRId64 " continues it)", name, lineno, drill_errmsg(d),
                          drill_session(d), drill_session(d));
            else
                cli_error("%s:%d: %s", name, lineno, drill_errmsg(d));
            status = CLI_EUSER;
        } else {
            /* Out of memory, or the database: its message names the file. */
            cli_error("%s", drill_errmsg(d));
            status = CLI_EENV;
        }
    }
    free(line);
    return status;
}

/* One "label     value" line: the label padded to 10 columns (by display
 * width: Vietnamese labels take more bytes than columns). */
static void label(lang l, const char *en, const char *vi)
{
    cli_pad(stdout, l == LANG_VI ? vi : en, 10);
}

static void print_human(drill *d, lang l)
{
    engine *e = drill_engine(d);
    const scen *sc = engine_scen(e);
    const char *outcome = engine_outcome(e);
    bool vi = l == LANG_VI;
    label(l, "scenario", "kịch bản");
    cli_put_safe(stdout, text_get(&sc->title, l), NULL);
    printf(" (%s, %s %d)\n", sc->id, vi ? "phiên bản" : "version", sc->version);
    label(l, "seed", "seed");
    printf("%llu\n", (unsigned long long)engine_seed(e));
    label(l, "outcome", "kết cục");
    if (outcome)
        printf("%s\n", outcome);
    else if (vi)
        printf("chưa có: hết dòng đầu vào trước khi phiên kết thúc (lượt %d/%d)\n",
               engine_turn(e), sc->max_turns);
    else
        printf("none: the inputs ended before the session did (turn %d of %d)\n",
               engine_turn(e), sc->max_turns);
    label(l, "score", "điểm");
    printf("%d/%d\n", engine_score(e), engine_max_score(e));
    label(l, "turns", "số lượt");
    printf("%d\n", engine_turn(e));
    label(l, "session", "phiên");
    if (drill_session(d))
        printf("%" PRId64 "\n", drill_session(d));
    else
        puts(vi ? "không có (không lưu)" : "none (not saved)");
}

int cli_print_result(drill *d, bool json, lang l)
{
    if (!json) {
        print_human(d, l);
        return CLI_OK;
    }
    /* engine_result_json writes the session as a string or null; the
     * contract (product.md §3) has a number, so the null is replaced. */
    static const char head[] = "{\"session\":null";
    sbuf res = SBUF_INIT;
    engine_result_json(drill_engine(d), NULL, &res);
    int status = CLI_OK;
    if (res.oom || strncmp(sb_str(&res), head, sizeof head - 1) != 0) {
        cli_error("out of memory");
        status = CLI_EENV;
    } else if (drill_session(d)) {
        printf("{\"session\":%" PRId64 "%s\n", drill_session(d), sb_str(&res) + sizeof head - 1);
    } else {
        puts(sb_str(&res));
    }
    sb_free(&res);
    return status;
}
