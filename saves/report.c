/*
 * report.c - the after-action report's model (product.md §6): objectives
 * and their outcome, the score by kind, mistakes and missed opportunities,
 * and an improvement plan pre-filled from them; plus the human wording of
 * events. The writers (report_md.c, report_fmt.c) only lay it out.
 *
 * With the scenario at hand (sc != NULL) the model knows every objective,
 * its points and its explanation; without it (the scenario no longer
 * loads), it is rebuilt from the recorded events and score lines, which
 * carry the labels, so the report still tells what happened.
 */
#include "saves/report_int.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define L(vi, en) (r->lg == LANG_VI ? (vi) : (en))

/* ---- names ---------------------------------------------------------------- */

const char *rep_title(const rep *r)
{
    if (r->sc && !text_empty(&r->sc->title))
        return text_get(&r->sc->title, r->lg);
    if (!text_empty(&r->l->sess.title))
        return text_get(&r->l->sess.title, r->lg);
    return r->l->sess.scenario_id;
}

const char *rep_ending(const rep *r, const char *id)
{
    for (int i = 0; id && r->sc && i < r->sc->nendings; i++)
        if (strcmp(r->sc->endings[i].id, id) == 0 && !text_empty(&r->sc->endings[i].text))
            return text_get(&r->sc->endings[i].text, r->lg);
    return NULL;
}

const char *rep_role(const rep *r, const char *id)
{
    if (!id)
        return "";
    if (strcmp(id, "facilitator") == 0)
        return rs_get(RS_FACILITATOR, r->lg);
    for (int i = 0; r->sc && i < r->sc->nroles; i++)
        if (strcmp(r->sc->roles[i].id, id) == 0 && !text_empty(&r->sc->roles[i].name))
            return text_get(&r->sc->roles[i].name, r->lg);
    return id;
}

/* The name of a declared id in the report's language, or the id itself. */
static const char *named(const rep *r, const scen_named *v, int n, const char *id)
{
    for (int i = 0; i < n; i++)
        if (strcmp(v[i].id, id) == 0 && !text_empty(&v[i].name))
            return text_get(&v[i].name, r->lg);
    return id;
}

static const char *asset_name(const rep *r, const char *id)
{
    if (!id)
        return "";
    for (int i = 0; r->sc && i < r->sc->nassets; i++)
        if (strcmp(r->sc->assets[i].id, id) == 0 && !text_empty(&r->sc->assets[i].name))
            return text_get(&r->sc->assets[i].name, r->lg);
    return id;
}

static const char *recipient_name(const rep *r, const char *id, bool public_)
{
    if (!id)
        return "";
    if (!r->sc)
        return id;
    return public_ ? named(r, r->sc->audiences, r->sc->naudiences, id)
                   : named(r, r->sc->recipients, r->sc->nrecipients, id);
}

/* An action's target in words: the asset, recipient, audience or helper
 * it names, by the kind of target the action takes; signals and
 * indicators stay as they are (their id is what the team saw). */
static const char *target_name(const rep *r, const char *action, const char *target)
{
    int a = r->sc ? scen_action_find(r->sc, action) : -1;
    if (a < 0)
        return target;
    switch (r->sc->actions[a].target) {
    case TGT_ASSET: return asset_name(r, target);
    case TGT_RECIPIENT: return named(r, r->sc->recipients, r->sc->nrecipients, target);
    case TGT_AUDIENCE: return named(r, r->sc->audiences, r->sc->naudiences, target);
    case TGT_SUPPORT: return named(r, r->sc->supports, r->sc->nsupports, target);
    default: return target;
    }
}

static const char *field_name(const rep *r, const char *f)
{
    static const char *const vi[AF_COUNT] = {
        "bị xâm nhập", "bị cô lập", "đang hoạt động", "bị mã hóa", "bị thay đổi giao diện",
        "đã làm sạch", "đã vá", "đã thu thập chứng cứ", "có bản sao lưu",
    };
    static const char *const en[AF_COUNT] = {
        "compromised", "isolated", "online", "encrypted", "defaced", "clean", "patched",
        "evidence collected", "backup available",
    };
    /* The ids as in scen.h's enum asset_field; kept here so that reports
     * need nothing of the scenario loader. */
    static const char *const ids[AF_COUNT] = {
        "compromised", "isolated", "online", "encrypted", "defaced", "clean", "patched",
        "evidence", "backup",
    };
    _Static_assert(AF_COUNT == 9, "asset fields changed: update the report's names");
    for (int i = 0; f && i < AF_COUNT; i++)
        if (strcmp(ids[i], f) == 0)
            return r->lg == LANG_VI ? vi[i] : en[i];
    return f ? f : "";
}

