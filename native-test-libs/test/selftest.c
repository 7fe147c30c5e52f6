/* Checks every function of libisthmustest.so against what its header promises,
 * calling through the shared library exactly as an FFI would. Each failed check
 * prints the function it concerns; the exit status is non-zero when any failed.
 * The last line is always "selftest: N passed, M failed". */
#include <complex.h>
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "isthmustest.h"

static int passed;
static int failed;

static void check(const char *function, int ok, const char *condition, int line) {
    if (ok) {
        passed++;
    } else {
        failed++;
        fprintf(stderr, "selftest: FAIL %s: %s (selftest.c:%d)\n", function, condition, line);
    }
}

/* CHECK(it_add, it_add(1, 2) == 3): the first argument names the function under test. */
#define CHECK(function, condition) check(#function, (condition) != 0, #condition, __LINE__)

/* CMPLX and CMPLXF are hidden from clang by glibc; build complex values by their
 * representation, two reals with the real part first (C11 6.2.5p13). */
static float _Complex make_fcomplex(float re, float im) {
    float parts[2] = {re, im};
    float _Complex z;
    memcpy(&z, parts, sizeof z);
    return z;
}
static double _Complex make_dcomplex(double re, double im) {
    double parts[2] = {re, im};
    double _Complex z;
    memcpy(&z, parts, sizeof z);
    return z;
}

static void test_scalars(void) {
    CHECK(it_id_int8, it_id_int8(INT8_MIN) == INT8_MIN && it_id_int8(-1) == -1);
    CHECK(it_id_int16, it_id_int16(INT16_MIN) == INT16_MIN);
    CHECK(it_id_int32, it_id_int32(INT32_MIN) == INT32_MIN);
    CHECK(it_id_int64, it_id_int64(INT64_MIN) == INT64_MIN);
    CHECK(it_id_uint8, it_id_uint8(UINT8_MAX) == UINT8_MAX);
    CHECK(it_id_uint16, it_id_uint16(UINT16_MAX) == UINT16_MAX);
    CHECK(it_id_uint32, it_id_uint32(UINT32_MAX) == UINT32_MAX);
    CHECK(it_id_uint64, it_id_uint64(UINT64_MAX) == UINT64_MAX);
    CHECK(it_id_char, it_id_char('z') == 'z');
    CHECK(it_id_schar, it_id_schar(SCHAR_MIN) == SCHAR_MIN);
    CHECK(it_id_uchar, it_id_uchar(UCHAR_MAX) == UCHAR_MAX);
    CHECK(it_id_short, it_id_short(SHRT_MIN) == SHRT_MIN);
    CHECK(it_id_ushort, it_id_ushort(USHRT_MAX) == USHRT_MAX);
    CHECK(it_id_int, it_id_int(INT_MIN) == INT_MIN);
    CHECK(it_id_uint, it_id_uint(UINT_MAX) == UINT_MAX);
    CHECK(it_id_long, it_id_long(LONG_MIN) == LONG_MIN);
    CHECK(it_id_ulong, it_id_ulong(ULONG_MAX) == ULONG_MAX);
    CHECK(it_id_llong, it_id_llong(LLONG_MIN) == LLONG_MIN);
    CHECK(it_id_ullong, it_id_ullong(ULLONG_MAX) == ULLONG_MAX);
    CHECK(it_id_float, it_id_float(-1.5f) == -1.5f && it_id_float(FLT_MAX) == FLT_MAX);
    CHECK(it_id_double, it_id_double(DBL_MIN) == DBL_MIN && it_id_double(-2.25) == -2.25);
    CHECK(it_id_ldouble, it_id_ldouble(LDBL_MAX) == LDBL_MAX);
    CHECK(it_id_bool, it_id_bool(true) == true && it_id_bool(false) == false);
    CHECK(it_id_size, it_id_size(SIZE_MAX) == SIZE_MAX);
    CHECK(it_id_ptrdiff, it_id_ptrdiff(PTRDIFF_MIN) == PTRDIFF_MIN);
    CHECK(it_id_intptr, it_id_intptr(INTPTR_MIN) == INTPTR_MIN);
    CHECK(it_id_uintptr, it_id_uintptr(UINTPTR_MAX) == UINTPTR_MAX);
    CHECK(it_id_ptr, it_id_ptr(&passed) == &passed && it_id_ptr(NULL) == NULL);
    float _Complex fc = make_fcomplex(1.5f, -2.5f);
    CHECK(it_id_fcomplex, crealf(fc) == 1.5f && cimagf(fc) == -2.5f && it_id_fcomplex(fc) == fc);
    double _Complex dc = make_dcomplex(3.25, -4.75);
    CHECK(it_id_dcomplex, it_id_dcomplex(dc) == dc);

    CHECK(it_int8_plus_one, it_int8_plus_one(127) == -128 && it_int8_plus_one(-1) == 0);
    CHECK(it_uint8_plus_one, it_uint8_plus_one(255) == 0);
    CHECK(it_int16_negate, it_int16_negate(5) == -5 && it_int16_negate(INT16_MIN) == INT16_MIN);
    CHECK(it_uint16_not, it_uint16_not(0) == 0xffff);
    CHECK(it_widen_int8, it_widen_int8(-1) == -1);
    CHECK(it_widen_uint8, it_widen_uint8(0xff) == 255);
    CHECK(it_bool_not, it_bool_not(true) == false && it_bool_not(false) == true);
    CHECK(it_is_positive, it_is_positive(3) && !it_is_positive(0) && !it_is_positive(-3));
    CHECK(it_int64_min, it_int64_min() == INT64_MIN);
    CHECK(it_uint64_max, it_uint64_max() == UINT64_MAX);
    CHECK(it_float_nan, isnan(it_float_nan()));
    CHECK(it_double_inf, isinf(it_double_inf()) && it_double_inf() > 0);
    CHECK(it_double_neg_zero, it_double_neg_zero() == 0 && signbit(it_double_neg_zero()));
    CHECK(it_ldouble_to_double, it_ldouble_to_double(2.5L) == 2.5);
    CHECK(it_ldouble_from_double, it_ldouble_from_double(-0.125) == -0.125L);
    CHECK(it_sizeof_ldouble, it_sizeof_ldouble() == sizeof(long double));
    CHECK(it_fcomplex_real, it_fcomplex_real(fc) == 1.5f);
    CHECK(it_fcomplex_imag, it_fcomplex_imag(fc) == -2.5f);
    CHECK(it_dcomplex_real, it_dcomplex_real(dc) == 3.25);
    CHECK(it_dcomplex_imag, it_dcomplex_imag(dc) == -4.75);
    double _Complex made = it_dcomplex_make(1, 2);
    CHECK(it_dcomplex_make, creal(made) == 1 && cimag(made) == 2);
    /* (1+2i)(3-i) = 3 - i + 6i - 2i^2 = 5 + 5i */
    double _Complex product = it_dcomplex_mul(make_dcomplex(1, 2), make_dcomplex(3, -1));
    CHECK(it_dcomplex_mul, creal(product) == 5 && cimag(product) == 5);
}

