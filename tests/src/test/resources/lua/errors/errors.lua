-- error and its levels, non-string error values, pcall and xpcall, and the messages
-- runtime errors carry.

-- test: error with a string adds the position
do
  print(pcall(error, "plain"))
  print(pcall(function() error("msg") end))
end
-- expect: false	plain
-- expect: false	errors.lua:7: msg

-- test: error level 0 adds no position
do
  print(pcall(function() error("msg", 0) end))
end
-- expect: false	msg

-- test: error level 2 names the caller
do
  local function check(x) if not x then error("check failed", 2) end end
  local function caller() check(false) end
  print(pcall(caller))
end
-- expect: false	errors.lua:21: check failed

-- test: error with a table value
do
  local e = {code = 42}
  local ok, err = pcall(error, e)
  print(ok, err == e, err.code)
end
-- expect: false	true	42

-- test: error with nil and numbers
do
  print(pcall(error))
  print(pcall(error, nil))
  print(pcall(function() error(42) end))
end
-- expect: false	nil
-- expect: false	nil
-- expect: false	errors.lua:38: 42

-- test: pcall returns all results on success
do
  print(pcall(function(a, b) return a, b, a + b end, 1, 2))
end
-- expect: true	1	2	3

-- test: pcall with a non-function
do
  print(pcall(42))
  print(pcall())
end
-- expect: false	attempt to call a number value
-- expect: error: errors.lua:53: bad argument #1 to 'pcall' (value expected)

-- test: xpcall handler gets the message
do
  print(xpcall(function() error("boom") end, function(m) return "handled: " .. m end))
end
-- expect: false	handled: errors.lua:60: boom

-- test: xpcall success returns results
do
  print(xpcall(function() return 1, 2 end, print))
end
-- expect: true	1	2

