-- Closures: captured locals, upvalues shared between closures, and a fresh local per
-- loop iteration.

-- test: closure captures a local
do
  local function counter()
    local n = 0
    return function() n = n + 1 return n end
  end
  local c1, c2 = counter(), counter()
  print(c1(), c1(), c1(), c2())
end
-- expect: 1	2	3	1

-- test: two closures share one upvalue
do
  local function pair()
    local v = 0
    return function() v = v + 1 end, function() return v end
  end
  local inc, get = pair()
  inc() inc()
  print(get())
end
-- expect: 2

-- test: closure sees later assignments to the captured local
do
  local x = 1
  local function f() return x end
  x = 2
  print(f())
end
-- expect: 2

-- test: numeric for creates a fresh local per iteration
do
  local fs = {}
  for i = 1, 3 do fs[i] = function() return i end end
  print(fs[1](), fs[2](), fs[3]())
end
-- expect: 1	2	3

-- test: generic for creates fresh locals per iteration
do
  local fs = {}
  for k, v in ipairs({"a", "b", "c"}) do fs[k] = function() return k .. v end end
  print(fs[1](), fs[2](), fs[3]())
end
-- expect: 1a	2b	3c

-- test: local declared in a while body is fresh per iteration
do
  local fs, i = {}, 0
  while i < 3 do
    i = i + 1
    local j = i
    fs[i] = function() j = j + 10 return j end
  end
  print(fs[1](), fs[1](), fs[2](), fs[3]())
end
-- expect: 11	21	12	13

-- test: local in repeat body is fresh and visible in until
do
  local fs, i = {}, 0
  repeat
    i = i + 1
    local k = i * 2
    fs[i] = function() return k end
  until k >= 6
  print(#fs, fs[1](), fs[3]())
end
-- expect: 3	2	6

-- test: upvalue shared across nesting levels
do
  local x = 0
  local function outer()
    local function inner() x = x + 1 end
    inner() inner()
  end
  outer()
  print(x)
end
-- expect: 2

-- test: closure outlives its frame and keeps the value
do
  local function make(v)
    local function get() return v end
    return get
  end
  local a, b = make("a"), make("b")
  print(a(), b())
end
-- expect: a	b

-- test: closures over a loop variable modified inside the body
do
  local fs = {}
  for i = 1, 2 do
    fs[#fs + 1] = function() return i end
    i = i + 100
    fs[#fs + 1] = function() return i end
  end
  print(fs[1](), fs[2](), fs[3](), fs[4]())
end
-- expect: 101	101	102	102

-- test: recursive local function through its upvalue
do
  local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
  print(fib(20))
end
-- expect: 6765

-- test: break closes the loop's upvalues
do
  local fs = {}
  for i = 1, 10 do
    local v = i
    fs[i] = function() return v end
    if i == 3 then break end
  end
  print(#fs, fs[1](), fs[3]())
end
-- expect: 3	1	3

-- test: parameter captured and changed
do
  local function f(a)
    local g = function() a = a * 2 return a end
    g()
    return a, g()
  end
  print(f(3))
end
-- expect: 6	12
