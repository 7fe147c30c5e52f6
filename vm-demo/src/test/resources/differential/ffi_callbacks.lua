-- Lua functions called from C: every argument type the callback path converts itself,
-- results converted to the return type, errors inside callbacks, cb:set and cb:free,
-- and a callback of more parameters than the direct conversions take at once.
local ffi = require "ffi"
ffi.cdef [[
typedef int32_t (*it_int_binop)(int32_t a, int32_t b);
typedef double (*it_double_fn)(double x);
typedef int32_t (*it_int_fn)(int32_t x);
typedef void (*it_visit_fn)(int32_t index, void *user_data);
struct it_cb_pair { int32_t a; double b; };
typedef double (*it_pair_fn)(struct it_cb_pair p);
typedef struct it_cb_pair (*it_make_pair_fn)(int32_t a, double b);
typedef void (*it_out_fn)(int32_t *out, void *user_data);
typedef double (*it_mixed8_fn)(int8_t a, int16_t b, int32_t c, int64_t d, float e,
                               double f, const char *g, bool h);
int32_t it_call_int_binop(it_int_binop f, int32_t a, int32_t b);
double it_call_double_fn(it_double_fn f, double x);
double it_call_twice(it_double_fn f, double x);
int32_t it_call_with_out(it_out_fn f, void *user_data);
double it_call_mixed8(it_mixed8_fn f);
void it_apply_ints(int32_t *values, size_t count, it_int_fn f);
double it_sum_mapped(const double *values, size_t count, it_double_fn f);
void it_for_each_index(int32_t count, it_visit_fn f, void *user_data);
]]
local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))

print(lib.it_call_int_binop(function(a, b) return a * b end, 6, 7))
print(lib.it_call_int_binop(function(a, b) return a / b end, 7, 2))
print(lib.it_call_int_binop(function(a, b) return 2^40 end, 0, 0))
print(lib.it_call_int_binop(function(a, b) return -2.5 end, 0, 0))
print(lib.it_call_int_binop(function(a, b) return 5LL end, 0, 0))
print(lib.it_call_int_binop(function(a, b) return true end, 0, 0))
print(lib.it_call_double_fn(function(x) return x / 3 end, 1))
print(lib.it_call_double_fn(function(x) return 7LL end, 1))
print(lib.it_call_twice(function(x) return x * x end, 3))
print(lib.it_call_mixed8(function(a, b, c, d, e, f, g, h)
  print(a, b, c, d, e, f, type(g), ffi.string(g), h)
  return a + b + c + tonumber(d) + e + f
end))

-- Argument types as the callback sees them.
local seen = {}
lib.it_call_int_binop(function(a, b) seen[1] = type(a) .. " " .. tostring(b) return 0 end, -3, 2^31 - 1)
print(seen[1])
local values = ffi.new("int32_t[4]", {1, 2, 3, 4})
lib.it_apply_ints(values, 4, function(x) return x * 10 end)
print(values[0], values[1], values[2], values[3])
local doubles = ffi.new("double[3]", {0.5, 1.5, 2.5})
print(lib.it_sum_mapped(doubles, 3, function(x) return x * 2 end))
local order = {}
lib.it_for_each_index(3, function(i, user) order[#order + 1] = i .. ":" .. tostring(user == nil) end, nil)
print(table.concat(order, " "))
print(lib.it_call_with_out(function(out, user) out[0] = out[0] + 100 end, nil))


-- A callback object: called many times, replaced with set, freed.
local cb = ffi.cast("it_double_fn", function(x) return x + 1 end)
local sum = 0
for i = 1, 20000 do sum = sum + lib.it_call_double_fn(cb, i) end
print(sum)
cb:set(function(x) return x - 1 end)
print(lib.it_call_double_fn(cb, 10))
cb:free()
local icb = ffi.cast("it_int_fn", function(x) return x * 2 end)
print(lib.it_call_int_binop == nil, ffi.cast("it_int_fn", icb) ~= nil)
icb:free()

-- Errors raised inside a callback surface from the C call.
print(pcall(lib.it_call_double_fn, function(x) error("inside") end, 1))
print(pcall(lib.it_call_int_binop, function(a, b) return "x" end, 1, 2))
print(pcall(lib.it_call_int_binop, function(a, b) return nil end, 1, 2))
print(lib.it_call_double_fn(function(x) return x end, 4))

-- A yield from inside a C callback: LuaJIT's error, and the coroutine is dead.
ffi.cdef "double it_call_double_fn(it_double_fn f, double x);"
local co = coroutine.create(function()
  return lib.it_call_double_fn(function(x) coroutine.yield(x) return x end, 2)
end)
print(coroutine.resume(co))
print(coroutine.status(co))
