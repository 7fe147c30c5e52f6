-- Calls of library functions for several results (local a, b = f(x)): each result is read
-- from the array of all of them and its type fixed; each block changes a result's type or
-- count in the middle of a compiled loop.

-- test: string.byte for four results
do
  local s = string.rep("abcdefgh", 40)
  local sum = 0
  for i = 1, #s, 4 do
    local m0, m1, m2, m3 = string.byte(s, i, i + 3)
    sum = sum + m0 + m1 * 2 + m2 * 3 + m3 * 4
  end
  print(sum)
end
-- expect: 80800

-- test: fewer results than wanted near the end of the string
do
  local s = string.rep("xyz", 30) .. "q"
  local nils, sum = 0, 0
  for i = 1, #s, 2 do
    local a, b = string.byte(s, i, i + 1)
    if b == nil then nils = nils + 1 else sum = sum + a + b end
  end
  print(nils, sum)
end
-- expect: 1	10890

-- test: a result whose type changes in the middle of the loop
do
  local t = {}
  for i = 1, 200 do t[i] = i end
  t[150] = "s"
  local found, sum = 0, 0
  for i = 1, 199, 2 do
    local ok, v = pcall(rawget, t, i + 1)
    if type(v) == "number" then sum = sum + v else found = found + 1 end
  end
  print(found, sum)
end
-- expect: 1	9950

-- test: math.modf and string.find for two and three results
do
  local ip, fp = 0, 0
  for i = 1, 300 do
    local a, b = math.modf(i / 7)
    ip = ip + a
    fp = fp + b
  end
  local positions = 0
  local text = "one two three four"
  for i = 1, 100 do
    local s, e, w = string.find(text, "(%a+)", i % #text + 1)
    positions = positions + (s or 0) + (e or 0) + #(w or "")
  end
  print(ip, string.format("%.6f", fp), positions)
end
-- expect: 6321	129.000000	2322

-- test: an error raised by the call
do
  print(pcall(function()
    local s = 0
    for i = 1, 300 do
      local a, b = string.byte(i == 250 and {} or "ab", 1, 2)
      s = s + a + b
    end
    return s
  end))
end
-- expect: false	several_results.lua:66: bad argument #1 to 'byte' (string expected, got table)

-- test: bytes taken as ints by bit operations, the index a loop's, half of one, from the end
do
  local bit = require("bit")
  local s = string.rep("\1\128\255\0xyz", 20)
  local acc, halves = 0, 0
  for i = 1, #s - 3 do
    local a, b, c, d = string.byte(s, i, i + 3)
    acc = bit.bxor(bit.rol(acc, 5), bit.bor(a, bit.lshift(b, 8), bit.lshift(c, 16), bit.lshift(d, 24)))
    halves = halves + string.byte(s, i * 0.5 + 1) + string.byte(s, -i)
  end
  print(acc, halves)
end
-- expect: 1280375878	29251
