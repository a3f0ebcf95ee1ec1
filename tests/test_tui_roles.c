/*
 * test_tui_roles.c - the acting role on the play screen, and what a new
 * or resumed session shows first:
 *
 *   - hot seat hand-over: after a player ends the turn, the Actions pane
 *     lists the next player's role's actions (the list follows every
 *     change of the acting role), and Enter takes one;
 *   - the first input of a new session is not taken for a new turn: the
 *     acting role, the feed's selection and the message stay;
 *   - a resumed session acts in the role of the last input of the player
 *     whose turn it is, and the feed is read as far as that input.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "tests/test_tui_fixture.h"

#define FRAUD "scenarios/fraud-impersonation.lua"

/* Every action in the Actions pane is one the acting role may take. */
static void actions_follow_role(fixture *f)
{
    assert_true(f->p->nacts > 0);
    for (int i = 0; i < f->p->nacts; i++) {
        const scen_action *a = &f->sc->actions[f->p->acts[i]];
        bool ok = false;
        for (int k = 0; k < a->nroles; k++)
            ok |= a->roles[k] == play_role(f->p);
        if (!ok)
            fail_msg("the Actions pane lists %s, which %s cannot take", a->id,
                     f->sc->roles[play_role(f->p)].id);
    }
}

static void test_hand_over(void **st)
{
    uint64_t lan = role_bits(FRAUD, "lead,comms"), minh = role_bits(FRAUD, "soc,net");
    tui_player players[2] = { { "Lan", lan }, { "Minh", minh } };
    engine_participant parts[2] = { { "Lan", lan }, { "Minh", minh } };
    fopts o = { .scenario = FRAUD, .players = players, .parts = parts, .nplayers = 2, .seed = 1 };
    fixture f;
    fixture_open_with(&f, LANG_EN, &o);
    frame(&f);
    assert_true(in_status(&f, "Lan: Incident lead"));
    actions_follow_role(&f);
    keys(&f, "ny");
    assert_true(in_status(&f, "Minh: SOC analyst"));
    assert_int_equal(play_role(f.p), scen_role_find(f.sc, "soc"));
    actions_follow_role(&f);
    /* What the pane shows is SOC's: its title, its first action, and none
     * of the lead's (reports, statements). */
    assert_true(on_screen(&f, "Actions (2 AP left): SOC analyst"));
    assert_false(on_screen(&f, "Report the incident"));
    /* Enter on the first action takes it as SOC (no "none of this
     * player's roles can"). */
    keys(&f, "\t\r");
    assert_false(on_screen(&f, "None of this player's roles can"));
    assert_true(on_screen(&f, "which signal?") || on_screen(&f, "your verdict"));
    fixture_close(&f);
}

static void test_first_input_not_a_new_turn(void **st)
{
    /* Hot seat: Lan switches to Minh's SOC role and queues a triage; the
     * role stays SOC and the message names SOC. */
    uint64_t lan = role_bits(NULL, "lead,comms"), minh = role_bits(NULL, "soc,sys,net");
    tui_player players[2] = { { "Lan", lan }, { "Minh", minh } };
    engine_participant parts[2] = { { "Lan", lan }, { "Minh", minh } };
    fixture f;
    fixture_open(&f, LANG_EN, players, 2, parts);
    frame(&f);
    keys(&f, "r");
    assert_int_equal(play_role(f.p), scen_role_find(f.sc, "soc"));
    keys(&f, "t\r\r");
    assert_int_equal(f.inputs, 1);
    assert_string_equal(f.last, "soc triage s_vulnscan true");
    assert_int_equal(play_role(f.p), scen_role_find(f.sc, "soc"));
    assert_true(in_status(&f, "Minh: SOC analyst"));
    assert_true(on_screen(&f, "Queued #1: SOC analyst: Triage a signal"));
    fixture_close(&f);

    /* One player: the feed's selection stays where it was. */
    const char *const before[] = { "end", NULL };
    fopts o = { .before = before };
    fixture_open_with(&f, LANG_EN, &o);
    /* (A session resumed at turn 2 has several items; the first input
     * there is a new session's too as far as the turn goes.) */
    frame(&f);
    assert_true(f.p->nfeed >= 2);
    keys(&f, "j");
    assert_int_equal(f.p->sel[PANE_FEED], 1);
    keys(&f, "\t\t\x1b");        /* to the actions, and back out */
    play_key(f.p, TK_BTAB);
    play_key(f.p, TK_BTAB);
    frame(&f);
    assert_int_equal(f.p->focus, PANE_FEED);
    int before_sel = f.p->sel[PANE_FEED];
    /* Queue "wait" from the actions pane: not a new turn. */
    play_key(f.p, TK_TAB);
    int wait = -1;
    for (int i = 0; i < f.p->nacts; i++)
        if (strcmp(f.sc->actions[f.p->acts[i]].id, "wait") == 0)
            wait = i;
    assert_true(wait >= 0);
    f.p->sel[PANE_ACTIONS] = wait;
    keys(&f, "\r\r");
    assert_int_equal(f.inputs, 1);
    assert_int_equal(f.p->sel[PANE_FEED], before_sel);
    assert_true(on_screen(&f, "Queued #"));
    fixture_close(&f);
}

