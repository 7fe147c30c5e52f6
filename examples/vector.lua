-- A C struct with methods and operators through ffi.metatype.
local ffi = require 'ffi'
ffi.cdef 'typedef struct { double x, y; } vec2;'

local vec2
local methods = {
  length = function(v) return math.sqrt(v.x * v.x + v.y * v.y) end,
  dot = function(a, b) return a.x * b.x + a.y * b.y end,
}
vec2 = ffi.metatype('vec2', {
  __add = function(a, b) return vec2(a.x + b.x, a.y + b.y) end,
  __sub = function(a, b) return vec2(a.x - b.x, a.y - b.y) end,
  __mul = function(a, k) return vec2(a.x * k, a.y * k) end,
  __eq = function(a, b) return a.x == b.x and a.y == b.y end,
  __unm = function(a) return vec2(-a.x, -a.y) end,
  __tostring = function(v) return string.format('vec2(%g, %g)', v.x, v.y) end,
  __index = methods,
})

local a, b = vec2(3, 4), vec2(1, 2)
print(tostring(a + b), tostring(a - b), tostring(a * 2), tostring(-b))
print('length:', a:length(), 'dot:', a:dot(b))
print('equal:', a == vec2(3, 4), a == b)
local path = ffi.new('vec2[3]', { {0, 0}, {3, 4}, {6, 8} })
local total = 0
for i = 1, 2 do total = total + (path[i] - path[i - 1]):length() end
print('path length:', total)
