/*
 * replay.h - the after-action review screen: a recorded session stepped
 * turn by turn, what the team saw and did beside what really happened.
 *
 * Two views are folded from the recorded events: a team view and a truth
 * view (view.h); s shows the end-of-session summary (ui_summary) of the
 * whole session, with the metrics it was recorded with. Stepping forward folds the next turn's events; stepping
 * back folds again from the start (a review is not a hot path). The
 * screen never reads the database or runs the scenario: it is given the
 * events.
 *
 * Ownership: the scen and the events are borrowed and must outlive the
 * replay.
 */
#ifndef IRDRILL_TUI_REPLAY_H
#define IRDRILL_TUI_REPLAY_H

#include "ui/tui/ui.h"

typedef struct replay replay;

/* A review of the events evs (in order) of a session of sc. label names
 * the session ("12"). NULL on OOM. */
replay *replay_new(const scen *sc, lang lg, const event *const *evs, int nevs, const char *label);
void replay_free(replay *r);
/* The session's metrics, for its summary (s); copied. 0, or -1 on OOM. */
int replay_set_metrics(replay *r, const tui_metric *m, int n);

void replay_draw(replay *r, crt *c);
int replay_key(replay *r, int key);
ui_screen replay_screen(replay *r);

/* The turn shown (0: before turn 1) and the last turn recorded. */
int replay_turn(const replay *r);
int replay_last_turn(const replay *r);

#endif
