/*
 * evblock.c - the format of an event block (docs/database.md,
 * "event_blocks"): the events one transaction recorded, as one JSON array
 * with one element per event,
 *
 *   [SEQ, TURN, MINUTE, VIS, KIND, ROLE, SUBJECT, FIELD, VALUE, ATTRS, TEXT_VI, TEXT_EN]
 *
 * where VIS and KIND are strings, ROLE, SUBJECT, FIELD, TEXT_VI and
 * TEXT_EN strings or null, ATTRS an object or null, and elements are
 * separated by ",\n" so that a block reads one event per line. Storing the
 * consequences of an input as one row instead of one row per event is what
 * makes saving cheap beside the engine (quality.md: a saved run at least
 * 1/3 the speed of an unsaved one); the `events` view unpacks blocks for
 * users of the stock sqlite3 tool.
 *
 * The writer here is the only one (the migration from schema 2 uses it
 * too); the reader accepts any JSON of that shape, since a block may have
 * been edited by hand, and says where a block stops making sense.
 */
#include "saves/store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- writing ---------------------------------------------------------------- */

/* The writer fills the sbuf through a pointer, after making room once per
 * event for the worst case: this is on the path of every event a session
 * records, and byte-at-a-time appends cost more than the SQLite insert. */
static char *reserve(sbuf *b, size_t need)
{
    if (b->oom)
        return NULL;
    if (b->cap - b->len < need + 1 || !b->buf) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap - b->len < need + 1) {
            if (cap > SIZE_MAX / 2) {
                b->oom = true;
                return NULL;
            }
            cap *= 2;
        }
        char *nb = realloc(b->buf, cap);
        if (!nb) {
            b->oom = true;
            return NULL;
        }
        b->buf = nb;
        b->cap = cap;
    }
    return b->buf + b->len;
}

static char *put_int(char *p, int64_t v)
{
    char tmp[24], *t = tmp + sizeof tmp;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        *--t = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--t = '-';
    size_t n = (size_t)(tmp + sizeof tmp - t);
    memcpy(p, t, n);
    return p + n;
}

/* Room a string may take: every byte escaped as \u00XX, quotes. */
static size_t str_room(const char *s, size_t *len)
{
    *len = s ? strlen(s) : 0;
    return *len * 6 + 2 + 4;
}

/* The length of the valid UTF-8 sequence at s (c = s[0] >= 0x80), or 0:
 * utf8_seq_len's rules (no overlongs, surrogates or values past
 * U+10FFFF), inline because Vietnamese text is mostly such sequences. */
static size_t u8len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c >= 0xc2 && c <= 0xdf)
        return n >= 2 && (s[1] & 0xc0) == 0x80 ? 2 : 0;
    if (c >= 0xe0 && c <= 0xef) {
        if (n < 3 || (s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80 ||
            (c == 0xe0 && s[1] < 0xa0) || (c == 0xed && s[1] >= 0xa0))
            return 0;
        return 3;
    }
    if (c >= 0xf0 && c <= 0xf4) {
        if (n < 4 || (s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80 || (s[3] & 0xc0) != 0x80 ||
            (c == 0xf0 && s[1] < 0x90) || (c == 0xf4 && s[1] >= 0x90))
            return 0;
        return 4;
    }
    return 0;
}

/* A JSON string, as sb_json_str writes it (invalid UTF-8 bytes become
 * U+FFFD), copying runs of plain characters at once. */
static char *put_str(char *p, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    if (!s) {
        memcpy(p, "null", 4);
        return p + 4;
    }
    size_t i = 0, run = 0;
    *p++ = '"';
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
            i++;
            continue;
        }
        if (c >= 0x80) {
            size_t len = u8len((const unsigned char *)s + i, n - i);
            if (len) {
                i += len;
                continue;
            }
        }
        memcpy(p, s + run, i - run);
        p += i - run;
        *p++ = '\\';
        switch (c) {
        case '"': *p++ = '"'; break;
        case '\\': *p++ = '\\'; break;
        case '\n': *p++ = 'n'; break;
        case '\t': *p++ = 't'; break;
        case '\r': *p++ = 'r'; break;
        default:
            if (c >= 0x80) {   /* U+FFFD for a bad byte */
                memcpy(p - 1, "\xef\xbf\xbd", 3);
                p += 2;
            } else {
                memcpy(p, "u00", 3);
                p[3] = hex[c >> 4];
                p[4] = hex[c & 15];
                p += 5;
            }
        }
        run = ++i;
    }
    memcpy(p, s + run, i - run);
    p += i - run;
    *p++ = '"';
    return p;
}