static void test_new_session_seen_turn(void **st)
{
    /* A new session's very first input: before the fix the screen took it
     * for a new turn and put the feed's selection back on top. */
    fixture f;
    fixture_open(&f, LANG_EN, NULL, 0, NULL);
    frame(&f);
    int n = f.p->nfeed;
    if (n >= 2) {
        keys(&f, "j");
        assert_int_equal(f.p->sel[PANE_FEED], 1);
    }
    keys(&f, "t\r\r");
    assert_int_equal(f.inputs, 1);
    assert_int_equal(f.p->sel[PANE_FEED], n >= 2 ? 1 : 0);
    assert_false(on_screen(&f, "Turn 1 begins"));
    fixture_close(&f);
}

static void test_resume_role_and_reads(void **st)
{
    /* Hot seat, resumed in turn 2: Lan has ended it; Minh's last input
     * was as the network administrator. The keyboard goes to Minh, acting
     * as net, not his first role. */
    uint64_t lan = role_bits(NULL, "lead,comms"), minh = role_bits(NULL, "soc,sys,net");
    tui_player players[2] = { { "Lan", lan }, { "Minh", minh } };
    engine_participant parts[2] = { { "Lan", lan }, { "Minh", minh } };
    const char *const before[] = { "lead end", "sys end", "net block 203.0.113.7", "lead end",
                                   NULL };
    fopts o = { .players = players, .parts = parts, .nplayers = 2, .before = before };
    fixture f;
    fixture_open_with(&f, LANG_EN, &o);
    frame(&f);
    assert_int_equal(engine_turn(f.e), 2);
    assert_int_equal(play_role(f.p), scen_role_find(f.sc, "net"));
    assert_true(in_status(&f, "Minh: Network administrator"));
    actions_follow_role(&f);
    /* Turn 2's items arrived before the last input: they were on the
     * screen then, so they are read. */
    for (int i = 0; i < view_item_count(f.v); i++)
        assert_false(view_item_at(f.v, i)->unread);
    assert_int_equal(f.p->unread, 0);
    assert_false(on_screen(&f, " new)"));
    fixture_close(&f);

    /* One player holding every role, last acting as sys: sys again. */
    const char *const solo[] = { "sys isolate portal", NULL };
    fopts o2 = { .before = solo };
    fixture_open_with(&f, LANG_EN, &o2);
    frame(&f);
    assert_int_equal(play_role(f.p), scen_role_find(f.sc, "sys"));
    assert_true(in_status(&f, "System administrator"));
    fixture_close(&f);

    /* Turn 2's items, then an input: those items were on the screen when
     * it was made, so they are read (not only the selected one). */
    const char *const seen[] = { "end", "soc investigate pc", NULL };
    fopts o4 = { .scenario = "scenarios/tutorial.lua", .seed = 1, .before = seen };
    fixture_open_with(&f, LANG_EN, &o4);
    frame(&f);
    int n2 = 0;
    for (int i = 0; i < view_item_count(f.v); i++) {
        n2 += view_item_at(f.v, i)->turn == 2;
        assert_false(view_item_at(f.v, i)->unread);
    }
    assert_true(n2 >= 2);
    assert_int_equal(f.p->unread, 0);
    fixture_close(&f);

    /* Items that came after the last input stay new. */
    const char *const ended[] = { "lead triage s_vulnscan true", "end", NULL };
    fopts o3 = { .before = ended };
    fixture_open_with(&f, LANG_EN, &o3);
    frame(&f);
    assert_int_equal(engine_turn(f.e), 2);
    int unread = 0, turn2 = 0;
    for (int i = 0; i < view_item_count(f.v); i++) {
        const view_item *it = view_item_at(f.v, i);
        turn2 += it->turn == 2;
        unread += it->unread;
        if (it->turn < 2)
            assert_false(it->unread);
    }
    assert_true(turn2 > 0);
    /* The newest is selected, so read; the rest of turn 2 is new. */
    assert_int_equal(unread, turn2 - 1);
    assert_int_equal(f.p->unread, unread);
    fixture_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hand_over),
        cmocka_unit_test(test_first_input_not_a_new_turn),
        cmocka_unit_test(test_new_session_seen_turn),
        cmocka_unit_test(test_resume_role_and_reads),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
