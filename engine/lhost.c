/*
 * lhost.c - loading a scenario: the stdlib, then the file, then the checks
 * that need the whole file; the problems found; the lhost's lifecycle.
 * Declarations are in ldecl.c, whole-file checks in lcheck.c, the world
 * object and hooks in lapi.c.
 */
#include "engine/lhost_int.h"
#include "engine/nfc.h"
#include "engine/sha256.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The standard action library, compiled in by the build (scripts/embed.c). */
extern const char irdrill_stdlib_lua[];
extern const size_t irdrill_stdlib_lua_len;

/* ---- helpers shared by the host's files -------------------------------- */

/* Walk out of C frames (pcall, a metamethod) to the Lua line that made the
 * call: that is the line an author needs to see. */
int lh_line(lua_State *L)
{
    lua_Debug ar;
    for (int level = 1; level < 32 && lua_getstack(L, level, &ar); level++)
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0)
            return ar.currentline;
    return 0;
}

static void add_problem(lhost *h, int line, const char *whole)
{
    lh_load *ld = &h->ld;
    if (ld->nprobs >= LHOST_MAX_PROBLEMS) {
        ld->dropped++;
        return;
    }
    /* A message may quote what the script wrote: keep it one line and
     * free of terminal controls and invalid UTF-8. */
    char *msg = text_sanitize(whole, NULL);
    if (msg)
        for (char *p = msg; *p; p++)
            if (*p == '\n' || *p == '\r' || *p == '\t')
                *p = ' ';
    if (ld->nprobs == ld->cap_probs) {
        int nc = ld->cap_probs ? ld->cap_probs * 2 : 8;
        lh_prob *np = realloc(ld->probs, (size_t)nc * sizeof *np);
        if (!np) {
            free(msg);
            ld->dropped++;
            return;
        }
        ld->probs = np;
        ld->cap_probs = nc;
    }
    if (!msg) {
        ld->dropped++;
        return;
    }
    ld->probs[ld->nprobs++] = (lh_prob){ line, msg };
}

