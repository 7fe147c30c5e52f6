-- Loops inside compiled loops: the inner loop has its own trace, which the outer trace runs
-- on the frame (written back first, read again after). Each way the inner loop can end, and
-- each value it can change, must give what the interpreter and luajit give.

-- test: an inner loop whose trip count varies, including zero
do
  local s = 0
  for i = 1, 300 do
    local row = i * 2
    for j = 1, i % 7 do s = s + row + j end
    s = s + 1
  end
  print(s)
end
-- expect: 276016

-- test: an inner loop that breaks on some outer iterations and runs out on others
do
  local hits, total = 0, 0
  for i = 1, 400 do
    local found = false
    for j = 1, 20 do
      total = total + 1
      if j * i % 37 == 0 then found = true; break end
    end
    if found then hits = hits + 1 end
  end
  print(hits, total)
end
-- expect: 10	7810

-- test: the inner loop changes outer locals of several types
do
  local n, last, name = 0, nil, "start"
  for i = 1, 200 do
    for j = 1, 3 do
      n = n + j
      if i % 50 == 0 then last = i; name = "at" .. i end
    end
  end
  print(n, last, name)
end
-- expect: 1200	200	at200

-- test: three levels deep
do
  local s = 0
  for i = 1, 30 do
    for j = 1, i % 5 do
      for k = 1, 4 do s = s + i * j + k end
    end
  end
  print(s)
end
-- expect: 8160

-- test: an error raised inside the inner loop names the right place
do
  local t = {}
  for i = 1, 100 do t[i] = i end
  t[77] = "x"
  print(pcall(function()
    local s = 0
    for i = 1, 20 do
      for j = 1, 10 do s = s + t[(i - 1) * 5 + j] * 2 end
    end
    return s
  end))
end
-- expect: false	nested.lua:65: attempt to perform arithmetic on a string value

-- test: the inner loop's value types change between outer iterations
do
  local rows = {}
  for i = 1, 100 do
    local r = {}
    for j = 1, 5 do r[j] = (i > 60 and j == 3) and tostring(j) or j end
    rows[i] = r
  end
  local s = 0
  for i = 1, 100 do
    local r = rows[i]
    for j = 1, 5 do s = s + r[j] end
  end
  print(s)
end
-- expect: 1500

