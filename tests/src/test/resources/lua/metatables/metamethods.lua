-- Every Lua 5.1 metamethod, with LuaJIT's rules for which ones apply where.

-- test: __index table chain
do
  local base = {greet = "hi"}
  local mid = setmetatable({}, {__index = base})
  local obj = setmetatable({}, {__index = mid})
  print(obj.greet, rawget(obj, "greet"), obj.missing)
end
-- expect: hi	nil	nil

-- test: __index function receives table and key
do
  local t = setmetatable({}, {__index = function(t, k) return k .. "!" end})
  print(t.a, t[1], rawget(t, "a"))
end
-- expect: a!	1!	nil

-- test: __index is not consulted for present keys
do
  local t = setmetatable({x = 1}, {__index = function() return "meta" end})
  print(t.x, t.y)
end
-- expect: 1	meta

-- test: __newindex function intercepts new keys only
do
  local log = {}
  local t = setmetatable({old = 1}, {__newindex = function(t, k, v) log[#log + 1] = k; rawset(t, k, v * 2) end})
  t.old = 5
  t.new = 5
  t.new = 7
  print(t.old, t.new, table.concat(log, ","))
end
-- expect: 5	7	new

-- test: __newindex table redirects assignment
do
  local store = {}
  local t = setmetatable({}, {__newindex = store})
  t.a = 1
  print(rawget(t, "a"), store.a)
end
-- expect: nil	1

-- test: __newindex chain through tables with metatables
do
  local final = {}
  local mid = setmetatable({}, {__newindex = final})
  local t = setmetatable({}, {__newindex = mid})
  t.k = "v"
  print(rawget(t, "k"), rawget(mid, "k"), final.k)
end
-- expect: nil	nil	v

-- test: __call with arguments
do
  local callable = setmetatable({}, {__call = function(self, a, b) return a + b, self end})
  local sum, self = callable(2, 3)
  print(sum, self == callable)
end
-- expect: 5	true

-- test: __concat on either side
do
  local mt = {__concat = function(a, b)
    local function s(x) return type(x) == "table" and "T" or tostring(x) end
    return s(a) .. "+" .. s(b)
  end}
  local t = setmetatable({}, mt)
  print(t .. "x", "x" .. t, 1 .. t, t .. t)
end
-- expect: T+x	x+T	1+T	T+T

-- test: __concat in a chain is applied right to left
do
  local mt = {__concat = function(a, b) return "(" .. tostring(type(a) == "table" and "T" or a) .. "|" .. tostring(type(b) == "table" and "T" or b) .. ")" end}
  local t = setmetatable({}, mt)
  print("a" .. "b" .. t .. "c")
end
-- expect: ab(T|c)

-- test: __len is not honoured for tables
do
  local t = setmetatable({1, 2}, {__len = function() return 99 end})
  print(#t)
end
-- expect: 2

-- test: __eq is called only for two tables with the same handler
do
  local mt = {__eq = function(a, b) return true end}
  local a, b = setmetatable({}, mt), setmetatable({}, mt)
  print(a == b, a ~= b, a == 1, rawequal(a, b))
end
-- expect: true	false	false	false

-- test: __eq is not called for the same object
do
  local calls = 0
  local mt = {__eq = function() calls = calls + 1 return false end}
  local a = setmetatable({}, mt)
  print(a == a, calls)
end
-- expect: true	0

-- test: __eq with different handlers is false
do
  local a = setmetatable({}, {__eq = function() return true end})
  local b = setmetatable({}, {__eq = function() return true end})
  print(a == b)
end
-- expect: false

-- test: __lt and __le
do
  local mt = {}
  mt.__lt = function(a, b) return a.v < b.v end
  mt.__le = function(a, b) return a.v <= b.v end
  local x, y = setmetatable({v = 1}, mt), setmetatable({v = 2}, mt)
  print(x < y, x > y, x <= y, x >= y, y <= y)
end
-- expect: true	false	true	false	true

-- test: __le falls back to not __lt with swapped operands
do
  local mt = {__lt = function(a, b) return a.v < b.v end}
  local x, y = setmetatable({v = 1}, mt), setmetatable({v = 2}, mt)
  print(x <= y, y <= x)
end
-- expect: true	false

-- test: comparing tables without __lt is an error
do
  print(pcall(function() return {} < {} end))
end
-- expect: false	metamethods.lua:135: attempt to compare two table values

-- test: __unm
do
  local t = setmetatable({v = 3}, {__unm = function(a) return -a.v * 10 end})
  print(-t)
end
-- expect: -30

-- test: arithmetic metamethods
do
  local mt = {}
  local function V(v) return setmetatable({v = v}, mt) end
  local function val(x) return type(x) == "table" and x.v or x end
  mt.__add = function(a, b) return val(a) + val(b) end
  mt.__sub = function(a, b) return val(a) - val(b) end
  mt.__mul = function(a, b) return val(a) * val(b) end
  mt.__div = function(a, b) return val(a) / val(b) end
  mt.__mod = function(a, b) return val(a) % val(b) end
  mt.__pow = function(a, b) return val(a) ^ val(b) end
  local a = V(7)
  print(a + 1, 1 + a, a - 2, a * a, a / 2, a % 4, a ^ 2)
end
-- expect: 8	8	5	49	3.5	3	49

-- test: arithmetic metamethod of the right operand
do
  local mt = {__add = function(a, b) return "right " .. tostring(b == nil) end}
  local t = setmetatable({}, mt)
  print(5 + t)
end
-- expect: right false

-- test: arithmetic on string operand with metamethod
do
  local mt = {__add = function(a, b) return "meta" end}
  local t = setmetatable({}, mt)
  print(t + "1", "10" + 1)
end
-- expect: meta	11

-- test: __tostring used by tostring and print
do
  local t = setmetatable({}, {__tostring = function() return "custom" end})
  print(t, tostring(t))
end
-- expect: custom	custom

-- test: __tostring returning a non-string
do
  local t = setmetatable({}, {__tostring = function() return 42 end})
  print(pcall(tostring, t))
end
-- expect: true	42

-- test: __metatable protects the metatable
do
  local t = setmetatable({}, {__metatable = "locked"})
  print(getmetatable(t))
  print(pcall(setmetatable, t, {}))
end
-- expect: locked
-- expect: false	cannot change a protected metatable

-- test: __mode k and v tables work as tables
do
  local weak = setmetatable({}, {__mode = "k"})
  local key = {}
  weak[key] = 1
  print(weak[key], getmetatable(weak).__mode)
end
-- expect: 1	k

-- test: weak values are collected
do
  local cache = setmetatable({}, {__mode = "v"})
  cache[1] = {}
  cache[2] = "strings stay"
  collectgarbage()
  collectgarbage()
  print(cache[1], cache[2])
end
-- expect: nil	strings stay

-- test: __index on strings is the string table
do
  local mt = getmetatable("")
  print(mt.__index == string, ("abc"):len())
end
-- expect: true	3

-- test: metatable lookup uses raw access
do
  local mt = setmetatable({}, {__index = function() return function() return "inherited" end end})
  local t = setmetatable({}, mt)
  print(pcall(function() return t() end))
end
-- expect: false	metamethods.lua:232: attempt to call upvalue 't' (a table value)

-- test: setmetatable returns its table and nil removes it
do
  local t = {}
  print(setmetatable(t, {}) == t)
  setmetatable(t, nil)
  print(getmetatable(t))
end
-- expect: true
-- expect: nil

-- test: rawset and rawget bypass metamethods
do
  local t = setmetatable({}, {__index = function() return 1 end, __newindex = function() error("no") end})
  rawset(t, "a", 2)
  print(rawget(t, "a"), rawget(t, "b"), t.b)
end
-- expect: 2	nil	1

-- test: rawequal ignores __eq
do
  local mt = {__eq = function() return true end}
  print(rawequal(setmetatable({}, mt), setmetatable({}, mt)), rawequal("a", "a"))
end
-- expect: false	true

-- test: __index depth in a class hierarchy
do
  local Animal = {}
  Animal.__index = Animal
  function Animal.new(name) return setmetatable({name = name}, Animal) end
  function Animal:speak() return self.name .. " makes a sound" end
  local Dog = setmetatable({}, {__index = Animal})
  Dog.__index = Dog
  function Dog.new(name) return setmetatable(Animal.new(name), Dog) end
  function Dog:speak() return self.name .. " barks" end
  print(Animal.new("cat"):speak(), Dog.new("rex"):speak(), Dog.new("a").new == Dog.new)
end
-- expect: cat makes a sound	rex barks	true

-- test: __call on a non-function value in __index
do
  local t = setmetatable({}, {__index = 5})
  print(pcall(function() return t.x end))
end
-- expect: false	metamethods.lua:278: attempt to index a number value
