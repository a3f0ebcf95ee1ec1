/*
 * cli_db.c - the sessions database as the commands open it (see cli.h and
 * docs/cli.md, "The sessions database").
 *
 * Commands that only read (sessions, verify, report) open the file
 * read-only, so that looking at a database can never create, migrate or
 * lock it for writing; commands that play (run, resume) open it for
 * writing. Every failure is one line naming the file, exit status 2.
 */
#include "ui/cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int cli_store_status(int store_code)
{
    if (store_code == STORE_OK)
        return CLI_OK;
    return store_code == STORE_ENOTFOUND || store_code == STORE_EARG ? CLI_EUSER : CLI_EENV;
}

/* Read-only first; an older schema is then upgraded by a writable open,
 * as docs/database.md promises for every open, when the file may be
 * written (a newer one is refused by both, untouched). */
static int open_read(const char *path, store **out)
{
    store_opts ro = { .readonly = true };
    int rc = store_open(path, &ro, out);
    if (rc != STORE_ESCHEMA || access(path, W_OK) != 0)
        return rc;
    store *rw = NULL;
    int rc2 = store_open(path, NULL, &rw);
    if (rc2 == STORE_OK) {
        store_close(*out);
        *out = rw;
        return STORE_OK;
    }
    store_close(rw);
    return rc;
}

store *cli_db_open(const char *cmd, const char *flag, bool write, bool must_exist,
                   bool *missing, char **path_out, int *status)
{
    char err[512];
    *missing = false;
    *status = CLI_OK;
    if (path_out)
        *path_out = NULL;
    /* Only a command that creates a session creates the default directory. */
    char *path = store_path_resolve(flag, write && !must_exist, err, sizeof err);
    if (!path) {
        cli_error("%s: %s", cmd, err);
        *status = CLI_EENV;
        return NULL;
    }
    if (path_out && !(*path_out = xstrdup(path))) {
        cli_error("out of memory");
        *status = CLI_EENV;
        free(path);
        return NULL;
    }
    struct stat st;
    if (must_exist && stat(path, &st) != 0 && errno == ENOENT) {
        *missing = true;
        free(path);
        return NULL;
    }
    store *s = NULL;
    int rc = write ? store_open(path, NULL, &s) : open_read(path, &s);
    free(path);
    if (rc == STORE_OK)
        return s;
    if (!write && rc == STORE_ENOENT) {
        /* No file, or an empty one: nothing has been saved there yet. */
        *missing = true;
    } else {
        cli_error("%s", store_errmsg(s));
        *status = rc == STORE_ENOMEM || rc == STORE_ENOENT ? CLI_EENV : cli_store_status(rc);
        if (*status == CLI_EUSER)
            *status = CLI_EENV;   /* opening a database is never the user's input */
    }
    store_close(s);
    return NULL;
}

int cli_parse_session(const char *cmd, const char *arg, int64_t *id)
{
    int64_t v = 0;
    const char *p = arg;
    if (!*p)
        goto bad;
    for (; *p; p++) {
        if (*p < '0' || *p > '9')
            goto bad;
        int d = *p - '0';
        if (v > (INT64_MAX - d) / 10)
            goto bad;
        v = v * 10 + d;
    }
    if (v < 1)
        goto bad;
    *id = v;
    return CLI_OK;
bad:
    cli_error("%s: SESSION must be a session number (irdrill sessions lists them), not '%s'",
              cmd, arg);
    return CLI_EUSER;
}
