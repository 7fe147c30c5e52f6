-- test: ctypes print as LuaJIT names them: integers by size, functions without parameters
do
  local ffi = require("ffi")
  ffi.cdef[[
    struct nm_foo { int x; };
    typedef int (*nm_fp)(int);
    int unlink(const char *pathname);
  ]]
  for _, t in ipairs{"long", "unsigned long", "size_t", "ssize_t", "intptr_t", "long long", "uint64_t",
      "int8_t", "signed char", "unsigned char", "short", "unsigned int", "wchar_t", "bool", "_Bool",
      "complex", "complex float", "_Complex double", "const complex", "int *restrict", "int * const",
      "const volatile int", "int __attribute__((aligned(8)))", "nm_fp", "nm_fp *", "int (*(*)(int))[3]",
      "void (*[2])(void)", "int (int, ...)", "struct nm_foo *", "size_t[2]", "int[?]", "int []",
      "int __attribute__((mode(TI)))", "int __attribute__((mode(V2QI)))", "double __attribute__((mode(V8SF)))",
      "float __attribute__((vector_size(16)))"} do
    print(t, ffi.typeof(t))
  end
  print(tostring(ffi.C.unlink):match("^[^:]*"), ffi.typeof(ffi.C.unlink))
  print(ffi.cast("nm_fp", 0), ffi.typeof(1LL), ffi.typeof(1ULL), ffi.typeof(1i))
  print(select(2, pcall(function() return ffi.new("long", 1) + "x" end)):match(": (.*)"))
end
-- expect: long	ctype<int64_t>
-- expect: unsigned long	ctype<uint64_t>
-- expect: size_t	ctype<uint64_t>
-- expect: ssize_t	ctype<int64_t>
-- expect: intptr_t	ctype<int64_t>
-- expect: long long	ctype<int64_t>
-- expect: uint64_t	ctype<uint64_t>
-- expect: int8_t	ctype<char>
-- expect: signed char	ctype<char>
-- expect: unsigned char	ctype<unsigned char>
-- expect: short	ctype<short>
-- expect: unsigned int	ctype<unsigned int>
-- expect: wchar_t	ctype<int>
-- expect: bool	ctype<bool>
-- expect: _Bool	ctype<bool>
-- expect: complex	ctype<complex>
-- expect: complex float	ctype<complex float>
-- expect: _Complex double	ctype<complex>
-- expect: const complex	ctype<complex>
-- expect: int *restrict	ctype<int *>
-- expect: int * const	ctype<int *const>
-- expect: const volatile int	ctype<const volatile int>
-- expect: int __attribute__((aligned(8)))	ctype<int>
-- expect: nm_fp	ctype<int (*)()>
-- expect: nm_fp *	ctype<int (**)()>
-- expect: int (*(*)(int))[3]	ctype<int (*(*)())[3]>
-- expect: void (*[2])(void)	ctype<void (*[2])()>
-- expect: int (int, ...)	ctype<int ()>
-- expect: struct nm_foo *	ctype<struct nm_foo *>
-- expect: size_t[2]	ctype<uint64_t [2]>
-- expect: int[?]	ctype<int [?]>
-- expect: int []	ctype<int []>
-- expect: int __attribute__((mode(TI)))	ctype<int128_t>
-- expect: int __attribute__((mode(V2QI)))	ctype<char __attribute__((vector_size(2)))>
-- expect: double __attribute__((mode(V8SF)))	ctype<float __attribute__((vector_size(32)))>
-- expect: float __attribute__((vector_size(16)))	ctype<float __attribute__((vector_size(16)))>
-- expect: cdata<int ()>	ctype<int ()>
-- expect: cdata<int (*)()>: NULL	ctype<int64_t>	ctype<uint64_t>	ctype<complex>
-- expect: attempt to perform arithmetic on 'int64_t' and 'string'

