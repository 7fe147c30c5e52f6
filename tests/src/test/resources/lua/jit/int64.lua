-- 64-bit integer cdata in compiled loops: kept as JVM longs, with LuaJIT's wrap-around
-- results, made cdata again only where they escape (a table, a call, a return, an exit).
-- Each block leaves the loop or one of its branches with the value live.

-- test: a signed sum and an unsigned product that wrap
do
  local x, h = 0LL, 14695981039346656037ULL
  for i = 1, 300 do
    x = x + i * 1000000007
    h = (h + i) * 1099511628211ULL
  end
  print(x, h)
  local m = 9223372036854775807LL
  for i = 1, 100 do m = m + 1 end
  print(m)
end
-- expect: 45150000316050LL	3864992328068732495ULL
-- expect: -9223372036854775709LL

-- test: ffi.new of int64_t and uint64_t, mixed in one operation (unsigned wins)
do
  local ffi = require("ffi")
  local a = ffi.new("int64_t", -5)
  local b = ffi.new("uint64_t", 3)
  local s = 0LL
  for i = 1, 200 do
    a = a - 1
    b = b * 2 + a
  end
  print(a, b, a + b, type(a), ffi.istype("uint64_t", b))
end
-- expect: -205LL	207ULL	2ULL	cdata	true

-- test: division, modulo and power with LuaJIT's results for zero divisors and negative exponents
do
  local t = {}
  local q, r, p = 0LL, 0LL, 0LL
  for i = -100, 100 do
    q = q + (1000000LL * i) / (i % 7)
    r = r + (-1000003LL * i) % (i % 5)
    p = p + (i * 1LL) ^ (i % 4 - 1)
  end
  print(q, r, p)
  local uq = 0ULL
  for i = 1, 100 do uq = uq + (0ULL - i) / (i % 3) end
  print(uq)
end
-- expect: -9223372036814375807LL	-9223372036854775807LL	-9223372036854609109LL
-- expect: 18446744073709549066ULL

-- (Not a negative number to uint64_t: LuaJIT's compiled code and interpreter disagree there.)
-- test: numbers converted as LuaJIT converts them (truncated, 2^63 and NaN to INT64_MIN)
do
  local s, u, big = 0LL, 0ULL, 0LL
  for i = 1, 100 do
    s = s + (i + 0.75) - (-i - 0.5)
    u = u + (i + 0.5) * 3
    big = 2^63 + big * 0
  end
  print(s, u, big, 0 / 0 + 0LL)
end
-- expect: 10100LL	15250ULL	-9223372036854775808LL	-9223372036854775808LL

-- test: comparisons with numbers and between kinds, signed and unsigned
do
  local n, m, e = 0, 0, 0
  local x, u = -50LL, 0ULL
  for i = 1, 200 do
    x = x + 1
    u = u - 1
    if x < 0 then n = n + 1 end
    if x <= i * 1LL then m = m + 1 end
    if u > 100 then m = m + 1 end
    if x == 7 then e = e + 1 end
    if not (x ~= 8LL) then e = e + 10 end
  end
  print(n, m, e, x, u)
end
-- expect: 49	400	11	150LL	18446744073709551416ULL

-- test: the value escapes into a table, a call, a string and a return
do
  local t, keys = {}, {}
  local function id(v) return v end
  local function grow(v, k) return v * k end
  local s = ""
  local x = 1LL
  for i = 1, 100 do
    x = grow(x, 3) % 1000003
    t[i] = x
    t.last = -x
    keys[x] = i
    s = tostring(id(x))
  end
  local n = 0
  for k, v in pairs(keys) do n = n + 1 end
  print(t[1], t[50], t[100], t.last, s, n, #t, type(t[7]))
end
-- expect: 3LL	718524LL	189751LL	-189751LL	189751LL	100	100	cdata

-- test: exits with the value live: the interpreter and side traces read and print it
do
  local x = 0LL
  local seen = {}
  for i = 1, 300 do
    x = x * 3 + i
    if i % 50 == 0 then seen[#seen + 1] = tostring(x) end
    if i % 97 == 0 then x = x / 5 end
  end
  print(x, table.concat(seen, " "))
  local y = 7ULL
  local i = 0
  while true do
    i = i + 1
    y = y * 5 + 1
    if i > 250 and y % 8 == 3 then break end
  end
  print(i, y)
end
-- expect: -7712409841300539285LL	-75254544950990147LL -5981716648943496272LL 8959957334092033277LL -8183198802827501021LL -2211723183576401064LL -7712409841300539285LL
-- expect: 252	4660511155796314267ULL

-- test: truth, not, negation and a register that changes between a number and an int64
do
  local a, b, c = 0, 0, nil
  local x = 5LL
  for i = 1, 200 do
    x = -x
    if x then a = a + 1 end
    if not x then b = b + 1 end
    c = x and x + 1 or 0
  end
  print(a, b, c, x)
  local v = 0
  for i = 1, 200 do
    if i == 100 then v = 0LL end
    v = v + 1
  end
  print(v)
end
-- expect: 200	0	6LL	5LL
-- expect: 101LL

-- test: errors raised on int64 values in compiled loops keep the interpreter's message
do
  local x = 1LL
  local ok, err = pcall(function()
    for i = 1, 300 do
      x = x + i
      if i == 250 then x = x + {} end
    end
  end)
  print(ok, x, (err:gsub("^[^:]*:%d+: ", "")))
  local ok2, err2 = pcall(function()
    local s = 0LL
    for i = 1, 300 do s = s + (i < 280 and i or "z") end
  end)
  print(ok2, (err2:gsub("^[^:]*:%d+: ", "")))
end
-- expect: false	31376LL	attempt to perform arithmetic on 'int64_t' and 'table'
-- expect: false	attempt to perform arithmetic on 'int64_t' and 'string'

-- test: an int64 carried by a loop whose kind changes from signed to unsigned
do
  local x = 1LL
  for i = 1, 200 do
    if i == 120 then x = x + 0ULL end
    x = x * 3
  end
  print(x)
end
-- expect: 6627890308811632801ULL