void lh_problem(lhost *h, int line, const char *fmt, ...)
{
    char msg[512], whole[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const char *file = h->in_stdlib ? LH_STDLIB_NAME : h->sc.path;
    snprintf(whole, sizeof whole, "%s:%d: %s", file, line, msg);
    add_problem(h, line, whole);
}

/* Lua shortens a long chunk name to "...tail"; give back the whole name
 * when the message starts with the tail of file. Returns the length of the
 * shortened prefix, or 0. */
static size_t shortened_prefix(const char *m, const char *file)
{
    if (strncmp(m, "...", 3) != 0)
        return 0;
    const char *colon = strchr(m + 3, ':');
    if (!colon)
        return 0;
    size_t tail = (size_t)(colon - (m + 3)), n = strlen(file);
    if (tail == 0 || tail > n || strncmp(file + n - tail, m + 3, tail) != 0)
        return 0;
    return (size_t)(colon - m);
}

/* A failure message from the sandbox already says "file:line: ..."; one
 * that does not (out of memory) gets the file name in front. */
static void sandbox_problem(lhost *h, const char *file)
{
    const char *m = sbx_errmsg(h->sbx);
    size_t n = strlen(file), cut;
    char whole[1024];
    if (!m || !*m)
        m = "failed";
    if (strncmp(m, file, n) == 0 && m[n] == ':')
        snprintf(whole, sizeof whole, "%s", m);
    else if ((cut = shortened_prefix(m, file)) > 0)
        snprintf(whole, sizeof whole, "%s%s", file, m + cut);
    else
        snprintf(whole, sizeof whole, "%s: %s", file, m);
    add_problem(h, INT_MAX, whole);
}

void *lh_push(lua_State *L, void *parr, int *n, int *cap, size_t size)
{
    char *arr;
    memcpy(&arr, parr, sizeof arr);
    if (*n == *cap) {
        int nc = *cap ? *cap * 2 : 8;
        char *na = realloc(arr, (size_t)nc * size);
        if (!na)
            luaL_error(L, "out of memory");
        arr = na;
        memcpy(parr, &arr, sizeof arr);
        *cap = nc;
    }
    char *slot = arr + (size_t)*n * size;
    memset(slot, 0, size);
    (*n)++;
    return slot;
}

char *lh_strdup(lua_State *L, const char *s, size_t n)
{
    char *c = xstrndup(s, n);
    if (!c)
        luaL_error(L, "out of memory");
    return c;
}

int lh_ref(lua_State *L, lhost *h)
{
    int ref = luaL_ref(L, LUA_REGISTRYINDEX);
    if (h->replaying) {
        if (h->replay_next >= h->nreplay_refs || h->replay_refs[h->replay_next] != ref)
            h->replay_bad = true;
        h->replay_next++;
    } else if (h->recording) {
        int *slot = lh_push(L, &h->keep_refs, &h->nkeep_refs, &h->cap_keep_refs, sizeof *slot);
        *slot = ref;
    }
    return ref;
}

bool lh_id_ok(const char *s, size_t n) { return scen_id_ok(s, n); }

static bool digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* T1234 or T1234.001: the shape of MITRE ATT&CK technique ids. */
bool lh_attack_id_ok(const char *s)
{
    size_t n = strlen(s);
    if ((n != 5 && n != 9) || s[0] != 'T' || !digits(s + 1, 4))
        return false;
    return n == 5 || (s[5] == '.' && digits(s + 6, 3));
}

static int check_lang(const char *s, size_t n, const char *code, char *why, size_t whylen)
{
    if (!utf8_valid(s, n)) {
        snprintf(why, whylen, "text (%s) is not valid UTF-8", code);
        return -1;
    }
    if (n > LH_TEXT_MAX) {
        snprintf(why, whylen, "text (%s) is longer than %d bytes", code, LH_TEXT_MAX);
        return -1;
    }
    return 0;
}

/* Read one language of a text table, raw; 1 present, 0 absent, -1 bad. */
static int text_lang(lua_State *L, int t, const char *code, const char **s, size_t *n,
                     char *why, size_t whylen)
{
    lua_pushstring(L, code);
    int ty = lua_rawget(L, t);
    if (ty == LUA_TNIL) {
        lua_pop(L, 1);
        return 0;
    }
    if (ty != LUA_TSTRING) {
        snprintf(why, whylen, "text's %s must be a string, got %s", code, lua_typename(L, ty));
        lua_pop(L, 1);
        return -1;
    }
    /* The table keeps the string alive after the pop. */
    *s = lua_tolstring(L, -1, n);
    lua_pop(L, 1);
    return check_lang(*s, *n, code, why, whylen) < 0 ? -1 : 1;
}

/* A plain-string text: remember its line for check (lhost_plain_texts).
 * Allocation failure only loses the remark, never the load. */
static void note_plain(lua_State *L, const char *s, size_t n)
{
    lhost *h = sbx_user(sbx_from_state(L));
    bool letter = false;
    for (size_t i = 0; i < n && !letter; i++)
        letter = (unsigned char)s[i] >= 0x80 || (s[i] >= 'a' && s[i] <= 'z') ||
                 (s[i] >= 'A' && s[i] <= 'Z');
    if (!h || h->in_stdlib || !letter || h->nplain >= LHOST_MAX_PLAIN)
        return;
    int line = lh_line(L);
    for (int i = 0; i < h->nplain; i++)
        if (h->plain[i] == line)
            return;
    if (h->nplain == h->cap_plain) {
        int nc = h->cap_plain ? h->cap_plain * 2 : 16;
        int *np = realloc(h->plain, (size_t)nc * sizeof *np);
        if (!np)
            return;
        h->plain = np;
        h->cap_plain = nc;
    }
    h->plain[h->nplain++] = line;
}

int lhost_plain_texts(const lhost *h, const int **lines)
{
    *lines = h->plain;
    return h->nplain;
}

int lh_text_parts(lua_State *L, int idx, const char **vi, size_t *nvi,
                  const char **en, size_t *nen, char *why, size_t whylen)
{
    idx = lua_absindex(L, idx);
    int ty = lua_type(L, idx);
    if (ty == LUA_TSTRING) {
        *vi = *en = lua_tolstring(L, idx, nvi);
        *nen = *nvi;
        note_plain(L, *vi, *nvi);
        return check_lang(*vi, *nvi, "vi", why, whylen) < 0 ? -1 : 0;
    }
    if (ty != LUA_TTABLE) {
        snprintf(why, whylen, "must be a text (a string or { vi = ..., en = ... }), got %s",
                 lua_typename(L, ty));
        return -1;
    }
    int hv = text_lang(L, idx, "vi", vi, nvi, why, whylen);
    if (hv < 0)
        return -1;
    int he = text_lang(L, idx, "en", en, nen, why, whylen);
    if (he < 0)
        return -1;
    if (!hv || !he) {
        snprintf(why, whylen, "text missing a language: %s",
                 !hv && !he ? "vi, en" : !hv ? "vi" : "en");
        return -1;
    }
    return 0;
}

char *lh_nfc(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return text_nfc(s, n, NULL);
    return xstrndup(s, n);
}

/* ---- the sandboxed state ------------------------------------------------ */

/* math.random draws from the bound engine's generator: the session's only
 * randomness. There is none while loading (no session yet); the guard in
 * front of math.random says so before this could be reached. */
static uint64_t rng_next(void *ctx)
{
    lhost *h = ctx;
    return h->e ? engine_rand_bits(h->e) : 0;
}

static int l_random_guard(lua_State *L)
{
    lhost *h = lua_touserdata(L, lua_upvalueindex(1));
    if (!h->e)
        return luaL_error(L, "randomness is only available inside hooks");
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(2));
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    return lua_gettop(L);
}

