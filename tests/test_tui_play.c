/*
 * test_tui_play.c - the play screen driven by keys, on a real curses
 * screen (newterm on /dev/null at a fixed size) and a real engine playing
 * the reference scenario; what a player would see is read back from the
 * screen (crt_peek). Checks: the status bar and panes at 80x24 in
 * Vietnamese; triage of a signal through the keyboard reaches the engine
 * as an input; cancelling gives the points back; the end-of-turn
 * confirmation; the "too small" notice at 20x6 and the way back; a whole
 * session played to its ending with the summary shown; hot seat; the turn
 * timer on a clock the test moves (it ends the turn with an input, waits
 * for a question being answered, restarts each turn); facilitator mode
 * (the ground truth, the score in exercise mode, awards with a reason);
 * a player's screen never showing any ground truth; the reload key.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "tests/test_tui_fixture.h"

#define SCENARIO "scenarios/portal-defacement.lua"

static void test_screen_vi(void **st)
{
    fixture f;
    fixture_open(&f, LANG_VI, NULL, 0, NULL);
    frame(&f);
    char row[2048];
    crt_peek(f.c, 0, row, sizeof row);
    assert_non_null(strstr(row, "Lượt 1/32"));
    assert_non_null(strstr(row, "08:00"));
    assert_non_null(strstr(row, "Điểm 0/100"));
    assert_true(on_screen(&f, "Hệ thống"));
    assert_true(on_screen(&f, "Cảnh báo và tin nhắn"));
    assert_true(on_screen(&f, "Hàng đợi"));
    assert_true(on_screen(&f, "Cổng Thông tin điện tử tỉnh"));
    assert_true(on_screen(&f, "[BẬT]"));
    assert_true(on_screen(&f, "?:trợ giúp"));
    /* Triage the newest signal as real through the keyboard: t, Enter on
     * "real attack", Enter to confirm. */
    keys(&f, "t");
    assert_true(on_screen(&f, "kết luận của bạn"));
    keys(&f, "\r");
    assert_true(on_screen(&f, "Xếp hành động này vào hàng đợi?"));
    keys(&f, "\r");
    assert_int_equal(f.inputs, 1);
    assert_non_null(strstr(f.last, "lead triage ") ? f.last : NULL);
    assert_non_null(strstr(f.last, " true"));
    assert_int_equal(engine_queue_count(f.e), 1);
    assert_true(on_screen(&f, "Đã xếp hàng #1"));
    /* Cancel it from the queue pane: Tab twice from the feed. */
    int lead = scen_role_find(f.sc, "lead");
    int ap = engine_ap_left(f.e, lead);
    keys(&f, "\t\tx");
    assert_true(on_screen(&f, "Hủy hành động #1"));
    keys(&f, "y");
    assert_string_equal(f.last, "cancel 1");
    assert_int_equal(engine_ap_left(f.e, lead), ap + 1);
    /* Help is one key away, and Esc closes it. */
    keys(&f, "?");
    assert_true(on_screen(&f, "Trợ giúp"));
    keys(&f, "\x1b");
    assert_false(on_screen(&f, "PHÍM"));
    /* End of turn asks first. */
    keys(&f, "n");
    assert_true(on_screen(&f, "Kết thúc lượt 1"));
    keys(&f, "n");
    assert_int_equal(engine_turn(f.e), 1);
    keys(&f, "ny");
    assert_int_equal(engine_turn(f.e), 2);
    crt_peek(f.c, 0, row, sizeof row);
    assert_non_null(strstr(row, "Lượt 2/32"));
    assert_non_null(strstr(row, "08:15"));
    /* Too small, then back. */
    crt_resize(f.c, 6, 20);
    frame(&f);
    crt_peek(f.c, 0, row, sizeof row);
    assert_non_null(strstr(row, "Cửa sổ quá nhỏ"));
    assert_false(on_screen(&f, "Hệ thống"));
    crt_resize(f.c, 24, 80);
    frame(&f);
    assert_true(on_screen(&f, "Hệ thống"));
    assert_false(on_screen(&f, "quá nhỏ"));
    fixture_close(&f);
}

