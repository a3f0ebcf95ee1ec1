/*
 * cli_text.c - laying out human output in columns: the display width of
 * UTF-8 text and padding to it (see cli.h).
 *
 * The width is the terminal's, not the byte count: a Vietnamese letter
 * with its marks is one column however many bytes (or combining
 * characters) it takes, an East Asian wide character two. It does not
 * depend on the C library's locale (the command line never calls
 * setlocale), so a table lines up the same in every environment.
 */
#include "ui/cli.h"

#include <stdlib.h>
#include <string.h>

/* Combining marks (0 columns), by block: enough for Latin with every
 * Vietnamese tone mark, Greek and Cyrillic, which is what scenarios and
 * names are written in. */
static bool zero_width(unsigned cp)
{
    return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x0483 && cp <= 0x0489) ||
           (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
           (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F) ||
           cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF;
}

/* East Asian wide and fullwidth ranges (2 columns). */
static bool wide(unsigned cp)
{
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
           (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
           (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

int cli_width(const char *s)
{
    int w = 0;
    size_t n = s ? strlen(s) : 0;
    for (size_t i = 0; i < n;) {
        size_t l = utf8_seq_len(s + i, n - i);
        if (l == 0) {            /* an invalid byte is shown as one U+FFFD */
            w++;
            i++;
            continue;
        }
        unsigned cp;
        utf8_decode(s + i, l, &cp);
        w += zero_width(cp) ? 0 : wide(cp) ? 2 : 1;
        i += l;
    }
    return w;
}

void cli_pad(FILE *f, const char *s, int width)
{
    char *clean = text_sanitize(s ? s : "", NULL);
    const char *t = clean ? clean : "?";
    fputs(t, f);
    for (int w = cli_width(t); w < width; w++)
        fputc(' ', f);
    free(clean);
}
