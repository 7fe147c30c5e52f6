-- string.format with every conversion LuaJIT supports, and %q.

-- test: integer conversions
do
  print(string.format("%d %i %5d %-5d| %05d %+d", 42, -7, 3, 3, 42, 5))
end
-- expect: 42 -7     3 3    | 00042 +5

-- test: integer conversion truncates fractions
do
  print(string.format("%d %d", 3.9, -3.9))
end
-- expect: 3 -3

-- test: unsigned octal and hex
do
  print(string.format("%u %o %x %X %#x %#o", 42, 8, 255, 255, 255, 8))
end
-- expect: 42 10 ff FF 0xff 010

-- test: characters
do
  print(string.format("%c%c%c", 76, 117, 97))
end
-- expect: Lua

-- test: floating point conversions
do
  print(string.format("%f %.2f %10.3f %-10.1f| %e %.3E", 3.14159, 3.14159, 2.5, 2.5, 12345.678, 0.00012))
end
-- expect: 3.141590 3.14      2.500 2.5       | 1.234568e+04 1.200E-04

-- test: g conversion
do
  print(string.format("%g %g %g %g %.3g %G", 100000, 1000000, 0.0001, 0.00001, 3.14159, 1e-10))
end
-- expect: 100000 1e+06 0.0001 1e-05 3.14 1E-10

-- test: a conversion
do
  print(string.format("%a %A", 1, 0.5))
end
-- expect: 0x1p+0 0X1P-1

-- test: special floating values
do
  print(string.format("%f %f %.1f %e", 1 / 0, -1 / 0, 0.05, 0))
end
-- expect: inf -inf 0.1 0.000000e+00

-- test: strings with width and precision
do
  print(string.format("[%s] [%10s] [%-10s] [%.2s]", "abc", "abc", "abc", "abc"))
end
-- expect: [abc] [       abc] [abc       ] [ab]

-- test: s converts numbers and uses tostring
do
  print(string.format("%s %s %s", 1, 1.5, true), string.format("%s", setmetatable({}, {__tostring = function() return "obj" end})))
end
-- expect: 1 1.5 true	obj

-- test: percent sign
do
  print(string.format("100%% %d%%", 5))
end
-- expect: 100% 5%

-- test: q quotes strings
do
  print(string.format("%q", 'he said "hi"\n\tand\\left\0end'))
end
-- expect: "he said \"hi\"\
-- expect: \9and\\left\0end"

-- test: q with control characters and high bytes
do
  local q = string.format("%q", "\1\r\255\127")
  print((q:gsub("[^%w%p ]", function(c) return "<" .. c:byte() .. ">" end)))
end
-- expect: "\1\13<255>\127"

-- test: q with numbers
do
  print(string.format("%q %q", 1, 0.1))
end
-- expect: "1" "0.1"

-- test: format with missing argument
do
  print(pcall(string.format, "%d"))
end
-- expect: false	bad argument #2 to '?' (value expected)

-- test: format with a bad argument type
do
  print(pcall(string.format, "%d", "x"))
  print(pcall(string.format, "%s"))
end
-- expect: false	bad argument #2 to '?' (number expected, got string)
-- expect: false	bad argument #2 to '?' (value expected)

-- test: invalid conversion
do
  print(pcall(string.format, "%y", 1))
end
-- expect: false	invalid option '%y' to 'format'

-- test: format string numbers are coerced
do
  print(string.format("%d %.1f %x", "10", "2.25", "255"))
end
-- expect: 10 2.3 ff

-- test: large integers in format
do
  print(string.format("%d %x", 2 ^ 53, 2 ^ 40), string.format("%.0f", 2 ^ 63))
end
-- expect: 9007199254740992 10000000000	9223372036854775808

-- test: format with 64-bit cdata
do
  print(string.format("%d %x %s", 1LL, 255ULL, 5LL))
end
-- expect: 1 ff 5LL

-- test: rounding of half values
do
  print(string.format("%.0f %.0f %.0f %.1f %.2f", 0.5, 1.5, 2.5, 0.25, 1.005))
end
-- expect: 1 2 3 0.3 1.00

-- test: format options too long or unknown, quoted as LuaJIT quotes them
do
  print(pcall(string.format, "%100d", 1))
  print(pcall(string.format, "%.100f", 1))
  print(pcall(string.format, "%-5.123f", 1))
  print(pcall(string.format, "%10.3y", 1))
end
-- expect: false	invalid option '%100' to 'format'
-- expect: false	invalid option '%.100' to 'format'
-- expect: false	invalid option '%-5.123' to 'format'
-- expect: false	invalid option '%10.3y' to 'format'