static void test_arith(void) {
    CHECK(it_add, it_add(2, 3) == 5 && it_add(-7, 7) == 0);
    CHECK(it_add_int64, it_add_int64(INT64_C(1) << 40, 1) == (INT64_C(1) << 40) + 1);
    CHECK(it_add_float, it_add_float(0.5f, 0.25f) == 0.75f);
    CHECK(it_add_double, it_add_double(0.5, 0.25) == 0.75);
    CHECK(it_sub, it_sub(2, 5) == -3);
    CHECK(it_mul, it_mul(-4, 6) == -24);
    CHECK(it_div_or_zero, it_div_or_zero(7, 2) == 3 && it_div_or_zero(-7, 2) == -3
                              && it_div_or_zero(1, 0) == 0);
    errno = EINTR;
    it_noop();
    CHECK(it_noop, errno == EINTR); /* returns, and touches nothing observable */
    CHECK(it_mix_int_double, it_mix_int_double(2, 0.5) == 2.5);
    CHECK(it_mix4, it_mix4(-1, 0.5f, 10, 0.25) == 9.75);
    CHECK(it_sum10_ints, it_sum10_ints(1, 2, 3, 4, 5, 6, 7, 8, 9, INT32_MAX)
                             == 45 + (int64_t)INT32_MAX);
    /* sum of (i+1)^2 * 1 for a_i = i + 1 is 385 */
    CHECK(it_sum10_doubles, it_sum10_doubles(1, 2, 3, 4, 5, 6, 7, 8, 9, 10) == 385);
    /* ints: sum (k+1)*(k+1) for k in 0..7 = 204; doubles 0.5 each: 0.5*36 = 18 -> 1800 */
    CHECK(it_sum16_interleaved, it_sum16_interleaved(1, 0.5, 2, 0.5, 3, 0.5, 4, 0.5, 5, 0.5,
                                                     6, 0.5, 7, 0.5, 8, 0.5) == 204 + 1800);
    CHECK(it_sum_narrow_stack, it_sum_narrow_stack(1, 2, 3, 4, 5, 6, -7, 200, -300, 60000,
                                                   2.75f, -100000)
                                   == 21 - 7 + 200 - 300 + 60000 + 2 - 100000);
}

