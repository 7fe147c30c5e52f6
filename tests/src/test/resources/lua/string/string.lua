-- The string library's functions other than patterns and format.

-- test: len and the length operator
do
  print(string.len(""), string.len("abc"), ("a\0b"):len(), #"a\0b")
end
-- expect: 0	3	3	3

-- test: sub with positive and negative indices
do
  local s = "hello world"
  print(s:sub(1, 5), s:sub(-5), s:sub(-5, -3), s:sub(7), s:sub(0), s:sub(5, 2), s:sub(-100, 2), s:sub(3, 100))
end
-- expect: hello	world	wor	world	hello world		he	llo world

-- test: upper and lower
do
  print(("MiXeD 123"):upper(), ("MiXeD 123"):lower())
end
-- expect: MIXED 123	mixed 123

-- test: rep with counts
do
  print(("ab"):rep(3), ("ab"):rep(0), ("ab"):rep(-1), ("x"):rep(1))
end
-- expect: ababab			x

-- test: rep with a separator
do
  print(("ab"):rep(3, ","), ("ab"):rep(1, ","))
end
-- expect: ab,ab,ab	ab

-- test: reverse
do
  print(("abc"):reverse(), (""):reverse(), ("a"):reverse())
end
-- expect: cba		a

-- test: byte with ranges
do
  print(("ABC"):byte(), ("ABC"):byte(2), ("ABC"):byte(1, 3), ("ABC"):byte(-1), ("ABC"):byte(10))
end
-- expect: 65	66	65	67

-- test: char
do
  print(string.char(72, 105), string.char(), #string.char(0, 255))
end
-- expect: Hi		2

-- test: char with an out of range value
do
  print(pcall(string.char, 256))
end
-- expect: false	bad argument #1 to '?' (invalid value)

-- test: string functions coerce numbers
do
  print(string.len(123), string.upper(1.5), string.rep(7, 2))
end
-- expect: 3	1.5	77

-- test: numbers have no string methods
do
  print(pcall(function() local n = 5 return n:rep(2) end))
end
-- expect: false	string.lua:66: attempt to index local 'n' (a number value)

-- test: strings are compared and hashed by content
do
  local t = {}
  t["a" .. "b"] = 1
  print(t.ab, "ab" == "a" .. "b")
end
-- expect: 1	true

-- test: strings hold any byte
do
  local s = "\0\1\255"
  print(#s, s:byte(1, -1))
end
-- expect: 3	0	1	255

-- test: string.dump makes a binary chunk loadstring runs, upvalues fresh and nil
do
  local ffi = require("ffi")
  local function add(a, b) local t = {a, b, 1LL, 2i, "s"} return a + b, #t, tostring(t[3]), t[5] end
  local d = string.dump(add)
  print(type(d), d:byte(1) == 27)
  print(loadstring(d)(2, 3))
  local up = 10
  local function withup() return up end
  print(loadstring(string.dump(withup))())
  print(pcall(string.dump, print))
  local h = loadstring(string.dump(function(...) local n = select("#", ...) local function inner(x) return x * n end return inner(2) end, true))
  print(h(1, 2, 3))
  print(select("#", loadstring("\27garbage")), (loadstring("\27garbage")))
end
-- expect: string	true
-- expect: 5	5	1LL	s
-- expect: nil
-- expect: false	unable to dump given function
-- expect: 6
-- expect: 2	nil

-- test: integer arguments out of int32 range, NaN and inf become -2^31, as LuaJIT converts them
do
  local function show(...) return select("#", ...), ... end
  print(string.rep("x", 2^31), string.rep("x", 0/0), string.rep("x", 1/0), string.rep("x", 2.9), string.rep("x", -2^40))
  print(("abcdef"):sub(2^31), ("abcdef"):sub(2, 2^31), ("abcdef"):sub(0/0, 3), ("abcdef"):sub(-2^63), ("abcdef"):sub(2, 1e300))
  print(show(("abc"):byte(2^31)), show(("abc"):byte(1, 2^32 + 5)), show(("abc"):byte(-2^63, 2^63)))
  print(("abc"):find("b", 2^31), ("abc"):find("b", 1/0, true), ("abc"):find("b", -2^40))
  print(pcall(string.char, 0/0))
  print(pcall(string.char, 2^32 + 65))
  print(string.rep("ab", 3, 2^31 + 0.5))
end
-- expect: 			xx	
-- expect: abcdef		abc	abcdef	
-- expect: 0	0	0
-- expect: 2	2	2	2
-- expect: false	bad argument #1 to '?' (invalid value)
-- expect: false	bad argument #1 to '?' (invalid value)
-- expect: ab2147483648.5ab2147483648.5ab

-- test: gsub's count and %c convert as luaL_checkint: 64-bit truncation, low 32 bits kept
do
  print(("aaa"):gsub("a", "b", 2^31), ("aaa"):gsub("a", "b", 2^32 + 2), ("aaa"):gsub("a", "b", 0/0))
  print(("aaa"):gsub("a", "b", -2^32 + 1), ("aaa"):gsub("a", "b", 2^63))
  print(("%c%c%c"):format(65 + 2^32, 0/0, 66):byte(1, -1))
  print(("%x %x %o %u"):format(2^64 + 4096, 2^63, 2^63 + 2048, 2^64 + 7))
end
-- expect: aaa	bba	aaa	0
-- expect: baa	aaa	0
-- expect: 0	0	66
-- expect: 1000 8000000000000000 1000000000000000004000 0

-- test: a result past 2 GiB is refused before it is built
do
  print(pcall(string.rep, "x", 2^31 - 1))
  print(pcall(string.rep, "xy", 2^30))
  print(pcall(string.rep, "x", 2^30, "y"))
end
-- expect: false	not enough memory
-- expect: false	not enough memory
-- expect: false	not enough memory
