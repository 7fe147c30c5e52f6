local h = require 'harness'
local ffi = require 'ffi'
-- The same C function three ways: as most scripts declare it, and with Isthmus's opt-ins
-- (annotations LuaJIT parses and ignores): without errno capture, and as a critical call.
-- bench/run lua prints them beside the same loops in Java (CallLoopBaseline).
ffi.cdef [[
int it_add(int a, int b);
int it_add_noerrno(int a, int b) __asm__("it_add") __attribute__((annotate("isthmus:noerrno")));
int it_add_critical(int a, int b) __asm__("it_add")
  __attribute__((annotate("isthmus:critical"), annotate("isthmus:noerrno")));
]]
local lib = ffi.load(os.getenv('ISTHMUS_TEST_LIB'))

local function loop(name, add)
  h.run(name, 1000000, function(n)
    local acc = 0
    for i = 1, n do acc = add(acc, 1) end
    return acc
  end)
end

loop('ffi_call', lib.it_add)
loop('ffi_call_noerrno', lib.it_add_noerrno)
loop('ffi_call_critical', lib.it_add_critical)
h.run('ffi_call_namespace', 1000000, function(n)
  local acc = 0
  for i = 1, n do acc = lib.it_add(acc, 1) end
  return acc
end)
