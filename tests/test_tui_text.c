/*
 * test_tui_text.c - display width, fitting, wrapping and ellipsizing of
 * UTF-8 text for the terminal (ui/tui/textw.c): Vietnamese precomposed
 * and combining diacritics, wide characters, never splitting a character;
 * and the text field players type into (ui/tui/field.c): Vietnamese names
 * typed either way, Backspace by character, caps, refused characters.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "ui/tui/crt.h"
#include "ui/tui/field.h"
#include "ui/tui/textw.h"

/* "Việt" precomposed (ệ = U+1EC7) and with combining marks (e + U+0323 +
 * U+0302). */
#define VIET_NFC "Vi\xe1\xbb\x87t"
#define VIET_NFD "Vie\xcc\xa3\xcc\x82t"
#define WIDE "\xe4\xb8\xad\xe6\x96\x87"      /* 中文: two wide characters */

static int setup(void **st)
{
    (void)st;
    /* Widths come from the C library, as ncursesw's do: a UTF-8 locale. */
    if (!setlocale(LC_CTYPE, "C.UTF-8") && !setlocale(LC_CTYPE, "C.utf8"))
        return -1;
    return 0;
}

static void test_width(void **st)
{
    assert_int_equal(tw_width(""), 0);
    assert_int_equal(tw_width("abc"), 3);
    assert_int_equal(tw_width(VIET_NFC), 4);
    assert_int_equal(tw_width(VIET_NFD), 4);          /* marks take no column */
    assert_int_equal(tw_width(WIDE), 4);
    assert_int_equal(tw_width("C\xe1\xbb\x95ng TT\xc4\x90T"), 9);   /* Cổng TTĐT */
    assert_int_equal(tw_width("a\nb"), 2);
}

static void test_fit_keeps_marks(void **st)
{
    int w;
    /* Three columns of "Việt" written with combining marks: "Vie" and both
     * of its marks, never "Vie" without them. */
    size_t n = tw_fit(VIET_NFD, strlen(VIET_NFD), 3, &w);
    assert_int_equal(w, 3);
    assert_int_equal(n, strlen("Vie\xcc\xa3\xcc\x82"));
    n = tw_fit(VIET_NFC, strlen(VIET_NFC), 3, &w);
    assert_int_equal(n, strlen("Vi\xe1\xbb\x87"));
    /* A wide character that does not fit is left out whole. */
    n = tw_fit(WIDE, strlen(WIDE), 3, &w);
    assert_int_equal(n, 3);
    assert_int_equal(w, 2);
    n = tw_fit(WIDE, strlen(WIDE), 1, &w);
    assert_int_equal(n, 0);
    /* A line stops at a newline. */
    n = tw_fit("ab\ncd", 5, 10, &w);
    assert_int_equal(n, 2);
}

/* Wrap s to width and join the lines with '|'. */
static void wrap(const char *s, int width, char *out, size_t size)
{
    size_t n = strlen(s), pos = 0, o = 0;
    out[0] = '\0';
    do {
        size_t adv;
        size_t len = tw_wrap_line(s + pos, n - pos, width, &adv);
        assert_true(adv > 0 || pos == n);
        if (o)
            out[o++] = '|';
        memcpy(out + o, s + pos, len);
        o += len;
        out[o] = '\0';
        assert_true(tw_widthn(s + pos, len) <= width || len <= 4);
        pos += adv;
    } while (pos < n && o + 1 < size);
}

static void test_wrap(void **st)
{
    char out[256];
    wrap("the quick brown fox", 10, out, sizeof out);
    assert_string_equal(out, "the quick|brown fox");
    wrap("abcdefghij", 4, out, sizeof out);
    assert_string_equal(out, "abcd|efgh|ij");
    wrap("one\ntwo three", 20, out, sizeof out);
    assert_string_equal(out, "one|two three");
    wrap("a    b", 2, out, sizeof out);
    assert_string_equal(out, "a|b");
    /* Vietnamese with combining marks: cut between characters only. */
    wrap(VIET_NFD VIET_NFD, 3, out, sizeof out);
    assert_string_equal(out, "Vie\xcc\xa3\xcc\x82|tVi|e\xcc\xa3\xcc\x82t");
    /* A wide character wider than the line still goes, alone. */
    wrap(WIDE, 1, out, sizeof out);
    assert_string_equal(out, "\xe4\xb8\xad|\xe6\x96\x87");
    assert_int_equal(tw_wrap_count("the quick brown fox", 10), 2);
    assert_int_equal(tw_wrap_count("", 10), 1);
    assert_int_equal(tw_wrap_count("a\n", 10), 2);
}

static void test_ellipsize(void **st)
{
    char out[64];
    assert_int_equal(tw_ellipsize("short", 10, false, out, sizeof out), 5);
    assert_string_equal(out, "short");
    assert_int_equal(tw_ellipsize("C\xe1\xbb\x95ng th\xc3\xb4ng tin", 6, false, out, sizeof out), 6);
    assert_string_equal(out, "C\xe1\xbb\x95ng \xe2\x80\xa6");      /* "Cổng …" */
    assert_int_equal(tw_ellipsize(VIET_NFD "xyz", 4, true, out, sizeof out), 4);
    assert_string_equal(out, "Vie\xcc\xa3\xcc\x82~");
    /* A tiny buffer: cut on a character boundary, never inside one. */
    tw_ellipsize("\xe1\xbb\x87\xe1\xbb\x87\xe1\xbb\x87", 10, false, out, 5);
    assert_string_equal(out, "\xe1\xbb\x87");
    assert_int_equal(tw_ellipsize("abc", 0, false, out, sizeof out), 0);
    assert_string_equal(out, "");
}

