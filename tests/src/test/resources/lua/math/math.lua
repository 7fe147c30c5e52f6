-- The math library.

-- test: floor and ceil
do
  print(math.floor(3.7), math.floor(-3.7), math.ceil(3.2), math.ceil(-3.2), math.floor(5), math.ceil(-0.5))
end
-- expect: 3	-4	4	-3	5	-0

-- test: abs min max
do
  print(math.abs(-3), math.abs(2.5), math.min(3, 1, 2), math.max(3, 1, 2), math.min(1), math.max(-1, -1.5))
end
-- expect: 3	2.5	1	3	1	-1

-- test: min and max need a number
do
  print(pcall(math.min))
  print(pcall(math.max, 1, "x"))
end
-- expect: false	bad argument #1 to '?' (number expected, got no value)
-- expect: false	bad argument #2 to '?' (number expected, got string)

-- test: sqrt and pow
do
  print(math.sqrt(16), math.sqrt(2), math.pow(2, 10), math.sqrt(-1) ~= math.sqrt(-1))
end
-- expect: 4	1.4142135623731	1024	true

-- test: exp and logarithms
do
  print(math.exp(0), math.log(1), math.log10(1000), math.log(8) / math.log(2), math.exp(1))
end
-- expect: 1	0	3	3	2.718281828459

-- test: trigonometry
do
  print(math.sin(0), math.cos(0), math.tan(0), string.format("%.6f %.6f", math.sin(math.pi / 6), math.cos(math.pi / 3)))
end
-- expect: 0	1	0	0.500000 0.500000

-- test: inverse trigonometry
do
  print(math.asin(1) == math.pi / 2, math.acos(1), math.atan(1) == math.pi / 4, math.atan2(1, 1) == math.pi / 4, math.atan2(0, -1) == math.pi)
end
-- expect: true	0	true	true	true

-- test: hyperbolic functions
do
  print(math.sinh(0), math.cosh(0), math.tanh(0), string.format("%.6f", math.tanh(1)))
end
-- expect: 0	1	0	0.761594

-- test: pi and huge
do
  print(math.pi, math.huge, -math.huge, math.huge > 1e308)
end
-- expect: 3.1415926535898	inf	-inf	true

-- test: fmod and modf
do
  print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.modf(3.7), math.modf(-3.7))
end
-- expect: 1	-1	1	3	-3	-0.7

-- test: modf of integers and infinity
do
  print(math.modf(5), math.modf(math.huge))
end
-- expect: 5	inf	0

-- test: frexp and ldexp
do
  print(math.frexp(8), math.frexp(0.5), math.frexp(0), math.ldexp(0.5, 4), math.ldexp(1, -1))
end
-- expect: 0.5	0.5	0	8	0.5

-- test: deg and rad
do
  print(math.deg(math.pi), math.rad(180) == math.pi, math.deg(0))
end
-- expect: 180	true	0

-- test: random with a seed is in range
do
  math.randomseed(42)
  local ok = true
  for i = 1, 100 do
    local r = math.random()
    local n = math.random(10)
    local m = math.random(5, 7)
    if r < 0 or r >= 1 or n < 1 or n > 10 or m < 5 or m > 7 or n % 1 ~= 0 then ok = false end
  end
  print(ok)
end
-- expect: true

-- test: random is repeatable after the same seed
do
  math.randomseed(7)
  local a = {math.random(1000), math.random(1000), math.random()}
  math.randomseed(7)
  local b = {math.random(1000), math.random(1000), math.random()}
  print(a[1] == b[1], a[2] == b[2], a[3] == b[3])
end
-- expect: true	true	true

-- test: random with an empty interval
do
  print(pcall(math.random, 0))
  print(pcall(math.random, 3, 1))
end
-- expect: true	1
-- expect: true	2

-- test: math functions coerce strings
do
  print(math.floor("3.5"), math.max("10", 2), math.abs("-1"))
end
-- expect: 3	10	1

-- test: floor of huge values and NaN
do
  print(math.floor(1e100), math.floor(-math.huge), math.floor(2 ^ 53 + 0.5))
