-- Values a trace takes as constants or reads once: upvalues never assigned after their
-- declaration (of an inlined closure, or of the trace's own function while it has one closure), upvalue and table reads forwarded to the last read or
-- store, and tobit of sums computed on ints. Each block breaks the assumption mid-loop.

-- test: a never-assigned upvalue of an inlined function, the function replaced mid-loop
do
  local function adder(k)
    return function(x) return x + k end
  end
  local add = adder(3)
  local s = 0
  for i = 1, 300 do
    s = add(s)
    if i == 200 then add = adder(10) end
  end
  print(s)
end
-- expect: 1600

-- test: an upvalue assigned by the closure itself is read each time
do
  local function counter()
    local n = 0
    return function() n = n + 1; return n end
  end
  local c = counter()
  local s = 0
  for i = 1, 300 do s = s + c() end
  print(s, c())
end
-- expect: 45150	301

-- test: an upvalue assigned after the closure that reads it was made
do
  local k = 1
  local function get() return k end
  local function run()
    local s = 0
    for i = 1, 300 do
      s = s + get()
      if i == 150 then k = 5 end
    end
    return s
  end
  print(run())
end
-- expect: 900

-- test (luajit -joff): debug.setupvalue on a never-assigned upvalue mid-loop
do
  local function make()
    local m = 10
    return function() return m end
  end
  local getm = make()
  local t = 0
  for i = 1, 300 do
    t = t + getm()
    if i == 150 then debug.setupvalue(getm, 1, 20) end
  end
  print(t, getm())
end
-- expect: 4500	20

-- test (luajit -joff): debug.upvaluejoin mid-loop
do
  local function make(v)
    local m = v
    return function() return m end
  end
  local a, b = make(1), make(100)
  local t = 0
  for i = 1, 300 do
    t = t + a()
    if i == 100 then debug.upvaluejoin(a, 1, b, 1) end
  end
  print(t)
end
-- expect: 20100

-- test: closures made at each pass of a backward goto keep their own variable
do
  local fs, n = {}, 0
  ::again::
  do
    local x = n * 2
    fs[#fs + 1] = function() return x end
    n = n + 1
    if n < 300 then goto again end
  end
  local s = 0
  for i = 1, 300 do s = s + fs[i]() end
  print(s, fs[1](), fs[300]())
end
-- expect: 89700	0	598

-- test: two closures share a variable: a write through one is seen by a read through the other
do
  local function pair()
    local v = 0
    return function() return v end, function(x) v = x end
  end
  local get, set = pair()
  local s = 0
  for i = 1, 300 do
    local before = get()
    set(i)
    s = s + before + get()
  end
  print(s)
end
-- expect: 90000

-- test: a field read twice, written between through another reference to the table
do
  local t = {x = 1}
  local alias = t
  local s = 0
  for i = 1, 300 do
    local a = t.x
    alias.x = a + 1
    s = s + a + t.x
  end
  print(s, t.x)
end
-- expect: 90600	301

-- test: a field read twice with a call between that writes it
do
  local t = {x = 0, [1] = 0}
  local function bump() t.x = t.x + 1; t[1] = t[1] + 2 end
  local s = 0
  for i = 1, 300 do
    local a, b = t.x, t[1]
    bump()
    s = s + (t.x - a) + (t[1] - b)
  end
  print(s, t.x, t[1])
end
-- expect: 900	300	600

-- test: tobit of sums of integers computed on ints, near the bounds
do
  local bit = require("bit")
  local band, bxor, rol, tobit = bit.band, bit.bxor, bit.rol, bit.tobit
  local x = {}
  for i = 1, 16 do x[i] = i * 0x10000001 end
  local a, b = 0x67452301, 0xefcdab89
  for i = 1, 300 do
    a = rol(bxor(a, b) + a + x[i % 16 + 1] + 0xd76aa478, 7) + b
    b = rol(band(a, b) + b + x[(i + 3) % 16 + 1] - 0x7fffffff, 12) + a
    if i == 200 then x[5] = 2^47 + 3 end
    if i == 250 then x[6] = -2^47 - 1 end
  end
  print(tobit(a), tobit(b), bit.tobit(2^40 + 5 + 2^40 + 7))
end
-- expect: 1606226512	-393712086	12

-- test (luajit -joff): tobit of a sum whose terms become fractions or large mid-loop
do
  local bit = require("bit")
  local bxor, rol, tobit = bit.bxor, bit.rol, bit.tobit
  local x = {}
  for i = 1, 16 do x[i] = i * 0x10000001 end
  local a, b = 0x67452301, 0xefcdab89
  for i = 1, 300 do
    a = rol(bxor(a, b) + a + x[i % 16 + 1] + 0xd76aa478, 7) + b
    if i == 150 then x[3] = 0.5 end
    if i == 200 then x[4] = 2^50 + 2 end
    if i == 250 then x[5] = 0 / 0 end
  end
  print(tobit(a))
  local s = 0
  for i = 1, 300 do s = tobit(s + i * 1e9 + 0.25 * (i % 3)) end
  print(s)
end
-- expect: -1941305644
-- expect: 1303784448

-- test: a loop's trace takes its function's only closure as known, then a second closure runs it
do
  local function make(k)
    return function(n) local s = 0 for i = 1, n do s = s + k end return s end
  end
  local f = make(1)
  print(f(100), f(100))
  local g = make(2)
  print(g(100), f(100), g(100))
  local t = 0
  for i = 1, 40 do t = t + g(10) + f(10) end
  print(t, g(100), f(100))
end
-- expect: 100	100
-- expect: 200	100	200
-- expect: 1200	200	100

-- test: a recursive function's only closure known to its trace, then a second closure recursing
do
  local function counter(step)
    local function count(n) if n == 0 then return 0 end return step + count(n - 1) end
    return count
  end
  local a = counter(1)
  local s = 0
  for i = 1, 200 do s = s + a(20) end
  local b = counter(3)
  for i = 1, 200 do s = s + b(20) + a(5) end
  print(s, a(7), b(7))
end
-- expect: 17000	7	21

-- test (luajit -joff): debug.setupvalue on a never-assigned upvalue of the loop's own function
do
  local k = 1
  local function run()
    local s = 0
    for i = 1, 300 do
      s = s + k
      if i == 150 then debug.setupvalue(run, 1, 5) end
    end
    return s
  end
  print(debug.getupvalue(run, 1), run())
end
-- expect: k	900

-- test (luajit -joff): a closed variable a compiled loop reads and writes through a known closure, given another by debug.upvaluejoin inside the loop
do
  local function counter(start) local a = start; return function() a = a + 1; return a end end
  local inc, other = counter(0), counter(1000)
  local function maybe(i) if i == 150 then debug.upvaluejoin(inc, 1, other, 1) end end
  local s = 0
  for i = 1, 300 do
    s = s + inc()
    pcall(maybe, i)
  end
  print(s, inc(), other())
end
-- expect: 172650	1151	1152
