/* cc's own layout of every struct, union and enum in this library, looked up by its C
 * spelling ("struct it_scene", "union it_num", "enum it_wide") and member name, so a
 * layout test can iterate over all of them instead of binding one function each.
 * Bit-field members have no offsetof (C11 7.19p3) and are not listed; their records
 * are, with size and alignment. */
#ifndef ISTHMUS_TEST_LAYOUTS_H
#define ISTHMUS_TEST_LAYOUTS_H

#include <stddef.h>

/* (size_t)-1 for an unknown type or member. */
size_t it_layout_sizeof(const char *type);
size_t it_layout_alignof(const char *type);
size_t it_layout_offsetof(const char *type, const char *member);

/* Enumeration: types 0..it_layout_type_count()-1 and, per type, its listed members
 * in declaration order. Out-of-range indexes give NULL. */
size_t it_layout_type_count(void);
const char *it_layout_type_name(size_t index);
size_t it_layout_member_count(const char *type);
const char *it_layout_member_name(const char *type, size_t index);

#endif
