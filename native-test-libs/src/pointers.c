#include "pointers.h"

#include <stdlib.h>

static int forty_two = 42;
static int32_t live_allocations;

int it_ptrptr_fill(int **out) {
    if (out == NULL) {
        return -1;
    }
    forty_two = 42;
    *out = &forty_two;
    return 0;
}
int it_ptrptrptr_write(int ***out) {
    if (out == NULL || *out == NULL || **out == NULL) {
        return -1;
    }
    ***out = 7;
    return 0;
}
int it_deref_int(const int *p) { return *p; }
void it_write_int(int *p, int v) { *p = v; }
void it_swap_ints(int *a, int *b) {
    int t = *a;
    *a = *b;
    *b = t;
}
int64_t it_sum_minmax(const int32_t *values, size_t count, int32_t *min_out, int32_t *max_out) {
    int64_t sum = 0;
    int32_t lo = INT32_MAX;
    int32_t hi = INT32_MIN;
    for (size_t i = 0; i < count; i++) {
        sum += values[i];
        lo = values[i] < lo ? values[i] : lo;
        hi = values[i] > hi ? values[i] : hi;
    }
    *min_out = lo;
    *max_out = hi;
    return sum;
}
void it_fill_doubles(double *dst, size_t count, double start, double step) {
    for (size_t i = 0; i < count; i++) {
        dst[i] = start + step * (double)i;
    }
}
int64_t it_sum_int64s(const int64_t *values, size_t count) {
    int64_t sum = 0;
    for (size_t i = 0; i < count; i++) {
        sum += values[i];
    }
    return sum;
}

int it_alloc_ints(size_t count, int32_t **out) {
    if (out == NULL) {
        return -1;
    }
    int32_t *p = malloc((count == 0 ? 1 : count) * sizeof *p);
    if (p == NULL) {
        return -1;
    }
    for (size_t i = 0; i < count; i++) {
        p[i] = (int32_t)i;
    }
    live_allocations++;
    *out = p;
    return 0;
}
void it_free_ints(int32_t *p) {
    if (p != NULL) {
        live_allocations--;
        free(p);
    }
}
int32_t **it_alloc_matrix(size_t rows, size_t cols) {
    int32_t **m = calloc(rows == 0 ? 1 : rows, sizeof *m);
    if (m == NULL) {
        return NULL;
    }
    for (size_t r = 0; r < rows; r++) {
        m[r] = malloc((cols == 0 ? 1 : cols) * sizeof **m);
        if (m[r] == NULL) {
            while (r > 0) {
                free(m[--r]);
            }
            free(m);
            return NULL;
        }
        for (size_t c = 0; c < cols; c++) {
            m[r][c] = (int32_t)(r * cols + c);
        }
    }
    live_allocations++;
    return m;
}
int64_t it_sum_matrix(int32_t *const *m, size_t rows, size_t cols) {
    int64_t sum = 0;
    for (size_t r = 0; r < rows; r++) {
        for (size_t c = 0; c < cols; c++) {
            sum += m[r][c];
        }
    }
    return sum;
}
void it_free_matrix(int32_t **m, size_t rows) {
    if (m == NULL) {
        return;
    }
    for (size_t r = 0; r < rows; r++) {
        free(m[r]);
    }
    free(m);
    live_allocations--;
}
int32_t it_live_allocations(void) { return live_allocations; }

void *it_null_ptr(void) { return NULL; }
bool it_is_null(const void *p) { return p == NULL; }
void *it_ptr_add(void *p, ptrdiff_t byte_offset) { return (char *)p + byte_offset; }
ptrdiff_t it_ptr_diff(const void *a, const void *b) { return (const char *)a - (const char *)b; }
size_t it_count_strings(const char *const *list) {
    size_t n = 0;
    if (list != NULL) {
        while (list[n] != NULL) {
            n++;
        }
    }
    return n;
}
const double *it_static_doubles(void) {
    static const double values[4] = {0.5, 1.5, 2.5, 3.5};
    return values;
}
