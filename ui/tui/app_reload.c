/*
 * app_reload.c - the scenario reload key (F5, Ctrl-R) for scenario
 * authors: the scenario file read again, and the session's inputs
 * carried over into a new session of it (docs/tui.md, "Reloading the
 * scenario").
 *
 * The order keeps the running session safe until the last moment:
 *
 *   1. read and load the file; a problem (an error in the file, a file
 *      that is gone) is reported as "file:line: message" and nothing
 *      changes; so does a file that has not changed, or one that no longer
 *      declares a role the session's players hold;
 *   2. replay the inputs on a scratch drill that saves nothing, to learn
 *      how many still apply (the first refused one stops the replay: its
 *      number, text and the engine's reason are reported);
 *   3. start the new session (saved like any other, recorded as reloaded
 *      from the old one with that many inputs) and apply those inputs
 *      through drill_input, each recorded before it is applied;
 *   4. show it (play_rebind). The old session is marked abandoned when
 *      every input was carried over (the new one supersedes it), and left
 *      as it was otherwise, so that nothing is lost.
 *
 * Seed, mode, hints, team, language and players are the old session's.
 */
#include "ui/tui/app_int.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RELOAD_FILE_MAX (16u << 20)

/* The whole file into buf; 0, or -1 with the reason in why. */
static int read_all(const char *path, sbuf *buf, char *why, size_t whylen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(why, whylen, "%s", strerror(errno));
        return -1;
    }
    char chunk[8192];
    size_t n;
    int rc = 0;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (buf->len + n > RELOAD_FILE_MAX) {
            snprintf(why, whylen, "file is larger than 16 MiB");
            rc = -1;
            break;
        }
        sb_add(buf, chunk, n);
        if (buf->oom) {
            snprintf(why, whylen, "out of memory");
            rc = -1;
            break;
        }
    }
    if (rc == 0 && ferror(f)) {
        snprintf(why, whylen, "%s", strerror(errno ? errno : EIO));
        rc = -1;
    }
    fclose(f);
    return rc;
}

/* The players of old with their roles mapped by id onto nsc. 0, or -1
 * with the missing role's id in gone (empty on OOM). */
static int map_players(const app_gen *old, const scen *osc, const scen *nsc, app_players *pl,
                       char *gone, size_t gonelen)
{
    gone[0] = '\0';
    for (int i = 0; i < old->pl.n; i++) {
        uint64_t m = 0;
        for (int r = 0; r < osc->nroles && r < 64; r++) {
            if (!(old->pl.v[i].roles >> r & 1))
                continue;
            int k = scen_role_find(nsc, osc->roles[r].id);
            if (k < 0 || k >= 64) {
                snprintf(gone, gonelen, "%s", osc->roles[r].id);
                return -1;
            }
            m |= 1ULL << k;
        }
        if (app_players_add(pl, old->pl.v[i].name, m) < 0)
            return -1;
    }
    return 0;
}

/* The first line of a loader's problems ("file:line: message"). */
static void first_problem(const sbuf *problems, char *msg, size_t msglen)
{
    const char *p = problems->oom ? "out of memory" : sb_str(problems);
    snprintf(msg, msglen, "%.*s", (int)strcspn(p, "\n"), p);
}

