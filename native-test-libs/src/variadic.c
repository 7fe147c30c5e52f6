#include "variadic.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

int64_t it_sum_ints(int count, ...) {
    va_list args;
    va_start(args, count);
    int64_t sum = 0;
    for (int i = 0; i < count; i++) {
        sum += va_arg(args, int);
    }
    va_end(args);
    return sum;
}

double it_sum_doubles(int count, ...) {
    va_list args;
    va_start(args, count);
    double sum = 0;
    for (int i = 0; i < count; i++) {
        sum += va_arg(args, double);
    }
    va_end(args);
    return sum;
}

long long it_sum_llongs(int count, ...) {
    va_list args;
    va_start(args, count);
    long long sum = 0;
    for (int i = 0; i < count; i++) {
        sum += va_arg(args, long long);
    }
    va_end(args);
    return sum;
}

double it_sum_typed(const char *types, ...) {
    va_list args;
    va_start(args, types);
    double sum = 0;
    for (const char *t = types; *t != '\0'; t++) {
        switch (*t) {
        case 'i': sum += va_arg(args, int); break;
        case 'l': sum += (double)va_arg(args, long); break;
        case 'q': sum += (double)va_arg(args, long long); break;
        case 'd': sum += va_arg(args, double); break;
        case 's': {
            const char *s = va_arg(args, const char *);
            sum += s == NULL ? 0 : (double)strlen(s);
            break;
        }
        case 'p': sum += va_arg(args, void *) != NULL; break;
        default:
            va_end(args);
            return NAN;
        }
    }
    va_end(args);
    return sum;
}

int it_format(char *dst, size_t dst_capacity, const char *format, ...) {
    va_list args;
    va_start(args, format);
    int n = it_vformat(dst, dst_capacity, format, args);
    va_end(args);
    return n;
}

/* Appends text to dst as far as capacity allows, counting the full length in *length. */
static void append(char *dst, size_t dst_capacity, size_t *length, const char *text, size_t n) {
    if (dst != NULL && *length + 1 < dst_capacity) {
        size_t room = dst_capacity - 1 - *length;
        memcpy(dst + *length, text, n < room ? n : room);
    }
    *length += n;
}

/* The conversions are parsed here and each one rendered by snprintf: the point is
 * reading the variadic arguments by the right type, not reimplementing float output. */
int it_vformat(char *dst, size_t dst_capacity, const char *format, va_list args) {
    size_t length = 0;
    /* Large enough for any conversion below: %f of DBL_MAX is 309 digits plus the
     * precision, which is capped at 60. */
    char piece[400];
    for (const char *f = format; *f != '\0'; f++) {
        if (*f != '%') {
            append(dst, dst_capacity, &length, f, 1);
            continue;
        }
        f++;
        int precision = -1;
        if (*f == '.') {
            precision = 0;
            for (f++; *f >= '0' && *f <= '9'; f++) {
                precision = precision * 10 + (*f - '0');
                precision = precision > 60 ? 60 : precision;
            }
        }
        int longs = 0;
        while (*f == 'l' && longs < 2) {
            longs++;
            f++;
        }
        int n;
        switch (*f) {
        case 'd':
        case 'i':
            n = longs == 0   ? snprintf(piece, sizeof piece, "%d", va_arg(args, int))
                : longs == 1 ? snprintf(piece, sizeof piece, "%ld", va_arg(args, long))
                             : snprintf(piece, sizeof piece, "%lld", va_arg(args, long long));
            break;
        case 'u':
            n = longs == 0   ? snprintf(piece, sizeof piece, "%u", va_arg(args, unsigned))
                : longs == 1 ? snprintf(piece, sizeof piece, "%lu", va_arg(args, unsigned long))
                             : snprintf(piece, sizeof piece, "%llu",
                                        va_arg(args, unsigned long long));
            break;
        case 'x':
            n = longs == 0 ? snprintf(piece, sizeof piece, "%x", va_arg(args, unsigned))
                           : snprintf(piece, sizeof piece, "%llx",
                                      longs == 1 ? (unsigned long long)va_arg(args, unsigned long)
                                                 : va_arg(args, unsigned long long));
            break;
        case 'f':
            n = snprintf(piece, sizeof piece, "%.*f", precision < 0 ? 6 : precision,
                         va_arg(args, double));
            break;
        case 'c':
            n = snprintf(piece, sizeof piece, "%c", va_arg(args, int));
            break;
        case 'p':
            n = snprintf(piece, sizeof piece, "%p", va_arg(args, void *));
            break;
        case '%':
            n = snprintf(piece, sizeof piece, "%%");
            break;
        case 's': {
            const char *s = va_arg(args, const char *);
            if (s == NULL) {
                s = "(null)";
            }
            append(dst, dst_capacity, &length, s, strlen(s));
            continue;
        }
        default:
            if (dst != NULL && dst_capacity > 0) {
                dst[0] = '\0';
            }
            return -1;
        }
        append(dst, dst_capacity, &length, piece, (size_t)n);
    }
    if (dst != NULL && dst_capacity > 0) {
        dst[length < dst_capacity ? length : dst_capacity - 1] = '\0';
    }
    return (int)length;
}
