local h = require 'harness'
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
-- fib(25) makes 242785 calls: the time per Lua call.
h.run('fib', 242785, function() return fib(25) end)
