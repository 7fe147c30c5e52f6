-- C calling Lua functions back: a callback's function trace entered straight from the upcall
-- (CallbackEntry), relinked when the trace is flushed or replaced, with errors and yields
-- inside the callback as LuaJIT has them.

-- test: a qsort comparator called back many times sorts as the interpreter sorts
do
  local ffi = require 'ffi'
  ffi.cdef [[ void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *)); ]]
  local count, compared = 2000, 0
  local keys = ffi.new('int[?]', count)
  -- Descending, ties impossible: each comparison reads both elements through a cast.
  local descending = ffi.cast('int (*)(const void *, const void *)', function(x, y)
    compared = compared + 1
    local a, b = ffi.cast('const int *', x)[0], ffi.cast('const int *', y)[0]
    return b - a
  end)
  for round = 1, 3 do
    for i = 0, count - 1 do keys[i] = (i * 7919 + round) % count end
    compared = 0
    ffi.C.qsort(keys, count, ffi.sizeof('int'), descending)
    local ordered = true
    for i = 1, count - 1 do ordered = ordered and keys[i - 1] > keys[i] end
    print(round, ordered, keys[0], keys[count - 1], compared > count)
  end
  descending:free()
end
-- expect: 1	true	1999	0	true
-- expect: 2	true	1999	0	true
-- expect: 3	true	1999	0	true

-- test: a callback's trace flushed and replaced while C keeps calling it
do
  local ffi = require 'ffi'
  ffi.cdef [[
  typedef double (*it_double_fn)(double x);
  double it_sum_mapped(const double *values, size_t count, it_double_fn f);
  ]]
  local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
  local n = 500
  local values = ffi.new('double[?]', n)
  for i = 0, n - 1 do values[i] = i end
  local seen = 0
  local cb = ffi.cast('it_double_fn', function(x)
    seen = seen + 1
    if seen % 700 == 0 then jit.flush() end
    if x > 400 then return x * 3 end
    return x * 0.5
  end)
  local total = 0
  for round = 1, 6 do
    total = total + lib.it_sum_mapped(values, n, cb)
    if round == 3 then jit.flush() end
  end
  print(total, seen)
  cb:free()
end
-- expect: 1042500	3000

-- test: a callback whose argument changes type after its trace was compiled
do
  local ffi = require 'ffi'
  ffi.cdef [[
  typedef int32_t (*it_int_binop)(int32_t a, int32_t b);
  int32_t it_call_int_binop(it_int_binop f, int32_t a, int32_t b);
  ]]
  local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
  local mode = 'add'
  local cb = ffi.cast('it_int_binop', function(a, b)
    if mode == 'add' then return a + b end
    if mode == 'string' then return tonumber(a .. b) end
    return a * b
  end)
  local s = 0
  for i = 1, 300 do
    if i == 100 then mode = 'mul' elseif i == 200 then mode = 'string' end
    s = s + lib.it_call_int_binop(cb, i, 3)
  end
  print(s)
  cb:free()
end
-- expect: 302900

-- test: a callback raising an error inside a compiled native call
do
  local ffi = require 'ffi'
  ffi.cdef [[ double it_call_double_fn(double (*f)(double), double x); ]]
  local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
  local cb = ffi.cast('double (*)(double)', function(x)
    if x == 250 then error('no ' .. x) end
    return x + 1
  end)
  local function run()
    local t = 0
    for i = 1, 300 do t = t + lib.it_call_double_fn(cb, i) end
    return t
  end
  print(pcall(run))
  local t = 0
  for i = 1, 200 do t = t + lib.it_call_double_fn(cb, i) end
  print(t)
  cb:free()
end
-- expect: false	callbacks.lua:89: no 250
-- expect: 20300

-- test: a yield inside a callback is an error, traced or not
do
  local ffi = require 'ffi'
  ffi.cdef [[ double it_call_double_fn(double (*f)(double), double x); ]]
  local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
  local cb = ffi.cast('double (*)(double)', function(x)
    if x > 150 then coroutine.yield(x) end
    return x * 2
  end)
  local co = coroutine.wrap(function()
    local t = 0
    for i = 1, 200 do t = t + lib.it_call_double_fn(cb, i) end
    return t
  end)
  print(pcall(co))
  cb:free()
end
-- expect: false	callbacks.lua:112: attempt to yield across C-call boundary

