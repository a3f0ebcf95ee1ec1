/*
 * app.c - the commands of the terminal interface (see tui.h): irdrill
 * with no arguments (the main menu), play, resume without --inputs, and
 * replay. Each parses its flags, loads what it needs, opens the terminal
 * and hands over to app_run.c; errors are one "irdrill: ..." line printed
 * once the terminal is restored.
 */
#include "ui/tui/app_int.h"
#include "ui/tui/menu.h"
#include "ui/tui/ui.h"

#include <inttypes.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char USAGE_PLAY[] =
    "usage: irdrill play SCENARIO [--team T] [--player NAME] [--role R]... [--mode training|exercise]\n"
    "                    [--hints] [--timer SECONDS] [--facilitator] [--seed N] [--lang vi|en]\n"
    "                    [--db PATH] [--no-save] [--scenarios DIR]...\n"
    "\n"
    "Play SCENARIO in the terminal. Every action is saved as it is taken: quit at any moment\n"
    "(q) and continue later with irdrill resume.\n"
    "\n"
    "  --team T           the team's name, recorded with the session\n"
    "  --player NAME      a player at this terminal (repeatable: hot seat)\n"
    "  --role R[,R...]    the roles of the player given in the same position (default: all;\n"
    "                     with one player, every --role is theirs)\n"
    "  --mode training|exercise   training shows the score and allows hints (default);\n"
    "                     exercise hides the score until the end and allows no hints\n"
    "  --hints            allow hints in exercise mode\n"
    "  --timer SECONDS    a turn timer: each turn ends when its time runs out (recorded as\n"
    "                     the input 'facilitator end'); saved with the session\n"
    "  --facilitator      facilitator mode: g shows the ground truth and the score, and\n"
    "                     awards or deducts points with a written reason\n"
    "  --seed N           the session's seed (default: from the clock)\n"
    "  --lang vi|en       the interface's language (default: from LC_ALL/LC_MESSAGES/LANG)\n"
    "  --db PATH          the sessions database    --no-save   do not save the session\n"
    "\n"
    "Example, two players at one keyboard:\n"
    "  irdrill play portal-defacement --player Lan --role lead,comms --player Minh --role soc,sys,net\n"
    "Keys are listed by ? on the screen and in docs/tui.md; F5 reloads the scenario file.\n";

static const char USAGE_RESUME[] =
    "usage: irdrill resume [SESSION] [--timer SECONDS] [--facilitator] [--db PATH] [--lang vi|en]\n"
    "       irdrill resume [SESSION] --inputs FILE|- [--json] [--db PATH]   (headless)\n"
    "\n"
    "Continue an unfinished session (default: the latest) exactly where it stopped, in the\n"
    "terminal; with --inputs, headless (see irdrill run). The session's turn timer goes on\n"
    "(restarting for the current turn); --timer SECONDS changes it for this sitting and\n"
    "--timer 0 turns it off. Facilitator mode is not saved: give --facilitator again.\n";

static const char USAGE_REPLAY[] =
    "usage: irdrill replay SESSION [--db PATH] [--lang vi|en]\n"
    "\n"
    "Step through a recorded session turn by turn: what the team saw and did beside what\n"
    "really happened. Keys: left/right (h/l) turn, Home/End, Tab side, up/down scroll, q.\n";

/* Parse flags; on --help print usage and set *done. */
static int parse(const char *cmd, const char *usage, int argc, char **argv, const cli_flag *flags,
                 int nflags, cli_strv *pos, bool *done)
{
    bool help = false;
    int rc = cli_parse(cmd, argc, argv, flags, nflags, pos, &help);
    *done = rc != CLI_OK || help;
    if (rc == CLI_OK && help)
        fputs(usage, stdout);
    return rc;
}

/* The terminal's wide characters follow the locale (ncursesw). */
static void tui_locale(void)
{
    setlocale(LC_ALL, "");
}

static void finish(const app_result *res)
{
    if (res->err[0])
        cli_error("%s", res->err);
    if (res->note[0] && !res->err[0]) {
        cli_put_safe(stdout, res->note, NULL);
        fputc('\n', stdout);
    }
}

