/*
 * cli_util.c - messages, the flag parser and small value parsers shared by
 * the commands (see cli.h).
 */
#include "ui/cli.h"

#include "engine/nfc.h"
#include "engine/rng.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Every message goes through here: formatted, then sanitised as a whole,
 * so a control character in a file name, a flag or a scenario's text can
 * neither break the one-line rule nor drive the terminal. */
static void vmessage(const char *prefix, const char *fmt, va_list ap)
{
    char buf[1024];
    vsnprintf(buf, sizeof buf, fmt, ap);
    char *clean = text_sanitize(buf, NULL);
    fprintf(stderr, "irdrill: %s%s\n", prefix, clean ? clean : "(message lost: out of memory)");
    free(clean);
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage("", fmt, ap);
    va_end(ap);
}

void cli_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage("warning: ", fmt, ap);
    va_end(ap);
}

void cli_put_safe(FILE *f, const char *s, const char *allow)
{
    char *clean = text_sanitize(s ? s : "", allow);
    fputs(clean ? clean : "?", f);
    free(clean);
}

/* The command being run, for messages that are not a command's own: the
 * name cli_parse was last given. */
static const char *current_cmd;

/* A failed write to stdout is reported once, with the reason of the write
 * that failed: stdio discards what it could not write, so a later fflush
 * has nothing to write and fails no more, while errno meanwhile is
 * whatever a later call left (closing the database sets EBADF). So a
 * command that goes on after writing calls this at once, while errno is
 * still the write's; main calls it at the end for every command. */
int cli_flush_stdout(void)
{
    static bool reported;
    int failed = fflush(stdout) != 0;
    int err = errno;
    if (!failed && !ferror(stdout))
        return CLI_OK;
    if (!reported) {
        reported = true;
        cli_error("%s%scannot write the output: %s", current_cmd ? current_cmd : "",
                  current_cmd ? ": " : "", strerror(err ? err : EIO));
    }
    return CLI_EENV;
}

int cli_strv_push(cli_strv *v, const char *s)
{
    if (v->n == v->cap) {
        int nc = v->cap ? v->cap * 2 : 8;
        const char **p = realloc(v->v, (size_t)nc * sizeof *p);
        if (!p)
            return -1;
        v->v = p;
        v->cap = nc;
    }
    v->v[v->n++] = s;
    return 0;
}

void cli_strv_free(cli_strv *v)
{
    free(v->v);
    v->v = NULL;
    v->n = v->cap = 0;
}

static const cli_flag *flag_find(const cli_flag *flags, int nflags, const char *name, size_t len)
{
    for (int i = 0; i < nflags; i++)
        if (strlen(flags[i].name) == len && memcmp(flags[i].name, name, len) == 0)
            return &flags[i];
    return NULL;
}

/* Set one flag from its value (NULL for a boolean). */
static int flag_set(const char *cmd, const cli_flag *f, const char *value)
{
    switch (f->kind) {
    case CLI_FLAG_BOOL:
        *(bool *)f->dst = true;
        return CLI_OK;
    case CLI_FLAG_STR: {
        const char **dst = f->dst;
        if (*dst) {
            cli_error("%s: --%s given twice", cmd, f->name);
            return CLI_EUSER;
        }
        *dst = value;
        return CLI_OK;
    }
    case CLI_FLAG_LIST:
        if (cli_strv_push(f->dst, value) < 0) {
            cli_error("out of memory");
            return CLI_EENV;
        }
        return CLI_OK;
    }
    return CLI_EUSER;
}