static void test_structs(void) {
    struct it_i2 i2 = it_make_i2(3, -4);
    CHECK(it_make_i2, i2.a == 3 && i2.b == -4);
    CHECK(it_sum_i2, it_sum_i2(i2) == -1);
    CHECK(it_sum_i2_ptr, it_sum_i2_ptr(&i2) == -1);
    CHECK(it_swap_i2, it_swap_i2(i2).a == -4 && it_swap_i2(i2).b == 3);

    struct it_l2 l2 = it_make_l2(INT64_C(1) << 40, -5);
    CHECK(it_make_l2, l2.a == INT64_C(1) << 40 && l2.b == -5);
    CHECK(it_sum_l2, it_sum_l2(l2) == (INT64_C(1) << 40) - 5);
    CHECK(it_sum_l2_ptr, it_sum_l2_ptr(&l2) == (INT64_C(1) << 40) - 5);
    CHECK(it_negate_l2, it_negate_l2(l2).a == -(INT64_C(1) << 40) && it_negate_l2(l2).b == 5);

    struct it_f2 f2 = it_make_f2(1.5f, 2.25f);
    CHECK(it_make_f2, f2.x == 1.5f && f2.y == 2.25f);
    CHECK(it_sum_f2, it_sum_f2(f2) == 3.75f);
    CHECK(it_sum_f2_ptr, it_sum_f2_ptr(&f2) == 3.75f);
    CHECK(it_scale_f2, it_scale_f2(f2, 2).x == 3.0f && it_scale_f2(f2, 2).y == 4.5f);

    struct it_d2 d2 = it_make_d2(0.5, -8);
    CHECK(it_make_d2, d2.x == 0.5 && d2.y == -8);
    CHECK(it_sum_d2, it_sum_d2(d2) == -7.5);
    CHECK(it_sum_d2_ptr, it_sum_d2_ptr(&d2) == -7.5);
    CHECK(it_scale_d2, it_scale_d2(d2, -2).x == -1 && it_scale_d2(d2, -2).y == 16);
    struct it_d2 one = {1, 0};
    CHECK(it_sum5_d2, it_sum5_d2(one, one, one, one, it_make_d2(0, 2)) == 1 + 2 + 3 + 4 + 10);

    struct it_f4 f4 = it_make_f4(1, 2, 3, 4.5f);
    CHECK(it_make_f4, f4.v[0] == 1 && f4.v[3] == 4.5f);
    CHECK(it_sum_f4, it_sum_f4(f4) == 10.5f);
    CHECK(it_sum_f4_ptr, it_sum_f4_ptr(&f4) == 10.5f);
    CHECK(it_reverse_f4, it_reverse_f4(f4).v[0] == 4.5f && it_reverse_f4(f4).v[3] == 1);

    struct it_ld ld = it_make_ld(-3, 0.25);
    CHECK(it_make_ld, ld.l == -3 && ld.d == 0.25);
    CHECK(it_sum_ld, it_sum_ld(ld) == -2.75);
    CHECK(it_sum_ld_ptr, it_sum_ld_ptr(&ld) == -2.75);
    CHECK(it_bump_ld, it_bump_ld(ld).l == -2 && it_bump_ld(ld).d == 0.5);

    struct it_dl dl = it_make_dl(1.25, 9);
    CHECK(it_make_dl, dl.d == 1.25 && dl.i == 9);
    CHECK(it_sum_dl, it_sum_dl(dl) == 10.25);
    CHECK(it_bump_dl, it_bump_dl(dl).d == 2.5 && it_bump_dl(dl).i == 10);

    struct it_fi fi = it_make_fi(0.75f, -2);
    CHECK(it_make_fi, fi.f == 0.75f && fi.i == -2);
    CHECK(it_sum_fi, it_sum_fi(fi) == -1.25);
    CHECK(it_bump_fi, it_bump_fi(fi).f == 1.5f && it_bump_fi(fi).i == -1);

    struct it_big big = it_make_big(1, 2, 3, 0.5);
    CHECK(it_make_big, big.a == 1 && big.b == 2 && big.c == 3 && big.d == 0.5);
    CHECK(it_sum_big, it_sum_big(big) == 6.5);
    CHECK(it_sum_big_ptr, it_sum_big_ptr(&big) == 6.5);
    struct it_big doubled = it_double_big(big);
    CHECK(it_double_big, doubled.a == 2 && doubled.b == 4 && doubled.c == 6 && doubled.d == 1);
    CHECK(it_sum_big_after6, it_sum_big_after6(1, 2, 3, 4, 5, 6, big) == 21 + 6500);

    struct it_named named = it_make_named(100, "abc");
    CHECK(it_make_named, named.id == 100 && strcmp(named.name, "abc") == 0);
    CHECK(it_make_named, strcmp(it_make_named(1, "0123456789abcdef").name, "0123456789a") == 0);
    CHECK(it_checksum_named, it_checksum_named(named) == 100 + 'a' + 'b' + 'c');
    CHECK(it_named_length, it_named_length(&named) == 3);

    struct it_tiny1 t1 = it_make_tiny1(200);
    CHECK(it_make_tiny1, t1.a == 200);
    CHECK(it_sum_tiny1, it_sum_tiny1(t1) == 200);
    CHECK(it_inc_tiny1, it_inc_tiny1(t1).a == 201 && it_inc_tiny1(it_make_tiny1(255)).a == 0);

    struct it_tiny3 t3 = it_make_tiny3(1, 2, 3);
    CHECK(it_make_tiny3, t3.a == 1 && t3.b == 2 && t3.c == 3);
    CHECK(it_pack_tiny3, it_pack_tiny3(t3) == 1 + 512 + 196608);
    struct it_tiny3 rotated = it_rotate_tiny3(t3);
    CHECK(it_rotate_tiny3, rotated.a == 2 && rotated.b == 3 && rotated.c == 1);

    struct it_padded padded = it_make_padded('A', -1000, 7);
    CHECK(it_make_padded, padded.c == 'A' && padded.l == -1000 && padded.s == 7);
    CHECK(it_sum_padded, it_sum_padded(padded) == 'A' - 1000 + 7);
    CHECK(it_sum_padded_ptr, it_sum_padded_ptr(&padded) == 'A' - 1000 + 7);
    struct it_padded bumped = it_bump_padded(padded);
    CHECK(it_bump_padded, bumped.c == 'B' && bumped.l == -999 && bumped.s == 8);

    struct it_pad12 pad12 = it_make_pad12('x', 1 << 20, -2);
    CHECK(it_make_pad12, pad12.c == 'x' && pad12.i == 1 << 20 && pad12.s == -2);
    CHECK(it_sum_pad12, it_sum_pad12(pad12) == 'x' + (1 << 20) - 2);
    struct it_pad12 bumped12 = it_bump_pad12(pad12);
    CHECK(it_bump_pad12, bumped12.c == 'y' && bumped12.i == (1 << 20) + 1 && bumped12.s == -1);

    struct it_i2 filled = {0, 0};
    it_fill_i2(&filled, 11, 12);
    CHECK(it_fill_i2, filled.a == 11 && filled.b == 12);
    struct it_big filled_big;
    it_fill_big(&filled_big, 40);
    CHECK(it_fill_big, filled_big.a == 40 && filled_big.b == 41 && filled_big.c == 42
                           && filled_big.d == 40.5);
    struct it_d2 scaled = {1, -2};
    it_scale_d2_inplace(&scaled, 3);
    CHECK(it_scale_d2_inplace, scaled.x == 3 && scaled.y == -6);
}

static void test_unions(void) {
    union it_num n = it_num_from_float(1.0f);
    CHECK(it_num_from_float, n.f == 1.0f);
    CHECK(it_num_bits, it_num_bits(n) == 0x3f800000);
    CHECK(it_num_from_int, it_num_from_int(-7).i == -7);
    CHECK(it_num_as_float, it_num_as_float(it_num_from_int(0x40000000)) == 2.0f);
    union it_num bytes = it_num_from_int(0x04030201);
    CHECK(it_num_byte, it_num_byte(&bytes, 0) == 1 && it_num_byte(&bytes, 3) == 4
                           && it_num_byte(&bytes, 4) == 0 && it_num_byte(&bytes, -1) == 0);
    it_num_set_int(&bytes, 99);
    CHECK(it_num_set_int, bytes.i == 99);
    CHECK(it_double_bits, it_double_bits(1.0) == UINT64_C(0x3ff0000000000000));
    CHECK(it_dbits_from_bits, it_dbits_from_bits(UINT64_C(0x4000000000000000)).d == 2.0);
    CHECK(it_dbits_as_double, it_dbits_as_double((union it_dbits){.d = -3.5}) == -3.5);
    union it_fpair fp = it_fpair_make(1.25f, 2.5f);
    CHECK(it_fpair_make, fp.f[0] == 1.25f && fp.f[1] == 2.5f);
    CHECK(it_fpair_sum, it_fpair_sum(fp) == 3.75f);
    union it_triple triple = it_triple_make(1, 2, 3.5);
    CHECK(it_triple_make, triple.d[0] == 1 && triple.d[2] == 3.5);
    CHECK(it_triple_sum, it_triple_sum(triple) == 6.5);
    it_triple_set_long(&triple, INT64_MIN);
    CHECK(it_triple_set_long, triple.l == INT64_MIN);
    CHECK(it_triple_get_long, it_triple_get_long(&triple) == INT64_MIN);
    struct it_tagged ti = it_tagged_int(-9);
    struct it_tagged td = it_tagged_double(0.5);
    struct it_tagged tp = it_tagged_pair(3, 4);
    CHECK(it_tagged_int, ti.tag == IT_TAG_INT && ti.as.i == -9);
    CHECK(it_tagged_double, td.tag == IT_TAG_DOUBLE && td.as.d == 0.5);
    CHECK(it_tagged_pair, tp.tag == IT_TAG_PAIR && tp.as.pair.a == 3 && tp.as.pair.b == 4);
    struct it_tagged bad = {(enum it_tag)0, {.i = 1}};
    CHECK(it_tagged_value, it_tagged_value(&ti) == -9 && it_tagged_value(&td) == 0.5
                               && it_tagged_value(&tp) == 7 && isnan(it_tagged_value(&bad)));
}

