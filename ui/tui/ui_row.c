/*
 * ui_row.c - the rows every screen draws the same way (see ui.h): an
 * asset with its state badges, a feed item with its time and badges, and
 * the "more above / below" marker of a list that scrolls.
 *
 * A badge says a state in words, so it is never dropped without a trace:
 * when a row is narrow the name (or the item's text) gives way first, then
 * badges take their short forms (widest first), then they lose the spaces
 * between them, and only then do the last ones give way to a "+N" that
 * counts them (the details of the row list them all).
 */
#include "ui/tui/ui.h"
#include "ui/tui/textw.h"

#include <stdio.h>
#include <string.h>

/* A name keeps at least this many columns (or its whole width). */
#define NAME_MIN 8
/* An item's text keeps at least this many columns before badges shorten. */
#define TEXT_MIN 12

msg_id ui_badge_short(msg_id id)
{
    switch (id) {
    case B_ISOLATED: return B_S_ISOLATED;
    case B_COMPROMISED: return B_S_COMPROMISED;
    case B_DEFACED: return B_S_DEFACED;
    case B_ENCRYPTED: return B_S_ENCRYPTED;
    case B_PATCHED: return B_S_PATCHED;
    case B_EVIDENCE: return B_S_EVIDENCE;
    case B_BACKUP: return B_S_BACKUP;
    case B_UNCHECKED: return B_S_UNCHECKED;
    case B_NOT_COMPROMISED: return B_S_NOT_COMPROMISED;
    case B_SEV_MEDIUM: return B_S_SEV_MEDIUM;
    case B_SEV_CRITICAL: return B_S_SEV_CRITICAL;
    case B_TP: return B_S_TP;
    case B_FP: return B_S_FP;
    case B_FACILITATOR: return B_S_FACILITATOR;
    default: return id;
    }
}

/* Badges being fitted: their text in full and short, the width of each
 * as it will be drawn ("[TEXT]"). */
typedef struct fit {
    const char *full[8], *shrt[8];
    int style[8];
    bool is_short[8];
    int n;
    bool tight;               /* no space between badges */
} fit;

static int badge_w(const fit *f, int k)
{
    return tw_width(f->is_short[k] ? f->shrt[k] : f->full[k]) + 2;
}

static int fit_width(const fit *f)
{
    int w = 0;
    for (int k = 0; k < f->n; k++)
        w += badge_w(f, k) + (f->tight || k + 1 == f->n ? 0 : 1);
    return w;
}

/* Shorten badges (the one that saves most first), then drop the spaces,
 * until they take at most room columns. Returns their width. */
static int fit_into(fit *f, int room)
{
    int w = fit_width(f);
    while (w > room) {
        int best = -1, save = 0;
        for (int k = 0; k < f->n; k++) {
            int s = f->is_short[k] ? 0 : tw_width(f->full[k]) - tw_width(f->shrt[k]);
            if (s > save) {
                save = s;
                best = k;
            }
        }
        if (best < 0)
            break;
        f->is_short[best] = true;
        w = fit_width(f);
    }
    if (w > room && f->n > 1) {
        f->tight = true;
        w = fit_width(f);
    }
    return w;
}

/* The width of the first k badges. */
static int prefix_width(const fit *f, int k)
{
    int w = 0;
    for (int i = 0; i < k; i++)
        w += badge_w(f, i) + (f->tight || i == 0 ? 0 : 1);
    return w;
}

/* Draw the badges from x in at most room columns; those that do not fit
 * give way to "+N", which counts them. Returns the columns drawn. */
static int fit_draw(crt *c, int y, int x, int room, const fit *f, int style)
{
    int shown = f->n;
    char plus[16] = "";
    if (fit_width(f) > room) {
        for (shown = f->n - 1; shown > 0; shown--) {
            snprintf(plus, sizeof plus, "+%d", f->n - shown);
            if (prefix_width(f, shown) + (f->tight ? 0 : 1) + (int)strlen(plus) <= room)
                break;
        }
        snprintf(plus, sizeof plus, "+%d", f->n - shown);
    }
    int cx = x;
    for (int k = 0; k < shown; k++) {
        char b[160];
        snprintf(b, sizeof b, "[%s]", f->is_short[k] ? f->shrt[k] : f->full[k]);
        if (k && !f->tight)
            cx++;
        cx += draw_str(c, y, cx, x + room - cx, b, f->style[k] | style);
    }
    if (plus[0]) {
        if (shown && !f->tight)
            cx++;
        cx += draw_str(c, y, cx, x + room - cx, plus, ST_BOLD | style);
    }
    return cx - x;
}

