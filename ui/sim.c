/*
 * sim.c - many bot playthroughs and what they add up to (sim.h).
 *
 * Every run gets a fresh lhost from the compiled image, so nothing a
 * scenario keeps in Lua (w.vars, upvalues, globals it sets) survives into
 * the next run: run i is exactly the session a player would get with seed
 * base + i. The image saves compiling the file again for every run.
 */
#include "ui/sim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int sim_stats_init(sim_stats *st, const scen *sc)
{
    memset(st, 0, sizeof *st);
    st->nendings = sc->nendings;
    st->nobjectives = sc->nobjectives;
    st->nsignals = sc->nsignals;
    st->ntriggers = sc->ntriggers;
    st->outcomes = calloc((size_t)sc->nendings + 1, sizeof *st->outcomes);
    st->ending_reached = calloc((size_t)sc->nendings + 1, sizeof *st->ending_reached);
    st->objective_met = calloc((size_t)sc->nobjectives + 1, sizeof *st->objective_met);
    st->signal_seen = calloc((size_t)sc->nsignals + 1, sizeof *st->signal_seen);
    st->trigger_fired = calloc((size_t)sc->ntriggers + 1, sizeof *st->trigger_fired);
    if (!st->outcomes || !st->ending_reached || !st->objective_met || !st->signal_seen ||
        !st->trigger_fired) {
        sim_stats_free(st);
        return -1;
    }
    return 0;
}

void sim_stats_free(sim_stats *st)
{
    free(st->outcomes);
    free(st->ending_reached);
    free(st->objective_met);
    free(st->signal_seen);
    free(st->trigger_fired);
    memset(st, 0, sizeof *st);
}

typedef struct run_ctx {
    sim_bot *bot;
    sim_stats *st;
} run_ctx;

/* Every event: the bot keeps what the team sees; the runner counts hook
 * failures, which a scenario author needs to hear of. */
static void sim_emit(void *ctx, const event *ev)
{
    run_ctx *r = ctx;
    if (ev->kind == EVK_HOOK_ERROR) {
        if (r->st->hook_errors++ == 0)
            snprintf(r->st->first_hook_error, sizeof r->st->first_hook_error, "%s",
                     text_get(&ev->text, LANG_EN));
        return;
    }
    sim_bot_observe(r->bot, ev);
}

static void tally(sim_stats *st, const engine *e, const scen *sc)
{
    const char *out = engine_outcome(e);
    if (!out) {
        st->unfinished++;
    } else {
        int k = scen_ending_find(sc, out);
        if (k >= 0 && k < st->nendings) {
            st->outcomes[k]++;
            st->ending_reached[k] = true;
        } else {
            st->outcomes[st->nendings]++;    /* timeout */
        }
    }
    long score = engine_score(e);
    if (st->runs == 0 || score < st->score_min)
        st->score_min = score;
    if (st->runs == 0 || score > st->score_max)
        st->score_max = score;
    st->score_sum += (double)score;
    st->runs++;
    st->turns += engine_turn(e);
    for (int i = 0; i < st->nobjectives && i < sc->nobjectives; i++)
        st->objective_met[i] = st->objective_met[i] || engine_objective_met(e, i);
    const bool *seen = engine_signal_seen(e), *fired = engine_trigger_fired(e);
    for (int i = 0; i < st->nsignals && i < sc->nsignals; i++)
        st->signal_seen[i] = st->signal_seen[i] || seen[i];
    for (int i = 0; i < st->ntriggers && i < sc->ntriggers; i++)
        st->trigger_fired[i] = st->trigger_fired[i] || fired[i];
}

