-- Side traces: an exit of a compiled loop taken often enough gets a trace of its own, recorded
-- from where the interpreter resumes, which joins the loop's trace again at its loop
-- instruction (or hands over to another loop's trace, or stops where its function returns).
-- The forced mode takes every exit as hot at once, so each branch below grows one.

-- test: eight data-dependent branches, each a side trace back into the loop
do
  local counts = {0, 0, 0, 0, 0, 0, 0, 0}
  local s = 0
  for i = 1, 4000 do
    local k = (i * 7 + math.floor(i / 3)) % 8
    if k == 0 then s = s + 1; counts[1] = counts[1] + 1
    elseif k == 1 then s = s - 2; counts[2] = counts[2] + 1
    elseif k == 2 then s = s * 1.5; counts[3] = counts[3] + 1
    elseif k == 3 then s = s / 3; counts[4] = counts[4] + 1
    elseif k == 4 then s = s + i; counts[5] = counts[5] + 1
    elseif k == 5 then s = s - i / 2; counts[6] = counts[6] + 1
    elseif k == 6 then s = math.floor(s); counts[7] = counts[7] + 1
    else s = s % 1000; counts[8] = counts[8] + 1 end
  end
  print(s, table.concat(counts, " "))
end
-- expect: -1101	666 333 666 333 666 334 668 334

-- test: a branch whose side trace changes a loop-carried value's type
do
  local acc = 0
  for i = 1, 3000 do
    if i % 500 == 0 then acc = tostring(acc) .. "!" ; acc = #acc end
    acc = acc + 1
  end
  print(acc)
end
-- expect: 5

-- test: a side trace that leaves a value of another type in a register the loop reads as a number
do
  local out = {}
  local v = 0
  for i = 1, 200 do
    if i > 150 then v = "s" .. i else v = v + i end
    if type(v) == "string" then out[#out + 1] = v end
  end
  print(#out, out[1], out[#out])
end
-- expect: 50	s151	s200

-- test: nested loops where the inner loop's end grows a side trace that runs the outer loop
do
  local bodies = {}
  for i = 1, 5 do bodies[i] = {x = i, v = 0} end
  for step = 1, 300 do
    for i = 1, #bodies do
      local bi = bodies[i]
      local v = bi.v
      for j = i + 1, #bodies do
        local bj = bodies[j]
        local d = bi.x - bj.x
        v = v - d * 0.001
        bj.v = bj.v + d * 0.001
      end
      bi.v = v
      bi.x = bi.x + v
    end
  end
  local e = 0
  for i = 1, #bodies do e = e + bodies[i].x * 1000 + bodies[i].v end
  print(string.format("%.6f %.9f %.9f", e, bodies[1].x, bodies[5].v))
end
-- expect: 15000.000000 4.480340791 -0.098867296

-- test: a side trace that breaks out of the loop
do
  local found = {}
  for r = 1, 50 do
    local hit = -1
    for i = 1, 100 do
      if i * r % 97 == 13 then hit = i; break end
    end
    found[#found + 1] = hit
  end
  print(table.concat(found, ",", 1, 20))
end
-- expect: 13,55,69,76,22,83,85,38,23,11,10,90,1,91,72,19,35,60,16,54

-- test: while and repeat loops with branches
do
  local n, steps, odd = 27, 0, 0
  while n ~= 1 do
    if n % 2 == 0 then n = n / 2 else n = 3 * n + 1; odd = odd + 1 end
    steps = steps + 1
  end
  local x, y = 0, 0
  repeat
    x = x + 1
    if x % 3 == 0 then y = y + x elseif x % 5 == 0 then y = y - 1 end
  until x >= 1000
  print(steps, odd, y)
end
-- expect: 111	41	166699

-- test: a function whose loop's side trace ends at the function's return
do
  local function firstMultiple(t, m)
    local s = 0
    for i = 1, #t do
      s = s + t[i]
      if t[i] % m == 0 then
        s = s * 2
      end
    end
    return s
  end
  local t = {}
  for i = 1, 40 do t[i] = i * 3 + 1 end
  local total = 0
  for r = 1, 200 do total = total + firstMultiple(t, 2 + r % 5) end
  print(total)
end
-- expect: 1390200560

-- test: an error raised inside a side trace
do
  local t = {}
  for i = 1, 100 do t[i] = i end
  t[78] = "x"
  local ok, err = pcall(function()
    local s = 0
    for i = 1, #t do
      if i % 2 == 0 then s = s + t[i] else s = s - 1 end
    end
    return s
  end)
  print(ok, (tostring(err):gsub("^.-:%d+: ", "")))
end
-- expect: false	attempt to perform arithmetic on a string value

-- test: one loop run with another function each time: recorded again, then grown side traces
do
  local function run(f, n)
    local acc = 0
    for i = 1, n do acc = acc + f(i) end
    return acc
  end
  local fs = {
    function(x) return x end,
    function(x) return 2 * x end,
    math.abs,
    function(x) return x % 7 end,
  }
  local total = 0
  for round = 1, 30 do total = total + run(fs[round % #fs + 1], 100 + round) end
  local ffi = require("ffi")
  local a, b = ffi.new("int[4]", 1, 2, 3, 4), ffi.new("double[4]", 0.5, 1.5, 2.5, 3.5)
  local function sum(arr, k)
    local s = 0
    for i = 0, k - 1 do s = s + arr[i % 4] end
    return s
  end
  for round = 1, 12 do total = total + sum(round % 2 == 0 and a or b, 200) end
  print(total)
end
-- expect: 217550

-- test: a long loop calling one of four closures in turn: side traces of the call link back to the loop's root, carrying its index and accumulator
do
  local fs = {}
  for k = 1, 4 do fs[k] = function(x, i) return x + k * (i % 3) end end
  local function run(n)
    local s = 0
    for i = 1, n do s = fs[i % 4 + 1](s, i) end
    return s
  end
  print(run(5000), run(20000), run(3))
end
-- expect: 12499	49999	8

-- test: a table read the root trace found nil, a number in a side trace's arithmetic, then a string and a table with metamethods
do
  local cache = {}
  local mt = {__add = function(a, b) return 1000 end, __unm = function(a) return 7 end}
  local s = 0
  for i = 1, 600 do
    local k = i % 200
    local x = cache[k]
    if x then s = s + (x + i) + -x else cache[k] = i end
    if i == 300 then cache[7] = "3" end
    if i == 350 then cache[9] = setmetatable({}, mt) end
  end
  print(s)
end
-- expect: 160798
