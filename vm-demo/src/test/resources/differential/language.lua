local function fib(n) if n < 2 then return n end return fib(n-1) + fib(n-2) end
print(fib(20), 1/3, 10/2, -0.0, 1e15, 1e16, 2^53)
local t = {1,2,3,x=5}
for i,v in ipairs(t) do print(i,v) end
local fs = {}
for i=1,3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3]())
print(select('#', 1, nil, 3), select(2, 'a', 'b', 'c'))
local mt = {__add = function(a, b) return 42 end, __index = function(t, k) return k .. "!" end}
local o = setmetatable({}, mt)
print(o + 1, o.foo)
print(pcall(function() local x; return x.y end))
print(select("#", pcall(error, {})))
print(pcall(error, "msg"))
print(pcall(function() error("lvl1") end))
print(pcall(function() error("lvl2", 2) end))
local function count(n) if n == 0 then return "done" end return count(n-1) end
print(count(1000000))
goto skip
print("not printed")
::skip::
print(#"abc", "a" .. 1 .. 2.5)
print(select(-1, 1, 2, 3))
print(type(string))
-- varargs, multiple assignment, closures sharing upvalues
local function pack2(...) return select('#', ...), ... end
print(pack2(nil, nil))
local a, b, c = (function() return 1, 2, 3 end)()
print(a, b, c)
local x, y = 1
print(x, y)
local function counter()
  local n = 0
  return function() n = n + 1 return n end, function() return n end
end
local inc, get = counter()
inc() inc()
print(get())
local t = {(function() return 1, 2 end)(), (function() return 3, 4 end)()}
print(#t, t[1], t[2], t[3])
-- numeric for with float and negative steps
for i = 1, 2, 0.5 do io.write(i, ' ') end print()
for i = 3, 1, -1 do io.write(i, ' ') end print()
-- while, repeat with a local visible in the condition, break
local i = 0
while true do i = i + 1 if i > 3 then break end end
repeat local z = i; i = i - 1 until z <= 2
print(i)
-- string coercion and comparison
print("10" + 5, "3" * "4", 10 .. 20, "a" < "b", "abc" < "abd", "Z" < "a")
print(pcall(function() return {} < {} end))
print(pcall(function() return 1 < "2" end))
print(pcall(function() local q; return q.x.y end))
print(pcall(function() return undefinedglobal() end))
print(pcall(function() local s = "x"; return s + 1 end))
print(pcall(function() return #nil end))
print(pcall(function() return ("x")() end))
-- metatables
local mt = {}
mt.__eq = function() return true end
mt.__lt = function(p, q) return p.v < q.v end
mt.__le = function(p, q) return p.v <= q.v end
mt.__concat = function(p, q) return "cat" end
mt.__call = function(self, arg) return "called " .. tostring(arg) end
mt.__unm = function() return "neg" end
mt.__len = function() return 99 end
mt.__tostring = function(o) return "obj" .. o.v end
local o1, o2 = setmetatable({v = 1}, mt), setmetatable({v = 2}, mt)
print(o1 == o2, o1 < o2, o1 <= o2, o1 > o2, o1 .. "s", "s" .. o1, o1(5), -o1, #o1, tostring(o1))
local protected = setmetatable({}, {__metatable = "locked"})
print(getmetatable(protected), pcall(setmetatable, protected, {}))
local chain = setmetatable({}, {__index = setmetatable({a = 1}, {__index = {b = 2}})})
print(chain.a, chain.b, chain.c)
local log = {}
local proxy = setmetatable({}, {__newindex = function(t, k, v) rawset(t, k, v * 2) end})
proxy.x = 21
print(proxy.x, rawget(proxy, "x"))
-- goto continue
for k = 1, 3 do
  if k == 2 then goto continue end
  io.write(k, ' ')
  ::continue::
end
print()
-- integer-valued floats and number formatting
print(1e100, 123456789012, 0.1 + 0.2, -1/0, 2^31, 100 / 3, 7 % -3, -7 % 3, 5 % 0 ~= 5 % 0)
print(math.floor(-0.5), math.max(3, 7, 1), string.rep("-", 3), ("%d items"):format(3))
-- tail calls in a deep loop, and deep recursion caught as a stack overflow
local function loop(n, acc) if n == 0 then return acc end return loop(n - 1, acc + 1) end
print(loop(100000, 0))
local function deep(n) return 1 + deep(n + 1) end
local ok, msg = pcall(deep, 1)
print(ok, (string.gsub(msg, "^.-:%d+: ", "")))
local cache = setmetatable({}, {__mode = "k"})
local vals = setmetatable({}, {__mode = "v"})
do
  local key = {}
  cache[key] = "value"
  vals[1] = {}
  vals[2] = "kept"
  cache["str"] = 1
end
local keep = {}
cache[keep] = true
collectgarbage()
collectgarbage()
local n = 0 for k, v in pairs(cache) do n = n + 1 end
print(n, vals[1], vals[2], cache[keep], cache.str)
