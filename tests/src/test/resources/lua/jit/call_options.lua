-- C functions declared with Isthmus's call annotations (clang's annotate attribute, which
-- LuaJIT parses and ignores): a critical call, or one without errno capture, gives the same
-- results as an ordinary one, interpreted and compiled. errno is kept by a critical call
-- (captured unless isthmus:noerrno says otherwise) and by functions that never set it.

-- test: critical and noerrno declarations called in loops
do
  local ffi = require 'ffi'
  ffi.cdef [[
  int abs(int x) __attribute__((annotate("isthmus:critical"), annotate("isthmus:noerrno")));
  size_t strlen(const char *s) __attribute__((annotate("isthmus:critical")));
  double fabs(double x) __attribute__((annotate("isthmus:noerrno")));
  ]]
  local s, n = 0, 0
  for i = -100, 100 do
    s = s + ffi.C.abs(i) + ffi.C.fabs(i / 2)
    n = n + tonumber(ffi.C.strlen("abc" .. i))
  end
  print(s, n)
  ffi.errno(7)
  local t = 0
  for i = 1, 100 do t = t + ffi.C.abs(-i) + tonumber(ffi.C.strlen("x")) end
  print(t, ffi.errno())
end
-- expect: 15150	1088
-- expect: 5150	7
