-- Coroutines: create, resume, yield, status, wrap, running and their errors.

-- test: resume and yield pass values both ways
do
  local co = coroutine.create(function(a, b)
    local c = coroutine.yield(a + b)
    local d, e = coroutine.yield(c * 2)
    return d + e
  end)
  print(coroutine.resume(co, 1, 2))
  print(coroutine.resume(co, 10))
  print(coroutine.resume(co, 3, 4))
  print(coroutine.resume(co))
end
-- expect: true	3
-- expect: true	20
-- expect: true	7
-- expect: false	cannot resume dead coroutine

-- test: status through a coroutine's life
do
  local co
  co = coroutine.create(function()
    print("inside", coroutine.status(co))
    coroutine.yield()
  end)
  print(coroutine.status(co))
  coroutine.resume(co)
  print(coroutine.status(co))
  coroutine.resume(co)
  print(coroutine.status(co))
end
-- expect: suspended
-- expect: inside	running
-- expect: suspended
-- expect: dead

-- test: normal status of a resuming coroutine
do
  local outer
  outer = coroutine.create(function()
    local inner = coroutine.create(function() return coroutine.status(outer) end)
    return coroutine.resume(inner)
  end)
  print(coroutine.resume(outer))
end
-- expect: true	true	normal

-- test: errors inside a coroutine
do
  local co = coroutine.create(function() error("oops") end)
  print(coroutine.resume(co))
  print(coroutine.status(co))
end
-- expect: false	coroutine.lua:51: oops
-- expect: dead

-- test: error with a table value inside a coroutine
do
  local e = {}
  local co = coroutine.create(function() error(e) end)
  local ok, v = coroutine.resume(co)
  print(ok, v == e)
end
-- expect: false	true

-- test: resuming a dead coroutine
do
  local co = coroutine.create(function() end)
  coroutine.resume(co)
  print(coroutine.resume(co))
end
-- expect: false	cannot resume dead coroutine

-- test: wrap returns a function
do
  local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
  print(gen(), gen(), gen())
end
-- expect: 1	2	3

-- test: wrap propagates errors
do
  local f = coroutine.wrap(function() error("in wrap") end)
  print(pcall(f))
end
-- expect: false	coroutine.lua:84: in wrap

-- test: wrap of a dead coroutine
do
  local f = coroutine.wrap(function() end)
  f()
  print(pcall(f))
end
-- expect: false	cannot resume dead coroutine

-- test: running outside and inside
do
  print(coroutine.running())
  local co = coroutine.create(function() return coroutine.running() end)
  local ok, r = coroutine.resume(co)
  print(ok, r == co)
end
-- expect: nil
-- expect: true	true

-- test: generator pattern with varargs
do
  local function gen(...)
    local args = {...}
    return coroutine.wrap(function()
      for i = 1, #args do coroutine.yield(i, args[i]) end
    end)
  end
  for i, v in gen("a", "b") do print(i, v) end
end
-- expect: 1	a
-- expect: 2	b

-- test: yield across pcall
do
  local co = coroutine.create(function()
    local ok, v = pcall(function() return coroutine.yield("from pcall") + 1 end)
    return ok, v
  end)
  print(coroutine.resume(co))
  print(coroutine.resume(co, 41))
end
-- expect: true	from pcall
-- expect: true	true	42

-- test: yield across a metamethod
do
  local t = setmetatable({}, {__index = function(t, k) return coroutine.yield(k) end})
  local co = coroutine.create(function() return t.key end)
  print(coroutine.resume(co))
  print(coroutine.resume(co, "value"))
end
-- expect: true	key
-- expect: true	value

-- test: yield from nested function calls
do
  local function deep(n) if n == 0 then return coroutine.yield("bottom") end return deep(n - 1) end
  local co = coroutine.create(function() return deep(50) end)
  print(coroutine.resume(co))
  print(coroutine.resume(co, "back"))
end
-- expect: true	bottom
-- expect: true	back

-- test: resume a non-coroutine
do
  print(pcall(coroutine.resume, 1))
end
-- expect: false	bad argument #1 to '?' (coroutine expected)

-- test: create needs a function
do
  print(pcall(coroutine.create, 1))
end
-- expect: false	bad argument #1 to '?' (function expected, got number)

-- test: a normal coroutine cannot be resumed
do
  local outer
  outer = coroutine.create(function()
    local inner = coroutine.create(function() return coroutine.resume(outer) end)
    return coroutine.resume(inner)
  end)
  print(coroutine.resume(outer))
end
-- expect: true	true	false	cannot resume running coroutine

-- test: a coroutine cannot resume itself
do
  local co
  co = coroutine.create(function() return coroutine.resume(co) end)
  print(coroutine.resume(co))
end
-- expect: true	false	cannot resume running coroutine

-- test: many coroutines
do
  local sum = 0
  for i = 1, 200 do
    local co = coroutine.wrap(function(x) local y = coroutine.yield(x * 2) return y + x end)
    sum = sum + co(i) + co(1)
  end
  print(sum)
end
-- expect: 60500

-- test: type and tostring of a coroutine
do
  local co = coroutine.create(print)
  print(type(co), tostring(co):match("^thread: ") ~= nil)
end
-- expect: thread	true

-- test: producer consumer
do
  local producer = coroutine.create(function()
    for _, item in ipairs({"x", "y", "z"}) do coroutine.yield(item) end
    return nil
  end)
  local got = {}
  while true do
    local ok, item = coroutine.resume(producer)
    if not item then break end
    got[#got + 1] = item
  end
  print(table.concat(got), coroutine.status(producer))
end
-- expect: xyz	dead

-- test: a yield from the main chunk crosses the host's C call, in LuaJIT's words
do
  print(pcall(coroutine.yield))
  print(pcall(function() coroutine.yield(1) end))
end
-- expect: false	attempt to yield across C-call boundary
-- expect: false	coroutine.lua:220: attempt to yield across C-call boundary
