-- test: what const forbids: members, records holding a const member, const anonymous members, dropping const from a pointer target
do
  local ffi = require("ffi")
  ffi.cdef[[
    typedef struct cn_s { int v, w; } cn_s;
    typedef struct cn_pcs { int v; const int w; } cn_pcs;
    typedef struct cn_t {
      cn_s s; const cn_s cs; cn_pcs p1, p2;
      const struct { int ni; };
      complex cx; const complex ccx; complex *cp; const complex *ccp;
      int *ip; const int *cip;
      int a[2]; const int ca[2];
    } cn_t;
  ]]
  local x = ffi.new("cn_t")
  local function try(name, f)
    local ok, e = pcall(f)
    print(name, ok or e:match(": (.*)"))
  end
  try("p1.v", function() x.p1.v = 1 end)
  try("p1.w", function() x.p1.w = 1 end)
  try("p1 = p2", function() x.p1 = x.p2 end)
  try("p1 = {}", function() x.p1 = {} end)
  try("s = cs", function() x.s = x.cs end)
  try("cs = s", function() x.cs = x.s end)
  try("read ni", function() return x.ni end)
  try("ni", function() x.ni = 1 end)
  try("cx", function() x.cx = 1 end)
  try("ccx", function() x.ccx = 1 end)
  local cxa, ccxa = ffi.new("complex[1]"), ffi.new("const complex[1]")
  try("cp = cxa", function() x.cp = cxa end)
  try("ccp = ccxa", function() x.ccp = ccxa end)
  try("cp = ccxa", function() x.cp = ccxa end)
  try("ip = cip", function() x.ip = x.cip end)
  try("cip = ip", function() x.cip = x.ip end)
  try("ip = const int[2]", function() x.ip = ffi.new("const int[2]") end)
  try("a = ca", function() x.a = x.ca end)
  try("ca = a", function() x.ca = x.a end)
  local c = ffi.new("complex float", 12.5, -3.25)
  print(c.re, c.im, ffi.sizeof(c))
end
-- expect: p1.v	true
-- expect: p1.w	attempt to write to constant location
-- expect: p1 = p2	attempt to write to constant location
-- expect: p1 = {}	attempt to write to constant location
-- expect: s = cs	true
-- expect: cs = s	attempt to write to constant location
-- expect: read ni	true
-- expect: ni	attempt to write to constant location
-- expect: cx	true
-- expect: ccx	attempt to write to constant location
-- expect: cp = cxa	true
-- expect: ccp = ccxa	true
-- expect: cp = ccxa	cannot convert 'complex [1]' to 'complex *'
-- expect: ip = cip	cannot convert 'const int *' to 'int *'
-- expect: cip = ip	true
-- expect: ip = const int[2]	cannot convert 'const int [2]' to 'int *'
-- expect: a = ca	cannot convert 'const int [2]' to 'int [2]'
-- expect: ca = a	attempt to write to constant location
-- expect: 12.5	-3.25	8
