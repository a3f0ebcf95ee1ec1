/*
 * test_report.c - the after-action report (product.md §6) built from a
 * session recorded in a real database file: its content in Vietnamese and
 * English, the comparison with earlier sessions, a session whose scenario
 * can no longer be loaded, and hostile strings (Markdown and HTML
 * injection, CSV formula injection, terminal escapes, bidi overrides)
 * made harmless in every format.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "saves_fixture.h"

#define HOSTILE_TEAM "Đội |ƯCSC| <img src=x onerror=alert(1)> `rm -rf` # *bold* \xe2\x80\xae"
#define HOSTILE_NAME "=HYPERLINK(\"http://evil\",\"x\") [link](http://evil) \x1b[31mred\x1b[0m"

typedef struct fx {
    tdir d;
    scen *sc;
    store *s;
    int64_t id, earlier[2], other;
    store_loaded *l;
    store_session *hist;
    int nhist;
    sbuf out;
} fx;

static int64_t create(fx *f, const char *team, const char *third)
{
    store_participant ps[] = { { "Nguyễn Văn An", "lead,soc" }, { "Trần Thị Bình", "sys" },
                               { third, "soc" } };
    store_session_new n = { .sc = f->sc, .seed = 2024, .mode = MODE_EXERCISE, .team = team,
                            .lang = "vi", .tool_version = "0.1.0", .parts = ps,
                            .nparts = third ? 3 : 2 };
    int64_t id;
    int rc = store_session_create(f->s, &n, &id);
    if (rc != STORE_OK)
        fail_msg("store_session_create: %s", store_errmsg(f->s));
    return id;
}

/* A finished earlier session with a given score, for the comparison. */
static void finish(fx *f, int64_t id, int score)
{
    store_batch *b = store_batch_new();
    engine_score_entry se = { .kind = "objective", .id = "contain", .points = score, .turn = 3,
                              .minute = 45 };
    store_batch_score(b, &se);
    store_metric m[] = { { "detect_minute", 30 }, { "contain_minute", 45 } };
    store_progress p = { .turn = 5, .score = score, .max_score = 65, .over = true,
                         .outcome = "contained", .metrics = m, .nmetrics = 2 };
    store_batch_progress(b, &p);
    assert_int_equal(store_input_append(f->s, id, "lead end", NULL, NULL), STORE_OK);
    assert_int_equal(store_batch_commit(f->s, id, b), STORE_OK);
    store_batch_free(b);
}

#define E(turn, minute, vis, kind, role, subj, field, val, attrs, vi, en) \
    emit(b, ++seq, turn, minute, vis, kind, role, subj, field, val, attrs, vi, en)

/* The session under review: four turns of a portal defacement the team
 * handled late, with every kind of mistake the report looks for. */
