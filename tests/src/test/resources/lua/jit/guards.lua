-- Loops whose assumptions break in the middle: each runs long enough to be compiled (the
-- conformance suite also runs every block with every loop compiled at its first iteration),
-- then a value changes type, a table gets a metatable, a function is replaced; the results
-- must be what the interpreter (and luajit) give.

-- test: a number that becomes a string mid-loop
do
  local t = {}
  for i = 1, 200 do t[i] = i end
  t[150] = "150"
  local s = 0
  for i = 1, 200 do s = s + t[i] end
  print(s)
end
-- expect: 20100

-- test: a value that becomes a table mid-loop raises the interpreter's error
do
  local t = {}
  for i = 1, 100 do t[i] = i end
  t[60] = {}
  local s = 0
  print(pcall(function() for i = 1, 100 do s = s + t[i] end end))
  print(s)
end
-- expect: false	guards.lua:23: attempt to perform arithmetic on a table value
-- expect: 1770

-- test: a metatable set on a table being read inside the loop
do
  local t = {}
  local s = 0
  for i = 1, 100 do
    if i == 50 then setmetatable(t, {__index = function(_, k) return k * 10 end}) end
    s = s + (t[i] or 1)
  end
  print(s)
end
-- expect: 38299

-- test: a global function replaced mid-loop
do
  function g(x) return x + 1 end
  local f = math.abs
  local s = 0
  for i = 1, 100 do
    if i == 70 then f = math.floor end
    s = s + f(-i / 2)
  end
  print(s)
end
-- expect: -117.5

-- test: a native function of another signature at the same call site
do
  local ffi = require 'ffi'
  ffi.cdef 'int abs(int); double fabs(double); long labs(long);'
  local fs = {ffi.C.abs, ffi.C.fabs}
  local s = 0
  for i = 1, 100 do
    local f = fs[i > 50 and 2 or 1]
    s = s + f(-i - 0.5)
  end
  print(s)
end
-- expect: 5075

-- test: an array part growing into the hash part and back
do
  local t = {}
  for i = 1, 300 do t[i * (i % 7 == 0 and 1000 or 1)] = i end
  local n = 0
  for k = 1, 300 do if t[k] then n = n + 1 end end
  print(n)
end
-- expect: 258

-- test: an error raised inside a compiled loop has the interpreter's message and position
do
  local t = setmetatable({}, {__index = function(_, k) if k == 90 then error("at ninety") end return k end})
  local ok, err = pcall(function()
    local s = 0
    for i = 1, 100 do s = s + t[i] end
    return s
  end)
  print(ok, err)
end
-- expect: false	guards.lua:80: at ninety

-- test: an error from a native call's argument conversion inside a loop
do
  local ffi = require 'ffi'
  ffi.cdef 'int abs(int);'
  local args = {}
  for i = 1, 100 do args[i] = -i end
  args[80] = "x"
  local s = 0
  print(pcall(function() for i = 1, 100 do s = s + ffi.C.abs(args[i]) end end))
  print(s)
end
-- expect: false	guards.lua:98: bad argument #1 to 'abs' (cannot convert 'string' to 'int')
-- expect: 3160

-- test: numbers compared with NaN, and a loop over a NaN limit
do
  local nan = 0 / 0
  local c = 0
  for i = 1, 100 do
    local x = i % 10 == 0 and nan or i
    if x < 50 then c = c + 1 end
    if not (x >= 50) then c = c + 100 end
  end
  local n = 0
  for i = 1, nan do n = n + 1 end
  print(c, n)
end
-- expect: 5545	0

-- test: break, while and repeat loops, and a loop variable that changes step sign
do
  local n, i = 0, 0
  while true do
    i = i + 1
    if i > 150 then break end
    if i % 2 == 0 then n = n + i end
  end
  local r = 0
  repeat r = r + 3 until r > 200
  local down = 0
  for k = 100, 1, -3 do down = down + k end
  print(n, i, r, down)
end
-- expect: 5700	151	201	1717

-- test: upvalues and globals read and written in a loop
do
  local up = 0
  local function bump()
    for i = 1, 100 do up = up + i; G_COUNT = (G_COUNT or 0) + 1 end
  end
  bump()
  bump()
  print(up, G_COUNT)
end
-- expect: 10100	200

-- test: the loop variable and an outer local captured by a closure made before the loop
do
  local total = 0
  local function add(x) total = total + x end
  for i = 1, 100 do add(i) end
  local k = 0
  local function get() return k end
  for i = 1, 100 do k = k + 1 end
  print(total, k, get())
