-- Misuse of the ffi API ends in a Lua error that pcall catches, with LuaJIT's words
-- (issue #10, "No script crashes the JVM"). Misuse that crashes LuaJIT itself (NULL
-- pointers, unmapped addresses) is checked by vm-demo's FfiMisuseTest instead.

-- test: a library function's failure is caught by a pcall that calls it directly
do
  local ffi = require("ffi")
  print(pcall(ffi.new, "int[?]", 1e30))
  print(pcall(ffi.new, "int[?]", -1))
  print(pcall(ffi.new, "struct { int n; double d[?]; }", 2^40))
  print(pcall(ffi.load, "isthmus_no_such_library_xyz"))
  print(select("#", pcall(ffi.new, "int[?]", 3)))
end
-- expect: false	bad argument #1 to '?' (size of C type is unknown or too large)
-- expect: false	bad argument #1 to '?' (size of C type is unknown or too large)
-- expect: false	bad argument #1 to '?' (size of C type is unknown or too large)
-- expect: false	libisthmus_no_such_library_xyz.so: cannot open shared object file: No such file or directory
-- expect: 2

-- test: sizeof of a variable-length type is nil for counts LuaJIT refuses
do
  local ffi = require("ffi")
  for _, n in ipairs({0, 1.5, 2^29 - 1, 2^29, 2^32, -1, 0/0, 1/0}) do
    print(n, ffi.sizeof("int[?]", n))
  end
  print(ffi.sizeof("struct { int n; double d[?]; }", 3))
end
-- expect: 0	0
-- expect: 1.5	4
-- expect: 536870911	2147483644
-- expect: 536870912	nil
-- expect: 4294967296	nil
-- expect: -1	nil
-- expect: nan	nil
-- expect: inf	nil
-- expect: 32

-- test: a freed callback refuses calls, free and set; a new one works
do
  local ffi = require("ffi")
  local cb = ffi.cast("int (*)(int)", function(x) return x + 1 end)
  print(cb(41))
  cb:free()
  print(pcall(cb, 1))
  print(pcall(cb.free, cb))
  print(pcall(cb.set, cb, function() return 0 end))
  local again = ffi.cast("int (*)(int)", function(x) return x * 2 end)
  print(again(21))
  again:set(function(x) return x * 3 end)
  print(again(21))
  again:free()
end
-- expect: 42
-- expect: false	bad callback
-- expect: false	bad callback
-- expect: false	bad callback
-- expect: 42
-- expect: 63

-- test: a freed callback called from C is a Lua error after the C call
do
  local ffi = require("ffi")
  ffi.cdef("void qsort(void *base, size_t nmemb, size_t size, int (*compar)(const void *, const void *));")
  local cb = ffi.cast("int (*)(const void *, const void *)", function() return 0 end)
  local address = ffi.cast("intptr_t", cb)
  cb:free()
  local a = ffi.new("int[2]", 2, 1)
  print(pcall(ffi.C.qsort, a, 2, 4, cb))
  print(pcall(ffi.C.qsort, a, 2, 4, ffi.cast("void *", address)))
  print(a[0], a[1])
end
-- expect: false	bad callback
-- expect: false	bad callback
-- expect: 2	1

-- test: errors inside callbacks and results that do not convert
do
  local ffi = require("ffi")
  print(pcall(ffi.cast("int (*)(void)", function() error("inside") end)))
  print(type(select(2, pcall(ffi.cast("int (*)(void)", function() error({}) end)))))
  print(pcall(ffi.cast("int (*)(void)", function() return "x" end)))
  print(pcall(ffi.cast("int (*)(void)", function() return {} end)))
  print(pcall(ffi.cast("double (*)(int)", function(a) return a .. "" end), 3))
  print(pcall(ffi.cast("void (*)(int)", function(a) return a.b end), 3))
end
-- expect: false	misuse.lua:79: inside
-- expect: table
-- expect: false	misuse.lua:81: cannot convert 'string' to 'int'
-- expect: false	misuse.lua:82: cannot convert 'table' to 'int'
-- expect: false	misuse.lua:83: cannot convert 'string' to 'double'
-- expect: false	misuse.lua:84: attempt to index local 'a' (a number value)

