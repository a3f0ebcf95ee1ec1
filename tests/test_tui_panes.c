/*
 * test_tui_panes.c - the panes of the play screen and what they say:
 *
 *   - an asset's state badges are never dropped without a trace, at any
 *     width, in either language (short forms, then "+N");
 *   - lists that shrink show their end, not blank rows; the Actions pane
 *     starts at the top of a new role's list;
 *   - panes grow on a larger screen, and a list longer than its pane says
 *     how many rows are above and below it;
 *   - the new-item count: the message of a new turn and the feed's title
 *     agree, and the item selected when the screen opens is read;
 *   - keys that cannot do anything say why (t and x outside their pane, x
 *     on a running action, a space in an indicator, no action points
 *     left, said before the confirmation);
 *   - overlays clear what is under their edges; the status bar without
 *     its title starts at the left edge.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "tests/test_tui_fixture.h"
#include "ui/tui/textw.h"

#define TUTORIAL "scenarios/tutorial.lua"

static void fold(view *v, uint32_t seq, ev_kind kind, const char *subject, const char *fld,
                 int64_t value)
{
    event ev = { .seq = seq, .turn = 1, .vis = EV_TEAM, .kind = kind, .subject = subject,
                 .field = fld, .value = value, .text = { "", "" } };
    assert_int_equal(view_fold(v, &ev), 0);
}

/* How many badges a row shows: "[...]" ones, plus N of a "+N". */
static int badges_on(const char *row)
{
    int n = 0;
    for (const char *p = row; *p; p++) {
        if (*p == '[')
            n++;
        if (*p == '+' && p[1] >= '1' && p[1] <= '9')
            n += p[1] - '0';
    }
    return n;
}

static void test_badges_never_dropped(void **st)
{
    sbuf problems = SBUF_INIT;
    lhost *h = lhost_load_file(TUTORIAL, NULL, &problems);
    assert_non_null(h);
    const scen *sc = lhost_scen(h);
    FILE *in = fopen("/dev/null", "r"), *out = fopen("/dev/null", "w");
    char err[256];
    crt_opts co = { .in = in, .out = out, .term = "xterm", .nlines = 24, .ncols = 80,
                    .no_signals = true, .no_color = true };
    crt *c = crt_open(&co, err, sizeof err);
    assert_non_null(c);
    int pc = scen_asset_find(sc, "pc");
    for (int l = 0; l < 2; l++) {
        view *v = view_new(sc, (lang)l, false);
        fold(v, 1, EVK_TURN, NULL, NULL, 1);
        fold(v, 2, EVK_REVEAL, "pc", "compromised", 1);
        fold(v, 3, EVK_STATE, "pc", "isolated", 1);
        fold(v, 4, EVK_STATE, "pc", "evidence", 1);
        ui_badge b[8];
        assert_int_equal(ui_asset_badges(v, pc, b, 8), 3);
        for (int w = 16; w <= 78; w++) {
            draw_clear(c);
            ui_draw_asset_row(c, 0, 0, w, v, sc, pc, (lang)l, ST_NORMAL, 0);
            draw_flush(c);
            char row[1024];
            crt_peek(c, 0, row, sizeof row);
            if (badges_on(row) != 3)
                fail_msg("%s, %d columns: '%s' does not account for its 3 badges",
                         l ? "vi" : "en", w, row);
        }
        /* At the width of the systems pane at 80x24 (38 columns), all
         * three are there in words, short if need be; the name gave way. */
        draw_clear(c);
        ui_draw_asset_row(c, 0, 0, 38, v, sc, pc, (lang)l, ST_NORMAL, 0);
        draw_flush(c);
        char row[1024];
        crt_peek(c, 0, row, sizeof row);
        if (l == LANG_EN) {
            assert_non_null(strstr(row, "[COMP"));
            assert_non_null(strstr(row, "[ISOL"));
            assert_non_null(strstr(row, "[EVID"));
        } else {
            assert_non_null(strstr(row, "XÂM NHẬP]"));
            assert_non_null(strstr(row, "[CÔ LẬP]"));
            assert_non_null(strstr(row, "CHỨNG CỨ]"));
        }
        assert_non_null(strstr(row, "\xe2\x80\xa6"));      /* the name was cut */
        /* Wide enough, every badge in full. */
        draw_clear(c);
        ui_draw_asset_row(c, 0, 0, 78, v, sc, pc, (lang)l, ST_NORMAL, 0);
        draw_flush(c);
        crt_peek(c, 0, row, sizeof row);
        assert_non_null(strstr(row, l ? "[BỊ XÂM NHẬP] [CÔ LẬP] [CÓ CHỨNG CỨ]"
                                      : "[COMPROMISED] [ISOLATED] [EVIDENCE]"));
        view_free(v);
    }
    crt_close(c);
    fclose(in);
    fclose(out);
    lhost_free(h);
    sb_free(&problems);
}