static void test_play_to_end_en(void **st)
{
    fixture f;
    fixture_open(&f, LANG_EN, NULL, 0, NULL);
    frame(&f);
    /* Act as the system administrator (r until the status bar says so),
     * then isolate the portal from the systems pane: Shift-Tab to the
     * systems, Enter on the portal, the second action (isolate), confirm. */
    char row[2048];
    for (int i = 0; i < 5; i++) {
        crt_peek(f.c, 0, row, sizeof row);
        if (strstr(row, "System administrator"))
            break;
        keys(&f, "r");
    }
    assert_non_null(strstr(row, "System administrator"));
    play_key(f.p, TK_BTAB);
    keys(&f, "\r");
    assert_true(on_screen(&f, "Isolate an asset"));
    keys(&f, "j\r");
    assert_true(on_screen(&f, "Queue this action?"));
    assert_true(on_screen(&f, "-> Provincial web portal"));
    keys(&f, "\r");
    assert_string_equal(f.last, "sys isolate portal");
    assert_true(on_screen(&f, "[QUEUED]"));
    /* Then end turns until the session is over. */
    for (int t = 0; t < 40 && !engine_over(f.e); t++)
        keys(&f, "ny");
    assert_true(engine_over(f.e));
    assert_true(play_summary_open(f.p));
    assert_true(on_screen(&f, "End of the session"));
    assert_true(on_screen(&f, "Outcome:"));
    assert_true(on_screen(&f, "Score breakdown") || on_screen(&f, "Score:"));
    /* The summary scrolls to the missed objectives and their reasons. */
    for (int i = 0; i < 10; i++)
        play_key(f.p, TK_PGDN);
    frame(&f);
    assert_true(on_screen(&f, "[MISSED]"));
    assert_int_equal(play_key(f.p, 'q') & UI_QUIT, UI_QUIT);
    fixture_close(&f);
}

static void test_hot_seat(void **st)
{
    /* Two players: Lan holds lead and comms, Minh holds soc, sys, net. */
    fixture f;
    sbuf problems = SBUF_INIT;
    lhost *h = lhost_load_file(SCENARIO, NULL, &problems);
    assert_non_null(h);
    const scen *sc = lhost_scen(h);
    uint64_t a = 1ULL << scen_role_find(sc, "lead") | 1ULL << scen_role_find(sc, "comms");
    uint64_t b = 1ULL << scen_role_find(sc, "soc") | 1ULL << scen_role_find(sc, "sys") |
                 1ULL << scen_role_find(sc, "net");
    lhost_free(h);
    sb_free(&problems);
    tui_player players[2] = { { "Lan", a }, { "Minh", b } };
    engine_participant parts[2] = { { "Lan", a }, { "Minh", b } };
    fixture_open(&f, LANG_EN, players, 2, parts);
    frame(&f);
    char row[2048];
    crt_peek(f.c, 0, row, sizeof row);
    assert_non_null(strstr(row, "Lan:"));
    assert_non_null(strstr(row, "0/2 ready"));
    /* Lan ends her turn: the keyboard goes to Minh, the turn goes on. */
    keys(&f, "ny");
    assert_int_equal(engine_turn(f.e), 1);
    crt_peek(f.c, 0, row, sizeof row);
    assert_non_null(strstr(row, "Minh:"));
    assert_non_null(strstr(row, "1/2 ready"));
    assert_true(on_screen(&f, "Waiting for: Minh"));
    /* r cycles Minh's and Lan's roles; the acting role is in the bar. */
    keys(&f, "r");
    crt_peek(f.c, 0, row, sizeof row);
    assert_non_null(strstr(row, "Minh:"));
    keys(&f, "ny");
    assert_int_equal(engine_turn(f.e), 2);
    crt_peek(f.c, 0, row, sizeof row);
    assert_non_null(strstr(row, "Lan:"));
    fixture_close(&f);
}

/* Drawing primitives: combining marks stay in their cell, nothing unsafe
 * reaches the screen even unsanitised, cuts end with an ellipsis. */
static void test_draw(void **st)
{
    fixture f;
    fixture_open(&f, LANG_VI, NULL, 0, NULL);
    char row[512];
    draw_clear(f.c);
    /* "Việt" with combining marks takes four columns: Z lands in the fifth. */
    draw_str(f.c, 0, 0, 10, "Vie\xcc\xa3\xcc\x82t", ST_NORMAL);
    draw_str(f.c, 0, 4, 1, "Z", ST_NORMAL);
    /* A hostile string drawn without sanitising: no escape, no RLO. */
    draw_str(f.c, 1, 0, 40, "a\x1b[31mb\xe2\x80\xae" "c\r", ST_NORMAL);
    draw_str_cut(f.c, 2, 0, 8, "C\xe1\xbb\x95ng Th\xc3\xb4ng tin", ST_NORMAL);
    draw_flush(f.c);
    crt_peek(f.c, 0, row, sizeof row);
    assert_string_equal(row, "Vie\xcc\xa3\xcc\x82tZ");
    crt_peek(f.c, 1, row, sizeof row);
    assert_null(strchr(row, '\x1b'));
    assert_null(strstr(row, "\xe2\x80\xae"));
    assert_string_equal(row, "a?[31mbc?");
    crt_peek(f.c, 2, row, sizeof row);
    assert_string_equal(row, "C\xe1\xbb\x95ng Th\xe2\x80\xa6");
    fixture_close(&f);
}

