/*
 * cli_new.c - irdrill new-scenario ID [-o FILE]: write a commented
 * template scenario that passes check (with no warning) and test.
 *
 * The template is ui/template.lua, compiled into the binary (scripts/
 * embed.c) like the standard library, so an installed irdrill needs no
 * path to find it. It is a working scenario with the id "my-scenario";
 * every occurrence of that id becomes ID. An existing file is never
 * overwritten.
 */
#include "ui/cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern const char irdrill_template_lua[];
extern const size_t irdrill_template_lua_len;

#define TEMPLATE_ID "my-scenario"
#define ID_MAX 64

static const char USAGE[] =
    "usage: irdrill new-scenario ID [-o FILE]\n"
    "\n"
    "Write a commented template scenario with the id ID to ID.lua in the current\n"
    "directory (or to FILE; - for stdout). It is bilingual, plays, passes irdrill check\n"
    "without warnings and irdrill test, and has a self-test for each of its endings:\n"
    "change it step by step, running check and test after each change.\n"
    "An existing file is never overwritten.\n"
    "\n"
    "  ID                 letters, digits, '_', '-', '.', starting with a letter, at most 64\n"
    "  -o, --output FILE  where to write it (default ID.lua)\n";

/* The template with its id replaced. */
static void render(const char *id, sbuf *out)
{
    const char *p = irdrill_template_lua, *end = p + irdrill_template_lua_len;
    size_t k = strlen(TEMPLATE_ID);
    while (p < end) {
        const char *hit = strstr(p, TEMPLATE_ID);
        if (!hit || hit >= end) {
            sb_add(out, p, (size_t)(end - p));
            break;
        }
        sb_add(out, p, (size_t)(hit - p));
        sb_puts(out, id);
        p = hit + k;
    }
}

static bool write_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        buf += n;
        len -= (size_t)n;
    }
    return true;
}

static int write_new(const char *path, const sbuf *body)
{
    /* O_EXCL: the check that the file does not exist and its creation are
     * one step, so nothing is ever overwritten, not even by a race. */
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
    if (fd < 0) {
        int e = errno;
        if (e == EEXIST) {
            cli_error("new-scenario: %s already exists; not overwritten (choose another -o FILE)",
                      path);
            return CLI_EUSER;
        }
        cli_error("new-scenario: cannot create %s: %s", path, strerror(e));
        return e == ENOENT || e == ENOTDIR || e == EISDIR || e == ENAMETOOLONG ? CLI_EUSER
                                                                                : CLI_EENV;
    }
    bool ok = write_all(fd, body->buf, body->len);
    int e = errno;
    if (close(fd) != 0 && ok) {
        ok = false;
        e = errno;
    }
    if (!ok) {
        cli_error("new-scenario: cannot write %s: %s", path, strerror(e));
        unlink(path);     /* no half template left behind */
        return CLI_EENV;
    }
    return CLI_OK;
}

int cli_cmd_new_scenario(int argc, char **argv)
{
    const char *output = NULL;
    bool help = false;
    cli_strv pos = CLI_STRV_INIT;
    const cli_flag flags[] = { { "output", CLI_FLAG_STR, &output, "FILE" } };
    sbuf body = SBUF_INIT, name = SBUF_INIT;
    /* -o is the one short flag: given to the parser as --output. */
    char **args = calloc((size_t)argc + 1, sizeof *args);
    if (!args) {
        cli_error("out of memory");
        return CLI_EENV;
    }
    bool dashdash = false;
    for (int i = 0; i < argc; i++) {
        dashdash = dashdash || strcmp(argv[i], "--") == 0;
        args[i] = !dashdash && strcmp(argv[i], "-o") == 0 ? "--output" : argv[i];
    }
    int rc = cli_parse("new-scenario", argc, args, flags, 1, &pos, &help);
    if (rc != CLI_OK || help) {
        if (rc == CLI_OK)
            fputs(USAGE, stdout);
        goto out;
    }
    rc = CLI_EUSER;
    if (pos.n == 0) {
        cli_error("new-scenario: missing ID (the new scenario's id, e.g. ransomware-drill)");
        goto out;
    }
    if (pos.n > 1) {
        cli_error("new-scenario: unexpected argument '%s' (one ID; -o FILE for the file)", pos.v[1]);
        goto out;
    }
    const char *id = pos.v[0];
    if (!cli_id_ok(id)) {
        cli_error("new-scenario: '%s' is not a valid id: letters, digits, '_', '-' and '.', "
                  "starting with a letter, at most %d bytes", id, ID_MAX);
        goto out;
    }
    render(id, &body);
    if (!output) {
        sb_printf(&name, "%s.lua", id);
        output = sb_str(&name);
    }
    if (body.oom || name.oom) {
        cli_error("out of memory");
        rc = CLI_EENV;
        goto out;
    }
    if (strcmp(output, "-") == 0) {
        fwrite(body.buf, 1, body.len, stdout);
        rc = CLI_OK;
        goto out;
    }
    rc = write_new(output, &body);
    if (rc == CLI_OK) {
        fputs("wrote ", stdout);
        cli_put_safe(stdout, output, NULL);
        printf(" (scenario %s)\nnext: irdrill check ", id);
        cli_put_safe(stdout, output, NULL);
        fputs(" && irdrill test ", stdout);
        cli_put_safe(stdout, output, NULL);
        putchar('\n');
    }
out:
    free(args);
    sb_free(&body);
    sb_free(&name);
    cli_strv_free(&pos);
    return rc;
}
