-- LuaJIT 2.1's string buffers (require "string.buffer"): methods, their argument errors,
-- the FFI pointer methods and the serializer's bytes, checked against luajit.

-- test: the module and a buffer's type and metatable
do
  local buffer = require "string.buffer"
  print(type(buffer.new), type(buffer.encode), type(buffer.decode), require("string.buffer") == buffer)
  local b = buffer.new()
  print(type(b), getmetatable(b), #b, tostring(b) == "", b:tostring() == "")
  print(b.tostring == b.__tostring, b.put ~= nil, b.__index == nil)
end
-- expect: function	function	function	true
-- expect: userdata	buffer	0	true	true
-- expect: true	true	false

-- test: put appends strings, numbers as tostring spells them, buffers and __tostring results
do
  local buffer = require "string.buffer"
  local b = buffer.new()
  b:put("abc", 1, 2.5, 1e100, -0.0, 1/0, -1/0, 0x7fffffff, 2^53)
  print(b:tostring(), #b)
  local other = buffer.new():put("<o>")
  print(b:reset():put(other, other):tostring(), other:tostring())
  local obj = setmetatable({}, {__tostring = function() return "TS" end})
  local num = setmetatable({}, {__tostring = function() return 42 end})
  local buf = setmetatable({}, {__tostring = function() return other end})
  print(b:reset():put(obj, num, buf, 1LL, 2ULL):tostring())
  print(b:put() == b, b:put("") == b, #b)
end
-- expect: abc12.51e+100-0inf-inf21474836479.007199254741e+15	50
-- expect: <o><o>	<o>
-- expect: TS42<o>1LL2ULL
-- expect: true	true	14

-- test: put's argument errors
do
  local buffer = require "string.buffer"
  local b = buffer.new()
  print(pcall(b.put, b, {}))
  print(pcall(b.put, b, nil))
  print(pcall(b.put, b, "ok", true))
  print(pcall(b.put, b, b))
  print(pcall(b.put, b, setmetatable({}, {__tostring = function() return {} end})))
  print(pcall(b.put))
  print(pcall(b.put, 1))
  print(pcall(b.put, "x"))
  print(pcall(function() b:put(print) end))
  print(pcall(function() b.put("x") end))
  print(b:tostring())
end
-- expect: false	bad argument #2 to '?' (string/number/__tostring expected, got table)
-- expect: false	bad argument #2 to '?' (string/number/__tostring expected, got nil)
-- expect: false	bad argument #3 to '?' (string/number/__tostring expected, got boolean)
-- expect: false	bad argument #2 to '?' (cannot put buffer into itself)
-- expect: false	bad argument #2 to '?' (string/number/__tostring expected, got table)
-- expect: false	bad argument #1 to '?' (buffer expected, got no value)
-- expect: false	bad argument #1 to '?' (buffer expected, got number)
-- expect: false	bad argument #1 to '?' (buffer expected, got string)
-- expect: false	buffer.lua:47: bad argument #1 to 'put' (string/number/__tostring expected, got function)
-- expect: false	buffer.lua:48: bad argument #1 to 'put' (buffer expected, got string)
-- expect: ok

-- test: putf formats as string.format does
do
  local buffer = require "string.buffer"
  local b = buffer.new()
  print(b:putf("%d %s %5.2f|%-4s|%x", 42, "x", 3.14159, "ab", 255):tostring())
  print(b:reset():putf("%s %s", "", 1.5):tostring() == " 1.5")
  print(pcall(b.putf, b, "%s %s", 1, b))
  print(pcall(b.putf, b, "%d %s", b, b))
  print(pcall(b.putf, b, "%d", "x"))
  print(pcall(b.putf, b))
  print(pcall(b.putf, b, "%d"))
  print(pcall(function() b:putf("%y") end))
end
-- expect: 42 x  3.14|ab  |ff
-- expect: true
-- expect: false	bad argument #5 to '?' (cannot put buffer into itself)
-- expect: false	bad argument #3 to '?' (number expected, got userdata)
-- expect: false	bad argument #3 to '?' (number expected, got string)
-- expect: false	bad argument #2 to '?' (string expected, got no value)
-- expect: false	bad argument #3 to '?' (value expected)
-- expect: false	buffer.lua:74: invalid option '%y' to 'format'

-- test: get consumes lengths, nil for the rest, and returns empty strings when empty
do
  local buffer = require "string.buffer"
  local b = buffer.new():put("hello world")
  print(b:get(5))
  print(b:get(1, 2, nil))
  print(b:get() == "", #b, b:get(3) == "")
  b:put("abc")
  print(b:get(0, 10, 10))
  b:put("xyz")
  print(b:get(2.9), b:get(), #b)
  print(b:put("12345"):get(1LL, 2ULL))
end
-- expect: hello
-- expect:  	wo	rld
-- expect: true	0	true
-- expect: 	abc	
-- expect: xy	z	0
-- expect: 1	23

-- test: get's argument errors
do
  local buffer = require "string.buffer"
  local b = buffer.new():put("abc")
  print(pcall(b.get, b, -1))
  print(pcall(b.get, b, "1"))
  print(pcall(b.get, b, 2^31))
  print(pcall(b.get, b, 0/0))
  print(pcall(b.get, b, -1LL))
  print(pcall(b.get, b, 1, {}))
  print(pcall(b.get, b, 2i))
  print(pcall(b.get, {}))
  print(b:tostring())
end
-- expect: false	bad argument #2 to '?' (number out of range)
-- expect: false	bad argument #2 to '?' (number expected, got string)
-- expect: false	bad argument #2 to '?' (number out of range)
-- expect: false	bad argument #2 to '?' (number out of range)
-- expect: false	bad argument #2 to '?' (number out of range)
-- expect: false	bad argument #3 to '?' (number expected, got table)
-- expect: false	bad argument #2 to '?' (number expected, got cdata)
-- expect: false	bad argument #1 to '?' (buffer expected, got table)
-- expect: bc

-- test: skip, reset, free and tostring
do
  local buffer = require "string.buffer"
  local b = buffer.new():put("abcdef")
  print(b:skip(2):tostring(), #b, b:skip(0):tostring(), b:skip(100):tostring(), #b)
  print(b:put("xy"):reset():tostring() == "", #b)
  print(b:put("xy"):free():tostring() == "", #b, b:put("z"):tostring())
  print(pcall(b.skip, b, -1))
  print(pcall(b.skip, b))
  print(pcall(b.reset))
  print(pcall(b.free, "x"))
  print(b.tostring(b), tostring(b), b.__len(b), #b)
end
-- expect: cdef	4	cdef		0
-- expect: true	0
-- expect: true	0	z
-- expect: false	bad argument #2 to '?' (number out of range)
-- expect: false	bad argument #2 to '?' (number expected, got no value)
-- expect: false	bad argument #1 to '?' (buffer expected, got no value)
-- expect: false	bad argument #1 to '?' (buffer expected, got string)
-- expect: z	z	1	1

-- test: the concatenation operator takes buffers as strings
do
  local buffer = require "string.buffer"
  local b = buffer.new():put("buf")
  print(b .. "x", "y" .. b, 1 .. b, b .. 2, b .. b, "a" .. b .. "c" .. b)
  print(pcall(function() return b .. {} end))
  print(pcall(function() return {} .. b end))
  print(pcall(function() return b .. nil end))
  print(#b)
end
-- expect: bufx	ybuf	1buf	buf2	bufbuf	abufcbuf
-- expect: false	buffer.lua:156: attempt to concatenate upvalue 'b' (a userdata value)
-- expect: false	buffer.lua:157: attempt to concatenate a table value
-- expect: false	buffer.lua:158: attempt to concatenate upvalue 'b' (a userdata value)
-- expect: 3

-- test: tostring, string.format, io.write and load take a buffer's contents
do
  local buffer = require "string.buffer"
  local b = buffer.new():put("return 1 + 2")
  print(tostring(b), string.format("[%s][%14s]", b, b))
  print(load(b)())
  local f = load(buffer.new():put("error('x')"))
  print(pcall(f))
  io.write(b, "\n")
end
-- expect: return 1 + 2	[return 1 + 2][  return 1 + 2]
-- expect: 3
-- expect: false	[string ""]:1: x
-- expect: return 1 + 2

-- test: set reads a string until the first write
do
  local buffer = require "string.buffer"
  local s = "hello"
  local b = buffer.new():put("old")
  print(b:set(s):tostring(), #b)
  print(b:get(2), b:tostring(), #b)
  b:put("!")
  print(b:tostring(), s)
  print(b:set(""):tostring() == "", #b)
  print(b:set("abc"):skip(10):tostring() == "", #b, b:put("d"):tostring())
end
-- expect: hello	5
-- expect: he	llo	3
-- expect: llo!	hello
-- expect: true	0
-- expect: true	0	d

-- test: set's argument errors
do
  local buffer = require "string.buffer"
  local ffi = require "ffi"
  local b = buffer.new():put("keep")
  print(pcall(b.set, b))
  print(pcall(b.set, b, {}))
  print(pcall(b.set, b, 12))
  print(pcall(b.set, b, ffi.new("char[4]")))
  print(pcall(b.set, b, ffi.new("char[4]"), -1))
  print(pcall(b.set, b, ffi.new("int", 1), 1))
  print(b:tostring())
end
-- expect: false	bad argument #2 to '?' (string expected, got no value)
-- expect: false	bad argument #2 to '?' (string expected, got table)
-- expect: false	bad argument #2 to '?' (string expected, got number)
-- expect: false	bad argument #3 to '?' (number expected, got no value)
-- expect: false	bad argument #3 to '?' (number out of range)
-- expect: false	bad argument #2 to '?' (cannot convert 'int' to 'const void *')
-- expect: keep

-- test: set and putcdata read C memory
do
  local buffer = require "string.buffer"
  local ffi = require "ffi"
  local arr = ffi.new("char[4]", "xyz")
  local b = buffer.new()
  print(b:set(arr, 3):tostring(), #b)
  print(b:reset():putcdata(arr, 2):putcdata(ffi.cast("const char *", "qwe"), 3):tostring())
  local s = ffi.new("struct { uint8_t a, b; }", 65, 66)
  print(b:reset():putcdata(s, 2):tostring(), b:putcdata(arr, 0):tostring())
  print(pcall(b.putcdata, b, "x", 1))
  print(pcall(b.putcdata, b, arr))
  print(pcall(b.putcdata, b, ffi.new("int", 1), 1))
  print(pcall(b.putcdata, b, arr, 2^31))
  print(b:tostring())
end
-- expect: xyz	3
-- expect: xyqwe
-- expect: AB	AB
-- expect: false	bad argument #2 to '?' (cdata expected, got string)
-- expect: false	bad argument #3 to '?' (number expected, got no value)
-- expect: false	bad argument #2 to '?' (cannot convert 'int' to 'const void *')
-- expect: false	bad argument #3 to '?' (number out of range)
-- expect: AB

-- test: reserve and commit write through a uint8_t pointer
do
  local buffer = require "string.buffer"
  local ffi = require "ffi"
  local b = buffer.new()
  local p, n = b:reserve(10)
  print(ffi.typeof(p), n)
  p[0] = 65; p[1] = 66; p[2] = 67
  print(b:commit(2):tostring(), #b)
  print(select(2, b:reserve(0)), select(2, b:reserve(30)), select(2, b:reserve(31)), select(2, b:reserve(100)))
  local q = b:reserve(3)
  ffi.copy(q, "xyz", 3)
  print(b:commit(3):tostring(), #b)
  print(pcall(b.commit, b, 1000))
  print(pcall(b.commit, b, -1))
  print(pcall(b.reserve, b))
  print(pcall(b.reserve, b, -1))
  print(pcall(b.commit, b, "1"))
  print(b:tostring())
end
-- expect: ctype<unsigned char *>	32
-- expect: AB	2
-- expect: 30	30	62	126
-- expect: ABxyz	5
-- expect: false	bad argument #2 to '?' (number out of range)
-- expect: false	bad argument #2 to '?' (number out of range)
-- expect: false	bad argument #2 to '?' (number expected, got no value)
-- expect: false	bad argument #2 to '?' (number out of range)
-- expect: false	bad argument #2 to '?' (number expected, got string)
-- expect: ABxyz

-- test: ref points at the unread data
do
  local buffer = require "string.buffer"
  local ffi = require "ffi"
  local b = buffer.new():put("hello world")
  local p, n = b:ref()
  print(ffi.typeof(p), n, ffi.string(p, n))
  b:skip(6)
  p, n = b:ref()
  print(n, ffi.string(p, n), p[0])
  p[0] = 87
  print(b:tostring())
  local e, m = buffer.new():ref()
  print(e == nil, m)
  print(pcall(b.ref))
  print(pcall(b.ref, 1))
end
-- expect: ctype<unsigned char *>	11	hello world
-- expect: 5	world	119
-- expect: World
-- expect: true	0
-- expect: false	bad argument #1 to '?' (buffer expected, got no value)
-- expect: false	bad argument #1 to '?' (buffer expected, got number)

-- test: buffer sizes grow as LuaJIT's do
do
  local buffer = require "string.buffer"
  print(select(2, buffer.new():reserve(1)), select(2, buffer.new(0):reserve(1)), select(2, buffer.new(33):reserve(1)), select(2, buffer.new(100):reserve(1)))
  local b = buffer.new()
  b:put(("x"):rep(20))
  print(select(2, b:reserve(1)))
  b:skip(15)
  print(select(2, b:reserve(20)), #b)
  b:set("hello")
  print(select(2, b:reserve(1)), b:tostring())
  b:skip(2)
  print(select(2, b:reserve(40)), b:tostring())
  b:reset()
  print(select(2, b:reserve(1)))
  b:free()
  print(select(2, b:reserve(1)))
end
-- expect: 32	32	64	128
-- expect: 12
-- expect: 27	5
-- expect: 27	hello
-- expect: 61	llo
-- expect: 64
-- expect: 32

-- test: buffer.new's arguments and options
do
  local buffer = require "string.buffer"
  print(pcall(buffer.new, -1))
  print(pcall(buffer.new, "10"))
  print(pcall(buffer.new, 1, 2))
  print(pcall(buffer.new, 5, nil))
  print(pcall(buffer.new, 2^31))
  print(#buffer.new(nil), #buffer.new(nil, {}), #buffer.new({}), #buffer.new(10, {dict = "ignored", metatable = 1}))
  print(pcall(buffer.new, {dict = {1}}))
  print(pcall(buffer.new, {dict = {"a", {}}}))
  print(pcall(buffer.new, {metatable = {"a"}}))
  print(pcall(buffer.new, {metatable = {{}, true}}))
  print(#buffer.new({dict = {"a", false, "b"}, metatable = {{}, false}}))
end
-- expect: false	bad argument #1 to '?' (number out of range)
-- expect: false	bad argument #1 to '?' (number expected, got string)
-- expect: false	bad argument #2 to '?' (table expected, got number)
-- expect: false	bad argument #2 to '?' (table expected, got nil)
-- expect: false	bad argument #1 to '?' (number out of range)
-- expect: 0	0	0	0
-- expect: false	bad options table
-- expect: false	bad options table
-- expect: false	bad options table
-- expect: false	bad options table
-- expect: 0

-- test: encode writes LuaJIT's bytes for scalars and strings
do
  local buffer = require "string.buffer"
  local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
  print(hex(buffer.encode(nil)), hex(buffer.encode(false)), hex(buffer.encode(true)))
  print(hex(buffer.encode(1)), hex(buffer.encode(-0.0)), hex(buffer.encode(1.5)), hex(buffer.encode(1/0)), hex(buffer.encode(2^53)))
  print(hex(buffer.encode("")), hex(buffer.encode("ab")))
  print(hex(buffer.encode(("x"):rep(223))):sub(1, 6), hex(buffer.encode(("x"):rep(224))):sub(1, 8), #buffer.encode(("x"):rep(224)))
  print(hex(buffer.encode(("x"):rep(0x1fbf))):sub(1, 8), hex(buffer.encode(("x"):rep(0x1fc0))):sub(1, 12))
end
-- expect: 00	01	02
-- expect: 07000000000000f03f	070000000000000080	07000000000000f83f	07000000000000f07f	070000000000004043
-- expect: 20	226162
-- expect: e01f78	e0207878	226
-- expect: feff7878	ffe01f000078

-- test: encode writes LuaJIT's bytes for tables
do
  local buffer = require "string.buffer"
  local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
  print(hex(buffer.encode({})), hex(buffer.encode({true, false})), hex(buffer.encode({1, nil, 3})))
  print(hex(buffer.encode({a = 1})), hex(buffer.encode({true, x = false})), hex(buffer.encode({[0] = 5, 6})))
  local t = {}; t[1] = "a"; t[2] = "b"
  print(hex(buffer.encode(t)))
  t = {}; t[0] = true; t[1] = false
  print(hex(buffer.encode(t)))
  t = {1, 2, 3}; t[3] = nil
  print(hex(buffer.encode(t)))
  t = {}; t[5] = true
  print(hex(buffer.encode(t)))
  print(hex(buffer.encode({{}, {{}}})))
end
-- expect: 08	0c030201	0c0407000000000000f03f00070000000000000840
-- expect: 0901216107000000000000f03f	0d020102217801	0a02070000000000001440070000000000001840
-- expect: 0c0321612162
-- expect: 0a020201
-- expect: 0c0307000000000000f03f070000000000000040
-- expect: 090107000000000000144002
-- expect: 0c03080c0208

-- test: encode writes LuaJIT's bytes for 64-bit and complex cdata
do
  local buffer = require "string.buffer"
  local ffi = require "ffi"
  local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
  print(hex(buffer.encode(1LL)), hex(buffer.encode(-1LL)), hex(buffer.encode(-1ULL)))
  print(hex(buffer.encode(ffi.new("int64_t", 7))), hex(buffer.encode(ffi.new("uint64_t", 8))))
  print(hex(buffer.encode(ffi.new("complex", 1, 2))), hex(buffer.encode(2i)))
end
-- expect: 100100000000000000	10ffffffffffffffff	11ffffffffffffffff
-- expect: 100700000000000000	110800000000000000
-- expect: 12000000000000f03f0000000000000040	1200000000000000000000000000000040

-- test: what encode cannot serialize
do
  local buffer = require "string.buffer"
  local ffi = require "ffi"
  print(pcall(buffer.encode, print))
  print(pcall(buffer.encode, coroutine.create(print)))
  print(pcall(buffer.encode, io.stdout))
  print(pcall(buffer.encode, buffer.new()))
  print(pcall(buffer.encode, {f = print}))
  print(pcall(buffer.encode, ffi.new("int", 1)))
  print(pcall(buffer.encode, ffi.new("int[2]")))
  print(pcall(buffer.encode, ffi.typeof("int")))
  print(pcall(buffer.encode))
  local t = {}; t[1] = t
  print(pcall(buffer.encode, t))
  local deep = {}
  for _ = 1, 99 do deep = {deep} end
  print(#buffer.encode(deep), pcall(buffer.encode, {deep}))
  print(pcall(function() buffer.encode(print) end))
end
-- expect: false	cannot serialize 'function'
-- expect: false	cannot serialize 'thread'
-- expect: false	cannot serialize 'userdata'
-- expect: false	cannot serialize 'userdata'
-- expect: false	cannot serialize 'function'
-- expect: false	cannot serialize 'cdata'
-- expect: false	cannot serialize 'cdata'
-- expect: false	cannot serialize 'cdata'
-- expect: false	bad argument #1 to '?' (value expected)
-- expect: false	too deep to serialize
-- expect: 199	false	too deep to serialize
-- expect: false	buffer.lua:425: cannot serialize 'function'

-- test: decode reads what encode writes
do
  local buffer = require "string.buffer"
  local ffi = require "ffi"
  local function same(a, b)
    if type(a) ~= "table" or type(b) ~= "table" then return a == b or a ~= a and b ~= b end
    for k, v in pairs(a) do if not same(v, b[k]) then return false end end
    for k in pairs(b) do if a[k] == nil then return false end end
    return true
  end
  local values = {nil, false, true, 0, -0.0, 1.5, -2^63, 1/0, "", "str", ("long"):rep(3000),
    {}, {1, 2, 3}, {1, nil, 3}, {a = 1, b = {c = "d"}, [1.5] = true, [true] = false},
    {[0] = 0, 1, 2, x = {y = {z = {}}}}, {[{}] = 1}}
  for i = 1, 17 do
    local v = values[i]
    local d = buffer.decode(buffer.encode(v))
    io.write(tostring(same(v, d)), " ", type(d), i < 17 and " " or "\n")
  end
  local z = buffer.decode(buffer.encode(0/0))
  print(z ~= z, 1 / buffer.decode(buffer.encode(-0.0)))
  local c = buffer.decode(buffer.encode(-5LL))
  print(ffi.typeof(c) == ffi.typeof("int64_t"), c == -5LL, tostring(buffer.decode(buffer.encode(-1ULL))))
  local x = buffer.decode(buffer.encode(ffi.new("complex", 3, 4)))
  print(tostring(ffi.typeof(x)), x.re, x.im)
end
-- expect: true nil true boolean true boolean true number true number true number true number true number true string true string true string true table true table true table true table true table false table
-- expect: true	-inf
-- expect: true	true	18446744073709551615ULL
-- expect: ctype<complex>	3	4

-- test: decode reads LuaJIT's bytes, including the int tag it never writes on x64
do
  local buffer = require "string.buffer"
  print(buffer.decode("\0"), buffer.decode("\1"), buffer.decode("\2"), buffer.decode("\34ab"))
  print(buffer.decode("\6\255\255\255\255"), buffer.decode("\6\0\0\0\128"), buffer.decode("\7\0\0\0\0\0\0\240\63"))
  local t = buffer.decode("\11\3\1\2\32\1\33k\33v")
  print(t[0], t[1] == "", t[2], t.k, #t)
  t = buffer.decode("\12\3\33a\33b")
  print(t[0], t[1], t[2], #t)
  t = buffer.decode("\9\1\33k\224\32" .. ("v"):rep(224))
  print(#t.k)
end
-- expect: nil	false	true	ab
-- expect: -1	-2147483648	1
-- expect: true	true	false	v	2
-- expect: nil	a	b	2
-- expect: 224

-- test: decode's errors for malformed input
do
  local buffer = require "string.buffer"
  for _, s in ipairs{"", "\13", "\19", "\31", "\32x", "\33", "\6\1\0\0", "\7\0", "\16\1", "\18", "\8\1",
      "\15\0", "\14\0\8", "\9\1\32\0\32\1", "\224", "\255\1\0\0", "\0\0", "\12\2\0\1", "\9\1\0\0",
      "\9\1\7\0\0\0\0\0\0\248\127\0", "\9\2\33a\1\33a\2", "\14\0\16", "\12\5\19", "\12\255\255\255\255\15", "\9\255\1\0\0\4"} do
    local ok, err = pcall(buffer.decode, s)
    print(ok, err)
  end
  print(pcall(buffer.decode))
  print(pcall(buffer.decode, 1))
  print(pcall(buffer.decode, buffer.new()))
  print(pcall(function() buffer.decode("\13") end))
end
-- expect: false	unexpected end of buffer
-- expect: false	unexpected end of buffer
-- expect: false	cannot deserialize tag 0x13
-- expect: false	cannot deserialize tag 0x1f
-- expect: false	left-over data in buffer
-- expect: false	unexpected end of buffer
-- expect: false	unexpected end of buffer
-- expect: false	unexpected end of buffer
-- expect: false	unexpected end of buffer
-- expect: false	unexpected end of buffer
-- expect: false	left-over data in buffer
-- expect: false	cannot deserialize dictionary index 1
-- expect: false	cannot deserialize dictionary index 1
-- expect: false	left-over data in buffer
-- expect: false	unexpected end of buffer
-- expect: false	unexpected end of buffer
-- expect: false	left-over data in buffer
-- expect: false	left-over data in buffer
-- expect: false	table index is nil
-- expect: false	table index is NaN
-- expect: false	duplicate table key
-- expect: false	cannot deserialize dictionary index 1
-- expect: false	cannot deserialize tag 0x13
-- expect: false	table overflow
-- expect: false	table overflow
-- expect: false	bad argument #1 to '?' (string expected, got no value)
-- expect: false	bad argument #1 to '?' (string expected, got number)
-- expect: false	bad argument #1 to '?' (string expected, got userdata)
-- expect: false	buffer.lua:500: unexpected end of buffer

-- test: the buffer methods encode and decode stream values
do
  local buffer = require "string.buffer"
  local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
  local b = buffer.new()
  b:encode(1):encode("x"):encode(nil):encode({true})
  print(#b, hex(b:tostring()))
  print(b:decode(), b:decode(), b:decode(), b:decode()[1], #b)
  print(pcall(b.decode, b))
  b:put("\2\1rest")
  print(b:decode(), b:decode(), b:tostring())
  print(pcall(b.encode, b))
  print(pcall(b.decode))
  print(pcall(b.decode, b:reset():put("\33")), #b)
  print(pcall(b.encode, b, print), #b)
end
-- expect: 15	07000000000000f03f2178000c0202
-- expect: 1	x	nil	true	0
-- expect: false	unexpected end of buffer
-- expect: true	false	rest
-- expect: false	bad argument #2 to '?' (value expected)
-- expect: false	bad argument #1 to '?' (buffer expected, got no value)
-- expect: false	1
-- expect: false	1

-- test: the dict and metatable options encode keys and metatables as indexes
do
  local buffer = require "string.buffer"
  local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
  local mt1, mt2 = {}, {}
  local b = buffer.new({dict = {"a", "b", false, "c", "a"}, metatable = {mt1, false, mt2}})
  print(hex(b:encode({a = 1}):get()), hex(b:encode({c = true}):get()), hex(b:encode({x = true}):get()))
  print(hex(b:encode({{b = "a"}}):get()), hex(b:encode("a"):get()))
  print(hex(b:encode(setmetatable({}, mt1)):get()), hex(b:encode(setmetatable({1}, mt2)):get()), hex(b:encode(setmetatable({}, {})):get()))
  print(getmetatable(b:set("\14\0\8"):decode()) == mt1, getmetatable(b:set("\14\2\12\2\2"):decode()) == mt2)
  print(b:set("\9\1\15\3\2"):decode().c, b:set("\9\1\15\0\15\1"):decode().a)
  print(pcall(b.decode, b:set("\14\1\8")))
  print(pcall(b.decode, b:set("\9\1\15\2\2")))
  print(pcall(b.decode, b:set("\9\1\15\9\2")))
  print(pcall(b.decode, b:set("\14\0\15\0")))
  local plain = buffer.new()
  print(pcall(plain.decode, plain:set("\15\0")))
  local t = buffer.new({dict = {"k"}}):encode({k = {k = 1}}):decode()
  print(t.k.k)
end
-- expect: 09010f0007000000000000f03f	09010f0302	0901217802
-- expect: 0c0209010f012161	2161
-- expect: 0e0008	0e020c0207000000000000f03f	08
-- expect: true	true
-- expect: true	b
-- expect: false	cannot deserialize dictionary index 2
-- expect: false	cannot deserialize dictionary index 3
-- expect: false	cannot deserialize dictionary index 10
-- expect: false	cannot deserialize tag 0x0f
-- expect: false	cannot deserialize dictionary index 1
-- expect: 1
