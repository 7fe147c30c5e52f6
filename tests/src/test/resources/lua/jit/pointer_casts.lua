-- ffi.cast of a pointer to another pointer type, inside compiled code: read and written
-- through, the trace casts nothing (it reads through the pointer cast from); passed on,
-- stored or kept past an exit, the cast pointer is one object with its type, as in the
-- interpreter (and luajit).

-- test: elements read and written through pointers cast in the loop
do
  local ffi = require 'ffi'
  local words = ffi.new('uint32_t[256]')
  local raw = ffi.cast('void *', words)
  for i = 0, 255 do ffi.cast('uint32_t *', raw)[i] = i * 65536 + i end
  local lows, highs = 0, 0
  for i = 0, 255 do
    lows = lows + ffi.cast('const uint16_t *', raw)[2 * i]
    highs = highs + ffi.cast('uint16_t *', raw)[2 * i + 1]
  end
  print(lows, highs, ffi.cast('uint8_t *', raw)[4])
end
-- expect: 32640	32640	1

-- test: a cast pointer kept, compared, stored and used as a table key in the loop
do
  local ffi = require 'ffi'
  local arr = ffi.new('int[8]', 5, 6, 7, 8, 9, 10, 11, 12)
  local raw = ffi.cast('void *', arr)
  local seen, last = {}, nil
  local found, equal = 0, 0
  for i = 1, 100 do
    local q = ffi.cast('int *', raw)
    seen[q] = i
    if seen[q] == i then found = found + 1 end
    if q == ffi.cast('const int *', raw) then equal = equal + 1 end
    last = q
  end
  print(found, equal, ffi.typeof(last) == ffi.typeof('int *'), last[3], rawequal(last, ffi.cast('int *', raw)))
end
-- expect: 100	100	true	8	false

-- test: the loop leaves with a cast pointer in a local, then passes it to C
do
  local ffi = require 'ffi'
  ffi.cdef [[ size_t strlen(const char *s); ]]
  local buf = ffi.new('char[32]', 'pointer casts')
  local raw = ffi.cast('void *', buf)
  local p, n = nil, 0
  for i = 1, 200 do
    p = ffi.cast('const char *', raw)
    if i == 200 then break end
    n = n + p[i % 13]
  end
  print(n, tostring(ffi.typeof(p)), ffi.string(p), tonumber(ffi.C.strlen(p)))
end
-- expect: 20587	ctype<const char *>	pointer casts	13

-- test: ffi.cast replaced by the script in the middle of the loop
do
  local ffi = require 'ffi'
  local arr = ffi.new('int[4]', 1, 2, 3, 4)
  local raw = ffi.cast('void *', arr)
  local cast = ffi.cast
  local s = 0
  for i = 1, 200 do
    if i == 100 then ffi.cast = function(t, v) return cast(t, v) + 1 end end
    s = s + ffi.cast('int *', raw)[0] + i
  end
  ffi.cast = cast
  print(s)
end
-- expect: 20401
