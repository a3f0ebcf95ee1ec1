/*
 * scen.h - a scenario's declarations, as plain C data.
 *
 * The Lua host (lhost.c) fills a scen by running a scenario file's top
 * level; the engine core reads it to build a world and calls back into the
 * host through engine_hooks with the indices below. Hooks themselves stay
 * in the host: here they are opaque integer references (ref), meaningful
 * only to the host that loaded the scenario.
 *
 * Ownership: a scen owns every string and array in it; scen_free releases
 * all. An engine borrows its scen, which must outlive the engine.
 */
#ifndef IRDRILL_SCEN_H
#define IRDRILL_SCEN_H

#include "engine/text.h"
#include <stdbool.h>
#include <stdint.h>

#define SCEN_API_VERSION 1

/* The standard asset state fields, in this order (see product.md §4). */
enum asset_field {
    AF_COMPROMISED, AF_ISOLATED, AF_ONLINE, AF_ENCRYPTED, AF_DEFACED,
    AF_CLEAN, AF_PATCHED, AF_EVIDENCE, AF_BACKUP, AF_COUNT
};
extern const char *const asset_field_names[AF_COUNT];
/* Index of a field name, or -1. */
int asset_field_find(const char *name);

/* The milestones of product.md §5 a scenario may define for its incident
 * (metrics{}); without a definition the engine's default rule applies
 * (score.c). */
enum scen_metric { SM_DETECTED, SM_CONTAINED, SM_RECOVERED, SM_COUNT };
extern const char *const scen_metric_names[SM_COUNT];   /* "detected", ... */

typedef enum difficulty { DIFF_BASIC, DIFF_INTERMEDIATE, DIFF_ADVANCED } difficulty;
extern const char *const difficulty_names[3];

/* The response capability an objective exercises or a penalty faults: the
 * phases of the domain notes' crosswalk (NIST SP 800-61, PICERL, CSF 2.0),
 * with evidence, reporting, public communication and coordination kept
 * apart as the drill scores them. The after-action report's improvement
 * plan files each row under one (saves/report.c). CAP_NONE: not declared. */
typedef enum scen_capability {
    CAP_NONE, CAP_DETECTION, CAP_ANALYSIS, CAP_CONTAINMENT, CAP_ERADICATION, CAP_RECOVERY,
    CAP_EVIDENCE, CAP_REPORTING, CAP_COMMUNICATION, CAP_COORDINATION, CAP_COUNT
} scen_capability;
/* "detection", ...; [CAP_NONE] is "". */
extern const char *const scen_capability_names[CAP_COUNT];
/* The capability of a name, or CAP_NONE for anything else (NULL, ""). */
scen_capability scen_capability_find(const char *name);

/* What an action's first argument names. */
typedef enum target_kind {
    TGT_NONE,       /* no argument */
    TGT_ASSET,      /* an asset id */
    TGT_SIGNAL,     /* a signal id the team has received */
    TGT_INDICATOR,  /* free text: an address, domain or hash */
    TGT_RECIPIENT,  /* a report recipient id */
    TGT_AUDIENCE,   /* a public-communication audience id */
    TGT_SUPPORT,    /* an external helper id */
    TGT_COUNT
} target_kind;
extern const char *const target_kind_names[TGT_COUNT];

/* Where the source position of a declaration is kept, for messages. */
typedef struct scen_pos { int line; } scen_pos;

typedef struct scen_role {
    char *id;
    text name, desc;
    scen_pos pos;
} scen_role;

typedef struct scen_asset {
    char *id, *kind, *zone;
    int level;                   /* security level 1-5 (Decree 85/2016) */
    text name, desc;
    bool init[AF_COUNT];         /* initial state */
    scen_pos pos;
} scen_asset;

typedef struct scen_link { int a, b; } scen_link;   /* asset indices */

typedef struct scen_action {
    char *id;                    /* also the verb of inputs */
    int *roles; int nroles;      /* role indices allowed to take it */
    int cost, turns;             /* action points; turns to complete (>= 1) */
    target_kind target;
    bool verdict;                /* takes "true|false" after the target */
    bool facts;                  /* takes "--facts a,b,c" */
    bool immediate;              /* resolves at once when queued (hint) */
    text label, help;
    int ref;                     /* the run hook, or 0 for none */
    scen_pos pos;
} scen_action;

typedef enum trig_kind { TRIG_AT, TRIG_EVERY, TRIG_WHEN, TRIG_ON } trig_kind;

typedef struct scen_trigger {
    trig_kind kind;
    int n;                       /* AT: turn; EVERY: period */
    int action;                  /* ON: action index */
    int ref;                     /* hook (for WHEN, the function to fire) */
    int pred_ref;                /* WHEN: the predicate */
    char *name;                  /* for coverage reports: "at(2)@file:line" */
    scen_pos pos;
} scen_trigger;

