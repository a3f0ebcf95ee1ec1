/*
 * scen.c - the names the scenario API uses for enums, id lookups, and
 * releasing a scen; see scen.h.
 *
 * Lookups are linear scans: a scenario has tens of each kind, and the
 * engine looks ids up once per input or hook call, so a table would cost
 * more to build than it saves.
 */
#include "engine/scen.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* find_id below reads the id through a pointer to the element. */
_Static_assert(offsetof(scen_role, id) == 0, "id first");
_Static_assert(offsetof(scen_asset, id) == 0, "id first");
_Static_assert(offsetof(scen_action, id) == 0, "id first");
_Static_assert(offsetof(scen_objective, id) == 0, "id first");
_Static_assert(offsetof(scen_penalty, id) == 0, "id first");
_Static_assert(offsetof(scen_ending, id) == 0, "id first");
_Static_assert(offsetof(scen_signal, id) == 0, "id first");
_Static_assert(offsetof(scen_named, id) == 0, "id first");

const char *const asset_field_names[AF_COUNT] = {
    "compromised", "isolated", "online", "encrypted", "defaced",
    "clean", "patched", "evidence", "backup",
};

const char *const scen_metric_names[SM_COUNT] = { "detected", "contained", "recovered" };

const char *const difficulty_names[3] = { "basic", "intermediate", "advanced" };

const char *const scen_capability_names[CAP_COUNT] = {
    "", "detection", "analysis", "containment", "eradication", "recovery",
    "evidence", "reporting", "communication", "coordination",
};

scen_capability scen_capability_find(const char *name)
{
    for (int i = CAP_NONE + 1; name && i < CAP_COUNT; i++)
        if (strcmp(scen_capability_names[i], name) == 0)
            return (scen_capability)i;
    return CAP_NONE;
}

const char *const target_kind_names[TGT_COUNT] = {
    "none", "asset", "signal", "indicator", "recipient", "audience", "support",
};

int asset_field_find(const char *name)
{
    if (!name)
        return -1;
    for (int i = 0; i < AF_COUNT; i++)
        if (strcmp(asset_field_names[i], name) == 0)
            return i;
    return -1;
}

static void free_named(scen_named *v, int n)
{
    for (int i = 0; i < n; i++) {
        free(v[i].id);
        text_free(&v[i].name);
    }
    free(v);
}

static void free_expect(scen_expect *x)
{
    free(x->outcome);
    for (int i = 0; i < x->nobj; i++)
        free(x->obj_ids[i]);
    free(x->obj_ids);
    free(x->obj_met);
    for (int i = 0; i < x->npen; i++)
        free(x->pen_ids[i]);
    free(x->pen_ids);
}

static void free_actors(scen *s)
{
    for (int i = 0; i < s->nroles; i++) {
        free(s->roles[i].id);
        text_free(&s->roles[i].name);
        text_free(&s->roles[i].desc);
    }
    free(s->roles);
    for (int i = 0; i < s->nassets; i++) {
        free(s->assets[i].id);
        free(s->assets[i].kind);
        free(s->assets[i].zone);
        text_free(&s->assets[i].name);
        text_free(&s->assets[i].desc);
    }
    free(s->assets);
    free(s->links);
    for (int i = 0; i < s->nactions; i++) {
        free(s->actions[i].id);
        free(s->actions[i].roles);
        text_free(&s->actions[i].label);
        text_free(&s->actions[i].help);
    }
    free(s->actions);
    for (int i = 0; i < s->ntriggers; i++)
        free(s->triggers[i].name);
    free(s->triggers);
}

static void free_scoring(scen *s)
{
    for (int i = 0; i < s->nobjectives; i++) {
        free(s->objectives[i].id);
        text_free(&s->objectives[i].label);
        text_free(&s->objectives[i].explain);
    }
    free(s->objectives);
    for (int i = 0; i < s->npenalties; i++) {
        free(s->penalties[i].id);
        text_free(&s->penalties[i].label);
        text_free(&s->penalties[i].explain);
    }
    free(s->penalties);
    for (int i = 0; i < s->nhints; i++) {
        free(s->hints[i].id);
        text_free(&s->hints[i].text);
    }
    free(s->hints);
    for (int i = 0; i < s->nendings; i++) {
        free(s->endings[i].id);
        text_free(&s->endings[i].text);
    }
    free(s->endings);
    for (int i = 0; i < s->nsignals; i++) {
        free(s->signals[i].id);
        free(s->signals[i].source);
        free(s->signals[i].severity);
        free(s->signals[i].technique);
        text_free(&s->signals[i].text);
    }
    free(s->signals);
}

/* Releases what the scen owns, not the scen itself (it may be embedded in
 * another struct), and leaves it zeroed so a second call is harmless. */
void scen_free(scen *s)
{
    if (!s)
        return;
    free(s->id);
    text_free(&s->title);
    text_free(&s->summary);
    for (int i = 0; i < s->nattack; i++)
        free(s->attack[i]);
    free(s->attack);
    free_actors(s);
    free_scoring(s);
    free_named(s->recipients, s->nrecipients);
    free_named(s->facts, s->nfacts);
    free_named(s->audiences, s->naudiences);
    free_named(s->supports, s->nsupports);
    for (int i = 0; i < s->ntests; i++) {
        free(s->tests[i].name);
        free(s->tests[i].inputs);
        free_expect(&s->tests[i].expect);
    }
    free(s->tests);
    free(s->path);
    free(s->source);
    memset(s, 0, sizeof *s);
}

/* The id is the first member of every declaration struct but links and
 * triggers, so one scan serves all kinds: base points at the array, size
 * is the element size. */
static int find_id(const void *base, int n, size_t size, const char *id)
{
    if (!base || !id)
        return -1;
    const char *p = base;
    for (int i = 0; i < n; i++, p += size) {
        char *const *idp = (char *const *)(const void *)p;
        if (*idp && strcmp(*idp, id) == 0)
            return i;
    }
    return -1;
}

int scen_role_find(const scen *s, const char *id)
{
    return find_id(s->roles, s->nroles, sizeof *s->roles, id);
}

int scen_asset_find(const scen *s, const char *id)
{
    return find_id(s->assets, s->nassets, sizeof *s->assets, id);
}

int scen_action_find(const scen *s, const char *id)
{
    return find_id(s->actions, s->nactions, sizeof *s->actions, id);
}

int scen_objective_find(const scen *s, const char *id)
{
    return find_id(s->objectives, s->nobjectives, sizeof *s->objectives, id);
}

int scen_penalty_find(const scen *s, const char *id)
{
    return find_id(s->penalties, s->npenalties, sizeof *s->penalties, id);
}

int scen_ending_find(const scen *s, const char *id)
{
    return find_id(s->endings, s->nendings, sizeof *s->endings, id);
}

int scen_signal_find(const scen *s, const char *id)
{
    return find_id(s->signals, s->nsignals, sizeof *s->signals, id);
}

int scen_named_find(const scen_named *v, int n, const char *id)
{
    return find_id(v, n, sizeof *v, id);
}

int scen_max_score(const scen *s)
{
    int total = 0;
    for (int i = 0; i < s->nobjectives; i++)
        total += s->objectives[i].points;
    return total;
}

bool scen_id_ok(const char *s, size_t n)
{
    if (n == 0 || n > SCEN_ID_MAX)
        return false;
    if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '.'))
            return false;
    }
    return true;
}
