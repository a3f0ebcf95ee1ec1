/*
 * lhost_fixture.h - what tests/test_lhost.c and tests/test_lapi.c share:
 * loading scenarios from fixtures or strings, asserting the exact problem
 * list, and playing a session through the real engine with its events kept
 * as JSON lines. Included after cmocka.h. Run the tests from the top of the
 * source tree (fixtures are tests/fixtures/lhost/).
 */
#ifndef IRDRILL_LHOST_FIXTURE_H
#define IRDRILL_LHOST_FIXTURE_H

#include "engine/engine.h"
#include "engine/lhost.h"
#include "engine/sha256.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIX "tests/fixtures/lhost/"

static inline lhost *load_src(const char *path, const char *src, sbuf *probs)
{
    return lhost_load(path, src, strlen(src), NULL, probs);
}

/* The whole problem list of a file that must not load. */
static inline void assert_problems(const char *file, const char *expected)
{
    sbuf probs = SBUF_INIT;
    lhost *h = lhost_load_file(file, NULL, &probs);
    assert_null(h);
    assert_string_equal(sb_str(&probs), expected);
    sb_free(&probs);
}

static inline void assert_src_problems(const char *src, const char *expected)
{
    sbuf probs = SBUF_INIT;
    lhost *h = load_src("t.lua", src, &probs);
    assert_null(h);
    assert_string_equal(sb_str(&probs), expected);
    sb_free(&probs);
}

static inline lhost *must_load(const char *path, const char *src)
{
    sbuf probs = SBUF_INIT;
    lhost *h = src ? load_src(path, src, &probs) : lhost_load_file(path, NULL, &probs);
    if (!h)
        fprintf(stderr, "unexpected problems:\n%s", sb_str(&probs));
    assert_non_null(h);
    sb_free(&probs);
    return h;
}

/* A session of a loaded scenario whose events are kept as JSON lines. */
typedef struct play {
    lhost *h;
    engine *e;
    sbuf events;
} play;

static inline void keep_event(void *ctx, const event *ev)
{
    play *p = ctx;
    event_to_json(ev, &p->events);
    sb_putc(&p->events, '\n');
}

static inline void play_start(play *p, lhost *h, uint64_t seed)
{
    memset(p, 0, sizeof *p);
    p->h = h;
    engine_hooks hk = lhost_hooks(h);
    event_sink sink = { keep_event, p };
    engine_opts o = { .seed = seed };
    p->e = engine_new(lhost_scen(h), &hk, &sink, &o);
    assert_non_null(p->e);
    lhost_bind(h, p->e);
    assert_int_equal(engine_start(p->e), ENG_OK);
}

static inline void play_input(play *p, const char *line)
{
    int rc = engine_input(p->e, line);
    if (rc < 0)
        fprintf(stderr, "input '%s': %s\n", line, engine_errmsg(p->e));
    assert_true(rc >= 0);
}

static inline void play_end(play *p)
{
    engine_free(p->e);
    sb_free(&p->events);
}

static inline bool has_event(const play *p, const char *needle)
{
    return strstr(sb_str(&p->events), needle) != NULL;
}

#define LH_SMALL \
    "scenario { id = 'small', title = 'Small', difficulty = 'basic', max_turns = 6 }\n" \
    "role { id = 'lead', name = 'Lead' }\n" \
    "role { id = 'sys', name = 'Sys' }\n" \
    "asset { id = 'web', kind = 'web', level = 2, name = 'Web' }\n"

/* LH_SMALL followed by more lines (a static buffer: one at a time). */
static inline const char *small_plus(const char *more)
{
    static char buf[8192];
    snprintf(buf, sizeof buf, "%s%s", LH_SMALL, more);
    return buf;
}

#endif
