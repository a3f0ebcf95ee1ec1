/*
 * test_tui_view.c - the view model of the terminal interface
 * (ui/tui/view.c), the attrs reader and the string table:
 *
 *   - a team view and a truth view folded while the reference scenario
 *     plays its textbook self-test agree with the engine at every step
 *     (score, action points, objectives, ending), and the team view never
 *     holds ground truth;
 *   - synthetic events: cancellations give points back, triage verdicts
 *     reach their signal among a thousand, read marks, hints;
 *   - attrs: escapes, arrays, other keys skipped, malformed input;
 *   - i18n: no string missing in either language, and both languages of a
 *     string take the same printf arguments.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "engine/lhost.h"
#include "ui/tui/attrs.h"
#include "ui/tui/i18n.h"
#include "ui/tui/textw.h"
#include "ui/tui/view.h"

#define SCENARIO "scenarios/portal-defacement.lua"

/* ---- i18n --------------------------------------------------------------- */

/* The printf conversions of a format, e.g. "ds" for "%d ... %s". */
static void conversions(const char *f, char *out, size_t size)
{
    size_t n = 0;
    for (const char *p = f; *p; p++) {
        if (*p != '%')
            continue;
        p++;
        if (*p == '%')
            continue;
        while (*p && strchr("0123456789.-+ #lhz", *p))
            p++;
        if (*p && n + 1 < size)
            out[n++] = *p;
        if (!*p)
            break;
    }
    out[n] = '\0';
}

static void test_i18n_complete(void **st)
{
    (void)st;
    for (int i = 0; i < M_COUNT; i++) {
        const char *en = i18n_raw(LANG_EN, (msg_id)i);
        const char *vi = i18n_raw(LANG_VI, (msg_id)i);
        if (!en || !*en || !vi || !*vi)
            fail_msg("string %d is missing in %s", i, !en || !*en ? "English" : "Vietnamese");
        char ce[32], cv[32];
        conversions(en, ce, sizeof ce);
        conversions(vi, cv, sizeof cv);
        if (strcmp(ce, cv) != 0)
            fail_msg("string %d: English takes %%%s, Vietnamese %%%s", i, ce, cv);
    }
    /* Key hints fit on the last line of an 80-column screen (78 columns
     * between the margins) in both languages: a hint cut short hides the
     * keys at its end (q: quit). */
    const msg_id keys[] = { M_KEYS_PLAY, M_KEYS_PLAY_FAC, M_KEYS_FAC, M_KEYS_LIST, M_KEYS_PICK,
                            M_KEYS_CONFIRM, M_KEYS_COMPOSE, M_KEYS_SCROLL, M_KEYS_TEXT,
                            M_KEYS_REPLAY, M_KEYS_MENU, M_KEYS_SUMMARY, M_KEYS_FORM, M_YES_NO,
                            M_KEYS_PLAY_OVER, M_KEYS_MENU_SCEN };
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
        for (int l = 0; l < 2; l++)
            if (tw_width(i18n_str((lang)l, keys[k])) > 78)
                fail_msg("key hint %d in %s is %d columns wide (78 at most): %s", (int)keys[k],
                         l ? "Vietnamese" : "English", tw_width(i18n_str((lang)l, keys[k])),
                         i18n_str((lang)l, keys[k]));
    /* The hints inside an overlay fit its inside at 80 columns: 72 (a
     * message box 76 wide, less its frame and margins). */
    const msg_id inside[] = { M_KEYS_LIST, M_KEYS_PICK, M_KEYS_CONFIRM, M_KEYS_COMPOSE,
                              M_KEYS_SCROLL, M_KEYS_TEXT, M_KEYS_SUMMARY, M_YES_NO, M_KEYS_CLOSE };
    for (size_t k = 0; k < sizeof inside / sizeof *inside; k++)
        for (int l = 0; l < 2; l++)
            if (tw_width(i18n_str((lang)l, inside[k])) > 72)
                fail_msg("overlay key hint %d in %s is %d columns wide (72 at most): %s",
                         (int)inside[k], l ? "Vietnamese" : "English",
                         tw_width(i18n_str((lang)l, inside[k])), i18n_str((lang)l, inside[k]));
    /* Signal sources: every known one named in both languages; others
     * are shown as they are. */
    const char *en, *vi, *id;
    int nsrc = 0;
    for (int i = 0; (id = i18n_source_at(i, &en, &vi)); i++, nsrc++) {
        assert_true(en && *en && vi && *vi);
        assert_string_equal(i18n_source(LANG_EN, id), en);
        assert_string_equal(i18n_source(LANG_VI, id), vi);
    }
    assert_true(nsrc >= 20);
    assert_string_equal(i18n_source(LANG_VI, "phone"), "cuộc gọi điện thoại");
    assert_null(i18n_source(LANG_EN, "no-such-source"));
    /* Wording: a deadline that cannot be read two ways; the resume form
     * no longer says the timer is not saved (it is, schema 4). */
    assert_string_equal(i18n_str(LANG_VI, M_BY_TURN), "chậm nhất cuối lượt %d");
    assert_null(strstr(i18n_str(LANG_EN, M_FORM_HELP_CONTINUE), "timer and the facilitator view are not saved"));
    assert_non_null(strstr(i18n_str(LANG_EN, M_FORM_HELP_CONTINUE), "turn timer it was started with"));
    assert_non_null(strstr(i18n_str(LANG_VI, M_FORM_HELP_CONTINUE), "đồng hồ lượt đã chọn khi bắt đầu"));
    /* Vietnamese is really Vietnamese, with its diacritics. */
    assert_string_equal(i18n_str(LANG_VI, M_MENU_NEW), "Diễn tập mới");
    assert_string_equal(i18n_str(LANG_EN, M_MENU_NEW), "New drill");
    assert_string_equal(i18n_str(LANG_EN, M_COUNT), "?");
}

