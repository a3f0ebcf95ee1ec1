/*
 * test_tui_menu.c - the main menu driven by keys on a real curses screen
 * (newterm on /dev/null, 80x24), read back from the screen (crt_peek):
 *
 *   - a new drill with the defaults is one Enter away once the scenario
 *     is chosen (training, no timer, one player holding every role);
 *   - the new-drill form: player names typed in Vietnamese (precomposed
 *     or with combining marks, recorded precomposed), Backspace by
 *     character, control characters refused, length capped; players
 *     added and removed; roles given to players (one may hold several);
 *     mode, hints, turn timer and facilitator view; refusals for two
 *     players of one name and a player without a role;
 *   - resume: only unfinished sessions, then the timer and facilitator
 *     view, which a session does not record; review: every session.
 *
 * menu.c and menu_form.c are included to reach their key handlers.
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

#include "ui/tui/menu.c"
#include "ui/tui/menu_form.c"

typedef struct fixture {
    crt *c;
    FILE *in, *out;
    menu_scenario sc;
    text roles[3];
    menu_session sess[2];
    menu_data d;
    menu_choice ch;
    menu m;
} fixture;

static void fixture_open(fixture *f, lang lg)
{
    memset(f, 0, sizeof *f);
    f->in = fopen("/dev/null", "r");
    f->out = fopen("/dev/null", "w");
    char err[256];
    crt_opts co = { .in = f->in, .out = f->out, .term = "xterm", .nlines = 24, .ncols = 80,
                    .no_signals = true, .no_color = true };
    f->c = crt_open(&co, err, sizeof err);
    if (!f->c)
        fail_msg("crt_open: %s", err);
    f->roles[0] = (text){ "Trưởng nhóm", "Team lead" };
    f->roles[1] = (text){ "Giám sát (SOC)", "SOC analyst" };
    f->roles[2] = (text){ "Quản trị hệ thống", "System administrator" };
    f->sc = (menu_scenario){ .id = "demo", .path = "demo.lua",
                             .title = { "Tấn công cổng thông tin", "Portal attack" },
                             .summary = { "Tóm tắt", "Summary" }, .diff = DIFF_BASIC,
                             .max_turns = 10, .turn_minutes = 15, .nroles = 3,
                             .roles = f->roles, .vi = true, .en = true };
    f->sess[0] = (menu_session){ 7, "demo", "Đội A", "finished", "2025-01-01T08:00:00Z", 10, 55, 0 };
    f->sess[1] = (menu_session){ 8, "demo", "Đội B", "active", "2025-01-02T08:00:00Z", 3, 10, 0 };
    f->d = (menu_data){ &f->sc, 1, f->sess, 2, "/tmp/x.db", true, NULL };
    f->ch.lg = lg;
    f->m = (menu){ .d = &f->d, .ch = &f->ch };
    f->ch.what = MENU_QUIT;
    menu_open_page(&f->m, PG_MAIN);
}

static void fixture_close(fixture *f)
{
    crt_close(f->c);
    fclose(f->in);
    fclose(f->out);
}

static void frame(fixture *f)
{
    ui_screen s = { .draw = menu_draw, .key = menu_key, .ctx = &f->m, .lg = f->ch.lg };
    ui_frame(f->c, &s);
    if (getenv("TUI_DUMP")) {
        char line[2048];
        for (int y = 0; y < 24; y++) {
            crt_peek(f->c, y, line, sizeof line);
            fprintf(stderr, "%2d|%s\n", y, line);
        }
    }
}

static bool on_screen(fixture *f, const char *s)
{
    char line[2048];
    for (int y = 0; y < 24; y++) {
        crt_peek(f->c, y, line, sizeof line);
        if (strstr(line, s))
            return true;
    }
    return false;
}

/* The screen row that contains s, or "". */
static const char *row_with(fixture *f, const char *s)
{
    static char line[2048];
    for (int y = 0; y < 24; y++) {
        crt_peek(f->c, y, line, sizeof line);
        if (strstr(line, s))
            return line;
    }
    return "";
}

