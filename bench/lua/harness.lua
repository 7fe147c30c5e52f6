-- Shared by the Lua benchmarks: runs a workload several times and prints the best time per
-- operation in nanoseconds, so a JIT-compiled VM is measured warm. os.clock is CPU time on
-- PUC Lua and LuaJIT and wall time on Isthmus (whose compiler threads would otherwise count).
local harness = {}

function harness.run(name, operations, workload, rounds)
  rounds = rounds or 15
  local best = math.huge
  local check
  for _ = 1, rounds do
    local t0 = os.clock()
    check = workload(operations)
    local elapsed = os.clock() - t0
    if elapsed < best then best = elapsed end
  end
  print(name, best / operations * 1e9, tostring(check))
end

return harness
