-- Calls to libc through ffi.C and to native-test-libs through ffi.load.

-- test: libc string functions
do
  local ffi = require("ffi")
  ffi.cdef("size_t strlen(const char *s); int strcmp(const char *a, const char *b); char *strchr(const char *s, int c);")
  print(ffi.C.strlen("hello"), ffi.C.strcmp("a", "b") < 0, ffi.string(ffi.C.strchr("hello", 108)))
end
-- expect: 5ULL	true	llo

-- test: libc snprintf with varargs
do
  local ffi = require("ffi")
  ffi.cdef("int snprintf(char *buf, size_t n, const char *fmt, ...);")
  local buf = ffi.new("char[64]")
  local n = ffi.C.snprintf(buf, 64, "%d-%s-%.2f", ffi.new("int", 42), "str", 3.14159)
  print(n, ffi.string(buf))
end
-- expect: 11	42-str-3.14

-- test: libc math
do
  local ffi = require("ffi")
  ffi.cdef("double sqrt(double x); double floor(double x); int abs(int x);")
  print(ffi.C.sqrt(2) == math.sqrt(2), ffi.C.floor(-2.5), ffi.C.abs(-7))
end
-- expect: true	-3	7

-- test: qsort with a Lua comparator
do
  local ffi = require("ffi")
  ffi.cdef("void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));")
  local a = ffi.new("int[6]", {5, 3, 9, 1, 7, 2})
  ffi.C.qsort(a, 6, ffi.sizeof("int"), function(x, y)
    local u, v = ffi.cast("const int *", x)[0], ffi.cast("const int *", y)[0]
    return u < v and -1 or (u > v and 1 or 0)
  end)
  local out = {}
  for i = 0, 5 do out[#out + 1] = a[i] end
  print(table.concat(out, " "))
end
-- expect: 1 2 3 5 7 9

-- test: errno after a failing libc call
do
  local ffi = require("ffi")
  ffi.cdef("int close(int fd);")
  print(ffi.C.close(-1), ffi.errno())
end
-- expect: -1	9

-- test: missing symbol is an error
do
  local ffi = require("ffi")
  ffi.cdef("int no_such_function_xyz(void);")
  local ok, e = pcall(function() return ffi.C.no_such_function_xyz end)
  print(ok, e:match("undefined symbol: no_such_function_xyz$") ~= nil)
end
-- expect: false	true

-- test: undeclared function is an error
do
  local ffi = require("ffi")
  print(pcall(function() return ffi.C.never_declared_xyz end))
end
-- expect: false	calls.lua:64: missing declaration for symbol 'never_declared_xyz'

-- test: integer arguments and results from the test library
do
  local ffi = require("ffi")
  ffi.cdef("int it_add(int a, int b); int64_t it_add_int64(int64_t a, int64_t b); double it_add_double(double a, double b);")
  local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
  print(lib.it_add(40, 2), lib.it_add_int64(2 ^ 40, 1), lib.it_add_double(0.5, 0.25), type(lib.it_add(1, 1)))
end
-- expect: 42	1099511627777LL	0.75	number

-- test: narrow integer conversions in calls
do
  local ffi = require("ffi")
  ffi.cdef("int8_t it_id_int8(int8_t v); uint16_t it_id_uint16(uint16_t v); uint32_t it_id_uint32(uint32_t v); bool it_id_bool(bool v); float it_id_float(float v);")
  local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
  print(lib.it_id_int8(127), lib.it_id_int8(128), lib.it_id_uint16(-1), lib.it_id_uint32(-1), lib.it_id_bool(0), lib.it_id_bool(5), lib.it_id_float(0.1))
end
-- expect: 127	-128	65535	4294967295	false	true	0.10000000149012

-- test: 64-bit results are cdata
do
  local ffi = require("ffi")
  ffi.cdef("uint64_t it_id_uint64(uint64_t v); int64_t it_id_int64(int64_t v);")
  local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
  print(lib.it_id_uint64(-1), lib.it_id_int64(-5), type(lib.it_id_int64(1)))
end
-- expect: 9223372036854775808ULL	-5LL	cdata

-- test: structs by value
do
  local ffi = require("ffi")
  ffi.cdef([[
    struct it_i2 { int32_t a; int32_t b; };
    struct it_d2 { double x; double y; };
    struct it_i2 it_make_i2(int32_t a, int32_t b);
    int64_t it_sum_i2(struct it_i2 s);
    struct it_d2 it_scale_d2(struct it_d2 s, double k);
  ]])
  local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
  local s = lib.it_make_i2(3, 4)
  local d = lib.it_scale_d2(ffi.new("struct it_d2", 1.5, 2), 2)
  print(s.a, s.b, lib.it_sum_i2(s), lib.it_sum_i2({10, 20}), d.x, d.y)
end
-- expect: 3	4	7LL	30LL	3	4

-- test: struct pointers
do
  local ffi = require("ffi")
  ffi.cdef([[
    struct it_big { int64_t a; int64_t b; int64_t c; double d; };
    double it_sum_big_ptr(const struct it_big *s);
  ]])
  local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
  local b = ffi.new("struct it_big", 1, 2, 3, 0.5)
  print(lib.it_sum_big_ptr(b))
end
-- expect: 6.5

-- test: variadic calls to the test library
do
  local ffi = require("ffi")
  ffi.cdef("int64_t it_sum_ints(int count, ...); double it_sum_doubles(int count, ...);")
  local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
  print(lib.it_sum_ints(3, ffi.new("int", 1), ffi.new("int", 2), ffi.new("int", 3)), lib.it_sum_doubles(2, 1.5, 2.25))
end
-- expect: 6LL	3.75

-- test: C strings in and out
do
  local ffi = require("ffi")
  ffi.cdef([[
    const char *it_static_greeting(void);
    char *it_strdup_upper(const char *s);
    void it_string_free(char *s);
    const char *it_null_string(void);
  ]])
  local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
  local up = lib.it_strdup_upper("shout")
  print(ffi.string(lib.it_static_greeting()), ffi.string(up), lib.it_null_string() == nil)
  lib.it_string_free(up)
end
-- expect: hello from isthmus	SHOUT	true

-- test: callbacks from C into Lua
do
  local ffi = require("ffi")
  ffi.cdef([[
    typedef int32_t (*it_int_binop)(int32_t a, int32_t b);
    int32_t it_call_int_binop(it_int_binop f, int32_t a, int32_t b);
    typedef double (*it_double_fn)(double x);
    double it_call_twice(it_double_fn f, double x);
  ]])
  local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
  print(lib.it_call_int_binop(function(a, b) return a * b end, 6, 7), lib.it_call_twice(function(x) return x + 1 end, 1))
  -- Java functions and vararg Lua functions as callbacks: numbers pass and return unboxed to closures only.
  local sqrt = ffi.cast("it_double_fn", math.sqrt)
  print(lib.it_call_twice(sqrt, 16), lib.it_call_twice(function(...) return select("#", ...) + (...) end, 0.5))
  print(lib.it_call_int_binop(function(...) local a, b = ... return a * 100 + b + select("#", ...) end, -7, 3))
  print(lib.it_call_int_binop(math.max, -7, 3), pcall(lib.it_call_twice, function(x) return nil end, 1))
  sqrt:free()
end
-- expect: 42	3
-- expect: 2	2.5
-- expect: -695
-- expect: 3	false	calls.lua:165: cannot convert 'nil' to 'double'

-- test: callback made with ffi.cast, freed and set
do
  local ffi = require("ffi")
  ffi.cdef([[
    typedef int32_t (*it_int_binop)(int32_t a, int32_t b);
    int32_t it_call_int_binop(it_int_binop f, int32_t a, int32_t b);
  ]])
  local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
  local cb = ffi.cast("it_int_binop", function(a, b) return a - b end)
  print(lib.it_call_int_binop(cb, 10, 3))
  cb:set(function(a, b) return a + b end)
  print(lib.it_call_int_binop(cb, 10, 3))
  cb:free()
  print(pcall(cb.set, cb, function() end))
end
-- expect: 7
-- expect: 13
-- expect: false	bad callback

-- test: callback results converted to narrow, unsigned, float and bool return types
do
  local ffi = require("ffi")
  local u8 = ffi.cast("uint8_t (*)(int)", function(x) return x end)
  local i16 = ffi.cast("int16_t (*)(int)", function(x) return x end)
  local u32 = ffi.cast("uint32_t (*)(double)", function(x) return x end)
  local f = ffi.cast("float (*)(double)", function(x) return x end)
  local b = ffi.cast("bool (*)(double)", function(x) return x end)
  print(u8(300), u8(-1), i16(70000), i16(-32769), u32(-1), u32(4294967296 + 5))
  print(f(0.1) == 0.1, f(0.5), f(1e40), b(0), b(2))
  u8:free() i16:free() u32:free() f:free() b:free()
end
-- expect: 44	255	4464	32767	4294967295	5
-- expect: false	0.5	inf	false	true

-- test: global variables of the test library
do
  local ffi = require("ffi")
  ffi.cdef([[
    extern int32_t it_global_int;
    extern int32_t it_global_array[8];
    int32_t it_read_global_int(void);
    void it_reset_globals(void);
  ]])
  local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
  lib.it_reset_globals()
  print(lib.it_global_int, lib.it_global_array[7])
  lib.it_global_int = 99
  print(lib.it_read_global_int())
  lib.it_reset_globals()
end
-- expect: 1234	8
-- expect: 99

-- test: errno from the test library
do
  local ffi = require("ffi")
  ffi.cdef("int it_fail_with(int e); int it_errno_enoent(void);")
  local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
  local r = lib.it_fail_with(lib.it_errno_enoent())
  print(r, ffi.errno() == lib.it_errno_enoent())
end
-- expect: -1	true

-- test: out parameters through arrays
do
  local ffi = require("ffi")
  ffi.cdef("int it_checked_divide(int32_t a, int32_t b, int32_t *out);")
  local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
  local out = ffi.new("int32_t[1]")
  print(lib.it_checked_divide(17, 5, out), out[0])
end
-- expect: 0	3

-- test: wrong argument count and type in calls
do
  local ffi = require("ffi")
  ffi.cdef("int it_add(int a, int b);")
  local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
  print(pcall(lib.it_add, 1))
  print(pcall(lib.it_add, {}, 1))
end
-- expect: false	wrong number of arguments for function call
-- expect: false	bad argument #1 to '?' (cannot convert 'table' to 'int')

-- test: load of a missing library fails with a message
do
  local ffi = require("ffi")
  local ok, e = pcall(ffi.load, "/nonexistent/libnothing.so")
  print(ok, type(e))
end
-- expect: false	string

-- test: opaque handles from the test library
do
  local ffi = require("ffi")
  ffi.cdef([[
    typedef struct it_counter it_counter;
    it_counter *it_counter_new(int64_t start);
    int64_t it_counter_add(it_counter *c, int64_t delta);
    int64_t it_counter_get(const it_counter *c);
    void it_counter_free(it_counter *c);
  ]])
  local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
  local c = ffi.gc(lib.it_counter_new(10), lib.it_counter_free)
  lib.it_counter_add(c, 5)
  print(lib.it_counter_get(c), tostring(ffi.typeof(c)))
end
-- expect: 15LL	ctype<struct it_counter *>

-- test: a narrow integer argument reaches the callee extended by its own type's signedness
do
  local ffi = require("ffi")
  ffi.cdef[[
  int abs_of_u8(uint8_t x) asm("abs");
  int abs_of_i8(int8_t x) asm("abs");
  int abs_of_u16(uint16_t x) asm("abs");
  int abs_of_i16(int16_t x) asm("abs");
  ]]
  local C = ffi.C
  print(C.abs_of_u8(255), C.abs_of_u8(0x180), C.abs_of_i8(255), C.abs_of_u16(0xffff), C.abs_of_i16(0x18000))
end
-- expect: 255	128	1	65535	32768

-- test: structs and unions with bitfields are returned and passed by value as C passes them
do
  local ffi = require("ffi")
  ffi.cdef[[
    struct it_bf_small { unsigned int lo : 4; unsigned int hi : 4; signed int rest : 24; };
    struct it_bf_mixed { double x; unsigned int flag : 1; unsigned int level : 7; float y; };
    struct it_bf_tagged { unsigned char tag; signed int v : 12; };
    union it_bf_union { unsigned int bits : 12; float f; };
    struct it_bf_small it_bfs_make(uint32_t lo, uint32_t hi, int32_t rest);
    int64_t it_bfs_combine(struct it_bf_small s);
    struct it_bf_mixed it_bfm_make(double x, uint32_t flag, uint32_t level, float y);
    double it_bfm_sum(struct it_bf_mixed m);
    struct it_bf_tagged it_bft_make(uint32_t tag, int32_t v);
    int64_t it_bft_combine(struct it_bf_tagged t);
    union it_bf_union it_bfu_make(uint32_t bits);
    uint32_t it_bfu_bits(union it_bf_union u);
  ]]
  local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
  local s = lib.it_bfs_make(3, 9, -5)
  print(s.lo, s.hi, s.rest, lib.it_bfs_combine(s), lib.it_bfs_combine(ffi.new("struct it_bf_small", 1, 2, -3)))
  local m = lib.it_bfm_make(0.5, 1, 130, 0.25)
  print(m.x, m.flag, m.level, m.y, lib.it_bfm_sum(m), lib.it_bfm_sum({2, 0, 3, 1}))
  local t = lib.it_bft_make(7, -2000)
  print(t.tag, t.v, lib.it_bft_combine(t), lib.it_bfu_make(0x1abc).bits, lib.it_bfu_bits(lib.it_bfu_make(5)))
  local sum = 0
  for i = 1, 100 do sum = sum + lib.it_bfs_make(i, i, -i).rest + 2 * lib.it_bfm_make(i, i, i, 0).level end
  print(sum)
end
-- expect: 3	9	-5	-1133LL	-735LL
-- expect: 0.5	1	2	0.25	1020.75	33
-- expect: 7	-2000	68000LL	2748	5
-- expect: 5050

-- test: ffi.load adds "lib" to a name only when it lacks it
do
  local ffi = require("ffi")
  print(pcall(ffi.load, "libnonexist_xyz"))
  print(pcall(ffi.load, "nonexist_xyz"))
  print(type(ffi.load("libz")) == type(ffi.load("z")))
end
-- expect: false	libnonexist_xyz.so: cannot open shared object file: No such file or directory
-- expect: false	libnonexist_xyz.so: cannot open shared object file: No such file or directory
-- expect: true
