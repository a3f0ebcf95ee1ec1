/* ui.c - the screen loop and the words screens share; see ui.h. */
#include "ui/tui/ui.h"
#include "ui/tui/textw.h"
#include "engine/sbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ui_frame(crt *c, const ui_screen *s)
{
    int h, w;
    crt_size(c, &h, &w);
    draw_clear(c);
    if (h < CRT_MIN_LINES || w < CRT_MIN_COLS) {
        char msg[256];
        snprintf(msg, sizeof msg, T(s->lg, M_TOO_SMALL), w, h, CRT_MIN_COLS, CRT_MIN_LINES);
        draw_wrap(c, 0, 0, h, w, msg, 0, ST_ALERT);
    } else {
        s->draw(s->ctx, c);
    }
    draw_flush(c);
}

int ui_loop(crt *c, const ui_screen *s)
{
    ui_frame(c, s);
    for (;;) {
        int wait = s->wait_ms ? s->wait_ms(s->ctx) : -1;
        int k = crt_getkey(c, wait);
        if (k == TK_STOP)
            return 1;
        int f = 0;
        int h, w;
        crt_size(c, &h, &w);
        if (k == TK_RESIZE) {
            f = UI_REDRAW;
        } else if (k != TK_NONE && h >= CRT_MIN_LINES && w >= CRT_MIN_COLS) {
            /* Keys wait until the screen can be seen: nothing is chosen
             * blind. */
            f = s->key(s->ctx, k);
        }
        if (!(f & UI_QUIT) && s->tick)
            f |= s->tick(s->ctx);
        if (f & UI_QUIT)
            return 0;
        if (f & (UI_REDRAW | UI_HANDLED))
            ui_frame(c, s);
    }
}

void ui_clock(const scen *sc, int minute, lang lg, char *buf, size_t size)
{
    int abs = sc->start_minute + minute;
    int day = abs / 1440 + 1;
    int hm = abs % 1440;
    if (day > 1) {
        char d[32];
        snprintf(d, sizeof d, T(lg, M_DAY), day);
        snprintf(buf, size, "%s %02d:%02d", d, hm / 60, hm % 60);
    } else {
        snprintf(buf, size, "%02d:%02d", hm / 60, hm % 60);
    }
}

const char *ui_text(const text *t, lang lg, char *buf, size_t size)
{
    char *s = text_sanitize(text_get(t, lg), NULL);
    snprintf(buf, size, "%s", s ? s : "");
    /* snprintf may have cut inside a character: cut back to a boundary. */
    size_t n = strlen(buf);
    if (s && n < strlen(s)) {
        while (n > 0 && ((unsigned char)buf[n] & 0xc0) == 0x80)
            n--;
        buf[n] = '\0';
    }
    free(s);
    return buf;
}

static const char *safe_id(const char *id, char *buf, size_t size)
{
    char *s = text_sanitize(id ? id : "?", NULL);
    snprintf(buf, size, "%s", s ? s : "?");
    free(s);
    return buf;
}

const char *ui_asset_name(const scen *sc, const char *id, lang lg, char *buf, size_t size)
{
    int a = id ? scen_asset_find(sc, id) : -1;
    return a >= 0 ? ui_text(&sc->assets[a].name, lg, buf, size) : safe_id(id, buf, size);
}

const char *ui_role_name(const scen *sc, int role, lang lg, char *buf, size_t size)
{
    if (role < 0 || role >= sc->nroles)
        return safe_id("?", buf, size);
    if (text_empty(&sc->roles[role].name))
        return safe_id(sc->roles[role].id, buf, size);
    return ui_text(&sc->roles[role].name, lg, buf, size);
}

const char *ui_named(const scen_named *v, int n, const char *id, lang lg, char *buf, size_t size)
{
    int i = id ? scen_named_find(v, n, id) : -1;
    if (i >= 0 && !text_empty(&v[i].name))
        return ui_text(&v[i].name, lg, buf, size);
    return safe_id(id, buf, size);
}