-- test: a callback calling C that calls it back, twenty deep
do
  local ffi = require 'ffi'
  ffi.cdef [[ double it_call_double_fn(double (*f)(double), double x); ]]
  local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
  local cb
  cb = ffi.cast('double (*)(double)', function(x)
    if x <= 0 then return 0 end
    return x + lib.it_call_double_fn(cb, x - 1)
  end)
  local t = 0
  for i = 1, 100 do t = t + lib.it_call_double_fn(cb, 20) end
  print(t)
  cb:free()
end
-- expect: 21000

-- test: a qsort comparator whose trace is left in the middle of a call, on a branch it did not record
do
  local ffi = require 'ffi'
  ffi.cdef [[ void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *)); ]]
  local count = 3000
  local keys = ffi.new('int[?]', count)
  local oddCalls = 0
  -- Even keys first, ascending; odd keys after them, descending: two paths through one comparator.
  local evenThenOdd = ffi.cast('int (*)(const void *, const void *)', function(x, y)
    local a, b = ffi.cast('const int *', x)[0], ffi.cast('const int *', y)[0]
    if a % 2 ~= b % 2 then return a % 2 - b % 2 end
    if a % 2 == 0 then return a - b end
    oddCalls = oddCalls + 1
    return b - a
  end)
  for round = 1, 3 do
    for i = 0, count - 1 do keys[i] = (i * 7919 + round) % count end
    ffi.C.qsort(keys, count, 4, evenThenOdd)
    print(round, keys[0], keys[1], keys[count / 2 - 1], keys[count / 2], keys[count - 1], oddCalls > 0)
  end
  evenThenOdd:free()
end
-- expect: 1	0	2	2998	2999	1	true
-- expect: 2	0	2	2998	2999	1	true
-- expect: 3	0	2	2998	2999	1	true

-- test: a qsort comparator raising an error: qsort's call fails with it, and the comparator works afterwards
do
  local ffi = require 'ffi'
  ffi.cdef [[ void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *)); ]]
  local count = 500
  local keys = ffi.new('int[?]', count)
  local compared, limit = 0, math.huge
  local ascending = ffi.cast('int (*)(const void *, const void *)', function(x, y)
    compared = compared + 1
    if compared == limit then error('compared ' .. compared .. ' times') end
    return ffi.cast('const int *', x)[0] - ffi.cast('const int *', y)[0]
  end)
  local function sort()
    for i = 0, count - 1 do keys[i] = (i * 7919) % count end
    compared = 0
    ffi.C.qsort(keys, count, 4, ascending)
    return keys[0], keys[count - 1]
  end
  print(sort())
  limit = 1000
  print(pcall(sort))
  limit = math.huge
  print(sort())
  ascending:free()
end
-- expect: 0	499
-- expect: false	callbacks.lua:177: compared 1000 times
-- expect: 0	499

-- test: a comparator's pointer arguments: those it keeps stay as they were, those it lets go may be made again for the next comparison
do
  local ffi = require 'ffi'
  ffi.cdef [[ void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *)); ]]
  local count = 3000
  local keys = ffi.new('int[?]', count)
  for i = 0, count - 1 do keys[i] = (i * 7919) % count end
  local kept, copies, calls = {}, {}, 0
  local cmp = ffi.cast('int (*)(const void *, const void *)', function(x, y)
    calls = calls + 1
    if calls % 3 == 0 then
      local n = #kept + 1
      kept[n] = x
      copies[n] = ffi.cast('const void *', x)
    end
    return ffi.cast('const int *', x)[0] - ffi.cast('const int *', y)[0]
  end)
  ffi.C.qsort(keys, count, 4, cmp)
  local sorted, same = true, 0
  for i = 1, count - 1 do sorted = sorted and keys[i - 1] <= keys[i] end
  for i = 1, #kept do
    if kept[i] == copies[i] then same = same + 1 end
  end
  print(sorted, #kept == same, #kept > 1000)
  cmp:free()
end
-- expect: true	true	true

-- test: a callback run by its direct entry: numbers in, a number out, a call in it failing, fewer parameters than arguments
do
  local ffi = require 'ffi'
  ffi.cdef [[
  typedef int32_t (*it_int_binop)(int32_t a, int32_t b);
  int32_t it_call_int_binop(it_int_binop f, int32_t a, int32_t b);
  ]]
  local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
  local cb = ffi.cast('it_int_binop', function(a, b)
    return #string.char(a % 300, b) * a - b
  end)
  local function run(n)
    local s = 0
    for i = 1, n do s = s + lib.it_call_int_binop(cb, i, 7) end
    return s
  end
  print(run(250), pcall(run, 400))
  print(run(200))
  local one = ffi.cast('it_int_binop', function(a) return a * 2 end)
  local t = 0
  for i = 1, 300 do t = t + lib.it_call_int_binop(one, i, 1000) end
  print(t)
  cb:free()
  one:free()
end
-- expect: 61000	false	callbacks.lua:234: bad argument #1 to 'char' (invalid value)
-- expect: 38800
-- expect: 90300

-- test: a loop calling qsort is recorded while its comparator, itself looping, runs compiled: the recording sets itself aside for the callbacks
do
  local ffi = require("ffi")
  ffi.cdef[[void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));]]
  local arr = ffi.new("int[?]", 50)
  local steps = 0
  local cmp = ffi.cast("int (*)(const void *, const void *)", function(a, b)
    local x, y = ffi.cast("const int *", a)[0], ffi.cast("const int *", b)[0]
    for k = 1, 3 do steps = steps + k end
    return x - y
  end)
  local total = 0
  for round = 1, 30 do
    for i = 0, 49 do arr[i] = (i * 37 + round) % 50 end
    ffi.C.qsort(arr, 50, 4, cmp)
    total = total + arr[0] + arr[49] * round + arr[round]
  end
  print(total, steps, arr[10])
  cmp:free()
