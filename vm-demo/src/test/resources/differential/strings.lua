-- String library edges, compared with LuaJIT.
local s = "hello"
for _, r in ipairs({{1, 3}, {-3, -1}, {0, 2}, {2, 100}, {-100, 2}, {4, 2}, {6, 6}, {-1, -1}, {0, 0}, {3}}) do
  io.write(string.format("[%s]", s:sub(r[1], r[2])), " ")
end
print()
print(s:byte(), s:byte(-1), s:byte(1, -1))
print(select('#', s:byte(10)), select('#', s:byte(3, 2)))
print(string.char(), string.char(104, 105), pcall(string.char, 256), pcall(string.char, -1))
print(("ab"):rep(3), ("ab"):rep(0), ("ab"):rep(-1), ("ab"):rep(2, ", "), ("x"):rep(1, "-"))
print(("MiXeD 123"):upper(), ("MiXeD 123"):lower(), ("abc"):reverse(), (""):reverse(), #("\0\1\2"))
print(string.len("\0a\0"), ("x"):len(), tostring(nil), tostring(true), tostring(12), tostring(-0.0))
print(("%d"):format(3), ("x"):rep(3):upper(), s:find("l"), s:find("l", 4), s:find("xyz"), s:find(""), s:find("", 10))
print(s:match("(h)(e)"), s:match("()ll()"), s:match(".-(l+)"), s:gsub("l", {l = "L"}), s:gsub("(l)", "%1%1"))
print(("a.b.c"):find(".", 1, true), ("a+b"):find("+", 1, true), ("x^2"):find("^", 1, true))
print(string.format("%-10s|", "left"), string.format("%10.3s|", "truncate"), string.format("%%"))
print(string.format("%q", "line1\nline2\t\0end\"q\"\\"))
print(string.format("%5.1f|%-8.3e|%g|%g|%g", math.pi, math.pi, 1e-5, 123456789, 0.1))
print(tostring(1e300 * 1e10), tostring(-1e300 * 1e10), tostring(2^63), tostring(-2^63), 1e15, 1e16, 123456789012345)
print(10 / 3, 1 / 7, 100 * 1.1, 0.1 + 0.7, 3.0, -3.5 % 2, 2^0.5, "ok")
local parts = {}
for w in ("one two  three"):gmatch("%a+") do parts[#parts + 1] = w end
print(table.concat(parts, "|"), ("k=v;k2=v2"):gsub("(%w+)=(%w+)", "%2=%1"))
print(("  trim  "):match("^%s*(.-)%s*$") .. "|", ("CamelCaseString"):gsub("%u", function(c) return "_" .. c:lower() end))
print(("%d items"):format(5), ("abc"):byte(-10, 10))
