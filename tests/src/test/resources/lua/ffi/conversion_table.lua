-- LuaJIT's table of conversions (lj_cconv.c) for scalar and pointer destinations: each Lua
-- value or cdata made by ffi.new, by ffi.cast, and stored into a struct member of the type.
-- Columns: ffi.new, ffi.cast, store. See docs/ffi-conversions.md (the Lua VM section).

-- test: each value converts to each scalar and pointer type by the table, in ffi.new, ffi.cast and a store
do
  local ffi = require("ffi")
  ffi.cdef[[
  enum ct_e { CT_A = 1, CT_B = 7 };
  struct ct_s { int a; };
  struct ct_hold { bool b; int8_t i8; uint16_t u16; int32_t i32; uint32_t u32; int64_t i64; uint64_t u64; float f; double d; complex c; enum ct_e e; void *vp; int *ip; const char *cp; struct ct_s *sp; };
  ]]
  local sources = {
    {"number", function() return 3.75 end}, {"negative", function() return -2 end},
    {"true", function() return true end}, {"nil", function() return nil end},
    {"string", function() return "CT_B" end}, {"int64", function() return -5LL end},
    {"uint64", function() return 5ULL end}, {"int cdata", function() return ffi.new("int", 9) end},
    {"bool cdata", function() return ffi.new("bool", true) end}, {"double cdata", function() return ffi.new("double", 2.5) end},
    {"complex", function() return ffi.new("complex", 1, 2) end}, {"enum", function() return ffi.new("enum ct_e", "CT_B") end},
    {"void *", function() return ffi.cast("void *", 16) end}, {"int *", function() return ffi.cast("int *", 16) end},
    {"char *", function() return ffi.cast("char *", 16) end}, {"int[2]", function() return ffi.new("int[2]") end},
    {"struct", function() return ffi.new("struct ct_s") end}, {"struct *", function() return ffi.cast("struct ct_s *", 16) end},
    {"table", function() return {1} end}, {"function", function() return print end},
  }
  local fields = {bool = "b", int8_t = "i8", uint16_t = "u16", int32_t = "i32", uint32_t = "u32", int64_t = "i64", uint64_t = "u64",
    float = "f", double = "d", complex = "c", ["enum ct_e"] = "e", ["void *"] = "vp", ["int *"] = "ip", ["const char *"] = "cp", ["struct ct_s *"] = "sp"}
  -- A result without the addresses that change from run to run: a pointer shows its address
  -- only when it is a small constant, and a value made from an object's address only its type.
  local function show(ok, v, fromAddress)
    if not ok then return "error: " .. tostring(v):gsub("^.-:%d+: ", "") end
    if type(v) ~= "cdata" then return tostring(v) end
    local t = tostring(ffi.typeof(v)):match("^ctype<(.*)>$")
    if t:match("%*$") then
      local address = tonumber(ffi.cast("uintptr_t", v))
      return t .. ": " .. (address < 4096 and address or "(address)")
    end
    if fromAddress then return t end
    local text = tostring(v)
    return t .. " = " .. (text:match(": 0x%x+$") and tostring(tonumber(v)) or text)
  end
  local function row(d)
    for _, s in ipairs(sources) do
      local fromAddress = s[1] == "string" or s[1] == "int[2]" or s[1] == "struct"
      local made = show(pcall(ffi.new, d, s[2]()))
      local ok, v = pcall(ffi.cast, d, s[2]())
      local cast = show(ok, v, fromAddress)
      local h = ffi.new("struct ct_hold")
      local ok, e = pcall(function() h[fields[d]] = s[2]() end)
      local stored = ok and show(true, h[fields[d]], fromAddress) or show(false, e)
      print(d .. " <- " .. s[1], made, cast, stored)
    end
  end
  row("bool")
  row("int8_t")
  row("uint16_t")
  row("int32_t")
  row("uint32_t")
  row("int64_t")
  row("uint64_t")
  row("float")
  row("double")
  row("complex")
  row("enum ct_e")
  row("void *")
  row("int *")
  row("const char *")
  row("struct ct_s *")