int ui_asset_badges(const view *v, int a, ui_badge *out, int max)
{
    int n = 0;
#define ADD(id_, st_) do { if (n < max) { out[n].id = (id_); out[n].style = (st_); n++; } } while (0)
    int on = view_asset(v, a, AF_ONLINE), iso = view_asset(v, a, AF_ISOLATED);
    int comp = view_asset(v, a, AF_COMPROMISED);
    if (comp == 1)
        ADD(B_COMPROMISED, ST_ALERT);
    if (view_asset(v, a, AF_DEFACED) == 1)
        ADD(B_DEFACED, ST_ALERT);
    if (view_asset(v, a, AF_ENCRYPTED) == 1)
        ADD(B_ENCRYPTED, ST_ALERT);
    if (on == 0)
        ADD(B_OFF, ST_WARN);
    else if (on == 1 && iso != 1)
        ADD(B_ON, ST_OK);
    if (iso == 1)
        ADD(B_ISOLATED, ST_WARN);
    if (comp == 0) {
        if (view_asset(v, a, AF_CLEAN) == 1 || !view_truth(v))
            ADD(view_truth(v) ? B_CLEAN : B_NOT_COMPROMISED, ST_OK);
    } else if (comp < 0) {
        ADD(B_UNCHECKED, ST_DIM);
    }
    if (view_asset(v, a, AF_PATCHED) == 1)
        ADD(B_PATCHED, ST_OK);
    if (view_asset(v, a, AF_EVIDENCE) == 1)
        ADD(B_EVIDENCE, ST_INFO);
#undef ADD
    return n;
}

msg_id ui_severity_id(const char *sev, int *style)
{
    *style = ST_INFO;
    if (!sev)
        return B_SIGNAL;
    if (strcmp(sev, "low") == 0)
        return B_SEV_LOW;
    if (strcmp(sev, "medium") == 0) {
        *style = ST_WARN;
        return B_SEV_MEDIUM;
    }
    if (strcmp(sev, "high") == 0) {
        *style = ST_ALERT;
        return B_SEV_HIGH;
    }
    if (strcmp(sev, "critical") == 0) {
        *style = ST_ALERT;
        return B_SEV_CRITICAL;
    }
    return M_COUNT;
}

const char *ui_severity(const char *sev, lang lg, int *style)
{
    msg_id id = ui_severity_id(sev, style);
    return id == M_COUNT ? sev : T(lg, id);
}

const char *ui_target_name(const scen *sc, int action, const char *target, lang lg, char *buf,
                           size_t size)
{
    target_kind k = action >= 0 && action < sc->nactions ? sc->actions[action].target : TGT_NONE;
    switch (k) {
    case TGT_ASSET: return ui_asset_name(sc, target, lg, buf, size);
    case TGT_RECIPIENT: return ui_named(sc->recipients, sc->nrecipients, target, lg, buf, size);
    case TGT_AUDIENCE: return ui_named(sc->audiences, sc->naudiences, target, lg, buf, size);
    case TGT_SUPPORT: return ui_named(sc->supports, sc->nsupports, target, lg, buf, size);
    default: return safe_id(target, buf, size);
    }
}

const char *ui_role_id_name(const scen *sc, const char *role, lang lg, char *buf, size_t size)
{
    int r = role ? scen_role_find(sc, role) : -1;
    return r >= 0 ? ui_role_name(sc, r, lg, buf, size) : safe_id(role, buf, size);
}

const char *ui_facts_names(const scen *sc, const char *facts, lang lg, char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
    const char *p = facts ? facts : "";
    while (*p && n + 1 < size) {
        size_t l = strcspn(p, ",");
        char id[128], name[256];
        snprintf(id, sizeof id, "%.*s", (int)(l < sizeof id ? l : sizeof id - 1), p);
        int f = -1;
        for (int i = 0; i < sc->nfacts && f < 0; i++)
            if (strcmp(sc->facts[i].id, id) == 0)
                f = i;
        if (f >= 0 && !text_empty(&sc->facts[f].name))
            ui_text(&sc->facts[f].name, lg, name, sizeof name);
        else
            safe_id(id, name, sizeof name);
        int w = snprintf(buf + n, size - n, "%s%s", n ? ", " : "", name);
        n = w < 0 || (size_t)w >= size - n ? size - 1 : n + (size_t)w;
        p += l + (p[l] == ',');
    }
    return buf;
}