static void record(fx *f)
{
    store_batch *b = store_batch_new();
    uint32_t seq = 0;
    E(1, 0, EV_TEAM, EVK_SESSION, NULL, "portal-defacement", NULL, 2024, "{\"mode\":\"exercise\"}",
      NULL, NULL);
    E(1, 0, EV_TEAM, EVK_TURN, NULL, NULL, NULL, 1, NULL, NULL, NULL);
    E(1, 0, EV_TRUTH, EVK_STATE, NULL, "portal", "compromised", 1, "{\"technique\":\"T1190\"}",
      NULL, NULL);
    E(1, 0, EV_TRUTH, EVK_LOG, NULL, NULL, NULL, 0, NULL,
      "Kẻ tấn công khai thác lỗ hổng SQL injection trên cổng", "The attacker exploits SQL injection");
    E(2, 15, EV_TEAM, EVK_TURN, NULL, NULL, NULL, 2, NULL, NULL, NULL);
    E(2, 15, EV_TEAM, EVK_SIGNAL, NULL, "s1", NULL, 0,
      "{\"source\":\"waf\",\"severity\":\"high\",\"asset\":\"portal\"}",
      "WAF: 312 truy vấn SQL injection từ 203.0.113.7", "WAF: 312 SQL injection queries from 203.0.113.7");
    E(2, 15, EV_TRUTH, EVK_SIGNAL_TRUTH, NULL, "s1", NULL, 1, NULL, NULL, NULL);
    E(2, 15, EV_TEAM, EVK_SIGNAL, NULL, "x1", NULL, 0, "{\"source\":\"ids\",\"severity\":\"low\"}",
      "IDS: quét cổng từ mạng nội bộ", "IDS: port scan from the LAN");
    E(2, 15, EV_TRUTH, EVK_SIGNAL_TRUTH, NULL, "x1", NULL, 0, NULL, NULL, NULL);
    E(2, 15, EV_TEAM, EVK_NOTE, "facilitator", NULL, NULL, 0, NULL,
      "=cmd|' /C calc'!A0 \x1b]0;pwned\x07 <script>alert(1)</script> \xe2\x80\xae",
      "=cmd|' /C calc'!A0 \x1b]0;pwned\x07 <script>alert(1)</script> \xe2\x80\xae");
    E(2, 15, EV_TEAM, EVK_NOTE, "facilitator", NULL, NULL, 0, NULL,
      "say \"hi\", then leave", "say \"hi\", then leave");
    E(2, 15, EV_TEAM, EVK_NOTE, "facilitator", NULL, NULL, 0, NULL, "@SUM(A1:A9)", "@SUM(A1:A9)");
    E(2, 30, EV_TEAM, EVK_TRIAGE, "soc", "x1", NULL, 1, NULL, NULL, NULL);
    E(2, 30, EV_TEAM, EVK_TRIAGE, "soc", "s1", NULL, 0, NULL, NULL, NULL);
    E(2, 30, EV_TEAM, EVK_HINT, NULL, "hint1", NULL, 5, NULL, "Hãy cô lập cổng", "Isolate the portal");
    E(3, 30, EV_TEAM, EVK_TURN, NULL, NULL, NULL, 3, NULL, NULL, NULL);
    E(3, 45, EV_TEAM, EVK_DONE, "sys", "isolate", NULL, 3,
      "{\"qid\":3,\"done_turn\":3,\"target\":\"portal\"}", "Cô lập", "Isolate");
    E(3, 45, EV_TEAM, EVK_STATE, NULL, "portal", "isolated", 1, NULL, NULL, NULL);
    E(3, 45, EV_TEAM, EVK_OBJECTIVE, NULL, "contain", NULL, 1, NULL,
      "Cô lập cổng trước khi bị thay giao diện", "Isolate the portal before it is defaced");
    E(3, 45, EV_TEAM, EVK_SCORE, NULL, "contain", "objective", 30, NULL,
      "Cô lập cổng trước khi bị thay giao diện", "Isolate the portal before it is defaced");
    E(3, 45, EV_TEAM, EVK_SCORE, NULL, "evidence_destroyed", "penalty", -10, NULL,
      "Làm mất chứng cứ", "Evidence destroyed");
    E(4, 45, EV_TEAM, EVK_TURN, NULL, NULL, NULL, 4, NULL, NULL, NULL);
    E(4, 60, EV_TEAM, EVK_REPORT, "lead", "police", NULL, 2, "{\"public\":false,\"on_time\":false}",
      NULL, NULL);
    E(4, 60, EV_TEAM, EVK_OBJECTIVE, NULL, "detect", NULL, 0, NULL, "Phát hiện tấn công",
      "Detect the attack");
    E(4, 60, EV_TEAM, EVK_ENDING, NULL, "defaced", NULL, 0, "{\"score\":18,\"max_score\":65}",
      "Cổng bị thay đổi giao diện", "The portal was defaced");
    engine_score_entry se[] = {
        { "hint", "hint1", -5, 2, 30, { "Hãy cô lập cổng", "Isolate the portal" } },
        { "objective", "contain", 30, 3, 45, { "Cô lập cổng trước khi bị thay giao diện",
                                               "Isolate the portal before it is defaced" } },
        { "penalty", "evidence_destroyed", -10, 3, 45, { "Làm mất chứng cứ", "Evidence destroyed" } },
        { "award", "facilitator", 3, 4, 60, { "| bình tĩnh | <b>", "| calm | <b>" } },
    };
    for (int i = 0; i < 4; i++)
        store_batch_score(b, &se[i]);
    store_metric m[] = {
        { "detect_minute", -1 }, { "first_compromise_minute", 0 }, { "contain_minute", 45 },
        { "recover_minute", -1 }, { "reports", 1 }, { "reports_on_time", 0 },
        { "false_positives", 1 }, { "true_dismissed", 1 }, { "hints", 1 }, { "hook_errors", 0 },
        { "downtime.portal", 30 }, { "actions.soc", 2 },
    };
    store_progress p = { .turn = 4, .score = 18, .max_score = 65, .over = true,
                         .outcome = "defaced", .metrics = m, .nmetrics = 12 };
    store_batch_progress(b, &p);
    assert_int_equal(store_input_append(f->s, f->id, "lead end", NULL, NULL), STORE_OK);
    assert_int_equal(store_batch_commit(f->s, f->id, b), STORE_OK);
    store_batch_free(b);
}

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    tdir_make(&f->d);
    f->sc = fake_scen("portal-defacement", FAKE_SOURCE);
    f->s = open_ok(f->d.db, NULL);
    f->earlier[0] = create(f, HOSTILE_TEAM, NULL);
    finish(f, f->earlier[0], 20);
    f->other = create(f, "Lào Cai", NULL);
    finish(f, f->other, 50);
    f->earlier[1] = create(f, HOSTILE_TEAM, NULL);
    finish(f, f->earlier[1], 35);
    f->id = create(f, HOSTILE_TEAM, "placeholder");
    record(f);
    char sql[320];
    /* The store refuses control characters in names; a hand-edited file
     * can still hold them, and the report must cope. */
    snprintf(sql, sizeof sql, "UPDATE participants SET name = '%s' WHERE session = %lld AND pos = 3",
             HOSTILE_NAME, (long long)f->id);
    raw_exec(f->d.db, sql);
    /* a fixed date, so the improvement plan's due date is known */
    snprintf(sql, sizeof sql, "UPDATE sessions SET started = '2025-01-31T08:00:00Z', "
             "ended = '2025-01-31T09:30:00Z' WHERE id = %lld", (long long)f->id);
    raw_exec(f->d.db, sql);
    assert_int_equal(store_load(f->s, f->id, STORE_LOAD_EVENTS, &f->l), STORE_OK);
    assert_int_equal(store_history(f->s, &f->l->sess, 10, &f->hist, &f->nhist), STORE_OK);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    store_sessions_free(f->hist, f->nhist);
    store_loaded_free(f->l);
    store_close(f->s);
    fake_scen_free(f->sc);
    tdir_remove(&f->d);
    sb_free(&f->out);
    free(f);
    return 0;
}

