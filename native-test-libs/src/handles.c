#include "handles.h"

#include <stdlib.h>

/* The magic word marks live counters so it_counter_is_live can reject a stale or
 * foreign pointer in tests (reading freed memory is undefined; tests only pass
 * pointers they own, plus NULL). */
#define COUNTER_MAGIC 0x15748a5u

struct it_counter {
    uint32_t magic;
    int32_t calls;
    int64_t value;
};

static int32_t live_counters;

it_counter *it_counter_new(int64_t start) {
    it_counter *c = malloc(sizeof *c);
    if (c != NULL) {
        *c = (it_counter){COUNTER_MAGIC, 0, start};
        live_counters++;
    }
    return c;
}
int64_t it_counter_add(it_counter *c, int64_t delta) {
    c->calls++;
    c->value += delta;
    return c->value;
}
int64_t it_counter_get(const it_counter *c) { return c->value; }
int32_t it_counter_calls(const it_counter *c) { return c->calls; }
bool it_counter_is_live(const it_counter *c) { return c != NULL && c->magic == COUNTER_MAGIC; }
void it_counter_free(it_counter *c) {
    if (c != NULL) {
        c->magic = 0;
        live_counters--;
        free(c);
    }
}
int32_t it_live_counters(void) { return live_counters; }
