/*
 * fuzz_load.c - libFuzzer target: any bytes as a scenario file. Loading
 * must end in a scenario or in problems, never in a crash, a hang or a
 * leak; a loaded scenario then plays a few turns.
 */
#include "engine/engine.h"
#include "engine/lhost.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sbuf probs = SBUF_INIT;
    lhost_opts o = { .limits = { .mem_bytes = 8u << 20, .instructions = 200000, .wall_ms = 200 } };
    lhost *h = lhost_load("fuzz.lua", (const char *)data, size, &o, &probs);
    sb_free(&probs);
    if (!h)
        return 0;
    engine_hooks hk = lhost_hooks(h);
    engine *e = engine_new(lhost_scen(h), &hk, NULL, NULL);
    if (e) {
        lhost_bind(h, e);
        engine_start(e);
        for (int i = 0; i < 5 && !engine_over(e); i++)
            engine_input(e, "end");
        engine_free(e);
    }
    lhost_free(h);
    return 0;
}
