-- Rules of LuaJIT's FFI that real projects depend on (issue #15): string addresses, pointer
-- equality, casts and conversions between pointer types.

-- test: a string converted to a pointer has one address for its lifetime, whichever pointer type
do
  local ffi = require("ffi")
  local s = "hello world"
  local function addr(p) return tonumber(ffi.cast("uintptr_t", p)) end
  local a = addr(ffi.cast("const char *", s))
  print(a == addr(ffi.cast("const char *", s)), a == addr(ffi.cast("char *", s)),
    a == addr(ffi.cast("const uint8_t *", s)), a == addr(ffi.cast("void *", s)))
  print(ffi.cast("uintptr_t", ffi.cast("const char *", s)) == ffi.cast("uintptr_t", s))
  print(ffi.string(ffi.cast("const char *", s), 5), ffi.cast("const char *", s)[11])
end
-- expect: true	true	true	true
-- expect: true
-- expect: hello	0

-- test: equal strings share their address, as LuaJIT's interned strings do
do
  local ffi = require("ffi")
  local function addr(p) return tonumber(ffi.cast("uintptr_t", ffi.cast("const char *", p))) end
  local t = {"hello wor"}
  local built = t[1] .. "ld"
  print(addr("hello world") == addr(built), addr("hello world") == addr("hello worle"))
end
-- expect: true	false

-- test: a string passed as a const char pointer argument is the same copy C returns pointers into
do
  local ffi = require("ffi")
  ffi.cdef[[char *strchr(const char *s, int c); void *memchr(const void *s, int c, size_t n);]]
  local s = "hello world"
  local base = ffi.cast("const char *", s)
  print(ffi.C.strchr(s, 119) - base, ffi.cast("const char *", ffi.C.memchr(s, 111, 11)) - base)
end
-- expect: 6	4

-- test: a string stored in pointer members and elements, and in initializers, keeps its address
do
  local ffi = require("ffi")
  ffi.cdef[[struct idioms_sp { const char *p; const uint8_t *u; const void *v; };]]
  local s = "some key"
  local function addr(p) return tonumber(ffi.cast("uintptr_t", p)) end
  local a = addr(ffi.cast("const char *", s))
  local st = ffi.new("struct idioms_sp")
  st.p = s; st.u = s; st.v = s
  print(a == addr(st.p), a == addr(st.u), a == addr(st.v))
  print(a == addr(ffi.new("struct idioms_sp", s).p), a == addr(ffi.new("struct idioms_sp", {v = s}).v))
  local arr = ffi.new("const char *[2]", {s, s})
  print(a == addr(arr[0]), a == addr(arr[1]), a == addr(ffi.new("const char *", s)))
  print(ffi.string(st.p), ffi.string(arr[1], 4))
end
-- expect: true	true	true
-- expect: true	true
-- expect: true	true	true
-- expect: some key	some

-- test: a string converts only to pointers to const char-like or const void
do
  local ffi = require("ffi")
  ffi.cdef[[int atoi(char *s); struct idioms_sq { char *q; void *v; const int *i; const bool *b; const signed char *c; };]]
  local st = ffi.new("struct idioms_sq")
  for _, m in ipairs({"q", "v", "i", "b", "c"}) do
    print(m, pcall(function() st[m] = "abcd" end))
  end
  print(pcall(ffi.C.atoi, "12"))
  print(pcall(ffi.C.atoi, ffi.cast("const char *", "12")))
end
-- expect: q	false	idioms.lua:65: cannot convert 'string' to 'char *'
-- expect: v	false	idioms.lua:65: cannot convert 'string' to 'void *'
-- expect: i	false	idioms.lua:65: cannot convert 'string' to 'const int *'
-- expect: b	false	idioms.lua:65: cannot convert 'string' to 'const bool *'
-- expect: c	true
-- expect: false	bad argument #1 to '?' (cannot convert 'string' to 'char *')
-- expect: false	bad argument #1 to '?' (cannot convert 'const char *' to 'char *')

-- test: a pointer compares equal to the struct reference it was set from
do
  local ffi = require("ffi")
  ffi.cdef[[typedef struct idioms_node { struct idioms_node *prev; } idioms_node;]]
  local q = ffi.new("idioms_node[2]")
  q[1].prev = q[0]
  print(q[1].prev == q[0], q[1].prev == q + 0, q[0] == q[1].prev, q[1].prev ~= q[1])
  print(q[0] == q[0], q[0] == q[1], q == q[0], q == ffi.cast("idioms_node *", q))
  local n = ffi.new("idioms_node")
  local p = ffi.cast("idioms_node *", n)
  print(p == n, n == p, ffi.new("idioms_node *", n) == n, p == nil, n == nil, q[0] == nil)