-- test: the outer loop's bounds and step read after the inner loop changed nothing of them
do
  local out = {}
  for i = 10, 1, -3 do
    local acc = 0
    for j = i, i + 2 do acc = acc + j end
    out[#out + 1] = acc
  end
  for i = 1, 120 do
    local acc = 0
    for j = 0.5, 2, 0.5 do acc = acc + j * i end
    if i == 120 then out[#out + 1] = acc end
  end
  print(table.concat(out, " "))
end
-- expect: 33 24 15 6 600

-- test: a closure made in the outer loop sees values the inner loop wrote
do
  local fs = {}
  for i = 1, 100 do
    local v = 0
    for j = 1, 3 do v = v + j * i end
    fs[i] = function() return v end
  end
  print(fs[1](), fs[50](), fs[100]())
end
-- expect: 6	300	600

-- test: a loop whose step changes sign between entries, run from a compiled outer loop
do
  local a, b, c = 10, 1, -1
  local total = 0
  for i = 1, 20 do
    if c == -1 then a, b, c = 1, 10, 1 else a, b, c = 10, 1, -1 end
    local x = 0
    for k = a, b, c do for j = 1, 10 do end x = x + 1 end
    total = total + x
  end
  print(total)
end
-- expect: 200

-- test: a numeric loop entered with a step of the other sign than it was compiled for
do
  local out = {}
  for r = 1, 4 do
    local step = r % 2 == 0 and -1 or 1
    local first, last = step > 0 and 1 or 100, step > 0 and 100 or 1
    local s = 0
    for i = first, last, step do s = s + i end
    out[#out + 1] = s
  end
  print(table.concat(out, " "))
end
-- expect: 5050 5050 5050 5050

-- test: while and repeat loops inside a loop, run by their own traces
do
  local out = {}
  local total = 0
  for k = 1, 60 do
    local n, steps = k, 0
    while n ~= 1 do
      if n % 2 == 0 then n = n / 2 else n = 3 * n + 1 end
      steps = steps + 1
    end
    local i, j = 1, k % 7
    repeat i = i + 1; j = j - 1 until i >= j
    total = total + steps + i + j
    if k % 10 == 0 then out[#out + 1] = steps .. ':' .. i .. ':' .. j end
  end
  print(total, table.concat(out, ' '))
end
-- expect: 1695	6:2:2 7:4:3 18:2:1 8:3:3 24:2:0 19:3:2

-- test: an inner while loop that breaks out, and one left by a return
do
  local function first_multiple(t, m)
    local i = 1
    while true do
      if t[i] == nil then return nil end
      if t[i] % m == 0 then break end
      i = i + 1
    end
    return t[i]
  end
  local t = {}
  for i = 1, 50 do t[i] = i * 3 + 1 end
  local s = 0
  for m = 2, 40 do s = s + (first_multiple(t, m) or -1) end
  local found = 0
  for r = 1, 40 do
    local i = 0
    while i < 100 do
      i = i + 1
      if i * r > 150 then break end
    end
    found = found + i
  end
  print(s, found)
end
-- expect: 793	614

-- test: for ... in loops inside a compiled loop, run by their own traces
do
  local t = {}
  for i = 1, 20 do t[i] = i end
  local total, firsts, words = 0, 0, {}
  for k = 1, 300 do
    for _, v in ipairs(t) do total = total + v end
    for key, v in pairs({a = k, b = 2}) do total = total + v end
    for i, v in ipairs(t) do
      if v > k % 7 then firsts = firsts + i; break end
    end
    if k % 100 == 0 then
      for _, w in ipairs({"x", k, "y"}) do words[#words + 1] = tostring(w) end
    end
  end
  local function sum(list) local s = 0; for _, v in ipairs(list) do s = s + v end; return s end
  local acc = 0
  for i = 1, 300 do acc = acc + sum(t) end
  print(total, firsts, table.concat(words, ","), acc)
end
-- expect: 108750	1203	x,100,y,x,200,y,x,300,y	63000

-- test: an inner for ... in loop whose values change type, and one that raises an error
do
  local mixed = {1, 2, 3}
  local out = 0
  for k = 1, 200 do
    if k == 150 then mixed[2] = "two" end
    for _, v in ipairs(mixed) do
      if type(v) == "number" then out = out + v else out = out + #v end
    end
  end
  local ok, err = pcall(function()
    for k = 1, 200 do
      for _, v in ipairs({k, k == 120 and {} or 1}) do out = out + v end
    end
  end)
  print(out, ok, err)
end
-- expect: 8630	false	nested.lua:227: attempt to perform arithmetic on local 'v' (a table value)

-- test: for ... in loops on a branch a side trace takes, and one with a goto to its end
do
  local t = {}
  for i = 1, 20 do t[i] = i end
  local total, odd = 0, 0
  for k = 1, 400 do
    total = total + 1
    if k % 10 == 0 then
      for _, v in ipairs(t) do total = total + v end
    end
    if k % 25 == 0 then
      for key, v in pairs({a = k, b = 3}) do total = total + v end
    end
    for _, v in ipairs(t) do
      if v % 2 == 0 then goto continue end
      odd = odd + v
      ::continue::
    end
  end
  print(total, odd)
end
-- expect: 12248	40000

-- test: inner loops run once or twice per entry: their traces go round the outer loop
do
  local q = {}
  for i = 1, 8 do q[i] = i end
  local s, t = 0, 0
  for r = 1, 300 do
    local i, j = 2, (r % 7 == 0) and 6 or 3
    repeat q[i], q[j] = q[j], q[i]; i = i + 1; j = j - 1 until i >= j
    local k = r % 3
    while k > 0 do t = t + k; k = k - 2 end
    for m = 1, (r % 5 == 0) and 2 or 1 do s = s + q[m] * m end
  end
  print(s, t, table.concat(q, ","))
end
-- expect: 774	300	1,2,3,4,5,6,7,8

-- test: going round an outer loop whose values change type, and an outer while loop
do
  local out = {}
  local n = 0
  while n < 120 do
    n = n + 1
    local v = n < 100 and n or tostring(n)
    for i = 1, 1 do out[#out + 1] = type(v) end
  end
  local counts = {}
  for _, t in ipairs(out) do counts[t] = (counts[t] or 0) + 1 end
  print(n, counts.number, counts.string)
end
-- expect: 120	99	21

-- test: an inner loop that goes round its outer loop into one around both that has a trace
do
  local p = {}
  for i = 1, 6 do p[i] = i end
  local s, rounds = 0, 0
  repeat
    rounds = rounds + 1
    for i = 3, 6 do
      for j = i, 1, -1 do s = s + p[j] * j end
      if (s + i) % 4 == 0 then break end
    end
  until rounds >= 200
  print(s, rounds)
end
-- expect: 8800	200

-- test: elimination over rows: a side trace of the innermost loop's tree goes round the outermost loop, whose middle loop runs by its own trace
do
  local function eliminate(m, size)
    for col = 1, size - 1 do
      local inv = 1 / m[col][col]
      for row = col + 1, size do
        local factor = m[row][col] * inv
        for k = col + 1, size do m[row][k] = m[row][k] - factor * m[col][k] end
      end
    end
  end
  local total = 0
  for pass = 1, 30 do
    local m = {}
    for i = 1, 40 do
      m[i] = {}
      for k = 1, 40 do m[i][k] = i == k and 40 or 1 / (i + k + pass) end
    end
    eliminate(m, 40)
    total = total + m[40][40] + m[20][30]
  end
  print(string.format("%.6f", total))
end
-- expect: 1200.454244

-- test: inner loops either side of a thousand iterations, entered again from the outer loop
do
  local total, count = 0, 0
  for r = 1, 40 do
    local n = 990 + r
    for i = 1, n do total = total + i % 7 end
    for i = n, 1, -3 do count = count + 1 end
    for i = 1, n + 0.5, r % 3 + 1 do count = count + 2 end
    for i = 1, 3 do count = count + i end
  end
  print(total, count)
end
-- expect: 121224	62929

-- test: a loop nest that goes round hundreds of times in one call, inside a loop whose trace runs it: its tree comes back to its own loop to be called again, by the interpreter or by the outer trace
do
  local function nest(rounds, width)
    local a = {}
    for i = 1, width do a[i] = i % 5 end
    local s = 0
    for k = 1, 60 do
      for r = 1, rounds do
        for i = 1, width do s = s + a[i] * k end
        s = s - r
      end
      s = s % 1000003
    end
    return s
  end
  print(nest(700, 3), nest(300, 7), nest(1000, 2))
end
-- expect: 965024	427988	460075

-- test: an inner loop's side trace that goes on to the outer loop, whose own trace runs the inner one, enters the outer trace again without the interpreter
do
  local count, sum = 0, 0
  for y = 1, 400 do
    for x = 1, 50 do
      local v = 0
      for i = 1, 12 do
        v = v + i
        if y < 150 and i == 5 or (x + i) % 29 == 0 then break end
      end
      if v > 40 then count = count + 1; sum = sum + x else sum = sum - 1 end
    end
  end
  print(count, sum)
end
-- expect: 10291	248570
