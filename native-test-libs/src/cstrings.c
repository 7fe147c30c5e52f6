#include "cstrings.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static int32_t live_strings;

size_t it_strlen(const char *s) { return s == NULL ? 0 : strlen(s); }
int64_t it_strlen_or_neg(const char *s) { return s == NULL ? -1 : (int64_t)strlen(s); }
size_t it_strcopy(char *dst, size_t dst_capacity, const char *src) {
    size_t len = src == NULL ? 0 : strlen(src);
    if (dst != NULL && dst_capacity > 0) {
        size_t n = len < dst_capacity - 1 ? len : dst_capacity - 1;
        if (n > 0) {
            memcpy(dst, src, n);
        }
        dst[n] = '\0';
    }
    return len;
}
const char *it_static_greeting(void) { return "hello from isthmus"; }

static char *allocate_string(size_t length) {
    char *s = malloc(length + 1);
    if (s != NULL) {
        live_strings++;
    }
    return s;
}
char *it_strdup_upper(const char *s) {
    if (s == NULL) {
        return NULL;
    }
    size_t n = strlen(s);
    char *copy = allocate_string(n);
    if (copy != NULL) {
        memcpy(copy, s, n + 1);
        it_upper_inplace(copy);
    }
    return copy;
}
char *it_concat(const char *a, const char *b) {
    size_t na = it_strlen(a);
    size_t nb = it_strlen(b);
    char *s = allocate_string(na + nb);
    if (s != NULL) {
        if (na > 0) {
            memcpy(s, a, na);
        }
        if (nb > 0) {
            memcpy(s + na, b, nb);
        }
        s[na + nb] = '\0';
    }
    return s;
}
void it_string_free(char *s) {
    if (s != NULL) {
        live_strings--;
        free(s);
    }
}
int32_t it_live_strings(void) { return live_strings; }
char *it_upper_inplace(char *s) {
    if (s != NULL) {
        for (char *p = s; *p != '\0'; p++) {
            /* Only ASCII: toupper in the C locale, and bytes >= 0x80 untouched. */
            unsigned char c = (unsigned char)*p;
            if (c < 0x80) {
                *p = (char)toupper(c);
            }
        }
    }
    return s;
}
const char *it_null_string(void) { return NULL; }
bool it_str_equals(const char *a, const char *b) {
    if (a == NULL || b == NULL) {
        return a == b;
    }
    return strcmp(a, b) == 0;
}
size_t it_count_char(const char *s, char c) {
    size_t n = 0;
    for (; s != NULL && *s != '\0'; s++) {
        n += *s == c;
    }
    return n;
}
uint8_t it_byte_at(const char *s, size_t index) { return (uint8_t)s[index]; }
