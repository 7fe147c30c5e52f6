-- Registers a side trace reads that nothing changed since the root loaded them at its entry
-- are taken from the root's loads, not read and guarded again (EntryLoads.heldInFrame); but
-- from a recursive call's registers on, after an inner loop's trace ran on the frame, and for
-- a register a closure may assign while it runs, the frame is read again.

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
