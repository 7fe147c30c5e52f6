/* Plain C's cost of bench/lua/ffi_struct.lua's loop: over an array of 100,000
 * { int id; double x, y; } structs, y = x * 2 and sum += y + id, per element. The loop is in a
 * function the compiler may not inline into the timing loop (as a Lua trace is its own code).
 * Prints "ffi_struct_fields ns-per-element", the best of several rounds. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct { int id; double x, y; } particle;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

__attribute__((noinline)) static double work(particle *ps, long count) {
    double sum = 0;
    for (long i = 0; i < count; i++) {
        particle *p = &ps[i];
        p->y = p->x * 2;
        sum = sum + p->y + p->id;
    }
    return sum;
}

int main(void) {
    const long n = 100000;
    particle *ps = calloc(n, sizeof *ps);
    if (ps == NULL) return 1;
    for (long i = 0; i < n; i++) { ps[i].id = (int) i; ps[i].x = i * 0.5; }
    double best = 1e30;
    volatile double sink = 0;
    for (int round = 0; round < 300; round++) {
        double t0 = now();
        sink += work(ps, n);
        double elapsed = now() - t0;
        if (elapsed < best) best = elapsed;
    }
    printf("ffi_struct_fields %.3f\n", best / n);
    free(ps);
    return 0;
}
