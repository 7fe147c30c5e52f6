/* C strings: NUL-terminated char arrays in every ownership arrangement an FFI meets.
 * (Named cstrings, not strings, so this header never shadows POSIX <strings.h>.) */
#ifndef ISTHMUS_TEST_CSTRINGS_H
#define ISTHMUS_TEST_CSTRINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Length in bytes (not characters: UTF-8 counts each byte); 0 for NULL. */
size_t it_strlen(const char *s);
/* -1 for NULL, otherwise the length: lets a test tell NULL from "". */
int64_t it_strlen_or_neg(const char *s);
/* Copies src into dst (capacity dst_capacity bytes, always NUL-terminated when
 * dst_capacity > 0), truncating; returns strlen(src) so truncation is detectable. */
size_t it_strcopy(char *dst, size_t dst_capacity, const char *src);
/* A static string the caller must not free or modify: "hello from isthmus". */
const char *it_static_greeting(void);
/* A malloc'ed upper-case copy; NULL for NULL. Free with it_string_free. */
char *it_strdup_upper(const char *s);
/* a followed by b in a new malloc'ed string (NULL treated as ""). */
char *it_concat(const char *a, const char *b);
void it_string_free(char *s);
/* Number of strings from it_strdup_upper/it_concat not yet freed. */
int32_t it_live_strings(void);
/* Upper-cases ASCII letters in place and returns s; NULL for NULL. */
char *it_upper_inplace(char *s);
/* Always returns NULL (a char * that is NULL, for return-type conversion tests). */
const char *it_null_string(void);
/* Equal contents; two NULLs are equal, NULL and a string are not. */
bool it_str_equals(const char *a, const char *b);
size_t it_count_char(const char *s, char c);
/* Byte at index, as unsigned, so bytes >= 0x80 (UTF-8) come back positive. */
uint8_t it_byte_at(const char *s, size_t index);

#endif
