/*
 * app_run.c - running a drill, a resume or a review on an open terminal
 * (see app_int.h): the port from the play screen to a live drill, the
 * views folded from its events, and the screen loop.
 */
#include "ui/tui/app_int.h"
#include "ui/tui/play.h"
#include "ui/tui/replay.h"
#include "ui/tui/view.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void app_players_free(app_players *p)
{
    for (int i = 0; i < p->n; i++)
        free(p->names[i]);
    free(p->names);
    free(p->v);
    free(p->parts);
    memset(p, 0, sizeof *p);
}

int app_players_add(app_players *p, const char *name, uint64_t roles)
{
    int n = p->n + 1;
    char **names = realloc(p->names, (size_t)n * sizeof *names);
    if (names)
        p->names = names;
    tui_player *v = realloc(p->v, (size_t)n * sizeof *v);
    if (v)
        p->v = v;
    engine_participant *parts = realloc(p->parts, (size_t)n * sizeof *parts);
    if (parts)
        p->parts = parts;
    char *copy = xstrdup(name);
    if (!names || !v || !parts || !copy) {
        free(copy);
        return -1;
    }
    p->names[p->n] = copy;
    p->v[p->n] = (tui_player){ copy, roles };
    p->parts[p->n] = (engine_participant){ copy, roles };
    p->n = n;
    return 0;
}

crt *app_crt_open(const char *cmd, const char *instead, int *status)
{
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        cli_error("%s: needs a terminal (stdin and stdout); without one, use irdrill %s", cmd,
                  instead);
        *status = CLI_EENV;
        return NULL;
    }
    char err[512];
    crt *c = crt_open(NULL, err, sizeof err);
    if (!c) {
        cli_error("%s: %s", cmd, err);
        *status = CLI_EENV;
    }
    return c;
}

/* ---- the port to a local drill ------------------------------------------- */

static int port_input(void *ctx, const char *line, char *err, size_t errlen)
{
    drill *d = ctx;
    int rc = drill_input(d, line);
    if (rc < 0)
        snprintf(err, errlen, "%s", drill_errmsg(d));
    return rc;
}

static int port_metrics(void *ctx, tui_metric *out, int max)
{
    drill *d = ctx;
    const engine_metrics *m = engine_get_metrics(drill_engine(d));
    const struct { const char *name; long long v; } all[] = {
        { "detect_minute", m->detect_minute }, { "contain_minute", m->contain_minute },
        { "recover_minute", m->recover_minute }, { "reports", m->reports },
        { "reports_on_time", m->reports_on_time }, { "false_positives", m->false_positives },
        { "true_dismissed", m->true_dismissed }, { "hints", m->hints },
    };
    int n = 0;
    for (size_t i = 0; i < sizeof all / sizeof *all && n < max; i++)
        out[n++] = (tui_metric){ all[i].name, all[i].v };
    return n;
}

/* Play d on c until the players leave; the session is saved all along. */
static void run_play(crt *c, drill *d, view *v, const tui_player *pl, int npl, bool hints,
                     bool resumed, app_result *res)
{
    char label[32];
    int64_t id = drill_session(d);
    snprintf(label, sizeof label, "%" PRId64, id);
    play_opts po = { .v = v, .port = { port_input, port_metrics, d }, .players = pl,
                     .nplayers = npl, .hints = hints, .session = id > 0 ? label : NULL };
    play *p = play_new(&po);
    if (!p) {
        snprintf(res->err, sizeof res->err, "out of memory");
        res->status = CLI_EENV;
        return;
    }
    if (resumed)
        play_resumed(p);
    ui_screen s = play_screen(p);
    res->stopped = ui_loop(c, &s) != 0;
    play_free(p);
    /* Consequences of the last input are written now, not at the next. */
    if (drill_sync(d) != STORE_OK && !res->err[0]) {
        snprintf(res->err, sizeof res->err, "%s", drill_errmsg(d));
        res->status = CLI_EENV;
    }
    engine *e = drill_engine(d);
    if (id <= 0)
        snprintf(res->note, sizeof res->note, "session not saved (--no-save)");
    else if (engine_over(e))
        snprintf(res->note, sizeof res->note,
                 "session %" PRId64 ": %s, score %d/%d; review it with: irdrill replay %" PRId64,
                 id, engine_outcome(e), engine_score(e), engine_max_score(e), id);
    else
        snprintf(res->note, sizeof res->note,
                 "session %" PRId64 " is saved; continue it with: irdrill resume %" PRId64, id, id);
}

void app_play_new(crt *c, lhost *h, store *st, const drill_opts *o, const app_players *pl,
                  lang lg, app_result *res)
{
    memset(res, 0, sizeof *res);
    view *v = view_new(lhost_scen(h), lg, false);
    if (!v) {
        lhost_free(h);
        snprintf(res->err, sizeof res->err, "out of memory");
        res->status = CLI_EENV;
        return;
    }
    event_sink sink = view_sink(v);
    int status = CLI_OK;
    /* The view borrows the scen of h, which the drill owns from here on. */
    drill *d = drill_new(h, st, o, &sink, res->err, sizeof res->err, &status);
    if (!d) {
        res->status = status ? status : CLI_EENV;
        view_free(v);
        return;
    }
    bool hints = o->mode == MODE_TRAINING || o->hints;
    run_play(c, d, v, pl->n ? pl->v : NULL, pl->n, hints, false, res);
    drill_free(d);
    view_free(v);
}