int app_reload(void *ctx, char *msg, size_t msglen)
{
    app_live *a = ctx;
    app_gen *old = a->g, *g = NULL;
    lang lg = a->lg;
    sbuf src = SBUF_INIT, problems = SBUF_INIT;
    lhost_image *img = NULL;
    lhost *h = NULL;
    drill *dry = NULL;
    app_players pl = { 0 };
    char why[1024] = "", err[1024] = "", *path = text_sanitize(a->path, NULL);
    const char *shown = path ? path : "?";
    int rc = -1, status = 0;
    msg[0] = '\0';
    if (old->lines_lost || !path) {
        snprintf(msg, msglen, "out of memory");
        goto out;
    }
    if (read_all(a->path, &src, why, sizeof why) < 0) {
        snprintf(msg, msglen, "%s: cannot read: %s", shown, why);
        goto out;
    }
    if (!(img = lhost_image_new(a->path, sb_str(&src), src.len, NULL, &problems)) ||
        !(h = lhost_load_image(img, NULL, &problems))) {
        first_problem(&problems, msg, msglen);
        goto out;
    }
    const scen *osc = drill_scen(old->d), *nsc = lhost_scen(h);
    if (strcmp(osc->hash, nsc->hash) == 0) {
        snprintf(msg, msglen, T(lg, M_RELOAD_SAME), shown);
        goto out;
    }
    if (map_players(old, osc, nsc, &pl, why, sizeof why) < 0) {
        if (why[0])
            snprintf(msg, msglen, T(lg, M_RELOAD_ROLE_GONE), shown, why);
        else
            snprintf(msg, msglen, "out of memory");
        goto out;
    }
    drill_opts o = { .seed = a->seed, .mode = a->mode, .hints = a->hints, .team = a->team,
                     .timer = a->sh.timer,
                     .lang = a->slang, .participants = pl.parts, .nparticipants = pl.n };
    /* How many inputs still apply: a scratch run that saves nothing. */
    dry = drill_new(h, NULL, &o, NULL, err, sizeof err, &status);
    h = NULL;   /* the drill took it */
    if (!dry) {
        snprintf(msg, msglen, "%s", err);
        goto out;
    }
    int k = 0;
    for (; k < old->nlines; k++)
        if (drill_input(dry, old->lines[k]) < 0) {
            snprintf(why, sizeof why, "%s", drill_errmsg(dry));
            break;
        }
    /* The new session, recorded as carrying k inputs of the old one. */
    if (!(h = lhost_load_image(img, NULL, &problems)) ||
        !(g = app_gen_new(lhost_scen(h), a->lg, a->sh.facilitator))) {
        snprintf(msg, msglen, "out of memory");
        goto out;
    }
    g->pl = pl;
    memset(&pl, 0, sizeof pl);
    o.participants = g->pl.parts;
    o.parent = drill_session(old->d);
    o.fork_seq = k;
    event_sink sink = app_gen_sink(g);
    g->d = drill_new(h, a->st, &o, &sink, err, sizeof err, &status);
    h = NULL;
    if (!g->d) {
        snprintf(msg, msglen, "%s", err);
        goto out;
    }
    for (int i = 0; i < k; i++) {
        int r = drill_input(g->d, old->lines[i]);
        if (r == DRILL_ESTORE || r == ENG_ENOMEM) {
            /* The database failed: keep playing the old session. */
            snprintf(msg, msglen, "%s", drill_errmsg(g->d));
            goto out;
        }
        if (r < 0) {
            snprintf(why, sizeof why, "%s", drill_errmsg(g->d));
            k = i;
            break;
        }
        if (app_gen_line(g, drill_last_input(g->d)) < 0)
            g->lines_lost = true;
    }
    /* Show it. */
    play_opts po;
    a->g = g;
    app_live_opts(a, &po);
    if (play_rebind(a->p, &po) < 0) {
        a->g = old;
        app_live_opts(a, &po);
        play_rebind(a->p, &po);
        snprintf(msg, msglen, "out of memory");
        goto out;
    }
    char oldlabel[32], newlabel[64];
    snprintf(oldlabel, sizeof oldlabel, "%" PRId64, drill_session(old->d));
    if (drill_session(g->d) > 0)
        snprintf(newlabel, sizeof newlabel, "%" PRId64, drill_session(g->d));
    else
        snprintf(newlabel, sizeof newlabel, "%s", T(lg, M_NOT_SAVED));
    if (k == old->nlines) {
        /* Superseded: the new session carries all of it. */
        if (a->st)
            drill_abort(old->d);
        snprintf(msg, msglen, T(lg, I18N_N(k, M_RELOADED, M_RELOADED_1)), shown, newlabel, k);
        rc = 0;
    } else {
        char *line = text_sanitize(old->lines[k], NULL), *reason = text_sanitize(why, NULL);
        snprintf(msg, msglen, T(lg, M_RELOADED_STOP), shown, newlabel, k + 1,
                 line ? line : "?", reason ? reason : "?", oldlabel);
        free(line);
        free(reason);
        rc = 1;
    }
    app_gen_free(old);
    g = NULL;
out:
    app_gen_free(g);
    app_players_free(&pl);
    drill_free(dry);
    lhost_free(h);
    lhost_image_free(img);
    sb_free(&src);
    sb_free(&problems);
    free(path);
    return rc;
}
