-- The trace cache's bound (maxtrace): a program that keeps making new code, each piece with
-- a hot loop, reaches it again and again; every trace is flushed each time, and the program
-- goes on computing what the interpreter computes.

-- test: a thousand chunks with a hot loop each, kept alive, under a bound of 20 traces
do
  jit.opt.start("maxtrace=20")
  local chunks, total = {}, 0
  for k = 1, 1000 do
    local f = load("local s = 0 for i = 1, 12 do s = s + i * " .. k .. " end return s")
    chunks[k] = f
    total = total + f()
  end
  for k = 1, 1000, 37 do total = total - chunks[k]() end
  print(total)
  jit.opt.start("maxtrace=1000")
end
-- expect: 37945908

-- test: loops that change shape, a trace each, under a bound of 4 traces, with jit.flush() between
do
  jit.opt.start("maxtrace=4")
  local kinds = { 1, 2.5, "3", 4 }
  local sums = {}
  for round = 1, 30 do
    local v = kinds[round % 4 + 1]
    local f = load("local v = ... local s = 0 for i = 1, 20 do s = s + v * i end return s")
    sums[#sums + 1] = f(v)
    if round % 10 == 0 then jit.flush() end
  end
  print(#sums, sums[1], sums[2], sums[3], sums[30])
  jit.opt.start("maxtrace=1000")
end
-- expect: 30	525	630	840	630
