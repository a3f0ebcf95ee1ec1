/*
 * test_text.c - UTF-8 rules, sanitising, NFC, JSON escaping, languages
 * and the seeded generator.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "engine/nfc.h"
#include "engine/rng.h"
#include "engine/sbuf.h"
#include "engine/text.h"
#include "ui/cli.h"

static void test_utf8_valid(void **st)
{
    assert_true(utf8_valid("Cổng TTĐT tỉnh", strlen("Cổng TTĐT tỉnh")));
    assert_false(utf8_valid("\xc0\xaf", 2));            /* overlong '/' */
    assert_false(utf8_valid("\xed\xa0\x80", 3));        /* surrogate */
    assert_false(utf8_valid("\xf4\x90\x80\x80", 4));    /* past U+10FFFF */
    assert_false(utf8_valid("ab\xe1\xbb", 4));          /* truncated */
    assert_false(utf8_valid("a\0b", 3));                /* NUL inside */
}

static void test_sanitize_strips_controls_and_bidi(void **st)
{
    /* ESC sequences, CR, BS, C1, RLO, zero-width space, BOM all go. */
    const char *evil = "ok\x1b[2J\r\b\xc2\x9b" "31m\xe2\x80\xae" "evil\xe2\x80\x8b\xef\xbb\xbf!";
    char *s = text_sanitize(evil, NULL);
    assert_string_equal(s, "ok[2J31mevil!");
    free(s);
    s = text_sanitize("line1\nline2\ttab\x07", "\n\t");
    assert_string_equal(s, "line1\nline2\ttab");
    free(s);
    s = text_sanitize("bad\xff byte", NULL);
    assert_string_equal(s, "bad\xef\xbf\xbd byte");
    free(s);
}

static void nfc_is(const char *in, const char *want)
{
    char *out = text_nfc(in, strlen(in), NULL);
    assert_non_null(out);
    assert_string_equal(out, want);
    free(out);
}

static void test_nfc_vietnamese(void **st)
{
    /* "Việt" typed as e + dot below + circumflex, and as e + circumflex +
     * dot below (the marks are reordered by combining class). */
    nfc_is("Vie\xcc\xa3\xcc\x82t", "Vi\xe1\xbb\x87t");
    nfc_is("Vie\xcc\x82\xcc\xa3t", "Vi\xe1\xbb\x87t");
    /* "ứng cứu" with u + horn + acute */
    nfc_is("u\xcc\x9b\xcc\x81ng cu\xcc\x9b\xcc\x81u", "\xe1\xbb\xa9ng c\xe1\xbb\xa9u");
    /* already NFC stays byte for byte */
    nfc_is("Đội ứng cứu sự cố", "Đội ứng cứu sự cố");
    nfc_is("plain ascii", "plain ascii");
    /* a mark with nothing to compose with stays */
    nfc_is("\xcc\x81x", "\xcc\x81x");
    /* q has no precomposed acute form */
    nfc_is("q\xcc\x81", "q\xcc\x81");
}

static void test_json_escaping(void **st)
{
    sbuf sb = SBUF_INIT;
    sb_json_str(&sb, "a\"b\\c\n\x01\x7f é");
    assert_string_equal(sb_str(&sb), "\"a\\\"b\\\\c\\n\\u0001\\u007f é\"");
    sb_reset(&sb);
    sb_json_strn(&sb, "x\xff", 2);
    assert_string_equal(sb_str(&sb), "\"x\xef\xbf\xbd\"");
    sb_reset(&sb);
    sb_json_str(&sb, NULL);
    assert_string_equal(sb_str(&sb), "null");
    sb_free(&sb);
}

static void test_sbuf_grows(void **st)
{
    sbuf sb = SBUF_INIT;
    for (int i = 0; i < 10000; i++)
        sb_printf(&sb, "%d,", i);
    assert_false(sb.oom);
    assert_int_equal(strncmp(sb_str(&sb), "0,1,2,", 6), 0);
    assert_int_equal(sb.len, strlen(sb_str(&sb)));
    char *p = sb_take(&sb);
    assert_null(sb.buf);
    free(p);
}

