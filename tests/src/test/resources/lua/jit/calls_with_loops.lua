-- Loops that call functions whose callees loop: the loop's trace calls such a function instead
-- of recording it inline, and a loop whose locals closures read through upvalues runs by its
-- trace when no closure assigns them. Each block must print what the interpreter prints.

-- test: a scene of groups and spheres, intersected recursively through ipairs loops, from loops whose local a called function reads as an upvalue
do
  local sphere, group = {}, {}
  sphere.__index, group.__index = sphere, group
  local function new_sphere(c, r) return setmetatable({c = c, r = r}, sphere) end
  function sphere:hit(x, best)
    local d = (x - self.c) * (x - self.c)
    if d < self.r and d < best[1] then best[1] = d; best[2] = self.c end
  end
  function group:hit(x, best)
    local d = (x - self.bound.c) * (x - self.bound.c)
    if d < self.bound.r then
      for _, child in ipairs(self.children) do child:hit(x, best) end
    end
  end
  local function build(level, c, r)
    if level == 0 then return new_sphere(c, r) end
    local g = setmetatable({bound = new_sphere(c, 9 * r), children = {new_sphere(c, r)}}, group)
    for k = -1, 1, 2 do g.children[#g.children + 1] = build(level - 1, c + k * r, r / 2) end
    return g
  end
  local scene = build(6, 0, 4)
  local best = {0, 0}
  local function trace(x)
    best[1], best[2] = math.huge, 0
    scene:hit(x, best)
    return best[1] == math.huge and 0 or best[2] + best[1]
  end
  local total, hits = 0, 0
  for y = 1, 40 do
    for x = -10, 10, 0.25 do
      local v = trace(x + y / 100)
      total = total + v
      if v ~= 0 then hits = hits + 1 end
    end
  end
  print(string.format("%.6f", total), hits)
end
-- expect: -33.618000	1918

-- test: a loop reading a local that a function it calls, inline or through pcall, assigns through an upvalue
do
  local count = 0
  local function bump(k) count = count + k end
  local s = 0
  for i = 1, 300 do
    bump(i % 3)
    s = s + count
  end
  for i = 1, 300 do
    pcall(bump, i % 5)
    s = s + count
  end
  local function maker() return function() count = count * 2 % 1000 end end
  local double = maker()
  for i = 1, 300 do
    double()
    s = s + count
  end
  print(s, count)
end
-- expect: 375550	400

-- test: a loop calling, with one result wanted, a function that loops, and with all its results, and from inside a function called inline
do
  local function sum(t, n)
    local s = 0
    for i = 1, n do s = s + t[i] end
    return s
  end
  local function pair(t) local a = 0; for _, v in ipairs(t) do a = a + v end; return a, #t end
  local function outer(t, i) return sum(t, i % 5 + 1) * 2 end
  local t = {1, 2, 3, 4, 5, 6}
  local a, b, c = 0, 0, 0
  for i = 1, 300 do
    a = a + sum(t, i % 6 + 1)
    local x, n = pair(t)
    b = b + x + n
    c = c + outer(t, i)
  end
  print(a, b, c)
end
-- expect: 2800	8100	4200
