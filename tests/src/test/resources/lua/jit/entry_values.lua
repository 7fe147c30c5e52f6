-- Registers a side trace reads that nothing changed since the root loaded them at its entry
-- are taken from the root's loads, not read and guarded again (EntryLoads.heldInFrame); but
-- from a recursive call's registers on, after an inner loop's trace ran on the frame, and for
-- a register a closure may assign while it runs, the frame is read again. The blocks after
-- the first five check the frame where a tree leaves after its links changed the values the
-- root loaded: at the loop's end, at a break, through the interpreter into a long inner loop,
-- after thousands of links, and at the call of a side trace in a method of its own.

-- test: a loop over children of two kinds, the second's side trace recursing with the loop's registers
do
  local leaf, node = {}, {}
  leaf.__index, node.__index = leaf, node
  function leaf:visit(origin, scale, acc) acc[1] = acc[1] + self.v * scale + origin[1] end
  function node:visit(origin, scale, acc)
    for _, c in ipairs(self.kids) do
      c:visit(origin, scale, acc)
    end
  end
  local function make(depth, v)
    if depth == 0 then return setmetatable({v = v}, leaf) end
    local n = setmetatable({kids = {make(0, v)}}, node)
    for k = 1, 3 do n.kids[#n.kids + 1] = make(depth - 1, v + k) end
    return n
  end
  local root = make(4, 1)
  local acc = {0}
  for r = 1, 30 do root:visit({r, 0}, 0.5, acc) end
  print(acc[1])
end
-- expect: 70860

-- test: registers read after a recursive call in a side trace, some of them its results
do
  local function depth(t) if type(t) ~= "table" then return 0 end return 1 + depth(t[1]) end
  local items = {}
  for i = 1, 300 do items[i] = i % 3 == 0 and {{{i}}} or i end
  local base, total, nested = 10, 0, 0
  for i = 1, #items do
    local it = items[i]
    if type(it) == "table" then
      local d = depth(it)
      nested = nested + d * base
    else
      total = total + it + base
    end
  end
  print(total, nested)
end
-- expect: 32000	3000

-- test: a side trace of a side trace, reading the loop's unchanged number, table and string
do
  local t, scale, name = {1, 2, 3}, 3, "ab"
  local out = 0
  for i = 1, 600 do
    if i % 3 == 0 then
      if i % 2 == 0 then out = out + t[2] * scale + #name else out = out - t[3] + scale end
    else
      out = out + t[1]
    end
  end
  print(out)
end
-- expect: 1200

-- test: a register a closure assigns while a side trace's call runs is read again
do
  local x = 0
  local function bump(n) for _ = 1, n do x = x + 1 end end
  local s = 0
  for i = 1, 400 do
    if i % 4 == 0 then bump(2) end
    s = s + x
  end
  print(s, x)
end
-- expect: 39800	200

-- test: a side trace around an inner loop's trace reads the outer loop's registers again
do
  local rows, w = {}, 7
  for r = 1, 40 do
    local row = {}
    for c = 1, r % 5 do row[c] = c * w end
    rows[r] = row
  end
  local sum = 0
  for r = 1, #rows do
    local row = rows[r]
    if r % 2 == 0 then
      for c = 1, #row do sum = sum + row[c] end
    else
      sum = sum + w
    end
  end
  print(sum)
end
-- expect: 700

-- test: a register a side trace changes before its link, read where the loop ends and where it breaks
do
  local acc, scale = 0, 1
  for i = 1, 1000 do
    if i % 3 == 0 then scale = scale + 1 end
    acc = acc + scale
  end
  local out, s2 = -1, 1
  for i = 1, 1000 do
    if i % 3 == 0 then s2 = s2 * 2 % 1000 end
    if i == 700 then out = s2 break end
  end
  print(acc, scale, out, s2)
end
-- expect: 167500	334	592	592

-- test: an inner loop of thousands entered again from a side trace round the outer loop, with the outer loop's values
do
  local total, last = 0, 0
  for i = 1, 6 do
    local w = i * 2
    for j = 1, 1500 do total = total + w; last = w end
  end
  print(total, last)
end
-- expect: 63000	12

-- test: thousands of links in one run of the tree, each changing the loop's invariant values
do
  local a, b, n = 1, 0, 0
  for i = 1, 5000 do
    if i % 2 == 0 then a, b = b + 1, a % 7 end
    n = n + a * 3 + b
  end
  print(a, b, n)
end
-- expect: 5	4	74928

-- test: a side trace in a method of its own after a link changed the loop's values
do
  local buf, t = {}, {a = 1, b = 2, c = 3}
  local base = 0
  for j = 1, 600 do
    local k = j % 16
    if k == 0 then base = base + 1; buf[j] = base
    elseif k == 1 then t.a = (t.b + j * 1 + base) % 97; buf[j] = t.a
    elseif k == 2 then t.b = (t.c + j * 2 + base) % 96; buf[j] = t.b
    elseif k == 3 then t.c = (t.a + j * 3 + base) % 95; buf[j] = t.c
    elseif k == 4 then t.a = (t.b + j * 4 + base) % 94; buf[j] = t.a
    elseif k == 5 then t.b = (t.c + j * 5 + base) % 93; buf[j] = t.b
    elseif k == 6 then t.c = (t.a + j * 6 + base) % 92; buf[j] = t.c
    elseif k == 7 then t.a = (t.b + j * 7 + base) % 91; buf[j] = t.a
    elseif k == 8 then t.b = (t.c + j * 8 + base) % 90; buf[j] = t.b
    elseif k == 9 then t.c = (t.a + j * 9 + base) % 89; buf[j] = t.c
    elseif k == 10 then t.a = (t.b + j * 10 + base) % 88; buf[j] = t.a
    elseif k == 11 then t.b = (t.c + j * 11 + base) % 87; buf[j] = t.b
    elseif k == 12 then t.c = (t.a + j * 12 + base) % 86; buf[j] = t.c
    elseif k == 13 then t.a = (t.b + j * 13 + base) % 85; buf[j] = t.a
    elseif k == 14 then t.b = (t.c + j * 14 + base) % 84; buf[j] = t.b
    else t.c = (t.a + j * 15 + base) % 83; buf[j] = t.c end
  end
  local sum = 0
  for j = 1, #buf do sum = sum + buf[j] end
  print(base, t.a, t.b, t.c, sum)
end
-- expect: 37	24	17	40	25289