static int exit_status(const app_result *res)
{
    if (res->stopped && crt_stop_signal() > 0)
        return 128 + crt_stop_signal();
    return res->status;
}

/* --timer SECONDS: min (1 for play; 0, "off", for resume) to APP_TIMER_MAX. */
static bool timer_ok(const char *cmd, const char *arg, int min, int *out)
{
    char *end;
    long v = arg ? strtol(arg, &end, 10) : 0;
    if (!arg || end == arg || *end || v < min || v > APP_TIMER_MAX) {
        cli_error("%s: --timer: expected a number of seconds from %d to %d, not '%s'", cmd,
                  min, APP_TIMER_MAX, arg ? arg : "");
        return false;
    }
    *out = (int)v;
    return true;
}

/* Roles "a,b" of sc, added to *m; false with a message for an unknown one
 * or one that another player holds already. */
static bool parse_roles(const scen *sc, const char *list, uint64_t taken, uint64_t *m)
{
    const char *p = list;
    while (*p) {
        size_t n = strcspn(p, ",");
        int r = -1;
        for (int k = 0; k < sc->nroles && k < 64 && r < 0; k++)
            if (strlen(sc->roles[k].id) == n && strncmp(sc->roles[k].id, p, n) == 0)
                r = k;
        if (r < 0) {
            sbuf ids = SBUF_INIT;
            for (int k = 0; k < sc->nroles; k++)
                sb_printf(&ids, "%s%s", k ? ", " : "", sc->roles[k].id);
            cli_error("play: --role: scenario %s has no role '%.*s' (its roles: %s)", sc->id,
                      (int)n, p, sb_str(&ids));
            sb_free(&ids);
            return false;
        }
        if (taken >> r & 1) {
            cli_error("play: --role: role %s is given to two players", sc->roles[r].id);
            return false;
        }
        *m |= 1ULL << r;
        p += n + (p[n] == ',');
    }
    return true;
}

/* The players of --player / --role. */
static int players_from_flags(const scen *sc, const cli_strv *names, const cli_strv *roles,
                              app_players *pl)
{
    uint64_t all = sc->nroles >= 64 ? ~0ULL : (1ULL << sc->nroles) - 1;
    if (names->n > 1 && roles->n != names->n) {
        cli_error("play: give one --role list per --player (%d players, %d --role)", names->n,
                  roles->n);
        return CLI_EUSER;
    }
    if (names->n <= 1) {
        uint64_t m = 0;
        for (int i = 0; i < roles->n; i++)
            if (!parse_roles(sc, roles->v[i], 0, &m))
                return CLI_EUSER;
        int rc = CLI_OK;
        /* names are checked as for run, and recorded in NFC */
        char *nfc = names->n ? cli_name("play", "player", names->v[0], &rc) : xstrdup("solo");
        if (!nfc)
            return names->n ? rc : CLI_EENV;
        rc = app_players_add(pl, nfc, m ? m : all) == 0 ? CLI_OK : CLI_EENV;
        free(nfc);
        return rc;
    }
    uint64_t taken = 0;
    for (int i = 0; i < names->n; i++) {
        uint64_t m = 0;
        int rc = CLI_OK;
        char *nfc = cli_name("play", "player", names->v[i], &rc);
        if (!nfc)
            return rc;
        if (!parse_roles(sc, roles->v[i], taken, &m)) {
            free(nfc);
            return CLI_EUSER;
        }
        taken |= m;
        rc = app_players_add(pl, nfc, m) == 0 ? CLI_OK : CLI_EENV;
        free(nfc);
        if (rc != CLI_OK)
            return rc;
    }
    return CLI_OK;
}

