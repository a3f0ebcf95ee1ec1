/*
 * cli_session.c - start a session of a loaded scenario and feed it inputs
 * lines, from a stream as they arrive or from a string (see cli.h).
 */
#include "ui/cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

engine *cli_session_start(lhost *h, const engine_opts *opts, const event_sink *sink)
{
    engine_hooks hooks = lhost_hooks(h);
    engine *e = engine_new(lhost_scen(h), &hooks, sink, opts);
    if (!e)
        return NULL;
    lhost_bind(h, e);
    if (engine_start(e) != ENG_OK) {
        engine_free(e);
        return NULL;
    }
    return e;
}

int cli_feed_line(engine *e, const char *line, size_t len, sbuf *err)
{
    /* The engine reads a C string: a NUL would silently cut the line. */
    if (memchr(line, '\0', len)) {
        sb_reset(err);
        sb_puts(err, "NUL byte in line");
        return ENG_EINPUT;
    }
    int rc = engine_input_check(e, line, NULL);
    if (rc == ENG_OK)
        rc = engine_input_apply(e, line);
    if (rc < 0) {
        sb_reset(err);
        sb_puts(err, engine_errmsg(e));
    }
    return rc;
}

static int feed_status(int rc)
{
    if (rc >= 0)
        return CLI_OK;
    return rc == ENG_ENOMEM ? CLI_EENV : CLI_EUSER;
}

size_t cli_bom_len(const char *line, int lineno)
{
    return lineno == 1 && strncmp(line, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
}

int cli_feed_stream(engine *e, FILE *in, int *lineno, sbuf *err)
{
    char *line = NULL;
    size_t cap = 0;
    int status = CLI_OK;
    *lineno = 0;
    /* Check for the end first: once the session is over nothing more is
     * read, so a live writer is never waited for in vain. */
    while (status == CLI_OK && !engine_over(e)) {
        errno = 0;
        ssize_t n = getline(&line, &cap, in);
        if (n < 0) {
            if (ferror(in) || errno == ENOMEM) {
                sb_reset(err);
                sb_printf(err, "cannot read: %s", strerror(errno ? errno : EIO));
                status = CLI_EENV;
            }
            break;
        }
        ++*lineno;
        size_t bom = cli_bom_len(line, *lineno);
        status = feed_status(cli_feed_line(e, line + bom, (size_t)n - bom, err));
    }
    free(line);
    return status;
}

int cli_feed_text(engine *e, const char *src, int *lineno, sbuf *err)
{
    int status = CLI_OK;
    *lineno = 0;
    const char *p = src ? src : "";
    while (status == CLI_OK && *p && !engine_over(e)) {
        size_t len = strcspn(p, "\n");
        char *line = xstrndup(p, len);
        if (!line) {
            sb_reset(err);
            sb_puts(err, "out of memory");
            return CLI_EENV;
        }
        ++*lineno;
        status = feed_status(cli_feed_line(e, line, len, err));
        free(line);
        p += len + (p[len] == '\n');
    }
    return status;
}
