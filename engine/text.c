/* text.c - bilingual texts, UTF-8 validation and sanitising; see text.h. */
#include "engine/text.h"
#include "engine/sbuf.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

const char *text_get(const text *t, lang l)
{
    const char *a = l == LANG_VI ? t->vi : t->en;
    const char *b = l == LANG_VI ? t->en : t->vi;
    return a ? a : b ? b : "";
}

void text_free(text *t)
{
    free(t->vi);
    free(t->en);
    t->vi = t->en = NULL;
}

int text_copy(text *dst, const text *src)
{
    dst->vi = xstrdup(src->vi);
    dst->en = xstrdup(src->en);
    if ((src->vi && !dst->vi) || (src->en && !dst->en)) {
        text_free(dst);
        return -1;
    }
    return 0;
}

bool text_empty(const text *t)
{
    return (!t->vi || !*t->vi) && (!t->en || !*t->en);
}

int lang_parse(const char *s)
{
    if (!s)
        return -1;
    if (tolower((unsigned char)s[0]) == 'v' && tolower((unsigned char)s[1]) == 'i' &&
        (s[2] == '\0' || s[2] == '_' || s[2] == '-' || s[2] == '.'))
        return LANG_VI;
    if (tolower((unsigned char)s[0]) == 'e' && tolower((unsigned char)s[1]) == 'n' &&
        (s[2] == '\0' || s[2] == '_' || s[2] == '-' || s[2] == '.'))
        return LANG_EN;
    return -1;
}

const char *lang_code(lang l) { return l == LANG_VI ? "vi" : "en"; }

lang lang_from_env(void)
{
    static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            return strncmp(v, "vi", 2) == 0 ? LANG_VI : LANG_EN;
    }
    return LANG_EN;
}

size_t utf8_seq_len(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    if (n == 0)
        return 0;
    unsigned c = p[0];
    if (c < 0x80)
        return 1;
    size_t len;
    unsigned min, cp;
    if (c >= 0xc2 && c <= 0xdf) { len = 2; min = 0x80; cp = c & 0x1f; }
    else if (c >= 0xe0 && c <= 0xef) { len = 3; min = 0x800; cp = c & 0x0f; }
    else if (c >= 0xf0 && c <= 0xf4) { len = 4; min = 0x10000; cp = c & 0x07; }
    else return 0;
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return len;
}

bool utf8_valid(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        /* ASCII is most of every text: no call for it (simulate loads a
         * scenario's texts a thousand times). */
        if ((unsigned char)s[i] - 1u < 0x7fu) {
            i++;
            continue;
        }
        if (s[i] == '\0')
            return false;
        size_t l = utf8_seq_len(s + i, n - i);
        if (!l)
            return false;
        i += l;
    }
    return true;
}

size_t utf8_decode(const char *s, size_t n, unsigned *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t len = utf8_seq_len(s, n);
    if (len == 0) {
        *cp = 0xfffd;
        return 1;
    }
    if (len == 1) {
        *cp = p[0];
        return 1;
    }
    unsigned v = p[0] & (len == 2 ? 0x1f : len == 3 ? 0x0f : 0x07);
    for (size_t i = 1; i < len; i++)
        v = (v << 6) | (p[i] & 0x3f);
    *cp = v;
    return len;
}

bool cp_is_unsafe(unsigned cp, const char *allow)
{
    if (cp < 0x20)
        return !(allow && cp != 0 && strchr(allow, (int)cp));
    if (cp == 0x7f || (cp >= 0x80 && cp <= 0x9f))
        return true;
    if (cp == 0x061c || cp == 0x200e || cp == 0x200f)
        return true;
    if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
        return true;
    if ((cp >= 0x200b && cp <= 0x200d) || (cp >= 0x2060 && cp <= 0x2064) || cp == 0xfeff)
        return true;
    if (cp >= 0xfff9 && cp <= 0xfffb)
        return true;
    return false;
}

char *text_sanitize(const char *s, const char *allow)
{
    if (!s)
        return xstrdup("");
    sbuf sb = SBUF_INIT;
    size_t n = strlen(s), i = 0;
    sb_add(&sb, "", 0);
    while (i < n) {
        size_t l = utf8_seq_len(s + i, n - i);
        if (l == 0) {
            sb_add(&sb, "\xef\xbf\xbd", 3);
            i++;
            continue;
        }
        unsigned cp;
        utf8_decode(s + i, l, &cp);
        if (!cp_is_unsafe(cp, allow))
            sb_add(&sb, s + i, l);
        i += l;
    }
    if (sb.oom) {
        sb_free(&sb);
        return NULL;
    }
    return sb_take(&sb);
}
