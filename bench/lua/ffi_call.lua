local h = require 'harness'
local ffi = require 'ffi'
ffi.cdef 'int it_add(int a, int b);'
local lib = ffi.load(os.getenv('ISTHMUS_TEST_LIB'))
local add = lib.it_add
h.run('ffi_call', 1000000, function(n)
  local acc = 0
  for i = 1, n do acc = add(acc, 1) end
  return acc
end)
