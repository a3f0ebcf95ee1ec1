/* attrs.c - a tolerant reader of events' flat JSON attrs; see attrs.h. */
#include "ui/tui/attrs.h"
#include "engine/sbuf.h"

#include <stdlib.h>
#include <string.h>

static const char *ws(const char *p)
{
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    return p;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static int hex4(const char *p, unsigned *out)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval(p[i]);
        if (h < 0)
            return -1;
        v = v << 4 | (unsigned)h;
    }
    *out = v;
    return 0;
}

static void put_utf8(sbuf *sb, unsigned cp)
{
    char b[4];
    if (cp < 0x80) {
        b[0] = (char)cp;
        sb_add(sb, b, 1);
    } else if (cp < 0x800) {
        b[0] = (char)(0xc0 | cp >> 6);
        b[1] = (char)(0x80 | (cp & 0x3f));
        sb_add(sb, b, 2);
    } else if (cp < 0x10000) {
        b[0] = (char)(0xe0 | cp >> 12);
        b[1] = (char)(0x80 | (cp >> 6 & 0x3f));
        b[2] = (char)(0x80 | (cp & 0x3f));
        sb_add(sb, b, 3);
    } else {
        b[0] = (char)(0xf0 | cp >> 18);
        b[1] = (char)(0x80 | (cp >> 12 & 0x3f));
        b[2] = (char)(0x80 | (cp >> 6 & 0x3f));
        b[3] = (char)(0x80 | (cp & 0x3f));
        sb_add(sb, b, 4);
    }
}

/* Parse the string at p (which points at '"'); append its value to sb
 * when sb is not NULL. Returns the position after it, or NULL. */
static const char *str(const char *p, sbuf *sb)
{
    if (*p != '"')
        return NULL;
    p++;
    while (*p && *p != '"') {
        if (*p != '\\') {
            if (sb)
                sb_add(sb, p, 1);
            p++;
            continue;
        }
        p++;
        char c = *p;
        unsigned cp;
        switch (c) {
        case '"': case '\\': case '/':
            cp = (unsigned char)c;
            break;
        case 'b': cp = '\b'; break;
        case 'f': cp = '\f'; break;
        case 'n': cp = '\n'; break;
        case 'r': cp = '\r'; break;
        case 't': cp = '\t'; break;
        case 'u':
            if (hex4(p + 1, &cp) < 0)
                return NULL;
            p += 4;
            if (cp >= 0xd800 && cp < 0xdc00 && p[1] == '\\' && p[2] == 'u') {
                unsigned lo;
                if (hex4(p + 3, &lo) == 0 && lo >= 0xdc00 && lo < 0xe000) {
                    cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
                    p += 6;
                }
            }
            if (cp >= 0xd800 && cp < 0xe000)
                cp = 0xfffd;
            break;
        default:
            return NULL;
        }
        if (sb)
            put_utf8(sb, cp);
        p++;
    }
    return *p == '"' ? p + 1 : NULL;
}

/* Skip one value of any type. */
static const char *skip(const char *p, int depth)
{
    p = ws(p);
    if (depth > 32)
        return NULL;
    if (*p == '"')
        return str(p, NULL);
    if (*p == '[' || *p == '{') {
        char close = *p == '[' ? ']' : '}';
        p = ws(p + 1);
        if (*p == close)
            return p + 1;
        for (;;) {
            if (close == '}') {
                if (!(p = str(ws(p), NULL)))
                    return NULL;
                p = ws(p);
                if (*p++ != ':')
                    return NULL;
            }
            if (!(p = skip(p, depth + 1)))
                return NULL;
            p = ws(p);
            if (*p == close)
                return p + 1;
            if (*p++ != ',')
                return NULL;
        }
    }
    const char *q = p;
    while (*q && strchr("+-0123456789.eEtruefalsn", *q))
        q++;
    return q == p ? NULL : q;
}

/* The value of key at the top level, or NULL. */
static const char *find(const char *js, const char *key)
{
    if (!js)
        return NULL;
    const char *p = ws(js);
    if (*p++ != '{')
        return NULL;
    p = ws(p);
    if (*p == '}')
        return NULL;
    sbuf k = SBUF_INIT;
    const char *found = NULL;
    for (;;) {
        sb_reset(&k);
        if (!(p = str(ws(p), &k)))
            break;
        p = ws(p);
        if (*p++ != ':')
            break;
        p = ws(p);
        if (!k.oom && strcmp(sb_str(&k), key) == 0) {
            found = p;
            break;
        }
        if (!(p = skip(p, 0)))
            break;
        p = ws(p);
        if (*p++ != ',')
            break;
    }
    sb_free(&k);
    return found;
}

char *attrs_str(const char *js, const char *key)
{
    const char *p = find(js, key);
    if (!p)
        return NULL;
    sbuf sb = SBUF_INIT;
    sb_add(&sb, "", 0);
    if (*p == '"') {
        if (!str(p, &sb))
            goto fail;
    } else if (*p == '[') {
        p = ws(p + 1);
        bool first = true;
        while (*p == '"') {
            if (!first)
                sb_putc(&sb, ',');
            first = false;
            if (!(p = str(p, &sb)))
                goto fail;
            p = ws(p);
            if (*p == ',')
                p = ws(p + 1);
        }
        if (*p != ']')
            goto fail;
    } else {
        goto fail;
    }
    if (sb.oom)
        goto fail;
    return sb_take(&sb);
fail:
    sb_free(&sb);
    return NULL;
}

int64_t attrs_int(const char *js, const char *key, int64_t def)
{
    const char *p = find(js, key);
    if (!p)
        return def;
    if (strncmp(p, "true", 4) == 0)
        return 1;
    if (strncmp(p, "false", 5) == 0)
        return 0;
    char *end;
    long long v = strtoll(p, &end, 10);
    return end == p ? def : (int64_t)v;
}
