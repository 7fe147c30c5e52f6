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