/* Eight actions queued in turn 1 by one player holding every role. */
static const char *const eight[] = {
    "lead triage s_scan true", "lead triage s_vulnscan false", "soc investigate portal",
    "soc investigate db", "sys patch portal", "sys collect_evidence db", "net block 192.0.2.1",
    "net block 192.0.2.2", NULL,
};

static void test_lists_shrink(void **st)
{
    fixture f;
    fopts o = { .before = eight };
    fixture_open_with(&f, LANG_EN, &o);
    frame(&f);
    assert_int_equal(f.p->nqueue, 8);
    /* To the queue, its last row; then cancel it. */
    keys(&f, "\t\t");
    assert_int_equal(f.p->focus, PANE_QUEUE);
    key(&f, TK_END);
    assert_int_equal(f.p->sel[PANE_QUEUE], 7);
    int top = f.p->top[PANE_QUEUE];
    assert_true(top > 0);
    keys(&f, "xy");
    assert_string_equal(f.last, "cancel 8");
    assert_int_equal(f.p->nqueue, 7);
    /* The window moved up with the list: no blank row at its end. */
    assert_int_equal(f.p->top[PANE_QUEUE], top - 1);
    assert_true(on_screen(&f, "#7 [QUEUED]"));
    assert_true(on_screen(&f, "#5 [QUEUED]"));
    fixture_close(&f);

    /* The lead's long list scrolled to its end, then another role: its
     * list from the top. */
    fopts o2 = { .scenario = "scenarios/fraud-impersonation.lua" };
    fixture_open_with(&f, LANG_EN, &o2);
    keys(&f, "\t");
    key(&f, TK_END);
    assert_true(f.p->top[PANE_ACTIONS] > 0);
    keys(&f, "R");               /* back from lead to comms */
    assert_int_equal(play_role(f.p), scen_role_find(f.sc, "comms"));
    assert_int_equal(f.p->top[PANE_ACTIONS], 0);
    assert_int_equal(f.p->sel[PANE_ACTIONS], 0);
    fixture_close(&f);
}

static void test_panes_grow_and_say_more(void **st)
{
    fixture f;
    fopts o = { .before = eight, .lines = 50, .cols = 200 };
    fixture_open_with(&f, LANG_EN, &o);
    frame(&f);
    /* 200x50: the eight queued actions and the lead's actions all show. */
    for (int q = 1; q <= 8; q++) {
        char s[32];
        snprintf(s, sizeof s, "#%d [QUEUED]", q);
        if (!on_screen(&f, s))
            fail_msg("200x50: %s is not shown", s);
    }
    assert_false(on_screen(&f, " more "));
    fixture_close(&f);
    /* 80x24: the queue shows what fits and says how many more. */
    fopts o2 = { .before = eight };
    fixture_open_with(&f, LANG_EN, &o2);
    frame(&f);
    assert_true(on_screen(&f, "#1 [QUEUED]"));
    assert_false(on_screen(&f, "#8 [QUEUED]"));
    assert_true(on_screen(&f, "\xe2\x86\x93 5 more"));
    keys(&f, "\t\t");
    key(&f, TK_END);
    assert_true(on_screen(&f, "\xe2\x86\x91 5 more"));
    fixture_close(&f);
}

static void test_new_items_count(void **st)
{
    fixture f;
    fixture_open(&f, LANG_EN, NULL, 0, NULL);
    frame(&f);
    /* The item selected when the screen opens is shown in Details: read. */
    int items = f.p->nfeed;
    assert_true(items >= 2);
    assert_true(play_feed_item(f.p, 0)->unread == false);
    char want[64];
    snprintf(want, sizeof want, "(%d new)", items - 1);
    assert_true(on_screen(&f, want));
    keys(&f, "ny");
    assert_int_equal(engine_turn(f.e), 2);
    /* The message says as many new items as the feed's title counts. */
    snprintf(want, sizeof want, "(%d new)", f.p->unread);
    assert_true(on_screen(&f, want));
    char msg[128];
    snprintf(msg, sizeof msg, ": %d new item", f.p->unread);
    assert_true(on_screen(&f, msg));
    fixture_close(&f);
}