const char *rep_status(const rep *r, const char *status)
{
    if (status && strcmp(status, "active") == 0)
        return rs_get(RS_ACTIVE, r->lg);
    if (status && strcmp(status, "finished") == 0)
        return rs_get(RS_FINISHED, r->lg);
    if (status && strcmp(status, "aborted") == 0)
        return rs_get(RS_ABORTED, r->lg);
    return status ? status : "";
}

const char *rep_mode(const rep *r, const char *mode)
{
    return mode && strcmp(mode, "exercise") == 0 ? rs_get(RS_EXERCISE, r->lg)
                                                 : rs_get(RS_TRAINING, r->lg);
}

const char *rep_kind(const rep *r, const char *k)
{
    if (k && strcmp(k, "objective") == 0)
        return rs_get(RS_K_OBJECTIVE, r->lg);
    if (k && strcmp(k, "penalty") == 0)
        return rs_get(RS_K_PENALTY, r->lg);
    if (k && strcmp(k, "hint") == 0)
        return rs_get(RS_K_HINT, r->lg);
    if (k && strcmp(k, "award") == 0)
        return rs_get(RS_K_AWARD, r->lg);
    return k ? k : "";
}

void rep_clock(sbuf *out, int64_t minute)
{
    if (minute < 0)
        sb_puts(out, "—");
    else
        sb_printf(out, "T+%02" PRId64 ":%02" PRId64, minute / 60, minute % 60);
}

/* ---- metrics ---------------------------------------------------------------- */

static const struct { const char *name; rs label; bool clock; } metric_names[] = {
    { "detect_minute", RS_M_DETECT, true },     { "first_compromise_minute", RS_M_FIRST, true },
    { "contain_minute", RS_M_CONTAIN, true },   { "recover_minute", RS_M_RECOVER, true },
    { "reports", RS_M_REPORTS, false },         { "reports_on_time", RS_M_ONTIME, false },
    { "false_positives", RS_M_FP, false },      { "true_dismissed", RS_M_TD, false },
    { "hints", RS_M_HINTS, false },             { "hook_errors", RS_M_HOOKERR, false },
};

int rep_metric_order_count(void) { return (int)(sizeof metric_names / sizeof metric_names[0]); }
const char *rep_metric_order(int i) { return metric_names[i].name; }

int rep_metric_known(const char *name)
{
    for (int i = 0; i < rep_metric_order_count(); i++)
        if (strcmp(metric_names[i].name, name) == 0)
            return i;
    return -1;
}

void rep_metric_label(const rep *r, const char *name, sbuf *out)
{
    for (size_t i = 0; i < sizeof metric_names / sizeof metric_names[0]; i++) {
        if (strcmp(metric_names[i].name, name) == 0) {
            sb_puts(out, rs_get(metric_names[i].label, r->lg));
            return;
        }
    }
    if (strncmp(name, "downtime.", 9) == 0)
        sb_printf(out, "%s: %s", rs_get(RS_M_DOWNTIME, r->lg), asset_name(r, name + 9));
    else if (strncmp(name, "actions.", 8) == 0)
        sb_printf(out, "%s: %s", rs_get(RS_M_ACTIONS, r->lg), rep_role(r, name + 8));
    else
        sb_puts(out, name);
}

void rep_metric_value(const rep *r, const char *name, int64_t v, sbuf *out)
{
    for (size_t i = 0; i < sizeof metric_names / sizeof metric_names[0]; i++) {
        if (strcmp(metric_names[i].name, name) == 0 && metric_names[i].clock) {
            if (v < 0)
                sb_puts(out, rs_get(RS_NEVER, r->lg));
            else
                rep_clock(out, v);
            return;
        }
    }
    sb_printf(out, "%" PRId64, v);
}

/* ---- events in words --------------------------------------------------------- */

static const char *ev_text(const rep *r, const store_event *e)
{
    return text_get(&e->ev.text, r->lg);
}

