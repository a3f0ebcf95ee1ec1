/* field.c - a one-line text field; see field.h. */
#include "ui/tui/field.h"
#include "ui/tui/crt.h"
#include "ui/tui/textw.h"
#include "engine/nfc.h"
#include "engine/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t field_encode(unsigned cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xc0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp >= 0xd800 && cp < 0xe000)
        return 0;
    if (cp < 0x10000) {
        out[0] = (char)(0xe0 | cp >> 12);
        out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
        out[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    if (cp < 0x110000) {
        out[0] = (char)(0xf0 | cp >> 18);
        out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
        out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
        out[3] = (char)(0x80 | (cp & 0x3f));
        return 4;
    }
    return 0;
}

void field_init(field *f, int max_bytes, int max_cols)
{
    memset(f, 0, sizeof *f);
    f->max_bytes = max_bytes > 0 && max_bytes < FIELD_MAX ? max_bytes : FIELD_MAX - 1;
    f->max_cols = max_cols;
}

/* Whether cp may be added to what f holds now. */
static int accepts(const field *f, unsigned cp, size_t len)
{
    size_t n = strlen(f->s);
    if (cp < 0x20 || cp_is_unsafe(cp, NULL) || (cp < 0x80 && strchr(f->deny, (int)cp)) ||
        (f->digits && (cp < '0' || cp > '9')))
        return FIELD_REFUSED;
    int w = tw_cpwidth(cp);
    if (w == 0 && n == 0)
        return FIELD_REFUSED;      /* a mark with nothing to combine with */
    if (n + len > (size_t)f->max_bytes)
        return FIELD_REFUSED;
    if (f->max_cols > 0 && tw_width(f->s) + w > f->max_cols)
        return FIELD_REFUSED;
    return FIELD_CHANGED;
}

int field_key(field *f, int key)
{
    size_t n = strlen(f->s);
    if (key == TK_BACKSPACE) {
        if (n == 0)
            return FIELD_REFUSED;
        /* Back over trailing zero-width marks to the character they sit
         * on, and take it with them. */
        for (;;) {
            size_t k = n - 1;
            while (k > 0 && ((unsigned char)f->s[k] & 0xc0) == 0x80)
                k--;
            unsigned cp = 0;
            utf8_decode(f->s + k, n - k, &cp);
            n = k;
            if (n == 0 || tw_cpwidth(cp) > 0)
                break;
        }
        f->s[n] = '\0';
        return FIELD_CHANGED;
    }
    if (key < 0 || key >= 0x110000)
        return FIELD_IGNORED;
    char mb[4];
    size_t l = field_encode((unsigned)key, mb);
    if (l == 0 || accepts(f, (unsigned)key, l) != FIELD_CHANGED)
        return FIELD_REFUSED;
    memcpy(f->s + n, mb, l);
    f->s[n + l] = '\0';
    return FIELD_CHANGED;
}

void field_set(field *f, const char *s)
{
    f->s[0] = '\0';
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t l = utf8_seq_len(s + i, n - i);
        unsigned cp = 0;
        if (l == 0) {
            i++;
            continue;
        }
        utf8_decode(s + i, l, &cp);
        i += l;
        if (cp < 0x20 || cp_is_unsafe(cp, NULL))
            continue;
        if (field_key(f, (int)cp) != FIELD_CHANGED)
            break;                 /* full: stop at a character boundary */
    }
}

bool field_blank(const field *f)
{
    return strspn(f->s, " ") == strlen(f->s);
}

size_t field_value(const field *f, char *out, size_t size)
{
    const char *s = f->s + strspn(f->s, " ");
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == ' ')
        n--;
    size_t nn = 0;
    char *norm = text_nfc(s, n, &nn);
    const char *src = norm ? norm : s;
    if (norm)
        n = nn;
    if (n >= size) {
        n = size - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xc0) == 0x80)
            n--;
    }
    memcpy(out, src, n);
    out[n] = '\0';
    free(norm);
    return n;
}
