/*
 * report_int.h - what the report writers share: the interface strings in
 * both languages, escaping for each output format, and the report model
 * (objectives, mistakes, improvement plan) computed once from a loaded
 * session and, when available, its scenario.
 *
 * report.c builds the model and describes events; report_md.c writes
 * Markdown; report_fmt.c writes JSON and CSV; escape.c escapes.
 */
#ifndef IRDRILL_REPORT_INT_H
#define IRDRILL_REPORT_INT_H

#include "saves/store.h"

typedef enum rs {
    RS_TITLE, RS_SCENARIO, RS_VERSION, RS_DATE, RS_TEAM, RS_PARTICIPANTS, RS_NAME, RS_ROLES,
    RS_MODE, RS_TRAINING, RS_EXERCISE, RS_SEED, RS_SESSION, RS_STATUS, RS_ACTIVE, RS_FINISHED,
    RS_ABORTED, RS_FINGERPRINT, RS_NO_SCENARIO, RS_OUTCOME_SCORE, RS_OUTCOME, RS_NOT_ENDED,
    RS_SCORE, RS_BREAKDOWN, RS_KIND, RS_ITEM, RS_POINTS, RS_TURN, RS_TIME, RS_TOTAL,
    RS_K_OBJECTIVE, RS_K_PENALTY, RS_K_HINT, RS_K_AWARD, RS_OBJECTIVES, RS_DEADLINE,
    RS_RESULT, RS_MET_AT, RS_MISSED, RS_NOT_REACHED, RS_BY_TURN, RS_WITHIN, RS_NONE,
    RS_METRICS, RS_METRIC, RS_VALUE, RS_M_DETECT, RS_M_FIRST, RS_M_CONTAIN, RS_M_RECOVER,
    RS_M_REPORTS, RS_M_ONTIME, RS_M_FP, RS_M_TD, RS_M_HINTS, RS_M_HOOKERR, RS_M_DOWNTIME,
    RS_M_ACTIONS, RS_NEVER, RS_MINUTES, RS_TIMELINE, RS_TURN_N, RS_TRUTH, RS_TEAMVIEW,
    RS_NO_EVENTS, RS_MISTAKES, RS_NO_MISTAKES, RS_MISSED_OBJ, RS_UNREACHED_OBJ, RS_PENALTY_OF,
    RS_FALSE_POS, RS_TRUE_DISMISSED, RS_LATE_REPORT, RS_PLAN, RS_CAPABILITY, RS_OBSERVATION,
    RS_RECOMMENDATION, RS_OWNER, RS_DUE, RS_NO_PLAN, RS_GENERIC_REC, RS_HISTORY, RS_NO_HISTORY,
    RS_THIS_SESSION, RS_TURNS, RS_DETECT_SHORT, RS_CONTAIN_SHORT, RS_SIGN, RS_FACILITATOR,
    RS_TEAM_LEAD, RS_SIGNATURE, RS_CHANGE, RS_YES, RS_NO, RS_INPUTS, RS_METRICS_SO_FAR,
    RS_DAMAGED, RS_INPUT, RS_HISTORY_TEAM, RS_HISTORY_PEOPLE, RS_NO_HISTORY_PEOPLE,
    RS_COUNT
} rs;

const char *rs_get(rs k, lang l);

/* ---- escaping (escape.c) --------------------------------------------- */

/* A copy with control, bidi and zero-width characters removed and line
 * breaks and tabs turned into spaces; never NULL unless out of memory. */
char *rep_clean(const char *s);
/* Markdown inline text (a table cell, a list item, a heading): sanitised;
 * characters Markdown or HTML would interpret are backslash-escaped; a
 * leading list or heading marker is neutralised. */
void md_put(sbuf *out, const char *s);
/* One CSV field (RFC 4180): quoted when it holds a comma, quote or line
 * break; a leading = + - @ (which spreadsheets take for a formula) gets a
 * ' in front. */
void csv_put(sbuf *out, const char *s);
/* A sanitised JSON string. */
void json_put(sbuf *out, const char *s);

/* ---- the model (report.c) ---------------------------------------------- */

typedef enum obj_state { OBJ_NOT_REACHED = -1, OBJ_MISSED = 0, OBJ_MET = 1 } obj_state;

typedef struct rep_obj {
    const char *id;
    const char *label;           /* in the report's language */
    const char *explain;         /* NULL when unknown */
    int points;                  /* -1 when unknown (no scenario) */
    int by_turn, within_minutes;
    obj_state state;
    int minute;                  /* when met */
} rep_obj;

typedef struct rep_item {        /* a mistake or an improvement-plan row */
    char *a, *b, *c, *d, *e;     /* mistake: title, explanation;
                                    plan: capability, observation,
                                    recommendation, owner, due date */
} rep_item;

typedef struct rep {
    const store_loaded *l;
    const scen *sc;              /* NULL when the scenario could not be loaded */
    lang lg;
    const store_session *hist; int nhist;
    rep_obj *obj; int nobj;
    rep_item *mist; int nmist;
    rep_item *plan; int nplan;
    int by_kind[4];              /* objective, penalty, hint, award totals */
    const char *outcome_text;    /* the ending event's text, or NULL */
    bool oom;
} rep;

int rep_build(rep *r, const store_loaded *l, const scen *sc, const store_session *hist,
              int nhist, lang lg);
void rep_free(rep *r);

/* "T+01:30" for simulated minute 90 ("—" for a negative value). */
void rep_clock(sbuf *out, int64_t minute);
/* A human description of an event in the report's language (raw text:
 * the writer escapes it). */
void rep_describe(const rep *r, const store_event *e, sbuf *out);
/* Names for ids, from the scenario when there is one. */
const char *rep_role(const rep *r, const char *id);
const char *rep_status(const rep *r, const char *status);
const char *rep_mode(const rep *r, const char *mode);
const char *rep_kind(const rep *r, const char *score_kind);
/* The metrics of product.md §5 in the order reports show them; the index
 * of a name among them, or -1 (downtime.ASSET, actions.ROLE, others). */
int rep_metric_order_count(void);
const char *rep_metric_order(int i);
int rep_metric_known(const char *name);
/* A metric's label ("Time to detect", "Downtime: Web portal", ...); raw. */
void rep_metric_label(const rep *r, const char *name, sbuf *out);
/* A metric's value as shown: minutes as a clock, counts as numbers. */
void rep_metric_value(const rep *r, const char *name, int64_t v, sbuf *out);
/* The scenario title in the report's language. */
const char *rep_title(const rep *r);
/* An ending's text in the report's language, from the scenario, when it
 * declares that id; else NULL. */
const char *rep_ending(const rep *r, const char *id);

int md_write(const rep *r, sbuf *out);
int json_write(const rep *r, sbuf *out);
int csv_write(const rep *r, sbuf *out);

#endif
