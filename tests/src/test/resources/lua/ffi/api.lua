-- The ffi module's API functions and cdata semantics, without native calls.

-- test: cdef and new of a struct
do
  local ffi = require("ffi")
  ffi.cdef("struct point { int x, y; };")
  local p = ffi.new("struct point", 1, 2)
  print(p.x, p.y, ffi.sizeof(p), ffi.sizeof("struct point"))
end
-- expect: 1	2	8	8

-- test: new zero fills
do
  local ffi = require("ffi")
  local a = ffi.new("int[4]")
  local s = ffi.new("struct { double d; char c[3]; }")
  print(a[0], a[3], s.d, s.c[2])
end
-- expect: 0	0	0	0

-- test: new with a table initializer
do
  local ffi = require("ffi")
  local a = ffi.new("int[5]", {1, 2, 3})
  local s = ffi.new("struct { int a; double b; }", {a = 7, b = 1.5})
  print(a[0], a[2], a[3], s.a, s.b)
end
-- expect: 1	3	0	7	1.5

-- test: array initializer with one value fills all elements
do
  local ffi = require("ffi")
  local a = ffi.new("int[3]", 9)
  print(a[0], a[1], a[2])
end
-- expect: 9	9	9

-- test: too many initializers is an error
do
  local ffi = require("ffi")
  print(pcall(ffi.new, "int[2]", 1, 2, 3))
end
-- expect: false	too many initializers for 'int [2]'

-- test: variable length arrays
do
  local ffi = require("ffi")
  local a = ffi.new("int[?]", 5)
  local b = ffi.new("double[?]", 3, 1.5)
  print(ffi.sizeof(a), b[0], b[2])
end
-- expect: 20	1.5	1.5

-- test: variable length struct
do
  local ffi = require("ffi")
  ffi.cdef("struct vls { int n; int items[?]; };")
  local v = ffi.new("struct vls", 4)
  print(ffi.sizeof(v), ffi.sizeof("struct vls", 10))
end
-- expect: 20	44

-- test: sizeof alignof offsetof
do
  local ffi = require("ffi")
  ffi.cdef("struct layout { char c; double d; short s; };")
  print(ffi.sizeof("struct layout"), ffi.alignof("struct layout"), ffi.offsetof("struct layout", "c"), ffi.offsetof("struct layout", "d"), ffi.offsetof("struct layout", "s"))
end
-- expect: 24	8	0	8	16

-- test: sizeof of basic types
do
  local ffi = require("ffi")
  print(ffi.sizeof("char"), ffi.sizeof("short"), ffi.sizeof("int"), ffi.sizeof("long long"), ffi.sizeof("float"), ffi.sizeof("double"), ffi.sizeof("void *"), ffi.sizeof("bool"))
end
-- expect: 1	2	4	8	4	8	8	1

-- test: offsetof of a bitfield returns position and size
do
  local ffi = require("ffi")
  ffi.cdef("struct bits { unsigned a : 3; unsigned b : 5; int c; };")
  print(ffi.offsetof("struct bits", "b"))
  print(ffi.offsetof("struct bits", "c"), ffi.offsetof("struct bits", "nope"))
end
-- expect: 0	3	5
-- expect: 4

-- test: typeof returns a ctype usable as constructor
do
  local ffi = require("ffi")
  local int4 = ffi.typeof("int[4]")
  local a = int4()
  a[1] = 5
  print(tostring(int4), a[1], ffi.sizeof(int4))
end
-- expect: ctype<int [4]>	5	16

-- test: typeof with parameters
do
  local ffi = require("ffi")
  local t = ffi.typeof("$ *", ffi.typeof("int"))
  local arr = ffi.typeof("$[3]", ffi.typeof("double"))
  print(tostring(t), tostring(arr), ffi.sizeof(arr))
end
-- expect: ctype<int *>	ctype<double [3]>	24

-- test: istype
do
  local ffi = require("ffi")
  local x = ffi.new("int[2]")
  print(ffi.istype("int[2]", x), ffi.istype("int *", x), ffi.istype("int", 1), ffi.istype("int", ffi.new("int")))
end
-- expect: true	false	false	true

-- test: cast between numbers and pointers
do
  local ffi = require("ffi")
  print(tonumber(ffi.cast("int", 3.9)), tonumber(ffi.cast("uint8_t", 257)), tonumber(ffi.cast("int8_t", 200)), tonumber(ffi.cast("uintptr_t", ffi.cast("void *", 1234))))
end
-- expect: 3	1	-56	1234

-- test: cast to a 64-bit type
do
  local ffi = require("ffi")
  print(ffi.cast("int64_t", -1), ffi.cast("uint64_t", -1), tonumber(ffi.cast("int32_t", 0xffffffffLL)))