static void guard_random(lua_State *L, lhost *h)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    lua_pushliteral(L, "math");
    if (lua_rawget(L, -2) == LUA_TTABLE) {
        lua_pushliteral(L, "random");
        if (lua_rawget(L, -2) == LUA_TFUNCTION) {
            lua_pushlightuserdata(L, h);
            lua_insert(L, -2);
            lua_pushcclosure(L, l_random_guard, 2);
            lua_pushliteral(L, "random");
            lua_insert(L, -2);
            lua_rawset(L, -3);
        } else {
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 2);
}

/* Runs under sbx_protect: everything that allocates in the state. */
static int setup(lua_State *L)
{
    lhost *h = lua_touserdata(L, 1);
    ldecl_register(L, h);
    guard_random(L, h);
    return 0;
}

/* The compiled chunks of an image being made (keep) or used (use). */
typedef struct chunk_io {
    const sbx_chunk *use;
    sbx_chunk **keep;
} chunk_io;

static int run_chunk(lhost *h, const char *buf, size_t len, const char *name, bool stdlib,
                     chunk_io io)
{
    h->in_stdlib = stdlib;
    int rc = io.use ? sbx_load_chunk(h->sbx, io.use) : sbx_load(h->sbx, buf, len, name);
    if (rc == SBX_OK && io.keep)
        rc = sbx_dump(h->sbx, io.keep);
    if (rc == SBX_OK)
        rc = sbx_pcall(h->sbx, 0, 0);
    if (rc != SBX_OK)
        sandbox_problem(h, name);
    h->in_stdlib = false;
    return rc == SBX_OK ? 0 : -1;
}

/* The whole file must be UTF-8 (texts are checked again one by one; this
 * gives the line of a stray byte in a comment or an id too). */
static int check_source(lhost *h, const char *src, size_t len)
{
    if (len > LH_FILE_MAX) {
        lh_problem(h, 1, "the file is larger than 16 MiB");
        return -1;
    }
    size_t i = 0;
    int line = 1;
    while (i < len) {
        size_t k = src[i] ? utf8_seq_len(src + i, len - i) : 0;
        if (k == 0) {
            lh_problem(h, line, src[i] ? "the file is not valid UTF-8" : "the file contains a NUL byte");
            return -1;
        }
        line += src[i] == '\n';
        i += k;
    }
    return 0;
}

/* ---- problems out ------------------------------------------------------- */

static void emit_problems(lhost *h, sbuf *out)
{
    lh_load *ld = &h->ld;
    /* Stable insertion sort by line: the list reads in file order. */
    for (int i = 1; i < ld->nprobs; i++) {
        lh_prob p = ld->probs[i];
        int j = i;
        while (j > 0 && ld->probs[j - 1].line > p.line) {
            ld->probs[j] = ld->probs[j - 1];
            j--;
        }
        ld->probs[j] = p;
    }
    if (!out)
        return;
    for (int i = 0; i < ld->nprobs; i++) {
        sb_puts(out, ld->probs[i].msg);
        sb_putc(out, '\n');
    }
    const char *path = h->sc.path ? h->sc.path : "scenario";
    if (ld->dropped && ld->nprobs)
        sb_printf(out, "%s: %d more problem(s) not shown\n", path, ld->dropped);
    else if (!ld->nprobs)
        sb_printf(out, "%s: out of memory\n", path);
}

