-- The same mistakes give LuaJIT's messages: misuse of C functions, members, operators, casts
-- and the ffi functions' arguments. Every message is caught and printed without its position.

-- test: calling C functions with wrong arguments, or calling what is no function
do
  local ffi = require("ffi")
  ffi.cdef[[int abs(int); size_t strlen(const char *); int printf(const char *, ...); struct em_s { int x; };]]
  local function try(f, ...) local ok, e = pcall(f, ...) print(ok, (tostring(e):gsub("^[^:]*:%d+: ", ""))) end
  try(ffi.C.abs)
  try(ffi.C.abs, 1, 2)
  try(ffi.C.abs, "x")
  try(ffi.C.abs, {})
  try(ffi.C.strlen, 5)
  try(ffi.C.printf)
  try(ffi.C.printf, "%d\n", {})
  try(ffi.C.printf, "%d\n", print)
  try(function() return ffi.new("int")() end)
  try(function() return ffi.cast("void *", 0)() end)
  try(function() return ffi.cast("int *", 0)() end)
  try(function() return ffi.new("struct em_s")() end)
  try(function() return ffi.new("int[3]")() end)
  try(function() return ffi.cast("int (*)(int, int)", 0)(1) end)
  try(function() return ffi.cast("int (*)(void)", 16)(1) end)
end
-- expect: false	wrong number of arguments for function call
-- expect: false	wrong number of arguments for function call
-- expect: false	bad argument #1 to '?' (cannot convert 'string' to 'int')
-- expect: false	bad argument #1 to '?' (cannot convert 'table' to 'int')
-- expect: false	bad argument #1 to '?' (cannot convert 'number' to 'const char *')
-- expect: false	wrong number of arguments for function call
-- expect: false	bad argument #2 to '?' (cannot convert 'table' to 'void *')
-- expect: false	bad argument #2 to '?' (cannot convert 'function' to 'void *')
-- expect: false	'int' is not callable
-- expect: false	'void' is not callable
-- expect: false	'int' is not callable
-- expect: false	'struct em_s' is not callable
-- expect: false	'int [3]' is not callable
-- expect: false	wrong number of arguments for function call
-- expect: false	wrong number of arguments for function call