static void test_timer(void **st)
{
    fixture f;
    fake_now = 1000000;
    fopts o = { .timer = 30 };
    fixture_open_with(&f, LANG_EN, &o);
    frame(&f);
    assert_true(in_status(&f, "0:30 left"));
    /* The loop sleeps until the seconds shown change. */
    fake_now += 10500;
    assert_int_equal(play_wait_ms(f.p), 500);
    assert_true(play_tick(f.p) & UI_REDRAW);
    frame(&f);
    assert_true(in_status(&f, "0:20 left"));
    assert_int_equal(f.inputs, 0);
    /* Time is up: the turn ends through an input, like any other. */
    fake_now += 19500;
    assert_int_equal(play_wait_ms(f.p), 0);
    play_tick(f.p);
    assert_string_equal(f.last, "facilitator end");
    assert_int_equal(engine_turn(f.e), 2);
    frame(&f);
    assert_true(on_screen(&f, "Time is up: turn 1 ended."));
    /* The next turn has the whole time again. */
    assert_true(in_status(&f, "0:30 left"));
    /* A question on screen (the end-of-turn confirmation) holds the
     * timer, at most TIMER_GRACE_MS; then it is closed and the turn ends. */
    keys(&f, "n");
    fake_now += 31000;
    play_tick(f.p);
    assert_int_equal(engine_turn(f.e), 2);
    frame(&f);
    assert_true(in_status(&f, "time up"));
    assert_true(on_screen(&f, "End turn 2 for"));
    assert_true(play_wait_ms(f.p) > 0);          /* no busy wait while it holds */
    fake_now += TIMER_GRACE_MS;
    play_tick(f.p);
    assert_int_equal(engine_turn(f.e), 3);
    frame(&f);
    assert_false(on_screen(&f, "End turn 3 for"));
    /* Over the end-of-turn question nothing was lost: no word of an
     * action not queued. */
    assert_true(on_screen(&f, "Time is up: turn 2 ended."));
    assert_false(on_screen(&f, "was not queued"));
    /* Answered within the grace: the timer fires at once after. */
    keys(&f, "n");
    fake_now += 30500;
    play_tick(f.p);
    assert_int_equal(engine_turn(f.e), 3);
    play_key(f.p, TK_ESC);
    play_tick(f.p);
    assert_int_equal(engine_turn(f.e), 4);
    /* An action half chosen when it fires is dropped, and that is said. */
    keys(&f, "t");
    assert_true(on_screen(&f, "your verdict"));
    fake_now += 30000 + TIMER_GRACE_MS;
    play_tick(f.p);
    assert_int_equal(engine_turn(f.e), 5);
    frame(&f);
    assert_true(on_screen(&f, "Time is up: turn 4 ended (the action being chosen was not queued)."));
    /* Players ending the turn themselves restart it too. */
    fake_now += 20000;
    keys(&f, "ny");
    assert_int_equal(engine_turn(f.e), 6);
    play_tick(f.p);
    frame(&f);
    assert_true(in_status(&f, "0:30 left"));
    /* Help says how the timer works. */
    keys(&f, "?");
    play_key(f.p, TK_END);
    frame(&f);
    assert_true(on_screen(&f, "TURN TIMER"));
    keys(&f, "\x1b");
    /* No countdown once the session is over. */
    for (int t = 0; t < 40 && !engine_over(f.e); t++) {
        fake_now += 30000;
        play_tick(f.p);
    }
    assert_true(engine_over(f.e));
    assert_int_equal(play_wait_ms(f.p), -1);
    fixture_close(&f);
}

