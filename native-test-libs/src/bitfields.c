#include "bitfields.h"

/* The casts narrow deliberately: truncating to the field width is what is tested.
 * -Wconversion is not on, but they also document the intent. */

uint32_t it_bf_get_a(const struct it_bf *s) { return s->a; }
void it_bf_set_a(struct it_bf *s, uint32_t v) { s->a = v & 0x7u; }
int32_t it_bf_get_b(const struct it_bf *s) { return s->b; }
void it_bf_set_b(struct it_bf *s, int32_t v) { s->b = v; }
uint64_t it_bf_get_c(const struct it_bf *s) { return s->c; }
void it_bf_set_c(struct it_bf *s, uint64_t v) { s->c = v & 0xffffffffffull; }
int64_t it_bf_get_d(const struct it_bf *s) { return s->d; }
void it_bf_set_d(struct it_bf *s, int64_t v) { s->d = v; }
uint32_t it_bf_get_e(const struct it_bf *s) { return s->e; }
void it_bf_set_e(struct it_bf *s, uint32_t v) { s->e = v & 0x7fu; }
bool it_bf_get_f(const struct it_bf *s) { return s->f; }
void it_bf_set_f(struct it_bf *s, bool v) { s->f = v; }
int32_t it_bf_get_g(const struct it_bf *s) { return s->g; }
void it_bf_set_g(struct it_bf *s, int32_t v) { s->g = (signed char)v; }
uint32_t it_bf_get_h(const struct it_bf *s) { return s->h; }
void it_bf_set_h(struct it_bf *s, uint32_t v) { s->h = v & 0xfffu; }
size_t it_sizeof_bf(void) { return sizeof(struct it_bf); }
size_t it_alignof_bf(void) { return _Alignof(struct it_bf); }

uint32_t it_bfp_get_x(const struct it_bf_packed *s) { return s->x; }
void it_bfp_set_x(struct it_bf_packed *s, uint32_t v) { s->x = v & 0x7u; }
uint32_t it_bfp_get_y(const struct it_bf_packed *s) { return s->y; }
void it_bfp_set_y(struct it_bf_packed *s, uint32_t v) { s->y = v & 0xfffffu; }
uint32_t it_bfp_get_z(const struct it_bf_packed *s) { return s->z; }
void it_bfp_set_z(struct it_bf_packed *s, uint32_t v) { s->z = (uint8_t)v; }
size_t it_sizeof_bf_packed(void) { return sizeof(struct it_bf_packed); }

struct it_bf_small it_bfs_make(uint32_t lo, uint32_t hi, int32_t rest) {
    struct it_bf_small s = {0, 0, 0};
    s.lo = lo & 0xfu;
    s.hi = hi & 0xfu;
    s.rest = rest;
    return s;
}
int64_t it_bfs_combine(struct it_bf_small s) {
    return (int64_t)s.lo + 16 * (int64_t)s.hi + 256 * (int64_t)s.rest;
}
size_t it_sizeof_bf_small(void) { return sizeof(struct it_bf_small); }

struct it_bf it_bf_make(uint32_t a, int32_t b, uint64_t c, int64_t d, bool f) {
    struct it_bf s = {0};
    it_bf_set_a(&s, a);
    s.b = b;
    it_bf_set_c(&s, c);
    s.d = d;
    s.f = f;
    return s;
}

struct it_bf_mixed it_bfm_make(double x, uint32_t flag, uint32_t level, float y) {
    struct it_bf_mixed m = {x, flag & 1u, level & 0x7fu, y};
    return m;
}
double it_bfm_sum(struct it_bf_mixed m) { return m.x + 1000.0 * m.flag + 10.0 * m.level + m.y; }

struct it_bf_tagged it_bft_make(uint32_t tag, int32_t v) {
    struct it_bf_tagged t = {(unsigned char)tag, v};
    return t;
}
int64_t it_bft_combine(struct it_bf_tagged t) { return 10000 * (int64_t)t.tag + t.v; }

union it_bf_union it_bfu_make(uint32_t bits) {
    union it_bf_union u = {.f = 0};
    u.bits = bits & 0xfffu;
    return u;
}
uint32_t it_bfu_bits(union it_bf_union u) { return u.bits; }