typedef struct cur {
    const char *p, *end;
} cur;

static bool skip_value(cur *c, int depth);

bool evblock_object_ok(const char *s)
{
    if (!s)
        return false;
    cur c = { s, s + strlen(s) };
    return c.p < c.end && *c.p == '{' && skip_value(&c, 0) && c.p == c.end;
}

void evblock_put_cols(sbuf *b, int64_t seq, int64_t turn, int64_t minute, const char *vis,
                      const char *kind, const char *role, const char *subject, const char *field,
                      int64_t value, const char *attrs, const char *vi, const char *en)
{
    const char *str[7] = { vis ? vis : "", kind ? kind : "", role, subject, field, vi, en };
    size_t len[7], alen = 0, need = 3 + 4 * 21 + 12 + 2;
    for (int i = 0; i < 7; i++)
        need += str_room(str[i], &len[i]);
    /* The engine's attrs are JSON objects; anything else (a hand-edited
     * row being migrated) is kept as a string, so the block stays JSON. */
    bool raw = attrs && *attrs && evblock_object_ok(attrs);
    need += str_room(attrs, &alen);
    char *p0 = reserve(b, need), *p = p0;
    if (!p)
        return;
    if (b->len == 0) {
        memcpy(p, "[[", 2);
        p += 2;
    } else {
        memcpy(p, ",\n[", 3);
        p += 3;
    }
    p = put_int(p, seq);
    *p++ = ',';
    p = put_int(p, turn);
    *p++ = ',';
    p = put_int(p, minute);
    for (int i = 0; i < 5; i++) {
        *p++ = ',';
        p = put_str(p, str[i], len[i]);
    }
    *p++ = ',';
    p = put_int(p, value);
    *p++ = ',';
    if (raw) {
        memcpy(p, attrs, alen);
        p += alen;
    } else {
        p = put_str(p, attrs && *attrs ? attrs : NULL, alen);
    }
    for (int i = 5; i < 7; i++) {
        *p++ = ',';
        p = put_str(p, str[i], len[i]);
    }
    *p++ = ']';
    b->len += (size_t)(p - p0);
    b->buf[b->len] = '\0';
}

void evblock_put(sbuf *b, const event *ev)
{
    evblock_put_cols(b, ev->seq, ev->turn, ev->minute, ev->vis == EV_TRUTH ? "truth" : "team",
                     (unsigned)ev->kind < EVK_COUNT ? ev_kind_names[ev->kind] : "?", ev->role,
                     ev->subject, ev->field, ev->value, ev->attrs, ev->text.vi, ev->text.en);
}

/* ---- reading ---------------------------------------------------------------- */

static void ws(cur *c)
{
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\n' || *c->p == '\r' || *c->p == '\t'))
        c->p++;
}

static bool lit(cur *c, const char *w)
{
    size_t n = strlen(w);
    if ((size_t)(c->end - c->p) < n || memcmp(c->p, w, n) != 0)
        return false;
    c->p += n;
    return true;
}

static int hex4(const char *p)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        char h = p[i];
        v <<= 4;
        if (h >= '0' && h <= '9')
            v |= h - '0';
        else if (h >= 'a' && h <= 'f')
            v |= h - 'a' + 10;
        else if (h >= 'A' && h <= 'F')
            v |= h - 'A' + 10;
        else
            return -1;
    }
    return v;
}

