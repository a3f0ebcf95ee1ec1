/*
 * cli_scenarios.c - irdrill scenarios: every scenario on the search path,
 * one per id (the first found wins), as a table or as JSON lines.
 */
#include "ui/cli.h"

#include <stdlib.h>
#include <string.h>

typedef struct list_ctx {
    bool json;
    lang lang;
    int count;
    bool oom;
} list_ctx;

static const char *languages(const scen *sc, bool json)
{
    if (sc->has_vi && sc->has_en)
        return json ? "[\"vi\",\"en\"]" : "vi,en";
    if (sc->has_vi)
        return json ? "[\"vi\"]" : "vi";
    if (sc->has_en)
        return json ? "[\"en\"]" : "en";
    return json ? "[]" : "-";
}

static void list_one(void *ctx, const scen *sc, const char *path)
{
    list_ctx *c = ctx;
    /* Titles come from scenario files: sanitised for JSON too, since the
     * escaping there keeps bidi and zero-width characters. */
    char *title = text_sanitize(text_get(&sc->title, c->lang), NULL);
    if (!title) {
        c->oom = true;
        return;
    }
    if (c->json) {
        sbuf j = SBUF_INIT;
        sb_puts(&j, "{\"id\":");
        sb_json_str(&j, sc->id);
        sb_puts(&j, ",\"title\":");
        sb_json_str(&j, title);
        sb_printf(&j, ",\"difficulty\":\"%s\",\"max_turns\":%d,\"turn_minutes\":%d,"
                      "\"languages\":%s,\"version\":%d,\"path\":",
                  difficulty_names[sc->diff], sc->max_turns, sc->turn_minutes,
                  languages(sc, true), sc->version);
        sb_json_str(&j, path);
        sb_putc(&j, '}');
        if (j.oom)
            c->oom = true;
        else
            puts(j.buf);
        sb_free(&j);
    } else {
        /* The table in --lang; columns padded by display width. */
        static const char *const diff_vi[3] = { "cơ bản", "trung bình", "nâng cao" };
        bool vi = c->lang == LANG_VI;
        if (c->count == 0) {
            printf("%-24s ", "ID");
            cli_pad(stdout, vi ? "MỨC ĐỘ" : "DIFFICULTY", 12);
            printf(" %*s%s  ", 5 - cli_width(vi ? "LƯỢT" : "TURNS"), "", vi ? "LƯỢT" : "TURNS");
            cli_pad(stdout, vi ? "TIẾNG" : "LANG", 5);
            printf("  %s\n", vi ? "TIÊU ĐỀ" : "TITLE");
        }
        printf("%-24s ", sc->id);
        cli_pad(stdout, vi ? diff_vi[sc->diff] : difficulty_names[sc->diff], 12);
        printf(" %5d  %-5s  %s\n", sc->max_turns, languages(sc, false), title);
    }
    free(title);
    c->count++;
}

int cli_scenarios(const cli_search *sp, bool json, lang l)
{
    list_ctx c = { .json = json, .lang = l };
    int status = cli_search_each(sp, list_one, &c);
    if (status != CLI_OK)
        return status;
    if (c.oom) {
        cli_error("scenarios: out of memory");
        return CLI_EENV;
    }
    if (c.count == 0 && !json) {
        sbuf dirs = SBUF_INIT;
        for (int i = 0; i < sp->ndirs; i++)
            sb_printf(&dirs, "%s%s", i ? ", " : "", sp->dirs[i]);
        cli_warn("no scenarios found (searched: %s)", sp->ndirs ? sb_str(&dirs) :
                 "no directory; use --scenarios DIR or IRDRILL_SCENARIOS");
        sb_free(&dirs);
    }
    return CLI_OK;
}
