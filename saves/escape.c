/*
 * escape.c - making hostile strings harmless in reports. Everything a
 * report shows came from a scenario, a player or a database file anyone
 * could have edited: team and participant names, signal texts, facilitator
 * notes. Each is sanitised (no control, bidi or zero-width characters:
 * text_sanitize) and then escaped for its format.
 */
#include "saves/report_int.h"

#include <stdlib.h>
#include <string.h>

char *rep_clean(const char *s)
{
    char *c = text_sanitize(s ? s : "", "\n\t\r");
    if (!c)
        return NULL;
    /* A line break inside a table cell or a CSV row would split it. */
    for (char *p = c; *p; p++)
        if (*p == '\n' || *p == '\t' || *p == '\r')
            *p = ' ';
    return c;
}

void md_put(sbuf *out, const char *s)
{
    char *c = rep_clean(s);
    if (!c) {
        out->oom = true;
        return;
    }
    const char *p = c;
    while (*p == ' ')
        p++;   /* leading spaces could start a code block */
    /* A leading "-", "+" or "1." would start a list, "=" underline a
     * heading: escape the marker. */
    if (*p == '-' || *p == '+' || *p == '=') {
        sb_putc(out, '\\');
    } else if (*p >= '0' && *p <= '9') {
        const char *q = p;
        while (*q >= '0' && *q <= '9')
            q++;
        if (*q == '.' || *q == ')') {
            sb_add(out, p, (size_t)(q - p));
            sb_putc(out, '\\');
            p = q;
        }
    }
    for (; *p; p++) {
        /* Everything that can open emphasis, code, a link, an image, raw
         * HTML, an entity, a table cell or a heading. CommonMark allows a
         * backslash before any ASCII punctuation, so over-escaping is safe. */
        if (strchr("\\`*_[]<>|#&~!$^{}", *p))
            sb_putc(out, '\\');
        sb_putc(out, *p);
    }
    free(c);
}

void csv_put(sbuf *out, const char *s)
{
    char *c = rep_clean(s);
    if (!c) {
        out->oom = true;
        return;
    }
    bool formula = c[0] == '=' || c[0] == '+' || c[0] == '-' || c[0] == '@';
    bool quote = formula || strpbrk(c, ",\"\r\n;") != NULL || c[0] == ' ';
    if (quote)
        sb_putc(out, '"');
    if (formula)
        sb_putc(out, '\'');
    for (const char *p = c; *p; p++) {
        if (*p == '"')
            sb_putc(out, '"');
        sb_putc(out, *p);
    }
    if (quote)
        sb_putc(out, '"');
    free(c);
}

void json_put(sbuf *out, const char *s)
{
    if (!s) {
        sb_puts(out, "null");
        return;
    }
    char *c = rep_clean(s);
    if (!c) {
        out->oom = true;
        return;
    }
    sb_json_str(out, c);
    free(c);
}
