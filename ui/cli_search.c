/*
 * cli_search.c - the scenario search path, resolving a SCENARIO argument
 * (a path or an id), and walking every scenario on the path (see cli.h).
 *
 * Nothing is cached: a lookup by id loads candidate files until one has
 * that id. ID.lua is tried first in each directory, so the usual case (a
 * file named after its scenario) costs one load.
 */
#include "ui/cli.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef IRDRILL_SCENARIO_DIR
#define IRDRILL_SCENARIO_DIR "/usr/local/share/irdrill/scenarios"
#endif

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && !S_ISDIR(st.st_mode);
}

/* Append a directory (copied) unless it is already on the path. */
static int add_dir(cli_search *sp, const char *dir, size_t len)
{
    for (int i = 0; i < sp->ndirs; i++)
        if (strlen(sp->dirs[i]) == len && memcmp(sp->dirs[i], dir, len) == 0)
            return 0;
    char **v = realloc(sp->dirs, (size_t)(sp->ndirs + 1) * sizeof *v);
    if (!v)
        return -1;
    sp->dirs = v;
    char *copy = xstrndup(dir, len);
    if (!copy)
        return -1;
    sp->dirs[sp->ndirs++] = copy;
    return 0;
}

static int add_if_dir(cli_search *sp, const char *dir, size_t len)
{
    char *copy = xstrndup(dir, len);
    if (!copy)
        return -1;
    int rc = is_dir(copy) ? add_dir(sp, copy, len) : 0;
    free(copy);
    return rc;
}

/* <dir of the executable>/../share/irdrill/scenarios, so an installed tree
 * can move as a whole; the build-time PREFIX when /proc is not there. */
static int add_installed(cli_search *sp)
{
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0 || (size_t)n >= sizeof exe - 1)
        return add_if_dir(sp, IRDRILL_SCENARIO_DIR, strlen(IRDRILL_SCENARIO_DIR));
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return 0;
    *slash = '\0';
    sbuf p = SBUF_INIT;
    sb_printf(&p, "%s/../share/irdrill/scenarios", exe);
    if (p.oom)
        return -1;
    /* Canonical, so paths in messages read /usr/share/..., not bin/../share. */
    char *dir = realpath(p.buf, NULL);
    sb_free(&p);
    int rc = dir ? add_if_dir(sp, dir, strlen(dir)) : 0;
    free(dir);
    return rc;
}

int cli_search_init(cli_search *sp, const cli_strv *user_dirs)
{
    sp->dirs = NULL;
    sp->ndirs = 0;
    for (int i = 0; user_dirs && i < user_dirs->n; i++) {
        const char *d = user_dirs->v[i];
        if (!is_dir(d)) {
            cli_error("--scenarios %s: %s", d, is_file(d) ? "not a directory" : "no such directory");
            cli_search_free(sp);
            return CLI_EUSER;
        }
        if (add_dir(sp, d, strlen(d)) < 0)
            goto oom;
    }
    const char *env = getenv("IRDRILL_SCENARIOS");
    while (env && *env) {
        size_t len = strcspn(env, ":");
        if (len && add_if_dir(sp, env, len) < 0)
            goto oom;
        env += len + (env[len] == ':');
    }
    if (add_installed(sp) < 0 || add_if_dir(sp, "scenarios", strlen("scenarios")) < 0)
        goto oom;
    return CLI_OK;
oom:
    cli_search_free(sp);
    cli_error("out of memory");
    return CLI_EENV;
}

void cli_search_free(cli_search *sp)
{
    for (int i = 0; i < sp->ndirs; i++)
        free(sp->dirs[i]);
    free(sp->dirs);
    sp->dirs = NULL;
    sp->ndirs = 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool scenario_name(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 4 && strcmp(name + n - 4, ".lua") == 0 &&
           strcmp(name, "stdlib.lua") != 0;
}

static void free_paths(char **v, int n)
{
    for (int i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

int cli_dir_scenarios(const char *dir, char ***paths)
{
    *paths = NULL;
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    char **v = NULL;
    int n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (!scenario_name(de->d_name))
            continue;
        sbuf p = SBUF_INIT;
        sb_printf(&p, "%s/%s", dir, de->d_name);
        if (p.oom)
            goto oom;
        if (!is_file(p.buf)) {
            sb_free(&p);
            continue;
        }
        if (n == cap) {
            int nc = cap ? cap * 2 : 16;
            char **nv = realloc(v, (size_t)nc * sizeof *nv);
            if (!nv) {
                sb_free(&p);
                goto oom;
            }
            v = nv;
            cap = nc;
        }
        v[n++] = sb_take(&p);
    }
    closedir(d);
    if (n)
        qsort(v, (size_t)n, sizeof *v, cmp_str);
    *paths = v;
    return n;
oom:
    closedir(d);
    free_paths(v, n);
    return -1;
}

/* Load path and keep it when its id is want; *bad set when it does not
 * load (its problems then in problems, when given). */
static lhost *try_load(const char *path, const char *want, sbuf *problems, bool *bad)
{
    sbuf probs = SBUF_INIT;
    lhost *h = lhost_load_file(path, NULL, &probs);
    *bad = h == NULL;
    if (!h && problems)
        sb_add(problems, probs.buf ? probs.buf : "", probs.len);
    sb_free(&probs);
    if (h && strcmp(lhost_scen(h)->id, want) != 0) {
        lhost_free(h);
        h = NULL;
    }
    return h;
}

/* Ids are letters, digits, '_', '-', '.' (docs/scenario-api.md): anything
 * else cannot be an id, so it is only ever a path. */
static bool looks_like_id(const char *s)
{
    size_t n = strlen(s);
    if (!n || n > 64 || (n > 4 && strcmp(s + n - 4, ".lua") == 0))
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
              (*s >= '0' && *s <= '9') || *s == '_' || *s == '-' || *s == '.'))
            return false;
    return true;
}

