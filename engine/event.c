/* event.c - event names and the canonical JSON form; see event.h. */
#include "engine/event.h"
#include <string.h>

const char *const ev_kind_names[EVK_COUNT] = {
    "session", "turn", "signal", "signal_truth", "note", "log", "state",
    "reveal", "queued", "cancelled", "done", "triage", "report", "hint",
    "score", "objective", "ending", "hook_error", "ready", "facilitator",
};

int ev_kind_find(const char *name)
{
    for (int i = 0; i < EVK_COUNT; i++)
        if (strcmp(ev_kind_names[i], name) == 0)
            return i;
    return -1;
}

void event_to_json(const event *ev, sbuf *out)
{
    sb_printf(out, "{\"seq\":%u,\"turn\":%d,\"minute\":%d,\"vis\":\"%s\",\"kind\":\"%s\"",
              (unsigned)ev->seq, ev->turn, ev->minute,
              ev->vis == EV_TEAM ? "team" : "truth", ev_kind_names[ev->kind]);
    if (ev->role) {
        sb_puts(out, ",\"role\":");
        sb_json_str(out, ev->role);
    }
    if (ev->subject) {
        sb_puts(out, ",\"subject\":");
        sb_json_str(out, ev->subject);
    }
    if (ev->field) {
        sb_puts(out, ",\"field\":");
        sb_json_str(out, ev->field);
    }
    sb_printf(out, ",\"value\":%lld", (long long)ev->value);
    if (ev->attrs && *ev->attrs)
        sb_printf(out, ",\"attrs\":%s", ev->attrs);
    if (ev->text.vi || ev->text.en) {
        sb_puts(out, ",\"text\":{\"vi\":");
        sb_json_str(out, text_get(&ev->text, LANG_VI));
        sb_puts(out, ",\"en\":");
        sb_json_str(out, text_get(&ev->text, LANG_EN));
        sb_putc(out, '}');
    }
    sb_putc(out, '}');
}
