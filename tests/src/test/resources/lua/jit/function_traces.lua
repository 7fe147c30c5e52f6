-- A hot function is recorded from its entry to its return (a function trace); a recursive
-- call in it is a call, run by the same trace, whose results the caller reads back from the
-- frame. Each block breaks an assumption inside a compiled activation, some of them deep in
-- a recursion, and must print what the interpreter prints.

-- test: fib, with its results read back from each recursive call
do
  local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
  print(fib(20), fib(1), fib(0))
end
-- expect: 6765	1	0

-- test: Ackermann's function, two arguments and a recursion in an argument
do
  local function ack(m, n)
    if m == 0 then return n + 1 end
    if n == 0 then return ack(m - 1, 1) end
    return ack(m - 1, ack(m, n - 1))
  end
  print(ack(2, 3), ack(3, 3))
end
-- expect: 9	61

-- test: a guard fails at depth 100 inside the recursion: the interpreter finishes that activation
do
  local function depth(n, odd)
    if n == 0 then return 0 end
    local step = 1
    if n == odd then step = "x" end
    if type(step) == "string" then return 1000 + depth(n - 1, odd) end
    return step + depth(n - 1, odd)
  end
  for i = 1, 30 do depth(150, -1) end
  print(depth(150, -1), depth(150, 100), depth(150, 1))
end
-- expect: 150	1149	1149

-- test: an error raised 50 calls deep, caught outside: message, and the recursion ran before it
do
  local calls = 0
  local function down(n)
    calls = calls + 1
    if n == 0 then error("bottom reached") end
    return down(n - 1) + 1
  end
  for i = 1, 20 do pcall(down, 10) end
  calls = 0
  local ok, err = pcall(down, 50)
  print(ok, err, calls)
end
-- expect: false	function_traces.lua:43: bottom reached	51

-- test: a traceback from inside a compiled recursion names every activation
do
  local function tb(n)
    if n == 0 then local s = debug.traceback("here", 1); return s end
    local s = tb(n - 1)
    return s
  end
  for i = 1, 30 do tb(3) end
  local lines = 0
  for _ in tb(5):gmatch("function_traces.lua:%d+: in") do lines = lines + 1 end
  print(lines)
end
-- expect: 7