static void fit_add(fit *f, lang lg, msg_id id, int style)
{
    if (f->n >= 8)
        return;
    f->full[f->n] = T(lg, id);
    f->shrt[f->n] = T(lg, ui_badge_short(id));
    f->style[f->n] = style;
    f->is_short[f->n] = false;
    f->n++;
}

void ui_draw_asset_row(crt *c, int y, int x, int w, const view *v, const scen *sc, int asset,
                       lang lg, int name_style, int style)
{
    ui_badge b[8];
    int nb = ui_asset_badges(v, asset, b, 8);
    fit f = { .n = 0 };
    for (int k = 0; k < nb; k++)
        fit_add(&f, lg, b[k].id, b[k].style);
    char name[256];
    ui_text(&sc->assets[asset].name, lg, name, sizeof name);
    int nw = tw_width(name);
    int keep = nw < NAME_MIN ? nw : NAME_MIN;
    /* The name gives way first, down to keep columns; the badges then. */
    int bw = fit_into(&f, w - keep - 1);
    int namew = w - bw - 1;
    if (namew > nw)
        namew = nw;
    if (namew < keep)
        namew = keep;
    int bx = x + draw_str_cut(c, y, x, namew, name, name_style | style) + 1;
    fit_draw(c, y, bx, x + w - bx, &f, style);
}

void ui_draw_item_row(crt *c, int y, int x, int w, const view *v, const view_item *it, int flags,
                      int style)
{
    const scen *sc = view_scen(v);
    lang lg = view_lang(v);
    int cx = x, end = x + w;
    if (flags & UI_ROW_MARK)
        cx += draw_str(c, y, cx, 1, it->unread ? "*" : " ", ST_NEW | style);
    if (flags & UI_ROW_TURN) {
        char tn[32];
        snprintf(tn, sizeof tn, "%2d ", it->turn);
        cx += draw_str(c, y, cx, end - cx, tn, ST_DIM | style);
    }
    char clk[64], line[1024];
    ui_clock(sc, it->minute, lg, clk, sizeof clk);
    /* Only the time of day: the day shows in the status bar. */
    const char *hm = strrchr(clk, ' ');
    cx += draw_str(c, y, cx, end - cx < 6 ? end - cx : 6, hm ? hm + 1 : clk, ST_DIM | style) + 1;
    msg_id badge;
    int st;
    ui_item_line(v, it, line, sizeof line, &badge, &st);
    fit f = { .n = 0, .tight = true };
    if (it->kind == EVK_SIGNAL) {
        int sst;
        msg_id sev = ui_severity_id(it->severity, &sst);
        if (sev == M_COUNT) {
            /* A severity this program has no word for: as it is. */
            f.full[0] = f.shrt[0] = it->severity ? it->severity : "?";
            f.style[0] = sst;
            f.n = 1;
        } else {
            fit_add(&f, lg, sev, sst);
        }
        if ((flags & UI_ROW_TRUTH) && it->truth >= 0)
            fit_add(&f, lg, it->truth ? B_TP : B_FP, it->truth ? ST_ALERT : ST_OK);
        if (it->verdict >= 0)
            fit_add(&f, lg, it->verdict ? B_REAL : B_FALSE,
                    flags & UI_ROW_TRUTH ? ST_BOLD : it->verdict ? ST_ALERT : ST_OK);
    } else {
        fit_add(&f, lg, badge, st);
    }
    int tw = tw_width(line);
    int keep = tw < TEXT_MIN ? tw : TEXT_MIN;
    int room = end - cx;
    if (room <= 0)
        return;
    fit_into(&f, room - keep - 1 > 0 ? room - keep - 1 : 0);
    cx += fit_draw(c, y, cx, room, &f, style) + 1;
    if (cx < end)
        draw_str_cut(c, y, cx, end - cx, line,
                     ((flags & UI_ROW_MARK) && it->unread ? ST_NEW : ST_NORMAL) | style);
}

void ui_draw_more(crt *c, lang lg, int y, int x, int w, int above, int below)
{
    if (above <= 0 && below <= 0)
        return;
    char buf[96], mark[128];
    if (above > 0 && below > 0)
        snprintf(buf, sizeof buf, T(lg, M_MORE_BOTH), above, below);
    else if (above > 0)
        snprintf(buf, sizeof buf, T(lg, M_MORE_UP), above);
    else
        snprintf(buf, sizeof buf, T(lg, M_MORE_DOWN), below);
    snprintf(mark, sizeof mark, " %s ", buf);
    int mw = tw_width(mark);
    if (mw > w - 2)
        return;
    draw_str(c, y, x + w - 1 - mw, mw, mark, ST_FOCUS);
}