int tui_cmd_play(int argc, char **argv)
{
    const char *team = NULL, *mode = NULL, *seed = NULL, *lang_s = NULL, *db = NULL,
               *timer = NULL;
    char *team_nfc = NULL;
    bool no_save = false, hints = false, facilitator = false, done;
    cli_strv players = CLI_STRV_INIT, roles = CLI_STRV_INIT, dirs = CLI_STRV_INIT,
             pos = CLI_STRV_INIT;
    const cli_flag flags[] = {
        { "team", CLI_FLAG_STR, &team, "T" },
        { "player", CLI_FLAG_LIST, &players, "NAME" },
        { "role", CLI_FLAG_LIST, &roles, "R" },
        { "mode", CLI_FLAG_STR, &mode, "training or exercise" },
        { "hints", CLI_FLAG_BOOL, &hints, NULL },
        { "timer", CLI_FLAG_STR, &timer, "SECONDS" },
        { "facilitator", CLI_FLAG_BOOL, &facilitator, NULL },
        { "seed", CLI_FLAG_STR, &seed, "N" },
        { "lang", CLI_FLAG_STR, &lang_s, "vi or en" },
        { "db", CLI_FLAG_STR, &db, "PATH" },
        { "no-save", CLI_FLAG_BOOL, &no_save, NULL },
        { "scenarios", CLI_FLAG_LIST, &dirs, "DIR" },
    };
    cli_search sp = { NULL, 0 };
    lhost *h = NULL;
    store *st = NULL;
    crt *c = NULL;
    app_players pl = { 0 };
    app_result res = { 0 };
    drill_opts o = { .mode = MODE_TRAINING };
    int rc = parse("play", USAGE_PLAY, argc, argv, flags, sizeof flags / sizeof *flags, &pos, &done);
    if (done)
        goto out;
    rc = CLI_EUSER;
    if (pos.n != 1) {
        cli_error(pos.n ? "play: one SCENARIO only" : "play: missing SCENARIO (a path or an id)");
        goto out;
    }
    int l = cli_lang("play", lang_s);
    if (l < 0)
        goto out;
    if (mode && strcmp(mode, "training") != 0 && strcmp(mode, "exercise") != 0) {
        cli_error("play: --mode: expected training or exercise, not '%s'", mode);
        goto out;
    }
    o.seed = cli_default_seed();
    if (seed && cli_parse_seed("play", seed, &o.seed) != CLI_OK)
        goto out;
    if (team && !(team_nfc = cli_name("play", "team", team, &rc)))   /* recorded in NFC */
        goto out;
    app_show sh = { .facilitator = facilitator };
    if (timer && !timer_ok("play", timer, 1, &sh.timer))
        goto out;
    tui_locale();
    if ((rc = cli_search_init(&sp, &dirs)) != CLI_OK)
        goto out;
    if (!(h = cli_scenario_open(&sp, "play", pos.v[0], &rc)))
        goto out;
    if ((rc = players_from_flags(lhost_scen(h), &players, &roles, &pl)) != CLI_OK)
        goto out;
    if (!no_save) {
        bool missing;
        if (!(st = cli_db_open("play", db, true, false, &missing, NULL, &rc)))
            goto out;
    }
    o.mode = mode && strcmp(mode, "exercise") == 0 ? MODE_EXERCISE : MODE_TRAINING;
    o.hints = o.mode == MODE_TRAINING || hints;
    o.team = team_nfc;
    o.lang = (lang)l;
    o.participants = pl.parts;
    o.nparticipants = pl.n;
    o.timer = sh.timer;
    if (!(c = app_crt_open("play", "run SCENARIO --inputs FILE", &rc)))
        goto out;
    app_play_new(c, h, st, &o, &pl, (lang)l, &sh, &res);
    h = NULL;   /* the drill took it */
    crt_close(c);
    finish(&res);
    rc = exit_status(&res);
out:
    lhost_free(h);
    store_close(st);
    free(team_nfc);
    app_players_free(&pl);
    cli_search_free(&sp);
    cli_strv_free(&players);
    cli_strv_free(&roles);
    cli_strv_free(&dirs);
    cli_strv_free(&pos);
    return rc;
}