static void has(const char *out, const char *needle)
{
    if (!strstr(out, needle))
        fail_msg("report lacks: %s\n----\n%s", needle, out);
}

static void lacks(const char *out, const char *needle)
{
    if (strstr(out, needle))
        fail_msg("report contains: %s", needle);
}

/* needle appears only with a backslash before it (escaped Markdown). */
static void lacks_unescaped(const char *out, const char *needle)
{
    for (const char *p = strstr(out, needle); p; p = strstr(p + 1, needle))
        if (p == out || p[-1] != '\\')
            fail_msg("unescaped '%s' in: %.80s", needle, p);
}

/* Nothing that drives a terminal or reverses text survives. */
static void no_controls(const char *out)
{
    lacks(out, "\x1b");
    lacks(out, "\x07");
    lacks(out, "\xe2\x80\xae");   /* U+202E RIGHT-TO-LEFT OVERRIDE */
}

/* Each Markdown table keeps its shape: every row has as many unescaped
 * pipes as its header, whatever the cells contain. */
static void md_tables_intact(const char *md)
{
    int want = -1;
    for (const char *line = md; *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        if (len && line[0] == '|') {
            int pipes = 0;
            for (size_t i = 0; i < len; i++)
                if (line[i] == '|' && (i == 0 || line[i - 1] != '\\'))
                    pipes++;
            if (want < 0)
                want = pipes;
            else if (pipes != want)
                fail_msg("table row with %d cells instead of %d: %.*s", pipes - 1, want - 1,
                         (int)len, line);
        } else {
            want = -1;
        }
        line += len + (end ? 1 : 0);
    }
}