static void put_utf8(sbuf *o, unsigned cp)
{
    char u[4];
    if (cp < 0x80) {
        u[0] = (char)cp;
        sb_add(o, u, 1);
    } else if (cp < 0x800) {
        u[0] = (char)(0xc0 | cp >> 6);
        u[1] = (char)(0x80 | (cp & 0x3f));
        sb_add(o, u, 2);
    } else if (cp < 0x10000) {
        u[0] = (char)(0xe0 | cp >> 12);
        u[1] = (char)(0x80 | (cp >> 6 & 0x3f));
        u[2] = (char)(0x80 | (cp & 0x3f));
        sb_add(o, u, 3);
    } else {
        u[0] = (char)(0xf0 | cp >> 18);
        u[1] = (char)(0x80 | (cp >> 12 & 0x3f));
        u[2] = (char)(0x80 | (cp >> 6 & 0x3f));
        u[3] = (char)(0x80 | (cp & 0x3f));
        sb_add(o, u, 4);
    }
}

/* A string at c (the opening quote), decoded into o when o is not NULL. */
static bool str(cur *c, sbuf *o)
{
    if (c->p >= c->end || *c->p != '"')
        return false;
    c->p++;
    while (c->p < c->end) {
        const char *q = c->p;
        while (q < c->end && *q != '"' && *q != '\\' && (unsigned char)*q >= 0x20)
            q++;
        if (o && q > c->p)
            sb_add(o, c->p, (size_t)(q - c->p));
        c->p = q;
        if (q == c->end || (unsigned char)*q < 0x20)
            return false;
        c->p++;
        if (*q == '"')
            return true;
        if (c->p >= c->end)
            return false;
        char e = *c->p++;
        unsigned cp;
        switch (e) {
        case '"': case '\\': case '/': cp = (unsigned char)e; break;
        case 'b': cp = '\b'; break;
        case 'f': cp = '\f'; break;
        case 'n': cp = '\n'; break;
        case 'r': cp = '\r'; break;
        case 't': cp = '\t'; break;
        case 'u': {
            int h = c->end - c->p >= 4 ? hex4(c->p) : -1;
            if (h < 0)
                return false;
            c->p += 4;
            cp = (unsigned)h;
            if (cp >= 0xd800 && cp < 0xdc00 && c->end - c->p >= 6 && c->p[0] == '\\' &&
                c->p[1] == 'u') {
                int lo = hex4(c->p + 2);
                if (lo >= 0xdc00 && lo < 0xe000) {
                    cp = 0x10000 + ((cp - 0xd800) << 10) + ((unsigned)lo - 0xdc00);
                    c->p += 6;
                }
            }
            if (cp >= 0xd800 && cp < 0xe000)
                cp = 0xfffd;   /* a lone surrogate */
            break;
        }
        default:
            return false;
        }
        if (o)
            put_utf8(o, cp);
    }
    return false;
}

static bool num(cur *c, int64_t *out)
{
    bool neg = c->p < c->end && *c->p == '-';
    if (neg)
        c->p++;
    uint64_t v = 0;
    const char *d = c->p;
    while (c->p < c->end && *c->p >= '0' && *c->p <= '9') {
        if (v > (UINT64_MAX - 9) / 10)
            return false;
        v = v * 10 + (uint64_t)(*c->p++ - '0');
    }
    if (c->p == d || (c->p < c->end && (*c->p == '.' || *c->p == 'e' || *c->p == 'E')))
        return false;
    if (v > (uint64_t)INT64_MAX + neg)
        return false;
    *out = neg ? (int64_t)(0 - v) : (int64_t)v;
    return true;
}

/* One or more decimal digits. */
static bool digits(cur *c)
{
    const char *d = c->p;
    while (c->p < c->end && *c->p >= '0' && *c->p <= '9')
        c->p++;
    return c->p > d;
}

