-- Closures, upvalues, varargs, scoping and control flow, compared with LuaJIT.
local function counter()
  local n = 0
  return function() n = n + 1 return n end, function() n = n - 1 return n end, function() return n end
end
local inc, dec, get = counter()
inc() inc() inc() dec()
print(get())
local fs = {}
for i = 1, 3 do
  local j = i * 10
  fs[#fs + 1] = function() return i, j end
end
for k = 1, 3 do print(fs[k]()) end
local ws = {}
local w = 0
while w < 3 do
  w = w + 1
  local captured = w
  ws[w] = function() return captured end
end
print(ws[1](), ws[2](), ws[3]())
local rs = {}
local r = 0
repeat
  r = r + 1
  local c = r
  rs[r] = function() c = c + 100 return c end
until c >= 3
print(rs[1](), rs[1](), rs[3]())
local gen = {}
for k, v in pairs({a = 1}) do gen[1] = function() return k, v end end
print(gen[1]())
local function outer()
  local x = 1
  local function mid()
    local function inner() x = x + 1 return x end
    return inner
  end
  return mid(), function() return x end
end
local bump, read = outer()
bump() bump()
print(read())
local function va(...)
  local a, b = ...
  local t = {...}
  local n = select('#', ...)
  return n, a, b, #t, (select(n > 0 and n or 1, ...))
end
print(va()) print(va(nil)) print(va(1, nil, 3)) print(va(nil, nil))
print((va(1, 2)))
local function pass(...) return ... end
print(pass(1, pass(2, 3), pass(4, 5)))
print(({pass(1, 2, 3)})[3], #{pass(1, 2, 3)}, #{pass(1, 2, 3), 4})
local function tail(n, ...) if n == 0 then return select('#', ...), ... end return tail(n - 1, n, ...) end
print(tail(5))
local a, b, c = (function() return 1, 2, 3 end)()
local d, e = ((function() return 1, 2 end)())
print(a, b, c, d, e)
local x, y = 1, 2
x, y = y, x
print(x, y)
local t = {}
local i = 1
i, t[i] = i + 1, 20
print(i, t[1], t[2])
do local shadow = 1 do local shadow = 2 print(shadow) end print(shadow) end
for i = 10, 1, -3 do io.write(i, " ") end print()
for i = 1, 0 do print("never") end
for i = 1.0, 2.0, 0.25 do io.write(i, " ") end print()
local n = 0
for _ in pairs({1, 2, 3, x = 4, y = 5}) do n = n + 1 end
print(n)
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then goto continue end
    if i == 3 then goto done end
    io.write(i, j, " ")
    ::continue::
  end
end
::done::
print()
print(type(nil), type(print), type(io.stdout), type(coroutine.create(print)), not nil, not 0, nil == false)
print(1 and 2, nil and 1, false or "x", nil or false, 1 or error("no"), (nil or 0) + 1)
print(2^3^2, -2^2, (-2)^2, 1 .. 2 .. 3, "a" .. "b" == "ab")
