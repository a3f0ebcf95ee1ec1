/*
 * sbuf.h - a growable byte buffer, always NUL-terminated, and the JSON and
 * text escaping every output path shares.
 *
 * Allocation failure is sticky: once an append fails, sb->oom is set, later
 * appends do nothing, and the caller checks sb->oom once at the end.
 */
#ifndef IRDRILL_SBUF_H
#define IRDRILL_SBUF_H

#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>

typedef struct sbuf {
    char *buf;     /* NUL-terminated when len > 0 or after any append */
    size_t len, cap;
    bool oom;
} sbuf;

#define SBUF_INIT { NULL, 0, 0, false }

void sb_free(sbuf *sb);
void sb_reset(sbuf *sb);                        /* len = 0, keeps memory */
void sb_add(sbuf *sb, const char *s, size_t n);
void sb_puts(sbuf *sb, const char *s);
void sb_putc(sbuf *sb, char c);
void sb_printf(sbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The contents as a C string ("" when empty); valid until the next append. */
const char *sb_str(const sbuf *sb);
/* Hand the buffer to the caller (who frees it) and reset sb. */
char *sb_take(sbuf *sb);

/* JSON: a quoted, escaped string (NULL gives null). Invalid UTF-8 bytes are
 * replaced with U+FFFD so the output is always valid JSON. */
void sb_json_str(sbuf *sb, const char *s);
void sb_json_strn(sbuf *sb, const char *s, size_t n);
/* "key": with a leading comma unless first. */
void sb_json_key(sbuf *sb, const char *key, bool *first);

char *xstrdup(const char *s);                   /* NULL-safe; NULL on OOM */
char *xstrndup(const char *s, size_t n);

#endif
