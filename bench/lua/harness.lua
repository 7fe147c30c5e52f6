-- Shared by the Lua benchmarks: runs a workload several times and prints the best time per
-- operation in nanoseconds, so a JIT-compiled VM is measured warm. At least `rounds` rounds
-- run, and more until three seconds have gone by: a JVM compiles its interpreter's hot
-- paths during the first second or so, and a short benchmark would otherwise time that.
-- os.clock is CPU time on PUC Lua and LuaJIT and wall time on Isthmus (whose compiler
-- threads would otherwise count).
local harness = {}

function harness.run(name, operations, workload, rounds)
  rounds = rounds or 15
  local best = math.huge
  local check
  local started = os.clock()
  local done = 0
  while done < rounds or os.clock() - started < 3 do
    local t0 = os.clock()
    check = workload(operations)
    local elapsed = os.clock() - t0
    if elapsed < best then best = elapsed end
    done = done + 1
  end
  print(name, best / operations * 1e9, tostring(check))
end

return harness