void rep_describe(const rep *r, const store_event *e, sbuf *o)
{
    const event *ev = &e->ev;
    const char *subj = ev->subject ? ev->subject : "";
    const char *role = rep_role(r, ev->role);
    const char *txt = ev_text(r, e);
    if (!e->kind_ok) {
        sb_printf(o, "%s %s %s", e->kind_name ? e->kind_name : "?", subj, txt);
        return;
    }
    switch (ev->kind) {
    case EVK_SESSION:
        sb_puts(o, L("Bắt đầu phiên diễn tập", "The session begins"));
        break;
    case EVK_TURN:
        sb_printf(o, L("Bắt đầu lượt %" PRId64, "Turn %" PRId64 " begins"), ev->value);
        break;
    case EVK_SIGNAL:
        sb_printf(o, L("Cảnh báo %s", "Signal %s"), subj);
        if (e->a_source || e->a_severity)
            sb_printf(o, " [%s%s%s]", e->a_source ? e->a_source : "",
                      e->a_source && e->a_severity ? ", " : "", e->a_severity ? e->a_severity : "");
        if (e->a_asset)
            sb_printf(o, " (%s)", asset_name(r, e->a_asset));
        sb_printf(o, ": %s", txt);
        break;
    case EVK_SIGNAL_TRUTH:
        if (ev->value)
            sb_printf(o, L("Cảnh báo %s là cảnh báo thật", "Signal %s is a true positive"), subj);
        else
            sb_printf(o, L("Cảnh báo %s là cảnh báo giả", "Signal %s is a false positive"), subj);
        break;
    case EVK_NOTE:
        if (ev->role)
            sb_printf(o, "%s: %s", role, txt);
        else
            sb_printf(o, L("Thông báo: %s", "Message: %s"), txt);
        break;
    case EVK_LOG:
        sb_puts(o, txt);
        break;
    case EVK_STATE:
    case EVK_REVEAL:
        if (ev->kind == EVK_REVEAL)
            sb_puts(o, L("Phát hiện: ", "Found: "));
        sb_printf(o, "%s — %s: %s", asset_name(r, subj), field_name(r, ev->field),
                  rs_get(ev->value ? RS_YES : RS_NO, r->lg));
        if (e->a_technique)
            sb_printf(o, L(" (kỹ thuật %s)", " (technique %s)"), e->a_technique);
        if (*txt)
            sb_printf(o, ". %s", txt);
        break;
    case EVK_QUEUED:
    case EVK_DONE:
        sb_printf(o, ev->kind == EVK_QUEUED ? L("%s bắt đầu: %s", "%s queued: %s")
                                            : L("%s hoàn thành: %s", "%s completed: %s"),
                  role, *txt ? txt : subj);
        if (e->a_target)
            sb_printf(o, " — %s", target_name(r, subj, e->a_target));
        break;
    case EVK_CANCELLED:
        sb_printf(o, L("%s hủy hành động số %" PRId64, "%s cancelled action %" PRId64), role,
                  ev->value);
        break;
    case EVK_TRIAGE:
        sb_printf(o, L("%s đánh giá cảnh báo %s là %s", "%s triaged signal %s as %s"), role, subj,
                  ev->value ? L("thật", "true") : L("giả", "false"));
        break;
    case EVK_REPORT:
        sb_printf(o, e->a_public == 1 ? L("%s thông tin tới %s", "%s communicated to %s")
                                      : L("%s báo cáo %s", "%s reported to %s"),
                  role, recipient_name(r, subj, e->a_public == 1));
        if (e->a_facts)
            sb_printf(o, " (%s)", e->a_facts);
        if (e->a_on_time == 0)
            sb_puts(o, L(" — trễ hạn", " — late"));
        break;
    case EVK_HINT:
        sb_printf(o, L("Dùng gợi ý (−%" PRId64 " điểm): %s", "Hint taken (−%" PRId64 " points): %s"),
                  ev->value, txt);
        break;
    case EVK_SCORE:
        sb_printf(o, L("%+" PRId64 " điểm: %s", "%+" PRId64 " points: %s"), ev->value,
                  *txt ? txt : subj);
        break;
    case EVK_OBJECTIVE:
        sb_printf(o, ev->value ? L("Đạt mục tiêu: %s", "Objective met: %s")
                               : L("Không đạt mục tiêu: %s", "Objective missed: %s"),
                  *txt ? txt : subj);
        break;
    case EVK_ENDING:
        sb_printf(o, L("Kết thúc: %s (%s)", "Ending: %s (%s)"), *txt ? txt : subj, subj);
        break;
    case EVK_HOOK_ERROR:
        sb_printf(o, L("Lỗi kịch bản: %s", "Scenario error: %s"), txt);
        break;
    case EVK_READY:
        sb_printf(o, L("%s (%s) sẵn sàng kết thúc lượt", "%s (%s) is ready to end the turn"), role,
                  subj);
        break;
    case EVK_FACILITATOR:
        sb_printf(o, L("Người điều phối: %s", "Facilitator: %s"), subj);
        break;
    default:
        sb_printf(o, "%s %s", subj, txt);
    }
}

