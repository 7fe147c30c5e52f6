/* errno: functions that fail by setting it and one that succeeds without touching it,
 * so an FFI's "capture errno right after the call" can be tested both ways.
 * (Named errnos, not errno, so this header never shadows <errno.h>.) */
#ifndef ISTHMUS_TEST_ERRNOS_H
#define ISTHMUS_TEST_ERRNOS_H

#include <stdint.h>

/* Sets errno to e and returns -1. */
int it_fail_with(int e);
/* Returns 0 and leaves errno exactly as it was. */
int it_succeed(void);
int it_get_errno(void);
void it_set_errno(int e);
/* a / b into *out and 0; with b == 0 sets errno to EDOM and returns -1, *out untouched. */
int it_checked_divide(int32_t a, int32_t b, int32_t *out);
/* The platform's values of the errno constants a test uses, so it need not hard-code them. */
int it_errno_edom(void);
int it_errno_einval(void);
int it_errno_enoent(void);
int it_errno_erange(void);

#endif