lhost *cli_scenario_load(const cli_search *sp, const char *arg, sbuf *problems,
                         cli_found *why)
{
    if (is_file(arg)) {
        lhost *h = lhost_load_file(arg, NULL, problems);
        *why = h ? CLI_FOUND : CLI_INVALID;
        return h;
    }
    *why = CLI_NOTFOUND;
    if (!looks_like_id(arg))
        return NULL;
    for (int i = 0; i < sp->ndirs; i++) {
        sbuf named = SBUF_INIT;
        sb_printf(&named, "%s/%s.lua", sp->dirs[i], arg);
        if (named.oom) {
            *why = CLI_NOMEM;
            return NULL;
        }
        bool bad = false;
        lhost *h = NULL;
        if (is_file(named.buf)) {
            h = try_load(named.buf, arg, problems, &bad);
            if (h || bad) {
                sb_free(&named);
                *why = h ? CLI_FOUND : CLI_INVALID;
                return h;
            }
        }
        char **paths;
        int n = cli_dir_scenarios(sp->dirs[i], &paths);
        if (n < 0) {
            sb_free(&named);
            *why = CLI_NOMEM;
            return NULL;
        }
        for (int j = 0; j < n && !h; j++)
            if (strcmp(paths[j], named.buf) != 0)
                h = try_load(paths[j], arg, NULL, &bad);
        free_paths(paths, n);
        sb_free(&named);
        if (h) {
            *why = CLI_FOUND;
            return h;
        }
    }
    return NULL;
}

int cli_scenario_error(const char *cmd, const char *arg, cli_found why, const char *problems)
{
    switch (why) {
    case CLI_FOUND:
        return CLI_OK;
    case CLI_INVALID: {
        /* One line: the first problem, and a pointer to the rest. */
        const char *p = problems && *problems ? problems : "invalid scenario";
        size_t len = strcspn(p, "\n"), more = 0;
        for (const char *q = p + len; *q; q++)
            more += *q == '\n' && q[1] != '\0';
        if (more)
            cli_error("%.*s (and %zu more; irdrill check %s lists them)", (int)len, p, more, arg);
        else
            cli_error("%.*s", (int)len, p);
        return CLI_EUSER;
    }
    case CLI_NOTFOUND:
        if (is_dir(arg))
            cli_error("%s: %s: is a directory, not a scenario file, and no scenario has this "
                      "id (name a .lua file in it, or add it with --scenarios DIR)", cmd, arg);
        else
            cli_error("%s: %s: no such file, and no scenario with this id on the search path "
                      "(irdrill scenarios lists them)", cmd, arg);
        return CLI_EUSER;
    case CLI_NOMEM:
        break;
    }
    cli_error("%s: out of memory", cmd);
    return CLI_EENV;
}

lhost *cli_scenario_open(const cli_search *sp, const char *cmd, const char *arg, int *status)
{
    sbuf probs = SBUF_INIT;
    cli_found why;
    lhost *h = cli_scenario_load(sp, arg, &probs, &why);
    *status = cli_scenario_error(cmd, arg, why, probs.buf);
    sb_free(&probs);
    return h;
}

int cli_search_each(const cli_search *sp, cli_scenario_fn fn, void *ctx)
{
    cli_strv seen = CLI_STRV_INIT;     /* ids listed so far (owned copies) */
    int rc = CLI_OK;
    for (int i = 0; i < sp->ndirs && rc == CLI_OK; i++) {
        char **paths;
        int n = cli_dir_scenarios(sp->dirs[i], &paths);
        if (n < 0) {
            rc = CLI_EENV;
            break;
        }
        for (int j = 0; j < n && rc == CLI_OK; j++) {
            sbuf probs = SBUF_INIT;
            lhost *h = lhost_load_file(paths[j], NULL, &probs);
            if (!h) {
                const char *p = probs.buf ? probs.buf : paths[j];
                cli_warn("%.*s (skipped)", (int)strcspn(p, "\n"), p);
                sb_free(&probs);
                continue;
            }
            sb_free(&probs);
            const scen *sc = lhost_scen(h);
            bool dup = false;
            for (int k = 0; k < seen.n && !dup; k++)
                dup = strcmp(seen.v[k], sc->id) == 0;
            if (!dup) {
                char *id = xstrdup(sc->id);
                if (!id || cli_strv_push(&seen, id) < 0) {
                    free(id);
                    rc = CLI_EENV;
                } else {
                    fn(ctx, sc, paths[j]);
                }
            }
            lhost_free(h);
        }
        free_paths(paths, n);
    }
    for (int k = 0; k < seen.n; k++)
        free((char *)seen.v[k]);
    cli_strv_free(&seen);
    if (rc == CLI_EENV)
        cli_error("out of memory");
    return rc;
}