static void test_md_vietnamese(void **state)
{
    fx *f = *state;
    assert_int_equal(store_report(f->l, f->sc, f->hist, f->nhist, REPORT_MD, LANG_VI, &f->out),
                     STORE_OK);
    const char *md = sb_str(&f->out);
    has(md, "# Báo cáo đánh giá sau diễn tập — Tấn công thay đổi giao diện Cổng TTĐT tỉnh\n");
    has(md, "| Kịch bản | Tấn công thay đổi giao diện Cổng TTĐT tỉnh (portal-defacement, phiên bản 3) |");
    has(md, "| Ngày | 2025-01-31 08:00 – 09:30 UTC |");
    has(md, "| Chế độ | diễn tập |");
    has(md, "| Hạt giống ngẫu nhiên (seed) | 2024 |");
    has(md, "## Thành viên tham gia");
    has(md, "| Nguyễn Văn An | Trưởng nhóm, Giám sát (SOC) |");
    has(md, "| Trần Thị Bình | Quản trị hệ thống |");
    has(md, "**Kết cục:** Cổng bị thay đổi giao diện (defaced)");
    has(md, "**Điểm:** 18 / 65 (27%)");
    has(md, "Mục tiêu: +30 · Điểm trừ: -10 · Gợi ý: -5 · Điểm do người điều phối cộng/trừ: +3");
    has(md, "| Điểm trừ | Làm mất chứng cứ | -10 | 3 | T+00:45 |");
    has(md, "| Phát hiện tấn công | 20 | trước hết lượt 4 | Không đạt |");
    has(md, "| Cô lập cổng trước khi bị thay giao diện | 30 | trước hết lượt 6 | Đạt lúc T+00:45 |");
    has(md, "| Báo cáo công an tỉnh (PA05) | 15 | T+24:00 | Chưa đạt |");
    has(md, "| Thời điểm phát hiện | không xảy ra |");
    has(md, "| Thời điểm ngăn chặn | T+00:45 |");
    has(md, "| Thời gian gián đoạn (phút): Cổng Thông tin điện tử tỉnh | 30 |");
    has(md, "| Số hành động hoàn thành: Giám sát (SOC) | 2 |");
    /* the timeline: ground truth left, team view right */
    has(md, "| Thời điểm | Diễn biến thực tế | Đội nhìn thấy và thực hiện |");
    has(md, "| T+00:00 | Cổng Thông tin điện tử tỉnh — bị xâm nhập: có (kỹ thuật T1190) | |");
    has(md, "| T+00:15 | | Cảnh báo s1 \\[waf, high\\] (Cổng Thông tin điện tử tỉnh): WAF: 312 "
            "truy vấn SQL injection từ 203.0.113.7 |");
    has(md, "| T+00:15 | Cảnh báo x1 là cảnh báo giả | |");
    has(md, "| T+00:30 | | Giám sát (SOC) đánh giá cảnh báo s1 là giả |");
    has(md, "| T+01:00 | | Trưởng nhóm báo cáo Công an tỉnh (PA05) — trễ hạn |");
    /* an action's target is named as the team knows it, not by its id */
    has(md, "| T+00:45 | | Quản trị hệ thống hoàn thành: Cô lập — Cổng Thông tin điện tử tỉnh |");
    /* mistakes, with the scenario's explanations */
    has(md, "1. **Không đạt mục tiêu: Phát hiện tấn công**  \n   Cảnh báo WAF lúc 08:15 đã chỉ ra tấn công.");
    has(md, "**Chưa đạt mục tiêu khi kết thúc: Báo cáo công an tỉnh (PA05)**");
    has(md, "**Bị trừ điểm: Làm mất chứng cứ (-10)**  \n   Tắt máy trước khi thu thập bộ nhớ làm mất chứng cứ.");
    has(md, "**Xử lý cảnh báo giả như sự cố thật: x1 — IDS: quét cổng từ mạng nội bộ (Lượt 2)**");
    has(md, "**Bỏ qua một cảnh báo thật: s1 — WAF: 312 truy vấn SQL injection từ 203.0.113.7 (Lượt 2)**");
    has(md, "**Báo cáo gửi trễ hạn: Công an tỉnh (PA05) (Lượt 4)**");
    /* the improvement plan, pre-filled, due a quarter after the drill */
    has(md, "| Năng lực | Nhận xét | Khuyến nghị | Người phụ trách | Hạn hoàn thành |");
    has(md, "| Phát hiện và phân tích | Không đạt mục tiêu: Phát hiện tấn công | Cảnh báo WAF lúc "
            "08:15 đã chỉ ra tấn công. | Nguyễn Văn An | 2025-05-01 |");
    has(md, "| Báo cáo và thông báo sự cố | Chưa đạt mục tiêu khi kết thúc: Báo cáo công an tỉnh "
            "(PA05) | Rà soát lại quy trình ứng cứu liên quan và diễn tập lại: Báo cáo công an tỉnh "
            "(PA05) |");
    /* the comparison: this team's earlier sessions of this scenario only */
    has(md, "## 6. So sánh với các lần diễn tập trước");
    char row[128];
    snprintf(row, sizeof row, "| %lld (phiên này) | 2025-01-31 | diễn tập | defaced | 18 / 65 | 4 | "
             "không xảy ra | T+00:45 |", (long long)f->id);
    has(md, row);
    snprintf(row, sizeof row, "\n| %lld | ", (long long)f->earlier[1]);
    has(md, row);
    snprintf(row, sizeof row, "| contained | 35 / 65 | 5 | T+00:30 | T+00:45 |");
    has(md, row);
    snprintf(row, sizeof row, "\n| %lld | ", (long long)f->other);
    lacks(md, row);
    has(md, "| Người điều phối | Trưởng nhóm |");
    has(md, "(Ký, ghi rõ họ tên)");
    md_tables_intact(md);
}

