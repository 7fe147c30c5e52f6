-- Misuse of the ffi API at scale, for FfiMisuseTest: every API function and cdata
-- operation called with every combination of one or two wrong, freed, NULL and wild
-- arguments (and a seeded sample of three), each under pcall. The run must end with the
-- "done" line: an error escaping a pcall, or the process dying, fails the test.
local ffi = require("ffi")
ffi.cdef("struct misuse_s { int a; double b; }; int abs(int);")

local freed = ffi.cast("int (*)(int)", function(x) return x end)
freed:free()
local array = ffi.new("int[4]", 1, 2, 3, 4)
local names, values = {}, {}
local function value(name, v) names[#names + 1] = name; values[#names] = v end
value("nil", nil)
value("0", 0)
value("-1", -1)
value("1234", 1234)
value("2^53", 2^53)
value("1e30", 1e30)
value("nan", 0/0)
value("inf", 1/0)
value("''", "")
value("'int'", "int")
value("'int[?]'", "int[?]")
value("'void'", "void")
value("'struct misuse_s'", "struct misuse_s")
value("'struct nope'", "struct nope")
value("'int(*)(void)'", "int(*)(void)")
value("'int x;'", "int x;")
value("']]'", "]]")
value("{}", {})
value("{1,2}", {1, 2})
value("function", function(...) return ... end)
value("erroring function", function() error("inner") end)
value("true", true)
value("1LL", 1LL)
value("-1ULL", -1ULL)
value("ctype int", ffi.typeof("int"))
value("ctype struct", ffi.typeof("struct misuse_s"))
value("ctype int[?]", ffi.typeof("int[?]"))
value("int[4]", array)
value("struct", ffi.new("struct misuse_s", 1, 2))
value("pointer into int[4]", ffi.cast("int *", array) + 1)
value("NULL", ffi.cast("void *", nil))
value("NULL function pointer", ffi.cast("int (*)(int)", nil))
value("small address", ffi.cast("int *", 1234))
value("small function address", ffi.cast("int (*)(int)", 1234))
value("kernel address", ffi.cast("char *", -16))
value("freed callback", freed)
value("callback", ffi.cast("int (*)(int)", function(x) return x + 1 end))
value("erroring callback", ffi.cast("int (*)(int)", function() error("in callback") end))
value("ffi.C", ffi.C)
value("ffi.C.abs", ffi.C.abs)

local ops = {
  cdef = ffi.cdef, new = ffi.new, cast = ffi.cast, typeof = ffi.typeof, metatype = ffi.metatype,
  gc = ffi.gc, sizeof = ffi.sizeof, alignof = ffi.alignof, offsetof = ffi.offsetof,
  istype = ffi.istype, errno = ffi.errno, string = ffi.string, copy = ffi.copy, fill = ffi.fill,
  abi = ffi.abi, load = ffi.load,
  C = function(k) return ffi.C[k] end,
  call = function(f, ...) return f(...) end,
  index = function(a, k) return a[k] end,
  setindex = function(a, k, v) a[k] = v end,
  add = function(a, b) return a + b end,
  sub = function(a, b) return a - b end,
  lt = function(a, b) return a < b end,
  eq = function(a, b) return a == b end,
  len = function(a) return #a end,
  unm = function(a) return -a end,
  concat = function(a, b) return a .. b end,
  tostring = function(a) return tostring(a) end,
  tonumber = function(a) return tonumber(a) end,
  free = function(c) return c:free() end,
  set = function(c, f) return c:set(f) end,
}
local opNames = {}
for name in pairs(ops) do opNames[#opNames + 1] = name end
table.sort(opNames)

local calls, failures = 0, 0
local function try(op, n, a, b, c)
  calls = calls + 1
  local ok
  if n == 0 then ok = pcall(ops[op]) elseif n == 1 then ok = pcall(ops[op], a)
  elseif n == 2 then ok = pcall(ops[op], a, b) else ok = pcall(ops[op], a, b, c) end
  if not ok then failures = failures + 1 end
end

-- ffi.load asks the dynamic loader each time; its second argument is a flag: one argument is enough.
local oneArgument = {load = true}
local count = #names
for _, op in ipairs(opNames) do
  try(op, 0)
  for i = 1, count do
    try(op, 1, values[i])
    for j = 1, oneArgument[op] and 0 or count do try(op, 2, values[i], values[j]) end
  end
end
math.randomseed(10)
for _ = 1, 6000 do
  local op = opNames[math.random(#opNames)]
  if not oneArgument[op] then
    try(op, 3, values[math.random(count)], values[math.random(count)], values[math.random(count)])
  end
end
collectgarbage()
collectgarbage()
print("done", calls, failures)
