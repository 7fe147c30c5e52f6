-- A tour of libc through the FFI: scalars, strings, structs from C, varargs, callbacks.
local ffi = require 'ffi'
ffi.cdef [[
typedef int pid_t;
typedef long time_t;
struct tm {
  int tm_sec, tm_min, tm_hour, tm_mday, tm_mon, tm_year, tm_wday, tm_yday, tm_isdst;
  long tm_gmtoff;
  const char *tm_zone;
};
pid_t getpid(void);
size_t strlen(const char *s);
struct tm *gmtime_r(const time_t *timep, struct tm *result);
size_t strftime(char *s, size_t max, const char *format, const struct tm *tm);
int snprintf(char *str, size_t size, const char *format, ...);
void qsort(void *base, size_t nmemb, size_t size, int (*compar)(const void *, const void *));
]]
local C = ffi.C

print('getpid() > 0:', C.getpid() > 0)
print('strlen:', C.strlen('hello, world'))

-- time_t in, struct tm filled by C, a formatted string back.
local t = ffi.new('time_t[1]', 1700000000)
local tm = ffi.new('struct tm')
C.gmtime_r(t, tm)
print('year/month/day:', tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday)
local buf = ffi.new('char[64]')
local n = C.strftime(buf, 64, '%Y-%m-%d %H:%M:%S UTC', tm)
print('strftime:', ffi.string(buf, n))

-- Variadic arguments: Lua numbers pass as double, so integers need a C type.
n = C.snprintf(buf, 64, '%s has %d items costing %.2f', 'cart', ffi.new('int', 3), 19.5)
print('snprintf:', n, ffi.string(buf))

-- qsort calling back into Lua for every comparison.
local values = { 42, 7, 19, 3, 88, 23, 1 }
local arr = ffi.new('int[?]', #values, values)
local calls = 0
C.qsort(arr, #values, ffi.sizeof('int'), function(a, b)
  calls = calls + 1
  local x, y = ffi.cast('const int *', a)[0], ffi.cast('const int *', b)[0]
  return x < y and -1 or (x > y and 1 or 0)
end)
local sorted = {}
for i = 0, #values - 1 do sorted[#sorted + 1] = arr[i] end
print('qsort:', table.concat(sorted, ' '), 'comparator called:', calls > 0)
