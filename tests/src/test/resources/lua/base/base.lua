-- The base library, one function at a time.

-- test: print separates with tabs and converts with tostring
do
  print(1, "two", nil, true, 1.5)
  print()
end
-- expect: 1	two	nil	true	1.5
-- expect:

-- test: type of every kind of value
do
  print(type(nil), type(true), type(1), type("s"), type({}), type(print), type(coroutine.create(print)))
end
-- expect: nil	boolean	number	string	table	function	thread

-- test: type needs an argument
do
  print(pcall(type))
end
-- expect: false	bad argument #1 to '?' (value expected)

-- test: tostring of basic values
do
  print(tostring(nil), tostring(false), tostring(12), tostring(-1.25), tostring("s"))
end
-- expect: nil	false	12	-1.25	s

-- test: tostring of tables and functions has a type prefix
do
  print(tostring({}):match("^table: ") ~= nil, tostring(print):match("^builtin: ") ~= nil or tostring(print):match("^function: ") ~= nil)
end
-- expect: true	true

-- test: tonumber of strings
do
  print(tonumber("10"), tonumber("  3.5  "), tonumber("0x1F"), tonumber("1e3"), tonumber(""), tonumber("abc"), tonumber("5x"))
end
-- expect: 10	3.5	31	1000	nil	nil	nil

-- test: tonumber with a base
do
  print(tonumber("ff", 16), tonumber("777", 8), tonumber("zz", 36), tonumber("102", 2), tonumber("11", 2))
end
-- expect: 255	511	1295	nil	3

-- test: tonumber of non-strings
do
  print(tonumber(42), tonumber(nil), tonumber(true), tonumber({}))
end
-- expect: 42	nil	nil	nil

-- test: tonumber with bad base
do
  print(pcall(tonumber, "1", 1))
  print(pcall(tonumber, "1", 37))
end
-- expect: false	bad argument #2 to '?' (base out of range)
-- expect: false	bad argument #2 to '?' (base out of range)

-- test: ipairs returns iterator state and zero
do
  local t = {}
  local f, s, i = ipairs(t)
  print(type(f), s == t, i)
end
-- expect: function	true	0

-- test: pairs and next visit all keys
do
  local t = {10, 20, 30, a = 1}
  local n, sum = 0, 0
  for k, v in pairs(t) do n = n + 1 sum = sum + v end
  print(n, sum)
end
-- expect: 4	61

-- test: next on an empty table and after the last key
do
  print(next({}))
  local k, v = next({5})
  print(k, v, next({5}, 1))
end
-- expect: nil
-- expect: 1	5	nil

-- test: next with an invalid key
do
  print(pcall(next, {}, "nokey"))
end
-- expect: false	invalid key to 'next'

-- test: rawlen is not in LuaJIT 2.1 by default
do
  print(type(rawlen))
end
-- expect: nil

-- test: rawget rawset rawequal
do
  local t = {}
  print(rawset(t, "k", "v") == t, rawget(t, "k"), rawequal(t, t), rawequal(t, {}))
end
-- expect: true	v	true	false

-- test: select with hash
do
  print(select("#"), select("#", nil), select("#", 1, nil, nil))
end
-- expect: 0	1	3

-- test: unpack with explicit range
do
  print(unpack({1, 2, 3}, -1, 1))
end
-- expect: nil	nil	1

-- test: getmetatable of a string
do
  print(getmetatable("").__index == string, getmetatable({}), getmetatable(1))
end
-- expect: true	nil	nil

-- test: setmetatable rejects non-table metatables
do
  print(pcall(setmetatable, {}, 1))
end
-- expect: false	bad argument #2 to '?' (nil or table expected)

-- test: assert returns all its arguments
do
  print(assert(1, "m", 3))
end
-- expect: 1	m	3

-- test: error returns nothing printable when caught as a table
do
  local ok, e = pcall(error, setmetatable({}, {__tostring = function() return "E!" end}))
  print(ok, tostring(e))
end
-- expect: false	E!

-- test: loadstring compiles and returns a function
do
  local f = loadstring("local a, b = ... return a * b")
  print(f(6, 7))
end
-- expect: 42

-- test: loadstring shares the globals
do
  shared_value = 5
  print(loadstring("return shared_value")())
end
-- expect: 5

-- test: load with a reader function
do
  local parts = {"return ", "1 ", "+ 41"}
  local i = 0
  local f = load(function() i = i + 1 return parts[i] end)
  print(f())
end
-- expect: 42

