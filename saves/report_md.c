/*
 * report_md.c - the after-action report as Markdown (GitHub-flavoured
 * tables), laid out to be printed and signed. Every string that did not
 * come from this file goes through md_put.
 */
#include "saves/report_int.h"

#include <stdlib.h>

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static void heading(sbuf *o, int level, int num, const char *title)
{
    sb_putc(o, '\n');
    for (int i = 0; i < level; i++)
        sb_putc(o, '#');
    if (num > 0)
        sb_printf(o, " %d.", num);
    sb_printf(o, " %s\n\n", title);
}

static void row2(sbuf *o, const char *label, const char *value)
{
    sb_printf(o, "| %s | ", label);
    md_put(o, value);
    sb_puts(o, " |\n");
}

static void header(const rep *r, sbuf *o)
{
    const store_session *ss = &r->l->sess;
    lang lg = r->lg;
    sbuf v = SBUF_INIT;
    sb_printf(o, "# %s — ", rs_get(RS_TITLE, lg));
    md_put(o, rep_title(r));
    sb_puts(o, "\n\n| | |\n|---|---|\n");
    sb_printf(&v, "%s (%s, %s %d)", rep_title(r), ss->scenario_id, rs_get(RS_VERSION, lg),
              r->sc ? r->sc->version : ss->scenario_version);
    row2(o, rs_get(RS_SCENARIO, lg), sb_str(&v));
    sb_reset(&v);
    sb_printf(&v, "%.10s", ss->started ? ss->started : "");
    if (ss->started && strlen(ss->started) >= 16)
        sb_printf(&v, " %.5s", ss->started + 11);
    if (ss->ended && strlen(ss->ended) >= 16)
        sb_printf(&v, " – %.5s", ss->ended + 11);
    sb_puts(&v, " UTC");
    row2(o, rs_get(RS_DATE, lg), sb_str(&v));
    row2(o, rs_get(RS_TEAM, lg), ss->team);
    row2(o, rs_get(RS_MODE, lg), rep_mode(r, ss->mode));
    sb_reset(&v);
    sb_printf(&v, "%" PRIu64, ss->seed);
    row2(o, rs_get(RS_SEED, lg), sb_str(&v));
    sb_reset(&v);
    sb_printf(&v, "%" PRId64 " (%s)", ss->id, rep_status(r, ss->status));
    row2(o, rs_get(RS_SESSION, lg), sb_str(&v));
    sb_reset(&v);
    sb_printf(&v, "%s (%d %s)", ss->ninputs ? ss->head : ss->genesis, ss->ninputs,
              rs_get(ss->ninputs == 1 ? RS_INPUT : RS_INPUTS, lg));
    row2(o, rs_get(RS_FINGERPRINT, lg), sb_str(&v));
    if (!r->sc)
        sb_printf(o, "\n> %s\n", rs_get(RS_NO_SCENARIO, lg));

    heading(o, 2, 0, rs_get(RS_PARTICIPANTS, lg));
    sb_printf(o, "| %s | %s |\n|---|---|\n", rs_get(RS_NAME, lg), rs_get(RS_ROLES, lg));
    for (int i = 0; i < ss->nparts; i++) {
        sb_puts(o, "| ");
        md_put(o, ss->parts[i].name);
        sb_puts(o, " | ");
        /* roles are ids "lead,soc": show their names */
        sb_reset(&v);
        for (const char *p = ss->parts[i].roles; p && *p;) {
            const char *c = strchr(p, ',');
            size_t len = c ? (size_t)(c - p) : strlen(p);
            char id[80];
            snprintf(id, sizeof id, "%.*s", (int)(len < 79 ? len : 79), p);
            sb_printf(&v, "%s%s", v.len ? ", " : "", rep_role(r, id));
            p = c ? c + 1 : NULL;
        }
        md_put(o, sb_str(&v));
        sb_puts(o, " |\n");
    }
    if (v.oom)
        o->oom = true;
    sb_free(&v);
}

