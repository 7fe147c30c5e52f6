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

-- test: C int arguments and results stay ints in a trace: wrap-around, narrow and unsigned parameters, -0, exits and inner loops on them
do
  local ffi = require 'ffi'
  ffi.cdef [[
  int it_add(int a, int b);
  unsigned it_add_unsigned(unsigned a, unsigned b) __asm__("it_add");
  int it_add_critical(int a, int b) __asm__("it_add")
    __attribute__((annotate("isthmus:critical"), annotate("isthmus:noerrno")));
  double it_mix_int_double(int32_t a, double b);
  double it_mix4(int8_t a, float b, int64_t c, double d);
  double it_add_double(double a, double b);
  ]]
  local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
  local add, addc = lib.it_add, lib.it_add_critical
  local acc, big, neg = 0, 2147483600, 0
  for i = 1, 300 do
    acc = add(acc, i)
    big = addc(big, 1)
    neg = lib.it_add_unsigned(neg, -1)
  end
  print(acc, big, neg)
  local s, m, z = 0, 0, 0
  for i = 1, 300 do
    s = s + lib.it_mix4(i, 0.5, i, 0)
    m = m + lib.it_mix_int_double(i, i)
    z = 1 / lib.it_add_double(-0, -0)
  end
  print(s, m, z)
  local n, inner, seen = 0, 0, 0
  for i = 1, 300 do
    n = add(n, 1)
    for j = 1, add(n, -295) do inner = inner + j end
    if n > 250 then seen = seen + n / 2 end
  end
  print(n, inner, seen)
  local x, y = 5, 0
  for i = 1, 300 do
    x = add(x, 2)
    if i == 200 then x = x + 0.5 end
    y = y + x
  end
  print(x, y)
end
-- expect: 45150	-2147483396	4294966996
-- expect: 46162	90300	-inf
-- expect: 300	35	6887.5
-- expect: 605	91800.5
