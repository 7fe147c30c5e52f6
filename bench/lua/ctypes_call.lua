-- The same native call two ways in one script (Isthmus only: ctypes is Isthmus's module):
-- it_add through the ffi, and through the ctypes-style reflective path.
local h = require 'harness'
local ffi = require 'ffi'
local ctypes = require 'ctypes'
ffi.cdef 'int it_add(int a, int b);'
local path = os.getenv('ISTHMUS_TEST_LIB')
local ffi_add = ffi.load(path).it_add
local ctypes_add = ctypes.CDLL(path).it_add
ctypes_add.argtypes = { ctypes.c_int, ctypes.c_int }
ctypes_add.restype = ctypes.c_int
h.run('ffi_call_same_script', 200000, function(n)
  local acc = 0
  for i = 1, n do acc = ffi_add(acc, 1) end
  return acc
end)
h.run('ctypes_call', 200000, function(n)
  local acc = 0
  for i = 1, n do acc = ctypes_add(acc, 1) end
  return acc
end)