/* Type a UTF-8 string into f key by key (one code point per key, as the
 * terminal delivers them); returns how many keys were refused. */
static int type(field *f, const char *s)
{
    int refused = 0;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        unsigned cp = (unsigned char)s[i];
        size_t l = 1;
        if (cp >= 0xf0) { cp &= 0x07; l = 4; }
        else if (cp >= 0xe0) { cp &= 0x0f; l = 3; }
        else if (cp >= 0xc0) { cp &= 0x1f; l = 2; }
        for (size_t k = 1; k < l; k++)
            cp = cp << 6 | ((unsigned char)s[i + k] & 0x3f);
        refused += field_key(f, (int)cp) == FIELD_REFUSED;
        i += l;
    }
    return refused;
}

static void test_field(void **st)
{
    field f;
    char v[FIELD_MAX];
    /* "Nguyễn Thị Lan", precomposed: 14 characters, 18 bytes. */
    field_init(&f, 64, 32);
    assert_int_equal(type(&f, "Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b Lan"), 0);
    assert_string_equal(f.s, "Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b Lan");
    assert_int_equal(tw_width(f.s), 14);
    /* Backspace erases characters, never bytes: after four, "Nguyễn Thị",
     * after five more, "Nguyễ". */
    for (int i = 0; i < 4; i++)
        assert_int_equal(field_key(&f, TK_BACKSPACE), FIELD_CHANGED);
    assert_string_equal(f.s, "Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b");
    for (int i = 0; i < 5; i++)
        field_key(&f, TK_BACKSPACE);
    assert_string_equal(f.s, "Nguy\xe1\xbb\x85");
    field_key(&f, TK_BACKSPACE);
    assert_string_equal(f.s, "Nguy");
    /* ễ typed as e + U+0302 + U+0303: one Backspace takes the letter with
     * its marks; the value is recorded precomposed (NFC). */
    field_init(&f, 64, 32);
    assert_int_equal(type(&f, "Nguye\xcc\x82\xcc\x83n"), 0);
    assert_int_equal(tw_width(f.s), 6);
    field_value(&f, v, sizeof v);
    assert_string_equal(v, "Nguy\xe1\xbb\x85n");
    field_key(&f, TK_BACKSPACE);                 /* n */
    field_key(&f, TK_BACKSPACE);                 /* e with its two marks */
    assert_string_equal(f.s, "Nguy");
    /* Refused: controls (ESC, a newline, DEL, C1), bidi and zero-width
     * characters, and a mark with nothing to sit on. */
    field_init(&f, 64, 32);
    assert_int_equal(field_key(&f, 0x0301), FIELD_REFUSED);
    assert_int_equal(type(&f, "a\x1b" "b\n\x7f\xc2\x85\xe2\x80\xae\xe2\x80\x8b" "c"), 6);
    assert_string_equal(f.s, "abc");
    /* Keys that are not characters are left to the screen. */
    assert_int_equal(field_key(&f, TK_ENTER), FIELD_IGNORED);
    assert_int_equal(field_key(&f, TK_UP), FIELD_IGNORED);
    /* Caps: columns, then bytes, each stopping at a whole character. */
    field_init(&f, 64, 5);
    assert_int_equal(type(&f, "\xe1\xbb\x87\xe1\xbb\x87\xe1\xbb\x87\xe1\xbb\x87\xe1\xbb\x87\xe1\xbb\x87"), 1);
    assert_int_equal(tw_width(f.s), 5);
    field_init(&f, 7, 0);
    assert_int_equal(type(&f, "\xe1\xbb\x87\xe1\xbb\x87\xe1\xbb\x87"), 1);
    assert_string_equal(f.s, "\xe1\xbb\x87\xe1\xbb\x87");
    /* deny and digits (an indicator, points). */
    field_init(&f, 64, 0);
    snprintf(f.deny, sizeof f.deny, " #");
    assert_int_equal(type(&f, "1.2.3.4 #x"), 2);
    assert_string_equal(f.s, "1.2.3.4x");
    field_init(&f, 6, 0);
    f.digits = true;
    assert_int_equal(type(&f, "12a-3"), 2);
    assert_string_equal(f.s, "123");
    /* Values are trimmed; blank is blank. */
    field_init(&f, 64, 0);
    type(&f, "   ");
    assert_true(field_blank(&f));
    type(&f, "Minh  ");
    field_value(&f, v, sizeof v);
    assert_string_equal(v, "Minh");
    /* field_set cuts what does not fit and drops what is unsafe. */
    field_init(&f, 64, 4);
    field_set(&f, "a\x1b[31mbcdef");
    assert_string_equal(f.s, "a[31");
    assert_int_equal(field_key(&f, TK_BACKSPACE), FIELD_CHANGED);
    field_init(&f, 64, 0);
    assert_int_equal(field_key(&f, TK_BACKSPACE), FIELD_REFUSED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_width),
        cmocka_unit_test(test_fit_keeps_marks),
        cmocka_unit_test(test_wrap),
        cmocka_unit_test(test_ellipsize),
        cmocka_unit_test(test_field),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
