-- Every statement of Lua 5.1: assignment, calls, do, while, repeat, if, numeric and
-- generic for, function declarations, local declarations, return and break.

-- test: local declaration without value is nil
do
  local a, b
  print(a, b)
end
-- expect: nil	nil

-- test: local declaration with more values than names
do
  local a, b = 1, 2, 3
  print(a, b)
end
-- expect: 1	2

-- test: local declaration with fewer values than names
do
  local a, b, c = 1, 2
  print(a, b, c)
end
-- expect: 1	2	nil

-- test: global assignment
do
  g_value = 10
  print(g_value, _G.g_value)
end
-- expect: 10	10

-- test: nested do blocks scope locals
do
  local x = 1
  do
    local x = 2
    print(x)
  end
  print(x)
end
-- expect: 2
-- expect: 1

-- test: while loop
do
  local i, s = 0, 0
  while i < 5 do
    i = i + 1
    s = s + i
  end
  print(i, s)
end
-- expect: 5	15

-- test: while with false condition never runs
do
  local n = 0
  while false do n = n + 1 end
  print(n)
end
-- expect: 0

-- test: repeat runs at least once
do
  local n = 0
  repeat n = n + 1 until true
  print(n)
end
-- expect: 1

-- test: repeat condition sees the body's locals
do
  local i = 0
  repeat
    local done = i >= 3
    i = i + 1
  until done
  print(i)
end
-- expect: 4

-- test: if elseif else chains
do
  local function classify(n)
    if n < 0 then return "negative"
    elseif n == 0 then return "zero"
    elseif n < 10 then return "small"
    else return "large" end
  end
  print(classify(-1), classify(0), classify(5), classify(50))
end
-- expect: negative	zero	small	large

-- test: only nil and false are false
do
  local values = {0, "", false, "x"}
  for i = 1, 4 do
    if values[i] then print(i, "true") else print(i, "false") end
  end
  if nil then print("nil true") else print("nil false") end
end
-- expect: 1	true
-- expect: 2	true
-- expect: 3	false
-- expect: 4	true
-- expect: nil false