static void free_problems(lh_load *ld)
{
    for (int i = 0; i < ld->nprobs; i++)
        free(ld->probs[i].msg);
    free(ld->probs);
    ld->probs = NULL;
    ld->nprobs = ld->cap_probs = 0;
}

/* ---- lifecycle ---------------------------------------------------------- */

/* hash: the source's SHA-256 when already known (an image), else NULL. */
static lhost *lhost_alloc(const char *path, const char *src, size_t len, const char *hash)
{
    lhost *h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    h->errp = "";
    h->sc.version = 1;
    h->sc.turn_minutes = 15;
    h->sc.action_points = 2;
    h->sc.start_minute = 8 * 60;
    h->sc.path = xstrdup(path ? path : "scenario");
    h->sc.source = malloc(len + 1);
    if (!h->sc.path || !h->sc.source) {
        lhost_free(h);
        return NULL;
    }
    if (len)
        memcpy(h->sc.source, src, len);
    h->sc.source[len] = '\0';
    h->sc.source_len = len;
    if (hash)
        memcpy(h->sc.hash, hash, sizeof h->sc.hash);
    else
        sha256_hex(src, len, h->sc.hash);
    return h;
}

/* Steps that stop the load: a bad file, a sandbox that cannot be built,
 * a syntax or runtime error in the stdlib or the file. Declaration
 * problems do not stop it; they are all reported at the end. */
/* Images. A fresh state made from an image runs the compiled stdlib and
 * scenario chunks (no compiling), and the declaration functions it runs
 * them with only keep the functions and tables the scenario hands over
 * (ldecl_replay.c): the declarations themselves, read and checked once
 * when the image was made, are the image's scen, which every lhost made
 * from it borrows. That is sound because a top level has no randomness,
 * clock or input: run again in a fresh state, it hands over the same
 * values in the same order, and they get the same registry refs. Each ref
 * is compared with the image's all the same; if one differs, the file is
 * loaded in full from the chunks instead. */
/* struct lhost_image is in lhost_int.h (a test reaches into it). */

static int *copy_ints(const int *v, int n)
{
    int *c = malloc(((size_t)n + 1) * sizeof *c);
    if (c && n)
        memcpy(c, v, (size_t)n * sizeof *c);
    return c;
}

/* What an image keeps of the load that made it (besides the chunks, kept
 * as they are compiled). -1 when out of memory. */
static int keep_load(lhost *h, lhost_image *keep)
{
    keep->refs = copy_ints(h->keep_refs, h->nkeep_refs);
    keep->nrefs = h->nkeep_refs;
    keep->asset_vars = copy_ints(h->ld.asset_vars, h->ld.nasset_vars);
    keep->nasset_vars = h->ld.nasset_vars;
    keep->plain = copy_ints(h->plain, h->nplain);
    keep->nplain = h->nplain;
    return keep->refs && keep->asset_vars && keep->plain ? 0 : -1;
}

/* A replay's own copies of what lapi_open and check read from a load. */
static int replay_done(lhost *h, const lhost_image *from)
{
    h->ld.asset_vars = copy_ints(from->asset_vars, from->nasset_vars);
    h->ld.nasset_vars = h->ld.cap_asset_vars = from->nasset_vars;
    h->plain = copy_ints(from->plain, from->nplain);
    h->nplain = h->cap_plain = from->nplain;
    h->cap_plain += h->plain != NULL;       /* copy_ints leaves one spare slot */
    return h->ld.asset_vars && h->plain ? 0 : -1;
}

/* One load. With from, the source and compiled chunks come from an image
 * (already checked when the image was made), and with replay the
 * declarations too; with keep, the compiled chunks and what the load
 * declared are kept for a new image. */
/* Which standard library h runs: the image's, opts', or the built-in
 * one; a text from outside is copied (and checked like a scenario's). */
static int choose_stdlib(lhost *h, const lhost_opts *opts, const lhost_image *from)
{
    const char *src = irdrill_stdlib_lua;
    size_t len = irdrill_stdlib_lua_len;
    if (from ? from->stdlib_own != NULL : opts && opts->stdlib) {
        src = from ? from->stdlib_own : opts->stdlib;
        len = from ? from->stdlib_len : opts->stdlib_len;
        if (!(h->stdlib_own = malloc(len + 1))) {
            lh_problem(h, 0, "out of memory");
            return -1;
        }
        memcpy(h->stdlib_own, src, len);
        h->stdlib_own[len] = '\0';
        src = h->stdlib_own;
        h->in_stdlib = true;
        int rc = from ? 0 : check_source(h, src, len);
        h->in_stdlib = false;
        if (rc < 0)
            return -1;
    }
    h->stdlib = src;
    h->stdlib_len = len;
    return 0;
}

