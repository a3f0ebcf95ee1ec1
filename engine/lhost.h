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
#include <stdbool.h>
#include <stddef.h>

#define LHOST_MAX_PROBLEMS 50

typedef struct lhost lhost;

typedef struct lhost_opts {
    sbx_limits limits;        /* zeros: the defaults */
    /* The standard action library to run before the scenario, instead of
     * the one built into the binary (scenarios/stdlib.lua): the text a
     * recorded session was played with, so that it replays as it was
     * played after the built-in one changed. Outside data like any
     * scenario: checked as UTF-8 and loaded as text only. NULL: the
     * built-in one. Copied; an image keeps the one it was made with. */
    const char *stdlib; size_t stdlib_len;
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

/* A scenario compiled once, to be loaded many times (simulate plays a
 * thousand sessions, each in a fresh lhost so that no Lua state leaks from
 * one to the next; compiling the file is most of a load's cost). The
 * image keeps the source, its hash and the compiled stdlib and scenario
 * chunks (sandbox.h: sbx_dump), all checked by one ordinary load.
 * lhost_image_new returns NULL when the scenario is invalid, with the
 * problems as lhost_load gives them. */
typedef struct lhost_image lhost_image;
lhost_image *lhost_image_new(const char *path, const char *src, size_t len,
                             const lhost_opts *opts, sbuf *problems);
/* A fresh lhost from an image: the same as lhost_load of the image's
 * source, without compiling or hashing it again. The lhost may share the
 * image's declarations; the image then stays alive, even after
 * lhost_image_free, until that lhost is freed too, so the two may be
 * freed in either order. */
lhost *lhost_load_image(lhost_image *img, const lhost_opts *opts, sbuf *problems);
/* Let go of the caller's handle on img (see lhost_load_image). */
void lhost_image_free(lhost_image *img);
/* Whether h was made from an image by replaying its declarations (the
 * fast way, lhost.c "Images"), rather than by a full load. */
bool lhost_replayed(const lhost *h);

void lhost_free(lhost *h);

const scen *lhost_scen(const lhost *h);

/* The hooks to give engine_new; their ctx is h. */
engine_hooks lhost_hooks(lhost *h);

/* Bind the engine the hooks act on (call after engine_new, before
 * engine_start). */
void lhost_bind(lhost *h, engine *e);

sbx *lhost_sandbox(lhost *h);

/* The text of the standard library h ran (the built-in one, or the one
 * lhost_opts gave); valid while h lives. */
void lhost_stdlib(const lhost *h, const char **src, size_t *len);

/* Texts the scenario gave as a plain string, one form serving both
 * languages (check warns of them): their lines in the scenario file, in
 * the order first met, without duplicates, at most LHOST_MAX_PLAIN.
 * Declarations add theirs while loading, hooks theirs when they run. A
 * string without a letter (a number, an address, a dash) reads the same
 * in both languages and is not counted. Returns the count. */
#define LHOST_MAX_PLAIN 200
int lhost_plain_texts(const lhost *h, const int **lines);

#endif
