-- A call's results passed on whole (f(g(x)), return g(x)): the call that takes them reads
-- the interpreter's top, which no snapshot holds, so its guards leave before the call that
-- produced them. Each block changes what the compiled code assumed at the taking call.

-- test: a library call's result as the last argument of another
do
  local bit = require("bit")
  local band, rol = bit.band, bit.rol
  local s = 0
  for i = 1, 300 do s = s + band(i * 7, rol(-2, i)) end
  print(s)
end
-- expect: 305430

-- test: the taking function replaced in the middle of the loop
do
  local bit = require("bit")
  local f, rol = bit.band, bit.rol
  local s = 0
  for i = 1, 300 do
    if i == 150 then f = bit.bor end
    s = s + f(i, rol(1, i % 7))
  end
  print(s)
end
-- expect: 36769

-- test: a Lua function's several results passed on to a library function and to a Lua function
do
  local function two(x) return x, x + 1 end
  local function sum3(a, b, c) return a + b + (c or 100) end
  local t, u = 0, 0
  for i = 1, 300 do
    t = t + math.max(two(i))
    u = u + sum3(i, two(i))
  end
  print(t, u)
end
-- expect: 45450	135750

-- test: results passed through a return of open results
do
  local function two(x) return x * 2, x * 3 end
  local function pass(x) return x, two(x) end
  local s = 0
  for i = 1, 300 do
    local a, b, c = pass(i)
    s = s + a + b * c
  end
  print(s)
end
-- expect: 54315450

-- test: the producer's results change in number in the middle of the loop
do
  local function some(x)
    if x > 200 then return x end
    return x, 1
  end
  local n = 0
  for i = 1, 300 do n = n + select("#", some(i)) end
  print(n)
end
-- expect: 500

-- test: an error in the taking call
do
  local bit = require("bit")
  local ok, err = pcall(function()
    local s = 0
    for i = 1, 300 do
      local v = i == 250 and "x" or i
      s = s + bit.band(v, bit.rol(1, i % 5))
    end
    return s
  end)
  print(ok, (tostring(err):gsub("^.-:%d+: ", "")))
end
-- expect: false	bad argument #1 to 'band' (number expected, got string)