/* Any JSON value (a number in full JSON syntax), nested at most 64 deep. */
static bool skip_value(cur *c, int depth)
{
    ws(c);
    if (c->p >= c->end || depth > 64)
        return false;
    char ch = *c->p;
    if (ch == '"')
        return str(c, NULL);
    if (ch == '{' || ch == '[') {
        char close = ch == '{' ? '}' : ']';
        c->p++;
        ws(c);
        if (c->p < c->end && *c->p == close) {
            c->p++;
            return true;
        }
        for (;;) {
            if (ch == '{') {
                ws(c);
                if (!str(c, NULL))
                    return false;
                ws(c);
                if (c->p >= c->end || *c->p++ != ':')
                    return false;
            }
            if (!skip_value(c, depth + 1))
                return false;
            ws(c);
            if (c->p >= c->end)
                return false;
            if (*c->p == close) {
                c->p++;
                return true;
            }
            if (*c->p++ != ',')
                return false;
        }
    }
    if (lit(c, "true") || lit(c, "false") || lit(c, "null"))
        return true;
    /* a number, strictly: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
    if (c->p < c->end && *c->p == '-')
        c->p++;
    if (c->p < c->end && *c->p == '0')
        c->p++;
    else if (!digits(c))
        return false;
    if (c->p < c->end && *c->p == '.') {
        c->p++;
        if (!digits(c))
            return false;
    }
    if (c->p < c->end && (*c->p == 'e' || *c->p == 'E')) {
        c->p++;
        if (c->p < c->end && (*c->p == '+' || *c->p == '-'))
            c->p++;
        if (!digits(c))
            return false;
    }
    return true;
}

/* A string or null: *out gets a malloc'd copy, or NULL for null. */
static bool str_or_null(cur *c, char **out, sbuf *tmp, bool *oom)
{
    ws(c);
    *out = NULL;
    if (lit(c, "null"))
        return true;
    sb_reset(tmp);
    if (!str(c, tmp))
        return false;
    if (!(*out = xstrndup(tmp->buf ? tmp->buf : "", tmp->len)) || tmp->oom)
        *oom = true;
    return true;
}

static bool sep(cur *c, char want)
{
    ws(c);
    if (c->p >= c->end || *c->p != want)
        return false;
    c->p++;
    return true;
}

static bool int_field(cur *c, int64_t *v)
{
    ws(c);
    return num(c, v) && sep(c, ',');
}

/* ---- attrs, the way reports read them ------------------------------------ */

/* One top-level value of the attrs object as text: a string decoded,
 * true/false as 1/0, a number or an object as written, an array of strings
 * joined with commas (the facts of a report); null gives NULL. */
static char *attr_text(cur *c, sbuf *tmp, bool *oom)
{
    ws(c);
    const char *s = c->p;
    char *r = NULL;
    sb_reset(tmp);
    if (lit(c, "null"))
        return NULL;
    if (lit(c, "true"))
        r = xstrdup("1");
    else if (lit(c, "false"))
        r = xstrdup("0");
    else if (c->p < c->end && *c->p == '"') {
        if (!str(c, tmp))
            return NULL;
        r = xstrndup(tmp->buf ? tmp->buf : "", tmp->len);
    } else if (c->p < c->end && *c->p == '[') {
        c->p++;
        ws(c);
        bool first = true;
        while (c->p < c->end && *c->p != ']') {
            if (!first && !sep(c, ','))
                return NULL;
            ws(c);
            if (!first)
                sb_putc(tmp, ',');
            first = false;
            if (c->p < c->end && *c->p == '"') {
                if (!str(c, tmp))
                    return NULL;
            } else {
                const char *v = c->p;
                if (!skip_value(c, 1))
                    return NULL;
                sb_add(tmp, v, (size_t)(c->p - v));
            }
            ws(c);
        }
        if (c->p >= c->end)
            return NULL;
        c->p++;
        r = xstrndup(tmp->buf ? tmp->buf : "", tmp->len);
    } else {
        if (!skip_value(c, 0))
            return NULL;
        r = xstrndup(s, (size_t)(c->p - s));
    }
    if (!r || tmp->oom)
        *oom = true;
    return r;
}

static int attr_int(const char *v)
{
    return v ? (int)strtol(v, NULL, 10) : -1;
}

/* Fill the report fields of e from its attrs (already checked to be an
 * object). */
static void read_attrs(store_event *e, sbuf *tmp, bool *oom)
{
    const char *a = e->ev.attrs;
    cur c = { a, a + strlen(a) };
    char *pub = NULL, *ontime = NULL;
    c.p++;   /* '{' */
    for (;;) {
        ws(&c);
        if (c.p >= c.end || *c.p == '}')
            break;
        sb_reset(tmp);
        if (!str(&c, tmp) || !sep(&c, ':'))
            break;
        char key[16];
        snprintf(key, sizeof key, "%.*s", (int)(tmp->len < 15 ? tmp->len : 15),
                 tmp->buf ? tmp->buf : "");
        char **slot = !strcmp(key, "target")      ? &e->a_target
                    : !strcmp(key, "source")      ? &e->a_source
                    : !strcmp(key, "severity")    ? &e->a_severity
                    : !strcmp(key, "asset")       ? &e->a_asset
                    : !strcmp(key, "technique")   ? &e->a_technique
                    : !strcmp(key, "facts")       ? &e->a_facts
                    : !strcmp(key, "public")      ? &pub
                    : !strcmp(key, "on_time")     ? &ontime : NULL;
        if (slot) {
            free(*slot);   /* a repeated key: the last one counts, as in SQLite */
            *slot = attr_text(&c, tmp, oom);
        } else if (!skip_value(&c, 0)) {
            break;
        }
        if (!sep(&c, ','))
            break;
    }
    e->a_public = attr_int(pub);
    e->a_on_time = attr_int(ontime);
    free(pub);
    free(ontime);
}

/* One element into e (zeroed by the caller). Returns false when it is not
 * an element of the block format. */
static bool element(cur *c, store_event *e, sbuf *tmp, bool *oom)
{
    int64_t seq, turn, minute, value;
    char *vis = NULL, *role, *subject, *field;
    const char *a;
    bool ok = false;
    if (!sep(c, '[') || !int_field(c, &seq) || !int_field(c, &turn) || !int_field(c, &minute))
        return false;
    if (seq < 1 || seq > UINT32_MAX || turn < INT32_MIN || turn > INT32_MAX ||
        minute < INT32_MIN || minute > INT32_MAX)
        return false;
    e->ev.seq = (uint32_t)seq;
    e->ev.turn = (int)turn;
    e->ev.minute = (int)minute;
    if (!str_or_null(c, &vis, tmp, oom) || !vis || !sep(c, ','))
        goto out;
    e->ev.vis = strcmp(vis, "truth") == 0 ? EV_TRUTH : EV_TEAM;
    if (strcmp(vis, "truth") != 0 && strcmp(vis, "team") != 0)
        goto out;
    if (!str_or_null(c, &e->kind_name, tmp, oom) || !e->kind_name || !sep(c, ','))
        goto out;
    if (!str_or_null(c, &role, tmp, oom))
        goto out;
    e->ev.role = role;
    if (!sep(c, ',') || !str_or_null(c, &subject, tmp, oom))
        goto out;
    e->ev.subject = subject;
    if (!sep(c, ',') || !str_or_null(c, &field, tmp, oom))
        goto out;
    e->ev.field = field;
    if (!sep(c, ','))
        goto out;
    ws(c);
    if (!num(c, &value) || !sep(c, ','))
        goto out;
    e->ev.value = value;
    ws(c);
    a = c->p;
    if (lit(c, "null")) {
        e->ev.attrs = NULL;
    } else if (c->p < c->end && *c->p == '{') {
        if (!skip_value(c, 0))
            goto out;
        char *attrs = xstrndup(a, (size_t)(c->p - a));
        if (!attrs)
            *oom = true;
        e->ev.attrs = attrs;
    } else {
        /* kept as a string by the migration: not attrs a report can read */
        char *junk = NULL;
        if (!str_or_null(c, &junk, tmp, oom))
            goto out;
        free(junk);
        e->ev.attrs = xstrdup("\"(not an object)\"");
        if (!e->ev.attrs)
            *oom = true;
    }
    if (!sep(c, ',') || !str_or_null(c, &e->ev.text.vi, tmp, oom) || !sep(c, ',') ||
        !str_or_null(c, &e->ev.text.en, tmp, oom) || !sep(c, ']'))
        goto out;
    int k = ev_kind_find(e->kind_name);
    e->kind_ok = k >= 0;
    e->ev.kind = k >= 0 ? (ev_kind)k : EVK_NOTE;
    e->a_public = e->a_on_time = -1;
    if (e->ev.attrs && e->ev.attrs[0] == '{')
        read_attrs(e, tmp, oom);
    ok = true;
out:
    free(vis);
    return ok;
}

void evblock_event_free(store_event *e)
{
    free((char *)e->ev.role);
    free((char *)e->ev.subject);
    free((char *)e->ev.field);
    free((char *)e->ev.attrs);
    text_free(&e->ev.text);
    free(e->kind_name);
    free(e->a_target);
    free(e->a_source);
    free(e->a_severity);
    free(e->a_asset);
    free(e->a_technique);
    free(e->a_facts);
    memset(e, 0, sizeof *e);
}

int evblock_decode(const char *s, size_t n, store_event **v, int *nv, int *cap, char *err,
                   size_t errlen)
{
    cur c = { s ? s : "", (s ? s : "") + (s ? n : 0) };
    sbuf tmp = SBUF_INIT;
    bool oom = false;
    int rc = STORE_OK, done = 0, start = *nv;
    if (!sep(&c, '[')) {
        snprintf(err, errlen, "not a JSON array");
        rc = -1;
        goto out;
    }
    ws(&c);
    if (c.p < c.end && *c.p == ']') {
        c.p++;
    } else {
        for (;;) {
            if (*nv == *cap) {
                int nc = *cap ? *cap * 2 : 256;
                store_event *nvv = realloc(*v, sizeof *nvv * (size_t)nc);
                if (!nvv) {
                    rc = STORE_ENOMEM;
                    goto out;
                }
                *v = nvv;
                *cap = nc;
            }
            store_event *e = &(*v)[*nv];
            memset(e, 0, sizeof *e);
            bool ok = element(&c, e, &tmp, &oom);
            if (!ok || oom) {
                evblock_event_free(e);
                if (oom) {
                    rc = STORE_ENOMEM;
                } else {
                    snprintf(err, errlen, "element %d is not [seq, turn, minute, vis, kind, role, "
                             "subject, field, value, attrs, text_vi, text_en]", done + 1);
                    rc = -1;
                }
                goto out;
            }
            (*nv)++;
            done++;
            ws(&c);
            if (c.p < c.end && *c.p == ']') {
                c.p++;
                break;
            }
            if (c.p >= c.end || *c.p++ != ',') {
                snprintf(err, errlen, "no ',' or ']' after element %d", done);
                rc = -1;
                goto out;
            }
        }
    }
    ws(&c);
    if (c.p != c.end) {
        snprintf(err, errlen, "text after the end of the array");
        rc = -1;
    }
out:
    /* A block is read whole or not at all. */
    if (rc != STORE_OK)
        while (*nv > start)
            evblock_event_free(&(*v)[--*nv]);
    sb_free(&tmp);
    return rc;
}
