-- Lua patterns through find, match, gmatch and gsub.

-- test: find plain and pattern
do
  print(("hello world"):find("o w"), ("hello"):find("l+"), ("a.b"):find(".", 1, true), ("abc"):find("x"))
end
-- expect: 5	3	2	nil

-- test: find with init
do
  print(("abcabc"):find("b", 3), ("abcabc"):find("b", -2), ("abc"):find("", 10), ("abc"):find("", 4))
end
-- expect: 5	5	4	4	3

-- test: find returns captures
do
  print(("key=value"):find("(%w+)=(%w+)"))
end
-- expect: 1	9	key	value

-- test: character classes
do
  local s = "aB3 _.\t"
  local out = {}
  for _, c in ipairs({"%a", "%d", "%l", "%u", "%s", "%w", "%p", "%c", "%x"}) do
    out[#out + 1] = c .. "=" .. select(2, s:gsub(c, ""))
  end
  print(table.concat(out, " "))
end
-- expect: %a=2 %d=1 %l=1 %u=1 %s=2 %w=3 %p=2 %c=1 %x=3

-- test: negated classes
do
  print(("a1b2"):gsub("%D", ""), ("a b"):gsub("%S", "x"), ("x1y"):gsub("%A", "-"))
end
-- expect: 12	x x	x-y	1

-- test: sets and ranges
do
  print(("hello123"):match("[a-z]+"), ("hello123"):match("[%d]+"), ("a-b"):match("[a%-]+"), ("]x"):match("[]]"))
end
-- expect: hello	123	a-	]

-- test: negated sets
do
  print(("abc123"):match("[^%a]+"), ("x^y"):match("[x^]+"), ("abc"):match("[^abc]"))
end
-- expect: 123	x^	nil

-- test: quantifiers
do
  print(("aaa"):match("a*"), ("aaa"):match("a-"), ("aaab"):match("a-b"), ("b"):match("a?b"), ("aab"):match("a+"))
end
-- expect: aaa		aaab	b	aa

-- test: anchors
do
  print(("abc"):match("^ab"), ("abc"):match("^bc"), ("abc"):match("bc$"), ("a$"):match("a$"), ("x^"):find("^", 1, true))
end
-- expect: ab	nil	bc	nil	2	2

-- test: dot matches any byte
do
  print(("a\0b"):match("a.b") == "a\0b", ("\n"):match("."):byte())
end
-- expect: true	10

-- test: balanced match
do
  print(("f(a(b)c) d"):match("%b()"), ("[[x]]"):match("%b[]"), ("(unclosed"):match("%b()"))
end
-- expect: (a(b)c)	[[x]]	nil

-- test: frontier pattern
do
  print(("THE (quick) fox"):gsub("%f[%a]%a+", "W"))
  print(("hello world"):find("%f[%w]%w+", 2))
end
-- expect: W (W) W	3
-- expect: 7	11

-- test: captures and nested captures
do
  print(("2024-01-15"):match("(%d+)-(%d+)-(%d+)"))
  print(("abc"):match("((a)(b))"))
end
-- expect: 2024	01	15
-- expect: ab	a	b

-- test: position captures
do
  print(("hello"):match("()ll()"))
  print(("abc"):find("()"))
end
-- expect: 3	5
-- expect: 1	0	1

-- test: back references
do
  print(("say 'hi' now"):match("(['\"])(.-)%1"), ("aXbXc"):match("(X).-%1"))
end
-- expect: '	X

-- test: match with init
do
  print(("abcabc"):match("a.", 2), ("abc"):match(".", -1))
end
-- expect: ab	c

-- test: gmatch iterates over matches
do
  local words = {}
  for w in ("one two  three"):gmatch("%a+") do words[#words + 1] = w end
  print(#words, table.concat(words, "|"))
end
-- expect: 3	one|two|three

-- test: gmatch with captures
do
  for k, v in ("a=1, b=2"):gmatch("(%w+)=(%w+)") do print(k, v) end
end
-- expect: a	1
-- expect: b	2

-- test: gmatch with an empty match
do
  local n = 0
  for _ in ("abc"):gmatch("") do n = n + 1 end
  print(n)
end
-- expect: 4

-- test: gsub with a string replacement
do
  print(("hello world"):gsub("o", "0"))
  print(("hello world"):gsub("(%w+)", "<%1>"))
  print(("abc"):gsub("", "-"))
end
-- expect: hell0 w0rld	2
-- expect: <hello> <world>	2
-- expect: -a-b-c-	4

-- test: gsub with whole match and percent escapes
do
  print(("abc"):gsub("%w", "%0%0"), ("x"):gsub("x", "100%%"))
end
-- expect: aabbcc	100%	1

-- test: gsub with a limit
do
  print(("aaaa"):gsub("a", "b", 2))
end
-- expect: bbaa	2

-- test: gsub with a table replacement
do
  local t = {name = "Lua", version = 5.1}
  print(("$name $version $missing"):gsub("%$(%w+)", t))
end
-- expect: Lua 5.1 $missing	3

-- test: gsub with a function replacement
do
  print(("1 2 3"):gsub("%d", function(d) return d * 2 end))
  print(("a b"):gsub("%w", function(c) if c == "a" then return false end return nil end))
end
-- expect: 2 4 6	3
-- expect: a b	2

-- test: gsub function receives all captures
do
  print(("k1=v1;k2=v2"):gsub("(%w+)=(%w+)", function(k, v) return v .. "=" .. k end))
end
-- expect: v1=k1;v2=k2	2

-- test: gsub with an invalid replacement value
do
  print(pcall(string.gsub, "abc", "%w", function() return {} end))
end
-- expect: false	invalid replacement value (a table)

-- test: invalid capture index in replacement
do
  print(pcall(string.gsub, "abc", "(a)", "%2"))
end
-- expect: false	invalid capture index

-- test: malformed patterns
do
  print(pcall(string.find, "a", "[a"))
  print(pcall(string.find, "a", "%"))
  print(pcall(string.find, "a", "(a"))
  print(pcall(string.find, "a", "a)"))
  print(pcall(string.match, "a", "%b"))
end
-- expect: false	malformed pattern (missing ']')
-- expect: false	malformed pattern (ends with '%')
-- expect: false	unfinished capture
-- expect: true	nil
-- expect: false	unbalanced pattern

-- test: special characters escaped with percent
do
  print(("a.b*c"):gsub("%.", "!"), ("1+1=2"):match("%d%+%d"), ("50%"):match("%d+%%"))
end
-- expect: a!b*c	1+1	50%

-- test: greedy and lazy expansion
do
  print(("<a><b>"):match("<(.*)>"), ("<a><b>"):match("<(.-)>"))
end
-- expect: a><b	a

-- test: match returns the whole match without captures
do
  print(("  trim me  "):match("^%s*(.-)%s*$") .. "|")
end
-- expect: trim me|