static void test_keys_say_why(void **st)
{
    fixture f;
    const char *const running[] = { "sys eradicate portal", "end", NULL };
    fopts o = { .before = running };
    fixture_open_with(&f, LANG_EN, &o);
    frame(&f);
    /* t outside the feed, x outside the queue. */
    key(&f, TK_BTAB);
    assert_int_equal(f.p->focus, PANE_ASSETS);
    keys(&f, "t");
    assert_true(on_screen(&f, "t triages a signal: choose one in Signals and messages"));
    keys(&f, "x");
    assert_true(on_screen(&f, "x cancels a queued action"));
    /* x on an action under way since turn 1. */
    keys(&f, "\t\t\t");
    assert_int_equal(f.p->focus, PANE_QUEUE);
    assert_true(on_screen(&f, "[RUNNING]"));
    keys(&f, "x");
    assert_int_equal(f.p->ov, OV_NONE);
    assert_true(on_screen(&f, "#1 is under way (done at the end of turn 2)"));
    fixture_close(&f);

    /* A space or '#' in an indicator is refused, and that is said. */
    fixture_open(&f, LANG_EN, NULL, 0, NULL);
    int block = scen_action_find(f.sc, "block");
    play_start_action(f.p, block, NULL);
    frame(&f);
    assert_int_equal(f.p->ov, OV_TEXT);
    keys(&f, "192.0.2.1 ");
    assert_true(on_screen(&f, "An indicator is one word: no spaces"));
    assert_string_equal(f.p->fld.s, "192.0.2.1");
    fixture_close(&f);

    /* No action points left: refused before the confirmation, in words. */
    uint64_t lan = role_bits(NULL, "lead,comms"), minh = role_bits(NULL, "soc,sys,net");
    tui_player players[2] = { { "Lan", lan }, { "Minh", minh } };
    engine_participant parts[2] = { { "Lan", lan }, { "Minh", minh } };
    const char *const spent[] = { "lead triage s_scan true", "lead triage s_vulnscan false", NULL };
    fopts o2 = { .players = players, .parts = parts, .nplayers = 2, .before = spent };
    fixture_open_with(&f, LANG_EN, &o2);
    frame(&f);
    assert_int_equal(play_role(f.p), scen_role_find(f.sc, "lead"));
    keys(&f, "t");
    assert_int_equal(f.p->ov, OV_NONE);
    assert_true(on_screen(&f, "Incident lead cannot take Triage a signal this turn: it costs 1 AP, 0 AP left."));
    assert_int_equal(f.inputs, 0);
    fixture_close(&f);
}

static void test_edges(void **st)
{
    /* An overlay: nothing of the frames beneath touches its frame. */
    fixture f;
    fixture_open(&f, LANG_EN, NULL, 0, NULL);
    keys(&f, "t");
    assert_int_equal(f.p->ov, OV_PICK);
    /* (Frames read back as the terminal's line-drawing letters: l k m j x q.) */
    int y0 = -1, y1 = -1;
    for (int y = 1; y < 22; y++) {
        const char *r = row_at(&f, y);
        if (strstr(r, "l \xe2\x96\xb6 Signal"))
            y0 = y;
        if (y0 >= 0 && y1 < 0 && y > y0 && r[1] == 'm')
            y1 = y;
    }
    assert_true(y0 > 1 && y1 > y0);
    for (int y = y0 - 1; y <= y1 + 1; y++) {
        const char *r = row_at(&f, y);
        /* Column 0 beside the box (and the rows above and below it): blank. */
        if (r[0] && r[0] != ' ')
            fail_msg("row %d: a frame beneath touches the overlay: '%s'", y, r);
        if (y >= y0 && y <= y1 && !strchr("lxm", r[1]))
            fail_msg("row %d: the overlay's frame is not at column 1: '%s'", y, r);
        size_t n = strlen(r);
        if (y >= y0 && y <= y1 && (tw_width(r) != 79 || !strchr("kxj", r[n - 1])))
            fail_msg("row %d: something beside the overlay's right edge: '%s'", y, r);
    }
    fixture_close(&f);

    /* Hot seat at 80 columns with long names: no title, no blank gap. */
    uint64_t lan = role_bits(NULL, "lead,comms"), minh = role_bits(NULL, "soc,sys,net");
    tui_player players[2] = { { "Nguyễn Thị Lan", lan }, { "Trần Văn Minh", minh } };
    engine_participant parts[2] = { { "Nguyễn Thị Lan", lan }, { "Trần Văn Minh", minh } };
    fixture_open(&f, LANG_VI, players, 2, parts);
    frame(&f);
    const char *r = row_at(&f, 0);
    if (strncmp(r, " Lượt 1/32", strlen(" Lượt 1/32")) != 0)
        fail_msg("the status bar starts with blanks: '%s'", r);
    fixture_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_badges_never_dropped),
        cmocka_unit_test(test_lists_shrink),
        cmocka_unit_test(test_panes_grow_and_say_more),
        cmocka_unit_test(test_new_items_count),
        cmocka_unit_test(test_keys_say_why),
        cmocka_unit_test(test_edges),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
