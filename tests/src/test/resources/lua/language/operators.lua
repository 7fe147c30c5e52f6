-- Arithmetic, comparison, logical, concatenation and length operators, their
-- precedence and associativity, and string/number coercion.

-- test: arithmetic operators
do
  print(7 + 2, 7 - 2, 7 * 2, 7 / 2, 7 % 3, 2 ^ 10)
end
-- expect: 9	5	14	3.5	1	1024

-- test: modulo follows the sign of the divisor
do
  print(7 % 3, -7 % 3, 7 % -3, -7 % -3, 5.5 % 2)
end
-- expect: 1	2	-2	-1	1.5

-- test: division by zero
do
  print(1 / 0, -1 / 0, 0 / 0 ~= 0 / 0)
end
-- expect: inf	-inf	true

-- test: unary minus and exponent precedence
do
  print(-2 ^ 2, (-2) ^ 2, 2 ^ -1)
end
-- expect: -4	4	0.5

-- test: exponent is right associative
do
  print(2 ^ 3 ^ 2, (2 ^ 3) ^ 2)
end
-- expect: 512	64

-- test: concatenation is right associative and binds below arithmetic
do
  print(1 .. 2 + 3, "a" .. "b" .. "c")
end
-- expect: 15	abc

-- test: comparison binds below concatenation
do
  print("a" .. "b" == "ab", 1 + 1 < 3)
end
-- expect: true	true

-- test: and binds tighter than or
do
  print(true or false and nil, (true or false) and nil)
  print(1 and 2 or 3, nil and 2 or 3, false or nil)
end
-- expect: true	nil
-- expect: 2	3	nil

-- test: not binds tighter than comparison
do
  print(not 1 == 2, not (1 == 2), not nil, not 0)
end
-- expect: false	true	true	false

-- test: and or return operands
do
  print(nil and 1, false and 1, 0 and 1, nil or "d", "v" or "d")
end
-- expect: nil	false	1	d	v

-- test: short circuit does not evaluate the right operand
do
  local called = false
  local function f() called = true return true end
  local _ = false and f()
  local _ = true or f()
  print(called)
end
-- expect: false

-- test: numeric comparison
do
  print(1 < 2, 2 <= 2, 3 > 4, 4 >= 4, 1 == 1.0, 1 ~= 2)
end
-- expect: true	true	false	true	true	true

-- test: string comparison is bytewise
do
  print("a" < "b", "abc" < "abd", "Z" < "a", "" < "a", "a" < "aa", "10" < "9")
end
-- expect: true	true	true	true	true	true

-- test: equality across types is false
do
  print(1 == "1", "1" == 1, nil == false, {} == {})
end
-- expect: false	false	false	false

-- test: comparing number with string is an error
do
  print(pcall(function() return 1 < "2" end))
end
-- expect: false	operators.lua:96: attempt to compare number with string

-- test: length of strings and sequences
do
  print(#"", #"hello", #{1, 2, 3}, #{})
end
-- expect: 0	5	3	0

-- test: string arithmetic coercion
do
  print("10" + 1, "3" * "4", "2" ^ 2, "0x10" + 0, " 5 " + 1, "1e2" * 1)
end
-- expect: 11	12	4	16	6	100

-- test: number to string coercion in concatenation
do
  print(1 .. "", 1.5 .. "x", 2 ^ 53 .. "", -0.0 .. "", 1e100 .. "")
end
-- expect: 1	1.5x	9.007199254741e+15	-0	1e+100

-- test: failed string coercion is an error
do
  print(pcall(function() return "abc" + 1 end))
end
-- expect: false	operators.lua:120: attempt to perform arithmetic on a string value

-- test: integer-valued floats print without a fraction
do
  print(3.0, 1e15, 1e16, 2 ^ 63, 0.1, 1 / 3, 100 / 2)
end
-- expect: 3	1e+15	1e+16	9.2233720368548e+18	0.1	0.33333333333333	50

-- test: negative zero
do
  print(-0.0, 0 * -1, 1 / (-0.0))
end
-- expect: -0	-0	-inf

-- test: relational operators chain through booleans only with parentheses
do
  print((1 < 2) == true, pcall(function() return 1 < 2 < 3 end))
end
-- expect: true	false	operators.lua:138: attempt to compare boolean with number

-- test: operator precedence table
do
  local a, b, c = 2, 3, 4
  print(a + b * c, (a + b) * c, a * b ^ 2, -a ^ 2 + b, a .. b .. c + 1)
  print(a < b == true, not a == b, #"xy" + 1, -#"abc")
end
-- expect: 14	20	18	-1	235
-- expect: true	false	3	-3