static void test_bitfields(void) {
    struct it_bf bf;
    memset(&bf, 0, sizeof bf);
    it_bf_set_a(&bf, 5);
    it_bf_set_b(&bf, -16);
    it_bf_set_c(&bf, UINT64_C(0xfedcba9876));
    it_bf_set_d(&bf, -300000);
    it_bf_set_e(&bf, 127);
    it_bf_set_f(&bf, true);
    it_bf_set_g(&bf, -8);
    it_bf_set_h(&bf, 0xabc);
    /* Each value read back both through the getter and directly, so neither side
     * can be wrong alone; neighbours must be untouched. */
    CHECK(it_bf_set_a, bf.a == 5);
    CHECK(it_bf_get_a, it_bf_get_a(&bf) == 5);
    CHECK(it_bf_set_b, bf.b == -16);
    CHECK(it_bf_get_b, it_bf_get_b(&bf) == -16);
    CHECK(it_bf_set_c, bf.c == UINT64_C(0xfedcba9876));
    CHECK(it_bf_get_c, it_bf_get_c(&bf) == UINT64_C(0xfedcba9876));
    CHECK(it_bf_set_d, bf.d == -300000);
    CHECK(it_bf_get_d, it_bf_get_d(&bf) == -300000);
    CHECK(it_bf_set_e, bf.e == 127);
    CHECK(it_bf_get_e, it_bf_get_e(&bf) == 127);
    CHECK(it_bf_set_f, bf.f == true);
    CHECK(it_bf_get_f, it_bf_get_f(&bf) == true);
    CHECK(it_bf_set_g, bf.g == -8);
    CHECK(it_bf_get_g, it_bf_get_g(&bf) == -8);
    CHECK(it_bf_set_h, bf.h == 0xabc);
    CHECK(it_bf_get_h, it_bf_get_h(&bf) == 0xabc);
    it_bf_set_a(&bf, 9); /* 0b1001 truncated to 3 bits */
    it_bf_set_b(&bf, 15);
    it_bf_set_f(&bf, false);
    CHECK(it_bf_set_a, it_bf_get_a(&bf) == 1 && it_bf_get_b(&bf) == 15);
    CHECK(it_bf_set_f, !it_bf_get_f(&bf) && it_bf_get_e(&bf) == 127 && it_bf_get_g(&bf) == -8);
    CHECK(it_bf_set_b, it_bf_get_c(&bf) == UINT64_C(0xfedcba9876));
    /* Bit positions as the header states them, read from the raw bytes. */
    struct it_bf probe;
    memset(&probe, 0, sizeof probe);
    it_bf_set_d(&probe, -1);
    it_bf_set_h(&probe, 0xfff);
    unsigned char probe_bytes[sizeof probe];
    memcpy(probe_bytes, &probe, sizeof probe);
    CHECK(it_bf_set_d, probe_bytes[7] == 0 && probe_bytes[8] == 0xff && probe_bytes[9] == 0xff
                           && probe_bytes[10] == 0x0f);
    CHECK(it_bf_set_h, probe_bytes[13] == 0 && probe_bytes[14] == 0xff && probe_bytes[15] == 0x0f);
    CHECK(it_sizeof_bf, it_sizeof_bf() == sizeof(struct it_bf) && it_sizeof_bf() == 16);
    CHECK(it_alignof_bf, it_alignof_bf() == 8);

    struct it_bf_packed bp;
    memset(&bp, 0, sizeof bp);
    it_bfp_set_x(&bp, 6);
    it_bfp_set_y(&bp, 0xfffff);
    it_bfp_set_z(&bp, 0x5a);
    CHECK(it_bfp_set_x, bp.x == 6);
    CHECK(it_bfp_get_x, it_bfp_get_x(&bp) == 6);
    CHECK(it_bfp_set_y, bp.y == 0xfffff);
    CHECK(it_bfp_get_y, it_bfp_get_y(&bp) == 0xfffff);
    CHECK(it_bfp_set_z, bp.z == 0x5a);
    CHECK(it_bfp_get_z, it_bfp_get_z(&bp) == 0x5a);
    /* x in bits 0..2, y in bits 3..22: byte 0 is 0b11111110, byte 2 0b01111111. */
    unsigned char raw[sizeof bp];
    memcpy(raw, &bp, sizeof bp);
    CHECK(it_bfp_set_y, raw[0] == 0xfe && raw[1] == 0xff && raw[2] == 0x7f);
    CHECK(it_sizeof_bf_packed, it_sizeof_bf_packed() == sizeof(struct it_bf_packed)
                                   && it_sizeof_bf_packed() == 4);

    struct it_bf_small s = it_bfs_make(3, 15, -2);
    CHECK(it_bfs_make, s.lo == 3 && s.hi == 15 && s.rest == -2);
    CHECK(it_bfs_combine, it_bfs_combine(s) == 3 + 240 - 512);
    struct it_bf made = it_bf_make(9, -3, UINT64_C(0xfedcba9876), -5, true);
    CHECK(it_bf_make, made.a == 1 && made.b == -3 && made.c == UINT64_C(0xfedcba9876) && made.d == -5 && made.f);
    struct it_bf_mixed m = it_bfm_make(0.5, 1, 130, 0.25f);
    CHECK(it_bfm_make, m.x == 0.5 && m.flag == 1 && m.level == 2 && m.y == 0.25f);
    CHECK(it_bfm_sum, it_bfm_sum(m) == 1020.75);
    struct it_bf_tagged t = it_bft_make(7, -2000);
    CHECK(it_bft_make, t.tag == 7 && t.v == -2000);
    CHECK(it_bft_combine, it_bft_combine(t) == 68000);
    CHECK(it_bfu_make, it_bfu_make(0x1abc).bits == 0xabc && it_bfu_bits(it_bfu_make(5)) == 5);
    CHECK(it_sizeof_bf_small, it_sizeof_bf_small() == 4);
}