static msg_id field_badge(int f, int value)
{
    switch (f) {
    case AF_COMPROMISED: return value ? B_COMPROMISED : B_NOT_COMPROMISED;
    case AF_ISOLATED: return B_ISOLATED;
    case AF_ONLINE: return value ? B_ON : B_OFF;
    case AF_ENCRYPTED: return B_ENCRYPTED;
    case AF_DEFACED: return B_DEFACED;
    case AF_CLEAN: return B_CLEAN;
    case AF_PATCHED: return B_PATCHED;
    case AF_EVIDENCE: return B_EVIDENCE;
    default: return B_BACKUP;
    }
}

/* The first line of s into buf. */
static void first_line(const char *s, char *buf, size_t size)
{
    size_t n = strcspn(s ? s : "", "\n");
    if (n >= size)
        n = size - 1;
    while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
        n--;
    memcpy(buf, s ? s : "", n);
    buf[n] = '\0';
}

void ui_item_line(const view *v, const view_item *it, char *buf, size_t size, msg_id *badge,
                  int *style)
{
    const scen *sc = view_scen(v);
    lang lg = view_lang(v);
    char a[256], b[512];
    *style = ST_NORMAL;
    *badge = B_NOTE;
    switch (it->kind) {
    case EVK_SIGNAL:
        *badge = B_SIGNAL;
        first_line(it->text, buf, size);
        return;
    case EVK_REVEAL: {
        *badge = B_REVEAL;
        int f = it->field ? asset_field_find(it->field) : -1;
        *style = f == AF_COMPROMISED && it->value ? ST_ALERT : ST_WARN;
        if (it->text && *it->text) {
            first_line(it->text, buf, size);
        } else {
            ui_asset_name(sc, it->subject, lg, a, sizeof a);
            snprintf(buf, size, "%s: %s", a, f >= 0 ? T(lg, field_badge(f, (int)it->value))
                                                    : (it->field ? it->field : "?"));
        }
        return;
    }
    case EVK_DONE: {
        *badge = B_DONE;
        *style = ST_OK;
        first_line(it->text, b, sizeof b);
        ui_role_id_name(sc, it->role, lg, a, sizeof a);
        char t[256] = "";
        if (it->target)
            ui_target_name(sc, it->subject ? scen_action_find(sc, it->subject) : -1, it->target, lg,
                           t, sizeof t);
        snprintf(buf, size, "%s: %s%s%s", a, b, t[0] ? " -> " : "", t);
        return;
    }
    case EVK_HINT:
        *badge = B_HINT;
        *style = ST_INFO;
        break;
    case EVK_OBJECTIVE:
        *badge = it->value ? B_MET : B_MISSED;
        *style = it->value ? ST_OK : ST_ALERT;
        break;
    case EVK_SCORE:
        *badge = B_SCORE;
        *style = it->value < 0 ? ST_ALERT : ST_OK;
        first_line(it->text, b, sizeof b);
        snprintf(buf, size, "%+lld %s", (long long)it->value, b);
        return;
    case EVK_ENDING:
        *badge = B_END;
        *style = it->value ? ST_OK : ST_ALERT;
        break;
    case EVK_LOG:
        *badge = B_TRUTH;
        *style = ST_WARN;
        break;
    case EVK_STATE:
        *badge = B_TRUTH;
        *style = ST_WARN;
        ui_asset_name(sc, it->subject, lg, a, sizeof a);
        int f = it->field ? asset_field_find(it->field) : -1;
        if (f == AF_COMPROMISED || f == AF_ONLINE)
            /* Two words for the two values: COMPROMISED / NO INTRUSION, ON / OFF. */
            snprintf(buf, size, "%s: %s", a, T(lg, field_badge(f, (int)it->value)));
        else if (f >= 0)
            snprintf(buf, size, "%s: %c%s", a, it->value ? '+' : '-', T(lg, field_badge(f, 1)));
        else
            snprintf(buf, size, "%s: %c%s", a, it->value ? '+' : '-', it->field ? it->field : "?");
        return;
    case EVK_HOOK_ERROR:
        *badge = B_ERROR;
        *style = ST_ALERT;
        break;
    case EVK_FACILITATOR:
        *badge = B_FACILITATOR;
        if (it->subject && strcmp(it->subject, "end") == 0)
            snprintf(buf, size, "%s", T(lg, M_FAC_ENDED_EV));
        else
            snprintf(buf, size, "%s", it->subject ? it->subject : "");
        return;
    case EVK_NOTE:
        if (it->role && strcmp(it->role, "facilitator") == 0)
            *badge = B_FACILITATOR;
        *style = ST_INFO;
        break;
    default:
        break;
    }
    first_line(it->text, buf, size);
}

