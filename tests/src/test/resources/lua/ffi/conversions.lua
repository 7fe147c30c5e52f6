-- Conversions of Lua values by ffi.cast and comparisons, as LuaJIT performs them (issue #10).

-- test: a cast converts out-of-range numbers as every other conversion to an integer type does
do
  local ffi = require("ffi")
  print(tonumber(ffi.cast("int32_t", 0xffffffff)), tonumber(ffi.cast("uint32_t", -1)), tonumber(ffi.cast("int8_t", 200)), tonumber(ffi.cast("int", 1e10)))
  print(tonumber(ffi.cast("int16_t", 70000)), tonumber(ffi.cast("uint8_t", 300)), tonumber(ffi.cast("int32_t", -2 ^ 31 - 1)), tonumber(ffi.cast("int32_t", 2 ^ 31)))
  print(tonumber(ffi.cast("uint16_t", -1)), tonumber(ffi.cast("uint32_t", 2 ^ 32 + 5)), tonumber(ffi.cast("int8_t", -129.5)), tonumber(ffi.cast("uint32_t", 1e20)))
  print(tonumber(ffi.cast("int32_t", 0 / 0)), tonumber(ffi.cast("bool", 0.5)), tonumber(ffi.cast("char", 255)), tonumber(ffi.cast("int32_t", 3.99)))
  print(tonumber(ffi.new("int32_t", 0xffffffff)), tonumber(ffi.new("int8_t", 200)))
end
-- expect: -2147483648	4294967295	-56	-2147483648
-- expect: 4464	44	-2147483648	-2147483648
-- expect: 65535	5	127	0
-- expect: -2147483648	1	-1	3
-- expect: -2147483648	-56

-- test: a pointer cast to a narrower integer keeps its low bits
do
  local ffi = require("ffi")
  print(tonumber(ffi.cast("int32_t", ffi.cast("void *", 0x123456789))), tonumber(ffi.cast("uint16_t", ffi.cast("void *", 0x12345))))
  print(pcall(ffi.cast, "double", ffi.cast("void *", 8)))
end
-- expect: 591751049	9029
-- expect: false	cannot convert 'void *' to 'double'

-- test: an enum cdata equals and orders against strings naming its constants
do
  local ffi = require("ffi")
  ffi.cdef[[typedef enum conv_abc { CONV_AA, CONV_BB, CONV_CC } conv_abc; typedef struct conv_holder { conv_abc e; } conv_holder;]]
  local h = ffi.new("conv_holder", 1)
  print(h.e == "CONV_BB", h.e == "CONV_CC", "CONV_BB" == h.e, h.e ~= "CONV_BB", h.e == 1, h.e == "ZZ")
  print(h.e < "CONV_CC", h.e <= "CONV_BB", "CONV_AA" < h.e, h.e < "CONV_AA")
  print(pcall(function() return h.e < "ZZ" end))
  local e = ffi.new("conv_abc", "CONV_CC")
  print(e == "CONV_CC", e == 2, e < "CONV_BB", e < 3)
end
-- expect: true	false	true	false	true	false
-- expect: true	true	true	false
-- expect: false	conversions.lua:34: cannot convert 'string' to 'enum conv_abc'
-- expect: true	true	false	true

-- test: a number meeting a uint64_t in arithmetic or a comparison converts to uint64_t, out of range as ffi.new does
do
  local ffi = require("ffi")
  print(2^64-1+0ULL, -1+0ULL, 0ULL+(-1), 0ULL-1, 1ULL*-1, 2^64+2^12+0ULL)
  print(-1 < 0ULL, -1 == 2^63+0ULL, 0ULL == -1, 2^63 == -1+0ULL)
  print(ffi.new("uint64_t", -1) == -1+0ULL, ffi.new("uint64_t", 2^64) == 2^64+0ULL)
end
-- expect: 0ULL	9223372036854775808ULL	9223372036854775808ULL	18446744073709551615ULL	9223372036854775808ULL	4096ULL
-- expect: false	true	false	true
-- expect: true	true

-- test: a number from 2^63 up converts to int64_t as x64 truncation does: the integer indefinite
do
  local ffi = require("ffi")
  local n = 2^63 + 2^11
  print(n + 0LL, ffi.new("int64_t", n), ffi.cast("int64_t", 2^64 - 2^12), 0LL - n)
  print(tonumber(ffi.new("uint32_t", n)), tonumber(ffi.cast("uint32_t", 2^64 - 2^12)), tonumber(ffi.new("uint32_t", -2^33 - 5)))
end
-- expect: -9223372036854775808LL	-9223372036854775808LL	-9223372036854775808LL	-9223372036854775808LL
-- expect: 0	0	4294967291

-- test: a number converts to uint64_t exactly from 2^63 to 2^64, and between -1 and 0 truncates to 0, in every conversion
do
  local ffi = require("ffi")
  ffi.cdef[[uint64_t it_id_uint64(uint64_t v); struct conv_u64 { uint64_t v; };]]
  local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
  for _, n in ipairs({2^63, 2^64 - 2^11, -0.5, -0.999, -1, 0/0, 2^64, 2^64 + 2^62}) do
    local s = ffi.new("struct conv_u64")
    s.v = n
    print(ffi.new("uint64_t", n), ffi.cast("uint64_t", n), s.v, lib.it_id_uint64(n), n + 0ULL)
  end
  local u = ffi.new("uint64_t[1]")
  for i = 1, 60 do u[0] = 2^63 + i * 2^11 end
  print(u[0], ffi.cast("uint64_t", -0.5) == 0ULL, 5ULL > -0.5)
end
-- expect: 9223372036854775808ULL	9223372036854775808ULL	9223372036854775808ULL	9223372036854775808ULL	9223372036854775808ULL
-- expect: 18446744073709549568ULL	18446744073709549568ULL	18446744073709549568ULL	18446744073709549568ULL	18446744073709549568ULL
-- expect: 0ULL	0ULL	0ULL	0ULL	0ULL
-- expect: 0ULL	0ULL	0ULL	0ULL	0ULL
-- expect: 9223372036854775808ULL	9223372036854775808ULL	9223372036854775808ULL	9223372036854775808ULL	9223372036854775808ULL
-- expect: 9223372036854775808ULL	9223372036854775808ULL	9223372036854775808ULL	9223372036854775808ULL	9223372036854775808ULL
-- expect: 0ULL	0ULL	0ULL	0ULL	0ULL
-- expect: 4611686018427387904ULL	4611686018427387904ULL	4611686018427387904ULL	4611686018427387904ULL	4611686018427387904ULL
-- expect: 9223372036854898688ULL	true	true

-- test: a _Bool bitfield stores whether the value is not zero, as C's conversion to _Bool does
do
  local ffi = require("ffi")
  ffi.cdef[[struct conv_flags { _Bool a : 1; unsigned n : 3; bool b : 1; };]]
  local s = ffi.new("struct conv_flags")
  local seen = {}
  for _, v in ipairs({2, 0, 0.5, -1, 256, true, false, 4}) do
    s.a = v; s.b = v; s.n = 5
    seen[#seen + 1] = tostring(s.a) .. "/" .. tostring(s.b) .. "/" .. s.n
  end
  print(table.concat(seen, " "))
  for i = 1, 60 do s.a = i * 2; s.b = i % 2 * 2 end
  print(s.a, s.b, ffi.new("struct conv_flags", 2, 7, 4).a, ffi.new("struct conv_flags", {b = 6}).b)
end
-- expect: true/true/5 false/false/5 true/true/5 true/true/5 true/true/5 true/true/5 false/false/5 true/true/5
-- expect: true	false	true	true

-- test: a callback's number result converts to its integer return type, and a number to a C integer parameter, out of range as every other conversion does
do
  local ffi = require("ffi")
  ffi.cdef[[
  typedef int32_t (*it_int_binop)(int32_t a, int32_t b);
  int32_t it_call_int_binop(it_int_binop f, int32_t a, int32_t b);
  ]]
  local lib = ffi.load(os.getenv("ISTHMUS_TEST_LIB"))
  local identity = function(x) return x end
  local casts = {}
  for _, t in ipairs({"int8_t", "uint8_t", "int16_t", "uint16_t", "int32_t", "uint32_t", "int64_t", "uint64_t"}) do
    casts[#casts + 1] = ffi.cast(t .. " (*)(double)", identity)
  end
  local first = ffi.cast("it_int_binop", function(a, b) return a end)
  for _, n in ipairs({200, -129.5, 70000, 2^31, -2^31 - 1, 2^32 + 5, 1e10, -1, 3.99, 2^63, 0/0}) do
    local line = {}
    for i = 1, #casts do line[i] = tostring(casts[i](n)) end
    local sum = 0
    for _ = 1, 60 do sum = sum + lib.it_call_int_binop(first, n, 0) end
    line[#line + 1] = tostring(sum / 60)
    print(table.concat(line, " "))
  end
end
-- expect: -56 200 200 200 200 200 200LL 200ULL 200
-- expect: 127 127 -129 65407 -129 4294967167 -129LL 9223372036854775808ULL -129
-- expect: 112 112 4464 4464 70000 70000 70000LL 70000ULL 70000
-- expect: 0 0 0 0 -2147483648 2147483648 2147483648LL 2147483648ULL -2147483648
-- expect: 0 0 0 0 -2147483648 2147483647 -2147483649LL 9223372036854775808ULL -2147483648
-- expect: 0 0 0 0 -2147483648 5 4294967301LL 4294967301ULL -2147483648
-- expect: 0 0 0 0 -2147483648 1410065408 10000000000LL 10000000000ULL -2147483648
-- expect: -1 255 -1 65535 -1 4294967295 -1LL 9223372036854775808ULL -1
-- expect: 3 3 3 3 3 3 3LL 3ULL 3
-- expect: 0 0 0 0 -2147483648 0 -9223372036854775808LL 9223372036854775808ULL -2147483648
-- expect: 0 0 0 0 -2147483648 0 -9223372036854775808LL 9223372036854775808ULL -2147483648
