#include "layouts.h"

#include <stdalign.h>
#include <string.h>

#include "bitfields.h"
#include "callbacks.h"
#include "enums.h"
#include "globals.h"
#include "nested.h"
#include "structs.h"
#include "unions.h"

/* One row per listed member; a record with no listed members has one row with a
 * NULL member. Type rows are consecutive, which it_layout_member_name relies on. */
struct member_row {
    const char *type;
    size_t type_bytes;
    size_t type_alignment;
    const char *member;
    size_t offset_bytes;
};

#define TYPE_ONLY(T) {#T, sizeof(T), alignof(T), NULL, 0}
#define MEMBER(T, M) {#T, sizeof(T), alignof(T), #M, offsetof(T, M)}

static const struct member_row rows[] = {
    MEMBER(struct it_i2, a),
    MEMBER(struct it_i2, b),
    MEMBER(struct it_l2, a),
    MEMBER(struct it_l2, b),
    MEMBER(struct it_f2, x),
    MEMBER(struct it_f2, y),
    MEMBER(struct it_d2, x),
    MEMBER(struct it_d2, y),
    MEMBER(struct it_f4, v),
    MEMBER(struct it_ld, l),
    MEMBER(struct it_ld, d),
    MEMBER(struct it_dl, d),
    MEMBER(struct it_dl, i),
    MEMBER(struct it_fi, f),
    MEMBER(struct it_fi, i),
    MEMBER(struct it_big, a),
    MEMBER(struct it_big, b),
    MEMBER(struct it_big, c),
    MEMBER(struct it_big, d),
    MEMBER(struct it_named, id),
    MEMBER(struct it_named, name),
    MEMBER(struct it_tiny1, a),
    MEMBER(struct it_tiny3, a),
    MEMBER(struct it_tiny3, b),
    MEMBER(struct it_tiny3, c),
    MEMBER(struct it_padded, c),
    MEMBER(struct it_padded, l),
    MEMBER(struct it_padded, s),
    MEMBER(struct it_pad12, c),
    MEMBER(struct it_pad12, i),
    MEMBER(struct it_pad12, s),
    MEMBER(union it_num, i),
    MEMBER(union it_num, f),
    MEMBER(union it_num, bytes),
    MEMBER(union it_dbits, d),
    MEMBER(union it_dbits, bits),
    MEMBER(union it_fpair, f),
    MEMBER(union it_fpair, d),
    MEMBER(union it_triple, d),
    MEMBER(union it_triple, l),
    MEMBER(struct it_tagged, tag),
    MEMBER(struct it_tagged, as),
    TYPE_ONLY(struct it_bf),
    MEMBER(struct it_bf_packed, z),
    TYPE_ONLY(struct it_bf_small),
    MEMBER(struct it_point, x),
    MEMBER(struct it_point, y),
    MEMBER(struct it_rect, tl),
    MEMBER(struct it_rect, br),
    MEMBER(struct it_scene, tag),
    MEMBER(struct it_scene, bounds),
    MEMBER(struct it_scene, scale),
    MEMBER(struct it_scene, u),
    MEMBER(struct it_scene, v),
    MEMBER(struct it_scene, id),
    MEMBER(struct it_scene, weight),
    MEMBER(struct it_scene, corners),
    MEMBER(struct it_packed, c),
    MEMBER(struct it_packed, i),
    MEMBER(struct it_packed, s),
    MEMBER(struct it_packed, d),
    MEMBER(struct it_pack2, c),
    MEMBER(struct it_pack2, i),
    MEMBER(struct it_pack2, d),
    MEMBER(struct it_pack2, tail),
    MEMBER(struct it_holds_packed, lead),
    MEMBER(struct it_holds_packed, inner),
    MEMBER(struct it_holds_packed, after),
    MEMBER(struct it_aligned, c),
    MEMBER(struct it_aligned, i),
    MEMBER(struct it_aligned32, v),
    MEMBER(struct it_cb_pair, a),
    MEMBER(struct it_cb_pair, b),
    MEMBER(struct it_global_record, id),
    MEMBER(struct it_global_record, weight),
    MEMBER(struct it_global_record, tag),
    TYPE_ONLY(enum it_color),
    TYPE_ONLY(enum it_sign),
    TYPE_ONLY(enum it_flags),
    TYPE_ONLY(enum it_big_unsigned),
    TYPE_ONLY(enum it_wide),
    TYPE_ONLY(enum it_wide_negative),
    TYPE_ONLY(enum it_tag),
};

#define ROW_COUNT (sizeof rows / sizeof rows[0])

static const struct member_row *first_row(const char *type) {
    for (size_t i = 0; type != NULL && i < ROW_COUNT; i++) {
        if (strcmp(rows[i].type, type) == 0) {
            return &rows[i];
        }
    }
    return NULL;
}

size_t it_layout_sizeof(const char *type) {
    const struct member_row *row = first_row(type);
    return row == NULL ? (size_t)-1 : row->type_bytes;
}

size_t it_layout_alignof(const char *type) {
    const struct member_row *row = first_row(type);
    return row == NULL ? (size_t)-1 : row->type_alignment;
}

size_t it_layout_offsetof(const char *type, const char *member) {
    for (const struct member_row *row = first_row(type);
         row != NULL && row < rows + ROW_COUNT && strcmp(row->type, type) == 0; row++) {
        if (member != NULL && row->member != NULL && strcmp(row->member, member) == 0) {
            return row->offset_bytes;
        }
    }
    return (size_t)-1;
}

size_t it_layout_type_count(void) {
    size_t count = 0;
    for (size_t i = 0; i < ROW_COUNT; i++) {
        count += i == 0 || strcmp(rows[i].type, rows[i - 1].type) != 0;
    }
    return count;
}

const char *it_layout_type_name(size_t index) {
    size_t seen = 0;
    for (size_t i = 0; i < ROW_COUNT; i++) {
        if (i == 0 || strcmp(rows[i].type, rows[i - 1].type) != 0) {
            if (seen == index) {
                return rows[i].type;
            }
            seen++;
        }
    }
    return NULL;
}

size_t it_layout_member_count(const char *type) {
    size_t count = 0;
    for (const struct member_row *row = first_row(type);
         row != NULL && row < rows + ROW_COUNT && strcmp(row->type, type) == 0; row++) {
        count += row->member != NULL;
    }
    return count;
}

const char *it_layout_member_name(const char *type, size_t index) {
    return index < it_layout_member_count(type) ? first_row(type)[index].member : NULL;
}
