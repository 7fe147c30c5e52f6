-- A table holds a number stored from a register or a compiled loop unboxed, and boxes it
-- once when something reads it as an object. Every way in and out must see the same numbers:
-- the parts resized under them, traversal, the library, weak tables, keys of every kind.

-- test: numbers stored in a loop move with the array part as it grows and shrinks
do
  local t = {}
  for i = 1, 300 do t[i] = i * 0.5 end
  local sum = 0
  for i = 1, #t do sum = sum + t[i] end
  for i = 300, 101, -1 do t[i] = nil end
  t.extra = 1.25
  for i = 1, 40 do t["k" .. i] = i / 4 end
  local again = 0
  for i = 1, #t do again = again + t[i] end
  print(#t, sum, again, t.extra, t.k40)
end
-- expect: 100	22575	2525	1.25	10

-- test: a table filled backwards moves its hash-part numbers into the array part
do
  local t = {}
  for i = 64, 1, -1 do t[i] = i + 0.25 end
  local s = 0
  for i = 1, 64 do s = s + t[i] end
  print(#t, s, t[1], t[64])
end
-- expect: 64	2096	1.25	64.25

-- test: pairs, next and ipairs see numbers stored unboxed and boxed alike
do
  local t = {}
  for i = 1, 10 do t[i] = i * 3 end
  t.a, t.b = 2.5, "x"
  t[3] = 9
  local keys, total = 0, 0
  for k, v in pairs(t) do
    keys = keys + 1
    if type(v) == "number" then total = total + v end
  end
  local isum = 0
  for _, v in ipairs(t) do isum = isum + v end
  print(keys, total, isum, next({}, nil), select(2, next({7.5})))
end
-- expect: 12	167.5	165	nil	7.5

-- test: the table library reads and writes them
do
  local t = {}
  for i = 1, 20 do t[i] = (i * 7) % 20 + 0.5 end
  table.sort(t)
  table.insert(t, 1, -1)
  table.insert(t, 99.5)
  local removed = table.remove(t, 2)
  print(t[1], t[2], t[#t], removed, #t, table.concat(t, ",", 1, 4), unpack(t, 20, 21))
  print(table.maxn(t), math.max(unpack(t)))
end
-- expect: -1	1.5	99.5	0.5	21	-1,1.5,2.5,3.5	19.5	99.5
-- expect: 21	99.5

-- test: number keys of every kind hold number values: -0 and 0, fractions, huge, negative
do
  local t = {}
  for i = 1, 5 do
    t[0] = (t[-0] or 0) + 1
    t[0.5] = (t[0.5] or 0) + 0.5
    t[2^53] = (t[2^53] or 0) + 2
    t[-3] = (t[-3] or 0) - 1
  end
  print(t[0], t[-0], t[0.5], t[2^53], t[-3], t[1/0], 0/0 ~= 0/0)
  t.nan = 0/0
  print(t.nan ~= t.nan, tostring(t.nan) == tostring(0/0))
end
-- expect: 5	5	2.5	10	-5	nil	true
-- expect: true	true

-- test: weak tables keep numbers, which are never collected
do
  local t = setmetatable({}, {__mode = "v"})
  local k = setmetatable({}, {__mode = "k"})
  local key = {}
  for i = 1, 50 do t[i] = i + 0.5; t["n" .. i] = i; k[key] = i end
  collectgarbage()
  collectgarbage()
  print(t[1], t[50], t.n25, k[key])
end
-- expect: 1.5	50.5	25	50

-- test: a field read as a number in a loop changes to a string, a table and back
do
  local o = {x = 0, list = {0, 0, 0}}
  local log = {}
  for i = 1, 300 do
    local x = o.x
    if type(x) == "number" then o.x = x + 1 else log[#log + 1] = type(x); o.x = 0 end
    if i == 100 then o.x = "s" end
    if i == 200 then o.x = {} end
    o.list[i % 3 + 1] = o.list[i % 3 + 1] + i
    if i == 150 then o.list[2] = "two"; o.list[2] = #o.list[2] end
  end
  print(o.x, table.concat(log, " "), o.list[1], o.list[2], o.list[3])
end
-- expect: 99	string table	15150	11228	15050

-- test: a number written by a compiled loop is the same number to string.format and tostring
do
  local t = {n = 0}
  for i = 1, 200 do t.n = t.n + 0.1 end
  local a = {}
  for i = 1, 200 do a[i] = i / 3 end
  print(string.format("%.10f", t.n), tostring(a[200]), a[3] == 1, rawget(a, 200) == 200 / 3)
end
-- expect: 20.0000000000	66.666666666667	true	true

-- test: table constructors and setlist hold computed numbers
do
  local function f(...) return {...} end
  local x = 2
  local t = {x * 1.5, x + 1, f(x / 4, x * x)}
  local u = f(x, x + 0.5)
  print(t[1], t[2], t[3][1], t[3][2], #u, u[2])
end
-- expect: 3	3	0.5	4	2	2.5

-- test: elements at integer indices: past the array part, at 0 and below, boxed by library calls, and holes
do
  local a = {}
  for i = 1, 100 do a[i] = i end
  a[0], a[-1] = 0.5, -0.5
  table.insert(a, 50, 7.25)
  local sum, nils = 0, 0
  for i = -1, 110 do
    local v = a[i]
    if v then sum = sum + v else nils = nils + 1 end
  end
  for i = 1, 120, 3 do a[i] = (a[i] or 0) * 2 end
  a[60] = nil
  local s2, holes = 0, 0
  for i = 1, 130 do if a[i] then s2 = s2 + a[i] else holes = holes + 1 end end
  print(sum, nils, s2, holes)
end
-- expect: 5057.25	9	6698.25	24

-- test: a compiled loop writes and reads rows of a matrix as scimark's SOR does
do
  local m = {}
  for y = 1, 12 do m[y] = {} for x = 1, 12 do m[y][x] = (x * 7 + y * 3) % 11 end end
  for c = 1, 40 do
    for y = 2, 11 do
      local v, vp, vn = m[y], m[y - 1], m[y + 1]
      for x = 2, 11 do v[x] = 0.25 * ((vp[x] + vn[x]) + (v[x - 1] + v[x + 1])) end
    end
  end
  print(string.format("%.12f %.12f %.12f", m[2][2], m[6][7], m[11][11]))
end
-- expect: 4.229341898401 4.493190631844 4.776488709624

-- test: elements at a loop index plus or minus a constant, across both ends of the array part
do
  local a = {}
  for i = 1, 50 do a[i] = i * 2 end
  a[0] = -1
  local s, missing = 0, 0
  for i = 1, 60 do
    local l, r, h = a[i - 1], a[i + 1], a[i + 0.5]
    if l then s = s + l else missing = missing + 1 end
    if r then s = s + r * 3 else missing = missing + 1 end
    if h then s = s + 1000 end
  end
  for i = 2, 70 do a[i + 3] = (a[i - 2] or 0) + 1 end
  print(s, missing, a[5], a[50], a[73], #a)
end
-- expect: 10193	20	0	9	20	73

-- test: a NaN of any bits read through a pointer is a number in an array part of numbers
do
  local ffi = require("ffi")
  local box = ffi.new("uint64_t[3]", 0x7ff4000000000001ULL, 0xfff0000000000001ULL, 0x7ff8000000000000ULL)
  local d = ffi.cast("double *", box)
  local t = {}
  for i = 1, 6 do t[i] = i end
  t[2], t[4], t[6] = d[0], d[1], d[2]
  local out = {}
  for i = 1, 6 do out[#out + 1] = type(t[i]) .. tostring(t[i] ~= t[i]) end
  print(#t, table.concat(out, " "))
end
-- expect: 6	numberfalse numbertrue numberfalse numbertrue numberfalse numbertrue

-- test: an array part of numbers takes other values, nils and numbers again, slot by slot
do
  local t = {}
  for i = 1, 20 do t[i] = i * 1.5 end
  t[3], t[7], t[11] = "s", {}, false
  t[20] = nil
  t[5] = nil
  local kinds = {}
  for i = 1, 20 do kinds[#kinds + 1] = type(t[i]):sub(1, 1) end
  t[3], t[7] = 4.5, nil
  local n, s = 0, 0
  for k, v in pairs(t) do n = n + 1; if type(v) == "number" then s = s + v end end
  local m = 0
  for i, v in ipairs(t) do m = i end
  t[5] = 7.5; t[7] = 10.5; t[11] = 16.5
  print(table.concat(kinds), #t == 19 or #t == 4, n, s, m, #t, table.concat(t, ",", 1, 6))
end
-- expect: nnsnnntnnnbnnnnnnnnn	true	17	250.5	4	19	1.5,3,4.5,6,7.5,9
