/*
 * report_fmt.c - the after-action report as JSON (one object on one line,
 * as every --json output of irdrill) and as CSV (RFC 4180, one row per
 * event, CRLF line ends). Field names are stable identifiers, the same in
 * both languages; only descriptions and labels follow the language.
 */
#include "saves/report_int.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static const char *obj_state_name(obj_state s)
{
    return s == OBJ_MET ? "met" : s == OBJ_MISSED ? "missed" : "not_met";
}

static void json_session(const rep *r, sbuf *o)
{
    const store_session *ss = &r->l->sess;
    sb_printf(o, "\"session\":{\"id\":%" PRId64 ",\"scenario\":", ss->id);
    json_put(o, ss->scenario_id);
    /* hashes too go through json_put: a hand-edited file may hold anything */
    sb_printf(o, ",\"scenario_version\":%d,\"scenario_hash\":",
              r->sc ? r->sc->version : ss->scenario_version);
    json_put(o, ss->scenario_hash);
    sb_puts(o, ",\"title\":");
    json_put(o, rep_title(r));
    sb_puts(o, ",\"team\":");
    json_put(o, ss->team);
    sb_puts(o, ",\"mode\":");
    json_put(o, ss->mode);
    sb_printf(o, ",\"seed\":%" PRIu64 ",\"status\":", ss->seed);
    json_put(o, ss->status);
    sb_puts(o, ",\"started\":");
    json_put(o, ss->started);
    sb_puts(o, ",\"ended\":");
    json_put(o, ss->ended);
    sb_printf(o, ",\"turn\":%d,\"score\":%d,\"max_score\":%d,\"outcome\":", ss->turn, ss->score,
              ss->max_score);
    json_put(o, ss->outcome);
    /* the ending as the scenario words it (or as the session recorded it) */
    sb_puts(o, ",\"outcome_text\":");
    json_put(o, ss->outcome ? r->outcome_text ? r->outcome_text : rep_ending(r, ss->outcome)
                            : NULL);
    sb_printf(o, ",\"inputs\":%d,\"chain_head\":", ss->ninputs);
    json_put(o, ss->ninputs ? ss->head : ss->genesis);
    sb_printf(o, ",\"scenario_loaded\":%s,\"damaged_event_blocks\":%d}", r->sc ? "true" : "false",
              r->l->damaged);
    sb_puts(o, ",\"participants\":[");
    for (int i = 0; i < ss->nparts; i++) {
        sb_puts(o, i ? ",{\"name\":" : "{\"name\":");
        json_put(o, ss->parts[i].name);
        sb_puts(o, ",\"roles\":[");
        /* recorded as "lead,soc": an array of role ids */
        const char *p = ss->parts[i].roles ? ss->parts[i].roles : "";
        for (int k = 0; *p; k++) {
            size_t len = strcspn(p, ",");
            char *id = xstrndup(p, len);
            if (!id)
                o->oom = true;
            if (k)
                sb_putc(o, ',');
            json_put(o, id ? id : "");
            free(id);
            p += len + (p[len] == ',');
        }
        sb_puts(o, "]}");
    }
    sb_putc(o, ']');
}

static void json_score(const rep *r, sbuf *o)
{
    const store_loaded *l = r->l;
    sb_printf(o, ",\"score\":{\"total\":%d,\"max\":%d,\"by_kind\":{\"objective\":%d,"
              "\"penalty\":%d,\"hint\":%d,\"award\":%d},\"entries\":[", l->sess.score,
              l->sess.max_score, r->by_kind[0], r->by_kind[1], r->by_kind[2], r->by_kind[3]);
    for (int i = 0; i < l->nscores; i++) {
        const engine_score_entry *se = &l->scores[i];
        sb_puts(o, i ? ",{\"kind\":" : "{\"kind\":");
        json_put(o, se->kind);
        sb_puts(o, ",\"id\":");
        json_put(o, se->id);
        sb_printf(o, ",\"points\":%d,\"turn\":%d,\"minute\":%d,\"reason\":", se->points, se->turn,
                  se->minute);
        json_put(o, text_get(&se->reason, r->lg));
        sb_putc(o, '}');
    }
    sb_puts(o, "]},\"objectives\":[");
    for (int i = 0; i < r->nobj; i++) {
        const rep_obj *ob = &r->obj[i];
        sb_puts(o, i ? ",{\"id\":" : "{\"id\":");
        json_put(o, ob->id);
        sb_puts(o, ",\"label\":");
        json_put(o, ob->label);
        if (ob->points >= 0)
            sb_printf(o, ",\"points\":%d", ob->points);
        else
            sb_puts(o, ",\"points\":null");
        /* the deadline: by the end of turn N, or within M simulated minutes */
        if (ob->by_turn > 0)
            sb_printf(o, ",\"by_turn\":%d", ob->by_turn);
        else
            sb_puts(o, ",\"by_turn\":null");
        if (ob->within_minutes > 0)
            sb_printf(o, ",\"within_minutes\":%d", ob->within_minutes);
        else
            sb_puts(o, ",\"within_minutes\":null");
        sb_printf(o, ",\"status\":\"%s\"", obj_state_name(ob->state));
        if (ob->state == OBJ_MET)
            sb_printf(o, ",\"minute\":%d", ob->minute);
        sb_puts(o, ",\"explain\":");
        json_put(o, ob->explain);
        sb_putc(o, '}');
    }
    sb_puts(o, "],\"metrics\":{");
    for (int i = 0; i < l->nmetrics; i++) {
        if (i)
            sb_putc(o, ',');
        json_put(o, l->metrics[i].name);
        sb_printf(o, ":%" PRId64, l->metrics[i].value);
    }
    sb_putc(o, '}');
}