static void outcome(const rep *r, sbuf *o)
{
    const store_session *ss = &r->l->sess;
    lang lg = r->lg;
    heading(o, 2, 1, rs_get(RS_OUTCOME_SCORE, lg));
    sb_printf(o, "**%s:** ", rs_get(RS_OUTCOME, lg));
    if (ss->outcome) {
        md_put(o, r->outcome_text ? r->outcome_text : ss->outcome);
        sb_puts(o, " (");
        md_put(o, ss->outcome);
        sb_puts(o, ")");
    } else {
        sb_puts(o, rs_get(RS_NOT_ENDED, lg));
    }
    sb_printf(o, "  \n**%s:** %d / %d", rs_get(RS_SCORE, lg), ss->score, ss->max_score);
    if (ss->max_score > 0)
        sb_printf(o, " (%d%%)", ss->score * 100 / ss->max_score);
    sb_printf(o, "\n\n%s: %+d · %s: %+d · %s: %+d · %s: %+d\n",
              rs_get(RS_K_OBJECTIVE, lg), r->by_kind[0], rs_get(RS_K_PENALTY, lg), r->by_kind[1],
              rs_get(RS_K_HINT, lg), r->by_kind[2], rs_get(RS_K_AWARD, lg), r->by_kind[3]);

    heading(o, 3, 0, rs_get(RS_BREAKDOWN, lg));
    sb_printf(o, "| %s | %s | %s | %s | %s |\n|---|---|---:|---:|---|\n", rs_get(RS_KIND, lg),
              rs_get(RS_ITEM, lg), rs_get(RS_POINTS, lg), rs_get(RS_TURN, lg),
              rs_get(RS_TIME, lg));
    for (int i = 0; i < r->l->nscores; i++) {
        const engine_score_entry *se = &r->l->scores[i];
        const char *why = text_get(&se->reason, lg);
        sb_printf(o, "| %s | ", rep_kind(r, se->kind));
        md_put(o, *why ? why : se->id);
        sb_printf(o, " | %+d | %d | ", se->points, se->turn);
        rep_clock(o, se->minute);
        sb_puts(o, " |\n");
    }
    sb_printf(o, "| **%s** | | **%d** | | |\n", rs_get(RS_TOTAL, lg), ss->score);

    heading(o, 3, 0, rs_get(RS_OBJECTIVES, lg));
    sb_printf(o, "| %s | %s | %s | %s |\n|---|---:|---|---|\n", rs_get(RS_K_OBJECTIVE, lg),
              rs_get(RS_POINTS, lg), rs_get(RS_DEADLINE, lg), rs_get(RS_RESULT, lg));
    for (int i = 0; i < r->nobj; i++) {
        const rep_obj *ob = &r->obj[i];
        sb_puts(o, "| ");
        md_put(o, ob->label);
        if (ob->points >= 0)
            sb_printf(o, " | %d | ", ob->points);
        else
            sb_puts(o, " | — | ");
        if (ob->by_turn > 0)
            sb_printf(o, "%s %d", rs_get(RS_BY_TURN, lg), ob->by_turn);
        else if (ob->within_minutes > 0)
            rep_clock(o, ob->within_minutes);
        else
            sb_puts(o, "—");
        sb_puts(o, " | ");
        if (ob->state == OBJ_MET) {
            sb_printf(o, "%s ", rs_get(RS_MET_AT, lg));
            rep_clock(o, ob->minute);
        } else {
            sb_puts(o, rs_get(ob->state == OBJ_MISSED ? RS_MISSED : RS_NOT_REACHED, lg));
        }
        sb_puts(o, " |\n");
    }
}

static void metric_row(const rep *r, sbuf *o, sbuf *v, const store_metric *m)
{
    sb_puts(o, "| ");
    sb_reset(v);
    rep_metric_label(r, m->name, v);
    md_put(o, sb_str(v));
    sb_puts(o, " | ");
    sb_reset(v);
    rep_metric_value(r, m->name, m->value, v);
    md_put(o, sb_str(v));
    sb_puts(o, " |\n");
}

/* The named metrics in the order of product.md §5, then downtime per
 * asset and actions per role as recorded. */
