/*
 * rng.h - the session's seeded pseudo-random generator.
 *
 * xoshiro256** (Blackman and Vigna, 2018), seeded by expanding the 64-bit
 * session seed with splitmix64. It is the only randomness a session has:
 * the same seed gives the same stream on every platform, so the same
 * scenario, seed and inputs replay byte for byte. Floats are built from the
 * top 53 bits; integers in a range use rejection sampling, so no value is
 * favoured.
 */
#ifndef IRDRILL_RNG_H
#define IRDRILL_RNG_H

#include <stdint.h>
#include <stdbool.h>

typedef struct rng { uint64_t s[4]; } rng;

void rng_seed(rng *r, uint64_t seed);
uint64_t rng_next(rng *r);
/* Uniform double in [0, 1). */
double rng_double(rng *r);
/* Uniform integer in [lo, hi]; lo <= hi is the caller's duty. */
int64_t rng_range(rng *r, int64_t lo, int64_t hi);
/* True with probability p (p <= 0 never, p >= 1 always; both still draw,
 * so the stream does not depend on p). */
bool rng_chance(rng *r, double p);

#endif
