-- test: LuaJIT's table of C types is bounded: making types without end is an error, not a hang
do
  local ffi = require("ffi")
  local last = 0
  local ok, e = pcall(function()
    for i = 1, 70000 do
      last = i
      ffi.typeof("struct {}")
    end
  end)
  print(ok, e, last > 20000, last < 65536)
end
-- expect: false	table overflow	true	true
