-- isthmus-only: the ctypes module is Isthmus's (Python's ctypes API over the reflective path).
-- The same native calls written both ways: LuaJIT's ffi (declarations, compiled conversions)
-- and ctypes (argtypes/restype descriptions, per-call reflective marshalling).
local ffi = require 'ffi'
local ctypes = require 'ctypes'

-- strlen
ffi.cdef 'size_t strlen(const char *s);'
local c_libc = ctypes.CDLL('libc.so.6')   -- as in Python: a soname or a path; nil for the process
local c_strlen = c_libc.strlen
c_strlen.argtypes = { ctypes.c_char_p }
c_strlen.restype = ctypes.c_size_t
print('strlen  ffi:', tonumber(ffi.C.strlen('hello, world')), 'ctypes:', c_strlen('hello, world'))

-- a struct returned by value
ffi.cdef [[
typedef struct { long quot; long rem; } ldiv_t;
ldiv_t ldiv(long numer, long denom);
]]
local r = ffi.C.ldiv(17, 5)
local LDiv = ctypes.Structure('ldiv_t', { {'quot', ctypes.c_long}, {'rem', ctypes.c_long} })
local c_ldiv = c_libc.ldiv
c_ldiv.argtypes = { ctypes.c_long, ctypes.c_long }
c_ldiv.restype = LDiv
local r2 = c_ldiv(17, 5)
print('ldiv    ffi:', tonumber(r.quot), tonumber(r.rem), 'ctypes:', r2.quot, r2.rem)

-- an out-parameter through byref
ffi.cdef 'double frexp(double x, int *exp);'
local e = ffi.new('int[1]')
local m = ffi.C.frexp(48, e)
local c_frexp = c_libc.frexp
c_frexp.argtypes = { ctypes.c_double, ctypes.POINTER(ctypes.c_int) }
c_frexp.restype = ctypes.c_double
local ce = ctypes.c_int(0)
local cm = c_frexp(48, ctypes.byref(ce))
print('frexp   ffi:', m, e[0], 'ctypes:', cm, ce.value)

-- a string buffer filled by C
ffi.cdef 'int snprintf(char *s, size_t n, const char *fmt, ...);'
local buf = ctypes.create_string_buffer(32)
local c_snprintf = c_libc.snprintf
c_snprintf(buf, 32, 'pi is about %d', 3)
print('snprintf ctypes:', buf.value)
