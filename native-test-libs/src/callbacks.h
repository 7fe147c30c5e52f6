/* Callbacks: C calling back into the host through function pointers of many shapes,
 * immediately, repeatedly, from a sort, and later from a stored pointer; plus
 * functions that return function pointers. */
#ifndef ISTHMUS_TEST_CALLBACKS_H
#define ISTHMUS_TEST_CALLBACKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int32_t (*it_int_binop)(int32_t a, int32_t b);
typedef double (*it_double_fn)(double x);
typedef int32_t (*it_int_fn)(int32_t x);
typedef int (*it_compare_fn)(const void *a, const void *b);
typedef void (*it_visit_fn)(int32_t index, void *user_data);

/* A struct crossing the callback boundary by value (INTEGER SSE). */
struct it_cb_pair { int32_t a; double b; };
typedef double (*it_pair_fn)(struct it_cb_pair p);
typedef struct it_cb_pair (*it_make_pair_fn)(int32_t a, double b);
typedef void (*it_out_fn)(int32_t *out, void *user_data);
/* Eight parameters of eight different types. */
typedef double (*it_mixed8_fn)(int8_t a, int16_t b, int32_t c, int64_t d, float e,
                               double f, const char *g, bool h);

int32_t it_call_int_binop(it_int_binop f, int32_t a, int32_t b);
double it_call_double_fn(it_double_fn f, double x);
/* Calls f(f(x)): the callback re-entered with its own result. */
double it_call_twice(it_double_fn f, double x);
double it_call_with_pair(it_pair_fn f, int32_t a, double b);
/* Calls f(a, b) and returns the pair's a + b. */
double it_call_making_pair(it_make_pair_fn f, int32_t a, double b);
/* Calls f(&slot, user_data) with slot starting at -1 and returns what f wrote. */
int32_t it_call_with_out(it_out_fn f, void *user_data);
double it_call_mixed8(it_mixed8_fn f);  /* f(-8, -1600, 320000, 1<<40, 0.5f, 0.25, "cb", true) */
/* Replaces each values[i] by f(values[i]). */
void it_apply_ints(int32_t *values, size_t count, it_int_fn f);
/* Sum of f(values[i]). */
double it_sum_mapped(const double *values, size_t count, it_double_fn f);
/* Calls f(i, user_data) for i in 0..count-1, in order. */
void it_for_each_index(int32_t count, it_visit_fn f, void *user_data);
/* A stable insertion sort with qsort's contract; implemented here (not libc qsort)
 * so the comparator call sequence is this library's own and deterministic. */
void it_sort(void *base, size_t count, size_t element_size, it_compare_fn compare);

/* Store a callback now, call it later: the host must keep the upcall stub alive. */
void it_store_callback(it_int_binop f);
bool it_has_stored_callback(void);
/* Calls the stored callback, or returns INT32_MIN when none is stored. */
int32_t it_call_stored(int32_t a, int32_t b);
void it_clear_callback(void);

/* Function pointers out: "add", "sub", "mul" name C functions of this library
 * (it_add, it_sub, it_mul as it_int_binop); anything else gives NULL. */
it_int_binop it_get_binop(const char *name);
/* The same without the typedef: a function returning a pointer to a function
 * taking (double) and returning double; which 0 -> square, 1 -> negate, else NULL. */
double (*it_get_unary(int32_t which))(double);

#endif
