/*
 * sim.h - bot playthroughs of a scenario (irdrill simulate, and the
 * reachability warnings of irdrill check).
 *
 * A bot plays one session as a team would, through the same inputs lines
 * a player types, and sees only what a team sees: the EV_TEAM events of
 * the session (signals, notes, revealed facts, the results of its own
 * actions), the fields a team always observes and what it has learnt
 * (engine_knows). It never reads the ground truth. Each turn it builds its
 * candidate inputs from the scenario's actions and the targets it knows
 * of (assets, the signals received so far, indicators quoted in what it
 * was told, recipients, audiences, helpers, fact lists), checks each with
 * engine_input_check, queues some and ends the turn. Policies
 * (docs/cli.md, "simulate"):
 *
 *   random  picks uniformly among the valid candidates, with a generator
 *           of its own seeded from the run's seed, so the scenario's own
 *           randomness (w:chance, w:random) draws exactly as in a real
 *           session with that seed;
 *   greedy  a fixed list of rules an incident responder would follow
 *           (triage, investigate what signals name, contain what is known
 *           to be compromised, image before changing, eradicate, patch,
 *           rotate credentials, restore, reconnect; report, communicate
 *           and ask for help once an incident is on).
 *
 * The runner plays N sessions, run i with seed base + i, each in a fresh
 * lhost made from a compiled image (lhost_image: no Lua state is shared
 * between runs, and the file is compiled once), and gathers the outcome
 * and score distribution and the coverage of the scenario's declarations.
 *
 * Nothing here prints; the command (cli_simulate.c) and the linter
 * (cli_lint.c) do.
 */
#ifndef IRDRILL_SIM_H
#define IRDRILL_SIM_H

#include "engine/engine.h"
#include "engine/lhost.h"

#include <stdbool.h>
#include <stdint.h>

typedef enum sim_policy { SIM_RANDOM, SIM_GREEDY } sim_policy;

extern const char *const sim_policy_names[2];
/* "random" or "greedy"; -1 for anything else. */
int sim_policy_find(const char *name);

/* ---- one bot -------------------------------------------------------------- */

typedef struct sim_bot sim_bot;

/* A bot for one session of sc (borrowed; it must outlive the bot). NULL on
 * OOM. */
sim_bot *sim_bot_new(const scen *sc, sim_policy policy, uint64_t seed);
void sim_bot_free(sim_bot *b);

/* Tell the bot what the team perceives: give it every event of the
 * session; it keeps only EV_TEAM ones (anything else is ignored, so the
 * bot cannot learn the ground truth by accident). */
void sim_bot_observe(sim_bot *b, const event *ev);

/* Play the current turn of e: queue this turn's actions, then "end".
 * Returns ENG_OK, or a negative ENG_ code (ENG_ENOMEM; ENG_EINPUT when even
 * "end" was refused, which a one-player session never does). */
int sim_bot_turn(sim_bot *b, engine *e);

/* The lines the bot gave in its last turn, "\n"-separated (for tests and
 * for debugging a policy). */
const char *sim_bot_last_turn(const sim_bot *b);

/* ---- many runs ------------------------------------------------------------ */

typedef struct sim_opts {
    int runs;
    sim_policy policy;
    uint64_t seed;           /* run i (from 0) plays with seed + i */
} sim_opts;

/* What N playthroughs added up to. Arrays are indexed like the scen's. */
typedef struct sim_stats {
    int nendings, nobjectives, nsignals, ntriggers;
    int runs;
    int *outcomes;           /* per ending, then [nendings] = timeout */
    int unfinished;          /* runs that stopped before an outcome (never, in
                                practice: a bot always ends its turns) */
    long score_min, score_max;
    double score_sum;
    bool *ending_reached, *objective_met, *signal_seen, *trigger_fired;
    long turns;
    double seconds;          /* wall time of the runs, loading included */
    int hook_errors;
    char first_hook_error[512];
    int plain[LHOST_MAX_PLAIN];   /* lines of plain-string texts met (lhost.h) */
    int nplain;
} sim_stats;

/* Zeroed stats sized for sc. 0, or -1 on OOM. */
int sim_stats_init(sim_stats *st, const scen *sc);
void sim_stats_free(sim_stats *st);

/* Play o->runs sessions of img's scenario and add them to st (which may
 * already hold other runs: check adds both policies together). Returns 0,
 * or -1 with the reason in err (out of memory; the image failing to load,
 * which it never does once made). */
int sim_play(lhost_image *img, const sim_opts *o, sim_stats *st, sbuf *err);

/* The --json line of simulate (docs/cli.md), without a newline. */
void sim_stats_json(const sim_stats *st, const scen *sc, sbuf *out);

#endif
