/*
 * menu.h - the main menu of `irdrill` with no arguments: new drill
 * (scenario, mode, players, team name), resume, after-action review,
 * scenarios, language.
 *
 * The menu only shows lists it is given and returns what was chosen; the
 * caller (app.c) reads the scenarios and the sessions, starts the drill or
 * the review, and comes back to the menu afterwards.
 *
 * A new drill is one form (menu_form.c) once the scenario is chosen:
 * mode, hints, turn timer, facilitator view, team name, the players'
 * names typed in (UTF-8, Vietnamese included) and who holds each role
 * (one player may hold several; each role is one player's); Enter on
 * Start. Resuming asks for the turn timer (the one the session was
 * started with first) and the facilitator view.
 */
#ifndef IRDRILL_TUI_MENU_H
#define IRDRILL_TUI_MENU_H

#include "ui/tui/ui.h"
#include "engine/engine.h"

#include <stdint.h>

typedef struct menu_scenario {
    char *id, *path;
    text title, summary;
    int diff, max_turns, turn_minutes, nroles;
    text *roles;                 /* the roles' names (nroles of them) */
    bool vi, en;
} menu_scenario;

typedef struct menu_session {
    int64_t id;
    char *scenario, *team, *status, *started;
    int turn, score;
    int timer;                   /* the recorded turn timer, seconds; 0 none */
} menu_session;

typedef struct menu_data {
    const menu_scenario *scen; int nscen;
    const menu_session *sess; int nsess;
    const char *db;              /* the database's path */
    bool db_ok;                  /* false: sessions cannot be saved */
    const char *notice;          /* what happened last (may be NULL) */
} menu_data;

enum { MENU_QUIT, MENU_NEW, MENU_RESUME, MENU_REVIEW };

/* Players at one terminal, and the caps of what is typed for a name. */
#define MENU_MAX_PLAYERS 16
#define MENU_NAME_BYTES 64
#define MENU_NAME_COLS 32

typedef struct menu_choice {
    int what;
    int scenario;                /* MENU_NEW: index into scen */
    int64_t session;             /* MENU_RESUME, MENU_REVIEW */
    engine_mode mode;
    bool hints;                  /* exercise mode: hints allowed */
    int nplayers;                /* MENU_NEW: at least 1 */
    char names[MENU_MAX_PLAYERS][MENU_NAME_BYTES + 1];   /* NFC, unique, not blank */
    unsigned char assign[64];    /* the player (index into names) of each role */
    char team[MENU_NAME_BYTES + 1];
    int timer;                   /* MENU_NEW, MENU_RESUME: seconds, 0 none */
    bool facilitator;            /* MENU_NEW, MENU_RESUME */
    lang lg;                     /* the language chosen (in and out) */
} menu_choice;

/* Run the menu until a choice is made. Returns 0, or 1 when a stop signal
 * arrived (then ch->what is MENU_QUIT). ch->lg is the language to start
 * in, and the one the user left it in. */
int menu_run(crt *c, const menu_data *d, menu_choice *ch);

#endif
