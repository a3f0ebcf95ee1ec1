/*
 * sbx_pool.c - the memory blocks of one sandbox's Lua state (sbx_int.h).
 *
 * A Lua state makes and frees many small objects (strings, tables,
 * closures): a playthrough of a scenario, loading included, is tens of
 * thousands of them, and the system allocator is a large part of its cost.
 * So blocks of up to SBX_POOL_MAX bytes come from free lists of the state's
 * own, one per size class (16-byte steps), carved from 64 KiB slabs; larger
 * ones from malloc. Every block has an 8-byte header with its class (0 for
 * malloc's), so a block is always given back where it came from. The slabs
 * are released when the state is closed.
 *
 * Lua assumes a block never fails to shrink: here a shrink always keeps
 * the block (it is big enough), so it cannot fail. Accounting (the memory
 * cap, fault injection) stays in sandbox.c and counts what Lua asked for.
 */
#include "engine/sbx_int.h"

#include <stdlib.h>
#include <string.h>

#define HDR 8                              /* Lua needs 8-byte alignment at most */
#define SLAB ((size_t)64 << 10)

static size_t class_of(size_t n) { return (n + 15) >> 4; }   /* 1 .. SBX_POOL_CLASSES */

static uint64_t *hdr(void *p) { return (uint64_t *)(void *)((char *)p - HDR); }

static void *get(sbx_pool *p, size_t n)
{
    if (n > SBX_POOL_MAX) {
        uint64_t *b = malloc(n + HDR);
        if (!b)
            return NULL;
        *b = 0;
        return (char *)b + HDR;
    }
    size_t c = class_of(n);
    void *blk = p->free[c - 1];
    if (blk) {
        memcpy(&p->free[c - 1], blk, sizeof(void *));
        return blk;
    }
    size_t need = HDR + c * 16;
    if (p->left < need) {
        char *slab = malloc(SLAB);
        if (!slab)
            return NULL;
        memcpy(slab, &p->slabs, sizeof(void *));   /* the first 16 bytes link the slabs */
        p->slabs = slab;
        p->cur = slab + 16;
        p->left = SLAB - 16;
    }
    uint64_t *b = (uint64_t *)(void *)p->cur;
    p->cur += need;
    p->left -= need;
    *b = c;
    return (char *)b + HDR;
}

static void put(sbx_pool *p, void *blk)
{
    uint64_t c = *hdr(blk);
    if (c == 0) {
        free(hdr(blk));
        return;
    }
    memcpy(blk, &p->free[c - 1], sizeof(void *));
    p->free[c - 1] = blk;
}

void *sbx_pool_alloc(sbx_pool *p, void *ptr, size_t osize, size_t nsize)
{
    if (nsize == 0) {
        if (ptr)
            put(p, ptr);
        return NULL;
    }
    if (!ptr)
        return get(p, nsize);
    uint64_t c = *hdr(ptr);
    if (c ? nsize <= c * 16 : nsize <= SBX_POOL_MAX)
        return ptr;                        /* it fits (a malloc block is larger still) */
    if (c == 0) {
        uint64_t *b = realloc(hdr(ptr), nsize + HDR);
        return b ? (char *)b + HDR : NULL;
    }
    void *q = get(p, nsize);
    if (!q)
        return NULL;
    memcpy(q, ptr, osize < nsize ? osize : nsize);
    put(p, ptr);
    return q;
}

void sbx_pool_release(sbx_pool *p)
{
    while (p->slabs) {
        void *next;
        memcpy(&next, p->slabs, sizeof next);
        free(p->slabs);
        p->slabs = next;
    }
    memset(p, 0, sizeof *p);
}
