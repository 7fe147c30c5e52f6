/* Nested, anonymous-member, packed and over-aligned records, each with functions
 * reporting cc's own sizeof/alignof/offsetof so a test compares its computed layout
 * with the compiler's. (layouts.h answers the same questions by name for every
 * record in the library.) */
#ifndef ISTHMUS_TEST_NESTED_H
#define ISTHMUS_TEST_NESTED_H

#include <stddef.h>
#include <stdint.h>

struct it_point { int32_t x; int32_t y; };
struct it_rect { struct it_point tl; struct it_point br; };

/* A struct inside a struct inside a struct, with padding at each level and C11
 * anonymous struct and union members (their fields are reached as if direct). */
struct it_scene {
    char tag;                              /* offset 0 */
    struct it_rect bounds;                 /* offset 4 */
    double scale;                          /* offset 24 */
    struct { int16_t u; int16_t v; };      /* anonymous: u at 32, v at 34 */
    union { int32_t id; float weight; };   /* anonymous: at 36 */
    struct it_point corners[3];            /* offset 40, array of structs */
};

/* GNU packed attribute: no padding at all, size 1+4+2+8 = 15, alignment 1. */
struct __attribute__((packed)) it_packed {
    char c;
    int32_t i;
    int16_t s;
    double d;
};

/* #pragma pack(2): members aligned to min(natural, 2). */
#pragma pack(push, 2)
struct it_pack2 {
    char c;
    int32_t i;   /* offset 2 */
    double d;    /* offset 6 */
    char tail;   /* offset 14, size 16 */
};
#pragma pack(pop)

/* A packed struct nested in a normal one: the outer aligns it to 1. */
struct it_holds_packed {
    char lead;
    struct it_packed inner;  /* offset 1 */
    int32_t after;           /* offset 16 */
};

/* Over-alignment both ways: an aligned member and an aligned type. */
struct it_aligned {
    char c;
    _Alignas(16) int32_t i;  /* offset 16 */
};
struct __attribute__((aligned(32))) it_aligned32 { int64_t v; };

int64_t it_rect_area(struct it_rect r);
struct it_rect it_rect_offset(struct it_rect r, int32_t dx, int32_t dy);
void it_rect_grow(struct it_rect *r, int32_t by);
/* bounds (1,2)-(3,4), scale 1.5, u = 5, v = 6, corners[i] = (i, -i). */
struct it_scene it_scene_make(char tag, int32_t id);
/* tag + bounds' four coordinates + scale + u + v + id + the sum over corners of
 * (i + 1) * 10 * (x - 2 * y): every field counts, so a misplaced one shows. */
double it_scene_checksum(const struct it_scene *s);

struct it_packed it_packed_make(char c, int32_t i, int16_t s, double d);
double it_packed_sum(const struct it_packed *p);
/* By value, a packed struct with misaligned members is class MEMORY (SysV psABI
 * 3.2.3: "if it has unaligned fields"): GCC passes it on the stack, not in registers. */
double it_packed_sum_value(struct it_packed p);
struct it_pack2 it_pack2_make(char c, int32_t i, double d, char tail);
double it_pack2_sum(const struct it_pack2 *p);
int32_t it_holds_packed_after(const struct it_holds_packed *h);
double it_holds_packed_inner_d(const struct it_holds_packed *h);

size_t it_sizeof_point(void);
size_t it_sizeof_rect(void);
size_t it_sizeof_scene(void);
size_t it_alignof_scene(void);
size_t it_offsetof_scene_bounds(void);
size_t it_offsetof_scene_scale(void);
size_t it_offsetof_scene_u(void);
size_t it_offsetof_scene_v(void);
size_t it_offsetof_scene_id(void);
size_t it_offsetof_scene_corners(void);
size_t it_sizeof_packed(void);
size_t it_alignof_packed(void);
size_t it_offsetof_packed_i(void);
size_t it_offsetof_packed_s(void);
size_t it_offsetof_packed_d(void);
size_t it_sizeof_pack2(void);
size_t it_alignof_pack2(void);
size_t it_offsetof_pack2_i(void);
size_t it_offsetof_pack2_d(void);
size_t it_offsetof_pack2_tail(void);
size_t it_sizeof_holds_packed(void);
size_t it_offsetof_holds_packed_inner(void);
size_t it_offsetof_holds_packed_after(void);
size_t it_sizeof_aligned(void);
size_t it_alignof_aligned(void);
size_t it_offsetof_aligned_i(void);
size_t it_sizeof_aligned32(void);
size_t it_alignof_aligned32(void);

#endif