end
-- expect: true	true	true	true
-- expect: true	false	true	true
-- expect: true	true	true	false	false	false

-- test: nested structs and struct array members compare with pointers to them by address
do
  local ffi = require("ffi")
  ffi.cdef[[typedef struct idioms_leaf { int v; } idioms_leaf;
    typedef struct idioms_outer { int a; idioms_leaf n; idioms_leaf arr[2]; } idioms_outer;]]
  local o = ffi.new("idioms_outer")
  print(ffi.cast("idioms_leaf *", o.n) == o.n, ffi.cast("idioms_leaf *", o.arr[1]) == o.arr[1],
    o.arr == ffi.cast("idioms_leaf *", o.arr), o.arr[0] == o.n)
  local i = ffi.new("int[3]")
  print(ffi.cast("int *", i) == i, i + 1 == ffi.cast("int *", i) + 1)
end
-- expect: true	true	true	false
-- expect: true	true

-- test: structs are ordered by neither < nor <=, even against pointers to them
do
  local ffi = require("ffi")
  ffi.cdef[[typedef struct idioms_ord { int v; } idioms_ord;]]
  local q = ffi.new("idioms_ord[2]")
  local p = ffi.cast("idioms_ord *", q)
  print(p < p + 1, pcall(function() return q[0] < q[1] end))
  print(pcall(function() return q[0] <= p end))
end
-- expect: true	false	idioms.lua:114: attempt to compare 'struct idioms_ord' with 'struct idioms_ord'
-- expect: false	idioms.lua:115: attempt to compare 'struct idioms_ord' with 'struct idioms_ord *'

-- test: an integer or enum cdata cast to a pointer gives its value
do
  local ffi = require("ffi")
  ffi.cdef[[typedef enum { IDIOMS_SEVEN = 7 } idioms_en;]]
  print(ffi.cast("void *", ffi.new("int", -1)) == ffi.cast("void *", -1))
  print(ffi.cast("uintptr_t", ffi.cast("void *", ffi.new("uint8_t", 200))), ffi.cast("uintptr_t", ffi.cast("void *", ffi.new("int64_t", -2))))
  print(ffi.cast("uintptr_t", ffi.cast("int *", ffi.new("uint32_t", 0xffffffff))), ffi.cast("uintptr_t", ffi.cast("void *", ffi.new("idioms_en", 7))))
  local a = ffi.new("int[2]", 5, 6)
  print(ffi.cast("uintptr_t", ffi.cast("void *", a[1])), ffi.cast("uintptr_t", ffi.cast("char *", ffi.new("short", -3))))
end
-- expect: true
-- expect: 200ULL	18446744073709551614ULL
-- expect: 4294967295ULL	7ULL
-- expect: 6ULL	18446744073709551613ULL

-- test: a floating or bool cdata does not cast to a pointer, and a scalar is no pointer's place
do
  local ffi = require("ffi")
  print(pcall(ffi.cast, "void *", ffi.new("double", 3.5)))
  print(pcall(ffi.cast, "void *", ffi.new("bool", true)))
  print(pcall(ffi.cast, "int *", ffi.new("float", 1)))
  print(pcall(function() local x = ffi.new("int *[1]"); x[0] = ffi.new("int", 5) end))
  print(ffi.cast("uintptr_t", ffi.cast("void *", 3.5)))
end
-- expect: false	cannot convert 'double' to 'void *'
-- expect: false	cannot convert 'bool' to 'void *'
-- expect: false	cannot convert 'float' to 'int *'
-- expect: false	idioms.lua:141: cannot convert 'int' to 'int *'
-- expect: 3ULL

-- test: pointers convert between numbers of one class and size, never dropping qualifiers
do
  local ffi = require("ffi")
  ffi.cdef[[struct idioms_a { int x; }; struct idioms_b { int x; };]]
  local function try(decl, value)
    local ok, err = pcall(function() local q = ffi.new(decl); q[0] = value end)
    print(ok, err and err:match("cannot convert .*") or "")
  end
  try("int *[1]", ffi.new("unsigned int[1]"))
  try("int *[1]", ffi.new("float[1]"))
  try("uint8_t *[1]", ffi.new("char[1]"))
  try("struct idioms_a *[1]", ffi.new("struct idioms_b"))
  try("int **[1]", ffi.new("unsigned int *[1]"))
  try("int **[1]", ffi.new("const int *[1]"))
  try("const int **[1]", ffi.new("int *[1]"))
  try("void **[1]", ffi.new("int *[1]"))
  try("void *[1]", ffi.new("const int[1]"))
  try("const void *[1]", ffi.new("const int[1]"))
  try("char *[1]", ffi.cast("const char *", "x"))
  try("volatile int *[1]", ffi.new("int[1]"))
  try("int *[1]", ffi.new("volatile int[1]"))
