/*
 * app_run.c - running a drill, a resume or a review on an open terminal
 * (see app_int.h): the port from the play screen to a live drill, the
 * views folded from its events (a truth view too for a facilitator), and
 * the screen loop. Reloading the scenario is in app_reload.c.
 */
#include "ui/tui/app_int.h"
#include "ui/tui/play.h"
#include "ui/tui/replay.h"
#include "ui/tui/ui.h"
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
    /* The main menu has no command name: "irdrill: ..." once. */
    const char *sep = cmd ? ": " : "";
    cmd = cmd ? cmd : "";
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        cli_error("%s%sneeds a terminal (stdin and stdout); without one, use irdrill %s", cmd,
                  sep, instead);
        *status = CLI_EENV;
        return NULL;
    }
    char err[512];
    crt *c = crt_open(NULL, err, sizeof err);
    if (!c) {
        cli_error("%s%s%s", cmd, sep, err);
        *status = CLI_EENV;
    }
    return c;
}

/* ---- one session on the screen ------------------------------------------- */

app_gen *app_gen_new(const scen *sc, lang lg, bool facilitator)
{
    app_gen *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    g->v = view_new(sc, lg, false);
    if (facilitator)
        g->truth = view_new(sc, lg, true);
    if (!g->v || (facilitator && !g->truth)) {
        app_gen_free(g);
        return NULL;
    }
    return g;
}

void app_gen_free(app_gen *g)
{
    if (!g)
        return;
    drill_free(g->d);
    view_free(g->v);
    view_free(g->truth);
    lhost_free(g->names);
    app_players_free(&g->pl);
    for (int i = 0; i < g->nlines; i++)
        free(g->lines[i]);
    free(g->lines);
    free(g);
}

/* Every event to the team view, and to the truth view when there is one
 * (it keeps what the team view drops). */
static void gen_emit(void *ctx, const event *ev)
{
    app_gen *g = ctx;
    view_fold(g->v, ev);
    if (g->truth)
        view_fold(g->truth, ev);
}

event_sink app_gen_sink(app_gen *g)
{
    event_sink s = { gen_emit, g };
    return s;
}

int app_gen_line(app_gen *g, const char *line)
{
    if (g->nlines == g->caplines) {
        int nc = g->caplines ? g->caplines * 2 : 64;
        char **nl = realloc(g->lines, (size_t)nc * sizeof *nl);
        if (!nl)
            return -1;
        g->lines = nl;
        g->caplines = nc;
    }
    if (!(g->lines[g->nlines] = xstrdup(line)))
        return -1;
    g->nlines++;
    return 0;
}

/* ---- the port to a local drill ------------------------------------------- */

static int port_input(void *ctx, const char *line, char *err, size_t errlen)
{
    app_live *a = ctx;
    drill *d = a->g->d;
    int rc = drill_input(d, line);
    if (rc < 0)
        snprintf(err, errlen, "%s", drill_errmsg(d));
    else if (rc == ENG_OK && app_gen_line(a->g, drill_last_input(d)) < 0)
        /* Only a reload needs the list: it is the one to lose. */
        a->g->lines_lost = true;
    return rc;
}

static int port_metrics(void *ctx, tui_metric *out, int max)
{
    app_live *a = ctx;
    const engine_metrics *m = engine_get_metrics(drill_engine(a->g->d));
    const scen *sc = drill_scen(a->g->d);
    const struct { const char *name; long long v; } all[] = {
        { "detect_minute", m->detect_minute }, { "contain_minute", m->contain_minute },
        { "recover_minute", m->recover_minute }, { "reports", m->reports },
        { "reports_on_time", m->reports_on_time }, { "false_positives", m->false_positives },
        { "true_dismissed", m->true_dismissed }, { "hints", m->hints },
    };
    int n = 0;
    for (size_t i = 0; i < sizeof all / sizeof *all && n < max; i++) {
        snprintf(out[n].name, sizeof out[n].name, "%s", all[i].name);
        out[n++].value = all[i].v;
    }
    for (int i = 0; i < sc->nassets && n < max; i++) {
        snprintf(out[n].name, sizeof out[n].name, "downtime.%s", sc->assets[i].id);
        out[n++].value = m->downtime[i];
    }
    for (int i = 0; i < sc->nroles && n < max; i++) {
        snprintf(out[n].name, sizeof out[n].name, "actions.%s", sc->roles[i].id);
        out[n++].value = m->actions_per_role[i];
    }
    return n;
}

