#include "nested.h"

#include <string.h>

int64_t it_rect_area(struct it_rect r) {
    return (int64_t)(r.br.x - r.tl.x) * (r.br.y - r.tl.y);
}
struct it_rect it_rect_offset(struct it_rect r, int32_t dx, int32_t dy) {
    return (struct it_rect){{r.tl.x + dx, r.tl.y + dy}, {r.br.x + dx, r.br.y + dy}};
}
void it_rect_grow(struct it_rect *r, int32_t by) {
    r->tl.x -= by;
    r->tl.y -= by;
    r->br.x += by;
    r->br.y += by;
}

struct it_scene it_scene_make(char tag, int32_t id) {
    struct it_scene s;
    memset(&s, 0, sizeof s);
    s.tag = tag;
    s.bounds = (struct it_rect){{1, 2}, {3, 4}};
    s.scale = 1.5;
    s.u = 5;
    s.v = 6;
    s.id = id;
    for (int32_t i = 0; i < 3; i++) {
        s.corners[i] = (struct it_point){i, -i};
    }
    return s;
}
double it_scene_checksum(const struct it_scene *s) {
    double sum = s->tag + s->bounds.tl.x + s->bounds.tl.y + s->bounds.br.x + s->bounds.br.y
                 + s->scale + s->u + s->v + s->id;
    for (int i = 0; i < 3; i++) {
        sum += (i + 1) * 10 * (s->corners[i].x - 2 * s->corners[i].y);
    }
    return sum;
}

struct it_packed it_packed_make(char c, int32_t i, int16_t s, double d) {
    struct it_packed p;
    p.c = c;
    p.i = i;
    p.s = s;
    p.d = d;
    return p;
}
double it_packed_sum(const struct it_packed *p) { return p->c + p->i + p->s + p->d; }
double it_packed_sum_value(struct it_packed p) { return p.c + p.i + p.s + p.d; }
struct it_pack2 it_pack2_make(char c, int32_t i, double d, char tail) {
    struct it_pack2 p;
    memset(&p, 0, sizeof p);
    p.c = c;
    p.i = i;
    p.d = d;
    p.tail = tail;
    return p;
}
double it_pack2_sum(const struct it_pack2 *p) { return p->c + p->i + p->d + p->tail; }
int32_t it_holds_packed_after(const struct it_holds_packed *h) { return h->after; }
double it_holds_packed_inner_d(const struct it_holds_packed *h) { return h->inner.d; }

size_t it_sizeof_point(void) { return sizeof(struct it_point); }
size_t it_sizeof_rect(void) { return sizeof(struct it_rect); }
size_t it_sizeof_scene(void) { return sizeof(struct it_scene); }
size_t it_alignof_scene(void) { return _Alignof(struct it_scene); }
size_t it_offsetof_scene_bounds(void) { return offsetof(struct it_scene, bounds); }
size_t it_offsetof_scene_scale(void) { return offsetof(struct it_scene, scale); }
size_t it_offsetof_scene_u(void) { return offsetof(struct it_scene, u); }
size_t it_offsetof_scene_v(void) { return offsetof(struct it_scene, v); }
size_t it_offsetof_scene_id(void) { return offsetof(struct it_scene, id); }
size_t it_offsetof_scene_corners(void) { return offsetof(struct it_scene, corners); }
size_t it_sizeof_packed(void) { return sizeof(struct it_packed); }
size_t it_alignof_packed(void) { return _Alignof(struct it_packed); }
size_t it_offsetof_packed_i(void) { return offsetof(struct it_packed, i); }
size_t it_offsetof_packed_s(void) { return offsetof(struct it_packed, s); }
size_t it_offsetof_packed_d(void) { return offsetof(struct it_packed, d); }
size_t it_sizeof_pack2(void) { return sizeof(struct it_pack2); }
size_t it_alignof_pack2(void) { return _Alignof(struct it_pack2); }
size_t it_offsetof_pack2_i(void) { return offsetof(struct it_pack2, i); }
size_t it_offsetof_pack2_d(void) { return offsetof(struct it_pack2, d); }
size_t it_offsetof_pack2_tail(void) { return offsetof(struct it_pack2, tail); }
size_t it_sizeof_holds_packed(void) { return sizeof(struct it_holds_packed); }
size_t it_offsetof_holds_packed_inner(void) { return offsetof(struct it_holds_packed, inner); }
size_t it_offsetof_holds_packed_after(void) { return offsetof(struct it_holds_packed, after); }
size_t it_sizeof_aligned(void) { return sizeof(struct it_aligned); }
size_t it_alignof_aligned(void) { return _Alignof(struct it_aligned); }
size_t it_offsetof_aligned_i(void) { return offsetof(struct it_aligned, i); }
size_t it_sizeof_aligned32(void) { return sizeof(struct it_aligned32); }
size_t it_alignof_aligned32(void) { return _Alignof(struct it_aligned32); }
