-- Library functions on numbers inside compiled loops: math.* and bit.* run as their numeric
-- forms (pure arithmetic the trace can share, hoist and fold), and must give what the
-- library gives, edge values included; replacing one mid-loop is seen at once.

-- test: math functions on a range of values
do
  local s = 0
  for i = -50, 50 do
    local x = i / 7
    s = s + math.floor(x) + math.ceil(x) + math.abs(x) + math.sqrt(math.abs(x)) + math.fmod(i, 7)
      + math.sin(x) + math.exp(x / 10) + math.atan2(x, 3) + math.pow(1.5, x / 10)
  end
  print(string.format("%.10f", s))
end
-- expect: 757.4171245306

-- test: min and max keep the later argument unless the earlier is strictly smaller or larger (NaN included)
do
  local nan = 0/0
  local out = {}
  local values = {1, nan, -0.0, 0.0, 2, nan, 1}
  for i = 1, #values - 1 do
    out[#out + 1] = tostring(math.min(values[i], values[i + 1])) .. "/" .. tostring(math.max(values[i], values[i + 1]))
  end
  print(table.concat(out, " "))
  print(math.min(1, nan), math.max(nan, 1), math.min(nan, 1), math.max(1, nan), math.min(3, 1, 2), math.max(1, 3, 2))
end
-- expect: nan/nan -0/-0 0/0 0/2 nan/nan 1/1
-- expect: nan	1	1	nan	1	3

-- test: bit operations on numbers that do not fit 32 bits, shift counts past 31
do
  local acc = 0
  for i = 1, 100 do
    local x = i * 123456789.5 + 2^40
    acc = bit.bxor(acc, bit.band(x, 0xffff), bit.lshift(i, i), bit.rshift(-i, i + 3), bit.arshift(-i, 33), bit.rol(x, i), bit.tobit(x))
  end
  print(acc, bit.tohex(acc))
end
-- expect: 19790469	012dfa85

-- test: a library function replaced in the middle of a loop
do
  local s = 0
  for i = 1, 100 do
    if i == 60 then math.floor = function(x) return 1000 end end
    s = s + math.floor(i / 2)
  end
  print(s)
end
-- expect: 41870

-- test: a function value that stops being the library's own
do
  local f = math.sqrt
  local s = 0
  for i = 1, 100 do
    if i == 40 then f = math.abs end
    s = s + f(i)
  end
  print(string.format("%.6f", s))
end
-- expect: 4435.291233

-- test: a metatable set by a call inside the loop is seen by the next read
do
  local t = {}
  for i = 1, 100 do t[i] = i end
  local s = 0
  for i = 1, 100 do
    s = s + (t[i + 100] or 0) + t[i]
    if i == 50 then setmetatable(t, {__index = function(_, k) return 1 end}) end
  end
  print(s)
end
-- expect: 5100

-- test: a library function with a string argument takes the general path, coercion included
do
  local s = 0
  for i = 1, 100 do
    local v = i % 10 == 0 and tostring(i) or i
    s = s + math.floor(v / 3) + math.max(v, 20)
  end
  print(s)
end
-- expect: 6890

-- test: bit.bor, bxor and band on more than two numbers, and on a 64-bit cdata among them
do
  local bit = require("bit")
  local s = 0
  for i = 1, 500 do
    s = s + bit.bor(i, 3, 64) + bit.bxor(i, 0xff, i * 3, 7) + bit.band(-1, i, 0x3f0) + bit.band(i)
    if i == 400 then s = s + bit.bor(i, 2^33 + 5, 1) + tonumber(bit.bor(i, 1ULL, 2)) end
  end
  print(s, bit.bor(1, 2, 4, 8, 16), bit.bxor(1.5, 2, 3), pcall(bit.bor, 1, "x", 3))
end
-- expect: 766434	31	3	false	bad argument #2 to '?' (number expected, got string)

-- test: string.byte with a fixed number of bytes read by the trace, at the ends of the string and past them
do
  local s = "The quick brown fox jumps over the lazy dog"
  local sum, nils, odd = 0, 0, 0
  for i = 1, #s + 4 do
    local a, b, c, d = string.byte(s, i, i + 3)
    sum = sum + (a or 0) + (b or 0) * 2 + (c or 0) * 3 + (d or 0) * 5
    if not d then nils = nils + 1 end
    local one = s:byte(i)
    if one and one % 2 == 1 then odd = odd + 1 end
    local x, y = string.byte(s, i + 0.5, i + 0.5)
    if x then odd = odd + 100 end
  end
  local t = {}
  for i = 1, 200 do t[#t + 1] = string.byte(i % 3 == 0 and "xyz" or "abc", i % 3 + 1) end
  print(sum, nils, odd, #t, t[1], t[2], t[3], t[200], string.byte("A"), select("#", string.byte("AB", 1, 2)))
end
-- expect: 42450	7	4319	200	98	99	120	99	65	2

-- test (luajit -joff): math.sqrt, abs, floor, ceil, min and max in a loop, on zeros, infinities and NaN
do
  local nan, inf = 0/0, math.huge
  local xs = {1, -1, 0, -0, 2.5, -2.5, nan, inf, -inf, 1e300, 3}
  local out = {}
  for r = 1, 3 do
    for i = 1, #xs do
      for j = 1, #xs do
        local x, y = xs[i], xs[j]
        if r == 3 then
          out[#out + 1] = string.format("%s %s %s %s", tostring(math.min(x, y)), tostring(math.max(x, y)),
            tostring(1 / math.min(x, y)), tostring(1 / math.max(x, y)))
        end
      end
      local x = xs[i]
      if r == 3 then
        out[#out + 1] = string.format("%s %s %s %s %s", tostring(math.sqrt(x)), tostring(math.abs(x)), tostring(math.floor(x)),
          tostring(math.ceil(x)), tostring(1 / math.abs(x)))
      end
    end
  end
  local h = 0
  for _, s in ipairs(out) do for k = 1, #s do h = (h * 31 + s:byte(k)) % 1000000007 end end
  print(#out, h, out[40], out[77], out[#out])
end
-- expect: 132	989409195	-0 -0 -inf -inf	2.5 2.5 0.4 0.4	1.7320508075689 3 3 3 0.33333333333333