end
-- expect: true	
-- expect: false	cannot convert 'float [1]' to 'int *'
-- expect: true	
-- expect: false	cannot convert 'struct idioms_b' to 'struct idioms_a *'
-- expect: true	
-- expect: false	cannot convert 'const int *[1]' to 'int **'
-- expect: false	cannot convert 'int *[1]' to 'const int **'
-- expect: false	cannot convert 'int *[1]' to 'void **'
-- expect: false	cannot convert 'const int [1]' to 'void *'
-- expect: true	
-- expect: false	cannot convert 'const char *' to 'char *'
-- expect: true	
-- expect: false	cannot convert 'volatile int [1]' to 'int *'

-- test: a function pointer converts to another function pointer type with as many fixed parameters
do
  local ffi = require("ffi")
  local function try(decl, value)
    print((pcall(function() local q = ffi.new(decl); q[0] = value end)))
  end
  try("int (*[1])(int)", ffi.cast("double (*)(double)", 0))
  try("int (*[1])(int)", ffi.cast("int (*)(int, int)", 0))
  try("int (*[1])(int)", ffi.cast("void (*)(char *)", 0))
  try("int (*[1])(int, ...)", ffi.cast("int (*)(int)", 0))
  try("int (*[1])(void)", ffi.cast("int (*)()", 0))
  try("int (*[1])(int)", ffi.cast("int (*)()", 0))
  try("int (*[1])(int)", ffi.cast("void *", 0))
  try("int *[1]", ffi.cast("int (*)(int)", 0))
  try("int (**[1])(int)", ffi.new("double (*[1])(double)"))
  try("int (**[1])(int)", ffi.new("double (*[1])(double, int)"))
end
-- expect: true
-- expect: false
-- expect: true
-- expect: true
-- expect: true
-- expect: false
-- expect: true
-- expect: false
-- expect: true
-- expect: false

-- test: a comparator cast to a function pointer over the element type sorts through qsort
do
  local ffi = require("ffi")
  ffi.cdef[[typedef struct idioms_p { int v; } idioms_p;
    void qsort(void *base, size_t n, size_t size, int (*compar)(const void *, const void *));]]
  local a = ffi.new("idioms_p[5]", {{3}, {1}, {4}, {5}, {2}})
  local cmp = ffi.cast("int (*)(idioms_p *, idioms_p *)", function(x, y) return x.v - y.v end)
  ffi.C.qsort(a, 5, ffi.sizeof("idioms_p"), cmp)
  print(a[0].v, a[1].v, a[2].v, a[3].v, a[4].v)
  cmp:free()
end
-- expect: 1	2	3	4	5

-- test: a trailing variable-length array member takes its initializer
do
  local ffi = require("ffi")
  local v = ffi.new("struct { int n; uint32_t list[?]; }", 3, 3, {100, 200, 300})
  print(v.n, v.list[0], v.list[1], v.list[2])
  v = ffi.new("struct { int n; uint32_t list[?]; }", 3, {n = 2, list = {7, 8}})
  print(v.n, v.list[0], v.list[1], v.list[2])
  v = ffi.new("struct { int n; uint32_t list[?]; }", 3, {5, {1, 2}})
  print(v.n, v.list[0], v.list[1], v.list[2])
  v = ffi.new("struct { int n; char s[?]; }", 6, 1, "abc")
  print(v.n, ffi.string(v.s))
end
-- expect: 3	100	200	300
-- expect: 2	7	8	0
-- expect: 5	1	2	0
-- expect: 1	abc

-- test: a nested array or struct takes a table, a string for chars, or a cdata of its type, not a number
do
  local ffi = require("ffi")
  ffi.cdef[[struct idioms_in { int x; }; struct idioms_agg { int n; int a[3]; struct idioms_in s; };
    struct idioms_vla { int n; int a[?]; };]]
  print(pcall(ffi.new, "struct idioms_agg", 1, 5))
  print(pcall(ffi.new, "struct idioms_agg", 1, {1}, 5))
  print(pcall(ffi.new, "int[2][2]", {1, 2}))
  print(pcall(ffi.new, "int[2][2]", 7))
  print(pcall(ffi.new, "struct idioms_agg", 1, ffi.new("int[2]")))
  print(pcall(ffi.new, "struct idioms_vla", 2, 1, ffi.new("int[2]", 1, 2)))
  local v = ffi.new("struct idioms_agg", 1, ffi.new("int[3]", 4, 5, 6), ffi.new("struct idioms_in", 9))
  print(v.a[0], v.a[2], v.s.x, ffi.new("int[2][2]", {{1, 2}, {3, 4}})[1][1])
  print(pcall(function() v.a = 5 end))
  print(pcall(function() v.s = 5 end))
  v.a = {7, 8}; v.s = {10}
  print(v.a[0], v.a[1], v.a[2], v.s.x)