static void test_facilitator(void **st)
{
    fixture f;
    fopts o = { .truth = true, .exercise = true };
    fixture_open_with(&f, LANG_EN, &o);
    frame(&f);
    /* The screen is the players' screen: score hidden, no truth. */
    assert_true(in_status(&f, "score hidden"));
    assert_true(on_screen(&f, "g:truth"));
    assert_false(on_screen(&f, "POSITIVE]"));
    /* Advance to turn 2, where the attack shows itself. */
    keys(&f, "ny");
    keys(&f, "g");
    assert_true(on_screen(&f, "Ground truth: systems"));
    assert_true(on_screen(&f, "[TRUE POSITIVE]"));
    assert_true(on_screen(&f, "Score 0/100 (hidden from players)"));
    /* Enter: this turn's ground truth in full; Esc comes back here. */
    keys(&f, "\r");
    assert_true(on_screen(&f, "Ground truth: TRUE POSITIVE"));
    keys(&f, "\x1b");
    assert_true(on_screen(&f, "Ground truth: systems"));
    /* Award points: how many, then the reason, which is required. */
    keys(&f, "a");
    assert_true(on_screen(&f, "Award points: how many?"));
    keys(&f, "5x\r");
    assert_true(on_screen(&f, "Reason for +5 points"));
    keys(&f, "\r");
    assert_true(on_screen(&f, "A written reason is required."));
    int before = f.inputs;
    keys(&f, "Quick triage #1\r");
    assert_int_equal(f.inputs, before + 1);
    assert_string_equal(f.last, "facilitator award 5 Quick triage 1");
    assert_int_equal(engine_score(f.e), 5);
    assert_true(on_screen(&f, "Score 5/100 (hidden from players)"));
    assert_true(on_screen(&f, "+5 Quick triage 1"));
    keys(&f, "d3\rLate report\r");
    assert_string_equal(f.last, "facilitator deduct 3 Late report");
    assert_int_equal(engine_score(f.e), 2);
    keys(&f, "mBriefing at 10:00\r");
    assert_string_equal(f.last, "facilitator note Briefing at 10:00");
    /* End the turn for everyone. */
    keys(&f, "e");
    assert_true(on_screen(&f, "End turn 2 for everyone now?"));
    keys(&f, "y");
    assert_string_equal(f.last, "facilitator end");
    assert_int_equal(engine_turn(f.e), 3);
    assert_true(on_screen(&f, "Ground truth: systems"));
    /* Back to the players' screen: still no score, the note is there. */
    keys(&f, "g");
    assert_false(on_screen(&f, "Ground truth"));
    assert_true(in_status(&f, "score hidden"));
    assert_true(on_screen(&f, "Briefing at 10:00"));
    fixture_close(&f);
}

/* Without facilitator mode nothing of the ground truth reaches the
 * screen, whatever is pressed, in a whole session. */
static void test_players_see_no_truth(void **st)
{
    fixture f;
    fixture_open(&f, LANG_EN, NULL, 0, NULL);
    /* (What investigation reveals is the team's: only truth-only words.) */
    static const char *const secret[] = { "POSITIVE]", "[TRUTH]", "Ground truth" };
    for (int t = 0; t < 40 && !engine_over(f.e); t++) {
        keys(&f, "g");
        for (int row = 0; row < 12; row++) {
            keys(&f, "\r");            /* a signal or message in full */
            for (size_t k = 0; k < sizeof secret / sizeof *secret; k++)
                if (on_screen(&f, secret[k]))
                    fail_msg("turn %d: the players' screen shows %s", t + 1, secret[k]);
            keys(&f, "\x1bj");
        }
        keys(&f, "ny");
    }
    assert_true(engine_over(f.e));
    for (int i = 0; i < view_item_count(f.v); i++) {
        assert_int_equal(view_item_at(f.v, i)->vis, EV_TEAM);
        assert_int_equal(view_item_at(f.v, i)->truth, -1);
    }
    fixture_close(&f);
}

static void test_reload_key(void **st)
{
    fixture f;
    fopts o = { .reload = true };
    fixture_open_with(&f, LANG_EN, &o);
    f.reload_rc = -1;
    play_key(f.p, TK_F5);
    frame(&f);
    assert_int_equal(f.reloads, 1);
    assert_true(on_screen(&f, "x.lua:3: boom"));
    /* Never while a question is open: the answer is not thrown away. */
    keys(&f, "n");
    play_key(f.p, TK_F5);
    play_key(f.p, 0x12);
    assert_int_equal(f.reloads, 1);
    keys(&f, "\x1b");
    /* A replay that stopped early says why in full. */
    f.reload_rc = 1;
    play_key(f.p, 0x12);
    frame(&f);
    assert_int_equal(f.reloads, 2);
    assert_true(on_screen(&f, "Details"));
    assert_true(on_screen(&f, "x.lua:3: boom"));
    fixture_close(&f);
    /* Where there is nothing to reload, the key says so. */
    fixture_open(&f, LANG_EN, NULL, 0, NULL);
    play_key(f.p, TK_F5);
    frame(&f);
    assert_true(on_screen(&f, "cannot be reloaded here"));
    fixture_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_draw),
        cmocka_unit_test(test_screen_vi),
        cmocka_unit_test(test_play_to_end_en),
        cmocka_unit_test(test_hot_seat),
        cmocka_unit_test(test_timer),
        cmocka_unit_test(test_facilitator),
        cmocka_unit_test(test_players_see_no_truth),
        cmocka_unit_test(test_reload_key),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
