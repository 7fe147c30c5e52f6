local h = require 'harness'
h.run('table_ops', 1000000, function(n)
  local t = {}
  for i = 1, n do t[i] = i end
  local sum = 0
  for i = 1, n do sum = sum + t[i] end
  local kv = {}
  for i = 1, n / 10 do kv['k' .. (i % 1000)] = i end
  return sum
end, 10)
