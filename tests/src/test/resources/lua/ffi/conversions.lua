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
