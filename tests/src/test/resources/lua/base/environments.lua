-- Lua 5.1's environments of threads (getfenv(0), debug.getfenv of a coroutine), of functions
-- and of userdata, and what reads the running thread's environment: chunks loaded while
-- it runs and print's lookup of tostring.

-- test: getfenv(0) and setfenv(0, t) are the running thread's environment
do
  local G = _G
  print(getfenv(0) == G, getfenv() == G)
  local t = setmetatable({}, {__index = G})
  print(select('#', setfenv(0, t)), getfenv(0) == t, getfenv(1) == G)
  local f = loadstring("return 1")
  print(getfenv(f) == t)
  setfenv(0, G)
  print(getfenv(0) == G)
end
-- expect: true	true
-- expect: 0	true	true
-- expect: true
-- expect: true

-- test: a coroutine has its own environment, first its creator's
do
  local G = _G
  local seen, loaded
  local function body()
    seen = getfenv(0)
    loaded = loadstring("return x")
  end
  local co = coroutine.create(body)
  print(debug.getfenv(co) == G)
  local t = {x = "from t"}
  print(debug.setfenv(co, t) == co, debug.getfenv(co) == t)
  body()
  print(seen == G)
  coroutine.resume(co)
  print(seen == t, getfenv(loaded) == t, loaded(), getfenv(body) == G)
  setfenv(0, t)
  local co2 = coroutine.create(body)
  setfenv(0, G)
  print(debug.getfenv(co2) == t)
end
-- expect: true
-- expect: true	true
-- expect: true
-- expect: true	true	from t	true
-- expect: true

-- test: print calls the tostring the running thread's globals hold
do
  local co = coroutine.create(function() print(1, "a", nil) end)
  debug.setfenv(co, setmetatable({}, {__index = {tostring = function(v) return "<" .. type(v) .. ">" end}}))
  print(coroutine.resume(co))
  local co2 = coroutine.create(function() print("x") end)
  debug.setfenv(co2, {tostring = function() return 7 end})
  print(coroutine.resume(co2))
  local co3 = coroutine.create(function() print("x") end)
  debug.setfenv(co3, {})
  print(coroutine.resume(co3))
  local co4 = coroutine.create(function() print("x") end)
  debug.setfenv(co4, {tostring = function() return {} end})
  print(coroutine.resume(co4))
end
-- expect: <number>	<string>	<nil>
-- expect: true
-- expect: 7
-- expect: true
-- expect: false	attempt to call a nil value
-- expect: false	environments.lua:59: 'tostring' must return a string to 'print'

-- test: debug.getfenv and debug.setfenv of functions, userdata and other values
do
  local G = _G
  local u = newproxy()
  local t = {}
  print(debug.getfenv(u) == G, debug.setfenv(u, t) == u, debug.getfenv(u) == t)
  local f = function() end
  print(debug.getfenv(f) == G, debug.setfenv(f, t) == f, getfenv(f) == t)
  print(debug.getfenv(print) == G, debug.setfenv(print, t) == print, debug.getfenv(print) == t, getfenv(print) == G)
  debug.setfenv(print, G)
  print(debug.getfenv(1), debug.getfenv("x"), debug.getfenv({}), debug.getfenv(nil))
  print(pcall(debug.setfenv, f, 1))
  print(pcall(debug.setfenv, 1, {}))
  print(pcall(debug.getfenv))
end
-- expect: true	true	true
-- expect: true	true	true
-- expect: true	true	true	true
-- expect: nil	nil	nil	nil
-- expect: false	bad argument #2 to '?' (table expected, got number)
-- expect: false	'setfenv' cannot change environment of given object
-- expect: false	bad argument #1 to '?' (value expected)

-- test: getfenv and setfenv check their arguments
do
  print(pcall(setfenv, 0, 5))
  print(pcall(getfenv, "x"))
  print(pcall(getfenv, 100))
  print(pcall(setfenv, 100, {}))
  print(pcall(setfenv, print, {}))
  print(getfenv(nil) == _G, getfenv("1") == _G)
end
-- expect: false	bad argument #2 to '?' (table expected, got number)
-- expect: false	bad argument #1 to '?' (number expected, got string)
-- expect: false	bad argument #1 to '?' (invalid level)
-- expect: false	bad argument #1 to '?' (invalid level)
-- expect: false	'setfenv' cannot change environment of given object
-- expect: true	true
