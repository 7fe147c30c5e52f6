-- The table library: insert, remove, concat, sort, maxn, and LuaJIT's table extras.

-- test: insert appends
do
  local t = {}
  table.insert(t, "a")
  table.insert(t, "b")
  print(#t, t[1], t[2])
end
-- expect: 2	a	b

-- test: insert at a position shifts up
do
  local t = {1, 2, 3}
  table.insert(t, 1, 0)
  table.insert(t, 3, 1.5)
  print(table.concat(t, " "))
end
-- expect: 0 1 1.5 2 3

-- test: insert with wrong number of arguments
do
  print(pcall(table.insert, {}, 1, 2, 3))
  print(pcall(table.insert, {}))
end
-- expect: false	wrong number of arguments to 'insert'
-- expect: false	wrong number of arguments to 'insert'

-- test: remove from the end and from a position
do
  local t = {1, 2, 3, 4}
  print(table.remove(t), table.remove(t, 1), table.concat(t, ","))
end
-- expect: 4	1	2,3

-- test: remove from an empty table
do
  local t = {}
  print(table.remove(t), #t)
end
-- expect: nil	0

-- test: concat with separator and range
do
  local t = {1, 2, "three", 4}
  print(table.concat(t), table.concat(t, ", "), table.concat(t, "-", 2, 3), table.concat(t, "x", 3, 2) == "")
end
-- expect: 12three4	1, 2, three, 4	2-three	true

-- test: concat of an invalid value
do
  print(pcall(table.concat, {1, {}, 3}))
end
-- expect: false	invalid value (table) at index 2 in table for 'concat'

-- test: concat of an empty table
do
  print(table.concat({}) == "", table.concat({}, ",") == "")
end
-- expect: true	true

-- test: sort numbers and strings
do
  local n = {5, 2, 8, 1, 9, 3}
  table.sort(n)
  local s = {"pear", "apple", "fig"}
  table.sort(s)
  print(table.concat(n, " "), table.concat(s, " "))
end
-- expect: 1 2 3 5 8 9	apple fig pear

-- test: sort with a comparator
do
  local t = {5, 2, 8, 1}
  table.sort(t, function(a, b) return a > b end)
  print(table.concat(t, " "))
end
-- expect: 8 5 2 1

-- test: sort records by a field
do
  local people = {{name = "b", age = 30}, {name = "a", age = 25}, {name = "c", age = 35}}
  table.sort(people, function(x, y) return x.age < y.age end)
  print(people[1].name, people[2].name, people[3].name)
end
-- expect: a	b	c

-- test: sort of mixed types is an error
do
  print(pcall(table.sort, {1, "a", 2}))
end
-- expect: false	attempt to compare string with number

-- test: sort with an invalid order function
do
  local t = {}
  for i = 1, 20 do t[i] = i % 5 end
  print(pcall(table.sort, t, function(a, b) return true end))
end
-- expect: false	invalid order function for sorting

-- test: sort a larger array
do
  local t = {}
  local x = 7
  for i = 1, 200 do x = (x * 31 + 11) % 1009 t[i] = x end
  table.sort(t)
  local ok = true
  for i = 2, #t do if t[i - 1] > t[i] then ok = false end end
  print(ok, #t, t[1], t[200])
end
-- expect: true	200	1	1008

-- test: maxn finds the largest numeric key
do
  print(table.maxn({1, 2, nil, 4}), table.maxn({}), table.maxn({[10] = 1, [2.5] = 2, x = 3}))
end
-- expect: 4	0	10

-- test: getn remains in LuaJIT and length ignores a trailing nil
do
  print(table.getn == nil and "no getn" or "getn", #{1, 2, 3, nil})
end
-- expect: getn	3

-- test: foreach and foreachi
do
  local out = {}
  table.foreachi({"a", "b"}, function(i, v) out[#out + 1] = i .. v end)
  print(table.concat(out, " "), table.foreachi({1, 2}, function(i, v) if v == 2 then return "stop" end end))
end
-- expect: 1a 2b	stop

-- test: length of a table with a border
do
  local t = {}
  for i = 1, 10 do t[i] = i end
  print(#t)
  t[10] = nil
  print(#t)
end
-- expect: 10
-- expect: 9

-- test: table keys of every type
do
  local t = {}
  local f = function() end
  t[1] = "int" t[1.5] = "float" t["1"] = "string" t[true] = "bool" t[f] = "function"
  print(t[1], t[1.5], t["1"], t[true], t[f], t[1.0])
end
-- expect: int	float	string	bool	function	int

-- test: float keys with integer values are the same key
do
  local t = {}
  t[2] = "two"
  print(t[2.0], t[4 / 2])
end
-- expect: two	two

-- test: unpack of a table built by insert
do
  local t = {}
  for i = 1, 5 do table.insert(t, i * i) end
  print(unpack(t))
end
-- expect: 1	4	9	16	25

-- test: move copies a range within a table, overlapping either way
do
  local t = {1, 2, 3, 4, 5}
  print(table.move(t, 2, 4, 1) == t, table.concat(t, ","))
  t = {1, 2, 3, 4, 5}
  table.move(t, 1, 3, 3)
  print(table.concat(t, ","))
  t = {1, 2, 3}
  table.move(t, 1, 3, 10)
  print(#t, t[10], t[11], t[12])
end
-- expect: true	2,3,4,4,5
-- expect: 1,2,1,2,3
-- expect: 3	1	2	3

-- test: move into a second table returns that table
do
  local src = {"a", "b", "c"}
  local dst = {"x"}
  local r = table.move(src, 1, 3, 2, dst)
  print(r == dst, table.concat(dst, ","), table.concat(src, ","))
  print(select("#", table.move({}, 3, 1, 1)), table.move(src, 3, 1, 1) == src)
end
-- expect: true	x,a,b,c	a,b,c
-- expect: 1	true

-- test: move truncates its bounds and reads and writes raw
do
  local t = {1, 2, 3}
  table.move(t, 1.5, 2.9, "5")
  print(t[5], t[6], t[7])
  local seen = {}
  local p = setmetatable({}, {
    __index = function(_, k) seen[#seen + 1] = "get " .. k end,
    __newindex = function(_, k) seen[#seen + 1] = "set " .. k end,
  })
  table.move(p, 1, 2, 5)
  print(#seen, rawget(p, 5))
end
-- expect: 1	2	nil
-- expect: 0	nil

-- test: move's argument errors
do
  print(pcall(table.move))
  print(pcall(table.move, {}, "x"))
  print(pcall(table.move, {}, 1, 2))
  print(pcall(table.move, {}, 1, 2, 3, 4))
  print(pcall(function() table.move({}, 1, 2, nil) end))
end
-- expect: false	bad argument #1 to '?' (table expected, got nil)
-- expect: false	bad argument #2 to '?' (number expected, got string)
-- expect: false	bad argument #4 to '?' (number expected, got nil)
-- expect: false	bad argument #5 to '?' (table expected, got number)
-- expect: false	table.lua:218: bad argument #4 to 'move' (number expected, got nil)

-- test: insert and remove take a position converted as LuaJIT's checkint does
do
  local function dump(t)
    local keys = {}
    for k, v in pairs(t) do keys[#keys + 1] = k .. "=" .. tostring(v) end
    table.sort(keys)
    return #t .. " " .. table.concat(keys, " ")
  end
  for _, pos in ipairs{-5, 0, -70000, 5, 2.9} do
    local t = {1, 2}
    table.insert(t, pos, 9)
    print(pos, dump(t))
  end
  local t = {1, 2, 3}
  print(table.remove(t, 2^31), table.remove(t, 0/0), table.remove(t, 4), table.remove(t, 0), dump(t))
  print(select("#", table.remove(t, 4)), select("#", table.remove({})), select("#", table.remove(t, 2^31)))
  print(table.remove({}), table.remove({}, 1), table.remove(t, 2), dump(t))
  print(pcall(table.concat, {"a", "b"}, ",", 2^31))
  print(table.concat({"a", "b"}, ",", 1, 2^31), table.concat({"a", "b"}, ",", 1, 0/0))
  print(pcall(unpack, {1, 2}, 2^31, 1))
  print(unpack({1, 2}, 1, 2^31))
  print(pcall(select, 2^31, 1))
  print(math.ldexp(1, 2^31), math.ldexp(1, 0/0), math.ldexp(0, 1/0), math.ldexp(1, -1/0), math.ldexp(1, 2.9), math.ldexp(1, -1074.5))
end
-- expect: -5	3 -5=9 2=1 3=2
-- expect: 0	3 0=9 2=1 3=2
-- expect: -70000	3 -70000=9 2=1 3=2
-- expect: 5	2 1=1 2=2 5=9
-- expect: 2.9	3 1=1 2=9 3=2
-- expect: nil	nil	nil	nil	3 1=1 2=2 3=3
-- expect: 0	0	0
-- expect: nil	nil	2	2 1=1 2=3
-- expect: false	invalid value (nil) at index -2147483648 in table for 'concat'
-- expect: 	
-- expect: false	too many results to unpack
-- expect: 
-- expect: false	bad argument #1 to '?' (index out of range)
-- expect: inf	nan	nan	0	4	4.9406564584125e-324

-- test: table.remove with a fractional position checks and loops on the number, truncating each index
do
  local function show(t, n) local r = {} for i = 1, n do r[i] = tostring(t[i]) end return table.concat(r, " ") end
  for _, p in ipairs{2.5, 2.7, 1.5, 4.5, 5.5, 0.5, -0.5, 0/0, "2.5"} do
    local t = {10, 20, 30, 40, 50}
    local r = {pcall(table.remove, t, p)}
    print(p, r[1], r[2], #t, show(t, 6))
  end
  local t = {10, 20, 30, 40}
  t[2.5] = "frac"
  print(table.remove(t, 2.5), #t, show(t, 5), t[2.5])
end
-- expect: 2.5	true	20	4	10 30 40 40 nil nil
-- expect: 2.7	true	20	4	10 30 40 40 nil nil
-- expect: 1.5	true	10	4	20 30 40 40 nil nil
-- expect: 4.5	true	40	4	10 20 30 40 nil nil
-- expect: 5.5	true	nil	5	10 20 30 40 50 nil
-- expect: 0.5	true	nil	5	10 20 30 40 50 nil
-- expect: -0.5	true	nil	5	10 20 30 40 50 nil
-- expect: nan	true	nil	5	10 20 30 40 50 nil
-- expect: 2.5	true	20	4	10 30 40 40 nil nil
-- expect: 20	3	10 30 30 nil nil	frac

-- test: next takes 0 or -0 as the key before 1 when the table has an array part
do
  local t = {10, 20, 30}
  print(next(t, -0.0))
  print(next(t, 0))
  print(pcall(next, {}, -0.0))
  print(pcall(next, {a = 1}, 0))
  local u = {} u[1] = "one"
  print(next(u, -0.0))
  local z = {} z[-0.0] = "zero"
  for k, v in pairs(z) do print(k, 1 / k, v) end
  print(next(z, -0.0))
end
-- expect: 1	10
-- expect: 1	10
-- expect: false	invalid key to 'next'
-- expect: false	invalid key to 'next'
-- expect: 1	one
-- expect: 0	inf	zero
-- expect: nil
