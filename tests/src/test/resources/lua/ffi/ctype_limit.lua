-- test: LuaJIT's table of C types is bounded: making types without end is an error, not a hang
do
  local ffi = require("ffi")
  local last = 0
  local ok, e = pcall(function()
    for i = 1, 70000 do
      last = i
      ffi.typeof("struct {}")
    end
  end)
  print(ok, e, last > 20000, last < 65536)
end
-- expect: false	table overflow	true	true

-- test: a struct or union of 2^29 bytes or more is too large, as LuaJIT lays out by 32-bit bit offsets
do
  local ffi = require("ffi")
  print(ffi.sizeof("struct { char a[536870911]; }"), ffi.sizeof("union { char a[536870911]; }"))
  print(pcall(ffi.typeof, "struct { char a[536870912]; }"))
  print(pcall(ffi.typeof, "union { char a[268435456]; int b[134217728]; }"))
  print(pcall(ffi.new, "struct { char a[2000000000]; char b[2000000000]; }"))
  print(pcall(ffi.sizeof, "struct { char a[268435456]; char b[268435456]; }"))
  print(pcall(ffi.new, "char[?]", 3e9))
end
-- expect: 536870911	536870911
-- expect: false	size of C type is unknown or too large
-- expect: false	size of C type is unknown or too large
-- expect: false	size of C type is unknown or too large
-- expect: false	size of C type is unknown or too large
-- expect: false	bad argument #1 to '?' (size of C type is unknown or too large)

-- test: a struct too large for LuaJIT fails in ffi.cdef and stays undeclared, as does all else in that text
do
  local ffi = require("ffi")
  print(pcall(ffi.cdef, "struct lim_big { char a[0x7fffffff]; char b[0x7fffffff]; };"))
  print(pcall(ffi.typeof, "struct lim_big"))
  print(pcall(ffi.cdef, "struct lim_big { int x; };"))
  print(ffi.sizeof("struct lim_big"))
  print(pcall(ffi.cdef, "struct lim_s29 { char a[536870912]; };"))
  print(pcall(ffi.cdef, "struct lim_s28 { char a[536870911]; };"))
  print(pcall(ffi.cdef, "union lim_u29 { char a[536870912]; };"))
  print(pcall(ffi.cdef, "struct lim_nest { struct { char a[536870912]; } in; };"))
  print(pcall(ffi.typeof, "struct lim_nest"))
  print(pcall(ffi.cdef, "struct lim_ok { int a; }; typedef int lim_int; struct lim_bad { char a[536870912]; }; struct lim_after { int c; };"))
  print(pcall(ffi.typeof, "struct lim_ok"))
  print(pcall(ffi.typeof, "lim_int"))
  print(pcall(ffi.typeof, "struct lim_after"))
  print(pcall(ffi.typeof, "struct lim_tb { char a[0x7fffffff]; char b[0x7fffffff]; }"))
  print(pcall(ffi.typeof, "struct lim_tb"))
end
-- expect: false	size of C type is unknown or too large
-- expect: false	undeclared or implicit tag 'lim_big'
-- expect: true
-- expect: 4
-- expect: false	size of C type is unknown or too large
-- expect: true
-- expect: false	size of C type is unknown or too large
-- expect: false	size of C type is unknown or too large
-- expect: false	undeclared or implicit tag 'lim_nest'
-- expect: false	size of C type is unknown or too large
-- expect: false	undeclared or implicit tag 'lim_ok'
-- expect: false	declaration specifier expected near 'lim_int'
-- expect: false	undeclared or implicit tag 'lim_after'
-- expect: false	undeclared or implicit tag 'lim_tb'
-- expect: false	undeclared or implicit tag 'lim_tb'

-- test: any error in ffi.cdef's text undoes the declarations before it in that text
do
  local ffi = require("ffi")
  print(pcall(ffi.cdef, "struct undo_a { int a; }; typedef int undo_int; enum { UNDO_E = 5 }; int undo_f(int, int) int;"))
  print(pcall(ffi.typeof, "struct undo_a"))
  print(pcall(ffi.typeof, "undo_int"))
  print(pcall(function() return ffi.C.UNDO_E end))
  print(pcall(ffi.cdef, "struct undo_b { int a; }; struct undo_b { int b; };"))
  print(pcall(ffi.typeof, "struct undo_b"))
  ffi.cdef("struct undo_fwd;")
  print(pcall(ffi.cdef, "struct undo_fwd { int a; double b; }; struct undo_fwd { int c; };"))
  print(pcall(ffi.sizeof, "struct undo_fwd"))
  ffi.cdef("struct undo_kept { int a; };")
  print(pcall(ffi.cdef, "struct undo_kept2 { struct undo_kept k; }; struct undo_kept { int z; };"))
  print(pcall(ffi.typeof, "struct undo_kept2"), ffi.sizeof("struct undo_kept"))
end
-- expect: false	';' expected near 'int'
-- expect: false	undeclared or implicit tag 'undo_a'
-- expect: false	declaration specifier expected near 'undo_int'
-- expect: false	ctype_limit.lua:73: missing declaration for symbol 'UNDO_E'
-- expect: false	attempt to redefine 'undo_b'
-- expect: false	undeclared or implicit tag 'undo_b'
-- expect: false	attempt to redefine 'undo_fwd'
-- expect: true	16
-- expect: false	attempt to redefine 'undo_kept'
-- expect: false	4