char *ui_item_details(const view *v, const view_item *it)
{
    const scen *sc = view_scen(v);
    lang lg = view_lang(v);
    sbuf sb = SBUF_INIT;
    char clk[64], a[256];
    ui_clock(sc, it->minute, lg, clk, sizeof clk);
    if (it->kind == EVK_SIGNAL) {
        int st;
        sb_printf(&sb, T(lg, M_D_SIGNAL), it->subject);
        sb_putc(&sb, '\n');
        if (it->source) {
            const char *src = i18n_source(lg, it->source);
            sb_printf(&sb, "%s: %s\n", T(lg, M_D_SOURCE), src ? src : it->source);
        }
        sb_printf(&sb, "%s: %s\n", T(lg, M_D_SEVERITY), ui_severity(it->severity, lg, &st));
        if (it->asset)
            sb_printf(&sb, "%s: %s\n", T(lg, M_D_ASSET), ui_asset_name(sc, it->asset, lg, a, sizeof a));
        if (it->technique)
            sb_printf(&sb, "%s: %s\n", T(lg, M_D_TECHNIQUE), it->technique);
        sb_printf(&sb, "%s: ", T(lg, M_D_RECEIVED));
        sb_printf(&sb, T(lg, M_D_AT), clk, it->turn);
        sb_printf(&sb, "\n%s: %s\n", T(lg, M_D_VERDICT),
                  T(lg, it->verdict < 0 ? M_V_NONE : it->verdict ? M_V_TRUE : M_V_FALSE));
        if (it->truth >= 0)
            sb_printf(&sb, "%s: %s\n", T(lg, M_D_TRUTH), T(lg, it->truth ? B_TP : B_FP));
        sb_printf(&sb, "\n%s", it->text);
    } else {
        char line[512];
        msg_id badge;
        int st;
        ui_item_line(v, it, line, sizeof line, &badge, &st);
        sb_printf(&sb, "[%s] ", T(lg, badge));
        sb_printf(&sb, T(lg, M_D_AT), clk, it->turn);
        sb_puts(&sb, "\n\n");
        if (it->kind == EVK_DONE || it->kind == EVK_STATE || it->kind == EVK_SCORE ||
            !it->text || !*it->text)
            sb_printf(&sb, "%s\n", line);
        if (it->text && *it->text && it->kind != EVK_SCORE)
            sb_puts(&sb, it->text);
    }
    if (sb.oom) {
        sb_free(&sb);
        return NULL;
    }
    return sb_take(&sb);
}

int ui_draw_badge(crt *c, int y, int x, int maxw, lang lg, msg_id id, int style)
{
    char buf[128];
    snprintf(buf, sizeof buf, "[%s]", T(lg, id));
    return draw_str(c, y, x, maxw, buf, style);
}
