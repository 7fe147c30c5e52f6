-- Literals: numbers in all notations LuaJIT reads, string escapes, and 64-bit integers.

-- test: decimal and exponent notation
do
  print(3, 3.0, 3.1416, 314.16e-2, 0.31416E1, .5, 5., 1e300 * 1e10)
end
-- expect: 3	3	3.1416	3.1416	3.1416	0.5	5	inf

-- test: hexadecimal integers
do
  print(0xff, 0XA, 0x7fffffff, 0xffffffff, 0x10000000000)
end
-- expect: 255	10	2147483647	4294967295	1099511627776

-- test: hexadecimal floats
do
  print(0x1p4, 0x1P-2, 0xA.8p0, 0x.1p4, 0x1.8p1)
end
-- expect: 16	0.25	10.5	1	3

-- test: decimal escapes
do
  print("\65\066\0677", #"\0\00\000", ("\255"):byte())
end
-- expect: ABC7	3	255

-- test: hexadecimal escapes
do
  print("\x41\x62\x7A", ("\xff"):byte(), #"\x00")
end
-- expect: Abz	255	1

-- test: z escape skips whitespace
do
  local s = "a\z
           b\z   c"
  print(s)
end
-- expect: abc

-- test: utf-8 escapes
do
  local s = "\u{48}\u{e9}\u{20AC}\u{1F600}"
  print(#s, s:byte(1, -1))
end
-- expect: 10	72	195	169	226	130	172	240	159	152	128

-- test: single character escapes
do
  print(#"\a\b\f\n\r\t\v\\\"\'", ("\t"):byte(), ("\v"):byte(), "it\'s", 'say "\"hi\""')
end
-- expect: 10	9	11	it's	say ""hi""

-- test: escaped newline in a string
do
  local s = "a\
b"
  print(s:byte(1, -1))
end
-- expect: 97	10	98

-- test: long string skips first newline
do
  local s = [[
x]]
  print(#s, s)
end
-- expect: 1	x

-- test: int64 literals
do
  print(1LL, -1LL, 0x7fffffffffffffffLL, 10ll, type(1LL))
end
-- expect: 1LL	-1LL	9223372036854775807LL	10LL	cdata

-- test: uint64 literals
do
  print(1ULL, 0xffffffffffffffffULL, 18446744073709551615ULL, 5ull)
end
-- expect: 1ULL	18446744073709551615ULL	18446744073709551615ULL	5ULL

-- test: int64 literal arithmetic stays 64-bit
do
  print(2LL ^ 62, 1LL + 1, 3ULL * 2, -(1LL), 7LL / 2, 7LL % 3)
end
-- expect: 4611686018427387904LL	2LL	6ULL	-1LL	3LL	1LL

-- test: number literal spellings print the same
do
  print(1e2 == 100, 0x64 == 100, 100.0 == 100)
end
-- expect: true	true	true

-- test: large and small numbers
do
  print(1e308, 2.5e-310 > 0, 123456789012, 1234567890123456789)
end
-- expect: 1e+308	true	123456789012	1.2345678901235e+18

-- test: malformed number is a syntax error
do
  print(loadstring("return 3..2"))
  print(loadstring("return 0xg"))
end
-- expect: nil	[string "return 3..2"]:1: malformed number near '3..2'
-- expect: nil	[string "return 0xg"]:1: malformed number near '0xg'