-- test: xpcall handler receives non-string values
do
  print(xpcall(function() error({1, 2, 3}) end, function(e) return #e end))
end
-- expect: false	3

-- test: nested pcall
do
  print(pcall(function()
    local ok, e = pcall(error, "inner", 0)
    error("outer after " .. e, 0)
  end))
end
-- expect: false	outer after inner

-- test: error in error handler
do
  print(xpcall(function() error("a") end, function(m) error("b") end))
end
-- expect: false	error in error handling

-- test: index a nil local
do
  print(pcall(function() local x; return x.field end))
end
-- expect: false	errors.lua:93: attempt to index local 'x' (a nil value)

-- test: index a nil global
do
  print(pcall(function() return undefined_global.field end))
end
-- expect: false	errors.lua:99: attempt to index global 'undefined_global' (a nil value)

-- test: index a nil field
do
  print(pcall(function() local t = {} return t.a.b end))
end
-- expect: false	errors.lua:105: attempt to index field 'a' (a nil value)

-- test: index a nil upvalue
do
  local up
  print(pcall(function() return up.x end))
end
-- expect: false	errors.lua:112: attempt to index upvalue 'up' (a nil value)

-- test: index a number and a boolean
do
  print(pcall(function() local n = 1 return n.x end))
  print(pcall(function() local b = true return b[1] end))
end
-- expect: false	errors.lua:118: attempt to index local 'n' (a number value)
-- expect: false	errors.lua:119: attempt to index local 'b' (a boolean value)

-- test: assign to a field of nil
do
  print(pcall(function() local x; x.y = 1 end))
end
-- expect: false	errors.lua:126: attempt to index local 'x' (a nil value)

-- test: call a nil global
do
  print(pcall(function() no_such_function() end))
end
-- expect: false	errors.lua:132: attempt to call global 'no_such_function' (a nil value)

-- test: call a nil local and field
do
  print(pcall(function() local f; f() end))
  print(pcall(function() local t = {} t.run() end))
end
-- expect: false	errors.lua:138: attempt to call local 'f' (a nil value)
-- expect: false	errors.lua:139: attempt to call field 'run' (a nil value)

-- test: call a nil method
do
  print(pcall(function() local t = {} t:method() end))
end
-- expect: false	errors.lua:146: attempt to call method 'method' (a nil value)

-- test: call a number
do
  print(pcall(function() local n = 5; n() end))
end
-- expect: false	errors.lua:152: attempt to call local 'n' (a number value)

-- test: arithmetic on nil names the operand
do
  print(pcall(function() local x; return x + 1 end))
  print(pcall(function() return 1 + missing end))
  print(pcall(function() local t = {} return t.n * 2 end))
end
-- expect: false	errors.lua:158: attempt to perform arithmetic on local 'x' (a nil value)
-- expect: false	errors.lua:159: attempt to perform arithmetic on global 'missing' (a nil value)
-- expect: false	errors.lua:160: attempt to perform arithmetic on field 'n' (a nil value)

-- test: arithmetic on a table
do
  print(pcall(function() return {} + 1 end))
end
-- expect: false	errors.lua:168: attempt to perform arithmetic on a table value

-- test: concatenate nil and table
do
  print(pcall(function() local x; return "a" .. x end))
  print(pcall(function() return "a" .. {} end))
end
-- expect: false	errors.lua:174: attempt to concatenate local 'x' (a nil value)
-- expect: false	errors.lua:175: attempt to concatenate a table value

-- test: length of nil and number
do
  print(pcall(function() local x; return #x end))
  print(pcall(function() return #5 end))
end
-- expect: false	errors.lua:182: attempt to get length of local 'x' (a nil value)
-- expect: false	errors.lua:183: attempt to get length of a number value

-- test: compare different types
do
  print(pcall(function() return {} < 1 end))
  print(pcall(function() return nil < 1 end))
  print(pcall(function() return "a" <= 1 end))
end
-- expect: false	errors.lua:190: attempt to compare table with number
-- expect: false	errors.lua:191: attempt to compare nil with number
-- expect: false	errors.lua:192: attempt to compare string with number

-- test: unary minus on a string that is not a number
do
  print(pcall(function() local s = "x" return -s end))
end
-- expect: false	errors.lua:200: attempt to perform arithmetic on local 's' (a string value)

-- test: table index is nil or NaN
do
  print(pcall(function() local t = {} t[nil] = 1 end))
  print(pcall(function() local t = {} t[0/0] = 1 end))
end
-- expect: false	errors.lua:206: table index is nil
-- expect: false	errors.lua:207: table index is NaN

-- test: bad argument messages
do
  print(pcall(function() return (string.rep()) end))
  print(pcall(function() return (string.sub("x", {})) end))
  print(pcall(function() return (math.floor("x")) end))
  print(pcall(function() return (setmetatable(1, {})) end))
  print(pcall(function() return (ipairs()) end))
end
-- expect: false	errors.lua:214: bad argument #1 to 'rep' (string expected, got no value)
-- expect: false	errors.lua:215: bad argument #2 to 'sub' (number expected, got table)
-- expect: false	errors.lua:216: bad argument #1 to 'floor' (number expected, got string)
-- expect: false	errors.lua:217: bad argument #1 to 'setmetatable' (table expected, got number)
-- expect: false	errors.lua:218: bad argument #1 to 'ipairs' (value expected)

-- test: bad argument to a method names the method argument
do
  print(pcall(function() return ("x"):rep({}) end))
end
-- expect: false	bad argument #2 to '?' (number expected, got table)

-- test: error message of an uncaught error
do
  error("uncaught")
end
-- expect: error: errors.lua:234: uncaught

-- test: uncaught runtime error
do
  local t = nil
  print(t.x)
end
-- expect: error: errors.lua:241: attempt to index local 't' (a nil value)

-- test: error thrown from a nested function reports its line
do
  local function deep()
    error("deep error")
  end
  local function mid() deep() end
  print(pcall(mid))
end
-- expect: false	errors.lua:248: deep error

-- test: tostring of error position in string chunk
do
  local f = loadstring("local a = nil\nreturn a.b", "=mychunk")
  print(pcall(f))
  local g = loadstring("error('x')")
  print(pcall(g))
end
-- expect: false	mychunk:2: attempt to index local 'a' (a nil value)
-- expect: false	[string "error('x')"]:1: x

-- test: assert
do
  print(pcall(assert, false))
  print(pcall(assert, nil, "custom message"))
  print(pcall(assert, 1, 2, 3))
end
-- expect: false	assertion failed!
-- expect: false	custom message
-- expect: true	1	2	3

-- test: debug.traceback names functions by their call sites and shows C functions
do
  local function strip(s) return (s:gsub("(in main chunk)\n.*$", "%1")) end
  local function inner() print(strip(debug.traceback("here"))) end
  local function outer() inner() end
  outer()
  pcall(function() print(strip(debug.traceback())) end)
end
-- expect: here
-- expect: stack traceback:
-- expect: 	errors.lua:278: in function 'inner'
-- expect: 	errors.lua:279: in function 'outer'
-- expect: 	errors.lua:280: in main chunk
-- expect: stack traceback:
-- expect: 	errors.lua:281: in function <errors.lua:281>
-- expect: 	[C]: in function 'pcall'
-- expect: 	errors.lua:281: in main chunk

-- test: debug.traceback as xpcall's handler shows the stack where the error was raised
do
  local function strip(s) return (s:gsub("(in main chunk)\n.*$", "%1")) end
  local function fail() error("deep") end
  local function middle() fail() end
  print(strip(select(2, xpcall(function() middle() end, debug.traceback))))
end
-- expect: errors.lua:296: deep
-- expect: stack traceback:
-- expect: 	[C]: in function 'error'
-- expect: 	errors.lua:296: in function 'fail'
-- expect: 	errors.lua:297: in function 'middle'
-- expect: 	errors.lua:298: in function <errors.lua:298>
-- expect: 	[C]: in function 'xpcall'
-- expect: 	errors.lua:298: in main chunk

-- test: tracebacks name a metamethod's frame by its event
do
  local function clean(tb)
    local lines = {}
    for line in tb:gmatch("[^\n]+") do
      if #lines < 4 then lines[#lines + 1] = (line:gsub("^%s*[^%s:]+:%d+: ", "")) end
    end
    return table.concat(lines, " | ")
  end
  local t2 = setmetatable({}, {__add = function(a, b) error("boom") end})
  print(clean(select(2, xpcall(function() return t2 + 1 end, debug.traceback))))
  local t3 = setmetatable({}, {__index = function(a, b) print(clean(debug.traceback("tb"))) return 1 end})
  local _ = t3.x
end
-- expect: boom | stack traceback: | 	[C]: in function 'error' | in function '__add'
-- expect: tb | stack traceback: | in function '__index' | in main chunk

-- test: error's level counts Java functions' frames and skips a frame that tail-called it, as LuaJIT counts levels
do
  local function tail() return error("t") end
  print(pcall(function() tail() end))
  local function tail2() return error("t2", 2) end
  print(pcall(function() tail2() end))
  local t = {3, 1, 2}
  print(pcall(table.sort, t, function(a, b) error("z", 2) end))
  print(pcall(function() table.sort(t, function(a, b) error("w", 3) end) end))
  print(pcall(function() local ok, e = pcall(error, "v", 2) return e end))
  print(pcall(function() error(7, 2) end))
  print(pcall(function() error("far", 50) end))
end
-- expect: false	errors.lua:329: t
-- expect: false	t2
-- expect: false	z
-- expect: false	errors.lua:334: w
-- expect: true	errors.lua:335: v
-- expect: false	7
-- expect: false	far