/* ---- the model --------------------------------------------------------------- */

static const engine_score_entry *find_score(const store_loaded *l, const char *kind,
                                            const char *id)
{
    for (int i = 0; i < l->nscores; i++)
        if (l->scores[i].kind && l->scores[i].id && strcmp(l->scores[i].kind, kind) == 0 &&
            strcmp(l->scores[i].id, id) == 0)
            return &l->scores[i];
    return NULL;
}

static const store_event *find_event(const store_loaded *l, ev_kind k, const char *subject,
                                     int value)
{
    for (int i = 0; i < l->nevents; i++) {
        const store_event *e = &l->events[i];
        if (e->kind_ok && e->ev.kind == k && e->ev.subject && strcmp(e->ev.subject, subject) == 0 &&
            (value < 0 || e->ev.value == value))
            return e;
    }
    return NULL;
}

static int build_objectives(rep *r)
{
    const store_loaded *l = r->l;
    int cap = r->sc ? r->sc->nobjectives : l->nevents;
    r->obj = calloc((size_t)(cap > 0 ? cap : 1), sizeof *r->obj);
    if (!r->obj)
        return -1;
    if (r->sc) {
        for (int i = 0; i < r->sc->nobjectives; i++) {
            const scen_objective *so = &r->sc->objectives[i];
            rep_obj *o = &r->obj[r->nobj++];
            o->id = so->id;
            o->label = text_empty(&so->label) ? so->id : text_get(&so->label, r->lg);
            o->explain = text_empty(&so->explain) ? NULL : text_get(&so->explain, r->lg);
            o->points = so->points;
            o->by_turn = so->by_turn;
            o->within_minutes = so->within_minutes;
            const engine_score_entry *se = find_score(l, "objective", so->id);
            o->state = se ? OBJ_MET : find_event(l, EVK_OBJECTIVE, so->id, 0) ? OBJ_MISSED
                                                                             : OBJ_NOT_REACHED;
            o->minute = se ? se->minute : -1;
        }
        return 0;
    }
    /* From the record: each objective event names one, in order. */
    for (int i = 0; i < l->nevents; i++) {
        const store_event *e = &l->events[i];
        if (!e->kind_ok || e->ev.kind != EVK_OBJECTIVE || !e->ev.subject)
            continue;
        bool seen = false;
        for (int j = 0; j < r->nobj && !seen; j++)
            seen = strcmp(r->obj[j].id, e->ev.subject) == 0;
        if (seen)
            continue;
        rep_obj *o = &r->obj[r->nobj++];
        const char *t = ev_text(r, e);
        o->id = e->ev.subject;
        o->label = *t ? t : e->ev.subject;
        const engine_score_entry *se = find_score(l, "objective", o->id);
        o->state = e->ev.value ? OBJ_MET : OBJ_MISSED;
        o->points = se ? se->points : -1;
        o->minute = se ? se->minute : -1;
    }
    return 0;
}

static int add_item(rep_item **v, int *n, const char *a, const char *b, const char *c,
                    const char *d, const char *e)
{
    rep_item *nv = realloc(*v, sizeof *nv * (size_t)(*n + 1));
    if (!nv)
        return -1;
    *v = nv;
    rep_item it = { xstrdup(a ? a : ""), xstrdup(b ? b : ""), xstrdup(c ? c : ""),
                    xstrdup(d ? d : ""), xstrdup(e ? e : "") };
    nv[(*n)++] = it;
    return it.a && it.b && it.c && it.d && it.e ? 0 : -1;
}

/* The HSEEP capability of an improvement-plan row: the one the scenario
 * declares for the objective or penalty (capability = "containment",
 * docs/scenario-api.md), in the report's language. Without one (an older
 * scenario, or none that loads any more) it is guessed from the words of
 * the id ("warn_communes": warn, communes): the first word that names a
 * phase decides, else coordination. */