static void test_nested(void) {
    struct it_rect r = {{1, 2}, {4, 6}};
    CHECK(it_rect_area, it_rect_area(r) == 12);
    struct it_rect moved = it_rect_offset(r, 10, -1);
    CHECK(it_rect_offset,
          moved.tl.x == 11 && moved.tl.y == 1 && moved.br.x == 14 && moved.br.y == 5);
    it_rect_grow(&r, 1);
    CHECK(it_rect_grow, r.tl.x == 0 && r.tl.y == 1 && r.br.x == 5 && r.br.y == 7);
    struct it_scene scene = it_scene_make('S', 77);
    CHECK(it_scene_make, scene.tag == 'S' && scene.id == 77 && scene.bounds.br.y == 4
                             && scene.scale == 1.5 && scene.u == 5 && scene.v == 6
                             && scene.corners[2].x == 2 && scene.corners[2].y == -2);
    /* 'S' + 10 + 1.5 + 11 + 77, corners: 10*(0) + 20*(1+2) + 30*(2+4) = 240 */
    CHECK(it_scene_checksum, it_scene_checksum(&scene) == 'S' + 10 + 1.5 + 11 + 77 + 240);

    struct it_packed p = it_packed_make('p', -5, 300, 0.5);
    CHECK(it_packed_make, p.c == 'p' && p.i == -5 && p.s == 300 && p.d == 0.5);
    CHECK(it_packed_sum, it_packed_sum(&p) == 'p' - 5 + 300 + 0.5);
    CHECK(it_packed_sum_value, it_packed_sum_value(p) == 'p' - 5 + 300 + 0.5);
    struct it_pack2 p2 = it_pack2_make('q', 1, 2.5, 't');
    CHECK(it_pack2_make, p2.c == 'q' && p2.i == 1 && p2.d == 2.5 && p2.tail == 't');
    CHECK(it_pack2_sum, it_pack2_sum(&p2) == 'q' + 1 + 2.5 + 't');
    struct it_holds_packed h = {'h', it_packed_make(1, 2, 3, 4.5), 99};
    CHECK(it_holds_packed_after, it_holds_packed_after(&h) == 99);
    CHECK(it_holds_packed_inner_d, it_holds_packed_inner_d(&h) == 4.5);

    CHECK(it_sizeof_point, it_sizeof_point() == 8);
    CHECK(it_sizeof_rect, it_sizeof_rect() == 16);
    CHECK(it_sizeof_scene, it_sizeof_scene() == sizeof(struct it_scene) && it_sizeof_scene() == 64);
    CHECK(it_alignof_scene, it_alignof_scene() == 8);
    CHECK(it_offsetof_scene_bounds, it_offsetof_scene_bounds() == 4);
    CHECK(it_offsetof_scene_scale, it_offsetof_scene_scale() == 24);
    CHECK(it_offsetof_scene_u, it_offsetof_scene_u() == 32);
    CHECK(it_offsetof_scene_v, it_offsetof_scene_v() == 34);
    CHECK(it_offsetof_scene_id, it_offsetof_scene_id() == 36);
    CHECK(it_offsetof_scene_corners, it_offsetof_scene_corners() == 40);
    CHECK(it_sizeof_packed, it_sizeof_packed() == 15);
    CHECK(it_alignof_packed, it_alignof_packed() == 1);
    CHECK(it_offsetof_packed_i, it_offsetof_packed_i() == 1);
    CHECK(it_offsetof_packed_s, it_offsetof_packed_s() == 5);
    CHECK(it_offsetof_packed_d, it_offsetof_packed_d() == 7);
    CHECK(it_sizeof_pack2, it_sizeof_pack2() == 16);
    CHECK(it_alignof_pack2, it_alignof_pack2() == 2);
    CHECK(it_offsetof_pack2_i, it_offsetof_pack2_i() == 2);
    CHECK(it_offsetof_pack2_d, it_offsetof_pack2_d() == 6);
    CHECK(it_offsetof_pack2_tail, it_offsetof_pack2_tail() == 14);
    CHECK(it_sizeof_holds_packed, it_sizeof_holds_packed() == 20);
    CHECK(it_offsetof_holds_packed_inner, it_offsetof_holds_packed_inner() == 1);
    CHECK(it_offsetof_holds_packed_after, it_offsetof_holds_packed_after() == 16);
    CHECK(it_sizeof_aligned, it_sizeof_aligned() == 32);
    CHECK(it_alignof_aligned, it_alignof_aligned() == 16);
    CHECK(it_offsetof_aligned_i, it_offsetof_aligned_i() == 16);
    CHECK(it_sizeof_aligned32, it_sizeof_aligned32() == 32);
    CHECK(it_alignof_aligned32, it_alignof_aligned32() == 32);
}

static void test_pointers(void) {
    int *target = NULL;
    CHECK(it_ptrptr_fill, it_ptrptr_fill(&target) == 0 && target != NULL && *target == 42);
    CHECK(it_ptrptr_fill, it_ptrptr_fill(NULL) == -1);
    int value = 0;
    int *pv = &value;
    int **ppv = &pv;
    CHECK(it_ptrptrptr_write, it_ptrptrptr_write(&ppv) == 0 && value == 7);
    CHECK(it_ptrptrptr_write, it_ptrptrptr_write(NULL) == -1);
    CHECK(it_deref_int, it_deref_int(&value) == 7);
    it_write_int(&value, -3);
    CHECK(it_write_int, value == -3);
    int a = 1, b = 2;
    it_swap_ints(&a, &b);
    CHECK(it_swap_ints, a == 2 && b == 1);
    int32_t values[] = {4, -9, 12, 0};
    int32_t lo = 0, hi = 0;
    CHECK(it_sum_minmax, it_sum_minmax(values, 4, &lo, &hi) == 7 && lo == -9 && hi == 12);
    double ds[4];
    it_fill_doubles(ds, 4, 1, 0.5);
    CHECK(it_fill_doubles, ds[0] == 1 && ds[3] == 2.5);
    int64_t longs[] = {INT64_C(1) << 40, -1, 2};
    CHECK(it_sum_int64s, it_sum_int64s(longs, 3) == (INT64_C(1) << 40) + 1);

    int32_t live = it_live_allocations();
    int32_t *ints = NULL;
    CHECK(it_alloc_ints, it_alloc_ints(5, &ints) == 0 && ints[0] == 0 && ints[4] == 4);
    CHECK(it_alloc_ints, it_alloc_ints(1, NULL) == -1);
    CHECK(it_live_allocations, it_live_allocations() == live + 1);
    it_free_ints(ints);
    it_free_ints(NULL);
    CHECK(it_free_ints, it_live_allocations() == live);
    int32_t **m = it_alloc_matrix(3, 4);
    CHECK(it_alloc_matrix, m != NULL && m[2][3] == 11 && m[1][0] == 4);
    CHECK(it_sum_matrix, it_sum_matrix(m, 3, 4) == 66);
    it_free_matrix(m, 3);
    CHECK(it_free_matrix, it_live_allocations() == live);

    CHECK(it_null_ptr, it_null_ptr() == NULL);
    CHECK(it_is_null, it_is_null(NULL) && !it_is_null(&value));
    CHECK(it_ptr_add, it_ptr_add(values, 8) == (void *)&values[2]);
    CHECK(it_ptr_diff, it_ptr_diff(&values[3], &values[0]) == 12);
    const char *list[] = {"a", "b", "c", NULL};
    CHECK(it_count_strings, it_count_strings(list) == 3 && it_count_strings(NULL) == 0);
    const double *statics = it_static_doubles();
    CHECK(it_static_doubles, statics[0] == 0.5 && statics[3] == 3.5);
}