end
-- expect: bool <- number	bool = 1	bool = 1	true
-- expect: bool <- negative	bool = 1	bool = 1	true
-- expect: bool <- true	bool = 1	bool = 1	true
-- expect: bool <- nil	error: cannot convert 'nil' to 'bool'	error: cannot convert 'nil' to 'bool'	error: cannot convert 'nil' to 'bool'
-- expect: bool <- string	error: cannot convert 'string' to 'bool'	error: cannot convert 'string' to 'bool'	error: cannot convert 'string' to 'bool'
-- expect: bool <- int64	bool = 1	bool = 1	true
-- expect: bool <- uint64	bool = 1	bool = 1	true
-- expect: bool <- int cdata	bool = 1	bool = 1	true
-- expect: bool <- bool cdata	bool = 1	bool = 1	true
-- expect: bool <- double cdata	bool = 1	bool = 1	true
-- expect: bool <- complex	error: cannot convert 'complex' to 'bool'	error: cannot convert 'complex' to 'bool'	error: cannot convert 'complex' to 'bool'
-- expect: bool <- enum	bool = 1	bool = 1	true
-- expect: bool <- void *	error: cannot convert 'void *' to 'bool'	error: cannot convert 'void *' to 'bool'	error: cannot convert 'void *' to 'bool'
-- expect: bool <- int *	error: cannot convert 'int *' to 'bool'	error: cannot convert 'int *' to 'bool'	error: cannot convert 'int *' to 'bool'
-- expect: bool <- char *	error: cannot convert 'char *' to 'bool'	error: cannot convert 'char *' to 'bool'	error: cannot convert 'char *' to 'bool'
-- expect: bool <- int[2]	error: cannot convert 'int [2]' to 'bool'	error: cannot convert 'int [2]' to 'bool'	error: cannot convert 'int [2]' to 'bool'
-- expect: bool <- struct	error: cannot convert 'struct ct_s' to 'bool'	error: cannot convert 'struct ct_s' to 'bool'	error: cannot convert 'struct ct_s' to 'bool'
-- expect: bool <- struct *	error: cannot convert 'struct ct_s *' to 'bool'	error: cannot convert 'struct ct_s *' to 'bool'	error: cannot convert 'struct ct_s *' to 'bool'
-- expect: bool <- table	error: cannot convert 'table' to 'bool'	error: cannot convert 'table' to 'bool'	error: cannot convert 'table' to 'bool'
-- expect: bool <- function	error: cannot convert 'function' to 'bool'	error: cannot convert 'function' to 'bool'	error: cannot convert 'function' to 'bool'
-- expect: int8_t <- number	char = 3	char = 3	3
-- expect: int8_t <- negative	char = -2	char = -2	-2
-- expect: int8_t <- true	char = 1	char = 1	1
-- expect: int8_t <- nil	error: cannot convert 'nil' to 'char'	char = 0	error: cannot convert 'nil' to 'char'
-- expect: int8_t <- string	error: cannot convert 'string' to 'char'	char	error: cannot convert 'string' to 'char'
-- expect: int8_t <- int64	char = -5	char = -5	-5
-- expect: int8_t <- uint64	char = 5	char = 5	5
-- expect: int8_t <- int cdata	char = 9	char = 9	9
-- expect: int8_t <- bool cdata	char = 1	char = 1	1
-- expect: int8_t <- double cdata	char = 2	char = 2	2
-- expect: int8_t <- complex	char = 1	char = 1	1
-- expect: int8_t <- enum	char = 7	char = 7	7
-- expect: int8_t <- void *	error: cannot convert 'void *' to 'char'	char = 16	error: cannot convert 'void *' to 'char'
-- expect: int8_t <- int *	error: cannot convert 'int *' to 'char'	char = 16	error: cannot convert 'int *' to 'char'
-- expect: int8_t <- char *	error: cannot convert 'char *' to 'char'	char = 16	error: cannot convert 'char *' to 'char'
-- expect: int8_t <- int[2]	error: cannot convert 'int [2]' to 'char'	char	error: cannot convert 'int [2]' to 'char'
-- expect: int8_t <- struct	error: cannot convert 'struct ct_s' to 'char'	error: cannot convert 'struct ct_s' to 'char'	error: cannot convert 'struct ct_s' to 'char'
-- expect: int8_t <- struct *	error: cannot convert 'struct ct_s *' to 'char'	char = 16	error: cannot convert 'struct ct_s *' to 'char'
-- expect: int8_t <- table	error: cannot convert 'table' to 'char'	error: cannot convert 'table' to 'char'	error: cannot convert 'table' to 'char'
-- expect: int8_t <- function	error: cannot convert 'function' to 'char'	error: cannot convert 'function' to 'char'	error: cannot convert 'function' to 'char'
-- expect: uint16_t <- number	unsigned short = 3	unsigned short = 3	3
-- expect: uint16_t <- negative	unsigned short = 65534	unsigned short = 65534	65534
-- expect: uint16_t <- true	unsigned short = 1	unsigned short = 1	1
-- expect: uint16_t <- nil	error: cannot convert 'nil' to 'unsigned short'	unsigned short = 0	error: cannot convert 'nil' to 'unsigned short'
-- expect: uint16_t <- string	error: cannot convert 'string' to 'unsigned short'	unsigned short	error: cannot convert 'string' to 'unsigned short'
-- expect: uint16_t <- int64	unsigned short = 65531	unsigned short = 65531	65531
-- expect: uint16_t <- uint64	unsigned short = 5	unsigned short = 5	5
-- expect: uint16_t <- int cdata	unsigned short = 9	unsigned short = 9	9
-- expect: uint16_t <- bool cdata	unsigned short = 1	unsigned short = 1	1
-- expect: uint16_t <- double cdata	unsigned short = 2	unsigned short = 2	2
-- expect: uint16_t <- complex	unsigned short = 1	unsigned short = 1	1
-- expect: uint16_t <- enum	unsigned short = 7	unsigned short = 7	7
-- expect: uint16_t <- void *	error: cannot convert 'void *' to 'unsigned short'	unsigned short = 16	error: cannot convert 'void *' to 'unsigned short'
-- expect: uint16_t <- int *	error: cannot convert 'int *' to 'unsigned short'	unsigned short = 16	error: cannot convert 'int *' to 'unsigned short'
-- expect: uint16_t <- char *	error: cannot convert 'char *' to 'unsigned short'	unsigned short = 16	error: cannot convert 'char *' to 'unsigned short'
-- expect: uint16_t <- int[2]	error: cannot convert 'int [2]' to 'unsigned short'	unsigned short	error: cannot convert 'int [2]' to 'unsigned short'
-- expect: uint16_t <- struct	error: cannot convert 'struct ct_s' to 'unsigned short'	error: cannot convert 'struct ct_s' to 'unsigned short'	error: cannot convert 'struct ct_s' to 'unsigned short'
-- expect: uint16_t <- struct *	error: cannot convert 'struct ct_s *' to 'unsigned short'	unsigned short = 16	error: cannot convert 'struct ct_s *' to 'unsigned short'
-- expect: uint16_t <- table	error: cannot convert 'table' to 'unsigned short'	error: cannot convert 'table' to 'unsigned short'	error: cannot convert 'table' to 'unsigned short'
-- expect: uint16_t <- function	error: cannot convert 'function' to 'unsigned short'	error: cannot convert 'function' to 'unsigned short'	error: cannot convert 'function' to 'unsigned short'
-- expect: int32_t <- number	int = 3	int = 3	3
-- expect: int32_t <- negative	int = -2	int = -2	-2
-- expect: int32_t <- true	int = 1	int = 1	1
-- expect: int32_t <- nil	error: cannot convert 'nil' to 'int'	int = 0	error: cannot convert 'nil' to 'int'
-- expect: int32_t <- string	error: cannot convert 'string' to 'int'	int	error: cannot convert 'string' to 'int'
-- expect: int32_t <- int64	int = -5	int = -5	-5
-- expect: int32_t <- uint64	int = 5	int = 5	5
-- expect: int32_t <- int cdata	int = 9	int = 9	9
-- expect: int32_t <- bool cdata	int = 1	int = 1	1
-- expect: int32_t <- double cdata	int = 2	int = 2	2
-- expect: int32_t <- complex	int = 1	int = 1	1
-- expect: int32_t <- enum	int = 7	int = 7	7
-- expect: int32_t <- void *	error: cannot convert 'void *' to 'int'	int = 16	error: cannot convert 'void *' to 'int'
-- expect: int32_t <- int *	error: cannot convert 'int *' to 'int'	int = 16	error: cannot convert 'int *' to 'int'
-- expect: int32_t <- char *	error: cannot convert 'char *' to 'int'	int = 16	error: cannot convert 'char *' to 'int'
-- expect: int32_t <- int[2]	error: cannot convert 'int [2]' to 'int'	int	error: cannot convert 'int [2]' to 'int'
-- expect: int32_t <- struct	error: cannot convert 'struct ct_s' to 'int'	error: cannot convert 'struct ct_s' to 'int'	error: cannot convert 'struct ct_s' to 'int'
-- expect: int32_t <- struct *	error: cannot convert 'struct ct_s *' to 'int'	int = 16	error: cannot convert 'struct ct_s *' to 'int'
-- expect: int32_t <- table	error: cannot convert 'table' to 'int'	error: cannot convert 'table' to 'int'	error: cannot convert 'table' to 'int'
-- expect: int32_t <- function	error: cannot convert 'function' to 'int'	error: cannot convert 'function' to 'int'	error: cannot convert 'function' to 'int'
-- expect: uint32_t <- number	unsigned int = 3	unsigned int = 3	3
-- expect: uint32_t <- negative	unsigned int = 4294967294	unsigned int = 4294967294	4294967294
-- expect: uint32_t <- true	unsigned int = 1	unsigned int = 1	1
-- expect: uint32_t <- nil	error: cannot convert 'nil' to 'unsigned int'	unsigned int = 0	error: cannot convert 'nil' to 'unsigned int'
-- expect: uint32_t <- string	error: cannot convert 'string' to 'unsigned int'	unsigned int	error: cannot convert 'string' to 'unsigned int'
-- expect: uint32_t <- int64	unsigned int = 4294967291	unsigned int = 4294967291	4294967291
-- expect: uint32_t <- uint64	unsigned int = 5	unsigned int = 5	5
-- expect: uint32_t <- int cdata	unsigned int = 9	unsigned int = 9	9
-- expect: uint32_t <- bool cdata	unsigned int = 1	unsigned int = 1	1
-- expect: uint32_t <- double cdata	unsigned int = 2	unsigned int = 2	2
-- expect: uint32_t <- complex	unsigned int = 1	unsigned int = 1	1
-- expect: uint32_t <- enum	unsigned int = 7	unsigned int = 7	7
-- expect: uint32_t <- void *	error: cannot convert 'void *' to 'unsigned int'	unsigned int = 16	error: cannot convert 'void *' to 'unsigned int'
-- expect: uint32_t <- int *	error: cannot convert 'int *' to 'unsigned int'	unsigned int = 16	error: cannot convert 'int *' to 'unsigned int'
-- expect: uint32_t <- char *	error: cannot convert 'char *' to 'unsigned int'	unsigned int = 16	error: cannot convert 'char *' to 'unsigned int'
-- expect: uint32_t <- int[2]	error: cannot convert 'int [2]' to 'unsigned int'	unsigned int	error: cannot convert 'int [2]' to 'unsigned int'
-- expect: uint32_t <- struct	error: cannot convert 'struct ct_s' to 'unsigned int'	error: cannot convert 'struct ct_s' to 'unsigned int'	error: cannot convert 'struct ct_s' to 'unsigned int'
-- expect: uint32_t <- struct *	error: cannot convert 'struct ct_s *' to 'unsigned int'	unsigned int = 16	error: cannot convert 'struct ct_s *' to 'unsigned int'
-- expect: uint32_t <- table	error: cannot convert 'table' to 'unsigned int'	error: cannot convert 'table' to 'unsigned int'	error: cannot convert 'table' to 'unsigned int'
-- expect: uint32_t <- function	error: cannot convert 'function' to 'unsigned int'	error: cannot convert 'function' to 'unsigned int'	error: cannot convert 'function' to 'unsigned int'
-- expect: int64_t <- number	int64_t = 3LL	int64_t = 3LL	int64_t = 3LL
-- expect: int64_t <- negative	int64_t = -2LL	int64_t = -2LL	int64_t = -2LL
-- expect: int64_t <- true	int64_t = 1LL	int64_t = 1LL	int64_t = 1LL
-- expect: int64_t <- nil	error: cannot convert 'nil' to 'int64_t'	int64_t = 0LL	error: cannot convert 'nil' to 'int64_t'
-- expect: int64_t <- string	error: cannot convert 'string' to 'int64_t'	int64_t	error: cannot convert 'string' to 'int64_t'
-- expect: int64_t <- int64	int64_t = -5LL	int64_t = -5LL	int64_t = -5LL
-- expect: int64_t <- uint64	int64_t = 5LL	int64_t = 5LL	int64_t = 5LL
-- expect: int64_t <- int cdata	int64_t = 9LL	int64_t = 9LL	int64_t = 9LL
-- expect: int64_t <- bool cdata	int64_t = 1LL	int64_t = 1LL	int64_t = 1LL
-- expect: int64_t <- double cdata	int64_t = 2LL	int64_t = 2LL	int64_t = 2LL
-- expect: int64_t <- complex	int64_t = 1LL	int64_t = 1LL	int64_t = 1LL
-- expect: int64_t <- enum	int64_t = 7LL	int64_t = 7LL	int64_t = 7LL
-- expect: int64_t <- void *	error: cannot convert 'void *' to 'int64_t'	int64_t = 16LL	error: cannot convert 'void *' to 'int64_t'
-- expect: int64_t <- int *	error: cannot convert 'int *' to 'int64_t'	int64_t = 16LL	error: cannot convert 'int *' to 'int64_t'
-- expect: int64_t <- char *	error: cannot convert 'char *' to 'int64_t'	int64_t = 16LL	error: cannot convert 'char *' to 'int64_t'
-- expect: int64_t <- int[2]	error: cannot convert 'int [2]' to 'int64_t'	int64_t	error: cannot convert 'int [2]' to 'int64_t'
-- expect: int64_t <- struct	error: cannot convert 'struct ct_s' to 'int64_t'	error: cannot convert 'struct ct_s' to 'int64_t'	error: cannot convert 'struct ct_s' to 'int64_t'
-- expect: int64_t <- struct *	error: cannot convert 'struct ct_s *' to 'int64_t'	int64_t = 16LL	error: cannot convert 'struct ct_s *' to 'int64_t'
-- expect: int64_t <- table	error: cannot convert 'table' to 'int64_t'	error: cannot convert 'table' to 'int64_t'	error: cannot convert 'table' to 'int64_t'
-- expect: int64_t <- function	error: cannot convert 'function' to 'int64_t'	error: cannot convert 'function' to 'int64_t'	error: cannot convert 'function' to 'int64_t'
-- expect: uint64_t <- number	uint64_t = 3ULL	uint64_t = 3ULL	uint64_t = 3ULL
-- expect: uint64_t <- negative	uint64_t = 9223372036854775808ULL	uint64_t = 9223372036854775808ULL	uint64_t = 9223372036854775808ULL
-- expect: uint64_t <- true	uint64_t = 1ULL	uint64_t = 1ULL	uint64_t = 1ULL
-- expect: uint64_t <- nil	error: cannot convert 'nil' to 'uint64_t'	uint64_t = 0ULL	error: cannot convert 'nil' to 'uint64_t'
-- expect: uint64_t <- string	error: cannot convert 'string' to 'uint64_t'	uint64_t	error: cannot convert 'string' to 'uint64_t'
-- expect: uint64_t <- int64	uint64_t = 18446744073709551611ULL	uint64_t = 18446744073709551611ULL	uint64_t = 18446744073709551611ULL
-- expect: uint64_t <- uint64	uint64_t = 5ULL	uint64_t = 5ULL	uint64_t = 5ULL
-- expect: uint64_t <- int cdata	uint64_t = 9ULL	uint64_t = 9ULL	uint64_t = 9ULL
-- expect: uint64_t <- bool cdata	uint64_t = 1ULL	uint64_t = 1ULL	uint64_t = 1ULL
-- expect: uint64_t <- double cdata	uint64_t = 2ULL	uint64_t = 2ULL	uint64_t = 2ULL
-- expect: uint64_t <- complex	uint64_t = 1ULL	uint64_t = 1ULL	uint64_t = 1ULL
-- expect: uint64_t <- enum	uint64_t = 7ULL	uint64_t = 7ULL	uint64_t = 7ULL
-- expect: uint64_t <- void *	error: cannot convert 'void *' to 'uint64_t'	uint64_t = 16ULL	error: cannot convert 'void *' to 'uint64_t'
-- expect: uint64_t <- int *	error: cannot convert 'int *' to 'uint64_t'	uint64_t = 16ULL	error: cannot convert 'int *' to 'uint64_t'
-- expect: uint64_t <- char *	error: cannot convert 'char *' to 'uint64_t'	uint64_t = 16ULL	error: cannot convert 'char *' to 'uint64_t'
-- expect: uint64_t <- int[2]	error: cannot convert 'int [2]' to 'uint64_t'	uint64_t	error: cannot convert 'int [2]' to 'uint64_t'
-- expect: uint64_t <- struct	error: cannot convert 'struct ct_s' to 'uint64_t'	error: cannot convert 'struct ct_s' to 'uint64_t'	error: cannot convert 'struct ct_s' to 'uint64_t'
-- expect: uint64_t <- struct *	error: cannot convert 'struct ct_s *' to 'uint64_t'	uint64_t = 16ULL	error: cannot convert 'struct ct_s *' to 'uint64_t'
-- expect: uint64_t <- table	error: cannot convert 'table' to 'uint64_t'	error: cannot convert 'table' to 'uint64_t'	error: cannot convert 'table' to 'uint64_t'
-- expect: uint64_t <- function	error: cannot convert 'function' to 'uint64_t'	error: cannot convert 'function' to 'uint64_t'	error: cannot convert 'function' to 'uint64_t'
-- expect: float <- number	float = 3.75	float = 3.75	3.75
-- expect: float <- negative	float = -2	float = -2	-2
-- expect: float <- true	float = 1	float = 1	1
-- expect: float <- nil	error: cannot convert 'nil' to 'float'	error: cannot convert 'nil' to 'float'	error: cannot convert 'nil' to 'float'
-- expect: float <- string	error: cannot convert 'string' to 'float'	error: cannot convert 'string' to 'float'	error: cannot convert 'string' to 'float'
-- expect: float <- int64	float = -5	float = -5	-5
-- expect: float <- uint64	float = 5	float = 5	5
-- expect: float <- int cdata	float = 9	float = 9	9
-- expect: float <- bool cdata	float = 1	float = 1	1
-- expect: float <- double cdata	float = 2.5	float = 2.5	2.5
-- expect: float <- complex	float = 1	float = 1	1
-- expect: float <- enum	float = 7	float = 7	7
-- expect: float <- void *	error: cannot convert 'void *' to 'float'	error: cannot convert 'void *' to 'float'	error: cannot convert 'void *' to 'float'
-- expect: float <- int *	error: cannot convert 'int *' to 'float'	error: cannot convert 'int *' to 'float'	error: cannot convert 'int *' to 'float'
-- expect: float <- char *	error: cannot convert 'char *' to 'float'	error: cannot convert 'char *' to 'float'	error: cannot convert 'char *' to 'float'
-- expect: float <- int[2]	error: cannot convert 'int [2]' to 'float'	error: cannot convert 'int [2]' to 'float'	error: cannot convert 'int [2]' to 'float'
-- expect: float <- struct	error: cannot convert 'struct ct_s' to 'float'	error: cannot convert 'struct ct_s' to 'float'	error: cannot convert 'struct ct_s' to 'float'
-- expect: float <- struct *	error: cannot convert 'struct ct_s *' to 'float'	error: cannot convert 'struct ct_s *' to 'float'	error: cannot convert 'struct ct_s *' to 'float'
-- expect: float <- table	error: cannot convert 'table' to 'float'	error: cannot convert 'table' to 'float'	error: cannot convert 'table' to 'float'
-- expect: float <- function	error: cannot convert 'function' to 'float'	error: cannot convert 'function' to 'float'	error: cannot convert 'function' to 'float'
-- expect: double <- number	double = 3.75	double = 3.75	3.75
-- expect: double <- negative	double = -2	double = -2	-2
-- expect: double <- true	double = 1	double = 1	1
-- expect: double <- nil	error: cannot convert 'nil' to 'double'	error: cannot convert 'nil' to 'double'	error: cannot convert 'nil' to 'double'
-- expect: double <- string	error: cannot convert 'string' to 'double'	error: cannot convert 'string' to 'double'	error: cannot convert 'string' to 'double'
-- expect: double <- int64	double = -5	double = -5	-5
-- expect: double <- uint64	double = 5	double = 5	5
-- expect: double <- int cdata	double = 9	double = 9	9
-- expect: double <- bool cdata	double = 1	double = 1	1
-- expect: double <- double cdata	double = 2.5	double = 2.5	2.5
-- expect: double <- complex	double = 1	double = 1	1
-- expect: double <- enum	double = 7	double = 7	7
-- expect: double <- void *	error: cannot convert 'void *' to 'double'	error: cannot convert 'void *' to 'double'	error: cannot convert 'void *' to 'double'
-- expect: double <- int *	error: cannot convert 'int *' to 'double'	error: cannot convert 'int *' to 'double'	error: cannot convert 'int *' to 'double'
-- expect: double <- char *	error: cannot convert 'char *' to 'double'	error: cannot convert 'char *' to 'double'	error: cannot convert 'char *' to 'double'
-- expect: double <- int[2]	error: cannot convert 'int [2]' to 'double'	error: cannot convert 'int [2]' to 'double'	error: cannot convert 'int [2]' to 'double'
-- expect: double <- struct	error: cannot convert 'struct ct_s' to 'double'	error: cannot convert 'struct ct_s' to 'double'	error: cannot convert 'struct ct_s' to 'double'
-- expect: double <- struct *	error: cannot convert 'struct ct_s *' to 'double'	error: cannot convert 'struct ct_s *' to 'double'	error: cannot convert 'struct ct_s *' to 'double'
-- expect: double <- table	error: cannot convert 'table' to 'double'	error: cannot convert 'table' to 'double'	error: cannot convert 'table' to 'double'
-- expect: double <- function	error: cannot convert 'function' to 'double'	error: cannot convert 'function' to 'double'	error: cannot convert 'function' to 'double'
-- expect: complex <- number	complex = 3.75+0i	error: bad argument #1 to '?' (invalid C type)	complex = 3.75+0i
-- expect: complex <- negative	complex = -2+0i	error: bad argument #1 to '?' (invalid C type)	complex = -2+0i
-- expect: complex <- true	error: cannot convert 'bool' to 'complex'	error: bad argument #1 to '?' (invalid C type)	error: cannot convert 'bool' to 'complex'
-- expect: complex <- nil	error: cannot convert 'nil' to 'complex'	error: bad argument #1 to '?' (invalid C type)	error: cannot convert 'nil' to 'complex'
-- expect: complex <- string	error: cannot convert 'string' to 'complex'	error: bad argument #1 to '?' (invalid C type)	error: cannot convert 'string' to 'complex'
-- expect: complex <- int64	complex = -5+0i	error: bad argument #1 to '?' (invalid C type)	complex = -5+0i
-- expect: complex <- uint64	complex = 5+0i	error: bad argument #1 to '?' (invalid C type)	complex = 5+0i
-- expect: complex <- int cdata	complex = 9+0i	error: bad argument #1 to '?' (invalid C type)	complex = 9+0i
-- expect: complex <- bool cdata	error: cannot convert 'bool' to 'complex'	error: bad argument #1 to '?' (invalid C type)	error: cannot convert 'bool' to 'complex'
-- expect: complex <- double cdata	complex = 2.5+0i	error: bad argument #1 to '?' (invalid C type)	complex = 2.5+0i
-- expect: complex <- complex	complex = 1+2i	error: bad argument #1 to '?' (invalid C type)	complex = 1+2i
-- expect: complex <- enum	complex = 7+0i	error: bad argument #1 to '?' (invalid C type)	complex = 7+0i
-- expect: complex <- void *	error: cannot convert 'void *' to 'complex'	error: bad argument #1 to '?' (invalid C type)	error: cannot convert 'void *' to 'complex'
-- expect: complex <- int *	error: cannot convert 'int *' to 'complex'	error: bad argument #1 to '?' (invalid C type)	error: cannot convert 'int *' to 'complex'
-- expect: complex <- char *	error: cannot convert 'char *' to 'complex'	error: bad argument #1 to '?' (invalid C type)	error: cannot convert 'char *' to 'complex'
-- expect: complex <- int[2]	error: cannot convert 'int [2]' to 'complex'	error: bad argument #1 to '?' (invalid C type)	error: cannot convert 'int [2]' to 'complex'
-- expect: complex <- struct	error: cannot convert 'struct ct_s' to 'complex'	error: bad argument #1 to '?' (invalid C type)	error: cannot convert 'struct ct_s' to 'complex'
-- expect: complex <- struct *	error: cannot convert 'struct ct_s *' to 'complex'	error: bad argument #1 to '?' (invalid C type)	error: cannot convert 'struct ct_s *' to 'complex'
-- expect: complex <- table	complex = 1+1i	error: bad argument #1 to '?' (invalid C type)	complex = 1+1i
-- expect: complex <- function	error: cannot convert 'function' to 'complex'	error: bad argument #1 to '?' (invalid C type)	error: cannot convert 'function' to 'complex'
-- expect: enum ct_e <- number	enum ct_e = cdata<enum ct_e>: 3	enum ct_e = cdata<enum ct_e>: 3	enum ct_e = cdata<enum ct_e>: 3
-- expect: enum ct_e <- negative	enum ct_e = cdata<enum ct_e>: -2	enum ct_e = cdata<enum ct_e>: -2	enum ct_e = cdata<enum ct_e>: -2
-- expect: enum ct_e <- true	enum ct_e = cdata<enum ct_e>: 1	enum ct_e = cdata<enum ct_e>: 1	enum ct_e = cdata<enum ct_e>: 1
-- expect: enum ct_e <- nil	error: cannot convert 'nil' to 'unsigned int'	enum ct_e = cdata<enum ct_e>: 0	error: cannot convert 'nil' to 'unsigned int'
-- expect: enum ct_e <- string	enum ct_e = cdata<enum ct_e>: 7	enum ct_e	enum ct_e
-- expect: enum ct_e <- int64	enum ct_e = cdata<enum ct_e>: -5	enum ct_e = cdata<enum ct_e>: -5	enum ct_e = cdata<enum ct_e>: -5
-- expect: enum ct_e <- uint64	enum ct_e = cdata<enum ct_e>: 5	enum ct_e = cdata<enum ct_e>: 5	enum ct_e = cdata<enum ct_e>: 5
-- expect: enum ct_e <- int cdata	enum ct_e = cdata<enum ct_e>: 9	enum ct_e = cdata<enum ct_e>: 9	enum ct_e = cdata<enum ct_e>: 9
-- expect: enum ct_e <- bool cdata	enum ct_e = cdata<enum ct_e>: 1	enum ct_e = cdata<enum ct_e>: 1	enum ct_e = cdata<enum ct_e>: 1
-- expect: enum ct_e <- double cdata	enum ct_e = cdata<enum ct_e>: 2	enum ct_e = cdata<enum ct_e>: 2	enum ct_e = cdata<enum ct_e>: 2
-- expect: enum ct_e <- complex	enum ct_e = cdata<enum ct_e>: 1	enum ct_e = cdata<enum ct_e>: 1	enum ct_e = cdata<enum ct_e>: 1
-- expect: enum ct_e <- enum	enum ct_e = cdata<enum ct_e>: 7	enum ct_e = cdata<enum ct_e>: 7	enum ct_e = cdata<enum ct_e>: 7
-- expect: enum ct_e <- void *	error: cannot convert 'void *' to 'unsigned int'	enum ct_e = cdata<enum ct_e>: 16	error: cannot convert 'void *' to 'unsigned int'
-- expect: enum ct_e <- int *	error: cannot convert 'int *' to 'unsigned int'	enum ct_e = cdata<enum ct_e>: 16	error: cannot convert 'int *' to 'unsigned int'
-- expect: enum ct_e <- char *	error: cannot convert 'char *' to 'unsigned int'	enum ct_e = cdata<enum ct_e>: 16	error: cannot convert 'char *' to 'unsigned int'
-- expect: enum ct_e <- int[2]	error: cannot convert 'int [2]' to 'unsigned int'	enum ct_e	error: cannot convert 'int [2]' to 'unsigned int'
-- expect: enum ct_e <- struct	error: cannot convert 'struct ct_s' to 'unsigned int'	error: cannot convert 'struct ct_s' to 'unsigned int'	error: cannot convert 'struct ct_s' to 'unsigned int'
-- expect: enum ct_e <- struct *	error: cannot convert 'struct ct_s *' to 'unsigned int'	enum ct_e = cdata<enum ct_e>: 16	error: cannot convert 'struct ct_s *' to 'unsigned int'
-- expect: enum ct_e <- table	error: cannot convert 'table' to 'enum ct_e'	error: cannot convert 'table' to 'enum ct_e'	error: cannot convert 'table' to 'enum ct_e'
-- expect: enum ct_e <- function	error: cannot convert 'function' to 'enum ct_e'	error: cannot convert 'function' to 'enum ct_e'	error: cannot convert 'function' to 'enum ct_e'
-- expect: void * <- number	error: cannot convert 'number' to 'void *'	void *: 3	error: cannot convert 'number' to 'void *'
-- expect: void * <- negative	error: cannot convert 'number' to 'void *'	void *: (address)	error: cannot convert 'number' to 'void *'
-- expect: void * <- true	error: cannot convert 'bool' to 'void *'	error: cannot convert 'bool' to 'void *'	error: cannot convert 'bool' to 'void *'
-- expect: void * <- nil	void *: 0	void *: 0	void *: 0
-- expect: void * <- string	error: cannot convert 'string' to 'void *'	void *: (address)	error: cannot convert 'string' to 'void *'
-- expect: void * <- int64	error: cannot convert 'int64_t' to 'void *'	void *: (address)	error: cannot convert 'int64_t' to 'void *'
-- expect: void * <- uint64	error: cannot convert 'uint64_t' to 'void *'	void *: 5	error: cannot convert 'uint64_t' to 'void *'
-- expect: void * <- int cdata	error: cannot convert 'int' to 'void *'	void *: 9	error: cannot convert 'int' to 'void *'
-- expect: void * <- bool cdata	error: cannot convert 'bool' to 'void *'	error: cannot convert 'bool' to 'void *'	error: cannot convert 'bool' to 'void *'
-- expect: void * <- double cdata	error: cannot convert 'double' to 'void *'	error: cannot convert 'double' to 'void *'	error: cannot convert 'double' to 'void *'
-- expect: void * <- complex	error: cannot convert 'complex' to 'void *'	error: cannot convert 'complex' to 'void *'	error: cannot convert 'complex' to 'void *'
-- expect: void * <- enum	error: cannot convert 'unsigned int' to 'void *'	void *: 7	error: cannot convert 'unsigned int' to 'void *'
-- expect: void * <- void *	void *: 16	void *: 16	void *: 16
-- expect: void * <- int *	void *: 16	void *: 16	void *: 16
-- expect: void * <- char *	void *: 16	void *: 16	void *: 16
-- expect: void * <- int[2]	void *: (address)	void *: (address)	void *: (address)
-- expect: void * <- struct	void *: (address)	void *: (address)	void *: (address)
-- expect: void * <- struct *	void *: 16	void *: 16	void *: 16
-- expect: void * <- table	error: cannot convert 'table' to 'void *'	error: cannot convert 'table' to 'void *'	error: cannot convert 'table' to 'void *'
-- expect: void * <- function	error: cannot convert 'function' to 'void *'	error: cannot convert 'function' to 'void *'	error: cannot convert 'function' to 'void *'
-- expect: int * <- number	error: cannot convert 'number' to 'int *'	int *: 3	error: cannot convert 'number' to 'int *'
-- expect: int * <- negative	error: cannot convert 'number' to 'int *'	int *: (address)	error: cannot convert 'number' to 'int *'
-- expect: int * <- true	error: cannot convert 'bool' to 'int *'	error: cannot convert 'bool' to 'int *'	error: cannot convert 'bool' to 'int *'
-- expect: int * <- nil	int *: 0	int *: 0	int *: 0
-- expect: int * <- string	error: cannot convert 'string' to 'int *'	int *: (address)	error: cannot convert 'string' to 'int *'
-- expect: int * <- int64	error: cannot convert 'int64_t' to 'int *'	int *: (address)	error: cannot convert 'int64_t' to 'int *'
-- expect: int * <- uint64	error: cannot convert 'uint64_t' to 'int *'	int *: 5	error: cannot convert 'uint64_t' to 'int *'
-- expect: int * <- int cdata	error: cannot convert 'int' to 'int *'	int *: 9	error: cannot convert 'int' to 'int *'
-- expect: int * <- bool cdata	error: cannot convert 'bool' to 'int *'	error: cannot convert 'bool' to 'int *'	error: cannot convert 'bool' to 'int *'
-- expect: int * <- double cdata	error: cannot convert 'double' to 'int *'	error: cannot convert 'double' to 'int *'	error: cannot convert 'double' to 'int *'
-- expect: int * <- complex	error: cannot convert 'complex' to 'int *'	error: cannot convert 'complex' to 'int *'	error: cannot convert 'complex' to 'int *'
-- expect: int * <- enum	error: cannot convert 'unsigned int' to 'int *'	int *: 7	error: cannot convert 'unsigned int' to 'int *'
-- expect: int * <- void *	int *: 16	int *: 16	int *: 16
-- expect: int * <- int *	int *: 16	int *: 16	int *: 16
-- expect: int * <- char *	error: cannot convert 'char *' to 'int *'	int *: 16	error: cannot convert 'char *' to 'int *'
-- expect: int * <- int[2]	int *: (address)	int *: (address)	int *: (address)
-- expect: int * <- struct	error: cannot convert 'struct ct_s' to 'int *'	int *: (address)	error: cannot convert 'struct ct_s' to 'int *'
-- expect: int * <- struct *	error: cannot convert 'struct ct_s *' to 'int *'	int *: 16	error: cannot convert 'struct ct_s *' to 'int *'
-- expect: int * <- table	error: cannot convert 'table' to 'int *'	error: cannot convert 'table' to 'int *'	error: cannot convert 'table' to 'int *'
-- expect: int * <- function	error: cannot convert 'function' to 'int *'	error: cannot convert 'function' to 'int *'	error: cannot convert 'function' to 'int *'
-- expect: const char * <- number	error: cannot convert 'number' to 'const char *'	const char *: 3	error: cannot convert 'number' to 'const char *'
-- expect: const char * <- negative	error: cannot convert 'number' to 'const char *'	const char *: (address)	error: cannot convert 'number' to 'const char *'
-- expect: const char * <- true	error: cannot convert 'bool' to 'const char *'	error: cannot convert 'bool' to 'const char *'	error: cannot convert 'bool' to 'const char *'
-- expect: const char * <- nil	const char *: 0	const char *: 0	const char *: 0
-- expect: const char * <- string	const char *: (address)	const char *: (address)	const char *: (address)
-- expect: const char * <- int64	error: cannot convert 'int64_t' to 'const char *'	const char *: (address)	error: cannot convert 'int64_t' to 'const char *'
-- expect: const char * <- uint64	error: cannot convert 'uint64_t' to 'const char *'	const char *: 5	error: cannot convert 'uint64_t' to 'const char *'
-- expect: const char * <- int cdata	error: cannot convert 'int' to 'const char *'	const char *: 9	error: cannot convert 'int' to 'const char *'
-- expect: const char * <- bool cdata	error: cannot convert 'bool' to 'const char *'	error: cannot convert 'bool' to 'const char *'	error: cannot convert 'bool' to 'const char *'
-- expect: const char * <- double cdata	error: cannot convert 'double' to 'const char *'	error: cannot convert 'double' to 'const char *'	error: cannot convert 'double' to 'const char *'
-- expect: const char * <- complex	error: cannot convert 'complex' to 'const char *'	error: cannot convert 'complex' to 'const char *'	error: cannot convert 'complex' to 'const char *'
-- expect: const char * <- enum	error: cannot convert 'unsigned int' to 'const char *'	const char *: 7	error: cannot convert 'unsigned int' to 'const char *'
-- expect: const char * <- void *	const char *: 16	const char *: 16	const char *: 16
-- expect: const char * <- int *	error: cannot convert 'int *' to 'const char *'	const char *: 16	error: cannot convert 'int *' to 'const char *'
-- expect: const char * <- char *	const char *: 16	const char *: 16	const char *: 16
-- expect: const char * <- int[2]	error: cannot convert 'int [2]' to 'const char *'	const char *: (address)	error: cannot convert 'int [2]' to 'const char *'
-- expect: const char * <- struct	error: cannot convert 'struct ct_s' to 'const char *'	const char *: (address)	error: cannot convert 'struct ct_s' to 'const char *'
-- expect: const char * <- struct *	error: cannot convert 'struct ct_s *' to 'const char *'	const char *: 16	error: cannot convert 'struct ct_s *' to 'const char *'
-- expect: const char * <- table	error: cannot convert 'table' to 'const char *'	error: cannot convert 'table' to 'const char *'	error: cannot convert 'table' to 'const char *'
-- expect: const char * <- function	error: cannot convert 'function' to 'const char *'	error: cannot convert 'function' to 'const char *'	error: cannot convert 'function' to 'const char *'
-- expect: struct ct_s * <- number	error: cannot convert 'number' to 'struct ct_s *'	struct ct_s *: 3	error: cannot convert 'number' to 'struct ct_s *'
-- expect: struct ct_s * <- negative	error: cannot convert 'number' to 'struct ct_s *'	struct ct_s *: (address)	error: cannot convert 'number' to 'struct ct_s *'
-- expect: struct ct_s * <- true	error: cannot convert 'bool' to 'struct ct_s *'	error: cannot convert 'bool' to 'struct ct_s *'	error: cannot convert 'bool' to 'struct ct_s *'
-- expect: struct ct_s * <- nil	struct ct_s *: 0	struct ct_s *: 0	struct ct_s *: 0
-- expect: struct ct_s * <- string	error: cannot convert 'string' to 'struct ct_s *'	struct ct_s *: (address)	error: cannot convert 'string' to 'struct ct_s *'
-- expect: struct ct_s * <- int64	error: cannot convert 'int64_t' to 'struct ct_s *'	struct ct_s *: (address)	error: cannot convert 'int64_t' to 'struct ct_s *'
-- expect: struct ct_s * <- uint64	error: cannot convert 'uint64_t' to 'struct ct_s *'	struct ct_s *: 5	error: cannot convert 'uint64_t' to 'struct ct_s *'
-- expect: struct ct_s * <- int cdata	error: cannot convert 'int' to 'struct ct_s *'	struct ct_s *: 9	error: cannot convert 'int' to 'struct ct_s *'
-- expect: struct ct_s * <- bool cdata	error: cannot convert 'bool' to 'struct ct_s *'	error: cannot convert 'bool' to 'struct ct_s *'	error: cannot convert 'bool' to 'struct ct_s *'
-- expect: struct ct_s * <- double cdata	error: cannot convert 'double' to 'struct ct_s *'	error: cannot convert 'double' to 'struct ct_s *'	error: cannot convert 'double' to 'struct ct_s *'
-- expect: struct ct_s * <- complex	error: cannot convert 'complex' to 'struct ct_s *'	error: cannot convert 'complex' to 'struct ct_s *'	error: cannot convert 'complex' to 'struct ct_s *'
-- expect: struct ct_s * <- enum	error: cannot convert 'unsigned int' to 'struct ct_s *'	struct ct_s *: 7	error: cannot convert 'unsigned int' to 'struct ct_s *'
-- expect: struct ct_s * <- void *	struct ct_s *: 16	struct ct_s *: 16	struct ct_s *: 16
-- expect: struct ct_s * <- int *	error: cannot convert 'int *' to 'struct ct_s *'	struct ct_s *: 16	error: cannot convert 'int *' to 'struct ct_s *'
-- expect: struct ct_s * <- char *	error: cannot convert 'char *' to 'struct ct_s *'	struct ct_s *: 16	error: cannot convert 'char *' to 'struct ct_s *'
-- expect: struct ct_s * <- int[2]	error: cannot convert 'int [2]' to 'struct ct_s *'	struct ct_s *: (address)	error: cannot convert 'int [2]' to 'struct ct_s *'
-- expect: struct ct_s * <- struct	struct ct_s *: (address)	struct ct_s *: (address)	struct ct_s *: (address)
-- expect: struct ct_s * <- struct *	struct ct_s *: 16	struct ct_s *: 16	struct ct_s *: 16
-- expect: struct ct_s * <- table	error: cannot convert 'table' to 'struct ct_s *'	error: cannot convert 'table' to 'struct ct_s *'	error: cannot convert 'table' to 'struct ct_s *'
-- expect: struct ct_s * <- function	error: cannot convert 'function' to 'struct ct_s *'	error: cannot convert 'function' to 'struct ct_s *'	error: cannot convert 'function' to 'struct ct_s *'