-- test: a C function is a cdata without members, and the namespace refuses stores to it
do
  local ffi = require("ffi")
  ffi.cdef[[int abs(int); enum { EM_K = 3 };]]
  local function try(f, ...) local ok, e = pcall(f, ...) print(ok, (tostring(e):gsub("^[^:]*:%d+: ", ""))) end
  try(function() return ffi.C.abs.x end)
  try(function() ffi.C.abs.x = 1 end)
  try(function() ffi.C.abs = 1 end)
  try(function() ffi.C.EM_K = 1 end)
  try(function() ffi.C.em_not_declared = 1 end)
  try(function() return ffi.C.abs + 1 end)
  try(function() return ffi.C.abs .. "x" end)
  try(function() return #ffi.C.abs end)
  try(function() return ffi.C.abs < ffi.C.abs end)
  print(ffi.C.abs == ffi.C.abs, tonumber(ffi.C.abs), type(ffi.C.abs))
end
-- expect: false	'int ()' has no member named 'x'
-- expect: false	'int ()' has no member named 'x'
-- expect: false	attempt to write to constant location
-- expect: false	attempt to write to constant location
-- expect: false	missing declaration for symbol 'em_not_declared'
-- expect: false	attempt to perform arithmetic on 'int (*)()' and 'number'
-- expect: false	attempt to concatenate 'int (*)()' and 'string'
-- expect: false	attempt to get length of 'int (*)()'
-- expect: true	false
-- expect: true	nil	cdata

-- test: members, operators and comparisons that the types do not have
do
  local ffi = require("ffi")
  ffi.cdef[[struct em_a { int x; double y; };]]
  local function try(f, ...) local ok, e = pcall(f, ...) print(ok, (tostring(e):gsub("^[^:]*:%d+: ", ""))) end
  local s = ffi.new("struct em_a")
  try(function() return s.z end)
  try(function() s.z = 1 end)
  try(function() return s[0] end)
  try(function() return s[{}] end)
  try(function() return s + 1 end)
  try(function() return s < s end)
  try(function() return s .. "x" end)
  try(function() return -s end)
  try(function() return #s end)
  try(function() return ffi.new("int[3]") + ffi.new("int[3]") end)
  try(function() return ffi.new("int[3]").x end)
  try(function() return ffi.cast("int *", 0).x end)
  try(function() return ffi.cast("int *", 0) < ffi.cast("char *", 0) end)
  try(function() return ffi.cast("int *", 0) <= ffi.cast("void *", 0) end)
  try(function() return ffi.cast("const int *", 0) < ffi.cast("int *", 8) end)
  try(function() return ffi.cast("void *", 0) < ffi.cast("const void *", 8) end)
  try(function() return ffi.cast("int *", 0) == ffi.cast("char *", 0) end)
  try(function() return ffi.cast("int *", 0) - ffi.cast("char *", 0) end)
  try(function() return ffi.cast("int *", 0) + ffi.cast("char *", 0) end)
  try(function() return ffi.cast("int *", 0) * 2 end)
  try(function() return ffi.cast("void *", 0) + 1 end)
  try(function() return 1LL + {} end)
  try(function() return 1LL < "x" end)
  try(function() return 1LL == "x" end)
end
-- expect: false	'struct em_a' has no member named 'z'
-- expect: false	'struct em_a' has no member named 'z'
-- expect: false	'struct em_a' cannot be indexed with 'number'
-- expect: false	'struct em_a' cannot be indexed with 'table'
-- expect: false	attempt to perform arithmetic on 'struct em_a' and 'number'
-- expect: false	attempt to compare 'struct em_a' with 'struct em_a'
-- expect: false	attempt to concatenate 'struct em_a' and 'string'
-- expect: false	attempt to perform arithmetic on 'struct em_a' and 'struct em_a'
-- expect: false	attempt to get length of 'struct em_a'
-- expect: false	attempt to perform arithmetic on 'int [3]' and 'int [3]'
-- expect: false	'int [3]' has no member named 'x'
-- expect: false	'int *' has no member named 'x'
-- expect: false	attempt to compare 'int *' with 'char *'
-- expect: false	attempt to compare 'int *' with 'void *'
-- expect: true	true
-- expect: true	true
-- expect: true	true
-- expect: false	attempt to perform arithmetic on 'int *' and 'char *'
-- expect: false	attempt to perform arithmetic on 'int *' and 'char *'
-- expect: false	attempt to perform arithmetic on 'int *' and 'number'
-- expect: false	attempt to perform arithmetic on 'void *' and 'number'
-- expect: false	attempt to perform arithmetic on 'int64_t' and 'table'
-- expect: false	attempt to compare 'int64_t' with 'string'
-- expect: true	false

-- test: the ffi functions' arguments are checked as LuaJIT checks them
do
  local ffi = require("ffi")
  ffi.cdef[[struct em_b { int x; }; int abs(int); enum em_e { EM_A, EM_B };]]
  local function try(f, ...) local ok, e = pcall(f, ...) print(ok, (tostring(e):gsub("^[^:]*:%d+: ", ""))) end
  try(ffi.cast, "struct em_b", 1)
  try(ffi.cast, "int[3]", 1)
  try(ffi.cast, "void", 1)
  try(ffi.cast, "int (int)", 1)
  try(ffi.cast, "struct em_nonexistent *", 1)
  try(ffi.cast, "int", {})
  try(ffi.cast, 1, 2)
  try(ffi.new, "struct em_b", "x")
  try(ffi.new, "enum em_e", "EM_C")
  try(function() local e = ffi.new("enum em_e[1]") e[0] = "EM_C" end)
  try(ffi.new, "int[?]", "x")
  try(ffi.new, "int[?]", nil)
  try(ffi.new, "int[?]", {})
  try(ffi.new, "int[2]", "ab")
  print(ffi.new("uint8_t[3]", "ab")[1])
  print(ffi.sizeof(ffi.new("int[?]", true)), ffi.sizeof(ffi.new("int[?]", ffi.new("int", 2))))
  try(ffi.typeof, "int", 1)
  try(ffi.typeof, "$")
  try(ffi.offsetof, "struct em_b", "q")
  try(ffi.string, "xyz", "y")
  try(ffi.string, ffi.new("char[3]", "ab"), {})
  print(ffi.string("xyz", 2), ffi.string("xyz", ffi.new("int", 1)))
  try(ffi.copy, ffi.new("char[3]"), 1, 2)
  try(ffi.fill, ffi.new("char[3]"), "x")
  try(ffi.gc, 1, print)
  try(ffi.gc, ffi.new("int"), print)
  try(ffi.gc, 1LL, print)
  try(ffi.gc, ffi.C.abs, print)
  try(function() return ffi.new("bool", "x") end)
  try(function() return ffi.new("float", "1.5") end)
  try(function() return ffi.new("int[]", 3) end)
  try(function() return ffi.new("void") end)
  try(function() return ffi.new("struct em_undefined_tag") end)
  print(ffi.gc(ffi.new("struct em_b"), nil) ~= nil, ffi.gc(ffi.cast("void *", 0), nil) ~= nil)
end
-- expect: false	bad argument #1 to '?' (invalid C type)
-- expect: false	bad argument #1 to '?' (invalid C type)
-- expect: false	bad argument #1 to '?' (invalid C type)
-- expect: false	bad argument #1 to '?' (invalid C type)
-- expect: false	undeclared or implicit tag 'em_nonexistent'
-- expect: false	cannot convert 'table' to 'int'
-- expect: false	bad argument #1 to '?' (C type expected, got number)
-- expect: false	cannot convert 'string' to 'int'
-- expect: false	cannot convert 'string' to 'enum em_e'
-- expect: false	cannot convert 'string' to 'enum em_e'
-- expect: false	bad argument #2 to '?' (cannot convert 'string' to 'int')
-- expect: false	bad argument #2 to '?' (cannot convert 'nil' to 'int')
-- expect: false	bad argument #2 to '?' (cannot convert 'table' to 'int')
-- expect: false	cannot convert 'string' to 'int [2]'
-- expect: 98
-- expect: 4	8
-- expect: false	wrong number of type parameters
-- expect: false	wrong number of type parameters
-- expect: true	nil
-- expect: false	bad argument #2 to '?' (cannot convert 'string' to 'int')
-- expect: false	bad argument #2 to '?' (cannot convert 'table' to 'int')
-- expect: xy	x
-- expect: false	bad argument #2 to '?' (cannot convert 'number' to 'const void *')
-- expect: false	bad argument #2 to '?' (cannot convert 'string' to 'int')
-- expect: false	bad argument #1 to '?' (cdata expected, got number)
-- expect: false	bad argument #1 to '?' (invalid C type)
-- expect: false	bad argument #1 to '?' (invalid C type)
-- expect: false	bad argument #1 to '?' (invalid C type)
-- expect: false	cannot convert 'string' to 'bool'
-- expect: false	cannot convert 'string' to 'float'
-- expect: false	bad argument #1 to '?' (size of C type is unknown or too large)
-- expect: false	bad argument #1 to '?' (size of C type is unknown or too large)
-- expect: false	undeclared or implicit tag 'em_undefined_tag'
-- expect: true	false

-- test: a Lua function converts only to function pointers whose parameters and result are scalars
do
  local ffi = require("ffi")
  ffi.cdef[[struct em_cb { int x; };]]
  local function try(f, ...) local ok, e = pcall(f, ...) print(ok, (tostring(e):gsub("^[^:]*:%d+: ", ""))) end
  try(ffi.cast, "int (*)(struct em_cb)", function(a) return 0 end)
  try(ffi.cast, "struct em_cb (*)(int)", function(a) return {a} end)
  try(ffi.cast, "void (*)(int, ...)", function(a) end)
  try(ffi.cast, "complex (*)(void)", function() return 1 end)
  try(ffi.cast, "void (*)(int, int, int, int, int, int, int, int, int, int, int, int, int, int, int, int, int)", function() end)
  local ok, cb = pcall(ffi.cast, "void (*)(int, int, int, int, int, int, int, int, int, int, int, int, int, int, int, int)", function() end)
  print(ok)
  cb:free()
  local s = ffi.new("struct { int (*f)(struct em_cb *, int[2], float, bool, uint64_t); }")
  s.f = function(p, a, f, b, u) return 7 end
  print(s.f(nil, nil, 1, true, 2))
  try(function() s.f = 1 end)
end
-- expect: false	cannot convert 'function' to 'int (*)()'
-- expect: false	cannot convert 'function' to 'struct em_cb (*)()'
-- expect: false	cannot convert 'function' to 'void (*)()'
-- expect: false	cannot convert 'function' to 'complex (*)()'
-- expect: false	cannot convert 'function' to 'void (*)()'
-- expect: true
-- expect: 7
-- expect: false	cannot convert 'number' to 'int (*)()'

-- test: a cdef missing an operand, a name, a type or a closing bracket says so in LuaJIT's words
do
  local ffi = require("ffi")
  for _, text in ipairs{
    "int em_a[;", "int em_b[1][;", "enum { EM_C = , };", "enum { EM_D = 1 +, };", "int em_e[",
    "struct;", "enum;", "int em_f, ;", "int *const*const;", "struct { int a, ; };", "int *", "enum em_g { A,",
    "int em_h(;", "int (*em_i)(;", "int em_j(int, ;", "struct {", "struct em_k { int a;",
    "int (*em_l;", "int em_m(int a, ...,);", "int em_n(int x = 1);", "int em_o(int a b);", "int em_p[3;",
    "int em_q[3 4];", "enum { EM_R EM_S };", "enum em_t { A", "int em_u(void) {",
    "int )", "int ]", "}", "{", "int", "typedef", "struct em_v { int a; } }", "struct em_w { int a; }",
  } do
    print(text, pcall(ffi.cdef, text))
  end
end
-- expect: int em_a[;	false	unexpected symbol near ';'
-- expect: int em_b[1][;	false	unexpected symbol near ';'
-- expect: enum { EM_C = , };	false	unexpected symbol near ','
-- expect: enum { EM_D = 1 +, };	false	unexpected symbol near ','
-- expect: int em_e[	false	unexpected symbol near '<eof>'
-- expect: struct;	false	'<identifier>' expected near ';'
-- expect: enum;	false	'<identifier>' expected near ';'
-- expect: int em_f, ;	false	'<identifier>' expected near ';'
-- expect: int *const*const;	false	'<identifier>' expected near ';'
-- expect: struct { int a, ; };	false	'<identifier>' expected near ';'
-- expect: int *	false	'<identifier>' expected near '<eof>'
-- expect: enum em_g { A,	false	'<identifier>' expected near '<eof>'
-- expect: int em_h(;	false	declaration specifier expected near ';'
-- expect: int (*em_i)(;	false	declaration specifier expected near ';'
-- expect: int em_j(int, ;	false	declaration specifier expected near ';'
-- expect: struct {	false	declaration specifier expected near '<eof>'
-- expect: struct em_k { int a;	false	declaration specifier expected near '<eof>'
-- expect: int (*em_l;	false	')' expected near ';'
-- expect: int em_m(int a, ...,);	false	')' expected near ','
-- expect: int em_n(int x = 1);	false	')' expected near '='
-- expect: int em_o(int a b);	false	')' expected near 'b'
-- expect: int em_p[3;	false	']' expected near ';'
-- expect: int em_q[3 4];	false	']' expected near '4'
-- expect: enum { EM_R EM_S };	false	'}' expected near 'EM_S'
-- expect: enum em_t { A	false	'}' expected near '<eof>'
-- expect: int em_u(void) {	false	'}' expected near '<eof>'
-- expect: int )	false	'<identifier>' expected near ')'
-- expect: int ]	false	'<identifier>' expected near ']'
-- expect: }	false	declaration specifier expected near '}'
-- expect: {	false	declaration specifier expected near '{'
-- expect: int	false	'<identifier>' expected near '<eof>'
-- expect: typedef	false	declaration specifier expected near '<eof>'
-- expect: struct em_v { int a; } }	false	'<identifier>' expected near '}'
-- expect: struct em_w { int a; }	true

-- test: a first unnamed void parameter stands alone, however it is spelled
do
  local ffi = require("ffi")
  for _, text in ipairs{"int vf1(void, int);", "int vf2(int, void);", "int vf3(void x);", "int vf4(void, ...);",
      "int vf5(const void);", "typedef void vf_V; int vf6(vf_V);", "int vf7(vf_V, int);", "int (*vf9)(void, int);"} do
    print(text, pcall(ffi.cdef, text))
  end
  print(ffi.typeof("int (*)(const void)"), ffi.typeof("int (*)(vf_V)"))
end
-- expect: int vf1(void, int);	false	')' expected near ','
-- expect: int vf2(int, void);	true
-- expect: int vf3(void x);	true
-- expect: int vf4(void, ...);	false	')' expected near ','
-- expect: int vf5(const void);	true
-- expect: typedef void vf_V; int vf6(vf_V);	true
-- expect: int vf7(vf_V, int);	false	')' expected near ','
-- expect: int (*vf9)(void, int);	false	')' expected near ','
-- expect: ctype<int (*)()>	ctype<int (*)()>
