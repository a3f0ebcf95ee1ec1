/*
 * event.h - what the engine tells the world, and to whom.
 *
 * Every change the engine makes produces one event. Its visibility says
 * who may see it: EV_TEAM events are what the team perceives (signals,
 * results of their own actions, revealed facts, messages, score changes);
 * EV_TRUTH events are the ground truth only the facilitator, the review
 * and verify may see (an attacker's move, a signal's true/false flag, a
 * hook's failure). Players' screens fold the team events alone.
 *
 * Events go to a sink, a struct of function pointers and a context (the
 * way NetHack's core talks to its window ports). The event and every string
 * in it live only during the emit call: a sink that keeps one copies it.
 */
#ifndef IRDRILL_EVENT_H
#define IRDRILL_EVENT_H

#include "engine/text.h"
#include "engine/sbuf.h"
#include <stdint.h>

typedef enum ev_vis { EV_TEAM = 0, EV_TRUTH = 1 } ev_vis;

typedef enum ev_kind {
    EVK_SESSION,      /* session begins: subject = scenario id, value = seed */
    EVK_TURN,         /* a turn begins: value = turn */
    EVK_SIGNAL,       /* a signal reaches the team: subject = signal id */
    EVK_SIGNAL_TRUTH, /* truth: subject = signal id, value = 1 true positive */
    EVK_NOTE,         /* a message to the team */
    EVK_LOG,          /* truth: narration of what really happens */
    EVK_STATE,        /* an asset field changed: subject = asset, field, value */
    EVK_REVEAL,       /* the team learns a fact: subject = asset, field, value */
    EVK_QUEUED,       /* an action queued: role, subject = verb, attrs */
    EVK_CANCELLED,    /* a queued action cancelled: value = queue number */
    EVK_DONE,         /* an action completed: role, subject = verb, attrs */
    EVK_TRIAGE,       /* a verdict recorded: subject = signal, value = verdict */
    EVK_REPORT,       /* a report sent: subject = recipient, attrs facts */
    EVK_HINT,         /* a hint taken: subject = hint id, value = cost */
    EVK_SCORE,        /* points: subject = objective/penalty/award id, value = +/- */
    EVK_OBJECTIVE,    /* an objective met (value 1) or missed for good (0) */
    EVK_ENDING,       /* session ends: subject = ending id (or "timeout") */
    EVK_HOOK_ERROR,   /* truth: a scenario hook failed; text = file:line: message */
    EVK_READY,        /* a participant is ready to end the turn */
    EVK_FACILITATOR,  /* a facilitator's note or command */
    EVK_COUNT
} ev_kind;

extern const char *const ev_kind_names[EVK_COUNT];
int ev_kind_find(const char *name);

typedef struct event {
    uint32_t seq;             /* 1, 2, ... within a session */
    int turn, minute;
    ev_vis vis;
    ev_kind kind;
    const char *role;         /* acting role, or NULL */
    const char *subject;      /* id the event is about, or NULL */
    const char *field;        /* asset field, or NULL */
    int64_t value;
    const char *attrs;        /* kind-specific JSON object, or NULL */
    text text;                /* human-readable message, may be empty */
} event;

typedef struct event_sink {
    void (*emit)(void *ctx, const event *ev);
    void *ctx;
} event_sink;

/* The canonical one-line JSON form of an event: the same event always
 * gives the same bytes. Used for determinism checks, saves and --json. */
void event_to_json(const event *ev, sbuf *out);

#endif
