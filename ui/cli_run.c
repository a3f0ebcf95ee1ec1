/*
 * cli_run.c - irdrill run: a headless playthrough of a scenario from an
 * inputs script, read line by line as it arrives, saved unless --no-save
 * (docs/cli.md).
 *
 * The order matters: the inputs and the scenario are checked first (a
 * mistake there writes nothing), then the database is opened and the
 * session created, and only then is the first line read.
 */
#include "ui/cli.h"

#include <stdlib.h>
#include <string.h>

/* The --role values ("lead", "lead,soc", repeated) as a bitmask of sc's
 * roles; 0 with a message for an unknown one. */
static uint64_t roles_mask(const scen *sc, const cli_strv *roles)
{
    uint64_t mask = 0;
    for (int i = 0; i < roles->n; i++) {
        const char *p = roles->v[i];
        while (*p) {
            size_t len = strcspn(p, ",");
            int r = 0;
            while (r < sc->nroles && r < 64 &&
                   !(strlen(sc->roles[r].id) == len && memcmp(sc->roles[r].id, p, len) == 0))
                r++;
            if (len == 0 || r == sc->nroles || r == 64) {
                sbuf ids = SBUF_INIT;
                for (int k = 0; k < sc->nroles; k++)
                    sb_printf(&ids, "%s%s", k ? ", " : "", sc->roles[k].id);
                cli_error("run: --role: scenario %s has no role '%.*s' (its roles: %s)", sc->id,
                          (int)(len > 64 ? 64 : len), p, sb_str(&ids));
                sb_free(&ids);
                return 0;
            }
            mask |= 1ULL << r;
            p += len + (p[len] == ',');
        }
    }
    return mask;
}

int cli_run(const cli_run_opts *o)
{
    int status = CLI_OK;
    const char *in_name;
    bool regular;
    /* Names are recorded in NFC: the same name typed either way is one
     * team for sessions --team and the report's history. */
    char *team = NULL, *player = NULL;
    FILE *in = NULL;
    lhost *h = NULL;
    store *st = NULL;
    drill *d = NULL;
    if ((o->team && !(team = cli_name("run", "team", o->team, &status))) ||
        (o->player && !(player = cli_name("run", "player", o->player, &status))))
        goto out;
    if (!(in = cli_inputs_open("run", o->inputs, &in_name, &regular))) {
        status = CLI_EUSER;
        goto out;
    }
    if (!(h = cli_scenario_open(o->search, "run", o->scenario, &status)))
        goto out;
    const scen *sc = lhost_scen(h);
    engine_participant part = { player ? player : "solo",
                                sc->nroles >= 64 ? ~0ULL : (1ULL << sc->nroles) - 1 };
    if (o->roles && o->roles->n > 0 && !(part.roles = roles_mask(sc, o->roles))) {
        status = CLI_EUSER;
        goto out;
    }
    if (!o->no_save) {
        bool missing;
        if (!(st = cli_db_open("run", o->db, true, false, &missing, NULL, &status)))
            goto out;
    }
    cli_observer obs = { false, NULL };
    event_sink sink = cli_observer_sink(&obs);
    drill_opts opts = {
        .seed = o->has_seed ? o->seed : cli_default_seed(),
        .mode = o->mode, .team = team, .lang = o->lang,
        .participants = &part, .nparticipants = 1,
    };
    char err[1024];
    d = drill_new(h, st, &opts, &sink, err, sizeof err, &status);
    h = NULL;   /* the drill has it, or freed it */
    if (!d) {
        cli_error("%s", err);
        goto out;
    }
    obs.d = d;
    /* The lines of a regular file are on disk already: committing them in
     * groups (one fsync for many) loses nothing a crash could not get back
     * from the file. Lines from a pipe or a terminal exist nowhere else, so
     * each is committed before it is applied (docs/cli.md). */
    drill_group_inputs(d, regular && strcmp(o->inputs, "-") != 0);
    status = cli_feed_drill(d, in, in_name);
    /* Also after an invalid line: what came before it is the session. */
    if (status != CLI_EENV && drill_sync(d) != STORE_OK) {
        cli_error("%s", drill_errmsg(d));
        status = CLI_EENV;
    }
    if (status == CLI_OK)
        status = cli_print_result(d, o->json, o->lang);
out:
    drill_free(d);
    lhost_free(h);
    store_close(st);
    cli_inputs_close(in);
    free(team);
    free(player);
    return status;
}
