/* Records of the hosted C library and of zlib, whose layouts differ between C libraries (glibc's
   struct stat on x86-64 and on AArch64): for the tests of isthmus bind --system-include. */
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <zlib.h>

struct libc_records {
    struct stat st;
    struct timespec ts;
    struct tm tm;
    off_t off;
    size_t size;
    time_t time;
    z_stream stream;
    long l;
};