static void test_md_hostile(void **state)
{
    fx *f = *state;
    assert_int_equal(store_report(f->l, f->sc, f->hist, f->nhist, REPORT_MD, LANG_EN, &f->out),
                     STORE_OK);
    const char *md = sb_str(&f->out);
    no_controls(md);
    lacks_unescaped(md, "<img");
    lacks_unescaped(md, "<script");
    lacks_unescaped(md, "</script");
    lacks_unescaped(md, "<b>");
    lacks_unescaped(md, "[link");
    lacks_unescaped(md, "`rm");
    has(md, "| Team | Đội \\|ƯCSC\\| \\<img src=x onerror=alert(1)\\> \\`rm -rf\\` \\# \\*bold\\*  |");
    has(md, "| \\=HYPERLINK(\"http://evil\",\"x\") \\[link\\](http://evil) \\[31mred\\[0m | SOC analyst |");
    has(md, "| | Facilitator: =cmd\\|' /C calc'\\!A0 \\]0;pwned \\<script\\>alert(1)\\</script\\>  |");
    has(md, "| Manual award | \\| calm \\| \\<b\\> | +3 | 4 | T+01:00 |");
    md_tables_intact(md);
}

static void test_md_english(void **state)
{
    fx *f = *state;
    assert_int_equal(store_report(f->l, f->sc, NULL, 0, REPORT_MD, LANG_EN, &f->out), STORE_OK);
    const char *md = sb_str(&f->out);
    has(md, "# After-action report — Provincial portal defacement\n");
    has(md, "| Nguyễn Văn An | Team lead, SOC analyst |");
    has(md, "| Time | Ground truth | What the team saw and did |");
    has(md, "1. **Objective missed: Detect the attack**  \n   The WAF alert at 08:15 showed the attack.");
    has(md, "| Time to contain | T+00:45 |");
    has(md, "The team has no earlier session of this scenario.");
    lacks(md, "Báo cáo");
}

/* The scenario is gone (or no longer loads): the report is made from what
 * was recorded, and says so. */
static void test_md_without_scenario(void **state)
{
    fx *f = *state;
    assert_int_equal(store_report(f->l, NULL, f->hist, f->nhist, REPORT_MD, LANG_VI, &f->out),
                     STORE_OK);
    const char *md = sb_str(&f->out);
    has(md, "# Báo cáo đánh giá sau diễn tập — Tấn công thay đổi giao diện Cổng TTĐT tỉnh\n");
    has(md, "> Không tải được kịch bản của phiên này; báo cáo chỉ dựa trên dữ liệu đã ghi.");
    has(md, "| Nguyễn Văn An | lead, soc |");
    has(md, "| Cô lập cổng trước khi bị thay giao diện | 30 | — | Đạt lúc T+00:45 |");
    has(md, "| Phát hiện tấn công | — | — | Không đạt |");
    has(md, "**Không đạt mục tiêu: Phát hiện tấn công**\n");
    has(md, "| T+00:00 | portal — bị xâm nhập: có (kỹ thuật T1190) | |");
    md_tables_intact(md);
    /* and the listing still shows the session */
    store_session *v;
    int n;
    assert_int_equal(store_list(f->s, NULL, &v, &n), STORE_OK);
    bool listed = false;
    for (int i = 0; i < n; i++)
        listed |= v[i].id == f->id && strcmp(v[i].status, "finished") == 0;
    assert_true(listed);
    store_sessions_free(v, n);
}

