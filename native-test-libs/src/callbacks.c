#include "callbacks.h"

#include <stdlib.h>
#include <string.h>

#include "arith.h"

int32_t it_call_int_binop(it_int_binop f, int32_t a, int32_t b) { return f(a, b); }
double it_call_double_fn(it_double_fn f, double x) { return f(x); }
double it_call_twice(it_double_fn f, double x) { return f(f(x)); }
double it_call_with_pair(it_pair_fn f, int32_t a, double b) {
    return f((struct it_cb_pair){a, b});
}
double it_call_making_pair(it_make_pair_fn f, int32_t a, double b) {
    struct it_cb_pair p = f(a, b);
    return p.a + p.b;
}
int32_t it_call_with_out(it_out_fn f, void *user_data) {
    int32_t slot = -1;
    f(&slot, user_data);
    return slot;
}
double it_call_mixed8(it_mixed8_fn f) {
    return f(-8, -1600, 320000, INT64_C(1) << 40, 0.5f, 0.25, "cb", true);
}
void it_apply_ints(int32_t *values, size_t count, it_int_fn f) {
    for (size_t i = 0; i < count; i++) {
        values[i] = f(values[i]);
    }
}
double it_sum_mapped(const double *values, size_t count, it_double_fn f) {
    double sum = 0;
    for (size_t i = 0; i < count; i++) {
        sum += f(values[i]);
    }
    return sum;
}
void it_for_each_index(int32_t count, it_visit_fn f, void *user_data) {
    for (int32_t i = 0; i < count; i++) {
        f(i, user_data);
    }
}

void it_sort(void *base, size_t count, size_t element_size, it_compare_fn compare) {
    if (count < 2 || element_size == 0) {
        return;
    }
    unsigned char *bytes = base;
    unsigned char *held = malloc(element_size);
    if (held == NULL) {
        abort(); /* a test library: failing loudly beats a silently unsorted array */
    }
    for (size_t i = 1; i < count; i++) {
        memcpy(held, bytes + i * element_size, element_size);
        size_t j = i;
        while (j > 0 && compare(bytes + (j - 1) * element_size, held) > 0) {
            memcpy(bytes + j * element_size, bytes + (j - 1) * element_size, element_size);
            j--;
        }
        memcpy(bytes + j * element_size, held, element_size);
    }
    free(held);
}

static it_int_binop stored_callback;

void it_store_callback(it_int_binop f) { stored_callback = f; }
bool it_has_stored_callback(void) { return stored_callback != NULL; }
int32_t it_call_stored(int32_t a, int32_t b) {
    return stored_callback == NULL ? INT32_MIN : stored_callback(a, b);
}
void it_clear_callback(void) { stored_callback = NULL; }

it_int_binop it_get_binop(const char *name) {
    if (name == NULL) {
        return NULL;
    }
    /* it_add and friends take int; int is int32_t on every platform this targets. */
    _Static_assert(sizeof(int) == sizeof(int32_t), "int is 32 bits");
    if (strcmp(name, "add") == 0) {
        return (it_int_binop)it_add;
    }
    if (strcmp(name, "sub") == 0) {
        return (it_int_binop)it_sub;
    }
    if (strcmp(name, "mul") == 0) {
        return (it_int_binop)it_mul;
    }
    return NULL;
}

static double square(double x) { return x * x; }
static double negate(double x) { return -x; }

double (*it_get_unary(int32_t which))(double) {
    switch (which) {
    case 0: return square;
    case 1: return negate;
    default: return NULL;
    }
}