void app_live_opts(app_live *a, play_opts *po)
{
    app_gen *g = a->g;
    int64_t id = drill_session(g->d);
    snprintf(g->label, sizeof g->label, "%" PRId64, id);
    *po = (play_opts){
        .v = g->v, .port = { port_input, port_metrics, a }, .players = g->pl.n ? g->pl.v : NULL,
        .nplayers = g->pl.n, .hints = a->hints, .session = id > 0 ? g->label : NULL,
        .truth = g->truth, .timer = a->sh.timer, .reload = a->path ? app_reload : NULL,
    };
}

/* Play a->g on c until the players leave; the session is saved all along. */
static void run_play(crt *c, app_live *a, bool resumed, app_result *res)
{
    play_opts po;
    app_live_opts(a, &po);
    play *p = play_new(&po);
    if (!p) {
        snprintf(res->err, sizeof res->err, "out of memory");
        res->status = CLI_EENV;
        return;
    }
    a->p = p;
    if (resumed)
        play_resumed(p);
    ui_screen s = play_screen(p);
    res->stopped = ui_loop(c, &s) != 0;
    play_free(p);
    a->p = NULL;
    /* A reload may have put another session here: this is the one to
     * report. Consequences of its last input are written now. */
    drill *d = a->g->d;
    int64_t id = drill_session(d);
    if (drill_sync(d) != STORE_OK && !res->err[0]) {
        snprintf(res->err, sizeof res->err, "%s", drill_errmsg(d));
        res->status = CLI_EENV;
    }
    engine *e = drill_engine(d);
    res->played = true;
    res->session = id > 0 ? id : 0;
    res->over = engine_over(e);
    snprintf(res->outcome, sizeof res->outcome, "%s", engine_outcome(e) ? engine_outcome(e) : "");
    res->score = engine_score(e);
    res->max_score = engine_max_score(e);
    /* What is printed on leaving, in the screen's language. */
    lang lg = a->lg;
    if (id <= 0) {
        snprintf(res->note, sizeof res->note, "%s", T(lg, M_EXIT_UNSAVED));
    } else if (engine_over(e)) {
        char words[sizeof res->outcome] = "";
        if (a->g->v && view_outcome(a->g->v))
            ui_outcome_words(a->g->v, words, sizeof words);
        else
            snprintf(words, sizeof words, "%s", engine_outcome(e) ? engine_outcome(e) : "?");
        snprintf(res->outcome, sizeof res->outcome, "%s", words);
        snprintf(res->note, sizeof res->note, T(lg, M_EXIT_OVER), (long long)id, words,
                 engine_score(e), engine_max_score(e), (long long)id);
    } else {
        snprintf(res->note, sizeof res->note, T(lg, M_EXIT_SAVED), (long long)id, (long long)id);
    }
}

static void live_free(app_live *a)
{
    app_gen_free(a->g);
    free(a->team);
    free(a->path);
}

