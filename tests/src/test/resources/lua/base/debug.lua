-- The debug library: metatables of every type, frames by level, locals and upvalues.

-- test: debug.setmetatable gives numbers, nil, booleans and functions a shared metatable
do
  debug.setmetatable(0, {__index = {double = function(n) return n * 2 end}, __call = function(n, x) return n + x end, __len = function() return 42 end})
  print((21):double(), (1)(2), #5)
  debug.setmetatable(0, nil)
  print(select(2, pcall(function() return (1)() end)):match(": (.*)"))
  debug.setmetatable(nil, {__index = function(_, k) return "nil." .. k end})
  local n
  print(n.field)
  debug.setmetatable(nil, nil)
  debug.setmetatable(true, {__tostring = function(b) return "yes" end, __concat = function(a, b) return tostring(a) .. "&" .. tostring(b) end})
  print(tostring(true), true .. false)
  debug.setmetatable(true, nil)
  debug.setmetatable(print, {__index = {kind = "function"}})
  print(print.kind, (function() end).kind)
  debug.setmetatable(print, nil)
  print(getmetatable(1), getmetatable(true), getmetatable("").__index == string)
end
-- expect: 42	3	42
-- expect: attempt to call a number value
-- expect: nil.field
-- expect: yes	yes&yes
-- expect: function	function
-- expect: nil	nil	true

-- test: getinfo names metamethods, methods, fields and locals as LuaJIT does
do
  local seen = {}
  local function mm(a, b)
    local info = debug.getinfo(1, "n")
    seen[#seen + 1] = info.namewhat .. ":" .. tostring(info.name)
    return a
  end
  local mt = {__index = mm, __newindex = mm, __add = mm, __concat = mm, __len = mm, __unm = mm,
              __eq = mm, __lt = mm, __le = mm, __call = mm}
  local t, t2 = setmetatable({}, mt), setmetatable({}, mt)
  local _ = t.x; t.y = 1; _ = t + 1; _ = t .. "s"; _ = -t; _ = t == t2; _ = t < t2; _ = t <= t2; _ = t()
  local obj = {m = function() local i = debug.getinfo(1, "n") return i.namewhat .. ":" .. i.name end}
  print(table.concat(seen, " "))
  print(obj.m(), obj:m(), (function() local i = debug.getinfo(1, "n") return i.namewhat end)())
  local function named() return debug.getinfo(1, "n").name end
  print(named(), select(2, pcall(named)))
end
-- expect: metamethod:__index metamethod:__newindex metamethod:__add metamethod:__concat metamethod:__unm metamethod:__eq metamethod:__lt metamethod:__le local:t
-- expect: field:m	method:m	
-- expect: named	nil

-- test: getlocal, setlocal, getupvalue and setupvalue by number
do
  local function f(a, b)
    local c = a + b
    local names = {}
    for i = 1, 4 do
      local name, value = debug.getlocal(1, i)
      names[#names + 1] = tostring(name) .. "=" .. type(value)
    end
    print(table.concat(names, " "))
    print(debug.setlocal(1, 3, 100), c)
    print(debug.getlocal(f, 1), debug.getlocal(f, 2), debug.getlocal(f, 3))
    local caller = debug.getlocal(2, 1)
    return caller
  end
  local outer = "o"
  print(f(1, 2))
  local up1, up2 = 10, 20
  local function g() return up1 + up2 end
  print(debug.getupvalue(g, 1), debug.getupvalue(g, 2), debug.getupvalue(g, 3))
  print(debug.setupvalue(g, 2, 5), g(), up2)
  print(pcall(debug.getlocal, 100, 1))
  local here = debug.getinfo(1, "l").currentline
  print(debug.getinfo(100), debug.getinfo(1, "l").currentline - here, debug.getinfo(print, "S").what)
  print(type(debug.getregistry()))
end
-- expect: a=number b=number c=number names=table
-- expect: c	100
-- expect: a	b	nil
-- expect: f
-- expect: up1	up2
-- expect: up2	15	5
-- expect: false	bad argument #1 to '?' (level out of range)
-- expect: nil	1	C
-- expect: table

-- test: upvalueid is one userdata per variable, whichever closure captured it
do
  local a, b = 1, 2
  local function f() return a, b end
  local function g() return a end
  local id = debug.upvalueid(f, 1)
  print(type(id), id == debug.upvalueid(g, 1), id == debug.upvalueid(f, 2))
  local ids = {[id] = "a"}
  print(ids[debug.upvalueid(g, 1)], ids[debug.upvalueid(f, 2)])
  print(pcall(debug.upvalueid, f, 3))
  print(pcall(debug.upvalueid, f, 0))
  print(pcall(debug.upvalueid, 1, 1))
  print(pcall(debug.upvalueid, f))
end
-- expect: userdata	true	false
-- expect: a	nil
-- expect: false	bad argument #2 to '?' (index out of range)
-- expect: false	bad argument #2 to '?' (index out of range)
-- expect: false	bad argument #1 to '?' (function expected, got number)
-- expect: false	bad argument #2 to '?' (number expected, got no value)

-- test: upvaluejoin makes a closure share another's variable
do
  local a, b = 1, 2
  local function f() return a, b end
  local function g() return a end
  local function h() b = b + 1; return b end
  print(select("#", debug.upvaluejoin(g, 1, h, 1)), g(), debug.upvalueid(g, 1) == debug.upvalueid(h, 1))
  h()
  print(g(), b, f())
  debug.upvaluejoin(f, 1, f, 2)
  print(f())
  print(pcall(debug.upvaluejoin, g, 1, print, 1))
  print(pcall(debug.upvaluejoin, print, 1, g, 1))
  print(pcall(debug.upvaluejoin, g, 2, h, 1))
  print(pcall(debug.upvaluejoin, g, 1, h, 0))
end
-- expect: 0	2	true
-- expect: 3	3	1	3
-- expect: 3	3
-- expect: false	bad argument #3 to '?' (Lua function expected)
-- expect: false	bad argument #1 to '?' (Lua function expected)
-- expect: false	bad argument #2 to '?' (index out of range)
-- expect: false	bad argument #4 to '?' (index out of range)

-- test: a joined upvalue read and written in a hot loop
do
  local x, y = 0, 100
  local function get() return x end
  local function bump() y = y + 1 end
  debug.upvaluejoin(get, 1, bump, 1)
  local sum = 0
  for i = 1, 200 do
    bump()
    sum = sum + get()
  end
  print(sum, x, y)
end
-- expect: 40100	0	300

-- test: getinfo checks its option letters once the level exists; a level converts as luaL_checkint
do
  for _, what in ipairs{">", ">S", "Sx", "", "SSS", "x", "fL", "S\0x"} do
    print(what:byte(1, -1))
    print(pcall(function() local r = debug.getinfo(1, what) return r and r.what end))
    print(pcall(function() local r = debug.getinfo(print, what) return r and r.what end))
    print(pcall(function() local r = debug.getinfo(50, what) return r and r.what end))
  end
  print(pcall(debug.getinfo, 1, 5))
  print(debug.getinfo("1", "S").what, debug.getinfo(1.9, "S").what, debug.getinfo(2^32 + 1, "S").what)
  print(pcall(debug.getinfo, {}))
end
-- expect: 62
-- expect: false	debug.lua:150: bad argument #2 to 'getinfo' (invalid option)
-- expect: false	debug.lua:151: bad argument #2 to 'getinfo' (invalid option)
-- expect: true	nil
-- expect: 62	83
-- expect: false	debug.lua:150: bad argument #2 to 'getinfo' (invalid option)
-- expect: false	debug.lua:151: bad argument #2 to 'getinfo' (invalid option)
-- expect: true	nil
-- expect: 83	120
-- expect: false	debug.lua:150: bad argument #2 to 'getinfo' (invalid option)
-- expect: false	debug.lua:151: bad argument #2 to 'getinfo' (invalid option)
-- expect: true	nil
-- expect: 
-- expect: true	nil
-- expect: true	nil
-- expect: true	nil
-- expect: 83	83	83
-- expect: true	Lua
-- expect: true	C
-- expect: true	nil
-- expect: 120
-- expect: false	debug.lua:150: bad argument #2 to 'getinfo' (invalid option)
-- expect: false	debug.lua:151: bad argument #2 to 'getinfo' (invalid option)
-- expect: true	nil
-- expect: 102	76
-- expect: true	nil
-- expect: true	nil
-- expect: true	nil
-- expect: 83	0	120
-- expect: true	Lua
-- expect: true	C
-- expect: true	nil
-- expect: false	bad argument #2 to '?' (invalid option)
-- expect: main	main	main
-- expect: false	bad argument #1 to '?' (function or level expected)

-- test: level 0 is getinfo itself, a C function named as its caller calls it
do
  local i = debug.getinfo(0)
  print(i.what, i.source, i.short_src, i.currentline, i.linedefined, i.lastlinedefined, i.nups)
  print(i.name, i.namewhat, i.func == debug.getinfo, debug.getinfo(1, "l").currentline)
  local gi = debug.getinfo
  print(gi(0, "n").name, gi(0, "n").namewhat, gi(0, "S").what, gi(0, "f").func == gi)
  local ok, info = pcall(debug.getinfo, 0, "nS")
  print(ok, info.name, info.namewhat, info.what)
  print(debug.getinfo(0, "L").activelines)
  print(pcall(debug.getinfo, 0, "z"))
end
-- expect: C	=[C]	[C]	-1	-1	-1	0
-- expect: getinfo	field	true	198
-- expect: gi	local	C	true
-- expect: true	nil		C
-- expect: nil
-- expect: false	bad argument #2 to '?' (invalid option)

-- test: level 0 of getlocal and setlocal is the running function, whose slots are its arguments
do
  print(debug.getlocal(0, 1))
  print(debug.getlocal(0, 2))
  print(debug.getlocal(0, 3))
  print(debug.setlocal(0, 1, 5))
  print(debug.setlocal(0, 3, 5))
  print(debug.setlocal(0, 4, 5))
  print(debug.setlocal(0, 5, 5))
  print(pcall(debug.setlocal, 0, 6, 2, 3, 4))
  print(pcall(debug.setlocal, 0, 7, 2, 3, 4))
  print(pcall(debug.setlocal, 1, 1))
  print(pcall(debug.setlocal, 1, "x", 1))
end
-- expect: (*temporary)	0
-- expect: (*temporary)	2
-- expect: nil
-- expect: (*temporary)
-- expect: (*temporary)
-- expect: (*temporary)
-- expect: nil
-- expect: true	(*temporary)
-- expect: true	nil
-- expect: false	bad argument #3 to '?' (value expected)
-- expect: false	bad argument #2 to '?' (number expected, got string)

-- test: past a frame's active locals, the slots below the running call are "(*temporary)"
do
  local function f(p)
    local a = "A"
    for k = 1, 5 do
      local name, value = debug.getlocal(1, k)
      print(k, name, type(value))
    end
    local n1, v1 = debug.getlocal(1, 3)
    print(n1, v1)
    return "r"
  end
  f("P")
  local function g()
    local x = 1
    local function inner()
      for k = 1, 4 do print(k, (debug.getlocal(2, k))) end
      print(debug.setlocal(2, 2, "set"))
      return 0
    end
    local t = {inner(), x}
    print(t[1], t[2])
  end
  g()
  for i = 1, 2 do
    local name = debug.getlocal(1, 5)
    print(name)
  end
end
-- expect: 1	p	string
-- expect: 2	a	string
-- expect: 3	(for index)	number
-- expect: 4	(for limit)	number
-- expect: 5	(for step)	number
-- expect: nil	nil
-- expect: 1	x
-- expect: 2	inner
-- expect: 3	(*temporary)
-- expect: 4	nil
-- expect: inner
-- expect: 0	1
-- expect: (for step)
-- expect: (for step)

-- test: getinfo, getlocal, setlocal and traceback read a suspended coroutine named first; its level 0 is the yield
do
  local co = coroutine.create(function(a, b)
    local x = a + b
    coroutine.yield(x)
    return x
  end)
  coroutine.resume(co, 1, 2)
  print(debug.traceback(co))
  print(debug.traceback(co, "msg", 1))
  print(debug.traceback(co, nil, 0))
  local i = debug.getinfo(co, 1, "Sln")
  print(i.what, i.currentline, i.short_src, i.name)
  local i0 = debug.getinfo(co, 0, "Sln")
  print(i0.what, i0.currentline, i0.name, debug.getinfo(co, 2))
  for n = 1, 4 do print(debug.getlocal(co, 1, n)) end
  print(debug.getlocal(co, 0, 1))
  print(debug.setlocal(co, 1, 3, 40))
  print(coroutine.resume(co))
  print(pcall(debug.getlocal, co, 5, 1))
  print(debug.getinfo(co, 1), debug.getinfo(co, 0))
  print(pcall(debug.getinfo, co, "x"))
  print(pcall(debug.setlocal, co, 1, 1))
end
-- expect: stack traceback:
-- expect: 	[C]: in function 'yield'
-- expect: 	debug.lua:287: in function <debug.lua:285>
-- expect: msg
-- expect: stack traceback:
-- expect: 	debug.lua:287: in function <debug.lua:285>
-- expect: nil
-- expect: Lua	287	debug.lua	nil
-- expect: C	-1	yield	nil
-- expect: a	1
-- expect: b	2
-- expect: x	3
-- expect: nil
-- expect: nil
-- expect: x
-- expect: true	40
-- expect: false	bad argument #2 to '?' (level out of range)
-- expect: nil	nil
-- expect: false	bad argument #2 to '?' (function or level expected)
-- expect: false	bad argument #2 to '?' (level out of range)

-- test: a coroutine not started or dead shows no frames; a normal one (that resumed this one) shows its own
do
  local fresh = coroutine.create(function() end)
  print(debug.getinfo(fresh, 0), debug.getinfo(fresh, 1), debug.traceback(fresh))
  print(pcall(debug.getlocal, fresh, 1, 1))
  local outer
  outer = coroutine.create(function()
    local inner = coroutine.create(function()
      local info = debug.getinfo(outer, 1, "Sl")
      print("outer from inner", info.what, info.currentline)
      print(debug.traceback(outer, "o"))
      print(type(select(2, debug.getlocal(outer, 1, 1))))
      local me = coroutine.running()
      print(debug.getinfo(me, 1, "l").currentline, debug.getinfo(me, 0, "n").name)
      print(debug.traceback(me, "me"))
      coroutine.yield()
    end)
    coroutine.resume(inner)
    print(debug.traceback(inner, "inner", 1))
    print(debug.getinfo(inner, 0, "n").name, debug.getinfo(inner, 0, "S").what)
  end)
  coroutine.resume(outer)
end
-- expect: nil	nil	stack traceback:
-- expect: false	bad argument #2 to '?' (level out of range)
-- expect: outer from inner	Lua	345
-- expect: o
-- expect: stack traceback:
-- expect: 	[C]: in function 'resume'
-- expect: 	debug.lua:345: in function <debug.lua:334>
-- expect: thread
-- expect: 341	getinfo
-- expect: me
-- expect: stack traceback:
-- expect: 	debug.lua:342: in function <debug.lua:335>
-- expect: inner
-- expect: stack traceback:
-- expect: 	debug.lua:343: in function <debug.lua:335>
-- expect: yield	C

-- test: traceback returns a message that is not a string or number as it is, nil included when given
do
  print(debug.traceback(nil), debug.traceback(nil, 1), type(debug.traceback({})), debug.traceback(true, 1))
end
-- expect: nil	nil	table	true

-- test: level 0 inside a hot loop is still getinfo or getlocal, named as the loop calls it
do
  local names = {}
  for i = 1, 60 do
    local info = debug.getinfo(0, "n")
    names[info.name or "nil"] = true
  end
  for k in pairs(names) do print(k) end
  local t = {}
  for i = 1, 60 do
    t[#t + 1] = debug.getlocal(0, 1)
  end
  print(t[1], t[60], #t)
end
-- expect: getinfo
-- expect: (*temporary)	(*temporary)	60

-- test: a frame a metamethod ran in, used again by a Lua call at the same depth, is named for that call
do
  local t = setmetatable({}, {__index = function(_, k) return k end})
  local out = {}
  local function g()
    -- The traceback's first frame, without its position.
    local first = debug.traceback("tb", 1):match("\n[^\n]*\n([^\n]*)")
    return (first:gsub("^%s*[^:]*:%d+: ", ""))
  end
  for i = 1, 2 do
    local _ = t.x
    out[#out + 1] = g()
  end
  print(table.concat(out, " | "))
end
-- expect: in function 'g' | in function 'g'
