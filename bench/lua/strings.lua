local h = require 'harness'
h.run('string_build', 200000, function(n)
  local parts = {}
  for i = 1, n do parts[#parts + 1] = 'item' .. i end
  local s = table.concat(parts, ',')
  return #s
end, 10)
