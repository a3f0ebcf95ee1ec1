/*
 * view.h - the view model: what a screen shows, folded from events.
 *
 * A view is built from the event stream alone, one event at a time
 * (view_fold), never from the engine's private state, so the same screens
 * serve a local session, a resumed one (its replayed events are folded
 * the same way) and, later, one hosted across a socket. A player's view
 * folds team events only; a facilitator's or the review's view
 * (truth = true) folds the ground truth too. The scenario's declarations
 * (names of assets, roles, actions, objectives ...) come from the scen the
 * session plays, which every side has.
 *
 * Folding is incremental and costs O(1) per event (amortised; a triage
 * looks its signal up by id in a hash table), so a screen never rebuilds
 * anything from the whole log when a key is pressed.
 *
 * Every string kept here is sanitised (text_sanitize, newlines kept) in
 * the view's language when it is folded, so drawing code can send it to
 * the terminal as it is.
 *
 * Ownership: a view borrows its scen (which must outlive it) and owns
 * everything else. Pointers into a view live until the next view_fold or
 * view_free.
 */
#ifndef IRDRILL_TUI_VIEW_H
#define IRDRILL_TUI_VIEW_H

#include "engine/event.h"
#include "engine/scen.h"
#include "engine/text.h"

#include <stdbool.h>
#include <stdint.h>

/* One line of the feed: a signal, a message, a result. */
typedef struct view_item {
    uint32_t seq;
    int turn, minute;
    ev_kind kind;
    ev_vis vis;
    char *subject;        /* signal, asset, objective, hint ... id; may be NULL */
    char *field;          /* asset field (state, reveal), score kind */
    char *role;           /* acting role id, or NULL */
    char *text;           /* the event's text in the view's language ("" if none) */
    char *target;         /* done/queued: the action's target; report: facts */
    int64_t value;
    /* signals */
    char *source, *severity, *asset, *technique;
    int verdict;          /* the team's triage: -1 none, 0 false, 1 true */
    int truth;            /* -1 unknown (team view), 0 false positive, 1 true */
    bool unread;
} view_item;

typedef enum view_qstate { VQ_QUEUED, VQ_CANCELLED, VQ_DONE } view_qstate;

/* One action the team queued (index qid-1). */
typedef struct view_action {
    int qid;
    int role, action;     /* indices into the scen; -1 if unknown */
    char *target;         /* NULL for none */
    int verdict;          /* -1, 0, 1 */
    char *facts;          /* comma-separated, or NULL */
    int turn_queued, done_turn;
    view_qstate state;
} view_action;

/* One line of the score. */
typedef struct view_score {
    char *kind;           /* "objective", "penalty", "hint", "award" */
    char *id;
    int points, turn;
    char *text;           /* label or reason */
} view_score;

typedef struct view view;

/* A view of a session of sc in language lg; truth: fold ground-truth
 * events too. NULL on OOM. */
view *view_new(const scen *sc, lang lg, bool truth);
void view_free(view *v);

/* Fold one event. Returns 0, or -1 when memory ran out (the view then
 * stays as it was before this event, and view_oom is true). */
int view_fold(view *v, const event *ev);
bool view_oom(const view *v);

/* A sink that folds every event into v (ctx = v). */
event_sink view_sink(view *v);

const scen *view_scen(const view *v);
lang view_lang(const view *v);
bool view_truth(const view *v);

/* The clock: current turn (0 before the session starts), the simulated
 * minute since the start, the mode recorded by the session event. */
int view_turn(const view *v);
int view_minute(const view *v);
bool view_exercise(const view *v);
uint32_t view_last_seq(const view *v);

/* Score as the team's events tell it (objectives, penalties, awards,
 * hints), and the scenario's maximum. */
int view_score_total(const view *v);
int view_score_count(const view *v);
const view_score *view_score_at(const view *v, int i);

/* Objectives: -1 open, 0 missed for good, 1 met; the turn it was decided. */
int view_objective(const view *v, int i, int *turn);
bool view_hint_taken(const view *v, int i);
/* The next hint the team could take now (its index), or -1: the first
 * one not taken, when its turn has come. */
int view_hint_next(const view *v);

/* Assets: what the view knows of a field: -1 unknown, 0 or 1. A team view
 * knows the fields the team observes, and the others once revealed (until
 * they change again); a truth view knows everything. */
int view_asset(const view *v, int asset, int field);
/* For a team view, whether the field's value came from a reveal (vs. the
 * team's own observation). */
bool view_asset_revealed(const view *v, int asset, int field);

/* The feed, oldest first. */
int view_item_count(const view *v);
view_item *view_item_at(const view *v, int i);
int view_unread(const view *v);
void view_item_read(view *v, int i);
/* Mark every item of turns before turn as read (after a resume). */
void view_read_before(view *v, int turn);
/* Mark every item up to event seq as read (after a resume: what was on
 * the screen when the last input was made). */
void view_read_upto(view *v, uint32_t seq);

/* Inputs, as their events tell them: the seq of the event of the latest
 * input (an action queued or cancelled, a player ending the turn, a
 * facilitator's message or award), 0 when none; and the same for the
 * inputs of one role (queued, cancelled, ended the turn). */
uint32_t view_last_input(const view *v);
uint32_t view_role_input(const view *v, int role);

/* Signals received (indices into the feed), oldest first. */
int view_signal_count(const view *v);
const view_item *view_signal_at(const view *v, int i);
const view_item *view_signal_find(const view *v, const char *id);

/* Queued actions by queue order. */
int view_action_count(const view *v);
const view_action *view_action_at(const view *v, int i);
/* Action points the role has left this turn. */
int view_ap_left(const view *v, int role);
/* Whether participant p said "end" this turn. */
bool view_ready(const view *v, int p);

/* The ending: NULL while the session goes on. */
const char *view_outcome(const view *v);
bool view_success(const view *v);
const char *view_ending_text(const view *v);
int view_final_score(const view *v);     /* from the ending event */

#endif