-- test: tonumber gives a number for numeric cdata (the real part of a complex), nil for pointers and aggregates
do
  local ffi = require("ffi")
  ffi.cdef[[struct tn_s { int a; }; enum tn_u { TN_A = 1 }; enum tn_m { TN_M = -1 }; int printf(const char *, ...);]]
  print(tonumber(ffi.cast("void *", 1)), tonumber(ffi.cast("int *", 0)), tonumber(ffi.new("int[2]")), tonumber(ffi.new("struct tn_s")))
  print(tonumber(-3LL), tonumber(3ULL), tonumber(ffi.new("complex", 1, 2)), tonumber(ffi.new("bool", true)), tonumber(ffi.new("float", 2.5)))
  print(tonumber(ffi.new("enum tn_u", -2)), tonumber(ffi.new("enum tn_m", -1)), tonumber(ffi.C.printf))
  local r = ffi.new("int[1]", 7)
  print(tonumber(ffi.cast("int &", r)), tonumber(ffi.new("struct tn_s *")))
end
-- expect: nil	nil	nil	nil
-- expect: -3	3	1	1	2.5
-- expect: 4294967294	-1	nil
-- expect: 7	nil

-- test: an enum prints its value as a signed 32-bit number whatever its underlying type
do
  local ffi = require("ffi")
  ffi.cdef[[enum ep_u { EP_A = 1, EP_B = 7 }; enum ep_s { EP_M = -1 }; struct ep_h { enum ep_u u; };]]
  print(ffi.new("enum ep_u", -2), ffi.new("enum ep_s", -1), ffi.cast("enum ep_u", 0xfffffffe), ffi.new("struct ep_h", -3).u)
