-- Tail calls in functions a compiled loop calls: the function tail-called is recorded inline
-- and its return is its caller's. Each block changes what the compiled code assumed.

-- test: a chain of tail calls returning one value
do
  local function three(x) return x * 3 end
  local function two(x) return three(x + 1) end
  local function one(x) return two(x - 1) end
  local s = 0
  for i = 1, 300 do s = s + one(i) end
  print(s)
end
-- expect: 135450

-- test: a tail call returning several values, taken whole by the caller
do
  local function pair(x) return x, -x end
  local function viaTail(x) return pair(x * 2) end
  local s, t = 0, 0
  for i = 1, 300 do
    local a, b = viaTail(i)
    s = s + a
    t = t + b + select("#", viaTail(i))
  end
  print(s, t)
end
-- expect: 90300	-89700

-- test: a tail call with arguments left open by another call
do
  local function add3(a, b, c) return a + b + c end
  local function two(x) return x, x + 1 end
  local function f(x) return add3(x, two(x)) end
  local s = 0
  for i = 1, 300 do s = s + f(i) end
  print(s)
end
-- expect: 135750

-- test: the function tail-called replaced in the middle of the loop
do
  local g = function(x) return x + 1 end
  local function f(x) return g(x) end
  local s = 0
  for i = 1, 300 do
    if i == 200 then g = function(x) return x * 2 end end
    s = s + f(i)
  end
  print(s)
end
-- expect: 70599

-- test: a recursive tail call, counting down
do
  local function down(n, acc)
    if n == 0 then return acc end
    return down(n - 1, acc + n)
  end
  local s = 0
  for i = 1, 200 do s = s + down(i % 6, 0) end
  print(s)
end
-- expect: 1159

-- test: a tail call of a C function
do
  local floor = math.floor
  local function f(x) return floor(x / 2) end
  local s = 0
  for i = 1, 300 do s = s + f(i) end
  print(s)
end
-- expect: 22500

-- test: an error raised in a tail-called function
do
  local function bad(x) if x == 250 then error("boom " .. x) end return x end
  local function f(x) return bad(x) end
  print(pcall(function()
    local s = 0
    for i = 1, 300 do s = s + f(i) end
    return s
  end))
end
-- expect: false	tail_calls.lua:77: boom 250
