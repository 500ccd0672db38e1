/* UTF-8 and Unicode helpers: decoding, NFC, display width, sanitising for the
 * terminal. Normalisation and character properties come from utf8proc. */
#ifndef CCHC_UTF8_H
#define CCHC_UTF8_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes one code point from s (n bytes available). Returns its length in
 * bytes (1-4), or 0 when the bytes are not valid UTF-8. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Encodes cp into out (at least 4 bytes); returns the length. */
size_t utf8_encode(uint32_t cp, char *out);
/* True when all n bytes are valid UTF-8; otherwise *bad_off is the offset of
 * the first bad byte. */
bool utf8_valid(const char *s, size_t n, size_t *bad_off);

/* NFC form of s, malloc'd; NULL when s is not valid UTF-8. */
char *text_nfc(const char *s);

/* Display columns of one code point: 0 for combining marks and controls, 2 for
 * wide (CJK) characters, 1 otherwise. */
int text_cp_width(uint32_t cp);
/* Display columns of a whole string. */
int text_width(const char *s);
/* Length in bytes of the longest prefix of s that fits in cols columns,
 * never splitting a letter from its combining marks. *used gets its width. */
size_t text_fit(const char *s, int cols, int *used);

bool text_cp_is_upper(uint32_t cp);
/* True when s has a letter and none of its letters is lower case
 * ("SỞ TƯ PHÁP", a heading in capitals). */
bool text_all_upper(const char *s);
bool text_cp_is_lower(uint32_t cp);
bool text_cp_is_letter(uint32_t cp);
bool text_cp_is_space(uint32_t cp);
/* The bidirectional controls (U+061C, U+200E, U+200F, U+202A..U+202E,
 * U+2066..U+2069): invisible, they reorder what follows ("x\u202efdp.exe"
 * reads as "xexe.pdf"); the screen shows them as U+FFFD, documents drop
 * them. */
bool text_cp_is_bidi_control(uint32_t cp);

/* Copy of s safe to draw on a terminal: control characters (C0, DEL, C1,
 * including ESC) and bidirectional overrides become U+FFFD, a tab becomes a
 * space, invalid bytes U+FFFD. */
char *text_sanitize(const char *s);

/* True when s holds nothing but white space. */
bool text_is_blank(const char *s, size_t n);
/* Malloc'd copy of s with white space runs folded to one space and trimmed. */
char *text_squeeze(const char *s);
/* Upper case, letter by letter ("Sở Công Thương" -> "SỞ CÔNG THƯƠNG"); malloc'd. */
char *text_upper(const char *s);
/* s in lower case; s with its first letter in upper case (malloc'd). */
char *text_lower(const char *s);
char *text_capitalize(const char *s);

#endif
