-- The ffi API function by function, against native-test-libs and libc, compared with LuaJIT.
local ffi = require 'ffi'
local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
ffi.cdef [[
/* native-test-libs' struct it_bf with its 40- and 20-bit fields (which LuaJIT cannot declare)
   replaced by padding of the same extent: a and b stay at bits 0..7 */
struct it_bf {
    unsigned int a : 3; signed int b : 5; unsigned int pad : 24; uint32_t pad2; uint64_t pad3;
};
struct bits { unsigned int e : 7; bool f : 1; signed char g : 4; unsigned short h : 12; int rest : 24; };
uint32_t it_bf_get_a(const struct it_bf *s);
void it_bf_set_a(struct it_bf *s, uint32_t v);
int32_t it_bf_get_b(const struct it_bf *s);
enum it_color { IT_RED, IT_GREEN = 5, IT_BLUE };
enum it_color it_color_next(enum it_color c);
const char *it_color_name(enum it_color c);
union it_num { int32_t i; float f; uint8_t bytes[4]; };
union it_dbits { double d; uint64_t bits; };
typedef struct { int len; double data[?]; } vls_t;
typedef struct point { int x, y; } point_t;
]]
-- bitfields written by Lua, read by C, and back
local bf = ffi.new("struct it_bf")
bf.a = 5; bf.b = -3
print(lib.it_bf_get_a(bf), lib.it_bf_get_b(bf), bf.a, bf.b)
local bits = ffi.new("struct bits")
bits.e = 100; bits.f = true; bits.g = -2; bits.h = 4000; bits.rest = -12345
print(bits.e, bits.f, bits.g, bits.h, bits.rest, ffi.sizeof("struct bits"), ffi.offsetof("struct bits", "h"), ffi.offsetof("struct bits", "rest"))
lib.it_bf_set_a(bf, 9)
print(bf.a, bf.b, ffi.sizeof("struct it_bf"), ffi.alignof("struct it_bf"))
print(ffi.offsetof("struct it_bf", "b"), ffi.offsetof("struct it_bf", "pad2"))
-- enums: by number and by name
print(lib.it_color_next(lib.IT_RED or 0), lib.it_color_next("IT_GREEN"), ffi.string(lib.it_color_name("IT_BLUE")), ffi.C.IT_GREEN)
print(ffi.new("enum it_color", "IT_BLUE") == 6, tonumber(ffi.new("enum it_color", 5)))
-- unions
local u = ffi.new("union it_num")
u.f = 1.0
print(u.i, u.bytes[3], ffi.sizeof(u))
local d = ffi.new("union it_dbits", {d = 1.5})
print(d.bits, d.d)
-- VLA and VLS
local vla = ffi.new("int[?]", 5, {1, 2, 3})
print(ffi.sizeof(vla), vla[0], vla[2])
local vls = ffi.new("vls_t", 3)
vls.len = 3; vls.data[2] = 2.5
print(ffi.sizeof(vls), vls.len, vls.data[2], ffi.sizeof("vls_t", 3))
-- typeof with $, istype, ctype constructors
local pt = ffi.typeof("point_t")
local arr_t = ffi.typeof("$[3]", pt)
local ptr_t = ffi.typeof("$ *", pt)
local points = arr_t({{1, 2}, {3, 4}})
print(ffi.sizeof(arr_t), points[1].x, points[2].y, ffi.istype(pt, points[0]), ffi.istype(ptr_t, points[0]), ffi.istype("int", 1))
local p = ffi.cast(ptr_t, points)
print(p[1].y, (p + 1).x, p == points + 0, tostring(ffi.typeof(p)) , tostring(arr_t))
-- metatype with __index function, __newindex, __len, __call, __concat, __eq, __lt, __new
local mt = {
  __index = function(self, k) if k == "sum" then return self.x + self.y end end,
  __newindex = function(self, k, v) error("no field " .. k) end,
  __len = function(self) return 2 end,
  __call = function(self, k) return self.x * k end,
  __concat = function(a, b) return "P" .. tostring(type(a) == "cdata" and a.x or a) .. "/" .. tostring(type(b) == "cdata" and b.x or b) end,
  __eq = function(a, b) return a.x == b.x end,
  __lt = function(a, b) return a.x < b.x end,
  __new = function(ct, x) return ffi.new(ct, x, x) end,
}
ffi.cdef "typedef struct mpoint { int x, y; } mpoint;"
local MP = ffi.metatype("mpoint", mt)
local m1, m2 = MP(3), MP(5)
print(m1.x, m1.y, m1.sum, #m1, m1(10), m1 .. m2, m1 .. "s", m1 == m2, m1 == MP(3), m1 < m2)
print(pcall(function() m1.z = 1 end))
-- ffi.copy, ffi.fill, ffi.string with lengths
local buf = ffi.new("char[16]")
ffi.fill(buf, 15, 65)
print(ffi.string(buf), ffi.string(buf, 3))
ffi.copy(buf, "hello")
print(ffi.string(buf), ffi.string(buf + 1, 2))
local dst = ffi.new("uint8_t[4]")
ffi.copy(dst, ffi.new("uint8_t[4]", {9, 8, 7, 6}), 4)
print(dst[0], dst[3])
-- 64-bit values across calls, pointers to pointers, errno
ffi.cdef "long long atoll(const char *s); char *strchr(const char *s, int c); int close(int fd);"
print(ffi.C.atoll("123456789012345"), ffi.string(ffi.C.strchr("key=value", 61) + 1))
print(ffi.C.close(-1), ffi.errno())
ffi.errno(0)
print(ffi.errno())
-- conversions and their errors
print(pcall(ffi.new, "point_t", 1, 2, 3))
print(pcall(function() return ffi.new("int[2]")[0] + {} end))
print(pcall(ffi.cast, "int *", {}))
print(pcall(function() return ffi.new("point_t").nope end))
print(ffi.new("double", 2) + 0 == nil, tonumber(ffi.new("float", 0.5)), ffi.new("int64_t", 2^40))
print(string.format("%d %x %X %s %5d", 42LL, 255ULL, -1LL, 7LL, 3LL), pcall(string.format, "%f", 2LL))