/* A minimal RFC 4180 reader: the fields of one record. */
static int csv_fields(const char **p, char fields[][512], int max)
{
    int n = 0;
    const char *s = *p;
    for (;;) {
        char *out = fields[n];
        size_t len = 0;
        if (*s == '"') {
            s++;
            for (;; s++) {
                if (*s == '\0')
                    fail_msg("unterminated quoted CSV field");
                if (*s == '"' && s[1] == '"') {
                    out[len++] = '"';
                    s++;
                } else if (*s == '"') {
                    s++;
                    break;
                } else {
                    out[len++] = *s;
                }
            }
        } else {
            while (*s && *s != ',' && *s != '\r' && *s != '\n') {
                assert_true(*s != '"');       /* a quote only inside a quoted field */
                out[len++] = *s++;
            }
        }
        out[len] = '\0';
        n++;
        assert_true(n <= max);
        if (*s == ',') {
            s++;
            continue;
        }
        assert_true(s[0] == '\r' && s[1] == '\n');   /* CRLF, as RFC 4180 says */
        *p = s + 2;
        return n;
    }
}

static void test_csv(void **state)
{
    fx *f = *state;
    assert_int_equal(store_report(f->l, f->sc, NULL, 0, REPORT_CSV, LANG_VI, &f->out), STORE_OK);
    const char *csv = sb_str(&f->out);
    no_controls(csv);
    static char fl[16][512];
    const char *p = csv;
    assert_int_equal(csv_fields(&p, fl, 16), 13);
    assert_string_equal(fl[0], "session");
    assert_string_equal(fl[11], "description");
    int rows = 0, formulas = 0;
    bool quoted = false;
    while (*p) {
        assert_int_equal(csv_fields(&p, fl, 16), 13);
        rows++;
        for (int i = 0; i < 13; i++)
            if (fl[i][0] == '=' || fl[i][0] == '+' || fl[i][0] == '@' ||
                (fl[i][0] == '-' && i > 10))
                fail_msg("a field starts a spreadsheet formula: %s", fl[i]);
        if (strncmp(fl[12], "'=cmd|", 6) == 0 || strcmp(fl[12], "'@SUM(A1:A9)") == 0)
            formulas++;
        if (strcmp(fl[12], "say \"hi\", then leave") == 0)
            quoted = true;
        if (rows == 6) {
            assert_string_equal(fl[4], "T+00:15");
            assert_string_equal(fl[5], "team");
            assert_string_equal(fl[6], "signal");
            assert_string_equal(fl[11], "Cảnh báo s1 [waf, high] (Cổng Thông tin điện tử tỉnh): "
                                        "WAF: 312 truy vấn SQL injection từ 203.0.113.7");
        }
    }
    assert_int_equal(rows, f->l->nevents);
    assert_int_equal(formulas, 2);
    assert_true(quoted);
    has(csv, "\"'=cmd|' /C calc'!A0 ]0;pwned <script>alert(1)</script> \"");
}

/* The JSON report is one valid object on one line; SQLite's JSON functions
 * check it and read values out of it. */
