-- Bit operations in compiled loops work on 32-bit integers: their arguments converted by
-- tobit unless they are integers already (a loop's index, another bit operation's result).
-- Each block mixes values whose conversion matters: fractions, negatives, numbers past 2^31,
-- NaN and infinities, shift counts past 31.

-- test: every operation on a loop's index and on numbers that are no integers
do
  local bit = require("bit")
  local acc = {}
  for i = 1, 200 do
    local x = i * 1234567 - 99999
    local y = i + 0.5
    acc[1] = bit.bxor(acc[1] or 0, bit.band(x, 0xffff), bit.bor(i, y))
    acc[2] = bit.bxor(acc[2] or 0, bit.lshift(x, i), bit.rshift(x, i), bit.arshift(-x, i))
    acc[3] = bit.bxor(acc[3] or 0, bit.rol(x, i), bit.ror(x, -i), bit.bnot(i), bit.bswap(x))
    acc[4] = bit.bxor(acc[4] or 0, bit.tobit(y * 2^31), bit.tobit(-y))
  end
  print(acc[1], acc[2], acc[3], acc[4])
end
-- expect: 5164	-1951554581	1209298381	0

-- test: numbers past 32 bits, NaN and infinities reach a compiled bit operation
do
  local bit = require("bit")
  local values = {2^32 + 5, -2^31, 2^31, 2^52 + 3, 2^53, -0.0, 1/0, -1/0, 0/0, 4294967295.5, -1.5, 2.5}
  local out = {}
  for r = 1, 30 do
    for j = 1, #values do
      local v = values[j]
      out[j] = bit.tobit(v) + bit.band(v, v) + bit.lshift(v, 1) + bit.rshift(v, 33)
    end
  end
  print(table.concat(out, " "))
end
-- expect: 22 -3221225472 -3221225472 9 0 0 0 0 0 0 2147483639 9

-- test: a bit operation's result as a table index, a loop's start and a cdata-free sieve
do
  local bit = require("bit")
  local band, bor, rshift, lshift = bit.band, bit.bor, bit.rshift, bit.lshift
  local p = {}
  for i = 0, 100 do p[i] = -1 end
  local count = 0
  for i = 2, 3000 do
    if band(rshift(p[rshift(i, 5)], i), 1) ~= 0 then
      count = count + 1
      for j = i + i, 3000, i do
        local jx = rshift(j, 5)
        p[jx] = band(p[jx], bit.rol(-2, j))
      end
    end
  end
  local s = 0
  for k = lshift(1, 4), bor(lshift(1, 5), 3) do s = s + k end
  for k = band(-1, 7), 0, -1 do s = s + k end
  print(count, s, p[3], p[93])
end
-- expect: 430	538	-2147342174	-25165824

-- test: a bit operation's result carried around the loop as an int, read again by the next iteration's bit operations and arithmetic
do
  local bit = require("bit")
  local bxor, lshift, rshift, band, bor, bnot = bit.bxor, bit.lshift, bit.rshift, bit.band, bit.bor, bit.bnot
  local x, s = 2463534242, 0
  for i = 1, 3000 do
    x = bxor(x, lshift(x, 13)); x = bxor(x, rshift(x, 17)); x = bxor(x, lshift(x, 5))
    s = s + band(x, 255) + x % 7
  end
  local steps, j = 0, 27
  for len = 1, 1000 do
    j = bor(band(rshift(j, 1), band(j, 1) - 1), band(lshift(j, 1) + j + 1, bnot(band(j, 1) - 1)))
    steps = len
    if j == 1 then break end
  end
  print(x, s, steps, j)
end
-- expect: 243850383	384577	111	1
