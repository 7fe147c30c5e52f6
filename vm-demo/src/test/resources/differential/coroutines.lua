-- Coroutines: status, passing values, errors, wrap, yield across pcall and metamethods.
local co
co = coroutine.create(function(a)
  print("running", coroutine.status(co), coroutine.running() == co, coroutine.isyieldable())
  local b = coroutine.yield(a * 2)
  local ok, v = pcall(function() return coroutine.yield(b + 1) end)
  print("after pcall yield", ok, v)
  local t = setmetatable({}, {__index = function(_, k) return coroutine.yield("index " .. k) end})
  print("metamethod got", t.key)
  error("finished badly")
end)
print(coroutine.status(co))
print(coroutine.resume(co, 5))
print(coroutine.resume(co, 10))
print(coroutine.resume(co, "v"))
print(coroutine.resume(co, "resolved"))
print(coroutine.status(co), coroutine.resume(co))
print(coroutine.running(), coroutine.isyieldable())
local gen = coroutine.wrap(function(n) for i = 1, n do coroutine.yield(i, i * i) end return "done" end)
print(gen(3)) print(gen()) print(gen()) print(gen()) print(pcall(gen))
local nested = coroutine.wrap(function()
  local inner = coroutine.wrap(function() coroutine.yield("inner 1") coroutine.yield("inner 2") end)
  coroutine.yield(inner()) coroutine.yield(inner()) coroutine.yield("outer")
end)
print(nested(), nested(), nested())
local producer = coroutine.create(function() for i = 1, 3 do coroutine.yield(i) end end)
local sum = 0
while true do
  local ok, v = coroutine.resume(producer)
  if not v then break end
  sum = sum + v
end
print("sum", sum, coroutine.status(producer))
print(select('#', coroutine.resume(coroutine.create(function() return end))))
print(coroutine.resume(coroutine.create(function(...) return select('#', ...), ... end), nil, 2, nil))
local deep = coroutine.create(function() local function r(n) if n == 0 then coroutine.yield("deep") return 0 end return 1 + r(n - 1) end return r(500) end)
print(coroutine.resume(deep)) print(coroutine.resume(deep))
local function runaway(n) return 1 + runaway(n + 1) end
print(coroutine.resume(coroutine.create(function() return runaway(1) end)))
print(coroutine.resume(coroutine.create(function() return pcall(runaway, 1) end)))
