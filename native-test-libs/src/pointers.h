/* Pointers: out-parameters, pointers to pointers, arrays, pointer arithmetic, NULL,
 * and allocate/free pairs (memory a test must give back to the same allocator). */
#ifndef ISTHMUS_TEST_POINTERS_H
#define ISTHMUS_TEST_POINTERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Stores into *out a pointer to a library-owned int holding 42; returns 0, or -1 when
 * out is NULL. The pointee stays valid for the library's lifetime. */
int it_ptrptr_fill(int **out);
/* Writes 7 into the int that **out points to (three levels of indirection). */
int it_ptrptrptr_write(int ***out);
int it_deref_int(const int *p);
void it_write_int(int *p, int v);
void it_swap_ints(int *a, int *b);
/* Returns the sum and writes min and max: several out-parameters at once. */
int64_t it_sum_minmax(const int32_t *values, size_t count, int32_t *min_out, int32_t *max_out);
void it_fill_doubles(double *dst, size_t count, double start, double step);
int64_t it_sum_int64s(const int64_t *values, size_t count);

/* Malloc'ed array of count ints holding 0..count-1, stored in *out; returns 0, or -1
 * when out is NULL or the allocation failed. Free with it_free_ints. */
int it_alloc_ints(size_t count, int32_t **out);
void it_free_ints(int32_t *p);
/* A rows x cols matrix as an array of row pointers, m[r][c] = r * cols + c.
 * Free with it_free_matrix(m, rows). */
int32_t **it_alloc_matrix(size_t rows, size_t cols);
int64_t it_sum_matrix(int32_t *const *m, size_t rows, size_t cols);
void it_free_matrix(int32_t **m, size_t rows);
/* Number of live allocations made by it_alloc_ints/it_alloc_matrix not yet freed,
 * so a test can check it freed what it allocated. */
int32_t it_live_allocations(void);

/* NULL in, NULL out. */
void *it_null_ptr(void);
bool it_is_null(const void *p);
/* Pointer arithmetic in bytes; lets a test check address values it computed. */
void *it_ptr_add(void *p, ptrdiff_t byte_offset);
ptrdiff_t it_ptr_diff(const void *a, const void *b);
/* Counts the strings in a NULL-terminated array (argv style). */
size_t it_count_strings(const char *const *list);
/* Pointer to a function's own static array of four doubles {0.5, 1.5, 2.5, 3.5}. */
const double *it_static_doubles(void);

#endif
