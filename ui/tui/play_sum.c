/*
 * play_sum.c - the end-of-session summary (see ui.h): the outcome, the
 * score and its breakdown, the metrics (product.md §5: times to detect,
 * contain and recover, reports, false positives, downtime of each system,
 * actions per role, hints), and the scenario's explanations of every
 * missed objective and every penalty. The play screen shows it when the
 * session ends (and again with s); the review shows it with s.
 */
#include "ui/tui/ui.h"
#include "ui/tui/textw.h"
#include "engine/sbuf.h"

#include <stdio.h>
#include <string.h>

static const tui_metric *metric(const tui_metric *m, int nm, const char *name)
{
    for (int i = 0; i < nm; i++)
        if (strcmp(m[i].name, name) == 0)
            return &m[i];
    return NULL;
}

static void put_minutes(sbuf *sb, lang lg, const tui_metric *m, int nm, msg_id label,
                        const char *name)
{
    const tui_metric *x = metric(m, nm, name);
    if (!x)
        return;
    sb_printf(sb, "  %s: " DRAW_HANG, T(lg, label));
    if (x->value < 0)
        sb_puts(sb, T(lg, M_NEVER));
    else
        sb_printf(sb, T(lg, M_MINUTES), (int)x->value);
    sb_putc(sb, '\n');
}

static void put_count(sbuf *sb, lang lg, const tui_metric *m, int nm, msg_id label,
                      const char *name)
{
    const tui_metric *x = metric(m, nm, name);
    if (x)
        sb_printf(sb, "  %s: " DRAW_HANG "%lld\n", T(lg, label), x->value);
}

/* Downtime of each system, actions completed by each role: every one the
 * scenario declares, as the report lists them. */
static void put_each(sbuf *sb, const scen *sc, lang lg, const tui_metric *m, int nm, bool assets)
{
    int n = assets ? sc->nassets : sc->nroles;
    bool any = false;
    char name[128], buf[256];
    for (int i = 0; i < n; i++) {
        snprintf(name, sizeof name, "%s.%s", assets ? "downtime" : "actions",
                 assets ? sc->assets[i].id : sc->roles[i].id);
        const tui_metric *x = metric(m, nm, name);
        if (!x)
            continue;
        if (!any)
            sb_printf(sb, "  %s:\n", T(lg, assets ? M_MET_DOWNTIME : M_MET_ACTIONS));
        any = true;
        if (assets)
            ui_text(&sc->assets[i].name, lg, buf, sizeof buf);
        else
            ui_role_name(sc, i, lg, buf, sizeof buf);
        sb_printf(sb, "    %s: " DRAW_HANG, buf);
        if (assets)
            sb_printf(sb, T(lg, M_MINUTES), (int)x->value);
        else
            sb_printf(sb, "%lld", x->value);
        sb_putc(sb, '\n');
    }
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

void ui_outcome_words(const view *v, char *buf, size_t size)
{
    lang lg = view_lang(v);
    const char *outcome = view_outcome(v);
    const char *verdict = T(lg, view_success(v) ? M_SUCCESS : M_FAILURE);
    if (outcome && strcmp(outcome, "timeout") == 0)
        snprintf(buf, size, "%s (%s)", verdict, T(lg, M_TIMEOUT));
    else
        snprintf(buf, size, "%s", verdict);
}

char *ui_summary(const view *v, const tui_metric *m, int nm, bool saved)
{
    const scen *sc = view_scen(v);
    lang lg = view_lang(v);
    sbuf sb = SBUF_INIT;
    char buf[2048];
    ui_outcome_words(v, buf, sizeof buf);
    sb_printf(&sb, T(lg, M_OUTCOME), buf);
    sb_printf(&sb, "\n%s\n\n", view_ending_text(v));
    sb_printf(&sb, T(lg, M_FINAL_SCORE), view_final_score(v), scen_max_score(sc));
    sb_printf(&sb, "\n\n%s\n", T(lg, M_BREAKDOWN));
    if (view_score_count(v) == 0)
        sb_printf(&sb, "  %s\n", T(lg, M_NO_SCORE_LINES));
    /* The kind of each line in words, padded by columns (Vietnamese
     * words are longer in bytes than on screen); a line that wraps goes
     * on under its label. */
    int kw = 0;
    for (int i = 0; i < view_score_count(v); i++) {
        int w = tw_width(T(lg, score_kind(view_score_at(v, i))));
        kw = w > kw ? w : kw;
    }
    for (int i = 0; i < view_score_count(v); i++) {
        const view_score *s = view_score_at(v, i);
        const char *k = T(lg, score_kind(s));
        sb_printf(&sb, "  %+4d  %s%*s " DRAW_HANG "%s\n", s->points, k, kw - tw_width(k), "",
                  s->text[0] ? s->text : s->id);
    }
    if (nm > 0) {
        sb_printf(&sb, "\n%s\n", T(lg, M_METRICS));
        put_minutes(&sb, lg, m, nm, M_MET_DETECT, "detect_minute");
        put_minutes(&sb, lg, m, nm, M_MET_CONTAIN, "contain_minute");
        put_minutes(&sb, lg, m, nm, M_MET_RECOVER, "recover_minute");
        const tui_metric *r = metric(m, nm, "reports"), *rt = metric(m, nm, "reports_on_time");
        if (r)
            sb_printf(&sb, "  %s: " DRAW_HANG "%lld (%lld)\n", T(lg, M_MET_REPORTS), r->value,
                      rt ? rt->value : 0);
        put_count(&sb, lg, m, nm, M_MET_FP, "false_positives");
        put_count(&sb, lg, m, nm, M_MET_DISMISSED, "true_dismissed");
        put_count(&sb, lg, m, nm, M_MET_HINTS, "hints");
        put_each(&sb, sc, lg, m, nm, true);
        put_each(&sb, sc, lg, m, nm, false);
    }
    sb_printf(&sb, "\n%s\n", T(lg, M_MISSED));
    bool any = false;
    for (int i = 0; i < sc->nobjectives; i++) {
        if (view_objective(v, i, NULL) == 1)
            continue;
        any = true;
        sb_printf(&sb, "  [%s] " DRAW_HANG "%s", T(lg, B_MISSED),
                  ui_text(&sc->objectives[i].label, lg, buf, sizeof buf));
        sb_printf(&sb, " (%d)\n", sc->objectives[i].points);
        if (!text_empty(&sc->objectives[i].explain))
            sb_printf(&sb, "    %s\n", ui_text(&sc->objectives[i].explain, lg, buf, sizeof buf));
    }
    if (!any)
        sb_printf(&sb, "  %s\n", T(lg, M_NO_MISSED));
    any = false;
    for (int i = 0; i < view_score_count(v); i++) {
        const view_score *s = view_score_at(v, i);
        int k = strcmp(s->kind, "penalty") == 0 ? scen_penalty_find(sc, s->id) : -1;
        if (k < 0)
            continue;
        if (!any)
            sb_printf(&sb, "\n%s\n", T(lg, M_PENALTIES));
        any = true;
        sb_printf(&sb, "  %+d " DRAW_HANG "%s\n", s->points,
                  ui_text(&sc->penalties[k].label, lg, buf, sizeof buf));
        if (!text_empty(&sc->penalties[k].explain))
            sb_printf(&sb, "    %s\n", ui_text(&sc->penalties[k].explain, lg, buf, sizeof buf));
    }
    if (saved)
        sb_printf(&sb, "\n%s\n", T(lg, M_SUMMARY_NEXT));
    if (sb.oom) {
        sb_free(&sb);
        return NULL;
    }
    return sb_take(&sb);
}
