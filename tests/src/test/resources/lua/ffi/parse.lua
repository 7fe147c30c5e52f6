-- test: type strings LuaJIT refuses, with its messages
do
  local ffi = require("ffi")
  for _, t in ipairs{"struct { void x; }", "int [10][?]", "int [10][]", "int [0x10000][0x2000]",
      "union { double x; int a[?]; }", "struct { int a[?]; int b; }", "int (void)[10]", "int [10](void)",
      "struct { int __attribute__((mode(TI))) a:2; }", "struct { int; }", "struct { static int x = 1; }"} do
    print(t, pcall(ffi.typeof, t))
  end
end
-- expect: struct { void x; }	false	size of C type is unknown or too large
-- expect: int [10][?]	false	size of C type is unknown or too large
-- expect: int [10][]	false	size of C type is unknown or too large
-- expect: int [0x10000][0x2000]	false	size of C type is unknown or too large
-- expect: union { double x; int a[?]; }	false	size of C type is unknown or too large
-- expect: struct { int a[?]; int b; }	false	'}' expected near 'b'
-- expect: int (void)[10]	false	invalid C type
-- expect: int [10](void)	false	size of C type is unknown or too large
-- expect: struct { int __attribute__((mode(TI))) a:2; }	false	invalid value near ':'
-- expect: struct { int; }	false	'<identifier>' expected near ';'
-- expect: struct { static int x = 1; }	false	invalid C type

-- test: a record containing itself, or a member of an incomplete type, is refused by cdef
do
  local ffi = require("ffi")
  for _, d in ipairs{"struct ps2 { struct ps2 inner; };", "typedef struct ps3 ps3_t; struct ps3 { ps3_t in; };",
      "struct ps4 { struct ps4 a[2]; };", "union pu5 { union pu5 a; };", "struct pb { struct nope z; };"} do
    print(d, pcall(ffi.cdef, d))
  end
end
-- expect: struct ps2 { struct ps2 inner; };	false	size of C type is unknown or too large
-- expect: typedef struct ps3 ps3_t; struct ps3 { ps3_t in; };	false	size of C type is unknown or too large
-- expect: struct ps4 { struct ps4 a[2]; };	false	size of C type is unknown or too large
-- expect: union pu5 { union pu5 a; };	false	size of C type is unknown or too large
-- expect: struct pb { struct nope z; };	false	size of C type is unknown or too large

-- test: cdef errors say the line inside the block; only one declaration may omit its ';'
do
  local ffi = require("ffi")
  print(pcall(ffi.cdef, "int pl_x;\nint pl_y;\nint pl_z;\nfoo_t w;"))
  print(pcall(ffi.cdef, "int pl_a; int pl_b"))
  print(pcall(ffi.cdef, "int pl_c"))
  print(pcall(ffi.cdef, "#include <stdio.h>"))
  print(pcall(ffi.cdef, "#define PL_N 1"))
  print(pcall(ffi.cdef, "#pragma pack(push, 1)\n#pragma pack(pop)\n#line 3\nint pl_d;"))
end
-- expect: false	declaration specifier expected near 'foo_t' at line 4
-- expect: false	';' expected near '<eof>'
-- expect: true
-- expect: false	unexpected symbol near 'include'
-- expect: false	unexpected symbol near 'define'
-- expect: true

-- test: static declarations are constants: const integers of up to 32 bits with a value
do
  local ffi = require("ffi")
  ffi.cdef[[
    static const int PK_42 = 42;
    static const char PK_44 = 300;
    static const unsigned short PK_U = 65535;
    static inline int pk_f(int n) { return n; }
  ]]
  print(ffi.sizeof("char[PK_42]"), ffi.sizeof("char[PK_44]"), ffi.sizeof("char[PK_U]"))
  for _, d in ipairs{"static int pk_x;", "static const long long pk_y = 1;", "static const double pk_z = 1;",
      "static const int pk_w;", "const int pk_v = 1;", "static int (*pk_fp)();"} do
    print(d, pcall(ffi.cdef, d))
  end
