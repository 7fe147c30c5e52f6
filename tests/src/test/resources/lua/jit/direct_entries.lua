-- A function trace's direct entry takes its arguments and gives its first result as JVM
-- values; the frame is written only where the compiled code leaves. Each block makes a
-- compiled call leave in another way and must print what the interpreter prints.

-- test: a recursion returning numbers, then a string from deep inside, then numbers again
do
  local function f(n, at)
    if n == 0 then return 0 end
    if n == at then return "s" .. n end
    local r = f(n - 1, at)
    if type(r) == "string" then return r end
    return r + 1
  end
  local t = {}
  for i = 1, 30 do t[#t + 1] = f(40, -1) end
  print(t[1], t[30], f(40, 25), f(40, 1), f(40, -1))
end
-- expect: 40	40	s25	s1	40

-- test: the result a compiled call left in the frame survives an exit before it is read
do
  local function g(n)
    if n % 7 == 0 then return "seven" end
    return n
  end
  local function h(n)
    if n == 0 then return 0 end
    local r = g(n)
    local rest = h(n - 1)
    if type(r) == "string" then return rest + 100 end
    return rest + r
  end
  local s = 0
  for i = 1, 60 do s = s + h(20) end
  print(s, h(20))
end
-- expect: 23340	389

-- test: a side trace returns two results; callers wanting one, two and all of them
do
  local function two(n)
    if n > 50 then return n, -n end
    return n * 2
  end
  local a, b, c = 0, 0, 0
  for i = 1, 100 do
    a = a + two(i)
    local x, y = two(i)
    if y then b = b + y end
    c = c + select("#", two(i))
  end
  print(a, b, c, two(60))
end
-- expect: 6325	-3775	150	60	-60

-- test: tables in and out of a direct recursion, nil for a missing result
do
  local function walk(t, depth)
    if depth == 0 then return t end
    if t.stop then return nil end
    return walk(t.next or t, depth - 1)
  end
  local node = {stop = false}
  node.next = node
  local hits = 0
  for i = 1, 50 do if walk(node, 30) == node then hits = hits + 1 end end
  node.stop = true
  print(hits, walk(node, 30), walk(node, 0) == node)
end
-- expect: 50	nil	true

-- test: an error inside a direct recursion, caught by pcall inside the recursion
do
  local function risky(n)
    if n == 0 then error("bottom") end
    if n == 5 then
      local ok, err = pcall(risky, n - 1)
      return ok and 0 or 1000
    end
    return risky(n - 1) + 1
  end
  local s = 0
  for i = 1, 40 do s = s + risky(20) end
  print(s, risky(12))
end
-- expect: 40600	1007

-- test: jit.flush while compiled activations of a direct recursion are on the stack
do
  local function down(n)
    if n == 0 then return 0 end
    if n == 10 and jit then jit.flush() end
    return down(n - 1) + 2
  end
  local s = 0
  for i = 1, 50 do s = s + down(40) end
  print(s, down(40))
end
-- expect: 4000	80

-- test: a local declared without a value at the function's start is nil where an exit resumes
do
  local function f(n, k, at)
    local acc
    if n == at then acc = "mark" end
    if n == 10 and type(k) == "string" then return acc end
    if n == 0 then return 0 end
    local r = f(n - 1, k, at)
    if type(r) ~= "number" then return r end
    return r + 1
  end
  local s = 0
  for i = 1, 50 do s = s + f(30, 1, 10) end
  print(s, f(30, "x", -1), f(30, "x", 10))
end
-- expect: 1500	nil	mark

-- test: a number argument becomes a string in the middle of a compiled recursion
do
  local function len(x, n)
    if n == 0 then return 0 end
    if n == 7 then x = tostring(x) end
    return len(x, n - 1) + (type(x) == "string" and 10 or 1)
  end
  local s = 0
  for i = 1, 40 do s = s + len(i, 15) end
  print(s, len(3, 15))
end
-- expect: 3120	78

-- test: procedures (functions returning nothing) called from compiled code and by the interpreter with open results
do
  local acc = {0}
  local function add(t, v) t[1] = t[1] + v end
  local function walk(n, t)
    if n == 0 then return end
    add(t, n)
    walk(n - 1, t)
  end
  for i = 1, 200 do walk(10, acc) end
  local counts = {}
  for i = 1, 100 do counts[#counts + 1] = select('#', add(acc, i)) end
  local function none(x) local y = x end
  local nils = 0
  for i = 1, 100 do if none(i) == nil then nils = nils + 1 end end
  print(acc[1], #counts, counts[1], counts[100], select('#', walk(3, acc)), acc[1], nils)
end
-- expect: 16050	100	0	0	0	16056	100

-- test: a procedure's guard fails deep inside a compiled recursion, and one raises an error
do
  local hits = 0
  local function visit(n, t)
    if n == 0 then return end
    if type(t[n]) == "string" then hits = hits + 1 end
    visit(n - 1, t)
  end
  local t = {}
  for i = 1, 120 do t[i] = i end
  for i = 1, 50 do visit(120, t) end
  t[100] = "x"
  for i = 1, 50 do visit(120, t) end
  local function check(v) if v > 150 then error("too big: " .. v, 0) end end
  print(hits, pcall(function() for i = 1, 200 do check(i) end end))
end
-- expect: 50	false	too big: 151

-- test: methods returning nothing, looked up in a metatable and called from compiled loops before and after they have traces, with tables only and with a number
do
  local acc = {}
  acc.__index = acc
  function acc:add(v) self.sum = self.sum + v.x end
  function acc:scale(k) self.sum = self.sum * k end
  function acc:mark(other) if other.flag then self.marks = self.marks + 1 end end
  local a = setmetatable({sum = 0, marks = 0}, acc)
  local items = {}
  for i = 1, 50 do items[i] = {x = i, flag = i % 4 == 0} end
  for round = 1, 20 do
    for i = 1, #items do
      a:add(items[i])
      a:mark(items[i])
      if i % 10 == 0 then a:scale(0.5) end
    end
  end
  items[7].x = "7"
  local ok = pcall(function() for i = 1, #items do a:add(items[i]) end end)
  print(a.sum, a.marks, ok)
end
-- expect: 1646.1290322581	240	true

-- test: constants passed to a procedure whose entry takes them as objects (an inner loop reads them)
do
  local function scale(t, n, k, c)
    for i = 1, n do t[i] = t[i] * k + c end
  end
  local t = {}
  for i = 1, 8 do t[i] = i end
  for r = 1, 300 do scale(t, 8, 0.5, 3) end
  local s = 0
  for i = 1, 8 do s = s + t[i] end
  print(s, t[1])
end
-- expect: 48	6

-- test: a loop calling the function it is in for each child, through a method: that function's direct entry
do
  local node = {}
  node.__index = node
  local visits = 0
  function node:walk(acc, parent)
    visits = visits + 1
    for _, c in ipairs(self.kids) do c:walk(acc, self) end
    acc[#acc + 1] = self.id - parent.id
  end
  local leaf = {}
  leaf.__index = leaf
  function leaf:walk(acc, parent)
    if parent.deep then error("a leaf too deep under " .. parent.id, 0) end
    acc[#acc + 1] = -parent.id
  end
  local ids = 0
  local function build(level)
    ids = ids + 1
    if level == 0 then return setmetatable({id = ids}, leaf) end
    local n = setmetatable({kids = {}, id = ids}, node)
    for i = 1, 3 do n.kids[i] = build(level - 1) end
    return n
  end
  local root = build(5)
  local acc = {}
  for r = 1, 6 do root:walk(acc, {id = 0}) end
  local s = 0
  for i = 1, #acc do s = s + acc[i] end
  print(visits, #acc, s)
  root.kids[2].kids[1].kids[3].kids[1].deep = true
  print(pcall(root.walk, root, {}, {id = 0}))
end
-- expect: 726	2184	-257700
-- expect: false	a leaf too deep under 152
