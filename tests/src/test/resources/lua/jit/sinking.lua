-- Tables made in a compiled loop that do not escape it are never allocated: their fields are
-- the values stored, and an exit that needs one makes it (AllocationSinking). Each block has
-- such tables escape through exits to the interpreter and, forced, to side traces.

-- test: fields read back in the same iteration, no table made
do
  local s = 0
  for i = 1, 1000 do
    local p = {x = i, y = i * 2}
    p.y = p.y + 1
    s = s + p.x * p.y
  end
  print(s)
end
-- expect: 668167500

-- test: a sunk table that escapes through an exit, read, kept and printed by the interpreter
do
  local last, kept = nil, {}
  local c = 0
  for i = 1, 300 do
    local p = {x = i, y = -i, [1] = i, [2] = "a"}
    if p.x % 7 == 0 then c = c + p.y end
    if i % 50 == 0 then last = p; kept[#kept + 1] = p end
  end
  print(c, last.x, last.y, last[1], last[2], #last, #kept, kept[1].x, kept[6][1])
end
-- expect: -6321	300	-300	300	a	2	6	50	300

-- test: fields deleted, overwritten and absent; the made table's keys
do
  local seen = {}
  for i = 1, 200 do
    local p = {a = i, b = i + 1, c = "c"}
    p.b = nil
    p.a = p.a * 3
    local z = p.z
    if i % 40 == 0 then
      local keys = {}
      for k in pairs(p) do keys[#keys + 1] = k end
      table.sort(keys)
      seen[#seen + 1] = table.concat(keys, ",") .. "=" .. p.a .. tostring(z)
    end
  end
  print(table.concat(seen, " "))
end
-- expect: a,c=120nil a,c=240nil a,c=360nil a,c=480nil a,c=600nil

-- test: tables that escape stay made: stored, passed to calls, given a metatable, compared
do
  local store, n = {}, 0
  local mt = {__index = function(t, k) return k .. "!" end}
  local function count(t) return t.v end
  local prev
  for i = 1, 300 do
    local a = {v = i}
    local b = {v = i * 2}
    local c = setmetatable({v = 3}, mt)
    store[i] = a
    n = n + count(b) + #c.w
    if prev == a then n = n + 1000 end
    prev = b
  end
  print(n, store[300].v, prev.v, #store)
end
-- expect: 90900	300	600	300

-- test: an array part from a constructor, sizes and length as the interpreter makes them
do
  local total, lens = 0, {}
  for i = 1, 300 do
    local v = {i, i + 1, i + 2, n = i}
    total = total + v[1] + v[3] + v.n
    if i % 100 == 0 then lens[#lens + 1] = #v .. ":" .. v[2] end
  end
  print(total, table.concat(lens, " "))
end
-- expect: 136050	3:101 3:201 3:301

-- test: a side trace that finds the table made and goes on storing into it
do
  local out = {}
  for i = 1, 300 do
    local p = {k = i}
    if i % 3 == 0 then
      p.k = p.k + 0.5
      p.extra = i
      out[#out + 1] = p
    end
  end
  print(#out, out[1].k, out[1].extra, out[100].k, out[100].extra)
end
-- expect: 100	3.5	3	300.5	300

-- test: errors raised with a sunk table live keep the interpreter's messages
do
  local ok, err = pcall(function()
    local s = 0
    for i = 1, 300 do
      local p = {x = i}
      if i == 250 then p.x = "x" end
      s = s + p.x
    end
  end)
  print(ok, (err:gsub("^[^:]*:%d+: ", "")))
  local ok2, err2 = pcall(function()
    for i = 1, 300 do
      local p = {}
      p[i > 200 and 0 / 0 or i] = i
    end
  end)
  print(ok2, (err2:gsub("^[^:]*:%d+: ", "")))
end
-- expect: false	attempt to perform arithmetic on field 'x' (a string value)
-- expect: false	table index is NaN

-- test: a table of 64-bit integers, sunk, made at an exit
do
  local last
  for i = 1, 300 do
    local p = {v = i * 3LL, u = 0ULL - i}
    if i % 100 == 0 then last = p end
  end
  print(last.v, last.u)
end
-- expect: 900LL	18446744073709551316ULL
