#include "structs.h"

#include <string.h>

struct it_i2 it_make_i2(int32_t a, int32_t b) { return (struct it_i2){a, b}; }
int64_t it_sum_i2(struct it_i2 s) { return (int64_t)s.a + s.b; }
int64_t it_sum_i2_ptr(const struct it_i2 *s) { return (int64_t)s->a + s->b; }
struct it_i2 it_swap_i2(struct it_i2 s) { return (struct it_i2){s.b, s.a}; }

struct it_l2 it_make_l2(int64_t a, int64_t b) { return (struct it_l2){a, b}; }
int64_t it_sum_l2(struct it_l2 s) { return s.a + s.b; }
int64_t it_sum_l2_ptr(const struct it_l2 *s) { return s->a + s->b; }
struct it_l2 it_negate_l2(struct it_l2 s) { return (struct it_l2){-s.a, -s.b}; }

struct it_f2 it_make_f2(float x, float y) { return (struct it_f2){x, y}; }
float it_sum_f2(struct it_f2 s) { return s.x + s.y; }
float it_sum_f2_ptr(const struct it_f2 *s) { return s->x + s->y; }
struct it_f2 it_scale_f2(struct it_f2 s, float k) { return (struct it_f2){s.x * k, s.y * k}; }

struct it_d2 it_make_d2(double x, double y) { return (struct it_d2){x, y}; }
double it_sum_d2(struct it_d2 s) { return s.x + s.y; }
double it_sum_d2_ptr(const struct it_d2 *s) { return s->x + s->y; }
struct it_d2 it_scale_d2(struct it_d2 s, double k) { return (struct it_d2){s.x * k, s.y * k}; }

double it_sum5_d2(struct it_d2 a, struct it_d2 b, struct it_d2 c, struct it_d2 d,
                  struct it_d2 e) {
    /* Weighted so that a struct delivered in the wrong position changes the result. */
    return it_sum_d2(a) + 2 * it_sum_d2(b) + 3 * it_sum_d2(c) + 4 * it_sum_d2(d)
           + 5 * it_sum_d2(e);
}

struct it_f4 it_make_f4(float a, float b, float c, float d) {
    return (struct it_f4){{a, b, c, d}};
}
float it_sum_f4(struct it_f4 s) { return s.v[0] + s.v[1] + s.v[2] + s.v[3]; }
float it_sum_f4_ptr(const struct it_f4 *s) { return s->v[0] + s->v[1] + s->v[2] + s->v[3]; }
struct it_f4 it_reverse_f4(struct it_f4 s) {
    return (struct it_f4){{s.v[3], s.v[2], s.v[1], s.v[0]}};
}

struct it_ld it_make_ld(int64_t l, double d) { return (struct it_ld){l, d}; }
double it_sum_ld(struct it_ld s) { return (double)s.l + s.d; }
double it_sum_ld_ptr(const struct it_ld *s) { return (double)s->l + s->d; }
struct it_ld it_bump_ld(struct it_ld s) { return (struct it_ld){s.l + 1, s.d * 2}; }

struct it_dl it_make_dl(double d, int32_t i) { return (struct it_dl){d, i}; }
double it_sum_dl(struct it_dl s) { return s.d + s.i; }
struct it_dl it_bump_dl(struct it_dl s) { return (struct it_dl){s.d * 2, s.i + 1}; }

struct it_fi it_make_fi(float f, int32_t i) { return (struct it_fi){f, i}; }
double it_sum_fi(struct it_fi s) { return (double)s.f + s.i; }
struct it_fi it_bump_fi(struct it_fi s) { return (struct it_fi){s.f * 2, s.i + 1}; }

struct it_big it_make_big(int64_t a, int64_t b, int64_t c, double d) {
    return (struct it_big){a, b, c, d};
}
double it_sum_big(struct it_big s) { return (double)(s.a + s.b + s.c) + s.d; }
double it_sum_big_ptr(const struct it_big *s) { return (double)(s->a + s->b + s->c) + s->d; }
struct it_big it_double_big(struct it_big s) {
    return (struct it_big){s.a * 2, s.b * 2, s.c * 2, s.d * 2};
}
double it_sum_big_after6(int64_t r0, int64_t r1, int64_t r2, int64_t r3, int64_t r4,
                         int64_t r5, struct it_big s) {
    return (double)(r0 + r1 + r2 + r3 + r4 + r5) + 1000 * it_sum_big(s);
}

struct it_named it_make_named(int32_t id, const char *name) {
    struct it_named s;
    memset(&s, 0, sizeof s);
    s.id = id;
    if (name != NULL) {
        strncpy(s.name, name, sizeof s.name - 1);
    }
    return s;
}
int64_t it_checksum_named(struct it_named s) {
    int64_t sum = s.id;
    for (size_t i = 0; i < sizeof s.name && s.name[i] != '\0'; i++) {
        sum += (unsigned char)s.name[i];
    }
    return sum;
}
size_t it_named_length(const struct it_named *s) { return strnlen(s->name, sizeof s->name); }

struct it_tiny1 it_make_tiny1(uint8_t a) { return (struct it_tiny1){a}; }
uint32_t it_sum_tiny1(struct it_tiny1 s) { return s.a; }
struct it_tiny1 it_inc_tiny1(struct it_tiny1 s) { return (struct it_tiny1){(uint8_t)(s.a + 1)}; }

struct it_tiny3 it_make_tiny3(uint8_t a, uint8_t b, uint8_t c) {
    return (struct it_tiny3){a, b, c};
}
uint32_t it_pack_tiny3(struct it_tiny3 s) {
    return (uint32_t)s.a + 256u * s.b + 65536u * s.c;
}
struct it_tiny3 it_rotate_tiny3(struct it_tiny3 s) { return (struct it_tiny3){s.b, s.c, s.a}; }

struct it_padded it_make_padded(char c, int64_t l, short s) {
    struct it_padded p;
    memset(&p, 0, sizeof p); /* zero the padding so byte-wise comparisons are stable */
    p.c = c;
    p.l = l;
    p.s = s;
    return p;
}
int64_t it_sum_padded(struct it_padded s) { return s.c + s.l + s.s; }
int64_t it_sum_padded_ptr(const struct it_padded *s) { return s->c + s->l + s->s; }
struct it_padded it_bump_padded(struct it_padded s) {
    return it_make_padded((char)(s.c + 1), s.l + 1, (short)(s.s + 1));
}

struct it_pad12 it_make_pad12(char c, int32_t i, short s) {
    struct it_pad12 p;
    memset(&p, 0, sizeof p);
    p.c = c;
    p.i = i;
    p.s = s;
    return p;
}
int64_t it_sum_pad12(struct it_pad12 s) { return (int64_t)s.c + s.i + s.s; }
struct it_pad12 it_bump_pad12(struct it_pad12 s) {
    return it_make_pad12((char)(s.c + 1), s.i + 1, (short)(s.s + 1));
}

void it_fill_i2(struct it_i2 *out, int32_t a, int32_t b) {
    out->a = a;
    out->b = b;
}
void it_fill_big(struct it_big *out, int64_t base) {
    *out = (struct it_big){base, base + 1, base + 2, (double)base + 0.5};
}
void it_scale_d2_inplace(struct it_d2 *s, double k) {
    s->x *= k;
    s->y *= k;
}