int cli_parse(const char *cmd, int argc, char **argv, const cli_flag *flags,
              int nflags, cli_strv *pos, bool *help)
{
    *help = false;
    current_cmd = cmd;
    /* --help wins over everything before "--", even a bad flag. */
    for (int i = 0; i < argc && strcmp(argv[i], "--") != 0; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            *help = true;
            return CLI_OK;
        }
    }
    bool flags_done = false;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (flags_done || a[0] != '-' || strcmp(a, "-") == 0) {
            if (cli_strv_push(pos, a) < 0) {
                cli_error("out of memory");
                return CLI_EENV;
            }
            continue;
        }
        if (strcmp(a, "--") == 0) {
            flags_done = true;
            continue;
        }
        if (a[1] != '-') {
            cli_error("%s: unknown flag %s", cmd, a);
            return CLI_EUSER;
        }
        const char *name = a + 2, *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        const cli_flag *f = flag_find(flags, nflags, name, len);
        if (!f) {
            cli_error("%s: unknown flag --%.*s", cmd, (int)len, name);
            return CLI_EUSER;
        }
        const char *value = NULL;
        if (f->kind == CLI_FLAG_BOOL) {
            if (eq) {
                cli_error("%s: --%s takes no value", cmd, f->name);
                return CLI_EUSER;
            }
        } else if (eq) {
            value = eq + 1;
        } else if (i + 1 < argc && (argv[i + 1][0] != '-' || strcmp(argv[i + 1], "-") == 0 ||
                                    (argv[i + 1][1] >= '0' && argv[i + 1][1] <= '9'))) {
            /* "-" is stdin; "-1" is a (negative) number, never a flag: the
             * flag's own check says what it accepts. */
            value = argv[++i];
        } else {
            cli_error("%s: --%s needs a value (%s)", cmd, f->name, f->value);
            return CLI_EUSER;
        }
        if (value && !*value) {
            cli_error("%s: --%s needs a value (%s)", cmd, f->name, f->value);
            return CLI_EUSER;
        }
        int rc = flag_set(cmd, f, value);
        if (rc != CLI_OK)
            return rc;
    }
    return CLI_OK;
}

int cli_parse_cmd(const char *cmd, const char *usage, int argc, char **argv,
                  const cli_flag *flags, int nflags, cli_strv *pos, bool *done)
{
    bool help = false;
    int rc = cli_parse(cmd, argc, argv, flags, nflags, pos, &help);
    *done = rc != CLI_OK || help;
    if (rc == CLI_OK && help)
        fputs(usage, stdout);
    return rc;
}

int cli_lang(const char *cmd, const char *value)
{
    if (!value)
        return (int)lang_from_env();
    if (strcmp(value, "vi") == 0)
        return LANG_VI;
    if (strcmp(value, "en") == 0)
        return LANG_EN;
    cli_error("%s: --lang: expected vi or en, not '%s'", cmd, value);
    return -1;
}

char *cli_name(const char *cmd, const char *flag, const char *value, int *status)
{
    size_t n = strlen(value);
    bool ok = utf8_valid(value, n);
    char *nfc = ok ? text_nfc(value, n, &n) : NULL;
    if (ok && !nfc) {
        cli_error("out of memory");
        *status = CLI_EENV;
        return NULL;
    }
    ok = ok && n > 0 && n <= 200;
    for (size_t i = 0; ok && i < n;) {
        unsigned cp;
        size_t l = utf8_decode(nfc + i, n - i, &cp);
        ok = !cp_is_unsafe(cp, NULL);
        i += l;
    }
    if (!ok) {
        cli_error("%s: --%s: expected a name of 1 to 200 bytes of UTF-8 text without control, "
                  "bidi or zero-width characters", cmd, flag);
        free(nfc);
        *status = CLI_EUSER;
        return NULL;
    }
    return nfc;
}

bool cli_id_ok(const char *s) { return scen_id_ok(s, strlen(s)); }

int cli_parse_seed(const char *cmd, const char *value, uint64_t *seed)
{
    const char *p = value;
    uint64_t v = 0;
    if (!*p)
        goto bad;
    for (; *p; p++) {
        if (*p < '0' || *p > '9')
            goto bad;
        unsigned d = (unsigned)(*p - '0');
        if (v > ((uint64_t)INT64_MAX - d) / 10)
            goto bad;
        v = v * 10 + d;
    }
    *seed = v;
    return CLI_OK;
bad:
    cli_error("%s: --seed: expected a whole number from 0 to %lld, not '%s'", cmd,
              (long long)INT64_MAX, value);
    return CLI_EUSER;
}

uint64_t cli_default_seed(void)
{
    struct timespec ts = { 0, 0 };
    clock_gettime(CLOCK_REALTIME, &ts);
    /* The session generator's own seeding spreads clock and pid over the
     * word; its first output is the seed. */
    rng r;
    rng_seed(&r, ((uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec) ^
                     ((uint64_t)getpid() << 40));
    uint64_t seed = rng_next(&r) & 0xffffffffu;
    return seed ? seed : 1;     /* small enough to type back in, never 0 */
}
