-- for ... in loops over pairs and ipairs run compiled: the iterator's step is part of the
-- trace, and every way out of it (the end of the table, a value of another type, a table
-- changed while iterated, an error) must give what the interpreter and luajit give.

-- test: ipairs over numbers
do
  local t = {}
  for i = 1, 300 do t[i] = i * 2 end
  local s, last = 0, 0
  for i, v in ipairs(t) do s = s + v; last = i end
  print(s, last)
end
-- expect: 90300	300

-- test: ipairs stops at the first nil, and at a value of another type the loop goes on
do
  local t = {}
  for i = 1, 200 do t[i] = i end
  t[120] = "x"
  t[121] = true
  t[150] = nil
  local n, s = 0, 0
  for i, v in ipairs(t) do
    n = n + 1
    if type(v) == "number" then s = s + v end
  end
  print(n, s)
end
-- expect: 149	10934

-- test: ipairs with only the index
do
  local t = {}
  for i = 1, 100 do t[i] = {} end
  local s = 0
  for i in ipairs(t) do s = s + i end
  print(s)
end
-- expect: 5050

-- test: pairs over a hash part with string keys
do
  local t = {}
  for i = 1, 200 do t["k" .. i] = i end
  local s, n = 0, 0
  for k, v in pairs(t) do s = s + v; n = n + #k end
  print(s, n)
end
-- expect: 20100	692

-- test: pairs over an array part then a hash part, keys changing type mid-loop
do
  local t = {}
  for i = 1, 100 do t[i] = i end
  for i = 1, 50 do t["s" .. i] = i end
  t[true] = 1000
  local s, strings, numbers = 0, 0, 0
  for k, v in pairs(t) do
    s = s + v
    if type(k) == "string" then strings = strings + 1 elseif type(k) == "number" then numbers = numbers + 1 end
  end
  print(s, strings, numbers)
end
-- expect: 7325	50	100

-- test: next called directly as the iterator, with three loop variables
do
  local t = {}
  for i = 1, 100 do t[i] = i end
  local s, extra = 0, 0
  for k, v, w in next, t do s = s + k + v; if w ~= nil then extra = extra + 1 end end
  print(s, extra)
end
-- expect: 10100	0

-- test: assigning existing fields while iterating with pairs
do
  local t = {}
  for i = 1, 100 do t[i] = i; t["x" .. i] = i end
  for k, v in pairs(t) do t[k] = v * 2 end
  local s = 0
  for k, v in pairs(t) do s = s + v end
  print(s)
end
-- expect: 20200

-- test: a key removed from the table while iterating raises LuaJIT's error, as without the JIT
do
  local t = {}
  for i = 1, 100 do t["k" .. i] = i end
  local n = 0
  local ok, err = pcall(function()
    for k in pairs(t) do
      n = n + 1
      if n == 70 then t[k] = nil; collectgarbage(); t[k .. "new"] = 1 end
    end
  end)
  print(n >= 70)
end
-- expect: true

-- test: a custom iterator written in Lua
do
  local function range(n)
    return function(_, i) if i < n then return i + 1 end end, nil, 0
  end
  local s = 0
  for i in range(200) do s = s + i end
  print(s)
end
-- expect: 20100