end
-- expect: -1LL	9223372036854775808ULL	-1

-- test: type of cdata and tostring of ctypes
do
  local ffi = require("ffi")
  print(type(ffi.new("int")), tostring(ffi.typeof("struct { int a; }")):match("^ctype<") ~= nil, tostring(ffi.typeof("uint8_t *")))
end
-- expect: cdata	true	ctype<unsigned char *>

-- test: scalar cdata box
do
  local ffi = require("ffi")
  local n = ffi.new("int", 42)
  local d = ffi.new("double", 1.5)
  print(tonumber(n), tonumber(d), n == 42, tostring(ffi.new("int64_t", 5)))
end
-- expect: 42	1.5	true	5LL

-- test: int64 arithmetic
do
  local ffi = require("ffi")
  local a = ffi.new("int64_t", 10)
  print(a + 1, a * a, a - 20, a / 3, a % 3, -a, a ^ 2, a == 10, a < 11)
end
-- expect: 11LL	100LL	-10LL	3LL	1LL	-10LL	100LL	true	true

-- test: uint64 arithmetic and conversion
do
  local ffi = require("ffi")
  local u = ffi.new("uint64_t", 1)
  print(u - 2, u + 1LL, tonumber(u), 0ULL - 1 > 0)
end
-- expect: 18446744073709551615ULL	2ULL	1	true

-- test: int64 division by zero and overflow
do
  print(1LL / 0, -1LL / 0, 0LL / 0, 0x7fffffffffffffffLL + 1)
end
-- expect: -9223372036854775808LL	-9223372036854775808LL	-9223372036854775808LL	-9223372036854775808LL

-- test: tonumber and tostring of 64-bit cdata
do
  print(tonumber(2LL ^ 53), tostring(-5LL), tostring(7ULL), tonumber(0xffffffffffffffffULL))
end
-- expect: 9.007199254741e+15	-5LL	7ULL	1.844674407371e+19

-- test: pointer arithmetic and indexing
do
  local ffi = require("ffi")
  local a = ffi.new("int[5]", {10, 20, 30, 40, 50})
  local p = ffi.cast("int *", a)
  local q = p + 3
  print(p[1], q[0], q[-1], q - p, (p + 1)[0], p < q, p == a + 0)
end
-- expect: 20	40	30	3	20	true	true

-- test: NULL pointers compare equal to nil
do
  local ffi = require("ffi")
  local p = ffi.cast("void *", 0)
  print(p == nil, ffi.new("int *") == nil, p ~= nil)
end
-- expect: true	true	false

-- test: struct members assignment and nesting
do
  local ffi = require("ffi")
  ffi.cdef("struct inner { int v; }; struct outer { struct inner first; struct inner arr[2]; int *p; };")
  local o = ffi.new("struct outer")
  o.first.v = 5
  o.arr[1].v = 7
  print(o.first.v, o.arr[0].v, o.arr[1].v, o.p == nil)
end
-- expect: 5	0	7	true

-- test: struct copies by value on assignment
do
  local ffi = require("ffi")
  ffi.cdef("struct pair { int a, b; }; struct holder { struct pair p; };")
  local h = ffi.new("struct holder")
  local src = ffi.new("struct pair", 1, 2)
  h.p = src
  src.a = 100
  print(h.p.a, h.p.b)
end
-- expect: 1	2

-- test: unions share storage
do
  local ffi = require("ffi")
  local u = ffi.new("union { uint32_t i; uint8_t b[4]; float f; }")
  u.i = 0x01020304
  print(u.b[0], u.b[3], ffi.sizeof(u))
  u.f = 1.0
  print(bit.tohex(u.i))
end
-- expect: 4	1	4
-- expect: 3f800000

-- test: bitfields
do
  local ffi = require("ffi")
  local s = ffi.new("struct { unsigned a : 3; int b : 4; unsigned c : 1; }")
  s.a = 9
  s.b = -3
  s.c = 1
  print(s.a, s.b, s.c, ffi.sizeof(s))
end
-- expect: 1	-3	1	4

-- test: enums as constants
do
  local ffi = require("ffi")
  ffi.cdef("enum color { RED, GREEN = 5, BLUE };")
  local c = ffi.new("enum color", "BLUE")
  print(ffi.C.RED, ffi.C.GREEN, ffi.C.BLUE, c == 6, ffi.cast("enum color", 5) == ffi.C.GREEN)
end
-- expect: 0	5	6	true	true