end
-- expect: 42	44	65535
-- expect: static int pk_x;	false	invalid C type
-- expect: static const long long pk_y = 1;	false	invalid C type
-- expect: static const double pk_z = 1;	false	invalid C type
-- expect: static const int pk_w;	false	'=' expected near ';'
-- expect: const int pk_v = 1;	false	';' expected near '='
-- expect: static int (*pk_fp)();	false	invalid C type

-- test: a record's constants: static const members and enums declared inside it
do
  local ffi = require("ffi")
  ffi.cdef[[
    struct pconst { enum { PC_99 = 99 }; static const int PC_55 = 55; int x; } pconst_ext;
  ]]
  print(ffi.sizeof("struct pconst"), ffi.sizeof("char[PC_99]"), ffi.sizeof("char[pconst_ext.PC_55]"),
    ffi.sizeof("char[((struct pconst *)0)->PC_99]"), pcall(ffi.typeof, "char[PC_55]"))
end
-- expect: 4	99	55	99	false	unexpected symbol near 'PC_55'

-- test: a bool takes its size from the integer keyword beside it, as LuaJIT's parser sizes it
do
  local ffi = require("ffi")
  for _, t in ipairs({"_Bool int", "int _Bool", "signed _Bool", "unsigned _Bool int", "const _Bool int", "_Bool int[2]", "_Bool __attribute__((mode(SI)))"}) do
    local ct = ffi.typeof(t)
    print(t, tostring(ct), ffi.sizeof(ct), ffi.alignof(ct))
  end
  print(pcall(ffi.typeof, "_Bool long"))
end
-- expect: _Bool int	ctype<bool>	4	4
-- expect: int _Bool	ctype<bool>	4	4
-- expect: signed _Bool	ctype<bool>	1	1
-- expect: unsigned _Bool int	ctype<bool>	4	4
-- expect: const _Bool int	ctype<const bool>	4	4
-- expect: _Bool int[2]	ctype<bool [2]>	8	4
-- expect: _Bool __attribute__((mode(SI)))	ctype<bool>	1	1
-- expect: false	invalid C type

-- test: mode(OI) is LuaJIT's 32-byte integer, aligned to 16 as LuaJIT limits mode alignment
do
  local ffi = require("ffi")
  for _, t in ipairs({"int __attribute__((mode(OI)))", "unsigned __attribute__((mode(OI)))", "int __attribute__((mode(TI)))"}) do
    local ct = ffi.typeof(t)
    print(tostring(ct), ffi.sizeof(ct), ffi.alignof(ct))
  end
  local s = ffi.typeof("struct { int __attribute__((mode(OI))) a; char b; }")
  print(ffi.sizeof(s), ffi.offsetof(s, "b"))
  print(pcall(ffi.new, "int __attribute__((mode(OI)))", 5))
end
-- expect: ctype<int256_t>	32	16
-- expect: ctype<uint256_t>	32	16
-- expect: ctype<int128_t>	16	16
-- expect: 48	32
-- expect: false	cannot convert 'number' to 'int256_t'

-- test: __ptr32 after a '*' makes a 4-byte pointer on a 64-bit target; __ptr64 is any pointer there
do
  local ffi = require("ffi")
  for _, t in ipairs({"int * __ptr32", "int *__ptr32 *", "int * const __ptr32", "int (* __ptr32)(void)", "int * __ptr64"}) do
    local ct = ffi.typeof(t)
    print(tostring(ct), ffi.sizeof(ct), ffi.alignof(ct))
  end
  local s = ffi.typeof("struct { char c; int *__ptr32 p; }")
  print(ffi.sizeof(s), ffi.offsetof(s, "p"))
end
-- expect: ctype<int *__ptr32>	4	4
-- expect: ctype<int *__ptr32 *>	8	8
-- expect: ctype<int *__ptr32 const>	4	4
-- expect: ctype<int (*__ptr32)()>	4	4
-- expect: ctype<int *>	8	8
-- expect: 8	4