typedef struct scen_objective {
    char *id;
    int points;
    int by_turn;                 /* 0 = no turn limit */
    int within_minutes;          /* 0 = no minute limit */
    scen_capability capability;  /* CAP_NONE when not declared */
    text label, explain;
    int ref;                     /* met(w) */
    scen_pos pos;
} scen_objective;

typedef struct scen_penalty {
    char *id;
    int points;                  /* subtracted each time, positive number */
    int max;                     /* how many times it may apply; default 1 */
    scen_capability capability;  /* CAP_NONE when not declared */
    text label, explain;
    scen_pos pos;
} scen_penalty;

typedef struct scen_hint {
    char *id;
    int from_turn, cost;
    text text;
    scen_pos pos;
} scen_hint;

typedef struct scen_ending {
    char *id;
    bool success;                /* a good outcome for the team */
    text text;
    int ref;                     /* when(w) */
    scen_pos pos;
} scen_ending;

/* A template for w:signal("id") and the list simulate's coverage uses. */
typedef struct scen_signal {
    char *id, *source, *severity, *technique;
    int asset;                   /* asset index or -1 */
    int truth;                   /* 1 true positive, 0 false positive */
    text text;
    scen_pos pos;
} scen_signal;

/* A named id with a label: recipients, facts, audiences, support. */
typedef struct scen_named {
    char *id;
    text name;
    int deadline_minutes;        /* recipients: reporting deadline from detection; 0 none */
} scen_named;

typedef struct scen_expect {
    char *outcome;               /* NULL = any */
    bool has_min, has_max, has_score;
    int min_score, max_score, score;
    char **obj_ids; bool *obj_met; int nobj;
    char **pen_ids; int npen;    /* penalties that must have applied */
    /* expect.metrics: X_by = minute (reached at that minute or earlier)
     * or false (never reached, stored as -1); has_metric says it was given. */
    bool has_metric[SM_COUNT];
    int metric_by[SM_COUNT];
} scen_expect;

typedef struct scen_test {
    char *name;
    uint64_t seed;
    char *inputs;
    int inputs_line;             /* line of the scenario where inputs begin */
    scen_expect expect;
    scen_pos pos;
} scen_test;

#define SCEN_ARRAY(T, name) T *name; int n##name

typedef struct scen {
    char *id;
    int version;
    text title, summary;
    difficulty diff;
    int turn_minutes, max_turns, action_points;
    int start_minute;            /* clock shown for minute 0, minutes after midnight */
    char **attack; int nattack;  /* ATT&CK technique ids */
    bool has_vi, has_en;         /* languages every text of the scenario has */

    SCEN_ARRAY(scen_role, roles);
    SCEN_ARRAY(scen_asset, assets);
    SCEN_ARRAY(scen_link, links);
    SCEN_ARRAY(scen_action, actions);
    SCEN_ARRAY(scen_trigger, triggers);
    SCEN_ARRAY(scen_objective, objectives);
    SCEN_ARRAY(scen_penalty, penalties);
    SCEN_ARRAY(scen_hint, hints);
    SCEN_ARRAY(scen_ending, endings);
    SCEN_ARRAY(scen_signal, signals);
    SCEN_ARRAY(scen_named, recipients);
    SCEN_ARRAY(scen_named, facts);
    SCEN_ARRAY(scen_named, audiences);
    SCEN_ARRAY(scen_named, supports);
    SCEN_ARRAY(scen_test, tests);
    int metric_ref[SM_COUNT];    /* metrics{}: the predicates, 0 = the default rule */
    scen_pos metrics_pos;        /* line of metrics{}, 0 when there is none */

    char *path;                  /* as named when loaded, for messages */
    char *source; size_t source_len;   /* the full text */
    char hash[65];               /* SHA-256 of source, hex */
} scen;

void scen_free(scen *s);

/* Lookups by id; -1 when absent. */
int scen_role_find(const scen *s, const char *id);
int scen_asset_find(const scen *s, const char *id);
int scen_action_find(const scen *s, const char *id);
int scen_objective_find(const scen *s, const char *id);
int scen_penalty_find(const scen *s, const char *id);
int scen_ending_find(const scen *s, const char *id);
int scen_signal_find(const scen *s, const char *id);
int scen_named_find(const scen_named *v, int n, const char *id);

/* Whether s (n bytes) is a valid id: 1 to SCEN_ID_MAX bytes of ASCII
 * letters, digits, '_', '-' and '.', starting with a letter. Ids of
 * scenarios, roles, assets, actions, signals ... and what the command
 * line accepts where it names one. */
#define SCEN_ID_MAX 64
bool scen_id_ok(const char *s, size_t n);

/* Total of the objectives' points. */
int scen_max_score(const scen *s);

#endif
