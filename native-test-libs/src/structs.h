/* Structs passed and returned by value, one per SysV x86-64 classification
 * (psABI 3.2.3), plus the same data by pointer. Names say the class:
 *   it_i2  {int32,int32}        8 bytes, INTEGER          -> rax / rdi
 *   it_l2  {int64,int64}       16 bytes, INTEGER INTEGER  -> rax:rdx
 *   it_f2  {float,float}        8 bytes, SSE              -> xmm0 (both floats packed)
 *   it_d2  {double,double}     16 bytes, SSE SSE          -> xmm0:xmm1
 *   it_f4  {float[4]}          16 bytes, SSE SSE          -> xmm0:xmm1
 *   it_ld  {int64,double}      16 bytes, INTEGER SSE      -> rax:xmm0
 *   it_dl  {double,int32}      16 bytes, SSE INTEGER      -> xmm0:rax
 *   it_fi  {float,int32}        8 bytes, INTEGER (one eightbyte, INTEGER wins)
 *   it_big {int64 x3,double}   32 bytes, MEMORY           -> hidden pointer in rdi
 *   it_named {int32,char[12]}  16 bytes, INTEGER INTEGER, array inside
 *   it_tiny1 {uint8}            1 byte,  INTEGER
 *   it_tiny3 {uint8 x3}         3 bytes, INTEGER (odd size: no 4-byte load is exact)
 *   it_padded {char,int64,short} 24 bytes, MEMORY, 7+6 padding bytes
 *   it_pad12 {char,int32,short} 12 bytes, INTEGER INTEGER, padding inside
 * Every it_make_* builds one, it_sum_* reads one by value, it_sum_*_ptr by pointer,
 * and the modifying functions return or write a changed copy. */
#ifndef ISTHMUS_TEST_STRUCTS_H
#define ISTHMUS_TEST_STRUCTS_H

#include <stddef.h>
#include <stdint.h>

struct it_i2 { int32_t a; int32_t b; };
struct it_l2 { int64_t a; int64_t b; };
struct it_f2 { float x; float y; };
struct it_d2 { double x; double y; };
struct it_f4 { float v[4]; };
struct it_ld { int64_t l; double d; };
struct it_dl { double d; int32_t i; };
struct it_fi { float f; int32_t i; };
struct it_big { int64_t a; int64_t b; int64_t c; double d; };
struct it_named { int32_t id; char name[12]; };
struct it_tiny1 { uint8_t a; };
struct it_tiny3 { uint8_t a; uint8_t b; uint8_t c; };
struct it_padded { char c; int64_t l; short s; };
struct it_pad12 { char c; int32_t i; short s; };

struct it_i2 it_make_i2(int32_t a, int32_t b);
int64_t it_sum_i2(struct it_i2 s);
int64_t it_sum_i2_ptr(const struct it_i2 *s);
struct it_i2 it_swap_i2(struct it_i2 s);

struct it_l2 it_make_l2(int64_t a, int64_t b);
int64_t it_sum_l2(struct it_l2 s);
int64_t it_sum_l2_ptr(const struct it_l2 *s);
struct it_l2 it_negate_l2(struct it_l2 s);

struct it_f2 it_make_f2(float x, float y);
float it_sum_f2(struct it_f2 s);
float it_sum_f2_ptr(const struct it_f2 *s);
struct it_f2 it_scale_f2(struct it_f2 s, float k);

struct it_d2 it_make_d2(double x, double y);
double it_sum_d2(struct it_d2 s);
double it_sum_d2_ptr(const struct it_d2 *s);
struct it_d2 it_scale_d2(struct it_d2 s, double k);
/* Five it_d2 by value need ten vector registers: the last ones go on the stack,
 * whole (a struct is never split between registers and stack). */
double it_sum5_d2(struct it_d2 a, struct it_d2 b, struct it_d2 c, struct it_d2 d,
                  struct it_d2 e);

struct it_f4 it_make_f4(float a, float b, float c, float d);
float it_sum_f4(struct it_f4 s);
float it_sum_f4_ptr(const struct it_f4 *s);
struct it_f4 it_reverse_f4(struct it_f4 s);

struct it_ld it_make_ld(int64_t l, double d);
double it_sum_ld(struct it_ld s);
double it_sum_ld_ptr(const struct it_ld *s);
struct it_ld it_bump_ld(struct it_ld s);     /* l + 1, d * 2 */

struct it_dl it_make_dl(double d, int32_t i);
double it_sum_dl(struct it_dl s);
struct it_dl it_bump_dl(struct it_dl s);     /* d * 2, i + 1 */

struct it_fi it_make_fi(float f, int32_t i);
double it_sum_fi(struct it_fi s);
struct it_fi it_bump_fi(struct it_fi s);     /* f * 2, i + 1 */

struct it_big it_make_big(int64_t a, int64_t b, int64_t c, double d);
double it_sum_big(struct it_big s);
double it_sum_big_ptr(const struct it_big *s);
struct it_big it_double_big(struct it_big s); /* every field times 2 */
/* A MEMORY struct after six integer arguments: all of it on the stack. */
double it_sum_big_after6(int64_t r0, int64_t r1, int64_t r2, int64_t r3, int64_t r4,
                         int64_t r5, struct it_big s);

/* name is copied and always NUL-terminated (truncated to 11 characters). */
struct it_named it_make_named(int32_t id, const char *name);
/* Sum of id and the bytes of name up to its NUL, so both eightbytes matter. */
int64_t it_checksum_named(struct it_named s);
size_t it_named_length(const struct it_named *s);

struct it_tiny1 it_make_tiny1(uint8_t a);
uint32_t it_sum_tiny1(struct it_tiny1 s);
struct it_tiny1 it_inc_tiny1(struct it_tiny1 s);

struct it_tiny3 it_make_tiny3(uint8_t a, uint8_t b, uint8_t c);
/* a + 256*b + 65536*c: a wrong byte order or a lost byte changes the result. */
uint32_t it_pack_tiny3(struct it_tiny3 s);
struct it_tiny3 it_rotate_tiny3(struct it_tiny3 s); /* (a,b,c) -> (b,c,a) */

struct it_padded it_make_padded(char c, int64_t l, short s);
int64_t it_sum_padded(struct it_padded s);
int64_t it_sum_padded_ptr(const struct it_padded *s);
struct it_padded it_bump_padded(struct it_padded s); /* each field + 1 */

struct it_pad12 it_make_pad12(char c, int32_t i, short s);
int64_t it_sum_pad12(struct it_pad12 s);
struct it_pad12 it_bump_pad12(struct it_pad12 s);   /* each field + 1 */

/* Writes through the pointer: the caller's memory must show the change. */
void it_fill_i2(struct it_i2 *out, int32_t a, int32_t b);
void it_fill_big(struct it_big *out, int64_t base);  /* a=base, b=base+1, c=base+2, d=base+0.5 */
void it_scale_d2_inplace(struct it_d2 *s, double k);

#endif