static void test_cstrings(void) {
    CHECK(it_strlen, it_strlen("hello") == 5 && it_strlen(NULL) == 0 && it_strlen("\xc3\xa9") == 2);
    CHECK(it_strlen_or_neg, it_strlen_or_neg(NULL) == -1 && it_strlen_or_neg("") == 0);
    char buf[6];
    CHECK(it_strcopy, it_strcopy(buf, sizeof buf, "abc") == 3 && strcmp(buf, "abc") == 0);
    CHECK(it_strcopy, it_strcopy(buf, sizeof buf, "abcdefgh") == 8 && strcmp(buf, "abcde") == 0);
    CHECK(it_strcopy, it_strcopy(buf, sizeof buf, NULL) == 0 && buf[0] == '\0');
    CHECK(it_static_greeting, strcmp(it_static_greeting(), "hello from isthmus") == 0);
    int32_t live = it_live_strings();
    char *upper = it_strdup_upper("Mixed Case 1\xc3\xa9");
    CHECK(it_strdup_upper, upper != NULL && strcmp(upper, "MIXED CASE 1\xc3\xa9") == 0);
    CHECK(it_strdup_upper, it_strdup_upper(NULL) == NULL);
    char *joined = it_concat("foo", NULL);
    CHECK(it_concat, joined != NULL && strcmp(joined, "foo") == 0);
    CHECK(it_live_strings, it_live_strings() == live + 2);
    it_string_free(upper);
    it_string_free(joined);
    it_string_free(NULL);
    CHECK(it_string_free, it_live_strings() == live);
    char text[] = "abc-xyz";
    CHECK(it_upper_inplace, it_upper_inplace(text) == text && strcmp(text, "ABC-XYZ") == 0);
    CHECK(it_upper_inplace, it_upper_inplace(NULL) == NULL);
    CHECK(it_null_string, it_null_string() == NULL);
    CHECK(it_str_equals, it_str_equals("a", "a") && !it_str_equals("a", "b")
                             && it_str_equals(NULL, NULL) && !it_str_equals(NULL, ""));
    CHECK(it_count_char, it_count_char("banana", 'a') == 3 && it_count_char(NULL, 'a') == 0);
    CHECK(it_byte_at, it_byte_at("\xc3\xa9", 0) == 0xc3);
}

