/*
 * test_sha256.c - SHA-256 against the FIPS 180-4 example vectors (NIST
 * CSRC "Examples with intermediate values" and the long-message test),
 * the padding boundaries, and the incremental API fed in every split.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "engine/sha256.h"

static void check_hex(const char *msg, size_t len, const char *want)
{
    char out[SHA256_HEX_LEN + 1];
    memset(out, 'x', sizeof out);
    sha256_hex(msg, len, out);
    assert_string_equal(out, want);
}

static void test_empty(void **st)
{
    check_hex("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    check_hex(NULL, 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void test_abc(void **st)
{
    check_hex("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void test_448_bits(void **st)
{
    const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    assert_int_equal(strlen(m) * 8, 448);
    check_hex(m, strlen(m), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void test_896_bits(void **st)
{
    const char *m = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
                    "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
    assert_int_equal(strlen(m) * 8, 896);
    check_hex(m, strlen(m), "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

static const char MILLION_A[] = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";

static void test_million_a_one_shot(void **st)
{
    char *m = malloc(1000000);
    assert_non_null(m);
    memset(m, 'a', 1000000);
    check_hex(m, 1000000, MILLION_A);
    free(m);
}

/* The same million, fed in pieces of 1, 7, 64 and 1000 bytes. */
static void test_million_a_incremental(void **st)
{
    static const size_t steps[] = { 1, 7, 64, 1000 };
    char chunk[1000];
    memset(chunk, 'a', sizeof chunk);
    for (size_t s = 0; s < sizeof steps / sizeof *steps; s++) {
        sha256_ctx c;
        unsigned char d[SHA256_DIGEST_LEN];
        char hex[SHA256_HEX_LEN + 1];
        sha256_init(&c);
        size_t left = 1000000;
        while (left) {
            size_t n = left < steps[s] ? left : steps[s];
            sha256_update(&c, chunk, n);
            left -= n;
        }
        sha256_final(&c, d);
        sha256_to_hex(d, hex);
        assert_string_equal(hex, MILLION_A);
    }
}

/* Lengths around the 55/56/64-byte padding edges, where the length field
 * no longer fits in the last block. */
static void test_padding_boundaries(void **st)
{
    static const struct { size_t n; const char *hex; } v[] = {
        { 55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318" },
        { 56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a" },
        { 63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34" },
        { 64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb" },
        { 119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb" },
        { 120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c" },
    };
    char a[120];
    memset(a, 'a', sizeof a);
    for (size_t i = 0; i < sizeof v / sizeof *v; i++)
        check_hex(a, v[i].n, v[i].hex);
}

/* Every two-way split of a message gives the one-shot digest. */
static void test_every_split(void **st)
{
    const char *m = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
                    "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
    size_t len = strlen(m);
    for (size_t cut = 0; cut <= len; cut++) {
        sha256_ctx c;
        unsigned char d[SHA256_DIGEST_LEN];
        char hex[SHA256_HEX_LEN + 1];
        sha256_init(&c);
        sha256_update(&c, m, cut);
        sha256_update(&c, NULL, 0);
        sha256_update(&c, m + cut, len - cut);
        sha256_final(&c, d);
        sha256_to_hex(d, hex);
        assert_string_equal(hex, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_abc),
        cmocka_unit_test(test_448_bits),
        cmocka_unit_test(test_896_bits),
        cmocka_unit_test(test_million_a_one_shot),
        cmocka_unit_test(test_million_a_incremental),
        cmocka_unit_test(test_padding_boundaries),
        cmocka_unit_test(test_every_split),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
