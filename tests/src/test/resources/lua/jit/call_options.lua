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

-- test: C calls back into Lua during compiled native calls: what the callback changes (an upvalue the loop reads, the function it calls) is seen at once
do
  local ffi = require 'ffi'
  ffi.cdef [[
  int it_add(int a, int b);
  double it_call_double_fn(double (*f)(double), double x);
  ]]
  local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
  local scale = 1
  local add = lib.it_add
  local cb = ffi.cast("double (*)(double)", function(x) scale = scale + 1 return x * 2 end)
  local acc, total = 0, 0
  for i = 1, 300 do
    acc = add(acc, i)
    if i % 100 == 0 then total = total + lib.it_call_double_fn(cb, i) end
    total = total + scale
  end
  print(acc, total, scale)
  local calls = 0
  local cb2 = ffi.cast("double (*)(double)", function(x) calls = calls + 1; if calls == 150 then add = function(a, b) return a - b end end return x + 1 end)
  local t = 0
  for i = 1, 300 do t = t + lib.it_call_double_fn(cb2, i) + add(i, 1) end
  print(t, calls)
  cb:free() cb2:free()
end
-- expect: 45150	1803	4
-- expect: 90598	300

-- test: a callback during a compiled native call writes a local the loop also writes
do
  local ffi = require 'ffi'
  ffi.cdef [[ double it_call_double_fn(double (*f)(double), double x); ]]
  local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
  local scale = 1
  local cb = ffi.cast("double (*)(double)", function(x) scale = scale + 100 return x end)
  local total = 0
  for i = 1, 300 do
    scale = scale + 1
    if i % 50 == 0 then total = total + lib.it_call_double_fn(cb, i) end
    total = total + scale
  end
  print(total, scale)
  cb:free()
end
-- expect: 122100	901