/* The database for resume and replay, which must exist. */
static store *open_existing(const char *cmd, const char *db, bool write, int *rc)
{
    bool missing = false;
    char *path = NULL;
    store *st = cli_db_open(cmd, db, write, true, &missing, &path, rc);
    if (!st && missing) {
        cli_error("%s: no sessions database at %s (play a drill first)", cmd, path ? path : "?");
        *rc = CLI_EUSER;
    }
    free(path);
    return st;
}

int tui_cmd_resume(int argc, char **argv)
{
    const char *lang_s = NULL, *db = NULL, *timer = NULL;
    bool done, facilitator = false;
    cli_strv pos = CLI_STRV_INIT;
    const cli_flag flags[] = {
        { "lang", CLI_FLAG_STR, &lang_s, "vi or en" },
        { "db", CLI_FLAG_STR, &db, "PATH" },
        { "timer", CLI_FLAG_STR, &timer, "SECONDS" },
        { "facilitator", CLI_FLAG_BOOL, &facilitator, NULL },
    };
    store *st = NULL;
    app_result res = { 0 };
    int64_t id = 0;
    int rc = parse("resume", USAGE_RESUME, argc, argv, flags, sizeof flags / sizeof *flags, &pos,
                   &done);
    if (done)
        goto out;
    rc = CLI_EUSER;
    if (pos.n > 1) {
        cli_error("resume: one SESSION only");
        goto out;
    }
    int l = cli_lang("resume", lang_s);
    if (l < 0 || (pos.n && cli_parse_session("resume", pos.v[0], &id) != CLI_OK))
        goto out;
    app_show sh = { .facilitator = facilitator, .timer = -1 };   /* -1: as recorded */
    if (timer && !timer_ok("resume", timer, 0, &sh.timer))
        goto out;
    tui_locale();
    if (!(st = open_existing("resume", db, true, &rc)))
        goto out;
    if (!id && store_latest_active(st, &id) != STORE_OK) {
        cli_error("resume: no unfinished session (irdrill sessions lists them)");
        rc = CLI_EUSER;
        goto out;
    }
    /* What the user named is checked before the terminal is: an unknown
     * or finished session is their mistake (exit 1) wherever they are. */
    store_loaded *chk = NULL;
    int src = store_load(st, id, 0, &chk);
    if (src != STORE_OK) {
        cli_error("resume: %s", store_errmsg(st));
        rc = cli_store_status(src);
        goto out;
    }
    bool active = strcmp(chk->sess.status, "active") == 0;
    store_loaded_free(chk);
    if (!active) {
        cli_error("resume: session %" PRId64 " is finished; review it with: irdrill replay %" PRId64,
                  id, id);
        rc = CLI_EUSER;
        goto out;
    }
    crt *c = app_crt_open("resume", "resume --inputs FILE", &rc);
    if (!c)
        goto out;
    app_play_resume(c, st, id, (lang)l, &sh, &res);
    crt_close(c);
    finish(&res);
    rc = exit_status(&res);
out:
    store_close(st);
    cli_strv_free(&pos);
    return rc;
}

int tui_cmd_replay(int argc, char **argv)
{
    const char *lang_s = NULL, *db = NULL;
    bool done;
    cli_strv pos = CLI_STRV_INIT;
    const cli_flag flags[] = {
        { "lang", CLI_FLAG_STR, &lang_s, "vi or en" },
        { "db", CLI_FLAG_STR, &db, "PATH" },
    };
    store *st = NULL;
    app_result res = { 0 };
    int64_t id = 0;
    int rc = parse("replay", USAGE_REPLAY, argc, argv, flags, 2, &pos, &done);
    if (done)
        goto out;
    rc = CLI_EUSER;
    if (pos.n != 1) {
        cli_error(pos.n ? "replay: one SESSION only" : "replay: missing SESSION (irdrill sessions lists them)");
        goto out;
    }
    int l = cli_lang("replay", lang_s);
    if (l < 0 || cli_parse_session("replay", pos.v[0], &id) != CLI_OK)
        goto out;
    tui_locale();
    if (!(st = open_existing("replay", db, false, &rc)))
        goto out;
    crt *c = app_crt_open("replay", "report SESSION", &rc);
    if (!c)
        goto out;
    app_review(c, st, id, (lang)l, &res);
    crt_close(c);
    finish(&res);
    rc = exit_status(&res);
out:
    store_close(st);
    cli_strv_free(&pos);
    return rc;
}

