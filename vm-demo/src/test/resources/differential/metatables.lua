-- Metamethods and their rules (Lua 5.1 manual 2.8), compared with LuaJIT.
local log = {}
local function note(s) log[#log + 1] = s end
local V = {}
V.__index = V
V.__add = function(a, b) note("add") return setmetatable({v = (type(a) == "table" and a.v or a) + (type(b) == "table" and b.v or b)}, V) end
V.__sub = function(a, b) return setmetatable({v = a.v - b.v}, V) end
V.__mul = function(a, b) return setmetatable({v = a.v * (type(b) == "number" and b or b.v)}, V) end
V.__div = function(a, b) return "div" end
V.__mod = function(a, b) return "mod" end
V.__pow = function(a, b) return "pow" end
V.__unm = function(a) return setmetatable({v = -a.v}, V) end
V.__eq = function(a, b) note("eq") return a.v == b.v end
V.__lt = function(a, b) note("lt") return a.v < b.v end
V.__le = function(a, b) note("le") return a.v <= b.v end
V.__concat = function(a, b) return (type(a) == "table" and "V" .. a.v or a) .. "&" .. (type(b) == "table" and "V" .. b.v or b) end
V.__call = function(self, x, y) return self.v + x + (y or 0) end
V.__tostring = function(self) return "V(" .. self.v .. ")" end
function V.new(v) return setmetatable({v = v}, V) end
function V:double() return V.new(self.v * 2) end
local a, b = V.new(3), V.new(4)
print(tostring(a + b), tostring(a + 1), tostring(1 + a), tostring(b - a), tostring(a * 2), a / b, a % b, a ^ b, tostring(-a))
print(a == b, a == V.new(3), a ~= b, a < b, a <= b, a > b, a >= b, table.concat(log, ","))
print(a .. b, a .. "s", "s" .. a, 1 .. a, a(1), a(1, 2), tostring(a:double()))
print(rawequal(a, V.new(3)), a == 3, 3 == a)
-- __le falls back to not __lt(b, a)
local W = {__lt = function(x, y) return x.n < y.n end}
local w1, w2 = setmetatable({n = 1}, W), setmetatable({n = 2}, W)
print(w1 <= w2, w2 <= w1)
-- different metamethods: comparison fails
local other = setmetatable({v = 1}, {__lt = function() return true end})
print(pcall(function() return a < other end))
-- __index / __newindex chains and rawget/rawset
local base = {greet = function() return "hi" end}
local mid = setmetatable({}, {__index = base})
local obj = setmetatable({}, {__index = mid})
print(obj.greet(), rawget(obj, "greet"), obj.missing)
local store = {}
local proxy = setmetatable({}, {__index = store, __newindex = store})
proxy.x = 10
print(rawget(proxy, "x"), store.x, proxy.x)
local counter = setmetatable({}, {__index = function(t, k) local v = k * 2 rawset(t, k, v) return v end})
print(counter[5], rawget(counter, 5), counter[6])
-- __newindex only for absent keys
local seen = {}
local guarded = setmetatable({present = 1}, {__newindex = function(t, k, v) seen[#seen + 1] = k rawset(t, k, v) end})
guarded.present = 2 guarded.fresh = 3 guarded.fresh = 4
print(guarded.present, guarded.fresh, table.concat(seen, ","))
-- __metatable protection
local locked = setmetatable({}, {__metatable = false})
print(getmetatable(locked), pcall(setmetatable, locked, nil))
print(getmetatable("abc").__index == string, ("x"):upper())
-- __len is not used for tables in Lua 5.1/LuaJIT, __index with rawlen-like behaviour
print(#setmetatable({1, 2, 3}, {__len = function() return 99 end}))
-- tostring with __tostring returning non-string
print(pcall(tostring, setmetatable({}, {__tostring = function() return 42 end})))
print(type(tostring(setmetatable({}, {__tostring = function() return {} end}))))
print(pcall(print, setmetatable({}, {__tostring = function() return {} end})))