-- test: the same function called with numbers, then strings, then tables
do
  local function describe(x, n)
    if n == 0 then return type(x) end
    return describe(x, n - 1) .. ""
  end
  local out = {}
  for i = 1, 40 do out[#out + 1] = describe(i, 3) end
  for i = 1, 40 do out[#out + 1] = describe("s" .. i, 3) end
  out[#out + 1] = describe({}, 5)
  print(out[1], out[40], out[41], out[80], out[81], #out)
end
-- expect: number	number	string	string	table	81

-- test: a recursion whose calls take two results, and one that takes none
do
  local count = 0
  local function minmax(t, i)
    if i > #t then return math.huge, -math.huge end
    local lo, hi = minmax(t, i + 1)
    local v = t[i]
    if v < lo then lo = v end
    if v > hi then hi = v end
    return lo, hi
  end
  local function visit(n)
    if n == 0 then return end
    count = count + 1
    visit(n - 1)
  end
  local t = {}
  for i = 1, 60 do t[i] = (i * 37) % 101 end
  for i = 1, 20 do minmax(t, 1) end
  for i = 1, 20 do visit(10) end
  print(minmax(t, 1))
  print(count)
end
-- expect: 2	100
-- expect: 200

-- test: a function with a loop in it, called often, recursing once per call
do
  local function sum(t, depth)
    local s = 0
    for i = 1, #t do s = s + t[i] end
    if depth > 0 then s = s + sum(t, depth - 1) end
    return s
  end
  local t = {1, 2, 3, 4, 5}
  local total = 0
  for i = 1, 200 do total = total + sum(t, 2) end
  print(total)
end
-- expect: 9000

-- test: mutual recursion, and a function replaced while its callers are compiled
do
  local even, odd
  function even(n) if n == 0 then return true end return odd(n - 1) end
  function odd(n) if n == 0 then return false end return even(n - 1) end
  local r = {}
  for i = 1, 60 do r[#r + 1] = tostring(even(i)) end
  local function f(n) if n == 0 then return 0 end return F(n - 1) + 1 end
  F = f
  for i = 1, 50 do f(5) end
  F = function(n) return 100 end
  print(r[1], r[2], r[60], f(5))
  F = nil
end
-- expect: false	true	true	101

-- test: trees built and walked recursively, table constructors in the compiled calls
do
  local function build(item, depth)
    if depth > 0 then
      local i = item + item
      depth = depth - 1
      local left, right = build(i - 1, depth), build(i, depth)
      return { item, left, right }
    end
    return { item }
  end
  local function check(tree)
    if tree[2] then return tree[1] + check(tree[2]) - check(tree[3]) end
    return tree[1]
  end
  local sum = 0
  for d = 1, 8 do sum = sum + check(build(d, d)) end
  local rows = {}
  for i = 1, 100 do rows[i] = { i, i * 0.5, "r" .. i, nil, i % 2 == 0 } end
  print(sum, #rows[7], rows[7][2], rows[100][3], rows[100][4], rows[100][5])
end
-- expect: 28	5	3.5	r100	nil	true

-- test: tail calls end a function trace: of a Lua function, of a library function, of itself 100000 deep
do
  local function length(x, y) return math.sqrt(x * x + y * y) end
  local function scale(c, x, y) return c * x, c * y end
  local function unit(x, y) return scale(1 / length(x, y), x, y) end
  local function count(n, acc) if n == 0 then return acc end return count(n - 1, acc + n) end
  local sx, sy = 0, 0
  for i = 1, 200 do
    local x, y = unit(i, 2 * i)
    sx, sy = sx + x, sy + y
  end
  local total = 0
  for i = 1, 100 do total = total + count(i, 0) end
  print(string.format("%.6f %.6f", sx, sy), total, count(100000, 0))
end
-- expect: 89.442719 178.885438	171700	5000050000

-- test: a recursion calls its own trace directly; an error raised 60 deep reaches pcall with its position
do
  local function down(n, at)
    if n == at then error("stop at " .. n) end
    if n == 0 then return 0 end
    return 1 + down(n - 1, at)
  end
  for i = 1, 30 do down(20, -1) end
  print(down(80, -1))
  print(pcall(down, 80, 20))
  print(down(10, -1))
end
-- expect: 80
-- expect: false	function_traces.lua:181: stop at 20
-- expect: 10

-- test: direct recursive calls wanting no result, two results and more results than returned
do
  local count = 0
  local function walk(n)
    if n == 0 then return 1, 2 end
    count = count + 1
    walk(n - 1)
    local a, b = walk(n - 1)
    local x, y, z = walk(n - 1)
    return a + x, b + y, z
  end
  for i = 1, 20 do walk(3) end
  print(walk(5))
  print(count)
end
-- expect: 32	64	nil
-- expect: 381

-- test: a recursion deep enough to overflow the stack ends in a Lua error, direct calls or not
do
  local function sink(n) if n < 0 then return 0 end return 1 + sink(n + 1) end
  local function shallow(n) if n == 0 then return 0 end return 1 + shallow(n - 1) end
  for i = 1, 30 do shallow(10) end
  local ok, err = pcall(sink, 1)
  print(ok, (tostring(err):gsub("^.-: ", "")))
  print(shallow(50))
end
-- expect: false	stack overflow
-- expect: 50

-- test: debug.traceback inside a direct recursion shows each activation
do
  local tb
  local function rec(n) if n == 0 then tb = debug.traceback("here", 1) return 0 end return 1 + rec(n - 1) end
  for i = 1, 30 do rec(3) end
  rec(3)
  local _, count = tb:gsub("in function 'rec'", "")
  local _, upvalues = tb:gsub("in upvalue 'rec'", "")
  local _, locals = tb:gsub("in local 'rec'", "")
  print(count + upvalues + locals)
end
-- expect: 4

-- test: a string argument deep in a direct recursion: the guard fails there, the interpreter finishes it
do
  local function sum(n, s)
    if n == 0 then return 0 end
    return n + sum(n - 1, s)
  end
  for i = 1, 30 do sum(10, 1) end
  local function mixed(n) if n == 0 then return 0 end if n == 5 then return "5" + mixed(n - 1) end return n + mixed(n - 1) end
  for i = 1, 30 do mixed(4) end
  print(sum(50, 1), mixed(10))
end
-- expect: 1275	55

-- A loop's trace calling its own function, which has a function trace of its own (a tree walk):
-- each call runs that trace directly; a leaf of another type fails a guard inside it, and an
-- error is raised from deep inside it.
-- test: a tree walk whose loop calls the function's own trace directly
do
  local function tree(depth, width)
    if depth == 0 then return {leaf = depth + width} end
    local children = {}
    for i = 1, width do children[i] = tree(depth - 1, width) end
    return {children = children}
  end
  local function walk(node, acc)
    if node.leaf then return acc + node.leaf end
    for _, child in ipairs(node.children) do acc = walk(child, acc) end
    return acc
  end
  local t = tree(4, 3)
  local total = 0
  for i = 1, 40 do total = total + walk(t, 0) end
  print(total)
  t.children[2].children[3].children[1].children[2].leaf = 0.5
  print(walk(t, 0))
  t.children[3].children[1].children[2].children[3].leaf = "x"
  local ok, err = pcall(walk, t, 0)
  print(ok, (string.gsub(err, "^.-:%d+: ", "")))
end
-- expect: 9720
-- expect: 240.5
-- expect: false	attempt to perform arithmetic on field 'leaf' (a string value)

-- test: guards failing just before the function's return: the trace returns there itself, with a result it computed, or with none
do
  local function visit(t, limit, depth)
    local w = t.v * 2 + depth
    if t.v <= limit then
      local kids = t.kids
      for i = 1, #kids do
        t.sum = t.sum + visit(kids[i], limit, depth + 1)
      end
    end
    return w
  end
  local count = 0
  local function walk(t, limit)
    if t.v <= limit then
      count = count + 1
      for _, k in ipairs(t.kids) do walk(k, limit) end
    end
  end
  local function build(d)
    local kids = {}
    if d > 0 then for i = 1, 3 do kids[i] = build(d - 1) end end
    return { v = (d * 7) % 5, kids = kids, sum = 0 }
  end
  local root = build(6)
  local s = 0
  for k = 1, 40 do
    s = s + visit(root, 5 - k % 4, 0) + root.sum
    walk(root, 5 - k % 3)
  end
  print(s, root.sum, count)
end
-- expect: 2620	120	30031
