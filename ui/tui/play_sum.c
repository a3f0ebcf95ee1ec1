/*
 * play_sum.c - the end-of-session summary: the outcome, the score and its
 * breakdown, the metrics, and the scenario's explanations of every missed
 * objective and every penalty.
 */
#include "ui/tui/play_int.h"
#include "ui/tui/textw.h"
#include "engine/sbuf.h"

#include <stdio.h>
#include <string.h>

/* ---- the summary -------------------------------------------------------- */

static long long metric(const play *p, const char *name, long long def)
{
    for (int i = 0; i < p->nmetrics; i++)
        if (strcmp(p->metrics[i].name, name) == 0)
            return p->metrics[i].value;
    return def;
}

static void put_minutes(const play *p, sbuf *sb, msg_id label, const char *name)
{
    long long m = metric(p, name, -2);
    if (m == -2)
        return;
    sb_printf(sb, "  %s: ", T(p->lg, label));
    if (m < 0)
        sb_puts(sb, T(p->lg, M_NEVER));
    else
        sb_printf(sb, T(p->lg, M_MINUTES), (int)m);
    sb_putc(sb, '\n');
}

static msg_id score_kind(const view_score *s)
{
    if (strcmp(s->kind, "objective") == 0)
        return M_KIND_OBJECTIVE;
    if (strcmp(s->kind, "penalty") == 0)
        return M_KIND_PENALTY;
    if (strcmp(s->kind, "hint") == 0)
        return M_KIND_HINT;
    if (strcmp(s->id, "facilitator") == 0)
        return M_KIND_FACILITATOR;
    return M_KIND_AWARD;
}

char *play_build_summary(play *p)
{
    const scen *sc = p->sc;
    lang lg = p->lg;
    sbuf sb = SBUF_INIT;
    char buf[2048];
    const char *outcome = view_outcome(p->v);
    const char *verdict = T(lg, view_success(p->v) ? M_SUCCESS : M_FAILURE);
    if (outcome && strcmp(outcome, "timeout") == 0)
        snprintf(buf, sizeof buf, "%s (%s)", verdict, T(lg, M_TIMEOUT));
    else
        snprintf(buf, sizeof buf, "%s (%s)", verdict, outcome ? outcome : "?");
    sb_printf(&sb, T(lg, M_OUTCOME), buf);
    sb_printf(&sb, "\n%s\n\n", view_ending_text(p->v));
    sb_printf(&sb, T(lg, M_FINAL_SCORE), view_final_score(p->v), scen_max_score(sc));
    sb_printf(&sb, "\n\n%s\n", T(lg, M_BREAKDOWN));
    if (view_score_count(p->v) == 0)
        sb_printf(&sb, "  %s\n", T(lg, M_NO_SCORE_LINES));
    /* The kind of each line in words, padded by columns (Vietnamese
     * words are longer in bytes than on screen). */
    int kw = 0;
    for (int i = 0; i < view_score_count(p->v); i++) {
        int w = tw_width(T(lg, score_kind(view_score_at(p->v, i))));
        kw = w > kw ? w : kw;
    }
    for (int i = 0; i < view_score_count(p->v); i++) {
        const view_score *s = view_score_at(p->v, i);
        const char *k = T(lg, score_kind(s));
        sb_printf(&sb, "  %+4d  %s%*s %s\n", s->points, k, kw - tw_width(k), "",
                  s->text[0] ? s->text : s->id);
    }
    if (p->nmetrics > 0) {
        sb_printf(&sb, "\n%s\n", T(lg, M_METRICS));
        put_minutes(p, &sb, M_MET_DETECT, "detect_minute");
        put_minutes(p, &sb, M_MET_CONTAIN, "contain_minute");
        put_minutes(p, &sb, M_MET_RECOVER, "recover_minute");
        sb_printf(&sb, "  %s: %lld (%lld)\n", T(lg, M_MET_REPORTS), metric(p, "reports", 0),
                  metric(p, "reports_on_time", 0));
        sb_printf(&sb, "  %s: %lld\n", T(lg, M_MET_FP), metric(p, "false_positives", 0));
        sb_printf(&sb, "  %s: %lld\n", T(lg, M_MET_DISMISSED), metric(p, "true_dismissed", 0));
        sb_printf(&sb, "  %s: %lld\n", T(lg, M_MET_HINTS), metric(p, "hints", 0));
    }
    sb_printf(&sb, "\n%s\n", T(lg, M_MISSED));
    bool any = false;
    for (int i = 0; i < sc->nobjectives; i++) {
        if (view_objective(p->v, i, NULL) == 1)
            continue;
        any = true;
        sb_printf(&sb, "  [%s] %s", T(lg, B_MISSED), ui_text(&sc->objectives[i].label, lg, buf, sizeof buf));
        sb_printf(&sb, " (%d)\n", sc->objectives[i].points);
        if (!text_empty(&sc->objectives[i].explain))
            sb_printf(&sb, "    %s\n", ui_text(&sc->objectives[i].explain, lg, buf, sizeof buf));
    }
    if (!any)
        sb_printf(&sb, "  %s\n", T(lg, M_NO_MISSED));
    any = false;
    for (int i = 0; i < view_score_count(p->v); i++) {
        const view_score *s = view_score_at(p->v, i);
        int k = strcmp(s->kind, "penalty") == 0 ? scen_penalty_find(sc, s->id) : -1;
        if (k < 0)
            continue;
        if (!any)
            sb_printf(&sb, "\n%s\n", T(lg, M_PENALTIES));
        any = true;
        sb_printf(&sb, "  %+d %s\n", s->points, ui_text(&sc->penalties[k].label, lg, buf, sizeof buf));
        if (!text_empty(&sc->penalties[k].explain))
            sb_printf(&sb, "    %s\n", ui_text(&sc->penalties[k].explain, lg, buf, sizeof buf));
    }
    if (p->session)
        sb_printf(&sb, "\n%s\n", T(lg, M_SUMMARY_NEXT));
    if (sb.oom) {
        sb_free(&sb);
        return NULL;
    }
    return sb_take(&sb);
}

