-- A table's array and hash parts: integer keys stored in any order end up where Lua 5.1 and
-- LuaJIT keep them, and what a program sees (#, next, pairs, the table library) is unchanged.

-- test: a table filled from 2 has no border at 1 until t[1] is set
do
  local t = {}
  for i = 2, 1000 do t[i] = i end
  print(t[2], t[1000], t[1], t[1001])
  t[1] = 1
  print(#t)
  local n, sum = 0, 0
  for k, v in pairs(t) do n = n + 1; sum = sum + k - v end
  print(n, sum)
end
-- expect: 2	1000	nil	nil
-- expect: 1000
-- expect: 1000	0

-- test: a table filled backwards
do
  local t = {}
  for i = 500, 1, -1 do t[i] = i * 2 end
  print(#t, t[1], t[250], t[500])
  local n = 0
  for i, v in ipairs(t) do n = n + 1 end
  print(n)
end
-- expect: 500	2	500	1000
-- expect: 500

-- test: the last key first, then the others
do
  local t = {}
  local n = 300
  t[n] = "last"
  for i = 1, n - 1 do t[i] = "x" end
  print(#t, t[n], t[n - 1])
end
-- expect: 300	last	x

-- test: sparse keys then a dense fill around them
do
  local t = {}
  t[1000] = "a"
  t[2000] = "b"
  t[-5] = "neg"
  t[0] = "zero"
  t[2.5] = "half"
  for i = 1, 3000 do if t[i] == nil then t[i] = i end end
  print(#t, t[1000], t[2000], t[-5], t[0], t[2.5], t[3000])
  local n = 0
  for k in pairs(t) do n = n + 1 end
  print(n)
end
-- expect: 3000	a	b	neg	zero	half	3000
-- expect: 3003

-- test: # of an array filled in order with no holes, after each kind of fill
do
  local sizes = {}
  for _, n in ipairs({1, 2, 3, 7, 8, 9, 63, 64, 65, 1000}) do
    local a, b, c = {}, {}, {}
    for i = 1, n do a[i] = true end
    for i = n, 1, -1 do b[i] = true end
    for i = 2, n do c[i] = true end
    c[1] = true
    sizes[#sizes + 1] = #a .. "/" .. #b .. "/" .. #c
  end
  print(table.concat(sizes, " "))
end
-- expect: 1/1/1 2/2/2 3/3/3 7/7/7 8/8/8 9/9/9 63/63/63 64/64/64 65/65/65 1000/1000/1000

-- test: # after clearing from the end
do
  local t = {}
  for i = 1, 100 do t[i] = i end
  local out = {}
  for i = 100, 1, -1 do
    t[i] = nil
    if i % 17 == 0 then out[#out + 1] = #t end
  end
  print(table.concat(out, " "), #t)
end
-- expect: 84 67 50 33 16	0

-- test: a hole at the end of the array part, then the length
do
  local t = {}
  for i = 1, 16 do t[i] = i end
  t[16] = nil
  print(#t)
  t[15] = nil
  t[14] = nil
  print(#t)
end
-- expect: 15
-- expect: 13

-- test: table.insert and table.remove on a table filled backwards
do
  local t = {}
  for i = 10, 1, -1 do t[i] = i end
  table.insert(t, 1, 0)
  table.insert(t, 99)
  print(#t, table.concat(t, ","))
  print(table.remove(t), table.remove(t, 1), #t)
  print(table.concat(t, ","))
end
-- expect: 12	0,1,2,3,4,5,6,7,8,9,10,99
-- expect: 99	0	10
-- expect: 1,2,3,4,5,6,7,8,9,10

-- test: table.insert and remove at the front of a growing table
do
  local t = {}
  for i = 1, 200 do table.insert(t, 1, i) end
  print(#t, t[1], t[200])
  local s = 0
  while #t > 0 do s = s + table.remove(t, 1) end
  print(s, #t, next(t))
end
-- expect: 200	200	1
-- expect: 20100	0	nil

-- test: existing fields assigned and cleared during a traversal
do
  local t = {}
  for i = 2, 50 do t[i] = i end
  for i = 1, 20 do t["k" .. i] = i end
  t[1000] = 1000
  local visited, sum = 0, 0
  for k, v in pairs(t) do
    visited = visited + 1
    sum = sum + v
    if type(k) == "number" and k % 2 == 0 then t[k] = nil else t[k] = v * 10 end
  end
  local left, total = 0, 0
  for k, v in pairs(t) do left = left + 1; total = total + v end
  print(visited, sum, left, total)
end
-- expect: 70	2484	44	8340

-- test: next with a key that is not in the table
do
  local t = {1, 2, 3, x = 1}
  print(pcall(next, t, "y"))
  print(pcall(next, t, 10))
  print(next(t, 3) , next({}, nil))
end
-- expect: false	invalid key to 'next'
-- expect: false	invalid key to 'next'
-- expect: x	nil

-- test: weak-valued table with integer keys
do
  local cache = setmetatable({}, {__mode = "v"})
  local keep = {}
  for i = 1, 20 do
    local v = {}
    cache[i] = v
    if i % 4 == 0 then keep[#keep + 1] = v end
  end
  collectgarbage()
  collectgarbage()
  local n = 0
  for k, v in pairs(cache) do n = n + 1 end
  print(n, cache[4] == keep[1], cache[1])
end
-- expect: 5	true	nil

-- test: weak-keyed table with integer keys beside collectable ones
do
  local t = setmetatable({}, {__mode = "k"})
  for i = 1, 10 do t[i] = i end
  local kept = {}
  t[kept] = "kept"
  t[{}] = "lost"
  collectgarbage()
  collectgarbage()
  local n = 0
  for k, v in pairs(t) do n = n + 1 end
  print(n, #t, t[kept])
end
-- expect: 11	10	kept

-- test: a sieve over flags stored from 2 up
do
  local function sieve(m)
    local flags, count = {}, 0
    for i = 2, m do flags[i] = true end
    for i = 2, m do
      if flags[i] then
        for k = i + i, m, i do flags[k] = false end
        count = count + 1
      end
    end
    return count
  end
  print(sieve(10000), sieve(100000))
end
-- expect: 1229	9592

-- test: a sieve over flags stored from the top down
do
  local m, flags, count = 50000, {}, 0
  for i = m, 2, -1 do flags[i] = true end
  for i = 2, m do
    if flags[i] then
      count = count + 1
      for k = i * i, m, i do flags[k] = false end
    end
  end
  print(count)
end
-- expect: 5133

-- test: keys moved back to the hash part when the array part shrinks
do
  local t = {}
  for i = 1, 64 do t[i] = i end
  for i = 1, 60 do t[i] = nil end
  for i = 1, 100 do t["s" .. i] = i end
  print(t[61], t[62], t[63], t[64], t[60], t.s100)
  local n, sum = 0, 0
  for k, v in pairs(t) do n = n + 1; sum = sum + v end
  print(n, sum)
end
-- expect: 61	62	63	64	nil	100
-- expect: 104	5300

-- test: string and number keys that look alike stay distinct
do
  local t = {}
  for i = 1, 10 do t[i] = "n"; t[tostring(i)] = "s" end
  t[1.0] = "one"
  t[-0] = "zero"
  print(t[1], t["1"], t[0], t[-0], #t)
end
-- expect: one	s	zero	zero	10

-- test: maxn and a pairs count over scattered keys
do
  local t = {}
  for i = 1, 1000, 7 do t[i] = i end
  for i = 3, 1000, 11 do t[i] = i end
  local n, sum = 0, 0
  for k, v in pairs(t) do n = n + 1; sum = sum + v end
  print(table.maxn(t), n, sum)
end
-- expect: 995	221	110058

-- test: the array part LuaJIT chooses, as string.buffer's encoding shows it
do
  local buffer = require "string.buffer"
  local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
  local t = {}; t[1] = true; t[2] = true; t[7] = true
  print(hex(buffer.encode(t)))
  t = {}; t[1] = true; t[8] = true
  print(hex(buffer.encode(t)))
  t = {}; for i = 2, 10 do t[i] = true end
  print(hex(buffer.encode(t)))
  t = {}; for i = 6, 0, -1 do t[i] = false end
  print(hex(buffer.encode(t)))
  t = {}; t[3] = 1; t[4] = 1; t[1] = 1
  print(hex(buffer.encode(t)))
end
-- expect: 0c0802020000000002
-- expect: 0d02010207000000000000204002
-- expect: 0c0b00020202020202020202
-- expect: 0a0701010101010101
-- expect: 0c0507000000000000f03f0007000000000000f03f07000000000000f03f

-- test: a generic for over next with one, two and three variables
do
  local t = {10, 20, x = false, [2.5] = "f", [-1] = "m"}
  local keys, n3 = 0, 0
  for k in pairs(t) do keys = keys + 1 end
  local sum = 0
  for k, v in next, t do if type(v) == "number" then sum = sum + v end end
  for k, v, extra in pairs(t) do if extra == nil then n3 = n3 + 1 end end
  print(keys, sum, n3)
end
-- expect: 5	30	5

-- test: a generic for over next started from a key
do
  local t = {}
  for i = 1, 8 do t[i] = i end
  local seen = {}
  for k, v in next, t, 5 do seen[#seen + 1] = k .. "=" .. v end
  print(table.concat(seen, " "))
end
-- expect: 6=6 7=7 8=8

-- test: pairs over number keys of every kind keeps their values and types
do
  local t = {}
  for i = -3, 3 do t[i] = i * 10 end
  t[0.5] = 5
  t[2 ^ 40] = "big"
  local n, ok = 0, true
  for k, v in pairs(t) do
    n = n + 1
    if k == 2 ^ 40 then ok = ok and v == "big" else ok = ok and v == k * 10 end
    ok = ok and type(k) == "number"
  end
  print(n, ok)
end
-- expect: 9	true