static void json_events(const rep *r, sbuf *o)
{
    sbuf d = SBUF_INIT;
    sb_puts(o, ",\"timeline\":[");
    for (int i = 0; i < r->l->nevents; i++) {
        const store_event *e = &r->l->events[i];
        const event *ev = &e->ev;
        sb_printf(o, "%s{\"seq\":%u,\"turn\":%d,\"minute\":%d,\"vis\":\"%s\",\"kind\":",
                  i ? "," : "", (unsigned)ev->seq, ev->turn, ev->minute,
                  ev->vis == EV_TRUTH ? "truth" : "team");
        json_put(o, e->kind_name);
        sb_puts(o, ",\"role\":");
        json_put(o, ev->role);
        sb_puts(o, ",\"subject\":");
        json_put(o, ev->subject);
        sb_puts(o, ",\"field\":");
        json_put(o, ev->field);
        sb_printf(o, ",\"value\":%" PRId64 ",\"attrs\":", ev->value);
        /* attrs were checked with json_valid when loaded; removing bidi and
         * zero-width characters from it keeps it valid JSON */
        if (ev->attrs && *ev->attrs) {
            char *c = rep_clean(ev->attrs);
            sb_puts(o, c ? c : "null");
            if (!c)
                o->oom = true;
            free(c);
        } else {
            sb_puts(o, "null");
        }
        sb_puts(o, ",\"text\":");
        json_put(o, text_empty(&ev->text) ? NULL : text_get(&ev->text, r->lg));
        sb_reset(&d);
        rep_describe(r, e, &d);
        sb_puts(o, ",\"description\":");
        json_put(o, sb_str(&d));
        sb_putc(o, '}');
    }
    sb_putc(o, ']');
    if (d.oom)
        o->oom = true;
    sb_free(&d);
}

static void json_items(sbuf *o, const char *key, const rep_item *v, int n, bool plan)
{
    sb_printf(o, ",\"%s\":[", key);
    for (int i = 0; i < n; i++) {
        sb_puts(o, i ? "," : "");
        if (plan) {
            sb_puts(o, "{\"capability\":");
            json_put(o, v[i].a);
            sb_puts(o, ",\"observation\":");
            json_put(o, v[i].b);
            sb_puts(o, ",\"recommendation\":");
            json_put(o, v[i].c);
            sb_puts(o, ",\"owner\":");
            json_put(o, v[i].d);
            sb_puts(o, ",\"due\":");
            json_put(o, v[i].e);
        } else {
            sb_puts(o, "{\"title\":");
            json_put(o, v[i].a);
            sb_puts(o, ",\"explain\":");
            json_put(o, *v[i].b ? v[i].b : NULL);
        }
        sb_putc(o, '}');
    }
    sb_putc(o, ']');
}

int json_write(const rep *r, sbuf *o)
{
    sb_printf(o, "{\"report\":\"after-action\",\"format\":1,\"lang\":\"%s\",", lang_code(r->lg));
    json_session(r, o);
    json_score(r, o);
    json_events(r, o);
    json_items(o, "mistakes", r->mist, r->nmist, false);
    json_items(o, "improvement_plan", r->plan, r->nplan, true);
    /* whose earlier sessions: the team's, or without a team the same
     * participants' */
    sb_printf(o, ",\"history_of\":\"%s\",\"history\":[",
              r->l->sess.team && r->l->sess.team[0] ? "team" : "participants");
    for (int i = 0; i < r->nhist; i++) {
        const store_session *h = &r->hist[i];
        sb_printf(o, "%s{\"session\":%" PRId64 ",\"started\":", i ? "," : "", h->id);
        json_put(o, h->started);
        sb_puts(o, ",\"mode\":");
        json_put(o, h->mode);
        sb_puts(o, ",\"outcome\":");
        json_put(o, h->outcome);
        sb_puts(o, ",\"outcome_text\":");
        json_put(o, h->outcome ? rep_ending(r, h->outcome) : NULL);
        sb_printf(o, ",\"score\":%d,\"max_score\":%d,\"turns\":%d,\"detect_minute\":%" PRId64
                  ",\"contain_minute\":%" PRId64 "}", h->score, h->max_score, h->turn,
                  h->detect_minute, h->contain_minute);
    }
    sb_puts(o, "]}\n");
    return o->oom ? STORE_ENOMEM : STORE_OK;
}

int csv_write(const rep *r, sbuf *o)
{
    const store_loaded *l = r->l;
    sbuf d = SBUF_INIT;
    sb_puts(o, "session,seq,turn,minute,time,visibility,kind,role,subject,field,value,"
               "description,text\r\n");
    for (int i = 0; i < l->nevents; i++) {
        const store_event *e = &l->events[i];
        const event *ev = &e->ev;
        sb_printf(o, "%" PRId64 ",%u,%d,%d,", l->sess.id, (unsigned)ev->seq, ev->turn, ev->minute);
        rep_clock(o, ev->minute);
        sb_printf(o, ",%s,", ev->vis == EV_TRUTH ? "truth" : "team");
        csv_put(o, e->kind_name);
        sb_putc(o, ',');
        csv_put(o, ev->role);
        sb_putc(o, ',');
        csv_put(o, ev->subject);
        sb_putc(o, ',');
        csv_put(o, ev->field);
        sb_printf(o, ",%" PRId64 ",", ev->value);
        sb_reset(&d);
        rep_describe(r, e, &d);
        csv_put(o, sb_str(&d));
        sb_putc(o, ',');
        csv_put(o, text_get(&ev->text, r->lg));
        sb_puts(o, "\r\n");
    }
    if (d.oom)
        o->oom = true;
    sb_free(&d);
    return o->oom ? STORE_ENOMEM : STORE_OK;
}
