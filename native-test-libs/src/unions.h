/* Unions by value and by pointer. A union's eightbytes are classified by merging its
 * members' classes (SysV psABI 3.2.3 step 4):
 *   it_num   {int32 | float | uint8[4]}    4 bytes, INTEGER (INTEGER beats SSE)
 *   it_dbits {double | uint64}             8 bytes, INTEGER
 *   it_fpair {float[2] | double}           8 bytes, SSE (all members SSE)
 *   it_triple {double[3] | int64}         24 bytes, MEMORY
 *   it_tagged: a struct holding a tag and a union, the usual variant encoding. */
#ifndef ISTHMUS_TEST_UNIONS_H
#define ISTHMUS_TEST_UNIONS_H

#include <stdint.h>

union it_num { int32_t i; float f; uint8_t bytes[4]; };
union it_dbits { double d; uint64_t bits; };
union it_fpair { float f[2]; double d; };
union it_triple { double d[3]; int64_t l; };

enum it_tag { IT_TAG_INT = 1, IT_TAG_DOUBLE = 2, IT_TAG_PAIR = 3 };
struct it_tagged {
    enum it_tag tag;
    union { int64_t i; double d; struct { int32_t a; int32_t b; } pair; } as;
};

union it_num it_num_from_float(float f);
union it_num it_num_from_int(int32_t i);
int32_t it_num_bits(union it_num u);          /* reads .i whatever was written */
float it_num_as_float(union it_num u);
uint8_t it_num_byte(const union it_num *u, int32_t index);
void it_num_set_int(union it_num *u, int32_t i);

uint64_t it_double_bits(double d);             /* via it_dbits */
union it_dbits it_dbits_from_bits(uint64_t bits);
double it_dbits_as_double(union it_dbits u);

union it_fpair it_fpair_make(float a, float b);
float it_fpair_sum(union it_fpair u);

union it_triple it_triple_make(double a, double b, double c);
double it_triple_sum(union it_triple u);
void it_triple_set_long(union it_triple *u, int64_t l);
int64_t it_triple_get_long(const union it_triple *u);

struct it_tagged it_tagged_int(int64_t i);
struct it_tagged it_tagged_double(double d);
struct it_tagged it_tagged_pair(int32_t a, int32_t b);
/* The value as a double: i, d, or a + b; NaN for an unknown tag. */
double it_tagged_value(const struct it_tagged *t);

#endif
