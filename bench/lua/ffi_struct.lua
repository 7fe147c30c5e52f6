local h = require 'harness'
local ffi = require 'ffi'
ffi.cdef 'typedef struct { int id; double x, y; } particle;'
local n = 100000
local ps = ffi.new('particle[?]', n)
for i = 0, n - 1 do ps[i].id = i; ps[i].x = i * 0.5 end
h.run('ffi_struct_fields', n, function(count)
  local sum = 0
  for i = 0, count - 1 do
    local p = ps[i]
    p.y = p.x * 2
    sum = sum + p.y + p.id
  end
  return sum
end)
