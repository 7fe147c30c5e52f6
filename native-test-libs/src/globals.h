/* Global variables an FFI reads and writes by symbol address, each with C functions
 * that read it (or write it) so a test checks its writes from the C side. */
#ifndef ISTHMUS_TEST_GLOBALS_H
#define ISTHMUS_TEST_GLOBALS_H

#include <stddef.h>
#include <stdint.h>

struct it_global_record { int32_t id; double weight; char tag[8]; };

extern int32_t it_global_int;              /* initially 1234 */
extern double it_global_double;            /* initially 2.5 */
extern int64_t it_global_counter;          /* initially 0, bumped by it_bump_counter */
extern struct it_global_record it_global_struct;  /* initially {7, 0.75, "init"} */
extern int32_t it_global_array[8];         /* initially {1, 2, ..., 8} */
extern int32_t *it_global_ptr;             /* initially &it_global_int */
extern const char *const it_global_name;   /* "isthmus", read-only */
extern const char it_global_text[];        /* "text array": an array symbol, not a pointer */

int32_t it_read_global_int(void);
void it_write_global_int(int32_t v);
double it_read_global_double(void);
int64_t it_bump_counter(void);             /* returns the new value */
int32_t it_read_global_struct_id(void);
double it_read_global_struct_weight(void);
const char *it_read_global_struct_tag(void);
int32_t it_read_global_array(size_t index); /* INT32_MIN when index >= 8 */
int64_t it_sum_global_array(void);
/* *it_global_ptr, or INT32_MIN when the pointer is NULL. */
int32_t it_read_through_global_ptr(void);
/* Restores every global to its initial value. */
void it_reset_globals(void);

#endif
