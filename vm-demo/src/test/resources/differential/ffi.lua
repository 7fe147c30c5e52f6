local ffi = require "ffi"
ffi.cdef[[ size_t strlen(const char *s); int abs(int); long labs(long); double sqrt(double); typedef struct { int x, y; } pt; char *strerror(int); int32_t getpid(void);
int snprintf(char *buf, size_t n, const char *fmt, ...);
void qsort(void *base, size_t nmemb, size_t size, int (*compar)(const void *, const void *));
int open(const char *path, int flags);
]]
print(ffi.C.strlen("abc"), type(ffi.C.strlen("abc")), ffi.C.abs(-3), ffi.C.labs(-5), ffi.C.sqrt(2))
local p = ffi.new("pt", 1, 2) print(p.x, p.y)
local a = ffi.new("int[3]", {1,2,3}) print(a[0], a[2], ffi.sizeof(a))
print(ffi.string(ffi.C.strerror(2)))
print(tonumber(ffi.new("int", 5)), 1LL + 2, 5ULL * 3, -1LL, 0xffffffffffffffffULL, 1LL/0)
print(ffi.typeof("int *"))
local q = ffi.cast("int *", a) print(q[1], q + 1 == a + 1, (q + 2) - q, q == nil, ffi.cast("void *", 0) == nil)
print(ffi.new("int64_t", 3))
print(pcall(ffi.new, "int", {}))
print(ffi.offsetof("pt", "y"), ffi.alignof("double"), ffi.istype("pt", p), ffi.abi("64bit"), ffi.os, ffi.arch)
print(1i)
print(7LL/2, -7LL/2, 7LL%3, -7LL%3, 7LL%-3, 1LL%0, 2LL^10, 2LL^-1, 3ULL-5, -3LL < 2ULL, 1LL == 1, 1LL < 1.5, 1LL + 0.5, 5LL * 2ULL)
local buf = ffi.new("char[64]")
local n = ffi.C.snprintf(buf, 64, "%d-%s-%.2f-%lld", ffi.new("int", 42), "str", 3.14159, 1234567890123LL)
print(n, ffi.string(buf))
local arr = ffi.new("int[5]", {5, 3, 9, 1, 7})
ffi.C.qsort(arr, 5, 4, function(x, y)
  local a = ffi.cast("const int *", x)[0]
  local b = ffi.cast("const int *", y)[0]
  return a - b
end)
print(arr[0], arr[1], arr[2], arr[3], arr[4])
print(ffi.C.open("/nonexistent/file", 0), ffi.errno())
local s = ffi.new("struct { int a; double b; int64_t c; char d[4]; }", 1, 2.5, 3)
print(s.a, s.b, s.c, type(s.d), s.d[0])
s.a = 10.9 s.c = 2^40 print(s.a, s.c)
print(ffi.string("abc", 2), ffi.string(s.d))
local v = ffi.new("int[?]", 4, 7) print(v[0], v[3], ffi.sizeof(v))
print(bit.band(0xffLL, 0xfLL), bit.tohex(255LL), bit.lshift(1LL, 40), bit.tobit(2LL^32+5))
local mt = {__add = function(a, b) return ffi.new("pt", a.x + b.x, a.y + b.y) end, __tostring = function(v) return "pt(" .. v.x .. "," .. v.y .. ")" end,
  __index = {len2 = function(v) return v.x * v.x + v.y * v.y end}}
ffi.cdef "typedef struct { double x, y; } vec2;"
local vec2 = ffi.metatype("vec2", mt)
local u = vec2(1, 2) + vec2(3, 4)
local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
ffi.cdef [[ int it_add(int a, int b); ]]
print(lib.it_add(40, 2))
ffi.cdef [[
struct it_i2 { int32_t a; int32_t b; };
struct it_d2 { double x; double y; };
struct it_l2 { int64_t a; int64_t b; };
struct it_i2 it_make_i2(int32_t a, int32_t b);
int64_t it_sum_i2(struct it_i2 s);
struct it_d2 it_scale_d2(struct it_d2 s, double k);
struct it_l2 it_negate_l2(struct it_l2 s);
typedef int32_t (*it_int_binop)(int32_t a, int32_t b);
int32_t it_call_int_binop(it_int_binop f, int32_t a, int32_t b);
typedef double (*it_double_fn)(double x);
double it_call_twice(it_double_fn f, double x);
struct it_global_record { int32_t id; double weight; char tag[8]; };
extern int32_t it_global_int;
extern struct it_global_record it_global_struct;
extern int32_t it_global_array[8];
int32_t it_read_global_int(void);
void it_reset_globals(void);
]]
local s = lib.it_make_i2(3, 4)
print(s.a, s.b, lib.it_sum_i2(s), lib.it_sum_i2({10, 20}))
local d = lib.it_scale_d2(ffi.new("struct it_d2", 1.5, 2), 2)
print(d.x, d.y)
local l = lib.it_negate_l2({1, 2})
print(l.a, l.b)
print(lib.it_call_int_binop(function(a, b) return a * b end, 6, 7))
print(lib.it_call_twice(function(x) return x + 0.5 end, 1))
lib.it_reset_globals()
print(lib.it_global_int, lib.it_global_struct.id, lib.it_global_struct.weight, ffi.string(lib.it_global_struct.tag), lib.it_global_array[7])
lib.it_global_int = 99
print(lib.it_read_global_int())
lib.it_reset_globals()
print(pcall(function() return lib.no_such_symbol end))
local cb = ffi.cast("it_int_binop", function(a, b) return a - b end)
print(lib.it_call_int_binop(cb, 10, 3))
cb:set(function(a, b) return a + b end)
print(lib.it_call_int_binop(cb, 10, 3))
cb:free()
print(pcall(lib.it_call_int_binop, function() error("callback failed") end, 1, 2))
ffi.cdef 'int it_sub(int a, int b);'
print((pcall(function() return ffi.C.it_sub end)))
ffi.load(os.getenv("ISTHMUS_TEST_LIB"), true)
print(ffi.C.it_sub(10, 4))
local count = 0
do
  local p = ffi.gc(ffi.new("int[4]"), function(c) count = count + 1 end)
  local q = ffi.gc(ffi.cast("void *", 1234), function(c) count = count + 1 end)
end
collectgarbage()
collectgarbage()
print("finalized", count)
ffi.cdef "typedef struct { int x; } withgc;"
local T = ffi.metatype("withgc", {__gc = function(o) count = count + 10 end})
do local o = T(1) end
collectgarbage()
print("finalized", count)
local u8 = ffi.new("uint8_t[3]", 255, 128, 7)
local i8 = ffi.cast("int8_t *", u8)
print(u8[0], u8[1], i8[0], i8[1])
local i64 = ffi.new("int64_t[2]", 1, -1)
local u64 = ffi.new("uint64_t[1]", -1)
print(i64[0], i64[1], u64[0], ffi.new("bool[2]", true, false)[0], ffi.new("float[1]", 0.1)[0])
local us = ffi.new("unsigned short[2]")
us[0] = -1; us[1] = 70000
print(us[0], us[1])
local pi = ffi.cast("int *", ffi.new("int[4]", {4, 3, 2, 1}))
print(pi[0] + pi[3])
print(ffi.cast("uint64_t", -1), ffi.new("uint64_t", -1), ffi.cast("uint64_t", -2.5), ffi.cast("uint64_t", 2^63), ffi.cast("uint64_t", 1e30), ffi.cast("int64_t", 2^63), ffi.cast("int64_t", -2^63), ffi.cast("uint64_t", -1LL))
