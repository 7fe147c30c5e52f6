/* Enumerations: implicit and explicit values, negative values, and values that
 * change the enum's underlying type. GCC (x86-64) picks unsigned int for an enum
 * without negative values and int otherwise while the values fit 32 bits, then
 * unsigned long or long: enumerators outside int's range are a GNU extension
 * (C11 6.7.2.2p2 requires int-range values). Each comment gives GCC's choice; the
 * self-test checks them with _Generic. */
#ifndef ISTHMUS_TEST_ENUMS_H
#define ISTHMUS_TEST_ENUMS_H

#include <stddef.h>
#include <stdint.h>

/* 0, 5, 6; unsigned int */
enum it_color { IT_RED, IT_GREEN = 5, IT_BLUE };
/* int */
enum it_sign {
    IT_NEGATIVE = -1, IT_ZERO = 0, IT_POSITIVE = 1, IT_MOST_NEGATIVE = -2147483647 - 1
};
/* unsigned int */
enum it_flags {
    IT_FLAG_A = 1 << 0, IT_FLAG_B = 1 << 1, IT_FLAG_C = 1 << 2, IT_FLAG_HIGH = 1 << 30
};
/* unsigned int */
enum it_big_unsigned { IT_BIG_SMALL = 1, IT_BIG_MAX = 0xFFFFFFFFu };
/* unsigned long */
enum it_wide { IT_WIDE_ONE = 1, IT_WIDE_HUGE = 0x100000000LL };
/* long */
enum it_wide_negative { IT_WN_MIN = -0x100000000LL, IT_WN_ONE = 1 };

enum it_color it_color_next(enum it_color c);     /* RED -> GREEN -> BLUE -> RED */
const char *it_color_name(enum it_color c);       /* "red", "green", "blue", or "?" */
enum it_sign it_sign_of(int64_t v);
int32_t it_sign_value(enum it_sign s);
enum it_flags it_flags_combine(enum it_flags a, enum it_flags b);
uint32_t it_big_unsigned_value(enum it_big_unsigned e);
enum it_big_unsigned it_big_unsigned_max(void);
enum it_wide it_wide_huge(void);
int64_t it_wide_value(enum it_wide e);
enum it_wide_negative it_wide_negative_min(void);
size_t it_sizeof_enum_color(void);
size_t it_sizeof_enum_wide(void);

#endif
