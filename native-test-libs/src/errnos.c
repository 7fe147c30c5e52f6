#include "errnos.h"

#include <errno.h>

int it_fail_with(int e) {
    errno = e;
    return -1;
}
int it_succeed(void) { return 0; }
int it_get_errno(void) { return errno; }
void it_set_errno(int e) { errno = e; }
int it_checked_divide(int32_t a, int32_t b, int32_t *out) {
    if (b == 0) {
        errno = EDOM;
        return -1;
    }
    *out = a / b;
    return 0;
}
int it_errno_edom(void) { return EDOM; }
int it_errno_einval(void) { return EINVAL; }
int it_errno_enoent(void) { return ENOENT; }
int it_errno_erange(void) { return ERANGE; }
