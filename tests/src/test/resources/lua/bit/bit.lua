-- LuaJIT's bit library: 32-bit operations on numbers, 64-bit ones on int64 cdata.

-- test: band bor bxor
do
  print(bit.band(0xff, 0x0f), bit.bor(0xf0, 0x0f), bit.bxor(0xff, 0x0f), bit.band(7, 3, 1), bit.bor(1, 2, 4, 8))
end
-- expect: 15	255	240	1	15

-- test: bnot
do
  print(bit.bnot(0), bit.bnot(-1), bit.bnot(0x12345678))
end
-- expect: -1	0	-305419897

-- test: shifts
do
  print(bit.lshift(1, 4), bit.rshift(256, 4), bit.arshift(-256, 4), bit.rshift(-1, 28), bit.lshift(1, 31))
end
-- expect: 16	16	-16	15	-2147483648

-- test: shift counts are taken modulo 32
do
  print(bit.lshift(1, 32), bit.lshift(1, 33), bit.rshift(8, -1))
end
-- expect: 1	2	0

-- test: rotations
do
  print(bit.rol(0x12345678, 8), bit.ror(0x12345678, 8), bit.rol(1, 31), bit.ror(1, 1))
end
-- expect: 878082066	2014458966	-2147483648	-2147483648

-- test: tobit normalises to signed 32 bits
do
  print(bit.tobit(0xffffffff), bit.tobit(2 ^ 32 + 5), bit.tobit(-1), bit.tobit(1.5), bit.tobit(2 ^ 31))
end
-- expect: -1	5	-1	2	-2147483648

-- test: tobit at or beyond 2^51 keeps the low bits of the number plus 2^52+2^51, as LuaJIT does
do
  print(bit.tobit(2 ^ 51 + 5), bit.tobit(2 ^ 52 + 5), bit.tobit(2 ^ 53 + 6), bit.tobit(-2 ^ 51 - 5), bit.tobit(-2 ^ 52 - 5))
  print(bit.tobit(2 ^ 60), bit.tobit(2 ^ 63 + 2 ^ 40), bit.tobit(2 ^ 1000), bit.tobit(1 / 0), bit.tobit(-1 / 0), bit.tobit(0 / 0))
  print(bit.tobit(2 ^ 51 + 0.5), bit.tobit(2 ^ 51 + 1.5), bit.tobit(2 ^ 50 + 0.5), bit.tobit(4503599627370497.5))
end
-- expect: 2	2	3	-10	-20
-- expect: 0	536870912	0	0	0	0
-- expect: 0	1	0	1

-- test: every bit operation converts its numbers as tobit does
do
  print(bit.band(2 ^ 52 + 5, 0xff), bit.bor(2 ^ 51 + 0.5, 0), bit.bxor(2 ^ 52, 1), bit.bnot(2 ^ 52 + 1), bit.bswap(2 ^ 52 + 1))
  print(bit.lshift(1, 2 ^ 52 + 3), bit.rshift(-1, 2 ^ 52 + 33), bit.rol(2 ^ 52 + 1, 1), bit.tohex(2 ^ 52 + 255), bit.tohex(255, 2 ^ 52 + 4))
end
-- expect: 2	0	1	-1	0
-- expect: 4	65535	0	00000080	ff

-- test: tohex
do
  print(bit.tohex(255), bit.tohex(-1), bit.tohex(255, 2), bit.tohex(255, -4), bit.tohex(0x12345678, 10))
end
-- expect: 000000ff	ffffffff	ff	00FF	0012345678

-- test: tohex with more than eight digits
do
  print(bit.tohex(-1, 10), bit.tohex(-1, 16), bit.tohex(-1, -12), bit.tohex(1, 0) == "")
end
-- expect: 00ffffffff	00000000ffffffff	0000FFFFFFFF	true

-- test: bswap
do
  print(bit.tohex(bit.bswap(0x12345678)), bit.bswap(0))
end
-- expect: 78563412	0

-- test: results are signed
do
  print(bit.bor(0x80000000, 0), bit.band(0xffffffff, 0xffffffff))
end
-- expect: -2147483648	-1

-- test: string arguments are coerced
do
  print(bit.band("255", "15"), bit.lshift("1", 2))
end
-- expect: 15	4

-- test: bad argument
do
  print(pcall(bit.band, "x", 1))
end
-- expect: false	bad argument #1 to '?' (number expected, got string)

-- test: 64-bit operations on int64 cdata
do
  print(bit.band(0xffffffffffLL, 0xff), bit.lshift(1LL, 40), bit.bnot(0LL), bit.rshift(-1LL, 60))
end
-- expect: 255LL	1099511627776LL	-1LL	15LL

-- test: 64-bit operations with uint64
do
  print(bit.bor(1ULL, 2), bit.arshift(0x8000000000000000ULL, 63), bit.tohex(0x123456789abcdefULL))
end
-- expect: 3ULL	18446744073709551615ULL	0123456789abcdef

-- test: tobit of int64 keeps the low 32 bits
do
  print(bit.tobit(0x100000005LL))
end
-- expect: 5

-- test: bit operations with integer, enum and 64-bit cdata operands are 64-bit, as in LuaJIT 2.1
do
  local bit = require "bit"
  local ffi = require "ffi"
  print(bit.band(1ll, 1, 1ll, -1), bit.band(0xFFFFFFFFFFLL, 2^40), bit.bor(1LL, -1))
  print(bit.lshift(10ll, 2), bit.lshift(10, 2ll), bit.lshift(10ll, 2ll), bit.tohex(0x123456789abcdef0LL), bit.tohex(255, 4ll))
  for _, tp in ipairs{"int", "int64_t", "uint64_t", "uint8_t", "double"} do
    local x = ffi.new(tp, 10)
    print(tp, bit.tobit(x), type(bit.band(x)), bit.band(x), bit.bnot(x), bit.rshift(x, 1), bit.arshift(-x, 1))
  end
  print(bit.tobit(0xfedcba9876543210ll), bit.band("7", 3ll), pcall(bit.band, 1ll, {}))
  print(bit.rol(1ll, 63), bit.ror(1ull, 1), bit.bswap(0x0102030405060708ll), bit.bxor(5ll, 3))
end
-- expect: 1LL	0LL	-1LL
-- expect: 40LL	40	40LL	123456789abcdef0	00ff
-- expect: int	10	cdata	10LL	-11LL	5LL	-5LL
-- expect: int64_t	10	cdata	10LL	-11LL	5LL	-5LL
-- expect: uint64_t	10	cdata	10ULL	18446744073709551605ULL	5ULL	18446744073709551611ULL
-- expect: uint8_t	10	cdata	10LL	-11LL	5LL	-5LL
-- expect: double	10	cdata	10LL	-11LL	5LL	-5LL
-- expect: 1985229328	3LL	false	bad argument #2 to '?' (number expected, got table)
-- expect: -9223372036854775808LL	9223372036854775808ULL	578437695752307201LL	6LL

-- test: tohex pads to more than 16 digits, its width a precision kept in 8 bits as LuaJIT's format has it
do
  print(bit.tohex(1, 20), bit.tohex(-1, 20), bit.tohex(0xab, -18))
  print(#bit.tohex(1, 254), bit.tohex(1, 255), bit.tohex(0xabcd, 256), #bit.tohex(1, 300), bit.tohex(0, 256) == "")
end
-- expect: 00000000000000000001	000000000000ffffffff	0000000000000000AB
-- expect: 254	1	abcd	44	true
