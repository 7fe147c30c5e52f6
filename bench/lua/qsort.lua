local h = require 'harness'
local ffi = require 'ffi'
ffi.cdef 'void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));'
local n = 20000
local arr = ffi.new('int[?]', n)
local calls = 0
local cmp = ffi.cast('int (*)(const void *, const void *)', function(a, b)
  calls = calls + 1
  return ffi.cast('const int *', a)[0] - ffi.cast('const int *', b)[0]
end)
-- Reported per comparator call: the cost of C calling into Lua.
local function workload()
  for i = 0, n - 1 do arr[i] = (i * 7919) % n end
  calls = 0
  ffi.C.qsort(arr, n, 4, cmp)
  return calls
end
local expected = workload()
h.run('qsort_callback', expected, workload, 5)
