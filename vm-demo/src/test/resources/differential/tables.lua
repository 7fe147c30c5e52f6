-- The table library and table semantics, compared with LuaJIT.
local t = {5, 3, 8, 1, 9, 2, 7}
table.sort(t) print(table.concat(t, " "))
table.sort(t, function(a, b) return a > b end) print(table.concat(t, " "))
local words = {"pear", "Apple", "fig", "banana", "apple"}
table.sort(words) print(table.concat(words, ","))
table.sort(words, function(a, b) return a:lower() < b:lower() end) print(words[1]:lower(), words[5])
local recs = {{n = "b", v = 2}, {n = "a", v = 2}, {n = "c", v = 1}}
table.sort(recs, function(x, y) if x.v ~= y.v then return x.v < y.v end return x.n < y.n end)
print(recs[1].n, recs[2].n, recs[3].n)
print(pcall(table.sort, {3, 2, 1}, function(a, b) return true end))
print(pcall(table.sort, {1, "x"}))
local big = {}
for i = 1, 200 do big[i] = (i * 37) % 101 end
table.sort(big)
local sorted = true
for i = 2, #big do if big[i - 1] > big[i] then sorted = false end end
print(sorted, big[1], big[200])
local l = {}
table.insert(l, "a") table.insert(l, 1, "b") table.insert(l, 2, "c") table.insert(l, #l + 1, "d")
print(table.concat(l, ","), #l)
print(table.remove(l, 1), table.remove(l), table.concat(l, ","), table.remove(l, #l + 1), #l)
print(pcall(table.insert, l, 1, 2, 3), pcall(table.insert, l))
print(table.concat({1, 2.5, "x"}, "-"), table.concat({}, ","), table.concat({1, 2, 3}, ",", 2), table.concat({1, 2, 3}, ",", 2, 1))
print(table.maxn({}), table.maxn({[1] = 1, [7] = 2, x = 3, [2.5] = 4}), table.getn({1, 2}))
local holes = {}
holes[1] = 1 holes[2] = 2 holes[4] = 4
print(#{1, 2, 3}, #{n = 1}, #"", #{nil})
local grow = {}
for i = 1, 100 do grow[i] = i end
for i = 100, 51, -1 do grow[i] = nil end
print(#grow, grow[50], grow[51])
local mixed = {10, 20, 30, x = 1, [100] = 5}
local n = 0
for k, v in pairs(mixed) do n = n + 1 end
print(n, mixed[100], mixed.x)
local keys = {}
local kt = {[1] = "a", [2] = "b", [1.5] = "c", ["1"] = "d", [true] = "e"}
print(kt[1], kt[1.0], kt[2], kt[1.5], kt["1"], kt[true], kt[-0] == nil)
local z = {} z[0] = "zero" print(z[-0], z[0.0])
print(next({}, nil), pcall(next, {}, "nope"))
local iter = {}
for i, v in ipairs({1, 2, nil, 4}) do iter[#iter + 1] = v end
print(#iter)
