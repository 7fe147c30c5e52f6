local h = require 'harness'
local ffi = require 'ffi'
ffi.cdef [[
typedef double (*it_double_fn)(double x);
double it_sum_mapped(const double *values, size_t count, it_double_fn f);
]]
local lib = ffi.load(os.getenv('ISTHMUS_TEST_LIB'))
local n = 100000
local values = ffi.new('double[?]', n)
for i = 0, n - 1 do values[i] = i end
local half = ffi.cast('it_double_fn', function(x) return x * 0.5 end)
-- Reported per callback: the cost of C calling a small Lua function and taking its result.
h.run('callback', n, function(count) return lib.it_sum_mapped(values, count, half) end)
