/*
 * test_tui_words.c - what the play screen says, in both languages:
 *
 *   - names where the scenario has them, not ids: queued actions (role,
 *     recipient, facts), the systems a system is linked to, the source of
 *     a signal, the outcome of the session;
 *   - the end-of-session summary: reopened with s after the end, Esc back
 *     to the board (and said so), its metrics with the downtime of every
 *     system and the actions of every role, wrapped lines under their
 *     label;
 *   - the report composer gives long recipient names the room the facts
 *     leave, and shows the highlighted one in full;
 *   - a feed row of the ground truth keeps room for its text;
 *   - counts of one in the singular; the locale advice names the variable
 *     that decides.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "tests/test_tui_fixture.h"
#include "ui/tui/textw.h"

static void test_names_not_ids(void **st)
{
    fixture f;
    const char *const before[] = { "lead report police --facts asset,impact", NULL };
    fopts o = { .before = before };
    fixture_open_with(&f, LANG_EN, &o);
    frame(&f);
    /* The queue: the role and the recipient by name, the facts too. */
    assert_true(on_screen(&f, "#1 [QUEUED] Incident lead: Report the"));
    assert_false(on_screen(&f, "[QUEUED] lead:"));
    keys(&f, "\t\t");
    assert_true(on_screen(&f, "#1 Incident lead: Report the incident"));
    assert_true(on_screen(&f, "-> Provincial police cyber unit (PA05)"));
    assert_true(on_screen(&f, "Affected system, Impact"));
    assert_false(on_screen(&f, " police ("));
    /* A system's links by the systems' names. */
    key(&f, TK_TAB);
    assert_int_equal(f.p->focus, PANE_ASSETS);
    assert_true(on_screen(&f, "Linked to: Web application firewall"));
    assert_false(on_screen(&f, "Linked to: waf"));
    /* A signal's source by name. */
    play_key(f.p, TK_TAB);
    frame(&f);
    assert_true(on_screen(&f, "Source: WAF (web application firewall)"));
    fixture_close(&f);

    fixture_open_with(&f, LANG_VI, &o);
    frame(&f);
    assert_true(on_screen(&f, "Nguồn: WAF (tường lửa ứng dụng web)"));
    assert_true(on_screen(&f, "[CHỜ] Trưởng nhóm ứng cứu: Báo cáo"));
    fixture_close(&f);
}

/* Play to the end by ending every turn. */
static void play_out(fixture *f)
{
    for (int t = 0; t < 40 && !engine_over(f->e); t++)
        keys(f, "ny");
    assert_true(engine_over(f->e));
}

static void test_summary_again(void **st)
{
    fixture f;
    fixture_open(&f, LANG_EN, NULL, 0, NULL);
    play_out(&f);
    assert_true(play_summary_open(f.p));
    /* The outcome in words with the ending's text; not its id. */
    const char *id = engine_outcome(f.e);
    assert_true(on_screen(&f, "Outcome: NOT ACHIEVED") || on_screen(&f, "Outcome: SUCCESS"));
    char want[160];
    snprintf(want, sizeof want, "(%s)", id);
    assert_false(on_screen(&f, want));
    /* The keys say Esc goes back to the board. */
    assert_true(on_screen(&f, "Esc: the board"));
    /* Metrics: downtime of each system, actions of each role. */
    for (int i = 0; i < 60; i++)
        play_key(f.p, TK_DOWN);
    frame(&f);
    bool found = false;
    for (int s = 0; s < 8 && !found; s++) {
        found = on_screen(&f, "Downtime:") || on_screen(&f, "Actions completed:");
        if (!found)
            key(&f, TK_UP), key(&f, TK_UP), key(&f, TK_UP), key(&f, TK_UP);
    }
    char *doc = ui_summary(f.v, f.p->metrics, f.p->nmetrics, true);
    assert_non_null(doc);
    assert_non_null(strstr(doc, "Downtime:"));
    assert_non_null(strstr(doc, "    Provincial web portal (www.tinh.example): " DRAW_HANG));
    assert_non_null(strstr(doc, "Actions completed:"));
    assert_non_null(strstr(doc, "Incident lead: " DRAW_HANG));
    free(doc);
    /* Esc: the board; s: the summary again. */
    keys(&f, "\x1b");
    assert_false(play_summary_open(f.p));
    assert_true(on_screen(&f, "s:summary"));
    assert_true(on_screen(&f, "The session is over: "));
    assert_false(on_screen(&f, want));
    keys(&f, "s");
    assert_true(play_summary_open(f.p));
    assert_true(on_screen(&f, "End of the session"));
    fixture_close(&f);

    /* Before the end, s says when. */
    fixture_open(&f, LANG_VI, NULL, 0, NULL);
    keys(&f, "s");
    assert_false(play_summary_open(f.p));
    assert_true(on_screen(&f, "Phần tổng kết có khi phiên kết thúc."));
    play_out(&f);
    keys(&f, "\x1b");
    assert_true(on_screen(&f, "Phiên đã kết thúc: CHƯA ĐẠT") ||
                on_screen(&f, "Phiên đã kết thúc: THÀNH CÔNG"));
    snprintf(want, sizeof want, ": %s", engine_outcome(f.e));
    assert_false(on_screen(&f, want));
    fixture_close(&f);
}