end
-- expect: 23250	41154	10

-- test: a comparator whose trace makes no call, left at an exit: the interpreter finishes it in the callback's frame, which the call stack shows
do
  local ffi = require 'ffi'
  ffi.cdef [[ void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *)); ]]
  local count = 2000
  local keys = ffi.new('int[?]', count)
  local seen = {}
  local function depth()
    local level = 1
    while debug.getinfo(level + 1, 'S') do level = level + 1 end
    return level
  end
  local outside = depth()
  local byKey = ffi.cast('int (*)(const void *, const void *)', function(x, y)
    local a, b = ffi.cast('const int *', x)[0], ffi.cast('const int *', y)[0]
    if a == 1234 or b == 1234 then
      -- Not on the recorded path: the trace exits, the interpreter runs this in the callback's frame.
      local here, below = debug.getinfo(1, 'Sl'), debug.getinfo(2, 'S')
      seen[#seen + 1] = here.currentline .. ' ' .. below.what .. ' ' .. (depth() - outside)
    end
    return a - b
  end)
  for round = 1, 3 do
    for i = 0, count - 1 do keys[i] = (i * 7919 + round) % count end
    seen = {}
    ffi.C.qsort(keys, count, 4, byKey)
    print(round, keys[0], keys[count - 1], #seen > 0, seen[1], depth() - outside)
  end
  byKey:free()
end
-- expect: 1	0	1999	true	293 C 2	0
-- expect: 2	0	1999	true	293 C 2	0
-- expect: 3	0	1999	true	293 C 2	0

-- test: callbacks of narrow, unsigned and floating types entered by their traces: each argument widened from its C type, each result converted to it
do
  local ffi = require 'ffi'
  -- Each called from Lua through its C pointer often enough to be compiled and entered by its
  -- trace's direct entry (CallbackMethod writes these conversions in bytecode).
  local u8 = ffi.cast('uint16_t (*)(uint8_t, uint16_t)', function(a, b) return a * 1000 + b end)
  local s8 = ffi.cast('int8_t (*)(int8_t, float)', function(a, b) return a + b end)
  local u32 = ffi.cast('uint32_t (*)(uint32_t)', function(a) return a + 1 end)
  local f = ffi.cast('float (*)(double, int16_t)', function(a, b) return a / 3 + b end)
  local ch = ffi.cast('char (*)(unsigned char)', function(a) return a end)
  local sums = {0, 0, 0, 0, 0}
  for i = 1, 300 do
    sums[1] = sums[1] + u8(i, 65535 - i)
    sums[2] = sums[2] + s8(i - 150, 0.75)
    sums[3] = sums[3] + u32(0xFFFFFFFF - i % 3)
    sums[4] = sums[4] + f(i, -i)
    sums[5] = sums[5] + ch(i % 256)
  end
  print(sums[1], sums[2], sums[3], sums[4], sums[5])
  print(u8(255, 1), s8(127, 1.5), u32(0xFFFFFFFF), f(1, 2), ch(200))
  u8:free(); s8:free(); u32:free(); f:free(); ch:free()
end
-- expect: 9205158	-211	858993458900	-30100.00000006	862
-- expect: 58393	-128	0	2.3333332538605	-56
