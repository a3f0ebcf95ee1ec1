/*
 * play_act.c - choosing an action on the play screen: the action, then
 * what it needs (a target from a pick list, a verdict, an indicator typed
 * in, a recipient and facts in the composer), then a confirmation; and
 * the shortcuts that start this from a system, a signal or the queue.
 */
#include "ui/tui/play_int.h"

#include <stdio.h>
#include <string.h>

/* ---- building an action ------------------------------------------------- */

static bool switch_for(play *p, int action);

void play_start_action(play *p, int action, const char *target)
{
    if (!switch_for(p, action))
        return;
    const scen_action *a = &p->sc->actions[action];
    /* Not enough action points: said now, in words, not after the
     * confirmation by the engine. */
    int left = view_ap_left(p->v, p->role);
    if (a->cost > left) {
        char rn[256], label[256];
        ui_role_name(p->sc, p->role, p->lg, rn, sizeof rn);
        ui_text(&a->label, p->lg, label, sizeof label);
        ov_close(p);
        play_msg(p, ST_WARN, T(p->lg, M_MSG_NO_AP), rn, label[0] ? label : a->id, a->cost, left);
        return;
    }
    p->b_action = action;
    snprintf(p->b_target, sizeof p->b_target, "%s", target ? target : "");
    p->b_verdict = -1;
    memset(p->facts_on, 0, (size_t)(p->sc->nfacts ? p->sc->nfacts : 1) * sizeof *p->facts_on);
    if (strcmp(a->id, "hint") == 0) {
        ov_close(p);
        p->ov = OV_HINT;
        return;
    }
    play_next_step(p);
}

static void pick_targets(play *p, const scen_action *a, const char *label)
{
    char title[600], name[256], line[512];
    ov_pick_clear(p);
    switch (a->target) {
    case TGT_ASSET:
        snprintf(title, sizeof title, T(p->lg, M_PICK_ASSET), label);
        for (int i = 0; i < p->sc->nassets; i++) {
            ui_text(&p->sc->assets[i].name, p->lg, name, sizeof name);
            ov_pick_add(p, p->sc->assets[i].id, name, ST_NORMAL);
        }
        break;
    case TGT_SIGNAL:
        snprintf(title, sizeof title, T(p->lg, M_PICK_SIGNAL), label);
        for (int i = view_signal_count(p->v) - 1; i >= 0; i--) {
            const view_item *s = view_signal_at(p->v, i);
            msg_id b;
            int st;
            ui_item_line(p->v, s, name, sizeof name, &b, &st);
            const char *sev = ui_severity(s->severity, p->lg, &st);
            snprintf(line, sizeof line, "[%s]%s %s: %s", sev,
                     s->verdict < 0 ? "" : s->verdict ? "[✓]" : "[✗]", s->subject, name);
            ov_pick_add(p, s->subject, line, s->verdict < 0 ? st : ST_DIM);
        }
        if (!p->npick) {
            play_msg(p, ST_WARN, "%s", T(p->lg, M_PICK_NO_SIGNAL));
            ov_close(p);
            return;
        }
        break;
    case TGT_SUPPORT:
        snprintf(title, sizeof title, T(p->lg, M_PICK_SUPPORT), label);
        for (int i = 0; i < p->sc->nsupports; i++)
            ov_pick_add(p, p->sc->supports[i].id,
                        ui_text(&p->sc->supports[i].name, p->lg, name, sizeof name), ST_NORMAL);
        break;
    case TGT_RECIPIENT:
    case TGT_AUDIENCE: {
        bool rec = a->target == TGT_RECIPIENT;
        const scen_named *v = rec ? p->sc->recipients : p->sc->audiences;
        int n = rec ? p->sc->nrecipients : p->sc->naudiences;
        snprintf(title, sizeof title, "%s: %s", label, T(p->lg, rec ? M_RECIPIENT : M_AUDIENCE));
        for (int i = 0; i < n; i++)
            ov_pick_add(p, v[i].id, ui_text(&v[i].name, p->lg, name, sizeof name), ST_NORMAL);
        break;
    }
    default:
        title[0] = '\0';
        break;
    }
    ov_open_pick(p, PICK_TARGET, title);
}

void play_next_step(play *p)
{
    const scen_action *a = &p->sc->actions[p->b_action];
    char label[256];
    ui_text(&a->label, p->lg, label, sizeof label);
    if (label[0] == '\0')
        snprintf(label, sizeof label, "%s", a->id);
    if (a->target != TGT_NONE && !p->b_target[0]) {
        if (a->target == TGT_INDICATOR) {
            char title[512];
            snprintf(title, sizeof title, T(p->lg, M_PICK_INDICATOR), label);
            play_open_text(p, TEXT_INDICATOR, title);
        } else if (a->facts && (a->target == TGT_RECIPIENT || a->target == TGT_AUDIENCE)) {
            ov_close(p);
            p->ov = OV_COMPOSE;
            p->compose_focus = p->compose_rsel = p->compose_fsel = 0;
        } else {
            pick_targets(p, a, label);
        }
        return;
    }
    if (a->verdict && p->b_verdict < 0) {
        char title[256];
        snprintf(title, sizeof title, T(p->lg, M_PICK_VERDICT), p->b_target);
        ov_pick_clear(p);
        ov_pick_add(p, "true", T(p->lg, M_V_TRUE), ST_ALERT);
        ov_pick_add(p, "false", T(p->lg, M_V_FALSE), ST_OK);
        ov_open_pick(p, PICK_VERDICT, title);
        return;
    }
    ov_close(p);
    p->ov = OV_CONFIRM;
}

