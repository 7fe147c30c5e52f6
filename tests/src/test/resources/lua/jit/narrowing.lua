-- Numeric for loops whose start, step and limit are small integers count in ints inside
-- traces. Every value the loop variable takes, the index left behind when the loop is left
-- early, and the loops that must not narrow (fractional, -0, huge or NaN values, a step that
-- changes between runs) must print what the interpreter and luajit print.

-- test: ascending, descending and fractional limits
do
  local function run(a, b, c)
    local s, last = 0, nil
    for i = a, b, c do s = s + i; last = i end
    return s, last
  end
  print(run(1, 100, 1))
  print(run(100, 1, -1))
  print(run(1, 100.5, 2))
  print(run(10, -10.5, -3))
  print(run(0, 0, 1))
  print(run(5, 4, 1))
end
-- expect: 5050	100
-- expect: 5050	1
-- expect: 2500	99
-- expect: 7	-8
-- expect: 0	0
-- expect: 0	nil

-- test: the step changes between runs of the same loop
do
  local function run(step)
    local s = 0
    for i = 1, 60, step do s = s + i end
    return s
  end
  local out = {}
  for k = 1, 8 do out[#out + 1] = run(k) end
  for k = 1, 8 do out[#out + 1] = run(-k) end
  for k = 1, 4 do out[#out + 1] = run(0.5 * k) end
  print(table.concat(out, ' '))
end
-- expect: 1830 900 590 435 342 280 261 232 0 0 0 0 0 0 0 0 3629.5 1830 1210 900

-- test: values that do not narrow: fractions, -0, near and past 2^30, huge limits, NaN
do
  local function run(a, b, c, n)
    local s, last, count = 0, nil, 0
    for i = a, b, c do
      s = s + i; last = i; count = count + 1
      if count >= n then break end
    end
    return s, last, count
  end
  print(run(0.5, 20, 1, 100))
  print(run(-0, 3, 1, 100))
  for i = -0, 0 do print(i, 1 / i) end
  print(run(2^30 - 5, 2^30 + 5, 1, 100))
  print(run(-2^30 + 5, -2^30 - 5, -1, 100))
  print(run(2^31 - 3, 2^31 + 3, 1, 100))
  print(run(1, math.huge, 1, 50))
  print(run(1, 0/0, 1, 50))
  print(run(1, -math.huge, -1, 50))
  print(run(2^53 - 2, 2^53 + 10, 1, 50))
end
-- expect: 200	19.5	20
-- expect: 6	3	4
-- expect: -0	-inf
-- expect: 11811160064	1073741829	11
-- expect: -11811160064	-1073741829	11
-- expect: 15032385536	2147483651	7
-- expect: 1275	50	50
-- expect: 0	nil	0
-- expect: -1175	-48	50
-- expect: 4.5035996273705e+17	9.007199254741e+15	50

-- test: the loop variable in arithmetic, as a table key and as a string
do
  local t, u = {}, {}
  local s = 0
  for i = -20, 20 do
    t[i] = i / 4
    u[#u + 1] = tostring(i)
    s = s + i % 7 + i * 0.25 + math.floor(i / 3)
  end
  print(s, t[-20], t[3], t[20], u[1], u[41], #u)
end
-- expect: 112	-5	0.75	5	-20	20	41

-- test: leaving a narrowed loop early writes the index back
do
  local function find(n, stop)
    local seen = 0
    for i = 1, n do
      seen = seen + 1
      if i == stop then return i, seen end
    end
    return nil, seen
  end
  local out = {}
  for k = 1, 30 do local i, seen = find(100, k * 3) out[#out + 1] = tostring(i) .. '/' .. seen end
  print(table.concat(out, ' '))
  print(find(10, 50))
end
-- expect: 3/3 6/6 9/9 12/12 15/15 18/18 21/21 24/24 27/27 30/30 33/33 36/36 39/39 42/42 45/45 48/48 51/51 54/54 57/57 60/60 63/63 66/66 69/69 72/72 75/75 78/78 81/81 84/84 87/87 90/90
-- expect: nil	10

-- test: cdata elements indexed by a narrowed index, in bounds and at the edges
do
  local ffi = require 'ffi'
  local a = ffi.new('double[64]')
  local b = ffi.new('int16_t[64]')
  for i = 0, 63 do a[i] = i * 1.5; b[i] = i * 1000 end
  local s = 0
  for i = 63, 0, -1 do s = s + a[i] + b[i] end
  print(s, a[63], b[63])
  ffi.cdef 'typedef struct { int id; double x, y; } narrow_particle;'
  local ps = ffi.new('narrow_particle[?]', 100)
  for i = 0, 99 do ps[i].id = i; ps[i].x = i * 0.5 end
  local sum = 0
  for i = 0, 99, 3 do local p = ps[i]; p.y = p.x * 2; sum = sum + p.y + p.id end
  print(sum, ps[99].y, ps[98].y)
end
-- expect: -12592	94.5	-2536
-- expect: 3366	99	0

-- test: nested narrowed loops
do
  local m = 0
  for i = 1, 40 do
    for j = i, 40, 2 do m = m + i * j end
  end
  print(m)
end
-- expect: 179270

-- test: loops starting at a fraction or at -0 see that start first, inner loops too
do
  local out = {}
  for i = 0.1, 1, 0.7 do out[#out + 1] = tostring(i == 0.1) end
  for k = 1, 30 do
    local start = (k % 3 == 0) and -0 or (k % 3 == 1 and 0.1 or k)
    for j = start, start + 1.5, 0.7 do
      if j == start then out[#out + 1] = tostring(1 / j) end
    end
  end
  print(table.concat(out, ' '))
end
-- expect: true false 10 0.5 -inf 10 0.2 -inf 10 0.125 -inf 10 0.090909090909091 -inf 10 0.071428571428571 -inf 10 0.058823529411765 -inf 10 0.05 -inf 10 0.043478260869565 -inf 10 0.038461538461538 -inf 10 0.03448275862069 -inf

-- test: a step the program computes, different on each entry of the inner loop
do
  local marks, total = {}, 0
  for i = 2, 60 do
    for j = i + i, 400, i do marks[j] = (marks[j] or 0) + 1; total = total + 1 end
  end
  local steps = {3, -2, 0.5, 7, -1, 2^29, 1, -3}
  local sums = {}
  for k = 1, 40 do
    local st = steps[k % #steps + 1]
    local s = 0
    for j = st > 0 and 1 or 50, st > 0 and 50 or 1, st do s = s + j end
    sums[#sums + 1] = s
  end
  print(total, marks[360], marks[397], table.concat(sums, " ", 1, 16))
end
-- expect: 1390	18	nil	650 2524.5 204 1275 1 1275 442 425 650 2524.5 204 1275 1 1275 442 425

-- test: an index plus an offset held in a variable, v[i + k]: the offset a fraction, -0, negative, near 2^30, and changed mid-loop
do
  local v = {}
  for i = 1, 64 do v[i] = i * 3 end
  local function sum(k, n)
    local s = 0
    for i = 1, n do
      local x = v[i + k]
      s = s + (x or -1) + (i + k)
    end
    return s
  end
  local out = {}
  for _, k in ipairs({ 0, 3, -2, 0.5, -0.0, 2^30 - 8, 2^30 + 4, -2^30 + 2, 40 }) do
    out[#out + 1] = string.format("%.17g", sum(k, 30))
  end
  print(table.concat(out, " "))
  local k, s = 1, 0
  for i = 1, 200 do
    if i == 120 then k = 1.5 elseif i == 160 then k = -3 end
    s = s + (v[i + k] or 0.25) + (i + k)
  end
  print(s, 1 / ((0 + -0.0) + 0))
end
-- expect: 1860 2220 1621 450 1860 32212254915 32212255275 -32212254225 5439
-- expect: 26427.25	inf

-- test: modulo by a constant in a compiled loop: integral dividends of both signs, -0, fractional, past the int range, infinite and NaN
do
  local vals = {5, -5, 0, -0.0, 7.5, -7.25, 2^31 + 3, -2^31 - 5, 2^31 - 1, -2^31, 1e300, -1/0, 1/0, 0/0, 139967, 139968, -139968}
  local out = {}
  for r = 1, 3 do
    for i = 1, #vals do
      local v = vals[i]
      local a, b, c = v % 60, v % 139968, v % 1
      out[i] = string.format("%.17g/%.17g/%.17g/%g", a, b, c, 1 / (v % 7))
    end
  end
  print(table.concat(out, " "))
  local last, s = 42, 0
  for i = 1, 1000 do
    last = (last * 3877 + 29573) % 139968
    s = s + last % 60
  end
  print(last, s)
end
-- expect: 5/5/0/0.2 55/139963/0/0.5 0/0/0/inf 0/0/0/inf 7.5/7.5/0.5/2 52.75/139960.75/0.75/0.148148 11/94595/0/0.2 47/45371/0/inf 7/94591/0/1 52/45376/0/0.2 0/0/0/inf nan/nan/nan/nan nan/nan/nan/nan nan/nan/nan/nan 47/139967/0/0.5 48/0/0/0.333333 12/0/0/0.25
-- expect: 11426	30548

-- test: ints made numbers (a bit operation's result, a loop's index) compared with integral constants on either side, by every relation
do
  local bit = require("bit")
  local counts = {0, 0, 0, 0, 0, 0, 0, 0, 0}
  local x = 12345
  for i = -300, 300 do
    x = bit.band(i * 7 + 3, 15)
    local y = bit.bxor(x, -8)
    if x == 7 then counts[1] = counts[1] + 1 end
    if y ~= -3 then counts[2] = counts[2] + 1 end
    if y < -5 then counts[3] = counts[3] + 1 end
    if 10 <= x then counts[4] = counts[4] + 1 end
    if -0 == i then counts[5] = counts[5] + 1 end
    if i > 250 then counts[6] = counts[6] + 1 end
    if 0 >= i then counts[7] = counts[7] + 1 end
    if x <= 2.5 then counts[8] = counts[8] + 1 end
    if y > -x then counts[9] = counts[9] + 1 end
  end
  print(table.concat(counts, " "))
end
-- expect: 38 564 413 225 1 50 301 113 226