/* ---- the main menu ------------------------------------------------------ */

typedef struct scen_list {
    menu_scenario *v;
    int n, cap;
} scen_list;

static void collect(void *ctx, const scen *sc, const char *path)
{
    scen_list *l = ctx;
    if (l->n == l->cap) {
        int nc = l->cap ? l->cap * 2 : 8;
        menu_scenario *nv = realloc(l->v, (size_t)nc * sizeof *nv);
        if (!nv)
            return;
        l->v = nv;
        l->cap = nc;
    }
    menu_scenario *m = &l->v[l->n];
    memset(m, 0, sizeof *m);
    m->id = xstrdup(sc->id);
    m->path = xstrdup(path);
    if (!m->id || !m->path || text_copy(&m->title, &sc->title) < 0 ||
        text_copy(&m->summary, &sc->summary) < 0) {
        free(m->id);
        free(m->path);
        text_free(&m->title);
        text_free(&m->summary);
        return;
    }
    m->diff = (int)sc->diff;
    m->max_turns = sc->max_turns;
    m->turn_minutes = sc->turn_minutes;
    m->nroles = 0;
    m->roles = calloc(sc->nroles ? (size_t)sc->nroles : 1, sizeof *m->roles);
    for (int r = 0; m->roles && r < sc->nroles; r++) {
        const text *name = text_empty(&sc->roles[r].name) ? &(text){ sc->roles[r].id,
                                                                     sc->roles[r].id }
                                                          : &sc->roles[r].name;
        if (text_copy(&m->roles[r], name) < 0)
            break;
        m->nroles = r + 1;
    }
    m->vi = sc->has_vi;
    m->en = sc->has_en;
    l->n++;
}

/* Easiest first, then shortest: the tutorial comes before the rest. */
static int scen_order(const void *a, const void *b)
{
    const menu_scenario *x = a, *y = b;
    if (x->diff != y->diff)
        return x->diff < y->diff ? -1 : 1;
    if (x->max_turns != y->max_turns)
        return x->max_turns < y->max_turns ? -1 : 1;
    return strcmp(x->id, y->id);
}

static void scen_list_free(scen_list *l)
{
    for (int i = 0; i < l->n; i++) {
        free(l->v[i].id);
        free(l->v[i].path);
        text_free(&l->v[i].title);
        text_free(&l->v[i].summary);
        for (int r = 0; r < l->v[i].nroles; r++)
            text_free(&l->v[i].roles[r]);
        free(l->v[i].roles);
    }
    free(l->v);
}

static void sessions_load(store *st, menu_session **out, int *n, store_session **raw, int *nraw)
{
    *out = NULL;
    *n = 0;
    *raw = NULL;
    *nraw = 0;
    store_filter f = { .limit = 500 };
    if (!st || store_list(st, &f, raw, nraw) != STORE_OK)
        return;
    menu_session *v = calloc(*nraw ? (size_t)*nraw : 1, sizeof *v);
    if (!v)
        return;
    for (int i = 0; i < *nraw; i++) {
        const store_session *s = &(*raw)[i];
        v[i] = (menu_session){ s->id, s->scenario_id, s->team ? s->team : (char *)"", s->status,
                               s->started, s->turn, s->score, s->timer };
    }
    *out = v;
    *n = *nraw;
}