static const char *capability(const rep *r, const char *id, bool penalty)
{
    static const struct {
        const char *vi, *en;
        const char *const words[16];   /* prefixes of a word of the id */
    } caps[CAP_COUNT] = {
        [CAP_NONE] = { "Điều phối ứng cứu", "Response coordination", { NULL } },
        [CAP_DETECTION] = { "Phát hiện và phân tích", "Detection and analysis",
                            { "detect", "triage", "identif", "monitor", "alert", "spot", "early",
                              "false" } },
        [CAP_ANALYSIS] = { "Xác minh, phân loại và xác định phạm vi",
                           "Verification, classification and scoping",
                           { "analys", "assess", "scope", "size", "sizing", "declare", "classif",
                             "investig", "hunt", "inventor", "verif", "count=", "clock", "theft" } },
        [CAP_CONTAINMENT] = { "Ngăn chặn", "Containment",
                              { "contain", "isolat", "block", "stop", "cut=", "disconnect",
                                "quarantin", "freeze", "takedown", "purge", "scrub", "powered",
                                "shutdown" } },
        [CAP_ERADICATION] = { "Loại bỏ mối đe dọa và khắc phục điểm yếu",
                              "Eradication and remediation",
                              { "eradicat", "clean", "remov", "evict", "fix=", "patch", "vuln",
                                "harden", "credential", "password", "rotat", "reset", "mfa=",
                                "rebuild", "reimag" } },
        [CAP_RECOVERY] = { "Khôi phục và duy trì hoạt động", "Recovery and continuity",
                           { "recover", "restor", "backup", "continu", "downtime", "rto=",
                             "service", "reopen", "reconnect", "disrupt", "phase" } },
        [CAP_EVIDENCE] = { "Thu thập và bảo toàn chứng cứ", "Evidence preservation",
                           { "evidence", "forensic", "custody", "memory", "image", "log=",
                             "logs=" } },
        [CAP_REPORTING] = { "Báo cáo và thông báo sự cố", "Reporting and notification",
                            { "report", "notif", "police", "vncert", "a05=", "escalat",
                              "order=", "answer", "steering", "sector=", "owner=" } },
        [CAP_COMMUNICATION] = { "Truyền thông công khai", "Public communication",
                                { "communic", "warn", "statement", "press", "public", "citizen",
                                  "inform", "notice", "silence", "announc" } },
        [CAP_COORDINATION] = { "Điều phối ứng cứu", "Response coordination",
                               { "coordinat", "channel", "support", "acknowledg", "negotiat",
                                 "contact", "paid", "ransom" } },
    };
    scen_capability c = CAP_NONE;
    for (int i = 0; r->sc && id && !penalty && i < r->sc->nobjectives; i++)
        if (strcmp(r->sc->objectives[i].id, id) == 0)
            c = r->sc->objectives[i].capability;
    for (int i = 0; r->sc && id && penalty && i < r->sc->npenalties; i++)
        if (strcmp(r->sc->penalties[i].id, id) == 0)
            c = r->sc->penalties[i].capability;
    /* The guess: each word of the id in turn (split at _ - .), the first
     * that starts like one of a capability's words ("word=": is that word). */
    for (const char *p = id; c == CAP_NONE && p && *p;) {
        size_t n = strcspn(p, "_-.");
        for (int k = CAP_NONE + 1; c == CAP_NONE && k < CAP_COUNT; k++)
            for (int w = 0; c == CAP_NONE && w < 16 && caps[k].words[w]; w++) {
                const char *key = caps[k].words[w];
                size_t m = strlen(key);
                bool exact = key[m - 1] == '=';
                m -= exact;
                if (m <= n && (!exact || m == n) && strncmp(p, key, m) == 0)
                    c = (scen_capability)k;
            }
        p += n + (p[n] != '\0');
    }
    return L(caps[c].vi, caps[c].en);
}

/* The date 90 days after the session began: a quarter is the usual horizon
 * for corrective actions. Civil-date arithmetic, no time zone involved. */