static int32_t cb_sub(int32_t a, int32_t b) { return a - b; }
static double cb_half(double x) { return x / 2; }
static double cb_pair(struct it_cb_pair p) { return p.a * 10 + p.b; }
static struct it_cb_pair cb_make_pair(int32_t a, double b) {
    return (struct it_cb_pair){a * 2, b * 2};
}
static void cb_out(int32_t *out, void *user_data) { *out = *(int32_t *)user_data + 1; }
static double cb_mixed8(int8_t a, int16_t b, int32_t c, int64_t d, float e, double f,
                        const char *g, bool h) {
    int ok = a == -8 && b == -1600 && c == 320000 && d == INT64_C(1) << 40 && e == 0.5f
             && f == 0.25 && strcmp(g, "cb") == 0 && h;
    return ok ? 1 : -1;
}
static int32_t cb_square(int32_t x) { return x * x; }
static void cb_visit(int32_t index, void *user_data) {
    int32_t *sum = user_data;
    *sum = *sum * 10 + index;
}
static int cb_compare_ints(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static void test_callbacks(void) {
    CHECK(it_call_int_binop, it_call_int_binop(cb_sub, 10, 3) == 7);
    CHECK(it_call_double_fn, it_call_double_fn(cb_half, 5) == 2.5);
    CHECK(it_call_twice, it_call_twice(cb_half, 10) == 2.5);
    CHECK(it_call_with_pair, it_call_with_pair(cb_pair, 3, 0.5) == 30.5);
    CHECK(it_call_making_pair, it_call_making_pair(cb_make_pair, 3, 0.25) == 6.5);
    int32_t seed = 41;
    CHECK(it_call_with_out, it_call_with_out(cb_out, &seed) == 42);
    CHECK(it_call_mixed8, it_call_mixed8(cb_mixed8) == 1);
    int32_t values[] = {1, -2, 3};
    it_apply_ints(values, 3, cb_square);
    CHECK(it_apply_ints, values[0] == 1 && values[1] == 4 && values[2] == 9);
    double ds[] = {1, 2, 3};
    CHECK(it_sum_mapped, it_sum_mapped(ds, 3, cb_half) == 3);
    int32_t digits = 0;
    it_for_each_index(4, cb_visit, &digits);
    CHECK(it_for_each_index, digits == 123);
    int unsorted[] = {5, -1, 3, 3, 0, 9, -7};
    it_sort(unsorted, 7, sizeof(int), cb_compare_ints);
    int sorted[] = {-7, -1, 0, 3, 3, 5, 9};
    CHECK(it_sort, memcmp(unsorted, sorted, sizeof sorted) == 0);

    it_clear_callback();
    CHECK(it_has_stored_callback, !it_has_stored_callback());
    CHECK(it_call_stored, it_call_stored(1, 2) == INT32_MIN);
    it_store_callback(cb_sub);
    CHECK(it_store_callback, it_has_stored_callback());
    CHECK(it_call_stored, it_call_stored(9, 4) == 5);
    it_clear_callback();
    CHECK(it_clear_callback, !it_has_stored_callback());

    it_int_binop add = it_get_binop("add");
    it_int_binop mul = it_get_binop("mul");
    it_int_binop sub = it_get_binop("sub");
    CHECK(it_get_binop, add != NULL && add(2, 3) == 5 && mul(4, 5) == 20 && sub(1, 3) == -2);
    CHECK(it_get_binop, it_get_binop("div") == NULL && it_get_binop(NULL) == NULL);
    double (*sq)(double) = it_get_unary(0);
    double (*neg)(double) = it_get_unary(1);
    CHECK(it_get_unary, sq(3) == 9 && neg(3) == -3 && it_get_unary(2) == NULL);
}

static int call_vformat(char *dst, size_t capacity, const char *format, ...) {
    va_list args;
    va_start(args, format);
    int n = it_vformat(dst, capacity, format, args);
    va_end(args);
    return n;
}

static void test_variadic(void) {
    CHECK(it_sum_ints, it_sum_ints(0) == 0 && it_sum_ints(3, 1, -2, 40) == 39);
    CHECK(it_sum_ints, it_sum_ints(8, 1, 1, 1, 1, 1, 1, 1, 1) == 8);
    CHECK(it_sum_doubles, it_sum_doubles(3, 0.5, 1.5f, -4.0) == -2);
    CHECK(it_sum_doubles, it_sum_doubles(10, 1., 1., 1., 1., 1., 1., 1., 1., 1., 0.5) == 9.5);
    CHECK(it_sum_llongs, it_sum_llongs(2, LLONG_MAX, -1LL) == LLONG_MAX - 1);
    CHECK(it_sum_typed, it_sum_typed("ilqdsp", 1, 2L, 3LL, 0.5, "four", &passed) == 11.5);
    CHECK(it_sum_typed, isnan(it_sum_typed("z", 1)));
    char buf[128];
    void *p = (void *)(uintptr_t)0x1234;
    char expected_p[32];
    snprintf(expected_p, sizeof expected_p, "%p", p);
    int n = it_format(buf, sizeof buf, "%d|%i|%ld|%lld|%u|%lu|%llu|%x|%lx|%f|%.2f|%s|%s|%c|%%|",
                      -1, 2, -3L, LLONG_MIN, 4u, 5UL, ULLONG_MAX, 255u, 0xabcUL, 1.5, 2.345, "str",
                      (const char *)NULL, 'c');
    const char *want = "-1|2|-3|-9223372036854775808|4|5|18446744073709551615|ff|abc|1.500000|"
                       "2.35|str|(null)|c|%|";
    CHECK(it_format, strcmp(buf, want) == 0 && n == (int)strlen(want));
    n = it_format(buf, sizeof buf, "%p", p);
    CHECK(it_format, strcmp(buf, expected_p) == 0 && n == (int)strlen(expected_p));
    char small[5];
    CHECK(it_format, it_format(small, sizeof small, "%d-%s", 12345, "ab") == 8
                         && strcmp(small, "1234") == 0);
    CHECK(it_format, it_format(buf, sizeof buf, "%q", 1) == -1 && buf[0] == '\0');
    CHECK(it_format, it_format(buf, sizeof buf, "%f", DBL_MAX) == 316);
    CHECK(it_vformat, call_vformat(buf, sizeof buf, "%s=%lld", "x", 7LL) == 3
                          && strcmp(buf, "x=7") == 0);
}

static void test_errnos(void) {
    errno = 0;
    CHECK(it_fail_with, it_fail_with(ENOENT) == -1 && errno == ENOENT);
    errno = EINTR;
    CHECK(it_succeed, it_succeed() == 0 && errno == EINTR);
    errno = ERANGE;
    CHECK(it_get_errno, it_get_errno() == ERANGE);
    it_set_errno(EACCES);
    CHECK(it_set_errno, errno == EACCES);
    int32_t out = 5;
    errno = 0;
    CHECK(it_checked_divide, it_checked_divide(7, 0, &out) == -1 && errno == EDOM && out == 5);
    CHECK(it_checked_divide, it_checked_divide(7, 2, &out) == 0 && out == 3);
    CHECK(it_errno_edom, it_errno_edom() == EDOM);
    CHECK(it_errno_einval, it_errno_einval() == EINVAL);
    CHECK(it_errno_enoent, it_errno_enoent() == ENOENT);
    CHECK(it_errno_erange, it_errno_erange() == ERANGE);
}

static void test_globals(void) {
    it_reset_globals();
    CHECK(it_global_int, it_global_int == 1234);
    CHECK(it_global_double, it_global_double == 2.5);
    CHECK(it_global_struct, it_global_struct.id == 7 && strcmp(it_global_struct.tag, "init") == 0);
    CHECK(it_global_array, it_global_array[7] == 8);
    CHECK(it_global_ptr, it_global_ptr == &it_global_int);
    CHECK(it_global_name, strcmp(it_global_name, "isthmus") == 0);
    CHECK(it_global_text, strcmp(it_global_text, "text array") == 0);
    it_global_int = -5;
    CHECK(it_read_global_int, it_read_global_int() == -5);
    it_write_global_int(77);
    CHECK(it_write_global_int, it_global_int == 77);
    it_global_double = -0.5;
    CHECK(it_read_global_double, it_read_global_double() == -0.5);
    CHECK(it_bump_counter,
          it_bump_counter() == 1 && it_bump_counter() == 2 && it_global_counter == 2);
    it_global_struct.id = 19;
    it_global_struct.weight = 8.5;
    strcpy(it_global_struct.tag, "new");
    CHECK(it_read_global_struct_id, it_read_global_struct_id() == 19);
    CHECK(it_read_global_struct_weight, it_read_global_struct_weight() == 8.5);
    CHECK(it_read_global_struct_tag, strcmp(it_read_global_struct_tag(), "new") == 0);
    it_global_array[3] = 100;
    CHECK(it_read_global_array,
          it_read_global_array(3) == 100 && it_read_global_array(8) == INT32_MIN);
    CHECK(it_sum_global_array, it_sum_global_array() == 36 - 4 + 100);
    CHECK(it_read_through_global_ptr, it_read_through_global_ptr() == 77);
    it_global_ptr = &it_global_array[0];
    CHECK(it_read_through_global_ptr, it_read_through_global_ptr() == 1);
    it_global_ptr = NULL;
    CHECK(it_read_through_global_ptr, it_read_through_global_ptr() == INT32_MIN);
    it_reset_globals();
    CHECK(it_reset_globals, it_global_int == 1234 && it_global_counter == 0
                                && it_global_array[3] == 4 && it_global_ptr == &it_global_int
                                && it_global_struct.id == 7 && it_global_double == 2.5);
}

static void test_enums(void) {
    CHECK(it_color_next, it_color_next(IT_RED) == IT_GREEN && it_color_next(IT_BLUE) == IT_RED);
    CHECK(it_color_name, strcmp(it_color_name(IT_GREEN), "green") == 0
                             && strcmp(it_color_name((enum it_color)3), "?") == 0);
    CHECK(it_sign_of, it_sign_of(-5) == IT_NEGATIVE && it_sign_of(0) == IT_ZERO
                          && it_sign_of(INT64_MAX) == IT_POSITIVE);
    CHECK(it_sign_value, it_sign_value(IT_MOST_NEGATIVE) == INT32_MIN);
    CHECK(it_flags_combine, it_flags_combine(IT_FLAG_A, IT_FLAG_HIGH) == (1 | 1 << 30));
    CHECK(it_big_unsigned_value, it_big_unsigned_value(IT_BIG_MAX) == UINT32_MAX);
    CHECK(it_big_unsigned_max, it_big_unsigned_max() == IT_BIG_MAX && IT_BIG_MAX > 0);
    CHECK(it_wide_huge, it_wide_huge() == IT_WIDE_HUGE);
    CHECK(it_wide_value, it_wide_value(IT_WIDE_HUGE) == INT64_C(0x100000000));
    CHECK(it_wide_negative_min, (int64_t)it_wide_negative_min() == -INT64_C(0x100000000));
    CHECK(it_sizeof_enum_color, it_sizeof_enum_color() == 4);
    /* The underlying types enums.h states, as GCC chose them. */
    enum it_color color = IT_RED;
    enum it_sign sign = IT_ZERO;
    enum it_flags flags = IT_FLAG_A;
    enum it_big_unsigned big = IT_BIG_SMALL;
    enum it_wide wide = IT_WIDE_ONE;
    enum it_wide_negative wide_negative = IT_WN_ONE;
#define UNDERLYING(x) _Generic((x), int: "int", unsigned int: "unsigned int", long: "long", \
                               unsigned long: "unsigned long", default: "other")
    CHECK(it_color_next, strcmp(UNDERLYING(color), "unsigned int") == 0);
    CHECK(it_sign_of, strcmp(UNDERLYING(sign), "int") == 0);
    CHECK(it_flags_combine, strcmp(UNDERLYING(flags), "unsigned int") == 0);
    CHECK(it_big_unsigned_max, strcmp(UNDERLYING(big), "unsigned int") == 0);
    CHECK(it_wide_huge, strcmp(UNDERLYING(wide), "unsigned long") == 0);
    CHECK(it_wide_negative_min, strcmp(UNDERLYING(wide_negative), "long") == 0);
#undef UNDERLYING
    CHECK(it_sizeof_enum_wide, it_sizeof_enum_wide() == 8);
}

