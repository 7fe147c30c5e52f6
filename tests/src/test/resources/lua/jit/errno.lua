-- errno around C calls a trace makes: ffi.errno() is what the last call left, a call that does
-- not touch errno leaves what was there (what ffi.errno(n) set, or what the call before left),
-- and C sees that value on entry. Compiled calls keep the thread's errno state in locals of
-- the trace and read it again after any code that may run Lua (docs/trace-compiler.md).

-- test: errno across the calls of compiled loops: kept by calls that do not touch it, set by those that fail
do
  local ffi = require 'ffi'
  ffi.cdef [[
  int it_fail_with(int e);
  int it_succeed(void);
  int it_get_errno(void);
  ]]
  local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
  ffi.errno(5)
  local ok = 0
  for i = 1, 200 do ok = ok + lib.it_succeed() end
  print(ok, ffi.errno())
  for i = 1, 200 do lib.it_fail_with(i) end
  print(ffi.errno())
  ffi.errno(0)
  local seen = 0
  for i = 1, 100 do
    if i % 10 == 0 then lib.it_fail_with(i) end
    seen = seen + lib.it_get_errno()
  end
  print(seen, ffi.errno())
  local fail, get = lib.it_fail_with, lib.it_get_errno
  local alternating = 0
  for i = 1, 300 do
    if i % 2 == 0 then fail(i) else alternating = alternating + get() end
  end
  print(alternating, ffi.errno())
end
-- expect: 0	5
-- expect: 200
-- expect: 4600	100
-- expect: 22450	300

-- test: ffi.errno(n) and ffi.errno() inside compiled loops of C calls
do
  local ffi = require 'ffi'
  ffi.cdef [[
  int it_fail_with(int e);
  int it_get_errno(void);
  int it_add(int a, int b);
  ]]
  local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
  ffi.errno(0)
  local s, previous = 0, 0
  for i = 1, 100 do
    previous = previous + ffi.errno(i)
    s = s + lib.it_get_errno()
  end
  print(s, previous, ffi.errno())
  local t, acc = 0, 0
  for i = 1, 100 do
    lib.it_fail_with(i)
    acc = lib.it_add(acc, 1)
    t = t + ffi.errno()
  end
  print(t, acc, ffi.errno())
  for i = 1, 100 do
    if i == 50 then ffi.errno(-7) end
    acc = lib.it_add(acc, i)
  end
  print(acc, ffi.errno(), lib.it_get_errno())
end
-- expect: 5050	4950	100
-- expect: 5050	100	100
-- expect: 5150	-7	-7

-- test: a callback during a compiled C call sets errno, and sees the line of the call it came from
do
  local ffi = require 'ffi'
  ffi.cdef [[
  int it_add(int a, int b);
  int it_fail_with(int e);
  typedef int32_t (*it_int_binop)(int32_t a, int32_t b);
  void it_store_callback(it_int_binop f);
  int32_t it_call_stored(int32_t a, int32_t b);
  void it_clear_callback(void);
  ]]
  local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
  local lines = {}
  local cb = ffi.cast("it_int_binop", function(a, b)
    local line = debug.getinfo(3, "l").currentline
    lines[line] = (lines[line] or 0) + 1
    if a % 3 == 0 then ffi.errno(a) else lib.it_fail_with(a) end
    return a + b
  end)
  lib.it_store_callback(cb)
  lib.it_call_stored(0, 0)
  local acc, errors = 0, 0
  for i = 1, 300 do
    acc = lib.it_add(acc, 1)
    acc = acc + lib.it_call_stored(i, 1)
    if i % 7 == 0 then acc = acc + lib.it_call_stored(i, 2) end
    errors = errors + ffi.errno()
  end
  lib.it_clear_callback()
  local counted = {}
  for line, n in pairs(lines) do counted[#counted + 1] = line .. "x" .. n end
  table.sort(counted)
  print(acc, errors, table.concat(counted, " "))
  cb:free()
end
-- expect: 52155	45150	93x1 97x300 98x42

-- test: errno is the thread's, not a coroutine's: a coroutine's compiled calls and its caller's share it across yields
do
  local ffi = require 'ffi'
  ffi.cdef [[
  int it_fail_with(int e);
  int it_get_errno(void);
  ]]
  local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
  ffi.errno(0)
  local co = coroutine.wrap(function()
    local n = 0
    for i = 1, 200 do
      n = n + lib.it_get_errno()
      lib.it_fail_with(i)
      if i % 50 == 0 then coroutine.yield(n, ffi.errno()) end
    end
  end)
  for k = 1, 4 do
    local n, e = co()
    print(n, e, ffi.errno())
    lib.it_fail_with(1000 + k)
  end
  print(ffi.errno())
end
-- expect: 1225	50	50
-- expect: 5901	100	100
-- expect: 13028	150	150
-- expect: 22606	200	200
-- expect: 1004
