/*
 * fuzz_input.c - libFuzzer target: any bytes as an inputs script against
 * a small real scenario. Every line is checked and, when accepted,
 * applied; the canonical form of an accepted line must itself be accepted
 * again (the recorded form replays).
 */
#include "engine/engine.h"
#include "engine/lhost.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SCEN[] =
    "scenario { id = 'fz', title = 'Fuzz', difficulty = 'basic', max_turns = 20 }\n"
    "role { id = 'lead', name = 'Lead' }\n"
    "role { id = 'soc', name = 'SOC' }\n"
    "role { id = 'sys', name = 'Sys' }\n"
    "asset { id = 'web', kind = 'web', level = 3, zone = 'dmz', name = 'Web' }\n"
    "at(1, function(w) w:signal { id = 's1', source = 'waf', severity = 'high', asset = 'web',"
    " truth = true, text = 'x' } end)\n"
    "every(2, function(w) w:signal { source = 'ids', severity = 'low', truth = false, text = 'n' } end)\n"
    "hint { from_turn = 1, cost = 1, text = 'h' }\n"
    "objective { id = 'o', points = 10, label = 'o', met = function(w) return w:flagged('s1') end }\n"
    "ending { id = 'done', text = 'd', when = function(w) return w.asset.web.isolated end }\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sbuf probs = SBUF_INIT, canon = SBUF_INIT;
    lhost *h = lhost_load("fz.lua", SCEN, sizeof SCEN - 1, NULL, &probs);
    if (!h) {
        fprintf(stderr, "%s", sb_str(&probs));
        abort();
    }
    engine_hooks hk = lhost_hooks(h);
    engine *e = engine_new(lhost_scen(h), &hk, NULL, NULL);
    lhost_bind(h, e);
    engine_start(e);
    char *buf = malloc(size + 1);
    memcpy(buf, data, size);
    buf[size] = '\0';
    char *save = NULL;
    for (char *line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (engine_input_check(e, line, &canon) != ENG_OK)
            continue;
        char *c = sb_take(&canon);
        if (engine_input_check(e, c, NULL) != ENG_OK)
            abort();            /* the canonical form must be accepted */
        engine_input_apply(e, c);
        free(c);
    }
    free(buf);
    sb_free(&canon);
    sb_free(&probs);
    engine_free(e);
    lhost_free(h);
    return 0;
}