/* One playthrough. 0, or -1 with err set. */
static int play_one(lhost_image *img, sim_policy policy, uint64_t seed, sim_stats *st,
                    sbuf *err)
{
    sbuf probs = SBUF_INIT;
    int rc = -1;
    engine *e = NULL;
    sim_bot *b = NULL;
    lhost *h = lhost_load_image(img, NULL, &probs);
    if (!h) {
        sb_printf(err, "%s", probs.len ? probs.buf : "the scenario does not load\n");
        goto out;
    }
    const scen *sc = lhost_scen(h);
    b = sim_bot_new(sc, policy, seed);
    if (!b) {
        sb_puts(err, "out of memory\n");
        goto out;
    }
    run_ctx ctx = { b, st };
    event_sink sink = { sim_emit, &ctx };
    engine_hooks hooks = lhost_hooks(h);
    engine_opts eo = { .seed = seed, .mode = MODE_TRAINING };
    e = engine_new(sc, &hooks, &sink, &eo);
    if (!e) {
        sb_puts(err, "out of memory\n");
        goto out;
    }
    lhost_bind(h, e);
    if (engine_start(e) != ENG_OK) {
        sb_printf(err, "cannot start a session: %s\n", engine_errmsg(e));
        goto out;
    }
    /* A bot ends every turn, so the session ends by max_turns at the
     * latest; the bound only guards against a bug turning into a hang. */
    for (int t = 0; !engine_over(e) && t <= sc->max_turns; t++) {
        int r = sim_bot_turn(b, e);
        if (r != ENG_OK) {
            sb_printf(err, "%s\n", r == ENG_ENOMEM ? "out of memory" : engine_errmsg(e));
            goto out;
        }
    }
    tally(st, e, sc);
    const int *lines;
    int n = lhost_plain_texts(h, &lines);
    for (int i = 0; i < n; i++) {
        bool known = false;
        for (int k = 0; k < st->nplain && !known; k++)
            known = st->plain[k] == lines[i];
        if (!known && st->nplain < LHOST_MAX_PLAIN)
            st->plain[st->nplain++] = lines[i];
    }
    rc = 0;
out:
    engine_free(e);
    sim_bot_free(b);
    lhost_free(h);
    sb_free(&probs);
    return rc;
}

int sim_play(lhost_image *img, const sim_opts *o, sim_stats *st, sbuf *err)
{
    double t0 = now();
    int rc = 0;
    for (int i = 0; i < o->runs && rc == 0; i++)
        rc = play_one(img, o->policy, o->seed + (uint64_t)i, st, err);
    st->seconds += now() - t0;
    return rc;
}

static void json_names(sbuf *out, const char *key, bool *first, const bool *hit, int n,
                       const char *(*name)(const scen *, int), const scen *sc)
{
    sb_json_key(out, key, first);
    sb_putc(out, '[');
    bool f = true;
    for (int i = 0; i < n; i++) {
        if (hit[i])
            continue;
        if (!f)
            sb_putc(out, ',');
        sb_json_str(out, name(sc, i));
        f = false;
    }
    sb_putc(out, ']');
}

static const char *signal_name(const scen *sc, int i) { return sc->signals[i].id; }
static const char *trigger_name(const scen *sc, int i) { return sc->triggers[i].name; }
static const char *objective_name(const scen *sc, int i) { return sc->objectives[i].id; }
static const char *ending_name(const scen *sc, int i) { return sc->endings[i].id; }

void sim_stats_json(const sim_stats *st, const scen *sc, sbuf *out)
{
    bool first = true;
    sb_putc(out, '{');
    sb_json_key(out, "runs", &first);
    sb_printf(out, "%d", st->runs);
    sb_json_key(out, "outcomes", &first);
    sb_putc(out, '{');
    bool f = true;
    for (int i = 0; i <= st->nendings; i++) {
        sb_json_key(out, i < st->nendings ? sc->endings[i].id : "timeout", &f);
        sb_printf(out, "%d", st->outcomes[i]);
    }
    sb_putc(out, '}');
    sb_json_key(out, "score", &first);
    sb_printf(out, "{\"min\":%ld,\"mean\":%.2f,\"max\":%ld}", st->score_min,
              st->runs ? st->score_sum / st->runs : 0.0, st->score_max);
    sb_json_key(out, "never", &first);
    bool g = true;
    sb_putc(out, '{');
    json_names(out, "signals", &g, st->signal_seen, st->nsignals, signal_name, sc);
    json_names(out, "triggers", &g, st->trigger_fired, st->ntriggers, trigger_name, sc);
    json_names(out, "objectives", &g, st->objective_met, st->nobjectives, objective_name, sc);
    json_names(out, "endings", &g, st->ending_reached, st->nendings, ending_name, sc);
    sb_putc(out, '}');
    sb_json_key(out, "turns_per_second", &first);
    sb_printf(out, "%.0f", st->seconds > 0 ? (double)st->turns / st->seconds : 0.0);
    sb_putc(out, '}');
}