end
-- expect: 1e+100	-inf	9.007199254741e+15

-- test: math library table
do
  local names = {}
  for k in pairs(math) do names[#names + 1] = k end
  table.sort(names)
  print(table.concat(names, " "))
end
-- expect: abs acos asin atan atan2 ceil cos cosh deg exp floor fmod frexp huge ldexp log log10 max min modf pi pow rad random randomseed sin sinh sqrt tan tanh

-- test: ^ and math.pow are the C library's pow, to the last bit
do
  local e = 23
  print(string.format("%.17g %.17g %.17g", 10 ^ e, math.pow(10, 23), 1 ^ (0 / 0)), 0 ^ 0, (-8) ^ (1 / 3))
end
-- expect: 1.0000000000000001e+23 1.0000000000000001e+23 1	1	nan

-- test: math functions are the C library's, to the last bit (hashes of %.17g over pseudo-random arguments)
do
  local seed = 777
  local function rnd() seed = (seed * 16807) % 2147483647 return seed / 2147483647 end
  local names = {"sin", "cos", "tan", "asin", "acos", "atan", "exp", "log", "log10", "sinh", "cosh", "tanh"}
  local hashes = {}
  for _, name in ipairs(names) do
    local h = 0
    for i = 1, 200 do
      local x = (rnd() - 0.5) * 10 ^ (math.floor(rnd() * 8) - 3)
      local text = string.format("%.17g %.17g", math[name](x), math.atan2(x, 0.7))
      for j = 1, #text do h = (h * 31 + text:byte(j)) % 2147483647 end
    end
    hashes[#hashes + 1] = name .. "=" .. h
  end
  print(table.concat(hashes, " ", 1, 6))
  print(table.concat(hashes, " ", 7))
end
-- expect: sin=1659082076 cos=561336572 tan=1259484137 asin=911266565 acos=2059222170 atan=1509412670
-- expect: exp=282012430 log=1874844977 log10=64582125 sinh=1987803594 cosh=1974405767 tanh=1120445206

-- test: math.random's sequences are LuaJIT's, from the start and after each seed, with unrounded bounds
do
  print(math.random(), math.random(100), math.random(3, 9))
  for _, s in ipairs({0, 1, 42, -7.5, 1e300, 2^53, 0.25}) do
    math.randomseed(s)
    local t = {}
    for i = 1, 6 do t[#t+1] = string.format("%.17g", math.random()) end
    t[#t+1] = math.random(3.7); t[#t+1] = math.random(1.5, 2.5); t[#t+1] = math.random(10, 1); t[#t+1] = math.random(0)
    print(s, table.concat(t, " "))
  end
end
-- expect: 0.79420629243124	70	7
-- expect: 0	0.79420629243124097 0.69885246563716397 0.59010374172810343 0.75322861668360219 0.080971251199854377 0.66110719599521794 2 2.5 6 1
-- expect: 1	0.3238105623786367 0.013613396334358319 0.91272211102583189 0.29870373331795941 0.10823745140267671 0.10534841446173493 1 2.5 2 1
-- expect: 42	0.95607928791821051 0.0089557217859255189 0.53860053951484144 0.43411331710630252 0.71972511077590862 0.81444765542994713 1 1.5 5 1
-- expect: -7.5	0.12035019906897393 0.26181172723998847 0.55105844212314747 0.16419093653144134 0.15283850043224256 0.78768490809494729 1 2.5 9 1
-- expect: 1e+300	0.36124793752899786 0.70089741386661708 0.53322588195588416 0.57257954277763767 0.24604140790195239 0.056413887318785161 2 2.5 7 1
-- expect: 9.007199254741e+15	0.11119516469892154 0.0055897552230501635 0.98744189015075179 0.50543660820127179 0.76975135412314954 0.87645239283951537 4 2.5 7 1
-- expect: 0.25	0.91817939661312864 0.1122521697811758 0.1301773309905998 0.67876311492911845 0.83501906430423567 0.22932540316441674 4 1.5 4 1
