/* Plain C's cost of the calls the FFI benchmarks make: it_add from libisthmustest.so (a call
 * through the PLT into a shared library, as every FFI call is) and libc's strlen, each called
 * through a volatile function pointer so the compiler cannot inline or hoist it; and the
 * library's it_sum_mapped calling back a C function per element (the "callback" floor).
 * Prints "name ns-per-call", the best of several rounds. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "isthmustest.h"

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static double half(double x) {
    return x * 0.5;
}

int main(void) {
    int (*volatile add)(int, int) = it_add;
    size_t (*volatile len)(const char *) = strlen;
    const char *text = "the quick brown fox jumps over the lazy dog";
    const long n = 50000000;
    double best_add = 1e30, best_len = 1e30, best_callback = 1e30;
    static double values[1000];
    for (int i = 0; i < 1000; i++) values[i] = i;
    volatile double fsink = 0;
    volatile long sink = 0;
    for (int round = 0; round < 5; round++) {
        double t0 = now();
        int acc = 0;
        for (long i = 0; i < n; i++) acc = add(acc, 1);
        double t1 = now();
        size_t total = 0;
        for (long i = 0; i < n; i++) total += len(text);
        double t2 = now();
        double mapped = 0;
        for (long i = 0; i < n / 1000; i++) mapped += it_sum_mapped(values, 1000, half);
        double t3 = now();
        fsink += mapped;
        sink += acc + (long) total;
        if ((t3 - t2) / n < best_callback) best_callback = (t3 - t2) / n;
        if ((t1 - t0) / n < best_add) best_add = (t1 - t0) / n;
        if ((t2 - t1) / n < best_len) best_len = (t2 - t1) / n;
    }
    printf("add %.2f\nstrlen %.2f\ncallback %.2f\n", best_add, best_len, best_callback);
    return (int) (sink & 0);
}
