-- Lua functions called in a compiled loop are recorded inline, behind a guard that the
-- called value is the same closure; an exit inside one runs the whole call again in the
-- interpreter, so results, errors and tracebacks are the interpreter's.

-- test: small functions of numbers, with branches and upvalues
do
  local function sq(x) return x * x end
  local function clamp(v, lo, hi) if v < lo then return lo elseif v > hi then return hi end return v end
  local k = 3
  local function addk(x) return x + k end
  local s = 0
  for i = 1, 1000 do s = s + sq(i) + clamp(i, 10, 500) + addk(i) end
  print(s)
end
-- expect: 334712295

-- test: a function that takes another branch mid-loop returns another type
do
  local function f(x) if x == 50 then return "str" end return x end
  print(pcall(function() local z = 0 for i = 1, 100 do z = z + f(i) end return z end))
end
-- expect: false	inline.lua:20: attempt to perform arithmetic on a string value

-- test: an error raised inside a called function keeps its position and traceback
do
  local t = {}
  for i = 1, 100 do t[i] = i end
  t[70] = nil
  local function get(i) return t[i] + 1 end
  local ok, err = pcall(function() local s = 0 for i = 1, 100 do s = s + get(i) end end)
  print(ok, err)
  local function h(i) return get(i) end
  local trace = select(2, xpcall(function() for i = 1, 100 do h(i) end end, debug.traceback))
  print(trace:match("^[^\n]*\nstack traceback:\n\t[^\n]*"))
end
-- expect: false	inline.lua:29: attempt to perform arithmetic on a nil value
-- expect: inline.lua:29: attempt to perform arithmetic on a nil value
-- expect: stack traceback:
-- expect: 	inline.lua:29: in function 'h'

-- test: the function called is replaced mid-loop
do
  local fs = {}
  local function one(x) return 1 end
  local function two(x) return 2 end
  local f = one
  local s = 0
  for i = 1, 100 do
    if i == 60 then f = two end
    s = s + f(i)
  end
  print(s)
end
-- expect: 141

-- test: arguments missing and extra, results missing and extra
do
  local function pair(a, b) return a, b end
  local function count(a, b, c) return (a and 1 or 0) + (b and 1 or 0) + (c and 1 or 0) end
  local n = 0
  for i = 1, 100 do
    local x, y, z = pair(i)
    n = n + count(x, y, z) + count(i, i, i, i) + (z == nil and 1 or 0)
  end
  print(n)
end
-- expect: 500

-- test: functions with effects, varargs and recursion stay correct
do
  local calls = 0
  local function effect(x) calls = calls + 1 return x end
  local function va(...) return select('#', ...) end
  local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
  local w = 0
  for i = 1, 100 do w = w + effect(i) + va(i, i) + fact(i % 6) end
  print(w, calls)
end
-- expect: 7747	100

-- test: a function reading globals through its own environment
do
  local env = {base = 1000}
  local f = setfenv(function(x) return x + base end, env)
  local s = 0
  for i = 1, 100 do
    if i == 80 then env.base = 2000 end
    s = s + f(i)
  end
  print(s)
end
-- expect: 126050

-- test: cdata fields read through an accessor function
do
  local ffi = require 'ffi'
  ffi.cdef 'typedef struct { double x, y; } jit_vec2;'
  local vs = ffi.new('jit_vec2[64]')
  for i = 0, 63 do vs[i].x = i; vs[i].y = 2 * i end
  local function len2(v) return v.x * v.x + v.y * v.y end
  local s = 0
  for i = 0, 63 do s = s + len2(vs[i]) end
  print(s)
end
-- expect: 426720
-- test: methods and fields read through a metatable's __index table in a compiled loop, each assumption broken once
do
  local Point = {}
  Point.__index = Point
  Point.scale = 2
  function Point.new(x, y) return setmetatable({x = x, y = y}, Point) end
  function Point:len2() return self.x * self.x + self.y * self.y end
  local Other = {scale = 10}
  Other.__index = Other
  function Other:len2() return -1 end
  local ps = {}
  for i = 1, 300 do ps[i] = Point.new(i, i + 1) end
  local sum = 0
  for i = 1, 300 do
    local p = ps[i]
    if i == 100 then p.len2 = function() return 1000 end end
    if i == 150 then setmetatable(p, Other) end
    if i == 200 then Point.len2 = function(self) return self.x end end
    if i == 250 then Point.__index = Other end
    if i == 270 then Point.__index = Point; Point.scale = 3.5 end
    sum = sum + p:len2() + p.scale
  end
  print(sum)
end
-- expect: 5289750.5

-- test: an object's class changes between two compiled loops over the same objects
do
  local A = {name = "A"}; A.__index = A
  local B = setmetatable({name = "B"}, {__index = A}); B.__index = B
  function A:who() return self.name .. "!" end
  local objs = {}
  for i = 1, 200 do objs[i] = setmetatable({}, i % 2 == 0 and A or B) end
  local counts = {}
  for r = 1, 2 do
    for i = 1, 200 do
      local w = objs[i]:who()
      counts[w] = (counts[w] or 0) + 1
    end
    B.who = function(self) return "b" end
  end
  print(counts["A!"], counts["B!"], counts["b"])
end
-- expect: 200	100	100

-- test: string methods in a compiled loop, the string table and the strings' metatable changed in it
do
  local s = "hello, compiled world"
  local parts = {}
  for i = 1, 200 do
    if i == 80 then string.upper = function(x) return "<" .. x .. ">" end end
    if i == 120 then debug.setmetatable("", {__index = {sub = function() return "?" end, upper = string.lower, byte = string.byte}}) end
    if i == 160 then debug.setmetatable("", {__index = string}) end
    parts[#parts + 1] = s:sub(i % 7 + 1, i % 7 + 3) .. s:upper():sub(1, 2) .. s:byte(i % 5 + 1)
  end
  print(#parts, parts[1], parts[79], parts[80], parts[121], parts[200])
  print(("%d-%s"):format(7, "x"), ("abc"):rep(2))
end
-- expect: 200	ellHE101	lloHE111	lo,<h104	??101	o, <h104
-- expect: 7-x	abcabc

-- test: an object's own fields read in a compiled loop whatever its metatable, the field set to nil, the metatable dropped
do
  local Class = {}
  Class.__index = function(t, k) return k == "x" and 100 or nil end
  local o = setmetatable({x = 1, y = 2, name = "o"}, Class)
  local s, names = 0, 0
  for i = 1, 300 do
    s = s + o.x + o.y
    if o.name then names = names + 1 end
    if i == 100 then o.x = nil end
    if i == 150 then o.x = 5 end
    if i == 200 then setmetatable(o, nil) end
    if i == 250 then o.name = nil end
  end
  print(s, names, o.x, o.name)
end
-- expect: 6450	250	5	nil
