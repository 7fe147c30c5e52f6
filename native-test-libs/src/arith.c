#include "arith.h"

int it_add(int a, int b) { return a + b; }
int64_t it_add_int64(int64_t a, int64_t b) { return a + b; }
float it_add_float(float a, float b) { return a + b; }
double it_add_double(double a, double b) { return a + b; }
int it_sub(int a, int b) { return a - b; }
int it_mul(int a, int b) { return a * b; }
int it_div_or_zero(int a, int b) { return b == 0 ? 0 : a / b; }
void it_noop(void) {}

double it_mix_int_double(int32_t a, double b) { return a + b; }
double it_mix4(int8_t a, float b, int64_t c, double d) { return a + (double)b + (double)c + d; }

int64_t it_sum10_ints(int32_t a0, int32_t a1, int32_t a2, int32_t a3, int32_t a4,
                      int32_t a5, int32_t a6, int32_t a7, int32_t a8, int32_t a9) {
    return (int64_t)a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9;
}

double it_sum10_doubles(double a0, double a1, double a2, double a3, double a4,
                        double a5, double a6, double a7, double a8, double a9) {
    return a0 + 2 * a1 + 3 * a2 + 4 * a3 + 5 * a4 + 6 * a5 + 7 * a6 + 8 * a7 + 9 * a8
           + 10 * a9;
}

double it_sum16_interleaved(int64_t i0, double d0, int64_t i1, double d1,
                            int64_t i2, double d2, int64_t i3, double d3,
                            int64_t i4, double d4, int64_t i5, double d5,
                            int64_t i6, double d6, int64_t i7, double d7) {
    double ints = (double)(i0 + 2 * i1 + 3 * i2 + 4 * i3 + 5 * i4 + 6 * i5 + 7 * i6 + 8 * i7);
    double dbls = d0 + 2 * d1 + 3 * d2 + 4 * d3 + 5 * d4 + 6 * d5 + 7 * d6 + 8 * d7;
    return ints + 100 * dbls;
}

int64_t it_sum_narrow_stack(int64_t r0, int64_t r1, int64_t r2, int64_t r3, int64_t r4,
                            int64_t r5, int8_t s0, uint8_t s1, int16_t s2, uint16_t s3,
                            float f, int32_t s4) {
    return r0 + r1 + r2 + r3 + r4 + r5 + s0 + s1 + s2 + s3 + (int64_t)f + s4;
}
