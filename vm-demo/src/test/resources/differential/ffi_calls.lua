-- Calls whose arguments take the direct path (numbers, 64-bit cdata, nil, pointers of the
-- parameter's type) and the same calls with arguments that need the full conversion
-- (strings, booleans, arrays, other pointer types), each result as LuaJIT prints it.
local ffi = require "ffi"
ffi.cdef [[
int it_add(int a, int b);
int64_t it_add_int64(int64_t a, int64_t b);
int32_t it_id_int32(int32_t v);
uint32_t it_id_uint32(uint32_t v);
int64_t it_id_int64(int64_t v);
uint64_t it_id_uint64(uint64_t v);
long it_id_long(long v);
unsigned long it_id_ulong(unsigned long v);
float it_id_float(float v);
double it_id_double(double v);
int8_t it_id_int8(int8_t v);
uint16_t it_id_ushort(uint16_t v);
bool it_id_bool(bool v);
size_t it_id_size(size_t v);
void *it_id_ptr(void *v);
int it_deref_int(const int *p);
void it_write_int(int *p, int v);
size_t strlen(const char *s);
double fabs(double x);
]]
local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))

print(lib.it_add(40, 2), lib.it_add(2^31 - 1, 1), lib.it_add(-5.9, 0.9), lib.it_add(3LL, 4ULL))
print(lib.it_add(2^32 + 7, 0), lib.it_add(1e10, 0), lib.it_add(-1e10, 0))
print(lib.it_add_int64(2^40, 1), lib.it_add_int64(1LL, -2), lib.it_add_int64(0x7fffffffffffffffLL, 1))
print(lib.it_id_int32(-7), lib.it_id_uint32(-1), lib.it_id_uint32(2^32 - 1), lib.it_id_uint32(3.7))
print(lib.it_id_int64(-1), lib.it_id_uint64(-1), lib.it_id_uint64(2^63), lib.it_id_int64(5ULL))
print(lib.it_id_long(-3), lib.it_id_ulong(3), lib.it_id_size(12))
print(lib.it_id_float(0.1), lib.it_id_float(1e39), lib.it_id_double(0.1), lib.it_id_double(-0.0))
print(lib.it_id_double(1/0), lib.it_id_double(-1/0), lib.it_id_double(0/0) ~= lib.it_id_double(0/0))
print(lib.it_id_int8(127), lib.it_id_int8(128), lib.it_id_ushort(-1), lib.it_id_bool(2), lib.it_id_bool(0))
print(type(lib.it_add(1, 2)), type(lib.it_id_int64(1)), type(lib.it_id_ptr(nil)))

-- Arguments the direct path does not take, then the direct path again.
print(lib.it_add(true, 1), pcall(lib.it_add, "3", 4))
print(pcall(lib.it_add, {}, 1))
print(pcall(lib.it_add, 1))
print(pcall(lib.it_add, 1, 2, 3))
print(lib.it_add(1, 2))
print(lib.it_id_double(5LL), pcall(lib.it_id_double, "2.5"), ffi.C.fabs(-2))

-- Pointers: of the parameter's type, void *, an array, a string, nil, and a mismatch.
local box = ffi.new("int[1]", 41)
local p = ffi.cast("int *", box)
print(lib.it_deref_int(p), lib.it_deref_int(box), lib.it_deref_int(ffi.cast("void *", p)))
lib.it_write_int(p, 9) print(box[0])
print(lib.it_write_int(p, 10), box[0])
print(lib.it_id_ptr(nil) == nil, lib.it_id_ptr(p) == ffi.cast("void *", p), lib.it_id_ptr(ffi.cast("void *", 0)) == nil)
print(ffi.C.strlen("hello"), ffi.C.strlen(ffi.new("char[8]", "abc")))
print(pcall(lib.it_deref_int, ffi.new("double[1]")))
print(pcall(lib.it_deref_int, ffi.cast("double *", box)))
print(pcall(lib.it_deref_int, 5))

-- A loop long enough for the JVM to compile the direct path.
local acc = 0
for i = 1, 20000 do acc = lib.it_add(acc, i % 3) end
print(acc)
local sum = 0LL
for i = 1, 20000 do sum = lib.it_add_int64(sum, i) end
print(sum)

-- Struct results, from number arguments (the direct path) and from a string argument.
ffi.cdef [[
struct it_d2 { double x; double y; };
struct it_d2 it_make_d2(double x, double y);
struct it_named { int32_t id; char name[12]; };
struct it_named it_make_named(int32_t id, const char *name);
]]
local d2 = lib.it_make_d2(1.25, 2.5)
print(d2.x, d2.y, ffi.sizeof(d2))
local named = lib.it_make_named(7, "seven")
print(named.id, ffi.string(named.name))
local last
for i = 1, 20000 do last = lib.it_make_d2(i, -i) end
print(last.x + last.y, last.x)
