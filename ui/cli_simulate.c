/*
 * cli_simulate.c - irdrill simulate: bot playthroughs of a scenario, with
 * the outcome and score distribution and what no run reached (docs/cli.md).
 *
 * Nothing is saved and no database is opened: a playthrough here is a
 * measurement, not a session. The scenario is compiled once (lhost_image)
 * and every run starts from a fresh Lua state.
 */
#include "ui/cli.h"
#include "ui/sim.h"

#include <stdlib.h>
#include <string.h>

#define SIM_MAX_RUNS 10000000

static const char USAGE[] =
    "usage: irdrill simulate SCENARIO --runs N [--policy random|greedy] [--seed N] [--json]\n"
    "                        [--lang vi|en] [--scenarios DIR]...\n"
    "\n"
    "Play SCENARIO N times with a bot and show the outcomes, the score distribution and\n"
    "what no run reached (signals, triggers, objectives, endings). Nothing is saved.\n"
    "\n"
    "  --runs N           how many playthroughs (1 to 10000000; required)\n"
    "  --policy P         random (default): valid inputs picked at random;\n"
    "                     greedy: an incident responder's rules, from the team's view\n"
    "  --seed N           run i plays with seed N + i (default 1)\n"
    "  --json             one JSON object: runs, outcomes, score, never, turns_per_second\n"
    "  --lang vi|en       language of the human output (the JSON is the same)\n"
    "  --scenarios DIR    look for scenario ids in DIR first (repeatable)\n";

static int parse_runs(const char *v, int *runs)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (*v < '0' || *v > '9' || *end || n < 1 || n > SIM_MAX_RUNS) {
        cli_error("simulate: --runs: expected a whole number from 1 to %d, not '%s'",
                  SIM_MAX_RUNS, v);
        return CLI_EUSER;
    }
    *runs = (int)n;
    return CLI_OK;
}

/* The words of the human output, in both languages. */
typedef struct words {
    const char *scenario, *version, *runs, *policy, *seeds, *to, *outcomes, *score, *min, *mean,
        *max, *of, *coverage, *signals, *triggers, *objectives, *endings, *never, *none, *speed,
        *plays, *turns_s, *turns_in;
} words;

static const words EN = {
    "scenario", "version", "runs", "policy", "seeds", "to", "outcomes", "score", "min", "mean",
    "max", "of", "coverage", "signals", "triggers", "objectives", "endings", "never", "(none)",
    "speed", "playthroughs/s", "turns/s", "turns in",
};
static const words VI = {
    "kịch bản", "phiên bản", "số lần chạy", "chiến lược", "seed", "đến", "kết cục", "điểm",
    "thấp nhất", "trung bình", "cao nhất", "trên", "độ phủ", "tín hiệu", "trigger", "mục tiêu",
    "kết cục", "chưa đạt tới", "(không có)", "tốc độ", "lượt chơi/giây", "lượt/giây", "lượt trong",
};

static void put_names(const words *w, const char *label, const bool *hit, int n,
                      const char *(*name)(const scen *, int), const scen *sc)
{
    fputs("            ", stdout);
    cli_pad(stdout, label, 11);
    bool any = false;
    for (int i = 0; i < n; i++) {
        if (hit[i])
            continue;
        fputs(any ? ", " : "", stdout);
        cli_put_safe(stdout, name(sc, i), NULL);
        any = true;
    }
    puts(any ? "" : w->none);
}

static const char *sig_name(const scen *sc, int i) { return sc->signals[i].id; }
static const char *trig_name(const scen *sc, int i) { return sc->triggers[i].name; }
static const char *obj_name(const scen *sc, int i) { return sc->objectives[i].id; }
static const char *end_name(const scen *sc, int i) { return sc->endings[i].id; }

static int count(const bool *v, int n)
{
    int k = 0;
    for (int i = 0; i < n; i++)
        k += v[i];
    return k;
}

static void print_human(const sim_stats *st, const scen *sc, const sim_opts *o, lang l)
{
    const words *w = l == LANG_VI ? &VI : &EN;
    cli_pad(stdout, w->scenario, 12);
    cli_put_safe(stdout, text_get(&sc->title, l), NULL);
    printf(" (%s, %s %d)\n", sc->id, w->version, sc->version);
    cli_pad(stdout, w->runs, 12);
    printf("%d, %s %s, %s %llu %s %llu\n", st->runs, w->policy, sim_policy_names[o->policy],
           w->seeds, (unsigned long long)o->seed, w->to,
           (unsigned long long)(o->seed + (uint64_t)st->runs - 1));
    for (int i = 0; i <= st->nendings; i++) {
        const char *id = i < st->nendings ? sc->endings[i].id : "timeout";
        cli_pad(stdout, i ? "" : w->outcomes, 12);
        printf("%-24s %8d  %5.1f %%\n", id, st->outcomes[i],
               st->runs ? 100.0 * st->outcomes[i] / st->runs : 0.0);
    }
    cli_pad(stdout, w->score, 12);
    printf("%s %ld, %s %.2f, %s %ld (%s %d)\n", w->min, st->score_min, w->mean,
           st->runs ? st->score_sum / st->runs : 0.0, w->max, st->score_max, w->of,
           scen_max_score(sc));
    cli_pad(stdout, w->coverage, 12);
    printf("%s %d/%d, %s %d/%d, %s %d/%d, %s %d/%d\n",
           w->signals, count(st->signal_seen, st->nsignals), st->nsignals,
           w->triggers, count(st->trigger_fired, st->ntriggers), st->ntriggers,
           w->objectives, count(st->objective_met, st->nobjectives), st->nobjectives,
           w->endings, count(st->ending_reached, st->nendings), st->nendings);
    puts(w->never);
    put_names(w, w->signals, st->signal_seen, st->nsignals, sig_name, sc);
    put_names(w, w->triggers, st->trigger_fired, st->ntriggers, trig_name, sc);
    put_names(w, w->objectives, st->objective_met, st->nobjectives, obj_name, sc);
    put_names(w, w->endings, st->ending_reached, st->nendings, end_name, sc);
    double secs = st->seconds > 0 ? st->seconds : 1e-9;
    cli_pad(stdout, w->speed, 12);
    printf("%.0f %s, %.0f %s (%ld %s %.2f s)\n", st->runs / secs, w->plays,
           (double)st->turns / secs, w->turns_s, st->turns, w->turns_in, st->seconds);
}