end
-- expect: false	cannot convert 'number' to 'int [3]'
-- expect: false	cannot convert 'number' to 'struct idioms_in'
-- expect: false	cannot convert 'number' to 'int [2]'
-- expect: false	cannot convert 'number' to 'int [2]'
-- expect: false	cannot convert 'int [2]' to 'int [3]'
-- expect: false	cannot convert 'int [2]' to 'int [?]'
-- expect: 4	6	9	4
-- expect: false	idioms.lua:257: cannot convert 'number' to 'int [3]'
-- expect: false	idioms.lua:258: cannot convert 'number' to 'struct idioms_in'
-- expect: 7	8	0	10

-- test: a pointer equals a string at the string's address, and strings are no offsets
do
  local ffi = require("ffi")
  local abc = ffi.cast("const char *", "abc")
  print(abc == "abc", abc == "xyz", "abc" == abc, ffi.cast("void *", "abc") == "abc", ffi.cast("int *", "abc") == "abc")
  print(pcall(function() return abc < "abd" end))
  print(pcall(function() return abc - "abc" end))
  print(pcall(function() return abc + "1" end))
end
-- expect: true	false	true	true	true
-- expect: false	idioms.lua:278: attempt to compare 'const char *' with 'string'
-- expect: false	idioms.lua:279: attempt to perform arithmetic on 'const char *' and 'string'
-- expect: false	idioms.lua:280: attempt to perform arithmetic on 'const char *' and 'string'

-- test: pointers subtract when their targets are compatible, qualifiers aside, and never void
do
  local ffi = require("ffi")
  local a = ffi.new("int[10]")
  local p = ffi.cast("int *", a)
  print(pcall(function() return p - ffi.new("char[1]") end))
  print(ffi.cast("const int *", p + 5) - p, ffi.cast("unsigned int *", p + 5) - p)
  print(pcall(function() return ffi.cast("void *", p + 5) - ffi.cast("void *", p) end))
  print(pcall(function() return ffi.cast("void *", p + 5) - p end))
end
-- expect: false	idioms.lua:292: attempt to perform arithmetic on 'int *' and 'char [1]'
-- expect: 5	5
-- expect: false	idioms.lua:294: attempt to perform arithmetic on 'void *' and 'void *'
-- expect: false	idioms.lua:295: attempt to perform arithmetic on 'void *' and 'int *'

-- test: a C function compares by address with pointers and functions, and is no number
do
  local ffi = require("ffi")
  ffi.cdef[[void free(void *); void *malloc(size_t);]]
  local f1, f2 = ffi.C.free, ffi.C.malloc
  local p1 = ffi.cast("void *", f1)
  print(f1 == f1, f1 ~= nil, f1 ~= f2, p1 == f1, p1 ~= f2, f1 == p1, f1 < f2 or f1 > f2, f1 <= f1, f1 == 1)
  print((pcall(function() return f1 + 1 end)), (pcall(function() return f1 < 1 end)))
end
-- expect: true	true	true	true	true	true	true	true	false
-- expect: false	false

-- test: an array casts to an integer as its address; ffi.string with a length reads no byte for 0 and refuses a negative one
do
  local ffi = require("ffi")
  local buf = ffi.new("uint8_t[16]")
  local addr = ffi.cast("uintptr_t", buf)
  print(addr == ffi.cast("uintptr_t", ffi.cast("void *", buf)), ffi.cast("uint8_t *", addr + 4) - buf)
  local hits = 0
  for i = 0, 15 do if ffi.cast("uintptr_t", buf + i) == addr + i then hits = hits + 1 end end
  print(hits, pcall(ffi.cast, "double", buf))
  print(ffi.string(ffi.cast("char *", nil), 0) == "", ffi.string(buf, 0) == "", pcall(ffi.string, buf, -1))
end
-- expect: true	4
-- expect: 16	false	cannot convert 'unsigned char [16]' to 'double'
-- expect: true	true	false	string length overflow
