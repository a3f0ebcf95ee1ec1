/*
 * nfc.h - Unicode normalisation form C for scenario and player text.
 *
 * Vietnamese can be typed precomposed ("ế", U+1EBF) or decomposed ("ê" +
 * U+0301, or "e" + U+0302 + U+0301); they must compare, hash and display
 * the same. text_nfc returns the NFC form for characters within the scope
 * of nfc_data.h (Latin including all of Vietnamese, Greek, Cyrillic: bases
 * with combining marks U+0300-U+036F); other characters pass unchanged.
 */
#ifndef IRDRILL_NFC_H
#define IRDRILL_NFC_H

#include <stddef.h>

/* A new NUL-terminated string: the NFC form of n bytes of valid UTF-8 at
 * s. NULL on OOM. *outlen (if not NULL) receives its length. */
char *text_nfc(const char *s, size_t n, size_t *outlen);

#endif
