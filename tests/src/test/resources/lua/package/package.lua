-- The package library: require's searchers, Lua 5.1's module system, LuaJIT's library modules.

-- test: module, package.seeall, package.loadlib, table.new and table.clear as modules, ctypes not preloaded
do
  package.preload["a.b"] = function(...)
    module(..., package.seeall)
    function hello() return "hi " .. _NAME .. " " .. _PACKAGE end
    x = 5
  end
  local m = require "a.b"
  print(m == a.b, m.hello(), m.x, m._M == m, x)
  local t = {}
  package.loaded.q = t
  local f = loadstring("module('q') y = 1")
  f()
  print(t.y, t._NAME, getfenv(f) == t)
  z2 = 1
  print(pcall(loadstring("module('z2.w')")))
  print(package.loadlib("/nonexistent/nosuch.so", "f"))
  print(package.loadlib("libm.so.6", "*"))
  local tn = require "table.new"
  local tt = tn(10, 2); print(#tt, next(tt), table.new == tn)
  local tc = require "table.clear"
  local u = {1, 2, 3, a = 1}; tc(u); print(#u, next(u), table.clear == tc)
  print(package.loaded.ctypes, ctypes)
end
-- expect: true	hi a.b a.	5	true	nil
-- expect: 1	q	true
-- expect: false	[string "module('z2.w')"]:1: name conflict for module 'z2.w'
-- expect: nil	/nonexistent/nosuch.so: cannot open shared object file: No such file or directory	open
-- expect: true
-- expect: 0	nil	true
-- expect: 0	nil	true
-- expect: nil	nil

-- test: searchpath finds the first readable file of a path's templates
do
  print(package.searchpath("passwd", "/nonexistent/?.lua;;/etc/?"))
  print(package.searchpath("etc.passwd", "/?"))
  print(package.searchpath("a.b.c", "/nonexistent/?.lua;/nonexistent/?/init.lua"))
  print(package.searchpath("a_b.c", "/nonexistent/?.so", "_", "-"))
  print(package.searchpath("a.b", "/nonexistent/?", ""))
  print(pcall(package.searchpath, "x"))
end
-- expect: /etc/passwd
-- expect: /etc/passwd
-- expect: nil	
-- expect: 	no file '/nonexistent/a/b/c.lua'
-- expect: 	no file '/nonexistent/a/b/c/init.lua'
-- expect: nil	
-- expect: 	no file '/nonexistent/a-b.c.so'
-- expect: nil	
-- expect: 	no file '/nonexistent/a.b'
-- expect: false	bad argument #2 to '?' (string expected, got no value)
