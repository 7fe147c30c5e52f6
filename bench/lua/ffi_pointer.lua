local h = require 'harness'
local ffi = require 'ffi'
-- Reads through a pointer cdata (a cast, as C hands memory to Lua), not an array: each
-- element read checks the pointer's address against those no memory can be at.
local n = 100000
local values = ffi.new('int[?]', n)
for i = 0, n - 1 do values[i] = i % 1000 end
local p = ffi.cast('const int *', ffi.cast('void *', values))
h.run('ffi_pointer_reads', n, function(count)
  local sum = 0
  for i = 0, count - 1 do
    sum = sum + p[i]
  end
  return sum
end)
