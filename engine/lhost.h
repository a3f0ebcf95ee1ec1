/*
 * lhost.h - the Lua host: loads a scenario file into a sandbox, turns its
 * declarations into a scen, and runs its hooks for an engine.
 *
 * One lhost is one sandboxed lua_State holding one loaded scenario; a
 * session uses its own lhost (so scenario state such as w.vars starts
 * fresh and replays identically). Loading runs the embedded standard
 * action library (scenarios/stdlib.lua) first, then the scenario file.
 *
 * Problems found while loading are collected as "file:line: message"
 * lines (a syntax or runtime error stops the load; declaration problems
 * are collected and loading goes on, up to LHOST_MAX_PROBLEMS).
 *
 * Ownership: the lhost owns its scen and sandbox. The engine given to
 * lhost_bind is borrowed and must stay alive while hooks may run.
 */
#ifndef IRDRILL_LHOST_H
#define IRDRILL_LHOST_H

#include "engine/engine.h"
#include "engine/sandbox.h"
#include "engine/scen.h"
#include <stddef.h>

#define LHOST_MAX_PROBLEMS 50

typedef struct lhost lhost;

typedef struct lhost_opts {
    sbx_limits limits;        /* zeros: the defaults */
} lhost_opts;

/* Load a scenario from its text. path is the name used in messages (and
 * kept in scen->path). Returns NULL when the scenario is invalid, with
 * every problem found appended to problems (one per line, each ending in
 * '\n'); problems may be NULL. opts may be NULL. */
lhost *lhost_load(const char *path, const char *src, size_t len,
                  const lhost_opts *opts, sbuf *problems);

/* Read a file and load it. A file that cannot be read gives
 * "PATH: cannot read: reason" in problems. */
lhost *lhost_load_file(const char *path, const lhost_opts *opts, sbuf *problems);

void lhost_free(lhost *h);

const scen *lhost_scen(const lhost *h);

/* The hooks to give engine_new; their ctx is h. */
engine_hooks lhost_hooks(lhost *h);

/* Bind the engine the hooks act on (call after engine_new, before
 * engine_start). */
void lhost_bind(lhost *h, engine *e);

sbx *lhost_sandbox(lhost *h);

#endif
