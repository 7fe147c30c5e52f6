-- LuaJIT's jit.* modules that require opens: jit.util describes functions, and jit.v and
-- jit.dump switch the trace compiler's verbose and dump output as -jv and -jdump do.

-- test: jit.util.funcinfo describes a Lua function's prototype and names no fields it lacks
do
  local u = require("jit.util")
  local function f(a, b, ...)
    local x = a + b
    return function() return x end
  end
  local i = u.funcinfo(f)
  print(i.linedefined, i.lastlinedefined, i.params, i.upvalues, i.isvararg, i.children, i.source, i.loc, i.currentline)
  local g = f(1, 2)
  local j = u.funcinfo(g)
  print(j.linedefined, j.lastlinedefined, j.params, j.upvalues, j.isvararg, j.children, j.loc)
  print(u.funcinfo(function() end, 0).currentline, u.funcinfo(function() end, 99).currentline)
  print(type(u.funcinfo(print)), u.funcinfo(print).linedefined, u.funcinfo(print).source)
  print(pcall(u.funcinfo, 1))
  print(package.loaded["jit.util"] == u, require("jit.util") == u)
end
-- expect: 7	10	2	0	true	true	@modules.lua	modules.lua:7	7
-- expect: 9	9	0	1	false	false	modules.lua:9
-- expect: 16	nil
-- expect: table	nil	nil
-- expect: false	bad argument #1 to '?' (function expected, got number)
-- expect: true	true

-- test: jit.util.funck and funcuvname read a function's constants and upvalue names
do
  local u = require("jit.util")
  local function f(a, b) local x = a + b; return function() return x, "k", 1.5 end end
  local g = f(1, 2)
  print(u.funck(g, -1), u.funck(g, 0), select("#", u.funck(g, 9)), select("#", u.funck(g, -9)))
  print(u.funcuvname(g, 0), select("#", u.funcuvname(g, 1)), select("#", u.funcuvname(g, -1)))
  print(u.funcinfo(g).nconsts, u.funcinfo(g).gcconsts)
  print(pcall(u.funck, print, 0))
  print(pcall(u.funcuvname, "f", 0))
end
-- expect: k	1.5	0	0
-- expect: x	0	0
-- expect: 1	1
-- expect: false	bad argument #1 to '?' (function expected, got function)
-- expect: false	bad argument #1 to '?' (function expected, got string)

-- test: jit.v and jit.dump are modules of on, off and start (start is on)
do
  for _, name in ipairs{"jit.v", "jit.dump"} do
    local m = require(name)
    print(name, type(m.on), type(m.off), m.start == m.on, package.loaded[name] == m)
  end
end
-- expect: jit.v	function	function	true	true
-- expect: jit.dump	function	function	true	true

-- test: jit.v.on(file) writes a line per compiled trace to the file until jit.v.off()
do
  local name = os.tmpname()
  local v = require("jit.v")
  v.on(name)
  local s = 0
  for i = 1, 1000 do s = s + i end
  v.off()
  local f = io.open(name)
  local text = f:read("*a")
  f:close()
  os.remove(name)
  -- With the compiler off (as the interpreter runs these tests) there is nothing to log.
  print(s, not jit.status() or text:match("%[TRACE +%d+ modules%.lua:%d+ loop") ~= nil)
  -- LuaJIT's message starts with the place in its v.lua, which is no file here.
  local ok, e = pcall(v.on, "/no-such-dir/trace.log")
  print(ok, (e:gsub("^.*v%.lua:%d+: ", "")))
  v.off()
end
-- expect: 500500	true
-- expect: false	/no-such-dir/trace.log: No such file or directory
