#include "scalars.h"

#include <math.h>
#include <string.h>

int8_t it_id_int8(int8_t v) { return v; }
int16_t it_id_int16(int16_t v) { return v; }
int32_t it_id_int32(int32_t v) { return v; }
int64_t it_id_int64(int64_t v) { return v; }
uint8_t it_id_uint8(uint8_t v) { return v; }
uint16_t it_id_uint16(uint16_t v) { return v; }
uint32_t it_id_uint32(uint32_t v) { return v; }
uint64_t it_id_uint64(uint64_t v) { return v; }

char it_id_char(char v) { return v; }
signed char it_id_schar(signed char v) { return v; }
unsigned char it_id_uchar(unsigned char v) { return v; }
short it_id_short(short v) { return v; }
unsigned short it_id_ushort(unsigned short v) { return v; }
int it_id_int(int v) { return v; }
unsigned int it_id_uint(unsigned int v) { return v; }
long it_id_long(long v) { return v; }
unsigned long it_id_ulong(unsigned long v) { return v; }
long long it_id_llong(long long v) { return v; }
unsigned long long it_id_ullong(unsigned long long v) { return v; }

float it_id_float(float v) { return v; }
double it_id_double(double v) { return v; }
long double it_id_ldouble(long double v) { return v; }
bool it_id_bool(bool v) { return v; }
size_t it_id_size(size_t v) { return v; }
ptrdiff_t it_id_ptrdiff(ptrdiff_t v) { return v; }
intptr_t it_id_intptr(intptr_t v) { return v; }
uintptr_t it_id_uintptr(uintptr_t v) { return v; }
void *it_id_ptr(void *v) { return v; }
float _Complex it_id_fcomplex(float _Complex v) { return v; }
double _Complex it_id_dcomplex(double _Complex v) { return v; }

/* Arithmetic in a wider type and a cast back: the wrap is implementation-defined
 * conversion (C11 6.3.1.3p3), which GCC defines as modulo 2^N. */
int8_t it_int8_plus_one(int8_t v) { return (int8_t)(v + 1); }
uint8_t it_uint8_plus_one(uint8_t v) { return (uint8_t)(v + 1); }
int16_t it_int16_negate(int16_t v) { return (int16_t)-v; }
uint16_t it_uint16_not(uint16_t v) { return (uint16_t)~v; }
int32_t it_widen_int8(int8_t v) { return v; }
uint32_t it_widen_uint8(uint8_t v) { return v; }
bool it_bool_not(bool v) { return !v; }
bool it_is_positive(int32_t v) { return v > 0; }

int64_t it_int64_min(void) { return INT64_MIN; }
uint64_t it_uint64_max(void) { return UINT64_MAX; }
float it_float_nan(void) { return NAN; }
double it_double_inf(void) { return INFINITY; }
double it_double_neg_zero(void) { return -0.0; }

double it_ldouble_to_double(long double v) { return (double)v; }
long double it_ldouble_from_double(double v) { return v; }
size_t it_sizeof_ldouble(void) { return sizeof(long double); }

float it_fcomplex_real(float _Complex v) { return crealf(v); }
float it_fcomplex_imag(float _Complex v) { return cimagf(v); }
double it_dcomplex_real(double _Complex v) { return creal(v); }
double it_dcomplex_imag(double _Complex v) { return cimag(v); }
double _Complex it_dcomplex_make(double re, double im) {
    /* Not CMPLX: glibc hides it from clang. A complex has the representation of a
     * two-element array of its real type, real part first (C11 6.2.5p13). */
    double parts[2] = {re, im};
    double _Complex z;
    memcpy(&z, parts, sizeof z);
    return z;
}
double _Complex it_dcomplex_mul(double _Complex a, double _Complex b) { return a * b; }
