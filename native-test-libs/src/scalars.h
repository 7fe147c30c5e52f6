/* Scalar round trips: each it_id_* returns its argument unchanged, so a binding that
 * gets a C type's width, signedness or register class wrong sees a different value. */
#ifndef ISTHMUS_TEST_SCALARS_H
#define ISTHMUS_TEST_SCALARS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <complex.h>

int8_t it_id_int8(int8_t v);
int16_t it_id_int16(int16_t v);
int32_t it_id_int32(int32_t v);
int64_t it_id_int64(int64_t v);
uint8_t it_id_uint8(uint8_t v);
uint16_t it_id_uint16(uint16_t v);
uint32_t it_id_uint32(uint32_t v);
uint64_t it_id_uint64(uint64_t v);

char it_id_char(char v);
signed char it_id_schar(signed char v);
unsigned char it_id_uchar(unsigned char v);
short it_id_short(short v);
unsigned short it_id_ushort(unsigned short v);
int it_id_int(int v);
unsigned int it_id_uint(unsigned int v);
long it_id_long(long v);
unsigned long it_id_ulong(unsigned long v);
long long it_id_llong(long long v);
unsigned long long it_id_ullong(unsigned long long v);

float it_id_float(float v);
double it_id_double(double v);
long double it_id_ldouble(long double v);
bool it_id_bool(bool v);
size_t it_id_size(size_t v);
ptrdiff_t it_id_ptrdiff(ptrdiff_t v);
intptr_t it_id_intptr(intptr_t v);
uintptr_t it_id_uintptr(uintptr_t v);
void *it_id_ptr(void *v);
float _Complex it_id_fcomplex(float _Complex v);
double _Complex it_id_dcomplex(double _Complex v);

/* Narrow results the callee computes itself: the caller must sign- or zero-extend
 * from the declared width (the upper bits of the return register are unspecified). */
int8_t it_int8_plus_one(int8_t v);      /* 127 -> -128 */
uint8_t it_uint8_plus_one(uint8_t v);   /* 255 -> 0 */
int16_t it_int16_negate(int16_t v);
uint16_t it_uint16_not(uint16_t v);
int32_t it_widen_int8(int8_t v);        /* -1 -> -1 */
uint32_t it_widen_uint8(uint8_t v);     /* 0xff -> 255 */
bool it_bool_not(bool v);
bool it_is_positive(int32_t v);

/* Extremes, so a test does not have to spell them in its host language. */
int64_t it_int64_min(void);
uint64_t it_uint64_max(void);
float it_float_nan(void);
double it_double_inf(void);
double it_double_neg_zero(void);

/* Long double: it_ldouble_to_double lets a test check a value it passed in. */
double it_ldouble_to_double(long double v);
long double it_ldouble_from_double(double v);
size_t it_sizeof_ldouble(void);

/* Complex parts, so a test can check a complex by its real and imaginary parts. */
float it_fcomplex_real(float _Complex v);
float it_fcomplex_imag(float _Complex v);
double it_dcomplex_real(double _Complex v);
double it_dcomplex_imag(double _Complex v);
double _Complex it_dcomplex_make(double re, double im);
double _Complex it_dcomplex_mul(double _Complex a, double _Complex b);

#endif