-- test: numeric for counts up inclusive
do
  local t = {}
  for i = 1, 5 do t[#t + 1] = i end
  print(table.concat(t, ","))
end
-- expect: 1,2,3,4,5

-- test: numeric for with negative step
do
  local t = {}
  for i = 10, 1, -3 do t[#t + 1] = i end
  print(table.concat(t, ","))
end
-- expect: 10,7,4,1

-- test: numeric for with fractional step
do
  local t = {}
  for x = 0, 1, 0.25 do t[#t + 1] = x end
  print(table.concat(t, " "))
end
-- expect: 0 0.25 0.5 0.75 1

-- test: numeric for with empty range runs zero times
do
  local n = 0
  for i = 5, 1 do n = n + 1 end
  for i = 1, 0 do n = n + 1 end
  print(n)
end
-- expect: 0

-- test: numeric for evaluates limits once
do
  local limit = 3
  local n = 0
  for i = 1, limit do
    limit = 10
    n = n + 1
  end
  print(n, limit)
end
-- expect: 3	10

-- test: assigning the loop variable does not change the iteration
do
  local t = {}
  for i = 1, 3 do
    t[#t + 1] = i
    i = i * 10
  end
  print(table.concat(t, ","))
end
-- expect: 1,2,3

-- test: numeric for control variable is local to the loop
do
  i = "global"
  for i = 1, 2 do end
  print(i)
end
-- expect: global

-- test: numeric for string bounds are coerced
do
  local t = {}
  for i = "1", "3" do t[#t + 1] = i end
  print(table.concat(t, ","))
end
-- expect: 1,2,3

-- test: generic for with ipairs
do
  for i, v in ipairs({"a", "b", "c"}) do print(i, v) end
end
-- expect: 1	a
-- expect: 2	b
-- expect: 3	c

-- test: ipairs stops at the first nil
do
  local n = 0
  for _ in ipairs({1, 2, nil, 4}) do n = n + 1 end
  print(n)
end
-- expect: 2

-- test: generic for with pairs sorted
do
  local keys = {}
  for k, v in pairs({x = 1, y = 2, z = 3}) do keys[#keys + 1] = k .. "=" .. v end
  table.sort(keys)
  print(table.concat(keys, " "))
end
-- expect: x=1 y=2 z=3

-- test: generic for with a stateless iterator
do
  local function iter(limit, i)
    if i < limit then return i + 1, (i + 1) * (i + 1) end
  end
  for i, sq in iter, 4, 0 do print(i, sq) end
end
-- expect: 1	1
-- expect: 2	4
-- expect: 3	9
-- expect: 4	16

-- test: generic for with a closure iterator
do
  local function range(n)
    local i = 0
    return function()
      i = i + 1
      if i <= n then return i end
    end
  end
  local s = 0
  for i in range(4) do s = s + i end
  print(s)
end
-- expect: 10

-- test: break leaves the innermost loop
do
  local out = {}
  for i = 1, 3 do
    for j = 1, 3 do
      if j > i then break end
      out[#out + 1] = i .. j
    end
  end
  print(table.concat(out, " "))
end
-- expect: 11 21 22 31 32 33

-- test: break in while and repeat
do
  local i = 0
  while true do
    i = i + 1
    if i == 4 then break end
  end
  local j = 0
  repeat
    j = j + 1
    if j == 2 then break end
  until false
  print(i, j)
end
-- expect: 4	2

-- test: function declaration forms
do
  local t = {a = {}}
  function t.a.f(x) return x + 1 end
  function t.a:m(x) return self == t.a, x end
  local function lf(x) return x * 2 end
  print(t.a.f(1), t.a:m(5), lf(4))
end
-- expect: 2	true	8

-- test: local function can call itself
do
  local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
  print(fact(10))
end
-- expect: 3628800

-- test: return with no values
do
  local function f() return end
  print(select("#", f()))
end
-- expect: 0

-- test: return must be last in a block but do return end works
do
  local function f()
    do return 1 end
    return 2
  end
  print(f())
end
-- expect: 1

-- test: semicolons are optional separators
do
  local a = 1; local b = 2;
  print(a + b);
end
-- expect: 3

-- test: method call on string literal needs parentheses
do
  print(("abc"):upper(), ("x"):rep(3))
end
-- expect: ABC	xxx

-- test: call with table and string arguments without parentheses
do
  local function f(x) return type(x) end
  print(f{1, 2}, f"str", f[[long]])
end
-- expect: table	string	string

-- test: long strings and comments
do
  local s = [==[
line1
]]still]==]
  --[[ a
  block comment ]] print(s)
  --[==[ another ]==]
end
-- expect: line1
-- expect: ]]still

-- test: table constructor forms
do
  local t = {1, 2; 3, x = "a", ["y z"] = "b", [10] = "c", 4,}
  print(#t, t[4], t.x, t["y z"], t[10])
end
-- expect: 4	4	a	b	c

-- test: table constructor with trailing call expands
do
  local function three() return 1, 2, 3 end
  local a = {three()}
  local b = {three(), three()}
  local c = {(three())}
  print(#a, #b, #c)
end
-- expect: 3	4	1

-- test: a local assigned an expression that reads it sees its old value throughout
do
  local t = 1
  t = {t, t + 1}
  print(t[1], t[2])
  local s = "a"
  s = s .. s .. "b"
  print(s)
  local o = {v = 1, m = function(self, x) return {v = self.v + x, m = self.m} end}
  o = o:m(o.v)
  print(o.v)
  local f = function(x) return x * 2 end
  f = f(f(3))
  print(f)
  local a, b = 1, 2
  a, b = b, a
  print(a, b)
  local n = 5
  n = -n
  print(n)
  local x = {1, 2}
  x = x[2]
  print(x)
  local y = 3
  y = not y
  print(y)
  local z = {k = 1}
  z = z.k and z
  print(type(z))
  local w = 2
  w = w > 1 and w or 0
  print(w)
  local v = "x"
  v = #v
  print(v)
  local q = function() return 1, 2 end
  q = {q()}
  print(#q)
  local u = 10
  u = (function() return u + 1 end)()
  print(u)
  local r = {}
  r = setmetatable(r, {__index = function() return "idx" end})
  print(r.anything)
  local p = 4
  p = select(2, p, p * 2)
  print(p)
  local g = "%d"
  g = g:format(7)
  print(g)
  local function skip(str, i) return str:find("%S", i) or #str + 1 end
  local pos = 1
  pos = skip("  x", pos)
  print(pos)
end
-- expect: 1	2
-- expect: aab
-- expect: 2
-- expect: 12
-- expect: 2	1
-- expect: -5
-- expect: 2
-- expect: false
-- expect: table
-- expect: 2
-- expect: 1
-- expect: 2
-- expect: 11
-- expect: idx
-- expect: 8
-- expect: 7
-- expect: 3

-- test: a numeric for with a zero step counts up, so it runs while the start is within the limit
do
  local function count(a, b, s)
    local c = 0
    for i = a, b, s do
      c = c + 1
      if c >= 300 then break end
    end
    return c
  end
  print(count(1, 2, 0), count(2, 1, 0), count(1, 1, 0), count(1, 2, -0), count(1, 2, 0/0), count(2, 1, 0/0))
  for _ = 1, 3 do print(count(1, 5, 0), count(5, 1, 0), count(1, 5, 1)) end
  print(pcall(function() for i = 1, 10, 0 do return i end end))
end
-- expect: 300	0	300	0	0	1
-- expect: 300	0	5
-- expect: 300	0	5
-- expect: 300	0	5
-- expect: true	1