/* One key; returns its flags. */
static int key(fixture *f, int k)
{
    int r = menu_key(&f->m, k);
    frame(f);
    return r;
}

/* UTF-8 text typed one code point per key, as the terminal sends it. */
static void type(fixture *f, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        unsigned cp;
        size_t l = utf8_decode(s + i, n - i, &cp);
        menu_key(&f->m, (int)cp);
        i += l;
    }
    frame(f);
}

/* Move the form's cursor to the row whose screen line holds s. */
static void go_to(fixture *f, const char *s)
{
    for (int i = 0; i < 40; i++)
        menu_key(&f->m, TK_UP);
    frame(f);
    for (int i = 0; i < 40; i++) {
        char line[2048];
        crt_peek(f->c, 2 + f->m.sel - f->m.top, line, sizeof line);
        if (strstr(line, s))
            return;
        key(f, TK_DOWN);
    }
    fail_msg("no form row with '%s'", s);
}

static int setup(void **st)
{
    (void)st;
    return setlocale(LC_ALL, "C.UTF-8") || setlocale(LC_ALL, "C.utf8") ? 0 : -1;
}

static void test_defaults(void **st)
{
    fixture f;
    fixture_open(&f, LANG_EN);
    frame(&f);
    assert_true(on_screen(&f, "New drill"));
    key(&f, TK_ENTER);
    assert_true(on_screen(&f, "Portal attack"));
    assert_true(on_screen(&f, "[basic] 10 turns of 15 min"));
    key(&f, TK_ENTER);
    assert_true(on_screen(&f, "New drill: Portal attack"));
    assert_true(on_screen(&f, "[ Start the drill ]"));
    assert_true(on_screen(&f, "Turn timer"));
    assert_true(on_screen(&f, "Facilitator view"));
    /* Start is where the cursor is: one Enter. */
    assert_int_equal(key(&f, TK_ENTER) & UI_QUIT, UI_QUIT);
    assert_int_equal(f.ch.what, MENU_NEW);
    assert_int_equal(f.ch.mode, MODE_TRAINING);
    assert_true(f.ch.hints);
    assert_int_equal(f.ch.timer, 0);
    assert_false(f.ch.facilitator);
    assert_int_equal(f.ch.nplayers, 1);
    assert_string_equal(f.ch.names[0], "Player 1");
    for (int r = 0; r < 3; r++)
        assert_int_equal(f.ch.assign[r], 0);
    assert_string_equal(f.ch.team, "");
    fixture_close(&f);
}