static void metrics(const rep *r, sbuf *o)
{
    heading(o, 2, 2, rs_get(RS_METRICS, r->lg));
    if (!r->l->sess.outcome)
        sb_printf(o, "%s\n\n", rs_get(RS_METRICS_SO_FAR, r->lg));
    sb_printf(o, "| %s | %s |\n|---|---:|\n", rs_get(RS_METRIC, r->lg), rs_get(RS_VALUE, r->lg));
    sbuf v = SBUF_INIT;
    const store_loaded *l = r->l;
    for (int k = 0; k < rep_metric_order_count(); k++)
        for (int i = 0; i < l->nmetrics; i++)
            if (strcmp(l->metrics[i].name, rep_metric_order(k)) == 0)
                metric_row(r, o, &v, &l->metrics[i]);
    for (int i = 0; i < l->nmetrics; i++)
        if (rep_metric_known(l->metrics[i].name) < 0)
            metric_row(r, o, &v, &l->metrics[i]);
    if (v.oom)
        o->oom = true;
    sb_free(&v);
}

/* Ground truth on the left, the team's view on the right, one event a row:
 * what the attacker did and what the team saw of it line up by time. */
static void timeline(const rep *r, sbuf *o)
{
    heading(o, 2, 3, rs_get(RS_TIMELINE, r->lg));
    if (r->l->damaged)
        sb_printf(o, "> %s\n\n", rs_get(RS_DAMAGED, r->lg));
    if (r->l->nevents == 0) {
        sb_printf(o, "%s\n", rs_get(RS_NO_EVENTS, r->lg));
        return;
    }
    sbuf d = SBUF_INIT;
    int turn = -1;
    for (int i = 0; i < r->l->nevents; i++) {
        const store_event *e = &r->l->events[i];
        if (e->kind_ok && (e->ev.kind == EVK_TURN || e->ev.kind == EVK_READY))
            continue;
        if (e->ev.turn != turn || turn < 0) {
            sb_printf(o, "%s### %s %d\n\n| %s | %s | %s |\n|---|---|---|\n", turn < 0 ? "" : "\n",
                      rs_get(RS_TURN_N, r->lg),
                      e->ev.turn, rs_get(RS_TIME, r->lg), rs_get(RS_TRUTH, r->lg),
                      rs_get(RS_TEAMVIEW, r->lg));
            turn = e->ev.turn;
        }
        sb_reset(&d);
        rep_describe(r, e, &d);
        sb_puts(o, "| ");
        rep_clock(o, e->ev.minute);
        sb_puts(o, e->ev.vis == EV_TRUTH ? " | " : " | | ");
        md_put(o, sb_str(&d));
        sb_puts(o, e->ev.vis == EV_TRUTH ? " | |\n" : " |\n");
    }
    if (d.oom)
        o->oom = true;
    sb_free(&d);
}

static void mistakes(const rep *r, sbuf *o)
{
    heading(o, 2, 4, rs_get(RS_MISTAKES, r->lg));
    if (r->nmist == 0)
        sb_printf(o, "%s\n", rs_get(RS_NO_MISTAKES, r->lg));
    for (int i = 0; i < r->nmist; i++) {
        sb_printf(o, "%d. **", i + 1);
        md_put(o, r->mist[i].a);
        sb_puts(o, "**");
        if (*r->mist[i].b) {
            sb_puts(o, "  \n   ");
            md_put(o, r->mist[i].b);
        }
        sb_putc(o, '\n');
    }
}

static void plan(const rep *r, sbuf *o)
{
    lang lg = r->lg;
    heading(o, 2, 5, rs_get(RS_PLAN, lg));
    if (r->nplan == 0) {
        sb_printf(o, "%s\n", rs_get(RS_NO_PLAN, lg));
        return;
    }
    sb_printf(o, "| %s | %s | %s | %s | %s |\n|---|---|---|---|---|\n",
              rs_get(RS_CAPABILITY, lg), rs_get(RS_OBSERVATION, lg),
              rs_get(RS_RECOMMENDATION, lg), rs_get(RS_OWNER, lg), rs_get(RS_DUE, lg));
    for (int i = 0; i < r->nplan; i++) {
        const rep_item *it = &r->plan[i];
        const char *cells[5] = { it->a, it->b, it->c, it->d, it->e };
        for (int c = 0; c < 5; c++) {
            sb_puts(o, "| ");
            md_put(o, cells[c]);
            sb_putc(o, ' ');
        }
        sb_puts(o, "|\n");
    }
}

