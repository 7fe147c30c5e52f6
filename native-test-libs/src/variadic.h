/* Variadic functions. A caller passes the variadic part with the default argument
 * promotions (C11 6.5.2.2p7: float -> double, char/short -> int) and, on SysV x86-64,
 * sets al to an upper bound on the number of vector registers used (psABI 3.5.7). */
#ifndef ISTHMUS_TEST_VARIADIC_H
#define ISTHMUS_TEST_VARIADIC_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* Sum of count int arguments. */
int64_t it_sum_ints(int count, ...);
/* Sum of count double arguments (float arguments arrive promoted to double). */
double it_sum_doubles(int count, ...);
/* Sum of count long long arguments. */
long long it_sum_llongs(int count, ...);
/* Reads one argument per letter of types: 'i' int, 'l' long, 'q' long long,
 * 'd' double, 's' const char * (adds its length), 'p' pointer (adds 1 if non-NULL);
 * returns the sum as a double, or NaN on an unknown letter. */
double it_sum_typed(const char *types, ...);
/* A small printf into dst (capacity dst_capacity, always NUL-terminated when
 * dst_capacity > 0): %d %i %ld %lld %u %lu %llu %x %lx %llx %f %s %c %p %%.
 * %f may carry a precision (%.2f, at most 60); %s with NULL prints "(null)".
 * Returns the length of the full output, like snprintf, or -1 on an unsupported
 * conversion. */
int it_format(char *dst, size_t dst_capacity, const char *format, ...);
int it_vformat(char *dst, size_t dst_capacity, const char *format, va_list args);

#endif