/* A new drill chosen in the menu. */
static void menu_new(crt *c, const menu_scenario *ms, const menu_choice *ch, store *st,
                     app_result *res)
{
    sbuf problems = SBUF_INIT;
    app_players pl = { 0 };
    memset(res, 0, sizeof *res);
    lhost *h = lhost_load_file(ms->path, NULL, &problems);
    if (!h) {
        snprintf(res->err, sizeof res->err, "%s", problems.len ? sb_str(&problems) : ms->path);
        res->err[strcspn(res->err, "\n")] = '\0';
        res->status = CLI_EUSER;
        goto out;
    }
    const scen *sc = lhost_scen(h);
    /* The players as the form gave them: names typed (or defaults), each
     * with the roles assigned to them. The scenario was read again, so
     * its roles are counted again. */
    for (int p = 0; p < ch->nplayers; p++) {
        uint64_t m = 0;
        for (int r = 0; r < sc->nroles && r < 64; r++)
            if (ch->assign[r] == p)
                m |= 1ULL << r;
        if (!m)
            continue;
        if (app_players_add(&pl, ch->names[p], m) < 0)
            goto oom;
    }
    if (pl.n == 0 &&
        app_players_add(&pl, ch->names[0], sc->nroles >= 64 ? ~0ULL : (1ULL << sc->nroles) - 1) < 0)
        goto oom;
    drill_opts o = { .seed = cli_default_seed(), .mode = ch->mode,
                     .hints = ch->mode == MODE_TRAINING || ch->hints,
                     .team = ch->team[0] ? ch->team : NULL, .lang = ch->lg,
                     .participants = pl.parts, .nparticipants = pl.n, .timer = ch->timer };
    app_show sh = { .timer = ch->timer, .facilitator = ch->facilitator };
    app_play_new(c, h, st, &o, &pl, ch->lg, &sh, res);
    goto out;
oom:
    lhost_free(h);
    snprintf(res->err, sizeof res->err, "out of memory");
    res->status = CLI_EENV;
out:
    app_players_free(&pl);
    sb_free(&problems);
}

static const char USAGE_MENU[] =
    "usage: irdrill [--db PATH] [--lang vi|en] [--scenarios DIR]...\n"
    "\n"
    "The main menu, in the terminal: a new drill, resume a session, the after-action\n"
    "review, the scenarios. --db names the sessions database, --lang the language to\n"
    "start in, --scenarios a directory to look for scenarios in first (repeatable).\n"
    "irdrill --help lists the commands.\n";

/* The main menu's flags: the common ones (product.md §3). Errors name the
 * flag; there is no command to name. */
static int menu_flags(int argc, char **argv, const char **db, const char **lang_s,
                      cli_strv *dirs, bool *help)
{
    static const char *const names[] = { "db", "lang", "scenarios" };
    static const char *const values[] = { "PATH", "vi or en", "DIR" };
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            *help = true;
            return CLI_OK;
        }
    }
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        int f = -1;
        const char *eq = a[0] == '-' && a[1] == '-' ? strchr(a, '=') : NULL;
        size_t len = eq ? (size_t)(eq - a - 2) : strlen(a) - (a[0] == '-' && a[1] == '-' ? 2 : 0);
        for (int k = 0; k < 3 && a[0] == '-' && a[1] == '-'; k++)
            if (strlen(names[k]) == len && strncmp(a + 2, names[k], len) == 0)
                f = k;
        if (f < 0) {
            if (a[0] == '-')
                cli_error("unknown flag %s (irdrill --help lists the commands)", a);
            else
                cli_error("unknown command '%s' (irdrill --help lists the commands)", a);
            return CLI_EUSER;
        }
        const char *v = eq ? eq + 1 : i + 1 < argc ? argv[++i] : NULL;
        if (!v || !*v) {
            cli_error("--%s needs a value (%s)", names[f], values[f]);
            return CLI_EUSER;
        }
        if (f == 0) {
            *db = v;
        } else if (f == 1) {
            if (strcmp(v, "vi") != 0 && strcmp(v, "en") != 0) {
                cli_error("--lang: expected vi or en, not '%s'", v);
                return CLI_EUSER;
            }
            *lang_s = v;
        } else if (cli_strv_push(dirs, v) < 0) {
            cli_error("out of memory");
            return CLI_EENV;
        }
    }
    return CLI_OK;
}

bool tui_menu_flag(const char *arg)
{
    static const char *const names[] = { "--db", "--lang", "--scenarios" };
    for (int k = 0; k < 3; k++) {
        size_t n = strlen(names[k]);
        if (strncmp(arg, names[k], n) == 0 && (arg[n] == '\0' || arg[n] == '='))
            return true;
    }
    return false;
}

