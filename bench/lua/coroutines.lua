local h = require 'harness'
-- A generator resumed to exhaustion: the time per resume/yield round trip.
h.run('coroutine_switch', 100000, function(n)
  local gen = coroutine.wrap(function()
    for i = 1, n do coroutine.yield(i) end
  end)
  local sum = 0
  for _ = 1, n do sum = sum + gen() end
  return sum
end, 5)