static void test_lang(void **st)
{
    assert_int_equal(lang_parse("vi"), LANG_VI);
    assert_int_equal(lang_parse("vi_VN.UTF-8"), LANG_VI);
    assert_int_equal(lang_parse("EN"), LANG_EN);
    assert_int_equal(lang_parse("fr"), -1);
    assert_int_equal(lang_parse("video"), -1);
    setenv("LC_ALL", "", 1);
    setenv("LC_MESSAGES", "vi_VN.UTF-8", 1);
    assert_int_equal(lang_from_env(), LANG_VI);
    setenv("LC_ALL", "C.UTF-8", 1);
    assert_int_equal(lang_from_env(), LANG_EN);
    text t = { NULL, "only english" };
    assert_string_equal(text_get(&t, LANG_VI), "only english");
}

/* The generator is part of the determinism contract: these values must
 * never change, or recorded sessions would replay differently. */
static void test_rng_stream_is_fixed(void **st)
{
    rng r;
    rng_seed(&r, 1);
    uint64_t a = rng_next(&r), b = rng_next(&r);
    rng_seed(&r, 1);
    assert_true(rng_next(&r) == a);
    assert_true(rng_next(&r) == b);
    rng_seed(&r, 0);
    assert_true(rng_next(&r) == 0x99EC5F36CB75F2B4ULL);
    for (int i = 0; i < 1000; i++) {
        double d = rng_double(&r);
        assert_true(d >= 0 && d < 1);
        int64_t v = rng_range(&r, 5, 5);
        assert_true(v == 5);
    }
}

/* The command line's text helpers: display width (tables line up by it),
 * names in NFC, the byte-order mark of an inputs script. */
static void test_cli_text(void **st)
{
    (void)st;
    assert_int_equal(cli_width("apt-coordination-order"), 22);
    assert_int_equal(cli_width("Đội ứng cứu"), 11);                        /* precomposed */
    assert_int_equal(cli_width("\xc4\x90o\xcc\xa3\xcc\x82i"), 3);          /* Đội, decomposed */
    assert_int_equal(cli_width("kịch bản"), 8);
    assert_int_equal(cli_width("\xe4\xb8\xad\xe6\x96\x87"), 4);            /* two wide characters */
    assert_int_equal(cli_width(""), 0);
    assert_int_equal(cli_width(NULL), 0);
    int status = -1;
    char *n = cli_name("t", "team", "\xc4\x90o\xcc\xa3\xcc\x82i u\xcc\x9b\xcc\x81ng", &status);
    assert_non_null(n);
    assert_string_equal(n, "Đội ứng");
    free(n);
    n = cli_name("t", "player", "Le\xcc\x82 Va\xcc\x80ng", &status);
    assert_string_equal(n, "Lê Vàng");
    free(n);
    assert_null(cli_name("t", "team", "a\xe2\x80\xae" "b", &status));        /* bidi override */
    assert_int_equal(status, 1);
    assert_null(cli_name("t", "team", "a\xe2\x80\x8b" "b", &status));        /* zero-width space */
    assert_null(cli_name("t", "team", "a\tb", &status));
    assert_null(cli_name("t", "team", "", &status));
    assert_null(cli_name("t", "team", "\xff", &status));
    assert_true(cli_id_ok("apt-coordination-order") && !cli_id_ok("1st") && !cli_id_ok("a b"));
    assert_int_equal(cli_bom_len("\xef\xbb\xbf" "end\n", 1), 3);
    assert_int_equal(cli_bom_len("\xef\xbb\xbf" "end\n", 2), 0);
    assert_int_equal(cli_bom_len("end\n", 1), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_valid),
        cmocka_unit_test(test_sanitize_strips_controls_and_bidi),
        cmocka_unit_test(test_nfc_vietnamese),
        cmocka_unit_test(test_json_escaping),
        cmocka_unit_test(test_sbuf_grows),
        cmocka_unit_test(test_lang),
        cmocka_unit_test(test_rng_stream_is_fixed),
        cmocka_unit_test(test_cli_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
