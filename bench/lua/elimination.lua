local h = require 'harness'
-- Gaussian elimination over rows (tables of numbers): three nested loops, the innermost run by
-- its own trace from the middle one's, per element of the innermost loop.
local size = 100
local function matrix()
  local m = {}
  for i = 1, size do
    local row = {}
    for j = 1, size do row[j] = i == j and size or 1 / (i + j) end
    m[i] = row
  end
  return m
end
local function eliminate(m)
  for col = 1, size - 1 do
    local pivot = m[col]
    local inv = 1 / pivot[col]
    for r = col + 1, size do
      local row = m[r]
      local factor = row[col] * inv
      row[col] = factor
      for k = col + 1, size do row[k] = row[k] - factor * pivot[k] end
    end
  end
end
-- Elements the innermost loop updates in one elimination: the sum of (size - col)^2.
local updates = 0
for col = 1, size - 1 do updates = updates + (size - col) ^ 2 end
h.run('elimination', updates * 20, function()
  local check = 0
  for _ = 1, 20 do
    local m = matrix()
    eliminate(m)
    check = check + m[size][size]
  end
  return string.format('%.6f', check)
end, 5)