int tui_cmd_menu(int argc, char **argv)
{
    const char *db = NULL, *lang_s = NULL;
    bool help = false;
    cli_strv dirs = CLI_STRV_INIT;
    cli_search sp = { NULL, 0 };
    scen_list sl = { 0 };
    store *st = NULL;
    char *dbpath = NULL;
    crt *c = NULL;
    app_result res = { 0 };
    int rc = menu_flags(argc, argv, &db, &lang_s, &dirs, &help);
    if (rc != CLI_OK || help) {
        if (help)
            fputs(USAGE_MENU, stdout);
        goto out;
    }
    /* Without a terminal nothing else is worth doing (no database is
     * created for a menu that cannot open). */
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        app_crt_open(NULL, "--help", &rc);
        goto out;
    }
    tui_locale();
    if ((rc = cli_search_init(&sp, &dirs)) != CLI_OK)
        goto out;
    /* Read everything that may print before curses owns the screen. */
    if ((rc = cli_search_each(&sp, collect, &sl)) != CLI_OK)
        goto out;
    if (sl.n > 1)
        qsort(sl.v, (size_t)sl.n, sizeof *sl.v, scen_order);
    /* The sessions database; without one the menu still runs (it says
     * so) and nothing can be saved. */
    char err[512];
    if (!(dbpath = store_path_resolve(db, true, err, sizeof err))) {
        cli_error("%s", err);
    } else {
        bool missing;
        int dbrc = CLI_OK;
        st = cli_db_open("sessions database", dbpath, true, false, &missing, NULL, &dbrc);
    }
    if (!(c = app_crt_open(NULL, "--help", &rc)))
        goto out;
    menu_choice ch = { .lg = lang_s ? (lang)cli_lang("irdrill", lang_s) : lang_from_env() };
    char notice[1024] = "";
    for (;;) {
        menu_session *ms;
        store_session *raw;
        int nms, nraw;
        sessions_load(st, &ms, &nms, &raw, &nraw);
        menu_data d = { sl.v, sl.n, ms, nms, dbpath ? dbpath : "?", st != NULL, notice };
        int stop = menu_run(c, &d, &ch);
        int64_t id = ch.session;
        int what = ch.what;
        free(ms);
        store_sessions_free(raw, nraw);
        if (stop || what == MENU_QUIT) {
            res.stopped = stop;
            break;
        }
        if (what == MENU_NEW)
            menu_new(c, &sl.v[ch.scenario], &ch, st, &res);
        else if (what == MENU_RESUME && st)
            app_play_resume(c, st, id, ch.lg,
                            &(app_show){ .timer = ch.timer, .facilitator = ch.facilitator }, &res);
        else if (what == MENU_REVIEW && st)
            app_review(c, st, id, ch.lg, &res);
        if (res.stopped)
            break;
        /* Back at the menu: what went wrong, or where the session is, in
         * the menu's language. */
        char said[1024];
        if (res.err[0] || !res.played)
            snprintf(said, sizeof said, "%s", res.err[0] ? res.err : res.note);
        else if (!res.session)
            snprintf(said, sizeof said, "%s", T(ch.lg, M_NOTE_UNSAVED));
        else if (res.over)
            snprintf(said, sizeof said, T(ch.lg, M_NOTE_OVER), (long long)res.session, res.outcome,
                     res.score, res.max_score);
        else
            snprintf(said, sizeof said, T(ch.lg, M_NOTE_SAVED), (long long)res.session);
        char *safe = text_sanitize(said, NULL);
        snprintf(notice, sizeof notice, "%s", safe ? safe : "");
        free(safe);
        memset(&res, 0, sizeof res);
    }
    crt_close(c);
    rc = exit_status(&res);
out:
    scen_list_free(&sl);
    store_close(st);
    free(dbpath);
    cli_search_free(&sp);
    cli_strv_free(&dirs);
    return rc;
}