/* ---- attrs -------------------------------------------------------------- */

static void test_attrs(void **st)
{
    (void)st;
    const char *js = "{\"qid\":3,\"done_turn\":4,\"x\":{\"a\":[1,{\"b\":\"}\"}]},"
                     "\"target\":\"p\\u00e9 \\\"q\\\"\",\"verdict\":true,"
                     "\"facts\":[\"asset\",\"impact\"],\"emoji\":\"\\ud83d\\ude00\"}";
    char *s = attrs_str(js, "target");
    assert_string_equal(s, "p\xc3\xa9 \"q\"");
    free(s);
    s = attrs_str(js, "facts");
    assert_string_equal(s, "asset,impact");
    free(s);
    s = attrs_str(js, "emoji");
    assert_string_equal(s, "\xf0\x9f\x98\x80");
    free(s);
    assert_int_equal(attrs_int(js, "qid", -1), 3);
    assert_int_equal(attrs_int(js, "done_turn", -1), 4);
    assert_int_equal(attrs_int(js, "verdict", -1), 1);
    assert_int_equal(attrs_int(js, "missing", -7), -7);
    assert_null(attrs_str(js, "qid"));           /* not a string */
    assert_null(attrs_str(js, "a"));             /* nested keys are not top level */
    assert_null(attrs_str(NULL, "a"));
    assert_null(attrs_str("{\"a\":\"unterminated", "a"));
    assert_null(attrs_str("[\"a\"]", "a"));
    assert_int_equal(attrs_int("{\"a\":", "a", 5), 5);
}

/* ---- a real session ------------------------------------------------------ */

typedef struct two_views {
    view *team, *truth;
} two_views;

static void tee(void *ctx, const event *ev)
{
    two_views *t = ctx;
    assert_int_equal(view_fold(t->team, ev), 0);
    assert_int_equal(view_fold(t->truth, ev), 0);
}

static void check_against_engine(const view *v, const engine *e, const scen *sc)
{
    assert_int_equal(view_turn(v), engine_turn(e));
    assert_int_equal(view_score_total(v), engine_score(e));
    for (int r = 0; r < sc->nroles; r++)
        assert_int_equal(view_ap_left(v, r), engine_ap_left(e, r));
    for (int i = 0; i < sc->nobjectives; i++) {
        int st = view_objective(v, i, NULL);
        assert_int_equal(st == 1, engine_objective_met(e, i));
    }
    assert_int_equal(view_score_count(v), engine_score_count(e));
}

