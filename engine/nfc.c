/* nfc.c - canonical decomposition, ordering and composition; see nfc.h. */
#include "engine/nfc.h"
#include "engine/nfc_data.h"
#include "engine/sbuf.h"
#include "engine/text.h"

#include <stdlib.h>
#include <string.h>

#define NPAIRS (sizeof nfc_pairs / sizeof nfc_pairs[0])

static unsigned ccc(unsigned cp)
{
    return cp >= 0x300 && cp < 0x370 ? nfc_ccc_0300[cp - 0x300] : 0;
}

static const struct nfc_pair *find_decomp(unsigned cp)
{
    size_t lo = 0, hi = NPAIRS;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (nfc_decomp[mid].composed < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < NPAIRS && nfc_decomp[lo].composed == cp ? &nfc_decomp[lo] : NULL;
}

static unsigned compose(unsigned base, unsigned mark)
{
    size_t lo = 0, hi = NPAIRS;
    unsigned long key = (unsigned long)base << 16 | mark;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        unsigned long k = (unsigned long)nfc_pairs[mid].base << 16 | nfc_pairs[mid].mark;
        if (k < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < NPAIRS && nfc_pairs[lo].base == base && nfc_pairs[lo].mark == mark)
        return nfc_pairs[lo].composed;
    return 0;
}

typedef struct cpbuf { unsigned *v; size_t n, cap; } cpbuf;

static int push(cpbuf *b, unsigned cp)
{
    if (b->n == b->cap) {
        size_t nc = b->cap ? b->cap * 2 : 64;
        unsigned *p = realloc(b->v, nc * sizeof *p);
        if (!p)
            return -1;
        b->v = p;
        b->cap = nc;
    }
    b->v[b->n++] = cp;
    return 0;
}

/* Full canonical decomposition: a composed character may decompose to a
 * base that is itself composed (U+1EC7 -> U+1EB9 U+0302 -> e U+0323 U+0302). */
static int decompose(cpbuf *b, unsigned cp)
{
    const struct nfc_pair *p = cp >= 0xc0 && cp < 0x2000 ? find_decomp(cp) : NULL;
    if (!p)
        return push(b, cp);
    if (decompose(b, p->base) < 0)
        return -1;
    return push(b, p->mark);
}

/* Canonical ordering: marks between two starters sorted by combining
 * class, stably (insertion sort; runs are short). */
static void reorder(cpbuf *b)
{
    for (size_t i = 1; i < b->n; i++) {
        unsigned c = ccc(b->v[i]);
        if (!c)
            continue;
        size_t j = i;
        unsigned cp = b->v[i];
        while (j > 0 && ccc(b->v[j - 1]) > c) {
            b->v[j] = b->v[j - 1];
            j--;
        }
        b->v[j] = cp;
    }
}

/* Canonical composition: each mark joins the last starter unless a mark of
 * the same or higher class stands between them (it is "blocked"). */
static void recompose(cpbuf *b)
{
    if (!b->n)
        return;
    size_t starter = 0, out = 1;
    bool have_starter = ccc(b->v[0]) == 0;
    unsigned last_ccc = have_starter ? 0 : 256;
    for (size_t i = 1; i < b->n; i++) {
        unsigned cp = b->v[i], c = ccc(cp);
        unsigned comp = 0;
        if (have_starter && (last_ccc < c || (last_ccc == 0 && out == starter + 1)))
            comp = compose(b->v[starter], cp);
        if (comp && c != 0) {
            b->v[starter] = comp;
            continue;
        }
        if (c == 0) {
            starter = out;
            have_starter = true;
            last_ccc = 0;
        } else {
            last_ccc = c;
        }
        b->v[out++] = cp;
    }
    b->n = out;
}

static void encode(sbuf *sb, unsigned cp)
{
    char o[4];
    if (cp < 0x80) {
        o[0] = (char)cp;
        sb_add(sb, o, 1);
    } else if (cp < 0x800) {
        o[0] = (char)(0xc0 | cp >> 6);
        o[1] = (char)(0x80 | (cp & 0x3f));
        sb_add(sb, o, 2);
    } else if (cp < 0x10000) {
        o[0] = (char)(0xe0 | cp >> 12);
        o[1] = (char)(0x80 | (cp >> 6 & 0x3f));
        o[2] = (char)(0x80 | (cp & 0x3f));
        sb_add(sb, o, 3);
    } else {
        o[0] = (char)(0xf0 | cp >> 18);
        o[1] = (char)(0x80 | (cp >> 12 & 0x3f));
        o[2] = (char)(0x80 | (cp >> 6 & 0x3f));
        o[3] = (char)(0x80 | (cp & 0x3f));
        sb_add(sb, o, 4);
    }
}

char *text_nfc(const char *s, size_t n, size_t *outlen)
{
    /* Text without a combining mark of U+0300..U+036F (UTF-8 CC 80 to
     * CD AF) is already NFC within this scope: every precomposed character
     * in nfc_data.h is stable on its own. That is nearly all real text, so
     * it is only copied. */
    bool simple = true;
    for (size_t i = 0; i + 1 < n && simple; i++) {
        unsigned char c = (unsigned char)s[i], d = (unsigned char)s[i + 1];
        simple = !((c == 0xcc && d >= 0x80 && d <= 0xbf) || (c == 0xcd && d >= 0x80 && d <= 0xaf));
    }
    if (simple) {
        if (outlen)
            *outlen = n;
        return xstrndup(s, n);
    }
    cpbuf b = { 0 };
    sbuf sb = SBUF_INIT;
    for (size_t i = 0; i < n;) {
        unsigned cp;
        i += utf8_decode(s + i, n - i, &cp);
        if (decompose(&b, cp) < 0)
            goto oom;
    }
    reorder(&b);
    recompose(&b);
    sb_add(&sb, "", 0);
    for (size_t i = 0; i < b.n; i++)
        encode(&sb, b.v[i]);
    free(b.v);
    if (sb.oom)
        goto oom2;
    if (outlen)
        *outlen = sb.len;
    return sb_take(&sb);
oom:
    free(b.v);
oom2:
    sb_free(&sb);
    return NULL;
}
