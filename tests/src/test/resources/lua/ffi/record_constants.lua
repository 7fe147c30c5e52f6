-- test: a record's constants read as numbers through objects and pointers, and are not writable
do
  local ffi = require("ffi")
  ffi.cdef[[
    typedef struct kc_t {
      static const int cc = 17;
      enum { KC_CC = -37 };
      static const unsigned int big = 0xffffffff;
      int i;
    } kc_t;
  ]]
  local x = ffi.new("kc_t")
  local p = ffi.cast("kc_t *", x)
  print(x.cc, x.KC_CC, x.big, p.cc, p.KC_CC, KC_CC)
  print(select(2, pcall(function() x.cc = 1 end)):match(": (.*)"))
  print(select(2, pcall(function() p.KC_CC = 1 end)):match(": (.*)"))
  print(select(2, pcall(function() return x.nope end)):match(": (.*)"))
end
-- expect: 17	-37	4294967295	17	-37	nil
-- expect: attempt to write to constant location
-- expect: attempt to write to constant location
-- expect: 'struct kc_t' has no member named 'nope'

-- test: a type string with a body makes a new type each time
do
  local ffi = require("ffi")
  print(ffi.typeof("struct {}") == ffi.typeof("struct {}"), ffi.typeof("int") == ffi.typeof("int"))
end
-- expect: false	true