-- test: char arrays and ffi.string
do
  local ffi = require("ffi")
  local buf = ffi.new("char[8]", "hello")
  print(ffi.string(buf), ffi.string(buf, 3), #ffi.string(buf, 8), buf[5])
end
-- expect: hello	hel	8	0

-- test: ffi.copy and ffi.fill
do
  local ffi = require("ffi")
  local a = ffi.new("char[6]")
  ffi.copy(a, "abc")
  print(ffi.string(a))
  ffi.fill(a, 5, 120)
  print(ffi.string(a))
  ffi.fill(a, 2)
  print(ffi.string(a, 5):byte(1, 5))
  local b = ffi.new("int[2]")
  ffi.copy(b, ffi.new("int[2]", {3, 4}), ffi.sizeof("int[2]"))
  print(b[0], b[1])
end
-- expect: abc
-- expect: xxxxx
-- expect: 0	0	120	120	120
-- expect: 3	4

-- test: metatype with methods and operators
do
  local ffi = require("ffi")
  ffi.cdef("typedef struct { double x, y; } vec2;")
  local vec2
  vec2 = ffi.metatype("vec2", {
    __add = function(a, b) return vec2(a.x + b.x, a.y + b.y) end,
    __eq = function(a, b) return a.x == b.x and a.y == b.y end,
    __tostring = function(v) return "(" .. v.x .. ", " .. v.y .. ")" end,
    __len = function(v) return math.sqrt(v.x * v.x + v.y * v.y) end,
    __index = {scale = function(v, k) return vec2(v.x * k, v.y * k) end},
  })
  local a = vec2(3, 4)
  print(tostring(a + a), #a, a:scale(2).y, a == vec2(3, 4))
end
-- expect: (6, 8)	5	8	true

-- test: metatype __new and __call and __index function
do
  local ffi = require("ffi")
  ffi.cdef("struct counter { int n; };")
  local C = ffi.metatype("struct counter", {
    __new = function(ct, start) return ffi.new(ct, start * 10) end,
    __call = function(self, d) self.n = self.n + d return self.n end,
    __index = function(self, k) return "missing " .. k end,
  })
  local c = C(2)
  print(c.n, c(5), c.other)
end
-- expect: 20	25	missing other

-- test: metatype cannot be changed
do
  local ffi = require("ffi")
  ffi.cdef("struct once { int a; };")
  ffi.metatype("struct once", {})
  print(pcall(ffi.metatype, "struct once", {}))
end
-- expect: false	cannot change a protected metatable

-- test: ffi.gc runs the finalizer on collection
do
  local ffi = require("ffi")
  local collected = 0
  do
    local p = ffi.gc(ffi.new("int[1]"), function() collected = collected + 1 end)
    p = nil
  end
  collectgarbage()
  collectgarbage()
  print(collected >= 0)
  local q = ffi.gc(ffi.new("int[1]"), function() end)
  print(ffi.gc(q, nil) == q)
end
-- expect: true
-- expect: true

-- test: ffi.abi
do
  local ffi = require("ffi")
  print(ffi.abi("64bit"), ffi.abi("le"), ffi.abi("be"), ffi.abi("win"), ffi.abi("nonsense"))
end
-- expect: true	true	false	false	false

-- test: ffi.os and ffi.arch
do
  local ffi = require("ffi")
  print(ffi.os, ffi.arch)
end
-- expect: Linux	x64

-- test: index out of a struct is an error
do
  local ffi = require("ffi")
  ffi.cdef("struct only_a { int a; };")
  local s = ffi.new("struct only_a")
  print(pcall(function() return s.b end))
end
-- expect: false	api.lua:349: 'struct only_a' has no member named 'b'

-- test: converting a bad value is an error
do
  local ffi = require("ffi")
  local a = ffi.new("int[1]")
  print(pcall(function() a[0] = "x" end))
  print(pcall(function() a[0] = {} end))
end
-- expect: false	api.lua:357: cannot convert 'string' to 'int'
-- expect: false	api.lua:358: cannot convert 'table' to 'int'

-- test: bool and complex cdata
do
  local ffi = require("ffi")
  local b = ffi.new("bool", 1)
  local c = ffi.new("complex", 1, 2)
  print(b == true, tonumber(ffi.new("bool", 0)), c.re, c.im, tostring(c))
end
-- expect: false	0	1	2	1+2i

-- test: pointers to struct members
do
  local ffi = require("ffi")
  ffi.cdef("struct rec { int a; int b; };")
  local r = ffi.new("struct rec", 1, 2)
  local p = ffi.cast("struct rec *", r)
  p.b = 20
  local pb = ffi.cast("int *", p) + 1
  print(r.b, pb[0])
end
-- expect: 20	20

-- test: array of structs
do
  local ffi = require("ffi")
  local arr = ffi.new("struct { int id; double w; }[3]")
  for i = 0, 2 do arr[i].id = i * 10 arr[i].w = i / 2 end
  print(arr[2].id, arr[1].w, ffi.sizeof(arr))
end
-- expect: 20	0.5	48

-- test: ffi.errno sets and returns
do
  local ffi = require("ffi")
  local old = ffi.errno(7)
  print(type(old), ffi.errno())
end
-- expect: number	7

-- test: complex initializers
do
  local ffi = require("ffi")
  local a = ffi.new("complex", 1, 2)
  local b = ffi.new("complex", {3, 4})
  local c = ffi.new("complex", 5)
  print(a.re, a.im, b.re, b.im, c.re, c.im)
end
-- expect: 1	2	3	4	5	0

-- test: cdata are table keys by identity, not by value
do
  local t = {}
  t[1LL] = "a"
  local k = 2LL
  t[k] = "b"
  local weak = setmetatable({}, {__mode = "k"})
  weak[k] = 1
  print(t[1LL], t[1], t[k], t[2LL], weak[k], weak[2LL])
end
-- expect: nil	nil	b	nil	1	nil

-- test: typeof parameters: types, numbers as sizes, strings as names
do
  local ffi = require("ffi")
  print(tostring(ffi.typeof("$[$]", ffi.typeof("double"), 3)), ffi.sizeof(ffi.typeof("int[$]", 7)))
  print(ffi.offsetof(ffi.typeof("struct { int a; int $; }", "b"), "b"), tostring(ffi.typeof("int[$]", 2.5)))
  print(pcall(ffi.typeof, "int[$]"))
  print(pcall(ffi.typeof, "int[$]", -1))
end
-- expect: ctype<double [3]>	28
-- expect: 4	ctype<int [2]>
-- expect: false	wrong number of type parameters
-- expect: false	size of C type is unknown or too large

-- test: cdef errors in LuaJIT's words
do
  local ffi = require("ffi")
  local function message(f, ...) local ok, e = pcall(f, ...) return e end
  print(message(ffi.cdef, "struct { int a }"))
  print(message(ffi.typeof, "foo_t"))
  ffi.cdef("struct dup { int a; };")
  print(message(ffi.cdef, "struct dup { int b; };"))
  print(message(ffi.cdef, "union dup { int b; };"))
  print(message(ffi.cdef, "int arr[-1];"))
  print(message(ffi.cdef, "struct bf { int x : 40; };"))
  print(message(ffi.cdef, "enum e { A = 1/0 };"))
end
-- expect: ';' expected near '}'
-- expect: declaration specifier expected near 'foo_t'
-- expect: attempt to redefine 'dup'
-- expect: attempt to redefine 'dup'
-- expect: size of C type is unknown or too large
-- expect: invalid value near ':'
-- expect: invalid value

-- test: cdef takes a last declaration without its semicolon
do
  local ffi = require("ffi")
  ffi.cdef("int abs(int x)")
  print(ffi.C.abs(-4))
end
-- expect: 4

-- test: load failures report the dynamic loader's reason
do
  local ffi = require("ffi")
  print(pcall(ffi.load, "no_such_library_xyz"))
  print(pcall(ffi.load, "/etc/passwd"))
end
-- expect: false	libno_such_library_xyz.so: cannot open shared object file: No such file or directory
-- expect: false	/etc/passwd: invalid ELF header

-- test: cdef redeclarations as LuaJIT takes them: first declaration wins, tag bodies once
do
  local ffi = require("ffi")
  local function try(s) local ok, e = pcall(ffi.cdef, s) print(ok, e) end
  try("typedef int rd_t1; typedef long rd_t1; typedef long rd_t2; typedef int rd_t2;")
  print(ffi.sizeof("rd_t1"), ffi.sizeof("rd_t2"))
  try("size_t strlen(const char *); int strlen(int);")
  print(ffi.C.strlen("abc"))
  try("struct rd_s { int a; }; struct rd_s { int a; };")
  try("enum rd_e { RD_A = 1 }; enum rd_e { RD_A = 1 };")
  try("struct rd_dup { int a; char a; double b; };")
  local d = ffi.new("struct rd_dup")
  d.a = 5
  print(ffi.sizeof(d), ffi.offsetof("struct rd_dup", "a"), d.a)
end
-- expect: true	nil
-- expect: 4	8
-- expect: true	nil
-- expect: 3ULL
-- expect: false	attempt to redefine 'rd_s'
-- expect: false	attempt to redefine 'rd_e'
-- expect: true	nil
-- expect: 16	0	5

-- test: a type string names only tags a declaration made
do
  local ffi = require("ffi")
  ffi.cdef("struct ts_fwd; struct ts_user { struct ts_later *p; };")
  print(pcall(ffi.typeof, "struct ts_nosuch *"))
  print(pcall(ffi.sizeof, "union ts_nou"))
  print(pcall(ffi.typeof, "struct ts_named { int a; }"))
  print(ffi.typeof("struct ts_fwd"), ffi.typeof("struct ts_later *"), ffi.sizeof("struct ts_fwd"))
  print(pcall(ffi.new, "struct ts_fwd"))
  print(pcall(ffi.new, "struct ts_fwd[?]", 2))
  print(pcall(ffi.new, "int[?]"))
  print(pcall(ffi.new, "int[?]", -1))
end
-- expect: false	undeclared or implicit tag 'ts_nosuch'
-- expect: false	undeclared or implicit tag 'ts_nou'
-- expect: false	undeclared or implicit tag 'ts_named'
-- expect: ctype<struct ts_fwd>	ctype<struct ts_later *>	nil
-- expect: false	bad argument #1 to '?' (size of C type is unknown or too large)
-- expect: false	size of C type is unknown or too large
-- expect: false	bad argument #2 to '?' (value expected)
-- expect: false	bad argument #1 to '?' (size of C type is unknown or too large)

-- test: a metatype's __index table that has no such key is LuaJIT's missing-member error
do
  local ffi = require("ffi")
  ffi.cdef("struct mi_s { int a; };")
  local Base = {inherited = function() return "base" end}
  local Class = setmetatable({own = function() return "own" end, off = false}, {__index = Base})
  ffi.metatype("struct mi_s", {__index = Class})
  local o = ffi.new("struct mi_s")
  print(o:own(), o:inherited(), o.a, o.off)
  print(pcall(function() return o.missing end))
end
-- expect: own	base	0	false
-- expect: false	api.lua:529: 'struct mi_s' has no member named 'missing'

-- test: signed char is char and _Bool is bool, as LuaJIT names and compares them
do
  local ffi = require("ffi")
  print(ffi.typeof("signed char"), ffi.typeof("int8_t"), ffi.typeof("unsigned char"), ffi.typeof("_Bool"))
  print(ffi.typeof("signed char") == ffi.typeof("char"), ffi.typeof("int8_t *") == ffi.typeof("char *"))
  print(tostring(ffi.new("bool", 1)):match("^cdata<bool>: ") ~= nil, tonumber(ffi.cast("int8_t", 200)))
end
-- expect: ctype<char>	ctype<char>	ctype<unsigned char>	ctype<bool>
-- expect: true	true
-- expect: true	-56

-- test: a variable-length struct ends at its last element, without tail padding
do
  local ffi = require("ffi")
  ffi.cdef("typedef struct { int len; char data[?]; } vl1_t; typedef struct { double d; char data[?]; } vl2_t;")
  ffi.cdef("typedef struct { char c; int data[?]; } vl3_t;")
  print(ffi.sizeof("vl1_t", 10), ffi.sizeof("vl2_t", 1), ffi.sizeof("vl3_t", 1), ffi.sizeof("vl3_t", 0))
  print(ffi.sizeof(ffi.new("vl2_t", 3)), ffi.alignof("vl2_t"))
end
-- expect: 14	9	8	4
-- expect: 11	8

-- test: enum cdata print their value and compare equal to their constants' names
do
  local ffi = require("ffi")
  ffi.cdef("enum en_color { EN_RED, EN_GREEN = 5, EN_BLUE }; struct en_s { enum en_color c; };")
  local c = ffi.new("enum en_color", "EN_GREEN")
  print(c == "EN_GREEN", c == "EN_RED", c == "EN_PURPLE", c == 5, tostring(c))
  local s = ffi.new("struct en_s", {"EN_BLUE"})
  print(s.c, s.c == "EN_BLUE", tostring(ffi.cast("enum en_color", 6)), ffi.new("enum en_color[2]", {"EN_RED", "EN_BLUE"})[1])
end
-- expect: true	false	false	true	cdata<enum en_color>: 5
-- expect: cdata<enum en_color>: 6	true	cdata<enum en_color>: 6	cdata<enum en_color>: 6

-- test: stores into const locations are refused: const structs, members, elements, pointer targets
do
  local ffi = require "ffi"
  ffi.cdef "typedef struct { const int c; int x; } cm_t; typedef struct { int x; } plain_t;"
  local function try(f) print((select(2, pcall(f)):gsub("^.-:%d+: ", ""))) end
  local nidx = {}
  ffi.metatype("cm_t", {__newindex = nidx})
  local s = ffi.new("cm_t", 1, 2)
  try(function() s.c = 5 end)
  s.x = 3 s.zz = 4 print(s.x, nidx.zz)
  local p = ffi.cast("const plain_t *", ffi.new("plain_t"))
  try(function() p.x = 1 end)
  try(function() p[0].x = 1 end)
  local ca = ffi.new("const int[3]", 1, 2, 3)
  try(function() ca[0] = 9 end)
  local cp = ffi.cast("const int *", ca)
  try(function() cp[1] = 9 end)
  local cs = ffi.new("const cm_t", 1, 2)
  try(function() cs.zz = 9 end)
  print(nidx.zz)
  local a2 = ffi.new("struct { const int a[2]; int b; }")
  try(function() a2.a[0] = 1 end)
  try(function() a2.a = {1, 2} end)
  local pc = ffi.new("int * const", ffi.new("int[2]"))
  print(pcall(function() pc[1] = 7 end))
end
-- expect: attempt to write to constant location
-- expect: 3	4
-- expect: attempt to write to constant location
-- expect: attempt to write to constant location
-- expect: attempt to write to constant location
-- expect: attempt to write to constant location
-- expect: attempt to write to constant location
-- expect: 4
-- expect: attempt to write to constant location
-- expect: attempt to write to constant location
-- expect: true

-- test: assigning to a struct or array takes a table, a cdata or (bytes) a string, nothing else
do
  local ffi = require "ffi"
  ffi.cdef "struct pt { int x, y; };"
  local a = ffi.new("struct pt[2]")
  print((select(2, pcall(function() a[0] = 11 end)):gsub("^.-:%d+: ", "")))
  print(pcall(function() a[0] = {1, 2} end), a[0].x, a[0].y)
  print(pcall(function() a[1] = a[0] end), a[1].y)
  local s = ffi.new("struct { struct pt p; int arr[2]; char n[4]; int8_t b[3]; }")
  print((select(2, pcall(function() s.arr = 5 end)):gsub("^.-:%d+: ", "")))
  print(pcall(function() s.arr = {7, 8} end), s.arr[1])
  print(pcall(function() s.p = {x = 3} end), s.p.x, s.p.y)
  s.n = "ab"
  print(ffi.string(s.n), pcall(function() s.b = "xy" end), s.b[1])
  print((select(2, pcall(function() s.n = true end)):gsub("^.-:%d+: ", "")))
end
-- expect: cannot convert 'number' to 'struct pt'
-- expect: true	1	2
-- expect: true	2
-- expect: cannot convert 'number' to 'int [2]'
-- expect: true	8
-- expect: true	3	0
-- expect: ab	true	121
-- expect: cannot convert 'bool' to 'char [4]'

-- test: sizeof of a variable-length type needs its count; an incomplete array has no size
do
  local ffi = require "ffi"
  ffi.cdef "typedef int foo2_t[?]; typedef struct { int n; int a[?]; } vls_t;"
  local function p(...)
    local ok, v = pcall(ffi.sizeof, ...)
    print(ok, v)
  end
  p(ffi.typeof("int[?]")); p("foo2_t"); p("vls_t"); p("vls_t", 2); p(ffi.typeof("int[?]"), 3)
  p("int[]"); p("struct {int n; int a[];}"); p("void"); p(ffi.new("int[?]", 4)); p(ffi.new("vls_t", 3), 10)
  print(pcall(ffi.new, "int[]", 3))
end
-- expect: false	bad argument #2 to '?' (value expected)
-- expect: false	bad argument #2 to '?' (value expected)
-- expect: false	bad argument #2 to '?' (value expected)
-- expect: true	12
-- expect: true	12
-- expect: true	nil
-- expect: true	4
-- expect: true	nil
-- expect: true	16
-- expect: true	16
-- expect: false	bad argument #1 to '?' (size of C type is unknown or too large)

-- test: istype compares types as LuaJIT does: qualifiers, spellings of one integer, pointer compatibility, struct pointers
do
  local ffi = require "ffi"
  ffi.cdef [[
  typedef int it_arr_t[10];
  typedef const it_arr_t it_carr_t;
  typedef struct { int x; } it_struct_t;
  ]]
  local int_t, u8_t, ptr_t = ffi.typeof("int"), ffi.typeof("uint8_t"), ffi.typeof("int *")
  local arr_t, carr_t = ffi.typeof("it_arr_t"), ffi.typeof("it_carr_t")
  local st, stp = ffi.typeof("it_struct_t"), ffi.typeof("it_struct_t *")
  print(ffi.istype(int_t, int_t), ffi.istype("const int", int_t), ffi.istype("void", "void"), ffi.istype("double", 1.5))
  print(ffi.istype("bool", u8_t), ffi.istype("int8_t", u8_t), ffi.istype("int64_t", ffi.typeof("long long")), ffi.istype("long", ffi.typeof("int64_t")))
  print(ffi.istype(ptr_t, ptr_t()), ffi.istype("const int * const", ptr_t), ffi.istype("unsigned int *", ptr_t), ffi.istype("char *", ptr_t), ffi.istype("void *", ptr_t))
  print(ffi.istype("int[10]", arr_t), ffi.istype("int[11]", arr_t), ffi.istype("int[]", arr_t), ffi.istype("const int[10]", arr_t), ffi.istype(carr_t, arr_t))
  print(ffi.istype("const it_struct_t", st), ffi.istype("struct { int x; }", st), ffi.istype(st, stp), ffi.istype(stp, st), ffi.istype(st, ffi.new(st)))
end
-- expect: true	true	false	false
-- expect: false	false	true	true
-- expect: true	true	true	false	false
-- expect: true	false	false	true	true
-- expect: true	false	true	false	true

-- test: integer and enum cdata index arrays and pointers; an array copies into a member or a new array of its element type
do
  local ffi = require "ffi"
  local a = ffi.new("int[10]", {1, 2, 3, 4, 5})
  local p = a + 1
  print(p[ffi.new("int", -1)], a[ffi.new("int64_t", 3)], a[ffi.new("uint8_t", 4)], a[ffi.new("enum {A,B,C}", 2)], a[2ULL])
  a[ffi.new("short", 9)] = 99
  print(a[9])
  local b = ffi.new(ffi.typeof("struct { $ x; }", ffi.typeof("int[10]")))
  b.x = a
  print(b.x[0], b.x[4], b.x[9])
  local d = ffi.new("double[3]", 1.5)
  local e = ffi.new("double[3]")
  e = ffi.new("double[3]", d)
  print(e[0], e[2])
  print((select(2, pcall(function() return a[ffi.new("bool", true)] end)):gsub("^.-:%d+: ", "")))
end
-- expect: 1	4	5	3	3
-- expect: 99
-- expect: 1	5	99
-- expect: 1.5	1.5
-- expect: 'int [10]' cannot be indexed with 'bool'

-- test: complex numbers index as pairs, convert between float and double, and print as LuaJIT prints them
do
  local ffi = require "ffi"
  local cx, cxf = ffi.typeof("complex"), ffi.typeof("complex float")
  local c = cx(1, 2)
  print(c[0], c[1], c.re, c.im, c[5], c[-1], c[1e7])
  local f = cxf(3, 4)
  print(f[0], f[1], f.re, f.im, tostring(f))
  local caf = ffi.new("complex float[3]")
  caf[1] = cx(5, -6)
  print(caf[1].re, caf[1].im)
  local ca = ffi.new("complex[2]")
  ca[1] = cxf(7, 8)
  ca[0] = cx(9)
  print(ca[1].re, ca[1].im, ca[0].re, ca[0].im)
  local u = ffi.new("union { complex cd; double d[2]; complex float cf; float f[2]; }")
  u.d[0] = 12.5 u.d[1] = -753.125
  print(tostring(u.cd))
  u.d[0] = 0/-1 u.d[1] = 0/-1
  print(tostring(u.cd))
  u.d[0] = 1/0 u.d[1] = -1/0
  print(tostring(u.cd))
  u.d[0] = 0/0 u.d[1] = 1
  print(tostring(u.cd))
  u.f[0] = 1.5 u.f[1] = -2
  print(tostring(u.cf))
end
-- expect: 1	2	1	2	2	2	1
-- expect: 3	4	3	4	3+4i
-- expect: 5	-6
-- expect: 7	8	9	0
-- expect: 12.5-753.125i
-- expect: -0-0i
-- expect: inf-infI
-- expect: nan+1i
-- expect: 1.5-2i

-- test: no arithmetic on pointers to what has no size; a missing member through a record pointer names the record
do
  local ffi = require "ffi"
  ffi.cdef "struct incomplete; struct cs { int a; };"
  local function try(f, ...) print((select(2, pcall(f, ...)):gsub("^.-:%d+: ", ""))) end
  local mem = ffi.new("int[1]")
  local p = ffi.cast("struct incomplete *", mem)
  try(function(p) return p + 1 end, p)
  try(function(p) return p - 1 end, p)
  try(function(p) return p[1] end, p)
  try(function(p) return p.x end, p)
  try(function(p) return p - p end, p)
  try(function() return ffi.cast("void *", mem) + 1 end)
  local q = ffi.new("struct cs[1]") + 0
  try(function() return q.x end)
  try(function() q.x = 1 end)
end
-- expect: attempt to perform arithmetic on 'struct incomplete *' and 'number'
-- expect: attempt to perform arithmetic on 'struct incomplete *' and 'number'
-- expect: size of C type is unknown or too large
-- expect: 'struct incomplete' has no member named 'x'
-- expect: attempt to perform arithmetic on 'struct incomplete *' and 'struct incomplete *'
-- expect: attempt to perform arithmetic on 'void *' and 'number'
-- expect: 'struct cs' has no member named 'x'
-- expect: 'struct cs' has no member named 'x'

-- test: a C function that does not touch errno leaves it as the last call or ffi.errno left it, even on its first call
do
  local ffi = require("ffi")
  ffi.cdef("int abs(int x);")
  ffi.errno(0)
  local abs = ffi.C.abs
  print(abs(-3), ffi.errno())
  ffi.errno(5)
  print(abs(4), ffi.errno())
end
-- expect: 3	0
-- expect: 4	5

-- test: ffi.cast goes to numbers, pointers and enums only; a string casts to an integer as its address
do
  local ffi = require("ffi")
  local s = "some text"
  local ok, v = pcall(ffi.cast, "int", s)
  print(ok, ffi.istype("int", v), ffi.cast("intptr_t", s) == ffi.cast("intptr_t", ffi.cast("const char *", s)))
  print(pcall(ffi.cast, "double", s))
  print(pcall(ffi.cast, "bool", s))
  print(pcall(ffi.cast, "struct { int x; }", 1))
  print(pcall(ffi.cast, "int[2]", 1))
  print(pcall(ffi.cast, "complex", 1))
  print(pcall(ffi.cast, "void", 1))
  print(pcall(ffi.cast, "int(void)", 1))
end
-- expect: true	true	true
-- expect: false	cannot convert 'string' to 'double'
-- expect: false	cannot convert 'string' to 'bool'
-- expect: false	bad argument #1 to '?' (invalid C type)
-- expect: false	bad argument #1 to '?' (invalid C type)
-- expect: false	bad argument #1 to '?' (invalid C type)
-- expect: false	bad argument #1 to '?' (invalid C type)
-- expect: false	bad argument #1 to '?' (invalid C type)

-- test: a pointer prints with 8 hex digits, and 2 more for each byte of the high half in use
do
  local ffi = require("ffi")
  print(ffi.cast("void *", 1), ffi.cast("void *", 0xffffffff), ffi.cast("void *", 0x100000000))
  print(ffi.cast("void *", 0x123456789ab), ffi.cast("void *", 2^52), ffi.cast("void *", -1))
end
-- expect: cdata<void *>: 0x00000001	cdata<void *>: 0xffffffff	cdata<void *>: 0x0100000000
-- expect: cdata<void *>: 0x0123456789ab	cdata<void *>: 0x10000000000000	cdata<void *>: 0xffffffffffffffff

-- test: collectgarbage finalizes an object a loop left in a dead temporary, as LuaJIT's collector does
do
  local ffi = require("ffi")
  ffi.cdef("typedef struct gc_tmp { int x; } gc_tmp;")
  local count = 0
  local tp = ffi.metatype("gc_tmp", { __gc = function() count = count + 1 end })
  local z
  for i = 1, 10 do z = tp() end
  z = nil
  collectgarbage()
  print(count)
end
-- expect: 10

-- test: ffi.gc replaces an object's finalizer, and nil removes it, a metatype's __gc included
do
  local ffi = require("ffi")
  ffi.cdef("typedef struct gc_repl { int x; } gc_repl;")
  local log = {}
  local tp = ffi.metatype("gc_repl", { __gc = function(o) log[#log + 1] = "meta" .. o.x end })
  local t = {}
  for i = 1, 4 do t[i] = tp(i) end
  ffi.gc(t[1], nil)
  ffi.gc(t[2], function(o) log[#log + 1] = "own" .. o.x end)
  ffi.gc(t[3], nil)
  ffi.gc(t[3], function(o) log[#log + 1] = "back" .. o.x end)
  t = nil
  collectgarbage()
  table.sort(log)
  print(table.concat(log, " "))
end
-- expect: back3 meta4 own2

-- test: a struct's ctype is indexed by the struct's constants before its metatype's __index
do
  local ffi = require("ffi")
  local tp = ffi.metatype("struct { static const int K42 = 42; enum { K39 = 39 }; int x; }", {
    __index = { test = function(x) return x + 1 end, x = "hello" },
  })
  print(tp.K42, tp.K39, tp.test(99), tp.x)
  print(pcall(function() tp.K42 = 1 end))
  local plain = ffi.typeof("struct { static const int K7 = 7; int y; }")
  print(plain.K7, (pcall(function() return plain.y end)))
end
-- expect: 42	39	100	hello
-- expect: false	api.lua:849: attempt to write to constant location
-- expect: 7	false

-- test: a metatype's __index or __newindex that is no function is indexed as Lua indexes it, a cdata too
do
  local ffi = require("ffi")
  local fb = ffi.new("struct { int x; }", 99)
  local xt = ffi.metatype("struct { }", { __index = fb, __newindex = fb })
  local o = xt()
  print(o.x)
  o.x = 5
  print(fb.x, o.x, (pcall(function() return o.y end)))
end
-- expect: 99
-- expect: 5	5	false
