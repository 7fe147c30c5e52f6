-- Elements read and written through cdata pointers in loops: compiled to loads and stores at
-- addresses, they must give what the interpreter (and luajit) give, conversions included.
-- (Accesses outside the object a pointer points into, which LuaJIT does not check, are
-- vm-demo's CompiledCdataBoundsTest.)

-- test: reading and writing through a pointer cast of an array
do
  local ffi = require 'ffi'
  local arr = ffi.new('double[64]')
  local p = ffi.cast('double *', arr)
  for i = 0, 63 do p[i] = i * 1.5 end
  local s = 0
  for i = 0, 63 do s = s + p[i] end
  print(s, arr[10], p[63])
end
-- expect: 3024	15	94.5

-- test: narrower element types convert as C stores and loads them
do
  local ffi = require 'ffi'
  local bytes = ffi.new('uint8_t[32]')
  local p = ffi.cast('uint8_t *', bytes)
  local q = ffi.cast('int16_t *', ffi.new('int16_t[32]'))
  for i = 0, 31 do p[i] = i * 37; q[i] = i * 3000 - 40000 end
  local s, t = 0, 0
  for i = 0, 31 do s = s + p[i]; t = t + q[i] end
  print(s, t, p[31], q[31])
end
-- expect: 3504	-54144	123	-12536

-- test: a pointer into the middle of an array, negative indexes, pointer arithmetic
do
  local ffi = require 'ffi'
  local arr = ffi.new('int32_t[40]')
  for i = 0, 39 do arr[i] = i * i end
  local mid = ffi.cast('int32_t *', arr) + 20
  local s = 0
  for i = -20, 19 do s = s + mid[i] end
  local u = 0
  for k = 0, 9 do local q = mid - k; u = u + q[0] end
  print(s, u, mid[-20], mid[19])
end
-- expect: 20540	2485	0	1521

-- test: a fractional index and different pointer types at one access
do
  local ffi = require 'ffi'
  local a = ffi.cast('double *', ffi.new('double[8]', 1, 2, 3, 4, 5, 6, 7, 8))
  local b = ffi.cast('float *', ffi.new('float[8]', 10, 20, 30, 40, 50, 60, 70, 80))
  local anchors = {a, b}
  local s = 0
  for i = 1, 40 do
    local p = anchors[i % 2 + 1]
    s = s + p[(i % 8) + 0.5]
  end
  print(s, a[2.9], b[7.1])
end
-- expect: 1080	3	80

-- test: memory from C through a pointer (malloc'd by libc)
do
  local ffi = require 'ffi'
  ffi.cdef 'void *malloc(size_t size); void free(void *ptr);'
  local p = ffi.cast('int64_t *', ffi.C.malloc(8 * 50))
  local d = ffi.cast('double *', ffi.C.malloc(8 * 50))
  for i = 0, 49 do d[i] = i / 4 end
  local s = 0
  for i = 0, 49 do s = s + d[i] * 2 end
  print(s, d[49])
  ffi.C.free(p)
  ffi.C.free(d)
end
-- expect: 612.5	12.25