-- test: concatenation in a loop, numbers and strings
do
  local parts = {}
  for i = 1, 100 do parts[#parts + 1] = "a" .. i .. "b" .. (i / 2) end
  print(#table.concat(parts), parts[1], parts[7], parts[100])
end
-- expect: 673	a1b0.5	a7b3.5	a100b50

-- test: concatenation with a __concat metamethod on a table met mid-loop
do
  local mt = {__concat = function(a, b) return "M" end}
  local values = {}
  for i = 1, 100 do values[i] = i end
  values[80] = setmetatable({}, mt)
  local s = ""
  for i = 1, 100 do s = (values[i] .. "") .. "," end
  print(s)
end
-- expect: 100,

-- test: concatenating nil in a loop names the variable, as without the JIT
do
  local t = {}
  for i = 1, 100 do t[i] = "x" end
  t[90] = nil
  print(pcall(function()
    local s = ""
    for i = 1, 100 do local v = t[i]; s = v .. i end
  end))
end
-- expect: false	iterators.lua:140: attempt to concatenate local 'v' (a nil value)

-- test: a string built up across iterations
do
  local s = ""
  for i = 1, 200 do s = s .. string.char(65 + i % 26) end
  print(#s, s:sub(1, 30))
end
-- expect: 200	BCDEFGHIJKLMNOPQRSTUVWXYZABCDE
-- test: the end of an ipairs or pairs loop leaves the loop's trace after the loop, where the interpreter's step would have gone, with the loop variables nil: jit.v names no exit to the loop's own line (LuaJIT's jit.v names no exits)
do
  local name = os.tmpname()
  local v = require("jit.v")
  local ipairsLine = debug.getinfo(1, "l").currentline + 3
  local function sum(t, h)
    local s = 0
    for _, x in ipairs(t) do s = s + x end
    s = s * 2
    for k, x in pairs(h) do s = s + x + #k end
    return s
  end
  local t, h = {1, 2, 3, 4, 5, 6, 7, 8}, {a = 1, bb = 2, ccc = 3}
  v.on(name)
  local total = 0
  for i = 1, 400 do total = total + sum(t, h) + i end
  v.off()
  local f = io.open(name)
  local text = f:read("*a")
  f:close()
  os.remove(name)
  local atHead = text:find("exit %d+ to [^\n]-:" .. ipairsLine .. ",") or text:find("exit %d+ to [^\n]-:" .. ipairsLine + 2 .. ",")
  print(total, atHead == nil)
end
-- expect: 113800	true
-- test: pairs and ipairs called inside a compiled loop: the iterator, table and control value taken as they are, a replaced ipairs, a cdata-free non-table argument raising LuaJIT's error, and more or fewer results wanted
do
  local function total(rows)
    local s = 0
    for r = 1, #rows do
      for _, v in ipairs(rows[r]) do s = s + v end
      for k, v in pairs(rows[r]) do s = s + k * v end
    end
    return s
  end
  local rows = {}
  for r = 1, 60 do rows[r] = {r, r + 1, r + 2} end
  local sum = 0
  for i = 1, 30 do sum = sum + total(rows) end
  local f, t, c, extra
  for i = 1, 100 do f, t, c, extra = ipairs(rows) end
  print(sum, f == select(1, ipairs({})), t == rows, c, extra)
  for i = 1, 100 do f, t, c = pairs(rows) end
  print(f == next, t == rows, c)
  local only
  for i = 1, 100 do only = ipairs(rows) end
  print(only == f or only == select(1, ipairs({})))
  local saved = ipairs
  local calls = 0
  for i = 1, 100 do
    if i == 60 then ipairs = function(x) calls = calls + 1 return saved(x) end end
    for _, v in ipairs(rows[1]) do sum = sum + v end
  end
  ipairs = saved
  print(sum, calls)
  local ok, err = pcall(function()
    local n = 0
    for i = 1, 100 do
      local arg = i < 80 and rows[1] or nil
      for _ in ipairs(arg) do n = n + 1 end
    end
    return n
  end)
  print(ok, (string.gsub(err, "^.-:%d+: ", "")))
end
-- expect: 513900	true	true	0	nil
-- expect: true	true	nil
-- expect: true
-- expect: 514500	41
-- expect: false	bad argument #1 to 'ipairs' (table expected, got nil)

-- test: ipairs over numbers in a compiled loop: the elements read without boxing, a nil ending the loop, an element of another type, a number in the hash part
do
  local function total(t)
    local s, n = 0, 0
    for i, v in ipairs(t) do s = s + v * i; n = n + 1 end
    return s, n
  end
  local a = {}
  for i = 1, 50 do a[i] = i / 2 end
  local r = {}
  for k = 1, 6 do
    local s, n = total(a)
    r[#r + 1] = s .. "/" .. n
    if k == 2 then a[30] = nil end
    if k == 3 then a[30] = 0 / 0; a[40] = -0.0 end
    if k == 4 then a[20] = "7" end
    if k == 5 then a[20] = 1; a[30] = 2; for i = 51, 70 do a[i] = i end end
  end
  local h = {}
  for i = 70, 1, -1 do h[i] = i end
  r[#r + 1] = table.concat({total(h)}, "/")
  print(table.concat(r, " "))
end
-- expect: 21462.5/50 21462.5/50 4277.5/29 nan/50 nan/50 93962.5/70 116795/70