static lhost *load(const char *path, const char *src, size_t len, const lhost_opts *opts,
                   sbuf *problems, const lhost_image *from, lhost_image *keep, bool replay)
{
    chunk_io lib = { from ? from->stdlib : NULL, keep ? &keep->stdlib : NULL };
    chunk_io own = { from ? from->scenario : NULL, keep ? &keep->scenario : NULL };
    replay = replay && from && from->has_sc;
    lhost *h;
    if (replay) {
        h = calloc(1, sizeof *h);
        if (h) {
            h->errp = "";
            h->sc = from->sc;                  /* borrowed: see "Images" above */
            h->sc_borrowed = h->replaying = true;
            h->replay_refs = from->refs;
            h->nreplay_refs = from->nrefs;
        }
    } else {
        h = lhost_alloc(path, src ? src : "", src ? len : 0, from ? from->hash : NULL);
    }
    if (!h) {
        if (problems)
            sb_printf(problems, "%s: out of memory\n", path ? path : "scenario");
        return NULL;
    }
    h->recording = keep != NULL;
    src = h->sc.source;
    len = h->sc.source_len;
    if (!from && check_source(h, src, len) < 0)
        goto fail;
    if (choose_stdlib(h, opts, from) < 0)
        goto fail;
    sbx_rng rng = { rng_next, h };
    h->sbx = sbx_new(opts ? &opts->limits : NULL, &rng);
    if (!h->sbx)
        goto fail;
    h->L = sbx_state(h->sbx);
    sbx_set_user(h->sbx, h);
    if (sbx_protect(h->sbx, setup, h) != SBX_OK) {
        sandbox_problem(h, h->sc.path);
        goto fail;
    }
    if (run_chunk(h, h->stdlib, h->stdlib_len, LH_STDLIB_NAME, true, lib) < 0)
        goto fail;
    /* Lua's text loader does not skip a byte-order mark; editors write one. */
    size_t bom = len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    if (run_chunk(h, src + bom, len - bom, h->sc.path, false, own) < 0)
        goto fail;
    if (replay) {
        h->replaying = false;
        if (h->replay_bad || h->replay_next != h->nreplay_refs) {
            lhost_free(h);                     /* never seen: a full load instead */
            return load(path, src, len, opts, problems, from, keep, false);
        }
        if (replay_done(h, from) < 0) {
            lh_problem(h, 0, "out of memory");
            goto fail;
        }
    } else {
        /* The search for where tests' inputs begin reads the whole source;
         * an image already knows the answer. */
        h->inputs_known = from && from->ntests == h->sc.ntests;
        lcheck_run(h);
        for (int i = 0; h->inputs_known && i < h->sc.ntests; i++)
            h->sc.tests[i].inputs_line = from->inputs_lines[i];
    }
    if (h->ld.nprobs || h->ld.dropped)
        goto fail;
    if (keep && keep_load(h, keep) < 0) {
        lh_problem(h, 0, "out of memory");
        goto fail;
    }
    h->loaded = true;
    if (sbx_protect(h->sbx, lapi_open, h) != SBX_OK) {
        sandbox_problem(h, h->sc.path);
        goto fail;
    }
    lcheck_free_load(h);
    free_problems(&h->ld);
    return h;
fail:
    emit_problems(h, problems);
    lhost_free(h);
    return NULL;
}

lhost *lhost_load(const char *path, const char *src, size_t len,
                  const lhost_opts *opts, sbuf *problems)
{
    return load(path, src, len, opts, problems, NULL, NULL, false);
}

