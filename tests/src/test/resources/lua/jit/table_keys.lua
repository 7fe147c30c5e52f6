-- Constant string keys read and written in loops go straight to the hash slot where the
-- recording found them, behind a guard that the slot still holds that key. Tables of other
-- shapes, keys removed or added mid-loop (a rehash moves every slot), weak tables and keys
-- built at run time must all read and write what the interpreter does.

-- test: records of one shape, fields read and written
do
  local ps = {}
  for i = 1, 50 do ps[i] = {x = i, y = 2 * i, vx = 0} end
  for r = 1, 3 do
    for i = 1, 50 do
      local p = ps[i]
      p.vx = p.vx + p.x * 0.5
      p.y = p.y - p.vx
    end
  end
  local s = 0
  for i = 1, 50 do s = s + ps[i].y + ps[i].vx end
  print(s, ps[50].y, ps[1].vx)
end
-- expect: 637.5	-50	1.5

-- test: tables of different shapes at the same access
do
  local ts = {}
  for i = 1, 60 do
    if i % 3 == 0 then ts[i] = {a = 1, b = 2, x = i}
    elseif i % 3 == 1 then ts[i] = {x = i}
    else ts[i] = {q = 1, r = 2, s = 3, t = 4, u = 5, x = i} end
  end
  local s = 0
  for i = 1, 60 do s = s + ts[i].x; ts[i].x = -ts[i].x end
  print(s, ts[3].x, ts[4].x, ts[5].x)
end
-- expect: 1830	-3	-4	-5

-- test: a key removed, then added back, and new keys forcing a rehash mid-loop
do
  local t = {x = 1, y = 2}
  local out = {}
  for i = 1, 40 do
    if i == 10 then t.x = nil end
    if i == 20 then t.x = 5 end
    if i >= 25 and i <= 35 then t['k' .. i] = i end
    out[#out + 1] = tostring(t.x)
    t.y = t.y + 1
  end
  print(table.concat(out, ' '), t.y, t.k30)
end
-- expect: 1 1 1 1 1 1 1 1 1 nil nil nil nil nil nil nil nil nil nil 5 5 5 5 5 5 5 5 5 5 5 5 5 5 5 5 5 5 5 5 5	42	30

-- test: keys built at run time equal the constants
do
  local key = 'na' .. 'me'
  local ts = {}
  for i = 1, 30 do local t = {}; t[key] = i; ts[i] = t end
  local s = 0
  for i = 1, 30 do s = s + ts[i].name; ts[i].name = i * 2 end
  print(s, ts[30].name, ts[30][key])
end
-- expect: 465	60	60

-- test: weak-valued tables keep their values weak
do
  local t = setmetatable({v = {}}, {__mode = 'v'})
  local w = {}
  for i = 1, 30 do w[i] = {}; t.v = w[i] end
  print(t.v == w[30])
end
-- expect: true

-- test: a table given a metatable mid-loop
do
  local ts = {}
  for i = 1, 40 do ts[i] = {x = i} end
  local s = 0
  for i = 1, 40 do
    if i == 20 then setmetatable(ts[30], {__newindex = function(t, k, v) rawset(t, k, v * 100) end}) end
    ts[i].y = i
    s = s + ts[i].x
  end
  print(s, ts[30].y, ts[10].y)
end
-- expect: 820	3000	10

-- test: elements at constant indices read and written in a loop, the values and the table changing under them
do
  local v = {1.5, 2.5, 3.5}
  local w = {}
  local s = 0
  for i = 1, 300 do
    s = s + v[1] * v[2] - v[3]
    v[2] = v[2] + 1
    w[1] = i
    if i == 100 then v[3] = "7" end
    if i == 150 then v[3] = 3.5 end
    if i == 200 then v = {[1] = 1, [2] = 2, [3] = 3, x = 1} end
    if i == 250 then v = setmetatable({}, {__index = function(t, k) return k end}) end
  end
  print(s, w[1], v[1], v[2])
end
-- expect: 32075	300	1	52

-- test: elements at computed number keys read and written in a while loop: integral keys in the array part, keys past it, fractional, negative, zero and -0 keys in the hash part
do
  local a = {}
  for i = 1, 16 do a[i] = i * 10 end
  a[0] = 5
  a[1.5] = 7
  a[-3] = 9
  local j, s, n = 0, 0, 0
  while j < 400 do
    local k = (j % 23) - 3
    if j % 5 == 0 then k = k + 0.5 end
    if j % 7 == 0 then k = -0.0 * j end
    local v = a[k]
    if v then s = s + v; n = n + 1 end
    a[k] = (v or 0) + 1
    j = j + 1
  end
  print(s, n, a[0], a[1], a[16], a[17], a[19], a[-3], a[1.5], a[-2.5], #a)
end
-- expect: 20486	373	76	23	171	11	11	21	10	3	19

-- test: a computed key that is NaN or out of the int range, read and written in a compiled loop
do
  local a = {1, 2, 3}
  local big = 2 ^ 31
  local j, s = 1, 0
  while j <= 200 do
    local k = j <= 100 and (j % 3) + 1 or big + j % 2
    s = s + (a[k] or 0)
    a[k] = j
    j = j + 1
  end
  local nan = 0 / 0
  local ok, err = pcall(function()
    local i = 1
    while i <= 100 do
      local k = i < 60 and 1 or nan
      a[k] = a[k] and i or -i
      i = i + 1
    end
  end)
  print(s, a[1], a[2], a[3], a[big], a[big + 1], ok, (tostring(err):gsub("^.-:%d+: ", "")))
end
-- expect: 19410	59	100	98	200	199	false	table index is NaN
