-- Which operands LuaJIT's error messages name: a value is named by the instruction that
-- produced it (locals, upvalues, globals, constant-key fields), never when it is the result
-- of a call, a method call, a numeric or computed index, or a constant.

-- test: indexing nil names locals, upvalues, globals and constant-key fields only
do
  local t = {sub = {}}
  function t:get() return nil end
  local function f() return nil end
  local up
  local k = "zz"
  local function try(fn) print((select(2, pcall(fn)):gsub("^[^:]*:%d+: ", ""))) end
  try(function() local x; return x.y end)
  try(function() return up.y end)
  try(function() return glob_idioms.y end)
  try(function() return t.missing.y end)
  try(function() return t["missing"].y end)
  try(function() return t[1].y end)
  try(function() return t[k].y end)
  try(function() return t:get().x end)
  try(function() return (t:get()).x end)
  try(function() return f().x end)
  try(function() return (nil).x end)
  try(function() return ("abc").x.y end)
  try(function() local a = t:get(); return a.x end)
end
-- expect: attempt to index local 'x' (a nil value)
-- expect: attempt to index upvalue 'up' (a nil value)
-- expect: attempt to index global 'glob_idioms' (a nil value)
-- expect: attempt to index field 'missing' (a nil value)
-- expect: attempt to index field 'missing' (a nil value)
-- expect: attempt to index a nil value
-- expect: attempt to index a nil value
-- expect: attempt to index a nil value
-- expect: attempt to index a nil value
-- expect: attempt to index a nil value
-- expect: attempt to index a nil value
-- expect: attempt to index field 'x' (a nil value)
-- expect: attempt to index local 'a' (a nil value)

-- test: a method call's result is unnamed in arithmetic, length, concatenation, calls and stores
do
  local t = {}
  function t:get() return nil end
  local function try(fn) print((select(2, pcall(fn)):gsub("^[^:]*:%d+: ", ""))) end
  try(function() return t:get() + 1 end)
  try(function() return #t:get() end)
  try(function() return "a" .. t:get() end)
  try(function() return t:get()() end)
  try(function() return t:get().x() end)
  try(function() t:get().x = 1 end)
  try(function() return t:get():nope() end)
  try(function() for _ in t:get() do end end)
  try(function() return t:nope() end)
  try(function() return t.missing + 1 end)
  try(function() return -t.missing end)
end
-- expect: attempt to perform arithmetic on a nil value
-- expect: attempt to get length of a nil value
-- expect: attempt to concatenate a nil value
-- expect: attempt to call a nil value
-- expect: attempt to index a nil value
-- expect: attempt to index a nil value
-- expect: attempt to index a nil value
-- expect: attempt to call a nil value
-- expect: attempt to call method 'nope' (a nil value)
-- expect: attempt to perform arithmetic on field 'missing' (a nil value)
-- expect: attempt to perform arithmetic on field 'missing' (a nil value)