-- test: load with a string and a chunk name
do
  local f = load("error('x')", "=named")
  print(pcall(f))
end
-- expect: false	named:1: x

-- test: load returns nil and a message for bad code
do
  print(load("return +"))
end
-- expect: nil	[string "return +"]:1: unexpected symbol near '+'

-- test: dofile and loadfile on a temporary file
do
  local name = os.tmpname()
  local f = io.open(name, "w")
  f:write("return 10, ...")
  f:close()
  print(dofile(name))
  print(loadfile(name)(1, 2))
  os.remove(name)
end
-- expect: 10
-- expect: 10	1	2

-- test: loadfile of a missing file
do
  local f, e = loadfile("/nonexistent/file.lua")
  print(f, e)
end
-- expect: nil	cannot open /nonexistent/file.lua: No such file or directory

-- test: getfenv and setfenv on a function
do
  local function f() return x_in_env end
  setfenv(f, {x_in_env = "from env"})
  print(f(), getfenv(f).x_in_env, getfenv(print) == _G)
end
-- expect: from env	from env	true

-- test: setfenv with a level
do
  local function f()
    setfenv(1, {print = print, y = "y"})
    print(y)
  end
  f()
end
-- expect: y

-- test: getfenv of level 0 and 1 is the globals
do
  print(getfenv(0) == _G, getfenv(1) == _G, getfenv() == _G)
end
-- expect: true	true	true

-- test: _G and _VERSION
do
  print(_G._G == _G, _VERSION)
end
-- expect: true	Lua 5.1

-- test: collectgarbage count is a number and collect returns zero
do
  print(type(collectgarbage("count")), collectgarbage("collect"), collectgarbage())
end
-- expect: number	0	0

-- test: collectgarbage count is one value with a fraction; setpause and setstepmul give back the previous value
do
  print(select("#", collectgarbage("count")), collectgarbage("count") > 0)
  print(collectgarbage("setpause", 150), collectgarbage("setpause"), collectgarbage("setpause", 200))
  print(collectgarbage("setstepmul", 400), collectgarbage("setstepmul", 200))
  print(collectgarbage("stop"), collectgarbage("isrunning"), collectgarbage("restart"), collectgarbage("isrunning"))
  print(pcall(collectgarbage, "setpause", "x"))
end
-- expect: 1	true
-- expect: 200	150	0
-- expect: 200	400
-- expect: 0	false	0	true
-- expect: false	bad argument #2 to '?' (number expected, got string)

-- test: collectgarbage step says whether it finished a cycle: a basic step does not, a step as large as the heap does, small steps do eventually
do
  print(collectgarbage("step"), collectgarbage("step", 2^20), collectgarbage("step", -1), collectgarbage("step", "0"))
  local steps = 0
  repeat steps = steps + 1 until collectgarbage("step", 64) or steps > 1e6
  print(steps <= 1e6)
  print(pcall(collectgarbage, "step", "x"))
end
-- expect: false	true	true	false
-- expect: true
-- expect: false	bad argument #2 to '?' (number expected, got string)

-- test: collectgarbage with a bad option
do
  print(pcall(collectgarbage, "nonsense"))
end
-- expect: false	bad argument #1 to '?' (invalid option 'nonsense')

-- test: xpcall passes extra arguments in LuaJIT
do
  print(xpcall(function(a, b) return a + b end, print, 3, 4))
end
-- expect: true	7

-- test: newproxy is absent or makes userdata
do
  print(type(newproxy(false)), getmetatable(newproxy(true)) ~= nil)
end
-- expect: userdata	true

-- test: gcinfo returns kilobytes
do
  print(type(gcinfo()))
end
-- expect: number

-- test: module and require of a preloaded module
do
  package.preload.mymod = function(name) return {name = name} end
  local m = require("mymod")
  print(m.name, require("mymod") == m, package.loaded.mymod == m)
end
-- expect: mymod	true	true

-- test: require of a missing module
do
  local ok, e = pcall(require, "no_such_module_xyz")
  print(ok, e:match("^module 'no_such_module_xyz' not found:") ~= nil)
end
-- expect: false	true

-- test: require of a module file that does not compile
do
  local base = os.tmpname()
  local f = assert(io.open(base .. "_broken.lua", "w"))
  f:write("x = = 1\n")
  f:close()
  local saved = package.path
  package.path = base .. "_?.lua"
  local function load() return require("broken") end
  local ok, e = pcall(load)
  package.path = saved
  os.remove(base .. "_broken.lua")
  os.remove(base)
  print(ok, (e:gsub(base, "TMP", 1):gsub(base, "TMP", 1)))
