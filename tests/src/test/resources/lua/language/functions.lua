-- Calls: varargs and select, multiple assignment and results, and proper tail calls.

-- test: varargs count and values
do
  local function f(...) return select("#", ...), ... end
  print(f())
  print(f(1, nil, 3))
  print(f(nil, nil))
end
-- expect: 0
-- expect: 3	1	nil	3
-- expect: 2	nil	nil

-- test: select with positive and negative index
do
  print(select(2, "a", "b", "c"))
  print(select(-1, "a", "b", "c"))
  print(select(-2, "a", "b", "c"))
end
-- expect: b	c
-- expect: c
-- expect: b	c

-- test: select out of range
do
  print(pcall(select, 0, 1))
  print(pcall(select, -3, 1))
  print(select(5, 1, 2))
end
-- expect: false	bad argument #1 to '?' (index out of range)
-- expect: false	bad argument #1 to '?' (index out of range)
-- expect:

-- test: varargs in table constructor and with nils
do
  local function f(...) local t = {...} return #t, t[1], t[3] end
  print(f(1, 2, 3))
  local function g(...) return select("#", ...) end
  print(g(nil, nil, nil))
end
-- expect: 3	1	3
-- expect: 3

-- test: varargs truncated in the middle of a list
do
  local function f(...) return ..., "end" end
  print(f(1, 2, 3))
end
-- expect: 1	end

-- test: multiple assignment evaluates all expressions before assigning
do
  local a, b = 1, 2
  a, b = b, a
  print(a, b)
end
-- expect: 2	1

-- test: multiple assignment to table fields
do
  local t = {}
  local i = 1
  i, t[i] = i + 1, "x"
  print(i, t[1], t[2])
end
-- expect: 2	x	nil

-- test: function results are adjusted to one in the middle
do
  local function two() return 1, 2 end
  local a, b, c = two(), 10
  print(a, b, c)
  local x, y, z = 10, two()
  print(x, y, z)
end
-- expect: 1	10	nil
-- expect: 10	1	2

-- test: parentheses truncate to one result
do
  local function two() return 1, 2 end
  print((two()))
  print(select("#", (two())))
end
-- expect: 1
-- expect: 1

-- test: extra arguments are discarded and missing ones are nil
do
  local function f(a, b) return a, b end
  print(f(1, 2, 3))
  print(f(1))
end
-- expect: 1	2
-- expect: 1	nil

-- test: results passed through as arguments
do
  local function three() return 1, 2, 3 end
  print(math.max(three()), select("#", three(), three()))
end
-- expect: 3	4

-- test: proper tail calls do not grow the stack
do
  local function loop(n) if n == 0 then return "done" end return loop(n - 1) end
  print(loop(200000))
end
-- expect: done

-- test: mutual tail recursion
do
  local is_even, is_odd
  function is_even(n) if n == 0 then return true end return is_odd(n - 1) end
  function is_odd(n) if n == 0 then return false end return is_even(n - 1) end
  print(is_even(100001), is_odd(100001))
end
-- expect: false	true

-- test: tail call returns all results of the callee
do
  local function three() return 1, 2, 3 end
  local function f() return three() end
  print(f())
end
-- expect: 1	2	3

-- test: method call passes self
do
  local obj = {n = 5}
  function obj:get(d) return self.n + d end
  print(obj:get(1), obj.get(obj, 2), obj.get({n = 0}, 3))
end
-- expect: 6	7	3

-- test: deep non-tail recursion
do
  local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
  print(depth(5000))
end
-- expect: 5000

-- test: unpack expands a table into results
do
  print(unpack({1, 2, 3}))
  print(unpack({1, 2, 3}, 2))
  print(unpack({1, 2, 3}, 2, 5))
  print(select("#", unpack({}, 1, 3)))
end
-- expect: 1	2	3
-- expect: 2	3
-- expect: 2	3	nil	nil
-- expect: 3
