-- Lua functions a compiled loop calls are recorded inline; what they do (table and global
-- writes, upvalues, calls out) happens once, and an exit inside one of them lets the
-- interpreter finish the call from there, its results handed to the compiled caller's frame.
-- Each block leaves a call in the middle at least once.

-- test: a method writing its object, with a branch the recording did not take
do
  local Counter = {}
  Counter.__index = Counter
  function Counter:bump(i)
    self.n = self.n + i
    if i % 7 == 0 then self.sevens = self.sevens + 1 end
    return self.n
  end
  local c = setmetatable({n = 0, sevens = 0}, Counter)
  local last
  for i = 1, 500 do last = c:bump(i) end
  print(last, c.n, c.sevens)
end
-- expect: 125250	125250	71

-- test: globals written inside a call, an error raised from it at the 250th call
do
  local function add(i)
    TOTAL = (TOTAL or 0) + i
    if i == 250 then error("stop at " .. i) end
  end
  print(pcall(function() for i = 1, 300 do add(i) end end))
  print(TOTAL)
  TOTAL = nil
end
-- expect: false	inlined_calls.lua:26: stop at 250
-- expect: 31375

-- test: upvalues the called function shares with the loop's function
do
  local acc = 0
  local function get() return acc end
  for i = 1, 300 do acc = acc + get() % 1000 + 1 end
  local n = 0
  local function count(v)
    n = n + v
    if v % 50 == 0 then n = n - 1 end
  end
  for i = 1, 300 do count(i) end
  print(acc, n)
end
-- expect: 148375	45144

-- test: an upvalue shared with the loop's function, the closure called from two activations
do
  local function make()
    local hits = 0
    local function hit(x) hits = hits + x; return hits end
    return hit, function() return hits end
  end
  local function drive(hit, times)
    local s = 0
    for i = 1, times do s = s + hit(i) end
    return s
  end
  local h1, read1 = make()
  local h2, read2 = make()
  print(drive(h1, 200), drive(h2, 100), drive(h1, 50), read1(), read2())
end
-- expect: 1353400	171700	1027100	21375	5050

-- test: two calls deep, the inner one writing a table, a value of another type midway
do
  local t = {}
  local function put(i, v) t[i] = v end
  local function twice(i)
    put(i, i * 2)
    put(i + 1000, i % 3 == 0 and "x" or i)
    return i
  end
  local s = 0
  for i = 1, 400 do s = s + twice(i) end
  print(s, #t, t[400], t[1003], t[1004])
end
-- expect: 80200	1400	800	x	4

-- test: an error in a call two levels inside, with its position and traceback level
do
  local function bad(x) return x .. {} end
  local function mid(x) return bad(x) end
  local function checked(x) if x > 0 then error("level two", 2) end end
  local function caller(x) checked(x) end
  print(pcall(function() for i = 1, 100 do if i == 90 then mid(i) end end end))
  print(pcall(function() for i = -200, 10 do caller(i) end end))
end
-- expect: false	inlined_calls.lua:85: attempt to concatenate a table value
-- expect: false	inlined_calls.lua:88: level two

-- test: a traceback taken inside two inlined calls names both
do
  local where
  local function inner(i) if i == 150 then where = debug.traceback("here", 1) end return i end
  local function outer(i) return inner(i) + 1 end
  local s = 0
  for i = 1, 200 do s = s + outer(i) end
  print(s)
  -- The two frames inside the compiled loop (how the chunk itself is named depends on how it was run).
  for line in where:gmatch("[^\n]+") do
    if line:find("inlined_calls.lua:%d+: in function '") then print(line) end
  end
end
-- expect: 20300
-- expect: 	inlined_calls.lua:98: in function 'inner'
-- expect: 	inlined_calls.lua:99: in function 'outer'

-- test: open results of a call that writes a table, passed on whole
do
  local log = {}
  local function pair(i) log[#log + 1] = i; return i, i * 2 end
  local function sum2(a, b) return a + b end
  local s = 0
  for i = 1, 300 do s = s + sum2(pair(i)) end
  print(s, #log)
end
-- expect: 135450	300

-- test: a call out to a library function inside an inlined call, its result of a changing type
do
  local function fmt(i) return tostring(i % 5 == 0 and "five" or i) end
  local n = 0
  for i = 1, 300 do if fmt(i) == "five" then n = n + 1 end end
  print(n)
end
-- expect: 60

-- test: a numeric for loop inside the called function, run by its own trace from the caller's
do
  local function sum(t, n)
    local s = 0
    for i = 1, n do s = s + t[i] end
    return s
  end
  local t = {}
  for i = 1, 100 do t[i] = i end
  local total = 0
  for k = 1, 300 do total = total + sum(t, k % 100 + 1) end
  print(total)
end
-- expect: 515100

-- test: a while loop inside the called function, left by a return at a changing place
do
  local t = {}
  for i = 1, 100 do t[i] = i end
  local function find(v)
    local i = 1
    while t[i] do
      if t[i] == v then return i end
      i = i + 1
    end
    return nil
  end
  local hits = 0
  for k = 1, 300 do
    local r = find(k)
    if r then hits = hits + r end
  end
  print(hits)
end
-- expect: 5050

-- test: an inner loop two calls deep writing a table, an error raised inside it once
do
  local out = {}
  local function fill(n, bad)
    for i = 1, n do
      out[i] = i * 2
      if bad and i == n then error("bad fill " .. n) end
    end
  end
  local function twice(n, bad) fill(n, false); fill(n, bad) end
  print(pcall(function() for k = 1, 300 do twice(k % 50 + 1, k == 250) end end))
  print(#out, out[1], out[50])
end
-- expect: false	inlined_calls.lua:174: bad fill 1
-- expect: 50	2	100