void app_play_new(crt *c, lhost *h, store *st, const drill_opts *o, const app_players *pl,
                  lang lg, const app_show *sh, app_result *res)
{
    memset(res, 0, sizeof *res);
    const scen *sc = lhost_scen(h);
    app_live a = { .st = st, .sh = *sh, .lg = lg, .seed = o->seed, .mode = o->mode,
                   .hints = o->mode == MODE_TRAINING || o->hints, .slang = o->lang };
    a.team = xstrdup(o->team ? o->team : "");
    a.path = xstrdup(sc->path);
    a.g = app_gen_new(sc, lg, sh->facilitator);
    for (int i = 0; a.g && i < pl->n; i++)
        if (app_players_add(&a.g->pl, pl->v[i].name, pl->v[i].roles) < 0)
            break;
    if (!a.g || !a.team || !a.path || a.g->pl.n != pl->n) {
        lhost_free(h);
        snprintf(res->err, sizeof res->err, "out of memory");
        res->status = CLI_EENV;
        goto out;
    }
    event_sink sink = app_gen_sink(a.g);
    int status = CLI_OK;
    /* The views borrow the scen of h, which the drill owns from here on. */
    a.g->d = drill_new(h, st, o, &sink, res->err, sizeof res->err, &status);
    if (!a.g->d) {
        res->status = status ? status : CLI_EENV;
        goto out;
    }
    run_play(c, &a, false, res);
out:
    live_free(&a);
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

void app_play_resume(crt *c, store *st, int64_t id, lang lg, const app_show *sh,
                     app_result *res)
{
    memset(res, 0, sizeof *res);
    store_loaded *l = NULL;
    app_live a = { .st = st, .sh = *sh, .lg = lg };
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
    if (a.sh.timer < 0)
        a.sh.timer = l->sess.timer;   /* the pace the session was started with */
    /* The screens read names from the scenario: a copy of the recorded
     * source, the same text the drill replays. */
    const char *path = l->scenario_path ? l->scenario_path : l->sess.scenario_id;
    lhost *h = drill_load_record(l, &problems);   /* with the standard library it was played with */
    if (!h) {
        snprintf(res->err, sizeof res->err, "resume: session %" PRId64 ": %s", id,
                 problems.len ? sb_str(&problems) : "the recorded scenario does not load");
        res->err[strcspn(res->err, "\n")] = '\0';
        res->status = CLI_EUSER;
        goto out;
    }
    const scen *sc = lhost_scen(h);
    if (!(a.g = app_gen_new(sc, lg, sh->facilitator))) {
        lhost_free(h);
        goto oom;
    }
    a.g->names = h;
    for (int i = 0; i < l->sess.nparts; i++)
        if (app_players_add(&a.g->pl, l->sess.parts[i].name,
                            roles_of(sc, l->sess.parts[i].roles)) < 0)
            goto oom;
    for (int i = 0; i < l->ninputs; i++)
        if (app_gen_line(a.g, l->inputs[i].line) < 0)
            goto oom;
    a.seed = l->sess.seed;
    a.mode = strcmp(l->sess.mode, "exercise") == 0 ? MODE_EXERCISE : MODE_TRAINING;
    a.hints = a.mode == MODE_TRAINING || l->sess.hints;
    a.slang = l->sess.lang && strcmp(l->sess.lang, "vi") == 0 ? LANG_VI : LANG_EN;
    a.team = xstrdup(l->sess.team ? l->sess.team : "");
    a.path = xstrdup(path);
    if (!a.team || !a.path)
        goto oom;
    event_sink sink = app_gen_sink(a.g);
    int status = CLI_OK;
    a.g->d = drill_resume(st, id, &sink, res->err, sizeof res->err, &status);
    if (!a.g->d) {
        res->status = status ? status : CLI_EENV;
        goto out;
    }
    run_play(c, &a, true, res);
    goto out;
oom:
    snprintf(res->err, sizeof res->err, "out of memory");
    res->status = CLI_EENV;
out:
    live_free(&a);
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
    h = drill_load_record(l, &problems);   /* with the standard library it was played with */
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
    /* The metrics recorded with the session, for the summary. */
    tui_metric *m = calloc(l->nmetrics ? (size_t)l->nmetrics : 1, sizeof *m);
    if (!m)
        goto oom;
    for (int i = 0; i < l->nmetrics; i++) {
        snprintf(m[i].name, sizeof m[i].name, "%s", l->metrics[i].name);
        m[i].value = l->metrics[i].value;
    }
    int mrc = replay_set_metrics(r, m, l->nmetrics);
    free(m);
    if (mrc < 0)
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
