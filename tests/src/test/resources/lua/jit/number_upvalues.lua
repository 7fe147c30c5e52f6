-- Upvalues holding numbers, which a trace reads and stores unboxed: open (the declaring
-- function still running) and closed, shared by closures, and changing type mid-loop, so
-- that the read's guard fails and the trace leaves with the value the upvalue holds.

-- test: a counter in a closed upvalue, incremented by a compiled function and read by another closure
do
  local function counter()
    local n = 0
    return function(k) n = n + k; return n end, function() return n end
  end
  local add, get = counter()
  local s = 0
  for i = 1, 500 do s = s + add(i % 7) end
  print(s, get())
end
-- expect: 375245	1497

-- test: an open upvalue written by a closure and read by the loop of the function declaring it
do
  local total = 0
  local function bump(x) total = total + x * 0.5 end
  local seen = 0
  for i = 1, 400 do
    bump(i)
    seen = seen + total
  end
  print(total, seen)
end
-- expect: 40100	5373400

-- test: the upvalue becomes a string, then a number again, mid-loop
do
  local v = 1
  local function step(i)
    if i == 150 then v = "x" elseif i == 151 then v = 10 end
    if type(v) == "number" then v = v + 1 end
    return v
  end
  local out = {}
  for i = 1, 300 do
    local r = step(i)
    if i % 50 == 0 or i == 150 or i == 151 then out[#out + 1] = tostring(r) end
  end
  print(table.concat(out, " "))
end
-- expect: 51 101 x 11 60 110 160

-- test: a number upvalue shared by two closures and written by both in one loop
do
  local function pair()
    local n = 100
    return function() n = n - 1; return n end, function(d) n = n + d; return n end
  end
  local down, up = pair()
  local s = 0
  for i = 1, 300 do
    s = s + down()
    if i % 3 == 0 then s = s + up(2) end
  end
  print(s, down())
end
-- expect: 19500	-1
