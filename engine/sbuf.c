/* sbuf.c - growable buffer and JSON escaping; see sbuf.h. */
#include "engine/sbuf.h"
#include "engine/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sb_free(sbuf *sb)
{
    free(sb->buf);
    sb->buf = NULL;
    sb->len = sb->cap = 0;
    sb->oom = false;
}

void sb_reset(sbuf *sb)
{
    sb->len = 0;
    if (sb->buf)
        sb->buf[0] = '\0';
}

static bool grow(sbuf *sb, size_t extra)
{
    if (sb->oom)
        return false;
    if (sb->len + extra + 1 <= sb->cap)
        return true;
    size_t cap = sb->cap ? sb->cap : 64;
    while (cap < sb->len + extra + 1) {
        if (cap > SIZE_MAX / 2) {
            sb->oom = true;
            return false;
        }
        cap *= 2;
    }
    char *p = realloc(sb->buf, cap);
    if (!p) {
        sb->oom = true;
        return false;
    }
    sb->buf = p;
    sb->cap = cap;
    return true;
}

void sb_add(sbuf *sb, const char *s, size_t n)
{
    if (!grow(sb, n))
        return;
    if (n)
        memcpy(sb->buf + sb->len, s, n);
    sb->len += n;
    sb->buf[sb->len] = '\0';
}

void sb_puts(sbuf *sb, const char *s) { sb_add(sb, s, strlen(s)); }
void sb_putc(sbuf *sb, char c) { sb_add(sb, &c, 1); }

void sb_printf(sbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        sb_add(sb, small, (size_t)n);
        return;
    }
    if (!grow(sb, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb->len += (size_t)n;
}

const char *sb_str(const sbuf *sb) { return sb->buf ? sb->buf : ""; }

char *sb_take(sbuf *sb)
{
    char *p = sb->buf;
    if (!p)
        p = xstrdup("");
    sb->buf = NULL;
    sb->len = sb->cap = 0;
    return p;
}

void sb_json_strn(sbuf *sb, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    sb_putc(sb, '"');
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            switch (c) {
            case '"': sb_add(sb, "\\\"", 2); break;
            case '\\': sb_add(sb, "\\\\", 2); break;
            case '\n': sb_add(sb, "\\n", 2); break;
            case '\t': sb_add(sb, "\\t", 2); break;
            case '\r': sb_add(sb, "\\r", 2); break;
            default:
                if (c < 0x20 || c == 0x7f) {
                    char e[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
                    sb_add(sb, e, 6);
                } else {
                    sb_putc(sb, (char)c);
                }
            }
            i++;
            continue;
        }
        size_t len = utf8_seq_len(s + i, n - i);
        if (len == 0) {
            sb_add(sb, "\xef\xbf\xbd", 3);   /* U+FFFD for a bad byte */
            i++;
        } else {
            sb_add(sb, s + i, len);
            i += len;
        }
    }
    sb_putc(sb, '"');
}

void sb_json_str(sbuf *sb, const char *s)
{
    if (!s)
        sb_puts(sb, "null");
    else
        sb_json_strn(sb, s, strlen(s));
}

void sb_json_key(sbuf *sb, const char *key, bool *first)
{
    if (!*first)
        sb_putc(sb, ',');
    *first = false;
    sb_json_str(sb, key);
    sb_putc(sb, ':');
}

char *xstrdup(const char *s)
{
    return s ? xstrndup(s, strlen(s)) : NULL;
}

char *xstrndup(const char *s, size_t n)
{
    if (!s)
        return NULL;
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}