static void test_players_vi(void **st)
{
    fixture f;
    fixture_open(&f, LANG_VI);
    key(&f, TK_ENTER);
    key(&f, TK_ENTER);
    assert_true(on_screen(&f, "Diễn tập mới: Tấn công cổng thông tin"));
    /* Player 1: "Nguyễn Thị Lan", typed with a stray letter erased, the ễ
     * as e + two combining marks, a control character refused. */
    go_to(&f, "Người chơi 1");
    type(&f, "Nguye\xcc\x82\xcc\x83n Th\xe1\xbb\x8b Lanx");
    key(&f, TK_BACKSPACE);
    menu_key(&f.m, 0x01);                        /* Ctrl-A: refused */
    menu_key(&f.m, 0x9b);                        /* C1 CSI: refused */
    frame(&f);
    assert_true(on_screen(&f, "[Nguye\xcc\x82\xcc\x83n Th\xe1\xbb\x8b Lan"));
    /* The terminal's cursor is in the field, after what was typed (not
     * on the key hints' line). */
    int cy, cx;
    assert_true(crt_cursor(f.c, &cy, &cx));
    assert_int_equal(cy, 2 + f.m.sel - f.m.top);
    const char *line = row_with(&f, "[Nguye");
    int bracket = tw_widthn(line, (size_t)(strstr(line, "[Nguye") - line));
    assert_int_equal(cx, bracket + 1 + tw_width("Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b Lan"));
    /* A second player, and a third removed again. */
    go_to(&f, "+ Thêm người chơi");
    key(&f, TK_ENTER);
    type(&f, "Minh");
    go_to(&f, "+ Thêm người chơi");
    key(&f, TK_ENTER);
    type(&f, "Tạm");
    assert_true(on_screen(&f, "[Tạm"));
    key(&f, TK_DELETE);
    assert_false(on_screen(&f, "[Tạm"));
    /* SOC and sysadmin to Minh: Lan keeps the lead. */
    go_to(&f, "Giám sát (SOC)");
    key(&f, TK_RIGHT);
    assert_true(strstr(row_with(&f, "Giám sát (SOC)"), "< Minh >") != NULL);
    go_to(&f, "Quản trị hệ thống");
    key(&f, TK_RIGHT);
    /* Exercise with hints, a two-minute timer, the facilitator view, and
     * a team name. */
    go_to(&f, "Chế độ");
    key(&f, TK_RIGHT);
    assert_true(on_screen(&f, "Diễn tập: ẩn điểm"));
    go_to(&f, "Gợi ý");
    key(&f, TK_RIGHT);
    go_to(&f, "Đồng hồ lượt");
    key(&f, TK_RIGHT);
    key(&f, TK_RIGHT);
    assert_true(on_screen(&f, "< 2 phút >"));
    go_to(&f, "Màn hình điều hành");
    key(&f, TK_RIGHT);
    go_to(&f, "Tên đội");
    type(&f, "Đội ứng cứu tỉnh");
    go_to(&f, "Bắt đầu diễn tập");
    assert_int_equal(key(&f, TK_ENTER) & UI_QUIT, UI_QUIT);
    assert_int_equal(f.ch.what, MENU_NEW);
    assert_int_equal(f.ch.nplayers, 2);
    /* Recorded precomposed. */
    assert_string_equal(f.ch.names[0], "Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b Lan");
    assert_string_equal(f.ch.names[1], "Minh");
    assert_int_equal(f.ch.assign[0], 0);
    assert_int_equal(f.ch.assign[1], 1);
    assert_int_equal(f.ch.assign[2], 1);
    assert_int_equal(f.ch.mode, MODE_EXERCISE);
    assert_true(f.ch.hints);
    assert_int_equal(f.ch.timer, 120);
    assert_true(f.ch.facilitator);
    assert_string_equal(f.ch.team, "Đội ứng cứu tỉnh");
    fixture_close(&f);
}

static void test_refusals(void **st)
{
    fixture f;
    fixture_open(&f, LANG_EN);
    key(&f, TK_ENTER);
    key(&f, TK_ENTER);
    /* A name is capped at MENU_NAME_COLS columns and MENU_NAME_BYTES
     * bytes, whichever comes first. */
    go_to(&f, "Player 1");
    for (int i = 0; i < 50; i++)
        menu_key(&f.m, 'a');
    assert_int_equal(tw_width(f.m.names[0].s), MENU_NAME_COLS);
    for (int i = 0; i < 50; i++)
        menu_key(&f.m, TK_BACKSPACE);
    assert_string_equal(f.m.names[0].s, "");
    for (int i = 0; i < 50; i++)
        menu_key(&f.m, 0x1ec7);                  /* ệ, three bytes */
    assert_int_equal(strlen(f.m.names[0].s), 63);
    for (int i = 0; i < 50; i++)
        menu_key(&f.m, TK_BACKSPACE);
    type(&f, "Lan");
    /* A second player without a role. */
    go_to(&f, "+ Add a player");
    key(&f, TK_ENTER);
    type(&f, "Minh");
    go_to(&f, "[ Start the drill ]");
    assert_int_equal(key(&f, TK_ENTER) & UI_QUIT, 0);
    assert_true(on_screen(&f, "Minh holds no role"));
    /* Two players of one name. */
    go_to(&f, "SOC analyst");
    key(&f, TK_RIGHT);
    go_to(&f, "Player 2");
    for (int i = 0; i < 4; i++)
        key(&f, TK_BACKSPACE);
    type(&f, "Lan");
    go_to(&f, "[ Start the drill ]");
    assert_int_equal(key(&f, TK_ENTER) & UI_QUIT, 0);
    assert_true(on_screen(&f, "Two players are named Lan"));
    /* One player per role: named after the roles until names are typed. */
    go_to(&f, "One player per role");
    key(&f, TK_ENTER);
    go_to(&f, "[ Start the drill ]");
    assert_int_equal(key(&f, TK_ENTER) & UI_QUIT, UI_QUIT);
    assert_int_equal(f.ch.nplayers, 3);
    assert_string_equal(f.ch.names[1], "SOC analyst");
    assert_int_equal(f.ch.assign[2], 2);
    fixture_close(&f);
}

