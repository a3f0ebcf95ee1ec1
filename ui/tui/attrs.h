/*
 * attrs.h - reading the small JSON objects events carry in attrs.
 *
 * The engine writes attrs as flat objects (strings, numbers, booleans,
 * arrays of strings) in canonical form; the view model needs a few of
 * their values. This reader accepts any valid JSON and never reads past
 * the terminating NUL of a malformed one: a missing or malformed key is
 * simply absent.
 */
#ifndef IRDRILL_TUI_ATTRS_H
#define IRDRILL_TUI_ATTRS_H

#include <stdbool.h>
#include <stdint.h>

/* The value of key at the top level of the object js (NULL, or not an
 * object: absent), unescaped, in a new string; arrays of strings are
 * joined with commas. NULL when absent, not a string or array, or OOM. */
char *attrs_str(const char *js, const char *key);

/* A number or boolean (true 1, false 0); def when absent or another type. */
int64_t attrs_int(const char *js, const char *key, int64_t def);

#endif