end
-- expect: cdata<enum ep_u>: -2	cdata<enum ep_s>: -1	cdata<enum ep_u>: -2	cdata<enum ep_u>: -3

-- test: values beyond what an object holds are too many initializers, found in LuaJIT's order
do
  local ffi = require("ffi")
  ffi.cdef[[struct ti_foo { int a, b; }; union ti_u { int a; double d; }; struct ti_nest { struct ti_foo f; int c; };]]
  local cases = {
    {"struct ti_foo", 1, 2, 3}, {"int[2]", 1, 2, 3}, {"struct ti_foo", {1, 2, 3}}, {"int[2]", {1, 2, 3}},
    {"int[2]", {[0] = 1, 2, 3}}, {"union ti_u", 1, 2}, {"union ti_u", {1, 2}}, {"struct ti_nest", {{1, 2, 3}, 4}},
    {"struct ti_nest", 1, 2, 3}, {"struct ti_nest", {1, 2, 3}}, {"int[?]", 2, 1, 2, 3}, {"int", 1, 2},
    {"int64_t", 1, 2}, {"int *", nil, 2}, {"complex", 1, 2, 3}, {"complex", {1, 2, 3}}, {"int[2][2]", {{1, 2, 3}}},
    {"int[2][2]", 1, 2, 3, 4, 5}, {"char[2]", "abc"}, {"struct ti_foo", {a = 1, c = 3}}, {"double", 1, nil},
  }
  for i, c in ipairs(cases) do
    local ok, v = pcall(ffi.new, unpack(c, 1, table.maxn(c)))
    print(i, ok, ok and tostring(ffi.typeof(v)) or v)
  end