static void test_handles(void) {
    int32_t live = it_live_counters();
    it_counter *c = it_counter_new(10);
    CHECK(it_counter_new, c != NULL && it_live_counters() == live + 1);
    CHECK(it_counter_add, it_counter_add(c, 5) == 15 && it_counter_add(c, -20) == -5);
    CHECK(it_counter_get, it_counter_get(c) == -5);
    CHECK(it_counter_calls, it_counter_calls(c) == 2);
    CHECK(it_counter_is_live, it_counter_is_live(c) && !it_counter_is_live(NULL));
    it_counter_free(c);
    it_counter_free(NULL);
    CHECK(it_counter_free, it_live_counters() == live);
    CHECK(it_live_counters, it_live_counters() == 0);
}

static void test_layouts(void) {
    CHECK(it_layout_sizeof, it_layout_sizeof("struct it_scene") == sizeof(struct it_scene)
                                && it_layout_sizeof("struct nope") == (size_t)-1
                                && it_layout_sizeof(NULL) == (size_t)-1);
    CHECK(it_layout_sizeof, it_layout_sizeof("enum it_wide") == 8
                                && it_layout_sizeof("union it_triple") == 24);
    CHECK(it_layout_alignof, it_layout_alignof("struct it_packed") == 1
                                 && it_layout_alignof("struct it_aligned32") == 32);
    CHECK(it_layout_offsetof, it_layout_offsetof("struct it_scene", "u") == 32
                                  && it_layout_offsetof("struct it_packed", "d") == 7
                                  && it_layout_offsetof("struct it_scene", "nope") == (size_t)-1
                                  && it_layout_offsetof("struct it_bf", "a") == (size_t)-1);
    size_t types = it_layout_type_count();
    CHECK(it_layout_type_count, types >= 30);
    CHECK(it_layout_type_name, strcmp(it_layout_type_name(0), "struct it_i2") == 0
                                   && it_layout_type_name(types) == NULL
                                   && it_layout_type_name(types - 1) != NULL);
    CHECK(it_layout_member_count, it_layout_member_count("struct it_big") == 4
                                      && it_layout_member_count("struct it_bf") == 0
                                      && it_layout_member_count("enum it_color") == 0);
    CHECK(it_layout_member_name, strcmp(it_layout_member_name("struct it_big", 3), "d") == 0
                                     && it_layout_member_name("struct it_big", 4) == NULL);
    /* Every listed type answers: names are unique and each size is known. */
    int all_known = 1;
    for (size_t i = 0; i < types; i++) {
        const char *name = it_layout_type_name(i);
        all_known &= it_layout_sizeof(name) != (size_t)-1 && it_layout_alignof(name) != 0;
        for (size_t j = 0; j < i; j++) {
            all_known &= strcmp(name, it_layout_type_name(j)) != 0;
        }
    }
    CHECK(it_layout_type_name, all_known);
}

int main(void) {
    test_scalars();
    test_arith();
    test_structs();
    test_unions();
    test_bitfields();
    test_nested();
    test_pointers();
    test_cstrings();
    test_callbacks();
    test_variadic();
    test_errnos();
    test_globals();
    test_enums();
    test_handles();
    test_layouts();
    printf("selftest: %d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
