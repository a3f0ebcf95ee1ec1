/*
 * menu_int.h - the inside of the main menu, shared by menu.c (the pages
 * with lists) and menu_form.c (the new-drill and resume forms).
 */
#ifndef IRDRILL_TUI_MENU_INT_H
#define IRDRILL_TUI_MENU_INT_H

#include "ui/tui/field.h"
#include "ui/tui/menu.h"

enum { PG_MAIN, PG_SCEN, PG_FORM, PG_RESUME, PG_RESUME_FORM, PG_REVIEW, PG_LIST };

typedef struct menu {
    const menu_data *d;
    menu_choice *ch;
    int page, sel, top;
    int rows[1024], nrows;       /* sessions shown on a sessions page */
    char msg[256];
    bool done;
    /* the Details box of the scenario pages: Tab moves into it to scroll */
    bool det_focus;
    int det_scroll;
    /* the forms (menu_form.c) */
    field team;
    field names[MENU_MAX_PLAYERS];
    char placeholder[MENU_MAX_PLAYERS][MENU_NAME_BYTES + 1];
    int nplayers;
    int timer_i;                 /* index into the timer choices */
    int timer_extra;             /* a resumed session's timer not among them, or 0 */
} menu;

void menu_open_page(menu *m, int page);

/* menu_form.c */
void form_open_new(menu *m);
void form_open_resume(menu *m);
void form_draw(menu *m, crt *c, int H, int W);
int form_key(menu *m, int key);

#endif