static void test_json(void **state)
{
    fx *f = *state;
    assert_int_equal(store_report(f->l, f->sc, f->hist, f->nhist, REPORT_JSON, LANG_VI, &f->out),
                     STORE_OK);
    const char *js = sb_str(&f->out);
    size_t len = strlen(js);
    assert_true(len > 2 && js[len - 1] == '\n');
    assert_ptr_equal(strchr(js, '\n'), js + len - 1);
    no_controls(js);
    sqlite3 *db;
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db,
        "SELECT json_valid(?1), json_extract(?1, '$.session.team'), json_extract(?1, '$.score.total'),"
        " json_extract(?1, '$.score.by_kind.penalty'), json_extract(?1, '$.objectives[0].status'),"
        " json_extract(?1, '$.objectives[1].status'), json_array_length(?1, '$.timeline'),"
        " json_array_length(?1, '$.history'), json_extract(?1, '$.improvement_plan[0].due'),"
        " json_extract(?1, '$.metrics.contain_minute'), json_extract(?1, '$.timeline[5].description'),"
        " json_extract(?1, '$.lang'), json_extract(?1, '$.session.seed')", -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, js, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 1);
    assert_string_equal((const char *)sqlite3_column_text(st, 1),
                        "Đội |ƯCSC| <img src=x onerror=alert(1)> `rm -rf` # *bold* ");
    assert_int_equal(sqlite3_column_int(st, 2), 18);
    assert_int_equal(sqlite3_column_int(st, 3), -10);
    assert_string_equal((const char *)sqlite3_column_text(st, 4), "missed");
    assert_string_equal((const char *)sqlite3_column_text(st, 5), "met");
    assert_int_equal(sqlite3_column_int(st, 6), f->l->nevents);
    assert_int_equal(sqlite3_column_int(st, 7), 2);
    assert_string_equal((const char *)sqlite3_column_text(st, 8), "2025-05-01");
    assert_int_equal(sqlite3_column_int(st, 9), 45);
    assert_string_equal((const char *)sqlite3_column_text(st, 10),
                        "Cảnh báo s1 [waf, high] (Cổng Thông tin điện tử tỉnh): WAF: 312 truy vấn "
                        "SQL injection từ 203.0.113.7");
    assert_string_equal((const char *)sqlite3_column_text(st, 11), "vi");
    assert_int_equal(sqlite3_column_int(st, 12), 2024);
    sqlite3_finalize(st);
    sqlite3_close(db);
}

/* A hand-edited row with attrs that are not JSON must not break the JSON
 * report. */
/* A report in JSON stays valid JSON whatever a hand-edited file holds. */
static void json_valid_out(fx *f)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT json_valid(?1)", -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, sb_str(&f->out), -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 1);
    sqlite3_finalize(st);
    sqlite3_close(db);
}

static void test_json_bad_attrs(void **state)
{
    fx *f = *state;
    char sql[512];
    /* attrs made strings of broken JSON (json_set keeps the block valid) */
    snprintf(sql, sizeof sql, "UPDATE event_blocks SET events = json_set(events, '$[0][9]',"
             " '{\"x\":', '$[2][9]', '{\"x\":') WHERE session = %lld", (long long)f->id);
    raw_exec(f->d.db, sql);
    store_loaded *l;
    assert_int_equal(store_load(f->s, f->id, STORE_LOAD_EVENTS, &l), STORE_OK);
    assert_int_equal(l->damaged, 0);
    assert_int_equal(l->nevents, f->l->nevents);
    assert_string_equal(l->events[0].ev.attrs, "\"(not an object)\"");
    assert_string_equal(f->l->events[2].a_technique, "T1190");
    assert_null(l->events[2].a_technique);
    assert_int_equal(store_report(l, f->sc, NULL, 0, REPORT_JSON, LANG_EN, &f->out), STORE_OK);
    json_valid_out(f);
    store_loaded_free(l);
    /* a block cut short: it is left out, and the report is still JSON */
    snprintf(sql, sizeof sql, "UPDATE event_blocks SET events = substr(events, 1, 200)"
             " WHERE session = %lld", (long long)f->id);
    raw_exec(f->d.db, sql);
    assert_int_equal(store_load(f->s, f->id, STORE_LOAD_EVENTS, &l), STORE_OK);
    assert_true(l->damaged > 0);
    assert_true(l->nevents < f->l->nevents);
    sb_reset(&f->out);
    assert_int_equal(store_report(l, f->sc, NULL, 0, REPORT_JSON, LANG_EN, &f->out), STORE_OK);
    json_valid_out(f);
    store_loaded_free(l);
}

static void test_format_parse(void **state)
{
    assert_int_equal(store_format_parse("md"), REPORT_MD);
    assert_int_equal(store_format_parse("markdown"), REPORT_MD);
    assert_int_equal(store_format_parse("json"), REPORT_JSON);
    assert_int_equal(store_format_parse("csv"), REPORT_CSV);
    assert_int_equal(store_format_parse("html"), -1);   /* comes later */
    assert_int_equal(store_format_parse(NULL), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_md_vietnamese, setup, teardown),
        cmocka_unit_test_setup_teardown(test_md_hostile, setup, teardown),
        cmocka_unit_test_setup_teardown(test_md_english, setup, teardown),
        cmocka_unit_test_setup_teardown(test_md_without_scenario, setup, teardown),
        cmocka_unit_test_setup_teardown(test_csv, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_bad_attrs, setup, teardown),
        cmocka_unit_test(test_format_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
