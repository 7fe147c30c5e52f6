local h = require 'harness'
h.run('numeric_loop', 3000000, function(n)
  local sum = 0
  for i = 1, n do sum = sum + i % 7 * 0.5 end
  return sum
end)