static void test_textbook_session(void **st)
{
    (void)st;
    sbuf problems = SBUF_INIT;
    lhost *h = lhost_load_file(SCENARIO, NULL, &problems);
    if (!h)
        fail_msg("%s", sb_str(&problems));
    const scen *sc = lhost_scen(h);
    two_views tv = { view_new(sc, LANG_VI, false), view_new(sc, LANG_VI, true) };
    assert_non_null(tv.team);
    assert_non_null(tv.truth);
    event_sink sink = { tee, &tv };
    engine_hooks hooks = lhost_hooks(h);
    engine_opts eo = { .seed = sc->tests[0].seed };
    engine *e = engine_new(sc, &hooks, &sink, &eo);
    assert_non_null(e);
    lhost_bind(h, e);
    assert_int_equal(engine_start(e), ENG_OK);
    check_against_engine(tv.team, e, sc);

    /* Feed the textbook self-test's inputs, checking after each line. */
    const char *p = sc->tests[0].inputs;
    while (*p && !engine_over(e)) {
        size_t len = strcspn(p, "\n");
        char line[1024];
        snprintf(line, sizeof line, "%.*s", (int)len, p);
        p += len + (p[len] == '\n');
        int rc = engine_input(e, line);
        assert_true(rc == ENG_OK || rc == ENG_EMPTY);
        check_against_engine(tv.team, e, sc);
        check_against_engine(tv.truth, e, sc);
    }
    assert_true(engine_over(e));
    assert_string_equal(view_outcome(tv.team), engine_outcome(e));
    assert_true(view_success(tv.team));
    assert_int_equal(view_final_score(tv.team), engine_score(e));
    assert_true(strlen(view_ending_text(tv.team)) > 0);

    /* The team view holds no ground truth; the truth view does. */
    int team_truth = 0, truth_logs = 0;
    for (int i = 0; i < view_item_count(tv.team); i++) {
        const view_item *it = view_item_at(tv.team, i);
        team_truth += it->vis != EV_TEAM || it->kind == EVK_LOG || it->truth >= 0;
    }
    for (int i = 0; i < view_item_count(tv.truth); i++)
        truth_logs += view_item_at(tv.truth, i)->kind == EVK_LOG;
    assert_int_equal(team_truth, 0);
    assert_true(truth_logs > 0);
    assert_true(view_signal_count(tv.team) > 3);
    const view_item *scan = view_signal_find(tv.truth, "s_scan");
    assert_non_null(scan);
    assert_int_equal(scan->truth, 1);
    assert_int_equal(scan->verdict, 1);
    assert_int_equal(view_signal_find(tv.team, "s_scan")->truth, -1);
    assert_int_equal(view_signal_find(tv.team, "s_vulnscan")->verdict, 0);
    /* The investigation revealed the portal's compromise to the team. */
    int portal = scen_asset_find(sc, "portal");
    assert_true(view_asset_revealed(tv.team, portal, AF_COMPROMISED));
    assert_int_equal(view_asset(tv.truth, portal, AF_COMPROMISED), 0);
    /* Texts are in Vietnamese. */
    assert_non_null(strstr(view_item_at(tv.team, 0)->text, "WAF") ? "ok" : NULL);

    engine_free(e);
    view_free(tv.team);
    view_free(tv.truth);
    lhost_free(h);
    sb_free(&problems);
}

/* ---- synthetic events --------------------------------------------------- */

static void emit(view *v, uint32_t seq, int turn, ev_kind kind, const char *role,
                 const char *subject, const char *field, int64_t value, const char *attrs,
                 const char *txt)
{
    event ev = { .seq = seq, .turn = turn, .minute = (turn - 1) * 15, .vis = EV_TEAM,
                 .kind = kind, .role = role, .subject = subject, .field = field,
                 .value = value, .attrs = attrs, .text = { (char *)txt, (char *)txt } };
    assert_int_equal(view_fold(v, &ev), 0);
}

