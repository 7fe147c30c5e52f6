/* Bit-fields with a C getter and setter per field, so a test writes through the FFI
 * and reads back in C (and the reverse) without trusting its own layout. GCC on x86-64
 * places fields as the SysV psABI says: in order, from the least significant bit, a
 * field never crossing a boundary of its declared type's alignment (it_bf.d below
 * starts a new long long unit), ":0" closing the current unit.
 * Setters store v truncated to the field width (C11 6.3.1.3); getters sign-extend the
 * signed fields. */
#ifndef ISTHMUS_TEST_BITFIELDS_H
#define ISTHMUS_TEST_BITFIELDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct it_bf {                    /* 16 bytes, alignment 8 */
    unsigned int a : 3;           /* bits 0..2 */
    signed int b : 5;             /* bits 3..7, signed: -16..15 */
    unsigned long long c : 40;    /* bits 8..47: straddles the 32-bit boundary */
    signed long long d : 20;      /* 48..67 would cross bit 64: placed at bits 64..83 */
    unsigned int : 0;             /* closes the int unit: e starts at bit 96 */
    unsigned int e : 7;           /* bits 96..102 */
    bool f : 1;                   /* bit 103 */
    signed char g : 4;            /* bits 104..107, signed: -8..7 */
    unsigned short h : 12;        /* 108..119 would cross bit 112: placed at bits 112..123 */
};

/* Packed: the straddling field y spans bytes 0..2 with no alignment at all. */
struct __attribute__((packed)) it_bf_packed {
    uint8_t x : 3;
    uint32_t y : 20;
    uint8_t z;
};

/* Fits one eightbyte: passed and returned by value in a register. */
struct it_bf_small { unsigned int lo : 4; unsigned int hi : 4; signed int rest : 24; };

uint32_t it_bf_get_a(const struct it_bf *s);
void it_bf_set_a(struct it_bf *s, uint32_t v);
int32_t it_bf_get_b(const struct it_bf *s);
void it_bf_set_b(struct it_bf *s, int32_t v);
uint64_t it_bf_get_c(const struct it_bf *s);
void it_bf_set_c(struct it_bf *s, uint64_t v);
int64_t it_bf_get_d(const struct it_bf *s);
void it_bf_set_d(struct it_bf *s, int64_t v);
uint32_t it_bf_get_e(const struct it_bf *s);
void it_bf_set_e(struct it_bf *s, uint32_t v);
bool it_bf_get_f(const struct it_bf *s);
void it_bf_set_f(struct it_bf *s, bool v);
int32_t it_bf_get_g(const struct it_bf *s);
void it_bf_set_g(struct it_bf *s, int32_t v);
uint32_t it_bf_get_h(const struct it_bf *s);
void it_bf_set_h(struct it_bf *s, uint32_t v);
size_t it_sizeof_bf(void);
size_t it_alignof_bf(void);

uint32_t it_bfp_get_x(const struct it_bf_packed *s);
void it_bfp_set_x(struct it_bf_packed *s, uint32_t v);
uint32_t it_bfp_get_y(const struct it_bf_packed *s);
void it_bfp_set_y(struct it_bf_packed *s, uint32_t v);
uint32_t it_bfp_get_z(const struct it_bf_packed *s);
void it_bfp_set_z(struct it_bf_packed *s, uint32_t v);
size_t it_sizeof_bf_packed(void);

struct it_bf_small it_bfs_make(uint32_t lo, uint32_t hi, int32_t rest);
/* lo + 16*hi + 256*rest, so each field's value and sign matter. */
int64_t it_bfs_combine(struct it_bf_small s);
size_t it_sizeof_bf_small(void);

/* Returned by value in registers: RAX and RDX for it_bf; for it_bf_mixed XMM0 (the double's
 * eightbyte) and RAX (the bitfields and the float share an eightbyte, which is INTEGER);
 * it_bf_tagged has a char and a bitfield in one int unit; it_bf_union's bitfield and float
 * overlap, so its one eightbyte is INTEGER. */
struct it_bf_mixed { double x; unsigned int flag : 1; unsigned int level : 7; float y; };
struct it_bf_tagged { unsigned char tag; signed int v : 12; };
union it_bf_union { unsigned int bits : 12; float f; };
struct it_bf it_bf_make(uint32_t a, int32_t b, uint64_t c, int64_t d, bool f);
struct it_bf_mixed it_bfm_make(double x, uint32_t flag, uint32_t level, float y);
/* x + 1000 * flag + 10 * level + y */
double it_bfm_sum(struct it_bf_mixed m);
struct it_bf_tagged it_bft_make(uint32_t tag, int32_t v);
/* 10000 * tag + v */
int64_t it_bft_combine(struct it_bf_tagged t);
union it_bf_union it_bfu_make(uint32_t bits);
uint32_t it_bfu_bits(union it_bf_union u);

#endif