/* The roles "a,b" of a recorded participant as bits of sc's roles. */
static uint64_t roles_of(const scen *sc, const char *list)
{
    uint64_t m = 0;
    const char *p = list ? list : "";
    while (*p) {
        size_t n = strcspn(p, ",");
        for (int r = 0; r < sc->nroles && r < 64; r++)
            if (strlen(sc->roles[r].id) == n && strncmp(sc->roles[r].id, p, n) == 0)
                m |= 1ULL << r;
        p += n + (p[n] == ',');
    }
    return m;
}

void app_play_resume(crt *c, store *st, int64_t id, lang lg, app_result *res)
{
    memset(res, 0, sizeof *res);
    store_loaded *l = NULL;
    lhost *h = NULL;
    view *v = NULL;
    drill *d = NULL;
    app_players pl = { 0 };
    sbuf problems = SBUF_INIT;
    int rc = store_load(st, id, 0, &l);
    if (rc != STORE_OK) {
        snprintf(res->err, sizeof res->err, "resume: %s", store_errmsg(st));
        res->status = cli_store_status(rc);
        goto out;
    }
    if (strcmp(l->sess.status, "active") != 0) {
        snprintf(res->err, sizeof res->err,
                 "resume: session %" PRId64 " is %s; review it with: irdrill replay %" PRId64, id,
                 l->sess.status, id);
        res->status = CLI_EUSER;
        goto out;
    }
    /* The screens read names from the scenario: a copy of the recorded
     * source, the same text the drill replays. */
    h = lhost_load(l->scenario_path ? l->scenario_path : l->sess.scenario_id, l->source,
                   l->source_len, NULL, &problems);
    if (!h) {
        snprintf(res->err, sizeof res->err, "resume: session %" PRId64 ": %s", id,
                 problems.len ? sb_str(&problems) : "the recorded scenario does not load");
        res->err[strcspn(res->err, "\n")] = '\0';
        res->status = CLI_EUSER;
        goto out;
    }
    const scen *sc = lhost_scen(h);
    for (int i = 0; i < l->sess.nparts; i++)
        if (app_players_add(&pl, l->sess.parts[i].name, roles_of(sc, l->sess.parts[i].roles)) < 0)
            goto oom;
    if (!(v = view_new(sc, lg, false)))
        goto oom;
    event_sink sink = view_sink(v);
    int status = CLI_OK;
    d = drill_resume(st, id, &sink, res->err, sizeof res->err, &status);
    if (!d) {
        res->status = status ? status : CLI_EENV;
        goto out;
    }
    bool hints = strcmp(l->sess.mode, "training") == 0 || l->sess.hints;
    run_play(c, d, v, pl.n ? pl.v : NULL, pl.n, hints, true, res);
    goto out;
oom:
    snprintf(res->err, sizeof res->err, "out of memory");
    res->status = CLI_EENV;
out:
    drill_free(d);
    view_free(v);
    lhost_free(h);
    app_players_free(&pl);
    store_loaded_free(l);
    sb_free(&problems);
}

void app_review(crt *c, store *st, int64_t id, lang lg, app_result *res)
{
    memset(res, 0, sizeof *res);
    store_loaded *l = NULL;
    lhost *h = NULL;
    const event **evs = NULL;
    replay *r = NULL;
    sbuf problems = SBUF_INIT;
    int rc = store_load(st, id, STORE_LOAD_EVENTS, &l);
    if (rc != STORE_OK) {
        snprintf(res->err, sizeof res->err, "replay: %s", store_errmsg(st));
        res->status = cli_store_status(rc);
        goto out;
    }
    h = lhost_load(l->scenario_path ? l->scenario_path : l->sess.scenario_id, l->source,
                   l->source_len, NULL, &problems);
    if (!h) {
        snprintf(res->err, sizeof res->err, "replay: session %" PRId64 ": %s", id,
                 problems.len ? sb_str(&problems) : "the recorded scenario does not load");
        res->err[strcspn(res->err, "\n")] = '\0';
        res->status = CLI_EUSER;
        goto out;
    }
    evs = malloc((size_t)(l->nevents ? l->nevents : 1) * sizeof *evs);
    if (!evs)
        goto oom;
    int n = 0;
    for (int i = 0; i < l->nevents; i++)
        if (l->events[i].kind_ok)
            evs[n++] = &l->events[i].ev;
    char label[32];
    snprintf(label, sizeof label, "%" PRId64, id);
    if (!(r = replay_new(lhost_scen(h), lg, evs, n, label)))
        goto oom;
    ui_screen s = replay_screen(r);
    res->stopped = ui_loop(c, &s) != 0;
    goto out;
oom:
    snprintf(res->err, sizeof res->err, "out of memory");
    res->status = CLI_EENV;
out:
    replay_free(r);
    free(evs);
    lhost_free(h);
    store_loaded_free(l);
    sb_free(&problems);
}
