-- Cdata members and elements read and written in loops: compiled to loads and stores at
-- offsets, they must give what the interpreter (and luajit) give, conversions included.
-- (Out-of-bounds accesses, which LuaJIT does not check, are vm-demo's CompiledCdataBoundsTest.)

-- test: a struct array's members summed and written
do
  local ffi = require 'ffi'
  ffi.cdef 'typedef struct { int id; double x, y; float f; } jit_particle;'
  local n = 300
  local ps = ffi.new('jit_particle[?]', n)
  for i = 0, n - 1 do ps[i].id = i; ps[i].x = i * 0.5; ps[i].f = i / 3 end
  local sum = 0
  for i = 0, n - 1 do
    local p = ps[i]
    p.y = p.x * 2
    sum = sum + p.y + p.id + p.f
  end
  print(sum, ps[299].y, ps[10].f)
end
-- expect: 104650.00000003	299	3.3333332538605

-- test: stores convert numbers as C stores them (narrowing, unsigned, out of range)
do
  local ffi = require 'ffi'
  local a = ffi.new('int8_t[8]')
  local b = ffi.new('uint16_t[8]')
  local c = ffi.new('uint32_t[8]')
  local d = ffi.new('int32_t[8]')
  local vals = {200, -1, 70000, 1e10, -3.7, 3.7, 2^31, -2^31 - 1}
  for i = 0, 7 do a[i] = vals[i + 1]; b[i] = vals[i + 1]; c[i] = vals[i + 1]; d[i] = vals[i + 1] end
  local out = {}
  for i = 0, 7 do out[#out + 1] = a[i] .. "/" .. b[i] .. "/" .. tostring(c[i]) .. "/" .. d[i] end
  print(table.concat(out, " "))
end
-- expect: -56/200/200/200 -1/65535/4294967295/-1 112/4464/70000/70000 0/0/1410065408/-2147483648 -3/65533/4294967293/-3 3/3/3/3 0/0/2147483648/-2147483648 0/0/2147483647/-2147483648

-- test: the same loop over arrays of another element type at the same instruction
do
  local ffi = require 'ffi'
  local function sum(arr, n)
    local s = 0
    for i = 0, n - 1 do s = s + arr[i] end
    return s
  end
  local ints = ffi.new('int[100]')
  local dbls = ffi.new('double[100]')
  for i = 0, 99 do ints[i] = i; dbls[i] = i + 0.25 end
  print(sum(ints, 100), sum(dbls, 100), sum(ints, 100))
end
-- expect: 4950	4975	4950

-- test: const members are never written by a compiled loop
do
  local ffi = require 'ffi'
  ffi.cdef 'typedef struct { const int k; int v; } jit_cfield;'
  local s = ffi.new('jit_cfield[4]')
  print(pcall(function() for i = 0, 3 do s[i].v = i; s[i].k = i end end))
  print(s[0].v, s[0].k)
end
-- expect: false	cdata.lua:57: attempt to write to constant location
-- expect: 0	0

-- test: views of elements kept after the loop are the elements
do
  local ffi = require 'ffi'
  ffi.cdef 'typedef struct { double v; } jit_cell;'
  local cells = ffi.new('jit_cell[50]')
  local last
  for i = 0, 49 do
    last = cells[i]
    last.v = i * i
  end
  print(last.v, cells[49].v, ffi.sizeof(last))
end
-- expect: 2401	2401	8

-- test: a member name held in a variable that changes between loops
do
  local ffi = require 'ffi'
  ffi.cdef 'typedef struct { int a, b, c; } jit_abc;'
  local s = ffi.new('jit_abc')
  for j, k in ipairs{"a", "b", "c"} do for i = 1, 100 do s[k] = s[k] + j end end
  print(s.a, s.b, s.c)
end
-- expect: 100	200	300

-- test: a stored field read back in the same iteration, also through an aliasing pointer
do
  local ffi = require 'ffi'
  ffi.cdef 'typedef struct { int id; double x, y; float f; } fwd_particle;'
  local n = 200
  local ps = ffi.new('fwd_particle[?]', n)
  local alias = ffi.cast('fwd_particle *', ps)
  local s = 0
  for i = 0, n - 1 do
    local p = ps[i]
    p.y = i * 0.5
    p.f = i / 3
    s = s + p.y + p.f
    alias[i].y = 7
    s = s + p.y
    p.id = i * 1.75
    s = s + p.id
  end
  print(s, ps[10].y, ps[10].id, ps[10].f)
end
-- expect: 52733.333335906	7	17	3.3333332538605
