/*
 * saves_script.h - a scripted session for the saves/ tests: inputs
 * appended one at a time, each followed by the events and score lines an
 * engine would emit for it (made up here, without Lua), exactly as the
 * command line will drive the store. The script keeps its own copy of the
 * events' canonical lines and score, i.e. what a replay would produce.
 */
#ifndef IRDRILL_SAVES_SCRIPT_H
#define IRDRILL_SAVES_SCRIPT_H

#include "saves_fixture.h"

typedef struct script {
    store_batch *b;
    sbuf lines;                  /* the events' canonical JSON lines */
    engine_score_entry sc[16];
    int nsc, score, turn, ninputs;
    uint32_t seq;
    bool over;
    store_metric m[4];           /* the metrics recorded with the session row */
} script;

static inline void sc_emit(script *p, int turn, ev_vis vis, ev_kind kind, const char *role,
                    const char *subject, const char *field, int64_t value, const char *attrs,
                    const char *vi, const char *en)
{
    uint32_t seq = ++p->seq;
    int minute = (turn - 1) * 15 + (kind == EVK_DONE || kind == EVK_TRIAGE ||
                                    kind == EVK_SCORE || kind == EVK_ENDING ? 15 : 0);
    emit(p->b, seq, turn, minute, vis, kind, role, subject, field, value, attrs, vi, en);
    event ev = { .seq = seq, .turn = turn, .minute = minute, .vis = vis, .kind = kind,
                 .role = role, .subject = subject, .field = field, .value = value,
                 .attrs = attrs, .text = { (char *)vi, (char *)en } };
    event_to_json(&ev, &p->lines);
    sb_putc(&p->lines, '\n');
}

static inline void sc_score(script *p, const char *kind, const char *id, int points, int turn,
                     const char *vi, const char *en)
{
    engine_score_entry se = { .kind = kind, .id = id, .points = points, .turn = turn,
                              .minute = turn * 15, .reason = { (char *)vi, (char *)en } };
    assert_int_equal(store_batch_score(p->b, &se), STORE_OK);
    p->sc[p->nsc++] = se;
    p->score += points;
}

static inline void sc_progress(script *p, const char *outcome)
{
    store_metric m[] = { { "detect_minute", 30 }, { "contain_minute", -1 },
                         { "downtime.portal", 45 }, { "actions.soc", p->turn } };
    memcpy(p->m, m, sizeof m);
    store_progress pr = { .turn = p->turn, .score = p->score, .max_score = 65,
                          .over = outcome != NULL, .outcome = outcome, .metrics = m,
                          .nmetrics = 4 };
    p->over = outcome != NULL;
    assert_int_equal(store_batch_progress(p->b, &pr), STORE_OK);
}

/* Play nturns turns: per turn, "soc triage sT true" then "lead end". With
 * finish, the session ends after the last turn ("contained"). */
static inline void sc_play(store *s, int64_t id, script *p, int nturns, bool finish)
{
    memset(p, 0, sizeof *p);
    p->b = store_batch_new();
    assert_non_null(p->b);
    p->turn = 1;
    sc_emit(p, 1, EV_TEAM, EVK_SESSION, NULL, "portal-defacement", NULL, 42,
            "{\"mode\":\"exercise\"}", "Bắt đầu", "Begin");
    for (int t = 1; t <= nturns; t++) {
        char line[64], sig[16], attrs[96];
        p->turn = t;
        sc_emit(p, t, EV_TEAM, EVK_TURN, NULL, NULL, NULL, t, NULL, NULL, NULL);
        snprintf(sig, sizeof sig, "s%d", t);
        sc_emit(p, t, EV_TEAM, EVK_SIGNAL, NULL, sig, NULL, 0,
                "{\"source\":\"waf\",\"severity\":\"high\",\"asset\":\"portal\"}",
                "WAF: truy vấn SQL injection từ 203.0.113.7", "WAF: SQL injection from 203.0.113.7");
        sc_emit(p, t, EV_TRUTH, EVK_SIGNAL_TRUTH, NULL, sig, NULL, t % 2, NULL, NULL, NULL);
        snprintf(line, sizeof line, "soc triage %s true", sig);
        append_ok(s, id, line, p->b);
        p->ninputs++;
        snprintf(attrs, sizeof attrs, "{\"qid\":%d,\"done_turn\":%d,\"target\":\"%s\","
                 "\"verdict\":true}", t, t, sig);
        sc_emit(p, t, EV_TEAM, EVK_QUEUED, "soc", "triage", NULL, t, attrs, "Phân loại cảnh báo",
                "Triage a signal");
        append_ok(s, id, "lead end", p->b);
        p->ninputs++;
        sc_emit(p, t, EV_TEAM, EVK_TRIAGE, "soc", sig, NULL, 1, NULL, NULL, NULL);
        sc_emit(p, t, EV_TEAM, EVK_DONE, "soc", "triage", NULL, t, attrs, "Phân loại cảnh báo",
                "Triage a signal");
        if (t == 2) {
            sc_score(p, "objective", "detect", 20, t, "Phát hiện tấn công", "Detect the attack");
            sc_emit(p, t, EV_TEAM, EVK_OBJECTIVE, NULL, "detect", NULL, 1, NULL,
                    "Phát hiện tấn công", "Detect the attack");
            sc_emit(p, t, EV_TEAM, EVK_SCORE, NULL, "detect", "objective", 20, NULL,
                    "Phát hiện tấn công", "Detect the attack");
        }
    }
    if (finish)
        sc_emit(p, nturns, EV_TEAM, EVK_ENDING, NULL, "contained", NULL, 1,
                "{\"score\":20,\"max_score\":65}", "Đã ngăn chặn", "Contained");
    sc_progress(p, finish ? "contained" : NULL);
    int rc = store_batch_commit(s, id, p->b);
    if (rc != STORE_OK)
        fail_msg("store_batch_commit: %d %s", rc, store_errmsg(s));
}

static inline void sc_free(script *p)
{
    store_batch_free(p->b);
    sb_free(&p->lines);
}

static inline store_replay sc_replay(const script *p)
{
    store_replay r = { .events = sb_str(&p->lines), .scores = p->sc, .nscores = p->nsc,
                       .score = p->score, .turn = p->turn, .max_score = 65, .over = p->over,
                       .outcome = p->over ? "contained" : NULL, .metrics = p->m,
                       .nmetrics = 4 };
    return r;
}

#endif