static void due_date(const char *started, char out[48])
{
    int y, m, d;
    out[0] = '\0';
    if (!started || sscanf(started, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 ||
        d < 1 || d > 31)
        return;
    /* days from civil (Howard Hinnant's algorithm), +90, back to civil */
    int yy = y - (m <= 2);
    long era = (yy >= 0 ? yy : yy - 399) / 400;
    long yoe = yy - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    long z = era * 146097 + doe - 719468 + 90;
    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yr = yoe + era * 400;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long dd = doy - (153 * mp + 2) / 5 + 1;
    long mm = mp < 10 ? mp + 3 : mp - 9;
    snprintf(out, 48, "%04ld-%02ld-%02ld", yr + (mm <= 2), mm, dd);
}

static const char *lead_name(const rep *r)
{
    const store_session *ss = &r->l->sess;
    for (int i = 0; i < ss->nparts; i++) {
        const char *ro = ss->parts[i].roles;
        size_t n = strlen("lead");
        for (const char *p = ro; p && *p;) {
            const char *c = strchr(p, ',');
            size_t len = c ? (size_t)(c - p) : strlen(p);
            if (len == n && strncmp(p, "lead", n) == 0)
                return ss->parts[i].name;
            p = c ? c + 1 : NULL;
        }
    }
    return "";
}

static int signal_truth(const store_loaded *l, const char *id)
{
    const store_event *e = find_event(l, EVK_SIGNAL_TRUTH, id, -1);
    return e ? (int)e->ev.value : -1;
}

static int build_mistakes(rep *r)
{
    const store_loaded *l = r->l;
    bool finished = strcmp(l->sess.status, "finished") == 0;
    char due[48];
    due_date(l->sess.started, due);
    const char *owner = lead_name(r);
    sbuf a = SBUF_INIT, b = SBUF_INIT;
    int rc = 0;
    for (int i = 0; i < r->nobj && rc == 0; i++) {
        const rep_obj *o = &r->obj[i];
        if (o->state == OBJ_MET || (o->state == OBJ_NOT_REACHED && !finished))
            continue;
        sb_reset(&a);
        sb_printf(&a, "%s: %s", rs_get(o->state == OBJ_MISSED ? RS_MISSED_OBJ : RS_UNREACHED_OBJ,
                                       r->lg), o->label);
        rc |= add_item(&r->mist, &r->nmist, sb_str(&a), o->explain, NULL, NULL, NULL);
        sb_reset(&b);
        if (o->explain)
            sb_puts(&b, o->explain);
        else
            sb_printf(&b, "%s: %s", rs_get(RS_GENERIC_REC, r->lg), o->label);
        rc |= add_item(&r->plan, &r->nplan, capability(r, o->id, false), sb_str(&a), sb_str(&b), owner,
                       due);
    }
    for (int i = 0; i < l->nscores && rc == 0; i++) {
        const engine_score_entry *se = &l->scores[i];
        if (!se->kind || strcmp(se->kind, "penalty") != 0)
            continue;
        const char *explain = NULL, *label = text_get(&se->reason, r->lg);
        for (int p = 0; r->sc && p < r->sc->npenalties; p++)
            if (se->id && strcmp(r->sc->penalties[p].id, se->id) == 0 &&
                !text_empty(&r->sc->penalties[p].explain))
                explain = text_get(&r->sc->penalties[p].explain, r->lg);
        sb_reset(&a);
        sb_printf(&a, "%s: %s (%+d)", rs_get(RS_PENALTY_OF, r->lg), *label ? label : se->id,
                  se->points);
        rc |= add_item(&r->mist, &r->nmist, sb_str(&a), explain, NULL, NULL, NULL);
        sb_reset(&b);
        if (explain)
            sb_puts(&b, explain);
        else
            sb_printf(&b, "%s: %s", rs_get(RS_GENERIC_REC, r->lg), *label ? label : se->id);
        rc |= add_item(&r->plan, &r->nplan, capability(r, se->id, true), sb_str(&a), sb_str(&b), owner,
                       due);
    }
    for (int i = 0; i < l->nevents && rc == 0; i++) {
        const store_event *e = &l->events[i];
        if (!e->kind_ok || !e->ev.subject)
            continue;
        sb_reset(&a);
        if (e->ev.kind == EVK_TRIAGE) {
            int truth = signal_truth(l, e->ev.subject);
            if (truth < 0 || truth == (e->ev.value != 0))
                continue;
            const store_event *sig = find_event(l, EVK_SIGNAL, e->ev.subject, -1);
            sb_printf(&a, "%s: %s", rs_get(truth ? RS_TRUE_DISMISSED : RS_FALSE_POS, r->lg),
                      e->ev.subject);
            if (sig && *ev_text(r, sig))
                sb_printf(&a, " — %s", ev_text(r, sig));
            sb_printf(&a, " (%s %d)", rs_get(RS_TURN, r->lg), e->ev.turn);
            rc |= add_item(&r->mist, &r->nmist, sb_str(&a),
                           truth ? L("Cảnh báo thật bị đánh giá là giả: kẻ tấn công có thêm thời "
                                     "gian mà đội không hay biết.",
                                     "A real attack was judged a false alarm: the attacker "
                                     "gained time unnoticed.")
                                 : L("Cần xác minh cảnh báo (nhật ký, nguồn, tài sản liên quan) "
                                     "trước khi dành nguồn lực xử lý.",
                                     "Verify an alert (logs, source, asset concerned) before "
                                     "committing effort to it."),
                           NULL, NULL, NULL);
        } else if (e->ev.kind == EVK_REPORT && e->a_on_time == 0) {
            sb_printf(&a, "%s: %s (%s %d)", rs_get(RS_LATE_REPORT, r->lg),
                      recipient_name(r, e->ev.subject, e->a_public == 1), rs_get(RS_TURN, r->lg),
                      e->ev.turn);
            rc |= add_item(&r->mist, &r->nmist, sb_str(&a),
                           L("Thời hạn báo cáo được tính từ lúc phát hiện sự cố.",
                             "Reporting deadlines run from the moment of detection."),
                           NULL, NULL, NULL);
        }
    }
    if (a.oom || b.oom)
        rc = -1;
    sb_free(&a);
    sb_free(&b);
    return rc;
}

int rep_build(rep *r, const store_loaded *l, const scen *sc, const store_session *hist,
              int nhist, lang lg)
{
    memset(r, 0, sizeof *r);
    r->l = l;
    r->sc = sc;
    r->lg = lg;
    r->hist = hist;
    r->nhist = hist ? nhist : 0;
    for (int i = 0; i < l->nscores; i++) {
        const char *k = l->scores[i].kind ? l->scores[i].kind : "";
        int slot = strcmp(k, "objective") == 0 ? 0 : strcmp(k, "penalty") == 0 ? 1
                 : strcmp(k, "hint") == 0 ? 2 : 3;
        r->by_kind[slot] += l->scores[i].points;
    }
    for (int i = 0; i < l->nevents; i++)
        if (l->events[i].kind_ok && l->events[i].ev.kind == EVK_ENDING)
            r->outcome_text = ev_text(r, &l->events[i]);
    if (build_objectives(r) != 0 || build_mistakes(r) != 0) {
        r->oom = true;
        return -1;
    }
    return 0;
}

static void free_items(rep_item *v, int n)
{
    for (int i = 0; i < n; i++) {
        free(v[i].a);
        free(v[i].b);
        free(v[i].c);
        free(v[i].d);
        free(v[i].e);
    }
    free(v);
}

void rep_free(rep *r)
{
    free(r->obj);
    free_items(r->mist, r->nmist);
    free_items(r->plan, r->nplan);
    memset(r, 0, sizeof *r);
}

/* ---- entry points --------------------------------------------------------------- */

int store_format_parse(const char *s)
{
    if (!s)
        return -1;
    if (strcmp(s, "md") == 0 || strcmp(s, "markdown") == 0)
        return REPORT_MD;
    if (strcmp(s, "json") == 0)
        return REPORT_JSON;
    if (strcmp(s, "csv") == 0)
        return REPORT_CSV;
    return -1;
}

int store_report(const store_loaded *l, const scen *sc, const store_session *history,
                 int nhistory, store_format fmt, lang lg, sbuf *out)
{
    rep r;
    int rc = rep_build(&r, l, sc, history, nhistory, lg);
    if (rc == 0) {
        switch (fmt) {
        case REPORT_MD: rc = md_write(&r, out); break;
        case REPORT_JSON: rc = json_write(&r, out); break;
        case REPORT_CSV: rc = csv_write(&r, out); break;
        default: rc = STORE_EARG;
        }
    }
    bool oom = r.oom || out->oom;
    rep_free(&r);
    if (oom)
        return STORE_ENOMEM;
    return rc < 0 ? rc : STORE_OK;
}