-- test: callbacks are a limited resource, as LuaJIT's callback slots are
do
  local ffi = require("ffi")
  local made = {}
  local ok, err = pcall(function()
    for i = 1, 2000 do made[i] = ffi.cast("int (*)(void)", function() return i end) end
  end)
  print(#made, ok, err)
  made[#made]:free()
  made[#made] = ffi.cast("int (*)(void)", function() return -1 end)
  print(made[#made](), made[1]())
  print(pcall(ffi.cast, "int (*)(void)", function() end))
  for i = 1, #made do made[i]:free() end
  print(ffi.cast("int (*)(void)", function() return 7 end)())
end
-- expect: 896	false	misuse.lua:98: too many callbacks
-- expect: -1	1
-- expect: false	too many callbacks
-- expect: 7

-- test: implicit callbacks made in a loop reach the same limit
do
  local ffi = require("ffi")
  ffi.cdef("void qsort(void *base, size_t nmemb, size_t size, int (*compar)(const void *, const void *));")
  local a = ffi.new("int[2]", 2, 1)
  local n = 0
  local ok, err = pcall(function()
    for i = 1, 2000 do
      ffi.C.qsort(a, 2, 4, function(x, y) return ffi.cast("int *", x)[0] - ffi.cast("int *", y)[0] end)
      n = n + 1
    end
  end)
  print(n, ok, err, a[0], a[1])
end
-- expect: 896	false	misuse.lua:121: too many callbacks	1	2

-- test: functions taking a C type name what they got instead
do
  local ffi = require("ffi")
  for _, name in ipairs({"new", "cast", "typeof", "metatype", "sizeof", "alignof", "offsetof", "istype"}) do
    print(name, select(2, pcall(ffi[name])), select(2, pcall(ffi[name], nil)))
    print(name, select(2, pcall(ffi[name], 1)), select(2, pcall(ffi[name], true)), select(2, pcall(ffi[name], {})))
  end
end
-- expect: new	bad argument #1 to '?' (C type expected, got no value)	bad argument #1 to '?' (C type expected, got nil)
-- expect: new	bad argument #1 to '?' (C type expected, got number)	bad argument #1 to '?' (C type expected, got boolean)	bad argument #1 to '?' (C type expected, got table)
-- expect: cast	bad argument #1 to '?' (C type expected, got no value)	bad argument #1 to '?' (C type expected, got nil)
-- expect: cast	bad argument #1 to '?' (C type expected, got number)	bad argument #1 to '?' (C type expected, got boolean)	bad argument #1 to '?' (C type expected, got table)
-- expect: typeof	bad argument #1 to '?' (C type expected, got no value)	bad argument #1 to '?' (C type expected, got nil)
-- expect: typeof	bad argument #1 to '?' (C type expected, got number)	bad argument #1 to '?' (C type expected, got boolean)	bad argument #1 to '?' (C type expected, got table)
-- expect: metatype	bad argument #1 to '?' (C type expected, got no value)	bad argument #1 to '?' (C type expected, got nil)
-- expect: metatype	bad argument #1 to '?' (C type expected, got number)	bad argument #1 to '?' (C type expected, got boolean)	bad argument #1 to '?' (C type expected, got table)
-- expect: sizeof	bad argument #1 to '?' (C type expected, got no value)	bad argument #1 to '?' (C type expected, got nil)
-- expect: sizeof	bad argument #1 to '?' (C type expected, got number)	bad argument #1 to '?' (C type expected, got boolean)	bad argument #1 to '?' (C type expected, got table)
-- expect: alignof	bad argument #1 to '?' (C type expected, got no value)	bad argument #1 to '?' (C type expected, got nil)
-- expect: alignof	bad argument #1 to '?' (C type expected, got number)	bad argument #1 to '?' (C type expected, got boolean)	bad argument #1 to '?' (C type expected, got table)
-- expect: offsetof	bad argument #1 to '?' (C type expected, got no value)	bad argument #1 to '?' (C type expected, got nil)
-- expect: offsetof	bad argument #1 to '?' (C type expected, got number)	bad argument #1 to '?' (C type expected, got boolean)	bad argument #1 to '?' (C type expected, got table)
-- expect: istype	bad argument #1 to '?' (C type expected, got no value)	bad argument #1 to '?' (C type expected, got nil)
-- expect: istype	bad argument #1 to '?' (C type expected, got number)	bad argument #1 to '?' (C type expected, got boolean)	bad argument #1 to '?' (C type expected, got table)

-- test: missing and unconvertible arguments of the other ffi functions
do
  local ffi = require("ffi")
  local buf = ffi.new("char[4]")
  local function try(...) print(select(2, pcall(...))) end
  try(ffi.cast, "int")
  try(ffi.istype, "int")
  try(ffi.gc)
  try(ffi.gc, 1, print)
  try(ffi.gc, buf)
  try(ffi.metatype, "struct { int a; }")
  try(ffi.metatype, "struct { int a; }", 1)
  try(ffi.metatype, "int", {})
  try(ffi.offsetof, "struct { int a; }")
  try(ffi.sizeof, "int[?]", "x")
  try(ffi.errno, "3")
  try(ffi.errno, nil)
  try(ffi.cdef)
  try(ffi.cdef, {})
  try(ffi.load)
  try(ffi.abi)
  try(ffi.string, {})
  try(ffi.string, print)
  try(ffi.string, ffi.new("int[2]"))
  try(ffi.string, ffi.cast("int *", buf))
  try(ffi.string, buf, "x")
  try(ffi.copy, "x", "y")
  try(ffi.copy, buf)
  try(ffi.copy, buf, 1, 4)
  try(ffi.copy, buf, "x", "y")
  try(ffi.fill, true)
  try(ffi.fill, buf)
  try(ffi.fill, buf, "x")
  try(ffi.fill, buf, 4, {})
  print(ffi.string(ffi.cast("uint8_t *", ffi.new("char[3]", "ab"))), ffi.string(ffi.new("int[2]", 65), 1))
  print(select("#", ffi.offsetof("struct { int a; }", "")), select("#", ffi.offsetof("struct { int a; }", 1)))
end
-- expect: bad argument #2 to '?' (value expected)
-- expect: bad argument #2 to '?' (value expected)
-- expect: bad argument #1 to '?' (cdata expected, got no value)
-- expect: bad argument #1 to '?' (cdata expected, got number)
-- expect: bad argument #2 to '?' (value expected)
-- expect: bad argument #2 to '?' (table expected, got no value)
-- expect: bad argument #2 to '?' (table expected, got number)
-- expect: bad argument #1 to '?' (invalid C type)
-- expect: bad argument #2 to '?' (string expected, got no value)
-- expect: bad argument #2 to '?' (cannot convert 'string' to 'int')
-- expect: bad argument #1 to '?' (cannot convert 'string' to 'int')
-- expect: bad argument #1 to '?' (cannot convert 'nil' to 'int')
-- expect: bad argument #1 to '?' (string expected, got no value)
-- expect: bad argument #1 to '?' (string expected, got table)
-- expect: bad argument #1 to '?' (string expected, got no value)
-- expect: bad argument #1 to '?' (string expected, got no value)
-- expect: bad argument #1 to '?' (cannot convert 'table' to 'const char *')
-- expect: bad argument #1 to '?' (cannot convert 'function' to 'const char *')
-- expect: bad argument #1 to '?' (cannot convert 'int [2]' to 'const char *')
-- expect: bad argument #1 to '?' (cannot convert 'int *' to 'const char *')
-- expect: bad argument #2 to '?' (cannot convert 'string' to 'int')
-- expect: bad argument #1 to '?' (cannot convert 'string' to 'void *')
-- expect: bad argument #2 to '?' (value expected)
-- expect: bad argument #2 to '?' (cannot convert 'number' to 'const void *')
-- expect: bad argument #3 to '?' (cannot convert 'string' to 'int')
-- expect: bad argument #1 to '?' (cannot convert 'bool' to 'void *')
-- expect: bad argument #2 to '?' (value expected)
-- expect: bad argument #2 to '?' (cannot convert 'string' to 'int')
-- expect: bad argument #3 to '?' (cannot convert 'table' to 'int')
-- expect: ab	A
-- expect: 0	0

-- test: errors name the function as the call site does
do
  local ffi = require("ffi")
  print(pcall(function() local x = ffi.new() end))
  print(pcall(function() local x = ffi.sizeof(true) end))
  print(pcall(function() local x = ffi.string({}) end))
  print(pcall(function() ffi.copy(ffi.new("char[2]")) end))
  print(pcall(function() local s = ffi.new("int[?]", -1) end))
end
-- expect: false	misuse.lua:226: bad argument #1 to 'new' (C type expected, got no value)
-- expect: false	misuse.lua:227: bad argument #1 to 'sizeof' (C type expected, got boolean)
-- expect: false	misuse.lua:228: bad argument #1 to 'string' (cannot convert 'table' to 'const char *')
-- expect: false	misuse.lua:229: bad argument #2 to 'copy' (value expected)
-- expect: false	misuse.lua:230: bad argument #1 to 'new' (size of C type is unknown or too large)
