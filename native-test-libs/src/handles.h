/* An opaque handle: the type is declared but never defined here, so an FFI can only
 * hold pointers to it and pass them back (create / use / destroy). */
#ifndef ISTHMUS_TEST_HANDLES_H
#define ISTHMUS_TEST_HANDLES_H

#include <stdbool.h>
#include <stdint.h>

typedef struct it_counter it_counter;

/* NULL if the allocation failed. Destroy with it_counter_free. */
it_counter *it_counter_new(int64_t start);
/* Adds delta and returns the new value. */
int64_t it_counter_add(it_counter *c, int64_t delta);
int64_t it_counter_get(const it_counter *c);
/* How many times it_counter_add was called on c. */
int32_t it_counter_calls(const it_counter *c);
/* A handle's validity check: false for NULL or a pointer this library did not make
 * (or already freed). */
bool it_counter_is_live(const it_counter *c);
void it_counter_free(it_counter *c);
/* Counters created and not yet freed. */
int32_t it_live_counters(void);

#endif
