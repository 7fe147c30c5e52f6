#include "enums.h"

enum it_color it_color_next(enum it_color c) {
    switch (c) {
    case IT_RED: return IT_GREEN;
    case IT_GREEN: return IT_BLUE;
    case IT_BLUE: return IT_RED;
    }
    return IT_RED;
}
const char *it_color_name(enum it_color c) {
    switch (c) {
    case IT_RED: return "red";
    case IT_GREEN: return "green";
    case IT_BLUE: return "blue";
    }
    return "?";
}
enum it_sign it_sign_of(int64_t v) { return v < 0 ? IT_NEGATIVE : v > 0 ? IT_POSITIVE : IT_ZERO; }
int32_t it_sign_value(enum it_sign s) { return (int32_t)s; }
enum it_flags it_flags_combine(enum it_flags a, enum it_flags b) { return (enum it_flags)(a | b); }
uint32_t it_big_unsigned_value(enum it_big_unsigned e) { return (uint32_t)e; }
enum it_big_unsigned it_big_unsigned_max(void) { return IT_BIG_MAX; }
enum it_wide it_wide_huge(void) { return IT_WIDE_HUGE; }
int64_t it_wide_value(enum it_wide e) { return (int64_t)e; }
enum it_wide_negative it_wide_negative_min(void) { return IT_WN_MIN; }
size_t it_sizeof_enum_color(void) { return sizeof(enum it_color); }
size_t it_sizeof_enum_wide(void) { return sizeof(enum it_wide); }