lhost_image *lhost_image_new(const char *path, const char *src, size_t len,
                             const lhost_opts *opts, sbuf *problems)
{
    lhost_image *img = calloc(1, sizeof *img);
    if (img)
        img->users = 1;         /* the caller's handle */
    if (!img) {
        if (problems)
            sb_printf(problems, "%s: out of memory\n", path ? path : "scenario");
        return NULL;
    }
    lhost *h = load(path, src, len, opts, problems, NULL, img, false);
    if (!h) {
        lhost_image_free(img);
        return NULL;
    }
    /* Keep what the load kept: its copy of the source, path and hash. */
    const scen *sc = lhost_scen(h);
    img->path = xstrdup(sc->path);
    img->source = malloc(sc->source_len + 1);
    if (img->source) {
        memcpy(img->source, sc->source, sc->source_len + 1);
        img->len = sc->source_len;
    }
    memcpy(img->hash, sc->hash, sizeof img->hash);
    img->inputs_lines = calloc((size_t)sc->ntests + 1, sizeof *img->inputs_lines);
    for (int i = 0; img->inputs_lines && i < sc->ntests; i++)
        img->inputs_lines[i] = sc->tests[i].inputs_line;
    img->ntests = sc->ntests;
    bool own_ok = true;
    if (h->stdlib_own) {
        own_ok = (img->stdlib_own = malloc(h->stdlib_len + 1)) != NULL;
        if (own_ok)
            memcpy(img->stdlib_own, h->stdlib_own, h->stdlib_len + 1);
        img->stdlib_len = h->stdlib_len;
    }
    /* The declarations move into the image, for replays to borrow. */
    img->sc = h->sc;
    img->has_sc = true;
    memset(&h->sc, 0, sizeof h->sc);
    lhost_free(h);
    if (!img->path || !img->source || !img->stdlib || !img->scenario || !img->inputs_lines ||
        !own_ok) {
        if (problems)
            sb_printf(problems, "%s: out of memory\n", path ? path : "scenario");
        lhost_image_free(img);
        return NULL;
    }
    return img;
}

lhost *lhost_load_image(lhost_image *img, const lhost_opts *opts, sbuf *problems)
{
    lhost *h = load(img->path, img->source, img->len, opts, problems, img, NULL, true);
    if (h && h->sc_borrowed) {
        h->img = img;           /* the declarations it borrows live as long as it */
        img->users++;
    }
    return h;
}

/* An image is freed when its owner has let it go and no lhost made from
 * it borrows its declarations any more. */
static void image_release(lhost_image *img)
{
    if (--img->users > 0)
        return;
    sbx_chunk_free(img->stdlib);
    sbx_chunk_free(img->scenario);
    free(img->inputs_lines);
    if (img->has_sc)
        scen_free(&img->sc);
    free(img->refs);
    free(img->asset_vars);
    free(img->plain);
    free(img->path);
    free(img->source);
    free(img->stdlib_own);
    free(img);
}

void lhost_image_free(lhost_image *img)
{
    if (img)
        image_release(img);
}

lhost *lhost_load_file(const char *path, const lhost_opts *opts, sbuf *problems)
{
    sbuf buf = SBUF_INIT;
    const char *why = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        why = strerror(errno);
        goto out;
    }
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (buf.len + n > LH_FILE_MAX) {
            why = "file is larger than 16 MiB";
            goto out;
        }
        sb_add(&buf, chunk, n);
        if (buf.oom) {
            why = "out of memory";
            goto out;
        }
    }
    if (ferror(f))
        why = strerror(errno ? errno : EIO);
out:
    if (f)
        fclose(f);
    lhost *h = NULL;
    if (why) {
        if (problems)
            sb_printf(problems, "%s: cannot read: %s\n", path, why);
    } else {
        h = lhost_load(path, buf.buf ? buf.buf : "", buf.len, opts, problems);
    }
    sb_free(&buf);
    return h;
}

void lhost_free(lhost *h)
{
    if (!h)
        return;
    if (h->sbx)
        sbx_free(h->sbx);
    lcheck_free_load(h);
    free_problems(&h->ld);
    if (!h->sc_borrowed)
        scen_free(&h->sc);
    else if (h->img)
        image_release(h->img);
    free(h->plain);
    free(h->keep_refs);
    free(h->stdlib_own);
    free(h);
}

const scen *lhost_scen(const lhost *h) { return &h->sc; }

bool lhost_replayed(const lhost *h) { return h->sc_borrowed; }

sbx *lhost_sandbox(lhost *h) { return h->sbx; }

void lhost_stdlib(const lhost *h, const char **src, size_t *len)
{
    *src = h->stdlib ? h->stdlib : irdrill_stdlib_lua;
    *len = h->stdlib ? h->stdlib_len : irdrill_stdlib_lua_len;
}

engine_hooks lhost_hooks(lhost *h)
{
    engine_hooks hk = { lapi_call_hook, lapi_errmsg, h };
    return hk;
}

void lhost_bind(lhost *h, engine *e) { h->e = e; }