end
-- expect: false	error loading module 'broken' from file 'TMP_broken.lua':
-- expect: 	TMP_broken.lua:1: unexpected symbol near '='

-- test: require searches package.loaders, which a script may extend
do
  print(type(package.loaders), #package.loaders)
  table.insert(package.loaders, 2, function(name)
    if name == "virtual_mod" then
      return function(n) return {greeting = "hello from " .. n} end
    end
    return "\n\tno virtual module '" .. name .. "'"
  end)
  print(require("virtual_mod").greeting)
  local ok, e = pcall(require, "no_such_mod_zz")
  print(ok, e:match("no field package.preload%['no_such_mod_zz'%]\n\tno virtual module 'no_such_mod_zz'") ~= nil)
  table.remove(package.loaders, 2)
end
-- expect: table	4
-- expect: hello from virtual_mod
-- expect: false	true

-- test: a module that requires itself while loading is a loop
do
  package.preload.selfish = function() return require("selfish") end
  local ok, e = pcall(require, "selfish")
  print(ok, e)
  print(pcall(require, "selfish"))
end
-- expect: false	loop or previous error loading module 'selfish'
-- expect: false	loop or previous error loading module 'selfish'

-- test: an error in load's reader is load's error result, and a number is a piece of text
do
  print(pcall(load, function() error("reader failed") end))
  local e = {}
  local ok, f, err = pcall(load, function() error(e) end)
  print(ok, f, err == e)
  print(load(function() error("plain", 0) end, "=named"))
  local pieces = {"return ", 40, " + ", 2}
  local i = 0
  print(load(function() i = i + 1 return pieces[i] end)())
  print(load(function() return {} end))
end
-- expect: true	nil	base.lua:348: reader failed
-- expect: true	nil	true
-- expect: nil	plain
-- expect: 42
-- expect: nil	base.lua:356: reader function must return a string

-- test: a binary chunk from another VM, or cut short, is a load error
do
  print(loadstring("\27Lua garbage"))
  print(loadstring("\27LJ\2garbage", "=name"))
  local dumped = string.dump(function() return 1 end)
  print(loadstring(dumped:sub(1, 8)))
  print(loadstring(dumped:sub(1, 8), "@file.lua"))
  print(pcall(load, dumped:sub(1, #dumped - 1)))
end
-- expect: nil	(binary): cannot load incompatible bytecode
-- expect: nil	name: cannot load incompatible bytecode
-- expect: nil	(binary): cannot load malformed bytecode
-- expect: nil	file.lua: cannot load malformed bytecode
-- expect: true	nil	(binary): cannot load malformed bytecode

-- test: argument checks found by fuzzing the libraries against luajit
do
  print(pcall(ipairs, "abc"))
  print(pcall(ipairs, nil))
  print(pcall(pairs))
  print(pcall(rawget, {}))
  print(pcall(tonumber, {}, 1.5))
  print(pcall(tonumber, print, 99))
  print(tonumber(true, 10), tonumber("z", 36), tonumber("10", 10.5))
  print(pcall(math.log, 8, nil))
  print(pcall(bit.tohex, 1, nil))
  print(pcall(string.sub, "abc"))
  print(pcall(string.gsub, "abc", "b"))
  print(select(2, math.modf(-1)), select(2, math.modf(-1/0)), select(2, math.modf(1/0)), select(2, math.modf(-2.5)))
  print(("abc"):match("b\0z"), ("abc"):gsub("b\0", "X"), ("a\0b"):find("\0"), ("a\0b"):find("b\0%"))
  print(os.date("!%Y\0%m", 0), #os.date("\0"))
end
-- expect: false	bad argument #1 to '?' (table expected, got string)
-- expect: false	bad argument #1 to '?' (table expected, got nil)
-- expect: false	bad argument #1 to '?' (value expected)
-- expect: false	bad argument #2 to '?' (value expected)
-- expect: false	bad argument #1 to '?' (string expected, got table)
-- expect: false	bad argument #1 to '?' (string expected, got function)
-- expect: nil	35	10
-- expect: false	bad argument #2 to '?' (number expected, got nil)
-- expect: false	bad argument #2 to '?' (number expected, got nil)
-- expect: false	bad argument #2 to '?' (number expected, got no value)
-- expect: false	bad argument #3 to '?' (string/function/table expected)
-- expect: -0	-0	0	-0.5
-- expect: b	aXc	2	3	3
-- expect: 1970	0
