/* Small arithmetic functions: the calls benchmarks time (it_add is the canonical
 * "trivial native call") and signatures that overflow the argument registers. */
#ifndef ISTHMUS_TEST_ARITH_H
#define ISTHMUS_TEST_ARITH_H

#include <stdint.h>

/* The benchmark baseline. There is deliberately no unprefixed add(): every export
 * of this library starts with it_ so it never collides with libc or the JVM. */
int it_add(int a, int b);
int64_t it_add_int64(int64_t a, int64_t b);
float it_add_float(float a, float b);
double it_add_double(double a, double b);
int it_sub(int a, int b);
int it_mul(int a, int b);
/* Truncating division; returns 0 when b is 0 rather than trapping. */
int it_div_or_zero(int a, int b);
void it_noop(void);

/* Mixed classes: integers go to integer registers, floats to vector registers,
 * independently counted (SysV psABI 3.2.3). */
double it_mix_int_double(int32_t a, double b);
double it_mix4(int8_t a, float b, int64_t c, double d);

/* Ten integers: six in registers, four on the stack (SysV). */
int64_t it_sum10_ints(int32_t a0, int32_t a1, int32_t a2, int32_t a3, int32_t a4,
                      int32_t a5, int32_t a6, int32_t a7, int32_t a8, int32_t a9);
/* Ten doubles: eight in xmm0-7, two on the stack. Returns a weighted sum
 * (a_i * (i + 1)) so swapped arguments are detected. */
double it_sum10_doubles(double a0, double a1, double a2, double a3, double a4,
                        double a5, double a6, double a7, double a8, double a9);
/* Sixteen arguments alternating int64 and double: both register files overflow. */
double it_sum16_interleaved(int64_t i0, double d0, int64_t i1, double d1,
                            int64_t i2, double d2, int64_t i3, double d3,
                            int64_t i4, double d4, int64_t i5, double d5,
                            int64_t i6, double d6, int64_t i7, double d7);
/* Narrow types on the stack: each stack slot is 8 bytes, the value in its low part. */
int64_t it_sum_narrow_stack(int64_t r0, int64_t r1, int64_t r2, int64_t r3, int64_t r4,
                            int64_t r5, int8_t s0, uint8_t s1, int16_t s2, uint16_t s3,
                            float f, int32_t s4);

#endif