end
-- expect: 5050	100	100

-- test: a value that is sometimes nil and sometimes false, tested in the loop
do
  local t = {}
  for i = 1, 100 do if i % 3 == 0 then t[i] = false elseif i % 5 ~= 0 then t[i] = i end end
  local a, b = 0, 0
  for i = 1, 100 do
    local v = t[i]
    if v then a = a + v elseif v == false then b = b + 1 end
    local w = v or -1
    a = a + w
  end
  print(a, b)
end
-- expect: 5217	33

-- test: arithmetic on strings that look like numbers, and on 64-bit cdata
do
  local s = 0
  for i = 1, 100 do s = s + ("" .. i) end
  local x = 0LL
  for i = 1, 100 do x = x + i end
  print(s, x)
end
-- expect: 5050	5050LL

-- test: writes into a table with string and number keys, read back after the loop
do
  local t = {}
  for i = 1, 100 do t[i] = i * 2; t["k" .. (i % 5)] = i end
  print(#t, t[100], t.k0, t.k4)
end
-- expect: 100	200	100	99

-- test: a function trace whose calls change argument types is recorded again for the new ones
do
  local function f(x) return x .. "" end
  local s = 0
  for i = 1, 100 do s = s + #select(2, pcall(f, i)) end
  for i = 1, 100 do s = s + #select(2, pcall(f, "ab")) end
  for i = 1, 100 do s = s + #select(2, pcall(f, i % 2 == 0 and i or "c")) end
  print(s)
end
-- expect: 539

-- test: a loop calling a new coroutine.wrap generator on each pass, then other functions in its place
do
  local total = 0
  for pass = 1, 30 do
    local gen = coroutine.wrap(function()
      for i = 1, 40 do coroutine.yield(i * pass) end
    end)
    local f = gen
    if pass == 25 then f = tostring end
    if pass == 26 then f = function() return 2 end end
    if pass == 27 then f = math.abs end
    local sum = 0
    for _ = 1, 40 do sum = sum + (tonumber(f(-1)) or 0) end
    total = total + sum
  end
  print(total)
  local gen = coroutine.wrap(function() for i = 1, 100 do coroutine.yield(i) end end)
  local g = gen
  print(pcall(function() local s = 0 for i = 1, 100 do if i == 90 then g = nil end s = s + g() end return s end))
end
-- expect: 317420
-- expect: false	guards.lua:221: attempt to call upvalue 'g' (a nil value)

-- test: a global read at its slot of the environment, which setfenv replaces, a store clears and sets to a string
do
  -- A global read in a loop is read at its slot of the environment: a function whose
  -- environment setfenv replaces mid-loop, a global set to nil, then to a string, then found
  -- through the new environment's __index.
  local src = [[
    local out = {}
    for i = 1, 300 do
      if i == 100 then setfenv(1, setmetatable({}, {__index = _G, __newindex = _G})) end
      if i == 150 then step = nil end
      if i == 200 then step = "s" end
      local s = step
      out[#out + 1] = type(s) == "number" and s * i or tostring(s)
      if i > 250 then g_total = (g_total or 0) + #out end
    end
    return out[99], out[100], out[149], out[150], out[199], out[200], out[300], g_total
  ]]
  step = 3
  print(assert(loadstring(src))())
  step, g_total = nil, nil
end
-- expect: 297	300	447	nil	nil	s	s	13775

-- test: two closures of one function with environments of their own run its loop's trace in turn
do
  local function make() return function(n) local s = 0 for i = 1, n do s = s + weight end return s end end
  local f, g = make(), make()
  setfenv(g, {weight = 10})
  weight = 1
  print(f(200), g(200), f(200), g(200), f(5), g(5))
  weight = nil
end
-- expect: 200	2000	200	2000	5	50

-- test: globals stored in a loop at their slot of the environment, until it gets a metatable, a global is set to nil and setfenv replaces the environment
do
  -- Globals stored in a loop: at their slot of the environment, until the environment gets a
  -- metatable whose __newindex sees the stores of globals it lacks, a global is set to nil, and
  -- a function's environment is replaced by setfenv.
  g_sum, g_last, g_seen = 0, 0, 0
  local log = {}
  local function step(i)
    g_sum = g_sum + i
    g_last = i % 7 == 0 and "seven" or i
    if i == 150 then g_last = nil; g_gone = nil end
    if i == 200 then
      setmetatable(_G, {__newindex = function(t, k, v) log[#log + 1] = k; rawset(t, k, v) end})
    end
    if i > 200 then g_new = i end
  end
  for i = 1, 300 do step(i) end
  print(g_sum, g_last, g_new, #log, log[1])
  setmetatable(_G, nil)
  local f = loadstring("for i = 1, 200 do counter = (counter or 0) + i if i == 100 then setfenv(1, {}) counter = 5 end end return counter")
  counter = 0
  print(f(), counter)
  g_sum, g_last, g_seen, g_new, counter = nil, nil, nil, nil, nil
end
-- expect: 45150	300	300	1	g_new
-- expect: 15055	5050

-- test: a method found through __index on objects whose own keys fill their hash parts, shadow it, were set to nil, or are equal strings made at run time
do
  local Class = {}
  Class.__index = Class
  function Class:name() return "class" end
  local objs = {}
  for i = 1, 40 do
    local o = setmetatable({}, Class)
    for k = 1, i % 7 do o["f" .. k] = k end           -- hash parts of several sizes and fillings
    if i % 9 == 0 then o.name = function() return "own" .. i end end
    if i % 11 == 0 then o[("na" .. "me")] = function() return "made" .. i end end  -- a key made at run time
    if i % 13 == 0 then o.name = function() return "x" end; o.name = nil end  -- present, then nil
    objs[i] = o
  end
  local weak = setmetatable(setmetatable({}, {__mode = "k"}), Class)
  weak[{}] = 1
  objs[41] = weak
  local counts = {}
  for r = 1, 30 do
    for i = 1, #objs do
      local n = objs[i]:name()
      counts[n] = (counts[n] or 0) + 1
    end
    if r == 20 then objs[5].name = function() return "late" end end
  end
  local keys = {}
  for k in pairs(counts) do keys[#keys + 1] = k end
  table.sort(keys)
  for j, k in ipairs(keys) do keys[j] = k .. "=" .. counts[k] end
  print(table.concat(keys, " "))
end
-- expect: class=1010 late=10 made11=30 made22=30 made33=30 own18=30 own27=30 own36=30 own9=30

-- test: a loop that changes no table reads an object's method and fields once, before the loop; changed between runs of the loop, or by the loop itself, they are read again
do
  local C = {}
  C.__index = C
  function C:get() return self.v end
  local D = setmetatable({}, {__index = C})
  D.__index = D
  local function sum(o, n)
    local s = 0
    for i = 1, n do s = s + o:get() + o.w end
    return s
  end
  local o = setmetatable({v = 2, w = 1}, C)
  local r = {}
  r[#r + 1] = sum(o, 100)
  o.v = 3
  r[#r + 1] = sum(o, 100)
  function C:get() return -self.v end
  r[#r + 1] = sum(o, 100)
  o.get = function(self) return 10 end
  r[#r + 1] = sum(o, 100)
  o.get = nil
  setmetatable(o, D)
  r[#r + 1] = sum(o, 100)
  function D:get() return self.w * 100 end
  r[#r + 1] = sum(o, 100)
  C.__index = {get = function() return 0 end}
  setmetatable(o, C)
  r[#r + 1] = sum(o, 100)
  -- The loop itself changes what it reads: a field, the method, the metatable.
  local p = setmetatable({v = 1, w = 0}, D)
  local s = 0
  for i = 1, 100 do
    s = s + p:get() + p.v
    if i == 30 then p.v = 5 end
    if i == 60 then D.get = function(self) return self.v * 2 end end
    if i == 80 then setmetatable(p, {__index = {get = function() return 1000 end}}) end
  end
  r[#r + 1] = s
  print(table.concat(r, " "))
end
-- expect: 300 400 -200 1100 -200 10100 100 20580

-- test: a function that makes its class and object anew at each call, a loop calling the object's method: each call's own class
do
  local function run(n, k)
    local C = {}
    C.__index = C
    function C:get() return self.v * k end
    local o = setmetatable({v = 2}, C)
    local s = 0
    for i = 1, n do s = s + o:get() + i % 3 end
    return s
  end
  local r = {}
  for k = 1, 12 do r[#r + 1] = run(50 + k, k) end
  print(table.concat(r, " "))
end
-- expect: 153 260 372 486 605 729 855 986 1122 1260 1403 1551
