-- xpcall's message handler runs where the error is raised, before the stack unwinds (as in
-- LuaJIT and Lua 5.1): inside it the debug library sees the frames of the function that
-- failed, and the Java function that raised the error as a C frame of its own.

-- test: the handler reads the failed function's locals, above the function that raised
do
  print(xpcall(function()
    local x = "in x"
    error("emsg")
  end, function(m)
    return m .. " | " .. table.concat({debug.getlocal(3, 1)}, "=")
  end))
  print(xpcall(function()
    local y = nil
    return y + 1
  end, function(m)
    local name, value = debug.getlocal(2, 1)
    return m .. " | " .. name .. "=" .. tostring(value)
  end))
end
-- expect: false	message_handler.lua:9: emsg | x=in x
-- expect: false	message_handler.lua:15: attempt to perform arithmetic on local 'y' (a nil value) | y=nil

-- test: an error with level 2 is positioned at the caller, whose frame the handler still sees
do
  local line
  print(xpcall(function()
    local function f() error("emsg", 2) end
    line = debug.getinfo(1, "l").currentline; f()
  end, function(m)
    return m .. " | " .. debug.getlocal(4, 1) .. " | " .. debug.getinfo(4, "l").currentline
  end))
end
-- expect: false	message_handler.lua:29: emsg | f | 29

-- test: levels in the handler count the Java function that raised the error
do
  local function show(m)
    local out = {}
    for level = 1, 4 do
      local info = debug.getinfo(level, "Sln")
      out[#out + 1] = info.what .. ":" .. tostring(info.name) .. ":" .. info.currentline
    end
    return table.concat(out, " ")
  end
  print(xpcall(function() error("x") end, show))
  print(xpcall(function() string.rep() end, show))
  print(xpcall(function() local t = nil; return t.field end, show))
  print(xpcall(function() return setmetatable({}, {__index = function(t, k) error("no " .. k) end}).key end, function(m)
    return m .. " | " .. debug.getinfo(2, "n").name
  end))
end
-- expect: false	Lua:nil:41 C:error:-1 Lua:nil:46 C:xpcall:-1
-- expect: false	Lua:nil:41 C:rep:-1 Lua:nil:47 C:xpcall:-1
-- expect: false	Lua:__index:41 Lua:nil:48 C:xpcall:-1 main:nil:48
-- expect: false	message_handler.lua:49: no key | error

-- test: debug.traceback in a handler shows the stack where the error was raised
do
  local function strip(s) return (s:gsub("(in main chunk)\n.*$", "%1")) end
  local function fail() local t = {} ; return t.x.y end
  print(strip(select(2, xpcall(function() fail() end, debug.traceback))))
  print(strip(select(2, xpcall(function() fail() end, function(m) local s = debug.traceback(m, 1); return s end))))
end
-- expect: message_handler.lua:61: attempt to index field 'x' (a nil value)
-- expect: stack traceback:
-- expect: 	message_handler.lua:61: in function 'fail'
-- expect: 	message_handler.lua:62: in function <message_handler.lua:62>
-- expect: 	[C]: in function 'xpcall'
-- expect: 	message_handler.lua:62: in main chunk
-- expect: message_handler.lua:61: attempt to index field 'x' (a nil value)
-- expect: stack traceback:
-- expect: 	message_handler.lua:63: in function '__index'
-- expect: 	message_handler.lua:61: in function 'fail'
-- expect: 	message_handler.lua:63: in function <message_handler.lua:63>
-- expect: 	[C]: in function 'xpcall'
-- expect: 	message_handler.lua:63: in main chunk

-- test: an error a pcall inside the xpcall catches never reaches the handler
do
  local calls = 0
  local function handler(m) calls = calls + 1; return "handled " .. m end
  print(xpcall(function()
    print(pcall(error, "inner", 0))
    print(pcall(function() local n = nil; return n .. "" end))
    error("outer", 0)
  end, handler))
  print(calls)
end
-- expect: false	inner
-- expect: false	message_handler.lua:85: attempt to concatenate local 'n' (a nil value)
-- expect: false	handled outer
-- expect: 1

-- test: error values that are not strings reach the handler unchanged
do
  local function kind(m) return type(m) .. ":" .. tostring(type(m) == "table" and m.code or m) end
  print(xpcall(function() error({code = 7}) end, kind))
  print(xpcall(function() error() end, kind))
  print(xpcall(function() error(42) end, kind))
  print(xpcall(function() error(42, 0) end, kind))
  print(xpcall(function() error(true) end, kind))
  print(select('#', xpcall(function() error("x") end, function() end)))
  print(xpcall(function() error("x") end, function(m) return 1, 2, 3 end))
end
-- expect: false	table:7
-- expect: false	nil:nil
-- expect: false	string:message_handler.lua:100: 42
-- expect: false	number:42
-- expect: false	boolean:true
-- expect: 2
-- expect: false	1

-- test: an error inside the handler ends the xpcall with "error in error handling", the handler run once; an xpcall inside a handler gets no handler of its own
do
  local calls = 0
  print(xpcall(function() error("a") end, function(m) calls = calls + 1; error("b") end))
  print(calls)
  print(xpcall(function() error("a") end, function(m) local x = nil; return x.y end))
  print(xpcall(function() error("a", 0) end, function(m)
    local ok, e = pcall(error, "guarded", 0)
    return m .. " " .. e
  end))
  print(xpcall(function() error("a", 0) end, function(m)
    return select(2, xpcall(function() error("b", 0) end, function(m2) return m .. "+" .. m2 end))
  end))
end
-- expect: false	error in error handling
-- expect: 1
-- expect: false	error in error handling
-- expect: false	a guarded
-- expect: false	error in error handling

-- test: a coroutine's errors stay in the coroutine; coroutine.wrap raises them again in the caller
do
  local calls = 0
  local function handler(m) calls = calls + 1; return "H:" .. tostring(m) end
  print(xpcall(function()
    local co = coroutine.create(function() local z = nil; return z.field end)
    print(coroutine.resume(co))
    return "done"
  end, handler))
  print(calls)
  print(xpcall(function() local f = coroutine.wrap(function() error("in co") end); f() end, handler))
  print(calls)
end
-- expect: false	message_handler.lua:139: attempt to index local 'z' (a nil value)
-- expect: true	done
-- expect: 0
-- expect: false	H:message_handler.lua:144: message_handler.lua:144: in co
-- expect: 1

-- test: xpcall wants a function as its handler
do
  print(pcall(xpcall, function() end))
  print(pcall(xpcall, function() end, 42))
end
-- expect: false	bad argument #2 to '?' (function expected, got no value)
-- expect: false	bad argument #2 to '?' (function expected, got number)
