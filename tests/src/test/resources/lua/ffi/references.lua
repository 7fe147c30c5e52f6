-- C++ references (T &) as LuaJIT's FFI has them: a pointer dereferenced wherever it is used.

-- test: reference types parse, print and size as LuaJIT's
do
  local ffi = require("ffi")
  ffi.cdef("typedef struct ref_pt { int x, y; } ref_pt;")
  print(ffi.typeof("ref_pt &"), ffi.typeof("int *&"), ffi.typeof("int (&)[2]"), ffi.typeof("const int &"))
  print(ffi.typeof("int & const"), ffi.typeof("int &&"))
  print(ffi.sizeof("int &"), ffi.alignof("int &"), ffi.sizeof("ref_pt &"), ffi.sizeof("struct { char c; int &r; }"))
  print(pcall(ffi.typeof, "int & &"))
  print(pcall(ffi.typeof, "int &*"))
  print(pcall(ffi.typeof, "int &[2]"))
end
-- expect: ctype<struct ref_pt &>	ctype<int *&>	ctype<int (&)[2]>	ctype<const int &>
-- expect: ctype<int &>	ctype<int &>
-- expect: 4	8	8	16
-- expect: false	invalid C type
-- expect: false	invalid C type
-- expect: false	invalid C type

-- test: a reference reads and writes the object it binds to, and is used as that object
do
  local ffi = require("ffi")
  ffi.cdef("typedef struct ref_obj { int x, y; } ref_obj;")
  local a = ffi.new("ref_obj", 1, 2)
  local r = ffi.new("ref_obj &", a)
  print(r.x, r.y, ffi.sizeof(r), ffi.istype("ref_obj &", r), ffi.istype("ref_obj", r), ffi.istype("ref_obj *", r))
  r.x = 5
  print(a.x, ffi.cast("ref_obj *", r).y, ffi.cast("ref_obj *", r) == r)
  print(pcall(function() return r[0] end))
  local n = ffi.new("int[1]", 7)
  local ri = ffi.new("int &", n)
  print(tonumber(ri), ri + 1, ri == 7, ffi.cast("int &", n) + 0)
  print(pcall(ffi.new, "int &", 5))
  print(tostring(r):match("^cdata<[^>]*>"))
end
-- expect: 1	2	8	true	true	false
-- expect: 5	2	true
-- expect: false	references.lua:30: 'struct ref_obj' cannot be indexed with 'number'
-- expect: 7	8LL	true	7LL
-- expect: false	cannot convert 'number' to 'int &'
-- expect: cdata<struct ref_obj &>

-- test: a reference to a struct with a metatype uses the metatype, as the struct does
do
  local ffi = require("ffi")
  ffi.cdef("typedef struct ref_vec { int x, y; } ref_vec;")
  local vec
  vec = ffi.metatype("ref_vec", {
    __add = function(a, b) return vec(a.x + b.x, a.y + b.y) end,
    __index = { sum = function(v) return v.x + v.y end },
  })
  local a = vec(10, 20)
  local q = ffi.new("ref_vec &", a)
  local h = q + q
  print(h.x, h.y, q:sum(), ffi.typeof(h))
  print(pcall(function() return q[0] end))
end
-- expect: 20	40	30	ctype<struct ref_vec>
-- expect: false	references.lua:57: 'struct ref_vec' cannot be indexed with 'number'