/* A paragraph with DRAW_HANG wraps under the mark's column. */
static void test_hanging_indent(void **st)
{
    fixture f;
    fixture_open(&f, LANG_EN, NULL, 0, NULL);
    draw_clear(f.c);
    int n = draw_wrap(f.c, 0, 0, 5, 40, "  +25  objective  " DRAW_HANG
                      "Contain the portal before it is defaced", 0, ST_NORMAL);
    draw_flush(f.c);
    assert_int_equal(n, 2);
    assert_string_equal(row_at(&f, 0), "  +25  objective  Contain the portal");
    assert_string_equal(row_at(&f, 1), "                  before it is defaced");
    fixture_close(&f);
}

static void test_composer(void **st)
{
    fixture f;
    fixture_open(&f, LANG_VI, NULL, 0, NULL);
    play_start_action(f.p, scen_action_find(f.sc, "report"), NULL);
    frame(&f);
    assert_int_equal(f.p->ov, OV_COMPOSE);
    /* The recipients' column takes the room the facts leave: more than
     * half, "Chủ quản hệ thống thông tin" and what follows it whole. */
    assert_true(on_screen(&f, "( ) Bộ, ngành quản lý chuyên ngành             [ ]"));
    assert_true(on_screen(&f, "( ) Cơ quan điều phối ứng cứu sự cố quốc gia … [ ]"));
    /* The highlighted one in full, however long; the key hint whole. */
    for (int i = 0; i < f.sc->nrecipients; i++) {
        char name[512];
        ui_text(&f.sc->recipients[i].name, LANG_VI, name, sizeof name);
        if (tw_width(name) <= 74 && !on_screen(&f, name))
            fail_msg("recipient %d is never shown whole: %s", i, name);
        key(&f, TK_DOWN);
    }
    assert_true(on_screen(&f, i18n_str(LANG_VI, M_KEYS_COMPOSE)));
    fixture_close(&f);
}

/* A signal in the ground truth, its truth and the team's verdict at 38
 * columns (a review's column at 80x24): its text still shows. */
static void test_truth_row_keeps_text(void **st)
{
    fixture f;
    fixture_open(&f, LANG_VI, NULL, 0, NULL);
    view *v = view_new(f.sc, LANG_VI, true);
    event evs[] = {
        { .seq = 1, .turn = 1, .kind = EVK_TURN, .value = 1, .text = { "", "" } },
        { .seq = 2, .turn = 1, .kind = EVK_SIGNAL, .subject = "s_x",
          .attrs = "{\"severity\":\"medium\",\"source\":\"waf\"}",
          .text = { "WAF: tải tệp .php lên", "WAF: tải tệp .php lên" } },
        { .seq = 3, .turn = 1, .kind = EVK_SIGNAL_TRUTH, .vis = EV_TRUTH, .subject = "s_x",
          .value = 1, .text = { "", "" } },
        { .seq = 4, .turn = 1, .kind = EVK_TRIAGE, .subject = "s_x", .value = 1,
          .text = { "", "" } },
    };
    for (size_t i = 0; i < sizeof evs / sizeof *evs; i++)
        assert_int_equal(view_fold(v, &evs[i]), 0);
    draw_clear(f.c);
    ui_draw_item_row(f.c, 0, 0, 38, v, view_item_at(v, 0), UI_ROW_TRUTH, 0);
    draw_flush(f.c);
    const char *r = row_at(&f, 0);
    assert_non_null(strstr(r, "WAF"));
    assert_non_null(strstr(r, "[TB][ĐÚNG][THẬT]"));
    view_free(v);
    fixture_close(&f);
}

static void test_counts_of_one(void **st)
{
    fixture f;
    fopts o = { .truth = true };
    fixture_open_with(&f, LANG_EN, &o);
    keys(&f, "ga1\rGood call\r");
    assert_string_equal(f.last, "facilitator award 1 Good call");
    assert_true(on_screen(&f, "Recorded: +1 point."));
    keys(&f, "d2\rLate\r");
    assert_true(on_screen(&f, "Recorded: -2 points."));
    fixture_close(&f);
    assert_string_equal(i18n_str(LANG_EN, I18N_N(1, M_HINT_COST, M_HINT_COST_1)),
                        "The next hint costs %d point. Take it?");
}

static void test_locale_advice(void **st)
{
    /* In a locale that is not UTF-8 the advice names LC_ALL when LC_ALL
     * decides (LANG would change nothing). */
    setenv("LC_ALL", "C", 1);
    setlocale(LC_ALL, "C");
    fixture f;
    fixture_open(&f, LANG_EN, NULL, 0, NULL);
    assert_string_equal(crt_locale_var(f.c), "LC_ALL");
    frame(&f);
    assert_true(on_screen(&f, "Try LC_ALL=C.UTF-8."));
    fixture_close(&f);
    unsetenv("LC_ALL");
    setenv("LC_CTYPE", "C", 1);
    fixture_open(&f, LANG_EN, NULL, 0, NULL);
    assert_string_equal(crt_locale_var(f.c), "LC_CTYPE");
    fixture_close(&f);
    unsetenv("LC_CTYPE");
    fixture_open(&f, LANG_EN, NULL, 0, NULL);
    assert_string_equal(crt_locale_var(f.c), "LANG");
    fixture_close(&f);
    setlocale(LC_ALL, "C.UTF-8");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names_not_ids),
        cmocka_unit_test(test_summary_again),
        cmocka_unit_test(test_hanging_indent),
        cmocka_unit_test(test_composer),
        cmocka_unit_test(test_truth_row_keeps_text),
        cmocka_unit_test(test_counts_of_one),
        cmocka_unit_test(test_locale_advice),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