end
-- expect: 1	false	too many initializers for 'struct ti_foo'
-- expect: 2	false	too many initializers for 'int [2]'
-- expect: 3	true	ctype<struct ti_foo>
-- expect: 4	false	too many initializers for 'int [2]'
-- expect: 5	false	too many initializers for 'int [2]'
-- expect: 6	false	too many initializers for 'union ti_u'
-- expect: 7	true	ctype<union ti_u>
-- expect: 8	true	ctype<struct ti_nest>
-- expect: 9	false	cannot convert 'number' to 'struct ti_foo'
-- expect: 10	false	cannot convert 'number' to 'struct ti_foo'
-- expect: 11	false	too many initializers for 'int [?]'
-- expect: 12	false	too many initializers for 'int'
-- expect: 13	false	too many initializers for 'int64_t'
-- expect: 14	false	too many initializers for 'int *'
-- expect: 15	false	too many initializers for 'complex'
-- expect: 16	false	too many initializers for 'complex'
-- expect: 17	false	too many initializers for 'int [2]'
-- expect: 18	false	too many initializers for 'int [2][2]'
-- expect: 19	true	ctype<char [2]>
-- expect: 20	true	ctype<struct ti_foo>
-- expect: 21	true	ctype<double>

-- test: a single initializer fills a whole array, from a table too; a table's complex is {re, im}
do
  local ffi = require("ffi")
  local a, b, c = ffi.new("int[3]", {5}), ffi.new("int[3]", 5), ffi.new("int[3]", {5, 6})
  print(a[0], a[2], b[2], c[1], c[2])
  print(ffi.new("int[?]", 3, {5})[0], ffi.new("int[?]", 3, 4)[2])
  print(ffi.new("complex", {3}), ffi.new("complex", {3, 4}), ffi.new("complex", {[0] = 1, 2}), ffi.new("complex", {}))
  print(ffi.new("complex", 2LL), ffi.new("complex float", ffi.new("int", 3)), pcall(ffi.new, "complex", true))
end
-- expect: 5	5	5	6	0
-- expect: 5	4
-- expect: 3+3i	3+4i	1+2i	0+0i
-- expect: 2+0i	3+0i	false	cannot convert 'bool' to 'complex'

-- test: two complex cdata are equal only when they are the same object, whatever their values
do
  local ffi = require("ffi")
  local c = ffi.new("complex", 1, 2)
  local d = c
  print(c == d, c == ffi.new("complex", 1, 2), 1i == 1i, ffi.new("complex", 1, 0) == 1, ffi.new("complex float", 1, 2) == c)
  local t = {}
  t[1i] = 1
  print(t[1i], t[c], rawequal(c, d))
end
-- expect: true	false	false	false	false
-- expect: nil	nil	true
