#include "unions.h"

#include <math.h>

/* Reading a member other than the last written is type punning, defined in C11
 * (6.5.2.3 note 95) as reinterpreting the bytes; that is the point of these tests. */

union it_num it_num_from_float(float f) { return (union it_num){.f = f}; }
union it_num it_num_from_int(int32_t i) { return (union it_num){.i = i}; }
int32_t it_num_bits(union it_num u) { return u.i; }
float it_num_as_float(union it_num u) { return u.f; }
uint8_t it_num_byte(const union it_num *u, int32_t index) {
    return index >= 0 && index < 4 ? u->bytes[index] : 0;
}
void it_num_set_int(union it_num *u, int32_t i) { u->i = i; }

uint64_t it_double_bits(double d) { return ((union it_dbits){.d = d}).bits; }
union it_dbits it_dbits_from_bits(uint64_t bits) { return (union it_dbits){.bits = bits}; }
double it_dbits_as_double(union it_dbits u) { return u.d; }

union it_fpair it_fpair_make(float a, float b) { return (union it_fpair){.f = {a, b}}; }
float it_fpair_sum(union it_fpair u) { return u.f[0] + u.f[1]; }

union it_triple it_triple_make(double a, double b, double c) {
    return (union it_triple){.d = {a, b, c}};
}
double it_triple_sum(union it_triple u) { return u.d[0] + u.d[1] + u.d[2]; }
void it_triple_set_long(union it_triple *u, int64_t l) { u->l = l; }
int64_t it_triple_get_long(const union it_triple *u) { return u->l; }

struct it_tagged it_tagged_int(int64_t i) { return (struct it_tagged){IT_TAG_INT, {.i = i}}; }
struct it_tagged it_tagged_double(double d) { return (struct it_tagged){IT_TAG_DOUBLE, {.d = d}}; }
struct it_tagged it_tagged_pair(int32_t a, int32_t b) {
    struct it_tagged t = {IT_TAG_PAIR, {.i = 0}};
    t.as.pair.a = a;
    t.as.pair.b = b;
    return t;
}
double it_tagged_value(const struct it_tagged *t) {
    switch (t->tag) {
    case IT_TAG_INT: return (double)t->as.i;
    case IT_TAG_DOUBLE: return t->as.d;
    case IT_TAG_PAIR: return (double)t->as.pair.a + t->as.pair.b;
    }
    return NAN;
}