/* The role to take action for: the acting role when it may, else the
 * first other role of the same player that may (one player holding
 * several roles need not switch by hand); -1 when none of theirs may. */
int play_role_for(const play *p, int action)
{
    const scen_action *a = &p->sc->actions[action];
    int pl = play_player_of(p, p->role);
    /* Among the roles that may: the acting one, then the player's others;
     * one that can still afford it first. */
    int best = -1, afford = -1;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < a->nroles; i++) {
            int r = a->roles[i];
            bool mine = pass == 0 ? r == p->role
                                  : pl >= 0 && r >= 0 && r < 64 && (p->players[pl].roles >> r & 1);
            if (!mine)
                continue;
            if (best < 0)
                best = r;
            if (afford < 0 && view_ap_left(p->v, r) >= a->cost)
                afford = r;
        }
    return afford >= 0 ? afford : best;
}

/* Take the action for the role that may: switch to it, and say so. */
static bool switch_for(play *p, int action)
{
    int r = play_role_for(p, action);
    if (r < 0) {
        char label[256];
        ui_text(&p->sc->actions[action].label, p->lg, label, sizeof label);
        play_msg(p, ST_WARN, T(p->lg, M_MSG_NO_ROLE_FOR), label[0] ? label : p->sc->actions[action].id);
        return false;
    }
    if (r != p->role) {
        play_set_role(p, r);
        char rname[256];
        play_msg(p, ST_INFO, T(p->lg, M_MSG_ACTING_AS), ui_role_name(p->sc, r, p->lg, rname, sizeof rname));
    }
    return true;
}

/* Enter on a system: every action on systems the player of the acting
 * role can take, each for the role that takes it. */
void play_act_on_asset(play *p)
{
    int a = p->sel[PANE_ASSETS];
    if (a >= p->sc->nassets)
        return;
    char name[256], title[512], rn[256], line[600];
    ov_pick_clear(p);
    for (int k = 0; k < p->sc->nactions; k++) {
        const scen_action *sa = &p->sc->actions[k];
        int r = sa->target == TGT_ASSET ? play_role_for(p, k) : -1;
        if (r < 0)
            continue;
        ui_text(&sa->label, p->lg, name, sizeof name);
        if (r == p->role)
            snprintf(line, sizeof line, "%s", name[0] ? name : sa->id);
        else
            snprintf(line, sizeof line, "%s (%s)", name[0] ? name : sa->id,
                     ui_role_name(p->sc, r, p->lg, rn, sizeof rn));
        ov_pick_add(p, sa->id, line, sa->cost > view_ap_left(p->v, r) ? ST_DIM : ST_NORMAL);
    }
    if (!p->npick) {
        play_msg(p, ST_WARN, "%s", T(p->lg, M_NO_ACTIONS));
        return;
    }
    snprintf(p->b_target, sizeof p->b_target, "%s", p->sc->assets[a].id);
    snprintf(title, sizeof title, "%s", ui_text(&p->sc->assets[a].name, p->lg, name, sizeof name));
    ov_open_pick(p, PICK_ACTION, title);
}

void play_triage_selected(play *p)
{
    const view_item *it = play_feed_item(p, p->sel[PANE_FEED]);
    int ai = scen_action_find(p->sc, "triage");
    if (p->focus != PANE_FEED || !it) {
        play_msg(p, ST_WARN, "%s", T(p->lg, M_MSG_T_WHERE));
        return;
    }
    if (it->kind != EVK_SIGNAL) {
        play_msg(p, ST_WARN, "%s", T(p->lg, M_MSG_T_NOT_SIGNAL));
        return;
    }
    if (ai < 0 || !switch_for(p, ai))
        return;
    play_start_action(p, ai, it->subject);
}

void play_cancel_selected(play *p)
{
    if (p->focus != PANE_QUEUE || p->sel[PANE_QUEUE] >= p->nqueue) {
        play_msg(p, ST_WARN, "%s", T(p->lg, M_MSG_X_WHERE));
        return;
    }
    const view_action *a = view_action_at(p->v, p->queue[p->sel[PANE_QUEUE]]);
    if (a->turn_queued < view_turn(p->v)) {
        /* Under way since an earlier turn: the engine would refuse it. */
        play_msg(p, ST_WARN, T(p->lg, M_MSG_RUNNING), a->qid, a->done_turn);
        return;
    }
    p->b_qid = a->qid;
    p->b_action = a->action;
    p->ov = OV_CANCEL;
}