static int simulate(const cli_search *sp, const char *arg, const sim_opts *o, bool json, lang l)
{
    int status = CLI_OK;
    lhost *h = cli_scenario_open(sp, "simulate", arg, &status);
    if (!h)
        return status;
    const scen *sc = lhost_scen(h);
    sbuf probs = SBUF_INIT, err = SBUF_INIT, out = SBUF_INIT;
    sim_stats st;
    bool have_stats = false;
    lhost_image *img = lhost_image_new(sc->path, sc->source, sc->source_len, NULL, &probs);
    if (!img || sim_stats_init(&st, sc) < 0) {
        cli_error("simulate: %s: out of memory", sc->path);
        status = CLI_EENV;
        goto out;
    }
    have_stats = true;
    if (sim_play(img, o, &st, &err) < 0) {
        cli_error("simulate: %s: %.*s", sc->path, (int)strcspn(sb_str(&err), "\n"), sb_str(&err));
        status = CLI_EENV;
        goto out;
    }
    /* A scenario whose hooks fail still plays (product.md §4); its author
     * hears of it here, whatever the output format. */
    if (st.hook_errors)
        cli_warn("simulate: %d hook error(s) in %d runs; the first: %s", st.hook_errors, st.runs,
                 st.first_hook_error);
    if (json) {
        sim_stats_json(&st, sc, &out);
        if (out.oom) {
            cli_error("simulate: out of memory");
            status = CLI_EENV;
            goto out;
        }
        cli_put_safe(stdout, out.buf, NULL);
        putchar('\n');
    } else {
        print_human(&st, sc, o, l);
    }
out:
    if (have_stats)
        sim_stats_free(&st);
    lhost_image_free(img);
    lhost_free(h);
    sb_free(&probs);
    sb_free(&err);
    sb_free(&out);
    return status;
}

int cli_cmd_simulate(int argc, char **argv)
{
    const char *runs_s = NULL, *policy_s = NULL, *seed_s = NULL, *lang_s = NULL;
    bool json = false, help = false;
    cli_strv dirs = CLI_STRV_INIT, pos = CLI_STRV_INIT;
    const cli_flag flags[] = {
        { "runs", CLI_FLAG_STR, &runs_s, "N" },
        { "policy", CLI_FLAG_STR, &policy_s, "random or greedy" },
        { "seed", CLI_FLAG_STR, &seed_s, "N" },
        { "json", CLI_FLAG_BOOL, &json, NULL },
        { "lang", CLI_FLAG_STR, &lang_s, "vi or en" },
        { "scenarios", CLI_FLAG_LIST, &dirs, "DIR" },
    };
    cli_search sp = { NULL, 0 };
    sim_opts o = { .policy = SIM_RANDOM, .seed = 1 };
    int rc = cli_parse("simulate", argc, argv, flags, sizeof flags / sizeof *flags, &pos, &help);
    if (rc != CLI_OK || help) {
        if (rc == CLI_OK)
            fputs(USAGE, stdout);
        goto out;
    }
    rc = CLI_EUSER;
    if (pos.n == 0) {
        cli_error("simulate: missing SCENARIO (a path or a scenario id)");
        goto out;
    }
    if (pos.n > 1) {
        cli_error("simulate: unexpected argument '%s' (one SCENARIO only)", pos.v[1]);
        goto out;
    }
    if (!runs_s) {
        cli_error("simulate: --runs N is required");
        goto out;
    }
    if (parse_runs(runs_s, &o.runs) != CLI_OK)
        goto out;
    if (policy_s) {
        int p = sim_policy_find(policy_s);
        if (p < 0) {
            cli_error("simulate: --policy: expected random or greedy, not '%s'", policy_s);
            goto out;
        }
        o.policy = (sim_policy)p;
    }
    if (seed_s && cli_parse_seed("simulate", seed_s, &o.seed) != CLI_OK)
        goto out;
    int l = cli_lang("simulate", lang_s);
    if (l < 0)
        goto out;
    rc = cli_search_init(&sp, &dirs);
    if (rc == CLI_OK)
        rc = simulate(&sp, pos.v[0], &o, json, (lang)l);
out:
    cli_search_free(&sp);
    cli_strv_free(&dirs);
    cli_strv_free(&pos);
    return rc;
}
