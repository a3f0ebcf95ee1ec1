/*
 * field.h - a one-line text field: what a player types into (a name, a
 * team, an indicator, a reason for points, a message).
 *
 * Keys are code points (crt.h). A printable character is appended when it
 * fits the caps; Backspace erases the last character as the player sees
 * it: a letter together with the combining marks typed after it ("ễ"
 * typed as e + U+0302 + U+0303 goes in one keypress), never a byte.
 * Control, bidi and zero-width characters are refused (cp_is_unsafe), and
 * so is a combining mark with nothing before it to combine with, so what
 * a field holds can always be drawn and recorded as it is.
 *
 * Nothing here touches the terminal or allocates: the field is a fixed
 * buffer, unit-tested on its own (tests/test_tui_text.c).
 */
#ifndef IRDRILL_TUI_FIELD_H
#define IRDRILL_TUI_FIELD_H

#include <stdbool.h>
#include <stddef.h>

#define FIELD_MAX 256

typedef struct field {
    char s[FIELD_MAX];       /* valid UTF-8, NUL-terminated */
    int max_bytes;           /* at most FIELD_MAX - 1 */
    int max_cols;            /* display columns; 0: no limit */
    char deny[8];            /* ASCII characters refused (e.g. " #") */
    bool digits;             /* only 0-9 */
} field;

/* What field_key did with a key. */
enum { FIELD_IGNORED, FIELD_CHANGED, FIELD_REFUSED };

/* An empty field of at most max_bytes bytes and max_cols columns. */
void field_init(field *f, int max_bytes, int max_cols);
/* Replace the content (cut at a character to fit the caps; unsafe
 * characters dropped). */
void field_set(field *f, const char *s);
/* Append a printable character or erase one (TK_BACKSPACE). Other keys
 * are FIELD_IGNORED, for the caller to handle (Enter, Esc, arrows); a
 * character that does not fit or is not allowed is FIELD_REFUSED. */
int field_key(field *f, int key);
/* The content with leading and trailing spaces removed, in NFC (so that
 * a name typed decomposed is recorded like one typed precomposed), into
 * out. Returns its length. */
size_t field_value(const field *f, char *out, size_t size);
bool field_blank(const field *f);

/* The UTF-8 encoding of cp into out (at least 4 bytes); its length, or 0
 * for a value that is not a Unicode scalar. */
size_t field_encode(unsigned cp, char *out);

#endif