static void test_resume_and_review(void **st)
{
    fixture f;
    fixture_open(&f, LANG_EN);
    frame(&f);
    key(&f, TK_DOWN);
    key(&f, TK_ENTER);
    /* Only the unfinished session. */
    /* The scenario by its title, not its id. */
    assert_true(on_screen(&f, "#8  unfinished  turn 3  2025-01-02T08:00:00Z  Portal attack / Đội B"));
    assert_false(on_screen(&f, "demo /"));
    assert_false(on_screen(&f, "#7"));
    key(&f, TK_ENTER);
    assert_true(on_screen(&f, "Continue session 8"));
    go_to(&f, "Turn timer");
    key(&f, TK_RIGHT);
    assert_true(on_screen(&f, "< 1 min >"));
    go_to(&f, "Facilitator view");
    key(&f, TK_RIGHT);
    go_to(&f, "[ Continue the session ]");
    assert_int_equal(key(&f, TK_ENTER) & UI_QUIT, UI_QUIT);
    assert_int_equal(f.ch.what, MENU_RESUME);
    assert_int_equal(f.ch.session, 8);
    assert_int_equal(f.ch.timer, 60);
    assert_true(f.ch.facilitator);
    fixture_close(&f);
    /* Review: every session, finished ones too. */
    fixture_open(&f, LANG_EN);
    frame(&f);
    key(&f, TK_DOWN);
    key(&f, TK_DOWN);
    key(&f, TK_ENTER);
    assert_true(on_screen(&f, "#7  finished  turn 10  2025-01-01T08:00:00Z  Portal attack / Đội A"));
    assert_true(on_screen(&f, "#8"));
    assert_int_equal(key(&f, TK_ENTER) & UI_QUIT, UI_QUIT);
    assert_int_equal(f.ch.what, MENU_REVIEW);
    assert_int_equal(f.ch.session, 7);
    fixture_close(&f);
}

/* A summary longer than the Details box: it says so, and Tab moves into
 * the box to scroll it. */
static void test_long_summary(void **st)
{
    fixture f;
    fixture_open(&f, LANG_EN);
    char longer[4096] = "";
    for (int i = 1; i <= 40; i++) {
        char part[64];
        snprintf(part, sizeof part, "Sentence %d of a long summary. ", i);
        strcat(longer, part);
    }
    f.sc.summary = (text){ longer, longer };
    key(&f, TK_DOWN);
    key(&f, TK_DOWN);
    key(&f, TK_DOWN);
    key(&f, TK_ENTER);
    assert_true(on_screen(&f, "Sentence 1 of"));
    assert_false(on_screen(&f, "Sentence 40 of"));
    assert_true(on_screen(&f, "\xe2\x86\x93 "));          /* "↓ N more" */
    assert_true(on_screen(&f, "Tab: summary"));
    key(&f, TK_TAB);
    for (int i = 0; i < 30; i++)
        key(&f, TK_DOWN);
    assert_true(on_screen(&f, "Sentence 40 of"));
    assert_false(on_screen(&f, "Sentence 1 of"));
    assert_true(on_screen(&f, "\xe2\x86\x91 "));          /* "↑ N more" */
    /* Out of the box, the list moves again; Enter still chooses. */
    key(&f, TK_ESC);
    assert_int_equal(f.m.page, PG_LIST);
    assert_int_equal(key(&f, TK_ENTER) & UI_QUIT, 0);
    assert_int_equal(f.m.page, PG_FORM);
    fixture_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_long_summary),
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_players_vi),
        cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_resume_and_review),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