static void history_row(const rep *r, sbuf *o, const store_session *h, bool self)
{
    sb_printf(o, "| %" PRId64 "%s%s%s | %.10s | %s | ", h->id, self ? " (" : "",
              self ? rs_get(RS_THIS_SESSION, r->lg) : "", self ? ")" : "",
              h->started ? h->started : "", rep_mode(r, h->mode));
    /* the ending as the scenario words it, its first sentence (a table
     * cell); the id when the scenario does not declare it */
    const char *ending = h->outcome ? rep_ending(r, h->outcome) : NULL;
    if (ending) {
        const char *stop = strstr(ending, ". ");
        char *first = xstrndup(ending, stop ? (size_t)(stop - ending) + 1 : strlen(ending));
        md_put(o, first ? first : ending);
        free(first);
    } else {
        md_put(o, h->outcome ? h->outcome : rep_status(r, h->status));
    }
    sb_printf(o, " | %d / %d | %d | ", h->score, h->max_score, h->turn);
    if (h->detect_minute >= 0)
        rep_clock(o, h->detect_minute);
    else
        sb_puts(o, rs_get(RS_NEVER, r->lg));
    sb_puts(o, " | ");
    if (h->contain_minute >= 0)
        rep_clock(o, h->contain_minute);
    else
        sb_puts(o, rs_get(RS_NEVER, r->lg));
    sb_puts(o, " |\n");
}

static void history(const rep *r, sbuf *o)
{
    lang lg = r->lg;
    heading(o, 2, 6, rs_get(RS_HISTORY, lg));
    /* Without a team, "earlier sessions" are those of the same people. */
    bool people = !r->l->sess.team || !r->l->sess.team[0];
    if (r->nhist == 0) {
        sb_printf(o, "%s\n", rs_get(people ? RS_NO_HISTORY_PEOPLE : RS_NO_HISTORY, lg));
        return;
    }
    sb_printf(o, "%s\n\n", rs_get(people ? RS_HISTORY_PEOPLE : RS_HISTORY_TEAM, lg));
    sb_printf(o, "| %s | %s | %s | %s | %s | %s | %s | %s |\n"
              "|---|---|---|---|---:|---:|---|---|\n",
              rs_get(RS_SESSION, lg), rs_get(RS_DATE, lg), rs_get(RS_MODE, lg),
              rs_get(RS_OUTCOME, lg), rs_get(RS_SCORE, lg), rs_get(RS_TURNS, lg),
              rs_get(RS_DETECT_SHORT, lg), rs_get(RS_CONTAIN_SHORT, lg));
    history_row(r, o, &r->l->sess, true);
    for (int i = 0; i < r->nhist; i++)
        history_row(r, o, &r->hist[i], false);
}

static void signoff(const rep *r, sbuf *o)
{
    lang lg = r->lg;
    heading(o, 2, 0, rs_get(RS_SIGN, lg));
    sb_printf(o, "| %s | %s |\n|---|---|\n| %s<br><br><br> | %s<br><br><br> |\n",
              rs_get(RS_FACILITATOR, lg), rs_get(RS_TEAM_LEAD, lg), rs_get(RS_SIGNATURE, lg),
              rs_get(RS_SIGNATURE, lg));
}

int md_write(const rep *r, sbuf *o)
{
    header(r, o);
    outcome(r, o);
    metrics(r, o);
    timeline(r, o);
    mistakes(r, o);
    plan(r, o);
    history(r, o);
    signoff(r, o);
    return o->oom ? STORE_ENOMEM : STORE_OK;
}
