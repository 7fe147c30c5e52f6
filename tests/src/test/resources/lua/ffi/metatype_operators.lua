-- Operators on cdata whose struct has a metatype (issue #10): pointers keep pointer
-- arithmetic and comparison, struct objects use the metatype, ctypes use neither.

-- test: a pointer to a metatyped struct compares and moves as a pointer, so p == nil stays a NULL check
do
  local ffi = require("ffi")
  ffi.cdef[[typedef struct mo_box { int v; } mo_box;]]
  local box = ffi.metatype("mo_box", {__eq = function() return false end, __lt = function() return true end,
    __le = function() return false end, __add = function() return 100 end, __sub = function() return 200 end,
    __tostring = function() return "box!" end, __len = function() return 42 end})
  local null = ffi.cast("mo_box *", nil)
  print(null == nil, tostring(null + 1), tostring(null - 1))
  local arr = ffi.new("mo_box[2]")
  local p = ffi.cast("mo_box *", arr)
  print(p == p, p < p, p <= p, p - p, p + 1 == ffi.cast("mo_box *", arr) + 1, p < p + 1)
  print(#p, tostring(p))
end
-- expect: true	box!	box!
-- expect: true	false	true	0	true	true
-- expect: 42	box!

-- test: a metatyped struct object runs the metatype's operators, its own __eq included
do
  local ffi = require("ffi")
  ffi.cdef[[typedef struct mo_box2 { int v; } mo_box2;]]
  local box = ffi.metatype("mo_box2", {__eq = function() return false end, __lt = function() return true end,
    __le = function() return false end, __add = function() return 100 end, __sub = function() return 200 end,
    __len = function() return 42 end, __tostring = function() return "box!" end})
  local b = box(1)
  print(b == b, rawequal(b, b), b < b, b <= b, b + 1, 1 - b, #b, tostring(b))
  local p = ffi.cast("mo_box2 *", b)
  print(p + p, p - 1 == p - 1)
end
-- expect: false	true	true	false	100	200	42	box!
-- expect: 100	true

-- test: a metatyped ctype prints and compares as a ctype
do
  local ffi = require("ffi")
  ffi.cdef[[typedef struct mo_box3 { int v; } mo_box3;]]
  local box = ffi.metatype("mo_box3", {__eq = function() return false end, __tostring = function() return "box!" end,
    __index = {kind = "box"}})
  print(tostring(box), box == box, box == ffi.typeof("mo_box3"), box.kind)
end
-- expect: ctype<struct mo_box3>	true	true	box