static void test_synthetic(void **st)
{
    (void)st;
    sbuf problems = SBUF_INIT;
    lhost *h = lhost_load_file(SCENARIO, NULL, &problems);
    assert_non_null(h);
    const scen *sc = lhost_scen(h);
    view *v = view_new(sc, LANG_EN, false);
    uint32_t seq = 1;
    emit(v, seq++, 0, EVK_SESSION, NULL, sc->id, NULL, 1, "{\"mode\":\"exercise\"}", "");
    emit(v, seq++, 1, EVK_TURN, NULL, NULL, NULL, 1, NULL, "");
    assert_true(view_exercise(v));
    assert_int_equal(view_turn(v), 1);
    /* A thousand signals; the verdict on one of the first reaches it. */
    char id[32], attrs[128];
    for (int i = 0; i < 1000; i++) {
        snprintf(id, sizeof id, "x%d", i);
        snprintf(attrs, sizeof attrs, "{\"source\":\"siem\",\"severity\":\"%s\"}",
                 i % 2 ? "high" : "low");
        emit(v, seq++, 1, EVK_SIGNAL, NULL, id, NULL, 0, attrs, "alert\x1b[31m text");
    }
    assert_int_equal(view_signal_count(v), 1000);
    assert_int_equal(view_unread(v), 1000);
    /* Control characters never survive into the view. */
    assert_string_equal(view_signal_find(v, "x7")->text, "alert[31m text");
    assert_string_equal(view_signal_find(v, "x7")->severity, "high");
    emit(v, seq++, 1, EVK_TRIAGE, "soc", "x3", NULL, 1, NULL, "");
    assert_int_equal(view_signal_find(v, "x3")->verdict, 1);
    assert_int_equal(view_signal_find(v, "x4")->verdict, -1);
    assert_null(view_signal_find(v, "nope"));
    /* Queue and cancel: the points come back. */
    int soc = scen_role_find(sc, "soc");
    int full = view_ap_left(v, soc);
    emit(v, seq++, 1, EVK_QUEUED, "soc", "investigate", NULL, 1,
         "{\"qid\":1,\"done_turn\":1,\"target\":\"portal\"}", "Investigate");
    assert_int_equal(view_ap_left(v, soc), full - 1);
    assert_int_equal(view_action_count(v), 1);
    assert_string_equal(view_action_at(v, 0)->target, "portal");
    emit(v, seq++, 1, EVK_CANCELLED, "soc", "investigate", NULL, 1, NULL, "");
    assert_int_equal(view_ap_left(v, soc), full);
    assert_int_equal(view_action_at(v, 0)->state, VQ_CANCELLED);
    /* Read marks. */
    view_item_read(v, 0);
    view_item_read(v, 0);
    assert_int_equal(view_unread(v), 999);
    emit(v, seq++, 2, EVK_TURN, NULL, NULL, NULL, 2, NULL, "");
    emit(v, seq++, 2, EVK_NOTE, NULL, NULL, NULL, 0, NULL, "turn two");
    view_read_before(v, 2);
    assert_int_equal(view_unread(v), 1);
    /* A hint costs points and is remembered; readiness. */
    assert_int_equal(view_hint_next(v), 0);
    emit(v, seq++, 2, EVK_HINT, NULL, sc->hints[0].id, NULL, sc->hints[0].cost, NULL, "hint");
    assert_true(view_hint_taken(v, 0));
    assert_int_equal(view_score_total(v), -sc->hints[0].cost);
    uint32_t ready_seq = seq;
    emit(v, seq++, 2, EVK_READY, "lead", "solo", NULL, 0, NULL, "");
    assert_true(view_ready(v, 0));
    assert_false(view_ready(v, 1));
    /* Inputs as their events tell them: per role, and the latest. */
    assert_int_equal(view_role_input(v, scen_role_find(sc, "lead")), ready_seq);
    assert_true(view_role_input(v, soc) > 0 && view_role_input(v, soc) < ready_seq);
    assert_int_equal(view_role_input(v, scen_role_find(sc, "net")), 0);
    assert_int_equal(view_last_input(v), ready_seq);
    /* Read up to an event: what came before it. */
    emit(v, seq++, 2, EVK_NOTE, NULL, NULL, NULL, 0, NULL, "after");
    view_read_upto(v, ready_seq);
    assert_int_equal(view_unread(v), 1);
    assert_true(view_item_at(v, view_item_count(v) - 1)->unread);
    /* Truth events are ignored by a team view. */
    event ev = { .seq = seq++, .turn = 2, .vis = EV_TRUTH, .kind = EVK_LOG,
                 .text = { "secret", "secret" } };
    int n = view_item_count(v);
    assert_int_equal(view_fold(v, &ev), 0);
    assert_int_equal(view_item_count(v), n);
    view_free(v);
    lhost_free(h);
    sb_free(&problems);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_i18n_complete),
        cmocka_unit_test(test_attrs),
        cmocka_unit_test(test_textbook_session),
        cmocka_unit_test(test_synthetic),
    };
    /* Widths come from the C library: a UTF-8 locale. */
    if (!setlocale(LC_CTYPE, "C.UTF-8") && !setlocale(LC_CTYPE, "C.utf8"))
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
