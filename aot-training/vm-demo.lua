local ffi = require("ffi")
ffi.cdef("size_t strlen(const char *s);")
local t = {}
for i = 1, 200 do t[#t + 1] = string.format("%d:%5.2f", i, i / 3) end
assert(tonumber(ffi.C.strlen(table.concat(t, ","))) > 0)
table.sort(t, function(a, b) return a > b end)
local s = ("ok"):rep(2):upper():gsub("O", "o")
local words = {}
for w in ("a bb ccc"):gmatch("%a+") do words[#words + 1] = w:len() end
local m = setmetatable({}, {__index = function(_, k) return k * 2 end})
local co = coroutine.wrap(function(a) local b = coroutine.yield(a + 1) return b * 2 end)
assert(co(1) == 2 and co(3) == 6)
local ok, err = pcall(error, "x")
assert(not ok and err == "x" and m[21] == 42 and s:find("oK") and #words == 3)
for k, v in pairs({a = 1, b = 2}) do t[k] = v end
for _, v in ipairs(words) do t[#t + 1] = tostring(v) .. math.floor(v / 2) end
io.write(tostring(os.time() > 0), " ", 1.5, "\n")
print(1, #t, s, select("#", 1, 2))
