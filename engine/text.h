/*
 * text.h - bilingual texts and the UTF-8 rules every string obeys.
 *
 * A text has a Vietnamese and an English form; a scenario may give one
 * plain string, which then serves both. Strings that come from scenarios,
 * players or files are validated as UTF-8 when they enter, and are
 * sanitised when they leave towards a terminal or a report: C0 controls
 * (but newline and tab where the caller allows them), DEL, C1 controls and
 * the Unicode bidi and zero-width format characters are removed, so no
 * text can move the cursor, recolour the screen or reverse what is shown.
 */
#ifndef IRDRILL_TEXT_H
#define IRDRILL_TEXT_H

#include <stdbool.h>
#include <stddef.h>

typedef enum lang { LANG_EN = 0, LANG_VI = 1 } lang;

typedef struct text {
    char *vi;   /* owned; NULL when absent */
    char *en;   /* owned; NULL when absent */
} text;

/* The form in language l, falling back to the other language, then "". */
const char *text_get(const text *t, lang l);
void text_free(text *t);
int text_copy(text *dst, const text *src);      /* 0 or -1 on OOM */
bool text_empty(const text *t);

/* Parse "vi"/"en" (case-insensitive, also "vi_VN.UTF-8" style); -1 if
 * neither. */
int lang_parse(const char *s);
const char *lang_code(lang l);
/* The language the environment asks for: LC_ALL, LC_MESSAGES, LANG;
 * Vietnamese when the first set one starts with "vi", else English. */
lang lang_from_env(void);

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0 if the
 * bytes there are not valid UTF-8 (overlongs, surrogates and values past
 * U+10FFFF are invalid). */
size_t utf8_seq_len(const char *s, size_t n);
/* True when all n bytes are valid UTF-8 with no NUL byte. */
bool utf8_valid(const char *s, size_t n);
/* Decode one code point at s (valid UTF-8 assumed, see utf8_seq_len);
 * returns its length. */
size_t utf8_decode(const char *s, size_t n, unsigned *cp);

/* True for code points that must never reach a terminal: C0 (except those
 * in allow, e.g. "\n\t"), DEL, C1, bidi controls (U+061C, U+200E-U+200F,
 * U+202A-U+202E, U+2066-U+2069), zero-width and other invisible format
 * characters (U+200B-U+200D, U+2060-U+2064, U+FEFF), and U+FFF9-U+FFFB. */
bool cp_is_unsafe(unsigned cp, const char *allow);

/* Copy s into a new string without unsafe characters; invalid UTF-8 bytes
 * become U+FFFD. allow lists the ASCII controls to keep (may be NULL).
 * Returns NULL on OOM. */
char *text_sanitize(const char *s, const char *allow);

#endif
