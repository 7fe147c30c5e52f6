-- The standard libraries hold exactly LuaJIT 2.1's functions: what it added from Lua 5.2 and
-- 5.3 (table.move, package.searchpath, debug.upvalueid), and not what it dropped from Lua 5.0
-- (math.mod, string.gfind), which LuaJIT's own test suite still expects of a Lua 5.1.

-- test: the global table's names (but arg, which the command line sets)
do
  local names = {}
  for k in pairs(_G) do
    if k ~= "arg" then names[#names + 1] = tostring(k) end
  end
  table.sort(names)
  print(table.concat(names, " "))
end
-- expect: _G _VERSION assert bit collectgarbage coroutine debug dofile error gcinfo getfenv getmetatable io ipairs jit load loadfile loadstring math module newproxy next os package pairs pcall print rawequal rawget rawset require select setfenv setmetatable string table tonumber tostring type unpack xpcall

-- test: each standard library's names
do
  for _, name in ipairs{"math", "string", "table", "os", "io", "coroutine", "debug", "package", "bit"} do
    local names = {}
    for k in pairs(_G[name]) do names[#names + 1] = tostring(k) end
    table.sort(names)
    print(name .. ": " .. table.concat(names, " "))
  end
end
-- expect: math: abs acos asin atan atan2 ceil cos cosh deg exp floor fmod frexp huge ldexp log log10 max min modf pi pow rad random randomseed sin sinh sqrt tan tanh
-- expect: string: byte char dump find format gmatch gsub len lower match rep reverse sub upper
-- expect: table: concat foreach foreachi getn insert maxn move remove sort
-- expect: os: clock date difftime execute exit getenv remove rename setlocale time tmpname
-- expect: io: close flush input lines open output popen read stderr stdin stdout tmpfile type write
-- expect: coroutine: create isyieldable resume running status wrap yield
-- expect: debug: debug getfenv gethook getinfo getlocal getmetatable getregistry getupvalue setfenv sethook setlocal setmetatable setupvalue traceback upvalueid upvaluejoin
-- expect: package: config cpath loaded loaders loadlib path preload searchpath seeall
-- expect: bit: arshift band bnot bor bswap bxor lshift rol ror rshift tobit tohex

-- test: Lua 5.0's names are gone and Lua 5.2's few
do
  print(math.mod, string.gfind, table.pack, table.unpack, rawlen, bit32, loadstring ~= nil)
  print(math.fmod(7, 3), string.gmatch ~= nil, math.log10(100))
end
-- expect: nil	nil	nil	nil	nil	nil	true
-- expect: 1	true	2
