-- The LuaJIT FFI's first example: declare a C function, call it.
local ffi = require 'ffi'
ffi.cdef 'int unlink(const char *pathname);'
local libc = ffi.load 'c'          -- or ffi.C, or a path to the .so

local name = os.tmpname()
local f = assert(io.open(name, 'w'))
f:write('scratch\n')
f:close()

print('unlink ->', libc.unlink(name))                  -- 0: removed
print('again  ->', libc.unlink(name), ffi.errno())    -- -1, ENOENT (2)
print('exists ->', io.open(name) ~= nil)