-- test: LuaJIT's spellings in type strings: complex, calling conventions, __declspec
do
  local ffi = require("ffi")
  ffi.cdef[[
    int __cdecl nm_c1(int);
    int __fastcall nm_c2(void);
    int (__stdcall *nm_c3)(int);
    __thiscall int nm_c4(int);
    int __attribute__((fastcall)) nm_c5(int);
  ]]
  print(ffi.sizeof("complex float"), ffi.sizeof("complex"), ffi.sizeof("complex double"), ffi.alignof("complex float"))
  print(ffi.typeof("int (__stdcall *)(int)"), ffi.typeof("int __fastcall (int)"))
  print(ffi.alignof("char __declspec(align(8))"), ffi.alignof("__declspec(align(4)) char"))
  print(ffi.alignof("char __attribute__((aligned(8))) const __attribute__((aligned(2)))"),
    ffi.alignof("int [10] __attribute__((aligned(8)))"), ffi.sizeof("int [10] __attribute__((aligned(8)))"))
  print(ffi.alignof("double __attribute__((vector_size(32)))"), ffi.sizeof("double __attribute__((mode(V8SF)))"))
  print(ffi.sizeof("ch\\\nar"), ffi.sizeof("struct { char a:7; int b:7; char c:7; int d:10; }"))
end
-- expect: 8	16	16	4
-- expect: ctype<int (*)()>	ctype<int ()>
-- expect: 8	4
-- expect: 2	8	40
-- expect: 16	32
-- expect: 1	8

-- test: sizeof and alignof of types without a size
do
  local ffi = require("ffi")
  ffi.cdef("struct nm_inc; enum nm_einc;")
  for _, t in ipairs{"void", "struct nm_inc", "enum nm_einc", "int(int)", "int[]", "const void"} do
    print(t, ffi.sizeof(t), ffi.alignof(t))
  end
  print(pcall(ffi.sizeof, "int[?]"))
  print(ffi.sizeof("int[?]", 3), ffi.sizeof("int[?]", -1), ffi.sizeof("short[?]", 0x40000000), ffi.sizeof("int", 3))
end
-- expect: void	nil	1
-- expect: struct nm_inc	nil	1
-- expect: enum nm_einc	nil	1
-- expect: int(int)	nil	1
-- expect: int[]	nil	4
-- expect: const void	nil	1
-- expect: false	bad argument #2 to '?' (value expected)
-- expect: 12	nil	nil	4

-- test: number literals of LuaJIT's lexer
do
  for _, s in ipairs{"0ll", "0ULl", "18446744073709551615llu", "0x8000000000000000ull", "-1ull",
      "-0x8000000000000000ull", "0I", "0x1234i", "1e400i", "-1e400i", "-12.5i", "-0i", "0x1p4i",
      "0l", "0lll", "0u", "0ul", "0ulll", "0wll", "0xll", ".0ll", "0ii", "1.5ll"} do
    local f, e = loadstring("return tostring(" .. s .. ")")
    print(s, f and f() or e)
  end
end
-- expect: 0ll	0LL
-- expect: 0ULl	0ULL
-- expect: 18446744073709551615llu	18446744073709551615ULL
-- expect: 0x8000000000000000ull	9223372036854775808ULL
-- expect: -1ull	18446744073709551615ULL
-- expect: -0x8000000000000000ull	9223372036854775808ULL
-- expect: 0I	0+0i
-- expect: 0x1234i	0+4660i
-- expect: 1e400i	0+infI
-- expect: -1e400i	0-infI
-- expect: -12.5i	0-12.5i
-- expect: -0i	0-0i
-- expect: 0x1p4i	0+16i
-- expect: 0l	[string "return tostring(0l)"]:1: malformed number near '0l'
-- expect: 0lll	[string "return tostring(0lll)"]:1: malformed number near '0lll'
-- expect: 0u	[string "return tostring(0u)"]:1: malformed number near '0u'
-- expect: 0ul	[string "return tostring(0ul)"]:1: malformed number near '0ul'
-- expect: 0ulll	[string "return tostring(0ulll)"]:1: malformed number near '0ulll'
-- expect: 0wll	[string "return tostring(0wll)"]:1: malformed number near '0wll'
-- expect: 0xll	[string "return tostring(0xll)"]:1: malformed number near '0xll'
-- expect: .0ll	[string "return tostring(.0ll)"]:1: malformed number near '.0ll'
-- expect: 0ii	[string "return tostring(0ii)"]:1: malformed number near '0ii'
-- expect: 1.5ll	[string "return tostring(1.5ll)"]:1: malformed number near '1.5ll'
