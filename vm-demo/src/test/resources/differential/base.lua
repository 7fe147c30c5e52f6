-- The base library, compared with LuaJIT.
print(tonumber("10", 2), tonumber("ff", 16), tonumber("FF", 16), tonumber("z", 36), tonumber("8", 8), tonumber("  11  ", 2), tonumber("1.5", 10))
print(tonumber("-ff", 16), tonumber(""), tonumber(" "), tonumber("0x"), tonumber("1e1"), tonumber(" 0x1p-2 "), tonumber(nil), tonumber(true))
print(pcall(tonumber, "10", 1), pcall(tonumber, "10", 37))
print(select(-2, "a", "b", "c"), select(2, "a", "b", "c"), select("#"), pcall(select, -5, 1))
print(unpack({1, 2, 3}), unpack({1, 2, 3}, 2), unpack({1, 2, 3}, 2, 5), unpack({}, 1, 0))
print(rawequal(1, 1.0), rawequal("a", "a"), rawequal({}, {}), rawlen == nil, rawget({10}, 1))
local env = {print = print, x = "from env"}
local function show() return x end
setfenv(show, env)
print(show(), getfenv(show) == env, getfenv(print) == _G, getfenv(0) == _G, getfenv() == _G)
local chunks = {"return ", "1 + ", "41"}
local i = 0
local f = load(function() i = i + 1 return chunks[i] end)
print(f(), load("syntax error here"))
print(loadstring("return ...")(1, 2, 3))
package.preload["virtual.mod"] = function(name) return {name = name, value = 42} end
local m = require("virtual.mod")
print(m.name, m.value, require("virtual.mod") == m, package.loaded["virtual.mod"] == m)
print(pcall(require, "surely.not.a.module") == false)
print(type(_G), _G._G == _G, _VERSION, type(collectgarbage("count")), collectgarbage("step"), collectgarbage())
local t = setmetatable({}, {__index = function(_, k) return k .. "!" end})
print(t.a, rawget(t, "a"), next({}), type(next), next({5}))
local keys = {}
for k in pairs({10, 20, 30}) do keys[#keys + 1] = k end
print(table.concat(keys, ","))
local ok, err = pcall(error, setmetatable({}, {__tostring = function() return "custom error" end}))
print(ok, tostring(err))
print(xpcall(function() error("inner") end, function(m) return "handled: " .. m end))
print(xpcall(function(a, b) return a + b end, print, 3, 4))
print(select('#', pcall(error)))
print(math.max(1, 5, 3), math.min(2, -1), math.floor(-3.5), math.ceil(-3.5), math.abs(-0), math.fmod(-7, 3), math.fmod(7, -3))
print(math.modf(-3.7), math.frexp(0), math.frexp(-8), math.ldexp(0.5, 3), math.log(1), math.exp(0), math.log10(1000))
print(string.format("%.4f %.4f %.4f %.4f", math.sin(1), math.cos(1), math.tan(1), math.atan2(1, 2)), math.deg(math.pi), math.rad(180) == math.pi)
math.randomseed(42)
local r = math.random()
print(r >= 0 and r < 1, math.random(5) <= 5, math.random(3, 4) >= 3, pcall(math.random, 2, 1))
