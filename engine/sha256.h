/*
 * sha256.h - SHA-256 (FIPS 180-4), for content hashes of scenario sources
 * and the tamper-evident chain over a session's inputs.
 *
 * Two ways to use it: sha256_hex for a buffer in memory, or the
 * incremental sha256_init / sha256_update / sha256_final for data that
 * arrives in pieces (both give the same digest). Nothing here allocates;
 * a sha256_ctx lives wherever the caller puts it and needs no freeing.
 * Messages up to 2^61 - 1 bytes are supported, as the standard allows.
 */
#ifndef IRDRILL_SHA256_H
#define IRDRILL_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_DIGEST_LEN 32
#define SHA256_HEX_LEN 64          /* without the terminating NUL */

typedef struct sha256_ctx {
    uint32_t h[8];                 /* the intermediate hash value H(i) */
    uint64_t nbytes;               /* message length so far, in bytes */
    unsigned char block[64];       /* the block being filled */
    size_t fill;                   /* bytes in block */
} sha256_ctx;

void sha256_init(sha256_ctx *c);
/* Append len bytes of data (data may be NULL when len is 0). */
void sha256_update(sha256_ctx *c, const void *data, size_t len);
/* Pad, finish and write the 32-byte digest. The context must be
 * initialised again before reuse. */
void sha256_final(sha256_ctx *c, unsigned char digest[SHA256_DIGEST_LEN]);

/* The digest of a buffer as 64 lowercase hex digits and a NUL. */
void sha256_hex(const void *data, size_t len, char out[SHA256_HEX_LEN + 1]);
/* Format a digest as hex (out gets 65 bytes). */
void sha256_to_hex(const unsigned char digest[SHA256_DIGEST_LEN],
                   char out[SHA256_HEX_LEN + 1]);

#endif