-- test: %a rounds to the precision, normalises subnormals and takes flags as LuaJIT does
do
  local vals = {0, -0.0, 1, 1.5, 0.1, -2.75, 1/3, 2^-1074, 2^-1060*3, 1.7976931348623157e308, 2^-1022, 255.99}
  for _, f in ipairs({"%a", "%A", "%.0a", "%.1a", "%.3a", "%.13a", "%.15a", "%#.0a", "%12a|", "%-12a|", "%015.2a", "%+a", "% a"}) do
    local row = {}
    for _, v in ipairs(vals) do row[#row + 1] = string.format(f, v) end
    print(f, table.concat(row, " "))
  end
end
-- expect: %a	0x0p+0 -0x0p+0 0x1p+0 0x1.8p+0 0x1.999999999999ap-4 -0x1.6p+1 0x1.5555555555555p-2 0x1p-1074 0x1.8p-1059 0x1.fffffffffffffp+1023 0x1p-1022 0x1.fffae147ae148p+7
-- expect: %A	0X0P+0 -0X0P+0 0X1P+0 0X1.8P+0 0X1.999999999999AP-4 -0X1.6P+1 0X1.5555555555555P-2 0X1P-1074 0X1.8P-1059 0X1.FFFFFFFFFFFFFP+1023 0X1P-1022 0X1.FFFAE147AE148P+7
-- expect: %.0a	0x0p+0 -0x0p+0 0x1p+0 0x2p+0 0x2p-4 -0x1p+1 0x1p-2 0x1p-1074 0x2p-1059 0x2p+1023 0x1p-1022 0x2p+7
-- expect: %.1a	0x0.0p+0 -0x0.0p+0 0x1.0p+0 0x1.8p+0 0x1.ap-4 -0x1.6p+1 0x1.5p-2 0x1.0p-1074 0x1.8p-1059 0x2.0p+1023 0x1.0p-1022 0x2.0p+7
-- expect: %.3a	0x0.000p+0 -0x0.000p+0 0x1.000p+0 0x1.800p+0 0x1.99ap-4 -0x1.600p+1 0x1.555p-2 0x1.000p-1074 0x1.800p-1059 0x2.000p+1023 0x1.000p-1022 0x2.000p+7
-- expect: %.13a	0x0.0000000000000p+0 -0x0.0000000000000p+0 0x1.0000000000000p+0 0x1.8000000000000p+0 0x1.999999999999ap-4 -0x1.6000000000000p+1 0x1.5555555555555p-2 0x1.0000000000000p-1074 0x1.8000000000000p-1059 0x1.fffffffffffffp+1023 0x1.0000000000000p-1022 0x1.fffae147ae148p+7
-- expect: %.15a	0x0.000000000000000p+0 -0x0.000000000000000p+0 0x1.000000000000000p+0 0x1.800000000000000p+0 0x1.999999999999a00p-4 -0x1.600000000000000p+1 0x1.555555555555500p-2 0x1.000000000000000p-1074 0x1.800000000000000p-1059 0x1.fffffffffffff00p+1023 0x1.000000000000000p-1022 0x1.fffae147ae14800p+7
-- expect: %#.0a	0x0.p+0 -0x0.p+0 0x1.p+0 0x2.p+0 0x2.p-4 -0x1.p+1 0x1.p-2 0x1.p-1074 0x2.p-1059 0x2.p+1023 0x1.p-1022 0x2.p+7
-- expect: %12a|	      0x0p+0|      -0x0p+0|       0x1p+0|     0x1.8p+0| 0x1.999999999999ap-4|    -0x1.6p+1| 0x1.5555555555555p-2|    0x1p-1074|  0x1.8p-1059| 0x1.fffffffffffffp+1023|    0x1p-1022| 0x1.fffae147ae148p+7|
-- expect: %-12a|	0x0p+0      | -0x0p+0     | 0x1p+0      | 0x1.8p+0    | 0x1.999999999999ap-4| -0x1.6p+1   | 0x1.5555555555555p-2| 0x1p-1074   | 0x1.8p-1059 | 0x1.fffffffffffffp+1023| 0x1p-1022   | 0x1.fffae147ae148p+7|
-- expect: %015.2a	0x0000000.00p+0 -0x000000.00p+0 0x0000001.00p+0 0x0000001.80p+0 0x0000001.9ap-4 -0x000001.60p+1 0x0000001.55p-2 0x0001.00p-1074 0x0001.80p-1059 0x0002.00p+1023 0x0001.00p-1022 0x0000002.00p+7
-- expect: %+a	+0x0p+0 -0x0p+0 +0x1p+0 +0x1.8p+0 +0x1.999999999999ap-4 -0x1.6p+1 +0x1.5555555555555p-2 +0x1p-1074 +0x1.8p-1059 +0x1.fffffffffffffp+1023 +0x1p-1022 +0x1.fffae147ae148p+7
-- expect: % a	 0x0p+0 -0x0p+0  0x1p+0  0x1.8p+0  0x1.999999999999ap-4 -0x1.6p+1  0x1.5555555555555p-2  0x1p-1074  0x1.8p-1059  0x1.fffffffffffffp+1023  0x1p-1022  0x1.fffae147ae148p+7

-- test: nan takes only the space flag, inf every sign flag
do
  print(string.format("%+f|%+a|% a|%+e|%+g|% f|%+f|% e|%5.1f|", 0/0, 0/0, 0/0, -(0/0), 0/0, 1/0, 1/0, -1/0, 0/0))
end
-- expect: nan|nan| nan|nan|nan| inf|+inf|-inf|  nan|
