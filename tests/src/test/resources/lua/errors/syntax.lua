-- Syntax error messages, as loadstring returns them.

-- test: unexpected symbol
do
  print(loadstring("x = = 1"))
end
-- expect: nil	[string "x = = 1"]:1: unexpected symbol near '='

-- test: missing end
do
  print(loadstring("if x then y()"))
end
-- expect: nil	[string "if x then y()"]:1: 'end' expected near '<eof>'

-- test: missing end names the opening line
do
  print(loadstring("function f()\n  return 1\n\n"))
end
-- expect: nil	[string "function f()..."]:4: 'end' expected (to close 'function' at line 1) near '<eof>'

-- test: unfinished string
do
  print(loadstring("x = 'abc"))
end
-- expect: nil	[string "x = 'abc"]:1: unfinished string near '<eof>'

-- test: unfinished long string
do
  print(loadstring("x = [[abc"))
end
-- expect: nil	[string "x = [[abc"]:1: unfinished long string near '<eof>'

-- test: missing closing parenthesis
do
  print(loadstring("print(1, 2"))
end
-- expect: nil	[string "print(1, 2"]:1: ')' expected near '<eof>'

-- test: equals expected
do
  print(loadstring("local x 1"))
end
-- expect: nil	[string "local x 1"]:1: unexpected symbol near '1'

-- test: invalid escape
do
  print(loadstring([[x = "\q"]]))
end
-- expect: nil	[string "x = "\q""]:1: invalid escape sequence near '"'

-- test: escape too large
do
  print(loadstring([[x = "\300"]]))
end
-- expect: nil	[string "x = "\300""]:1: invalid escape sequence near '"'

-- test: then expected
do
  print(loadstring("if x y() end"))
end
-- expect: nil	[string "if x y() end"]:1: 'then' expected near 'y'

-- test: do expected in for
do
  print(loadstring("for i = 1, 2 print(i) end"))
end
-- expect: nil	[string "for i = 1, 2 print(i) end"]:1: 'do' expected near 'print'

-- test: break outside a loop
do
  print(loadstring("break"))
end
-- expect: nil	[string "break"]:1: no loop to break

-- test: vararg outside a vararg function
do
  print(loadstring("function f() return ... end"))
end
-- expect: nil	[string "function f() return ... end"]:1: cannot use '...' outside a vararg function near '...'

-- test: code after return
do
  print(loadstring("return 1 print(2)"))
end
-- expect: nil	[string "return 1 print(2)"]:1: '<eof>' expected near 'print'

-- test: chunk name forms
do
  print(loadstring("x =", "=custom"))
  print(loadstring("x =", "@file.lua"))
  print(loadstring("x =", "some code"))
end
-- expect: nil	custom:1: unexpected symbol near '<eof>'
-- expect: nil	file.lua:1: unexpected symbol near '<eof>'
-- expect: nil	[string "some code"]:1: unexpected symbol near '<eof>'

-- test: long source in chunk name is shortened
do
  print(loadstring("local a = 1 local b = 2 local c = 3 local d = 4 local e = 5 x ="))
end
-- expect: nil	[string "local a = 1 local b = 2 local c = 3 local d =..."]:1: unexpected symbol near '<eof>'

-- test: multi-line source shows first line
do
  print(loadstring("local a = 1\nx ="))
end
-- expect: nil	[string "local a = 1..."]:2: unexpected symbol near '<eof>'

-- test: unexpected end of file
do
  print(loadstring("x ="))
  print(loadstring("local function"))
end
-- expect: nil	[string "x ="]:1: unexpected symbol near '<eof>'
-- expect: nil	[string "local function"]:1: '<name>' expected near '<eof>'

-- test: name expected
do
  print(loadstring("local 1 = 2"))
end
-- expect: nil	[string "local 1 = 2"]:1: '<name>' expected near '1'

-- test: loadstring of valid code
do
  local f = loadstring("return 1 + 1")
  print(type(f), f())
end
-- expect: function	2

-- test: a call is a whole statement, so an assignment to it is an unexpected symbol
do
  print(loadstring("f() = 1"))
  print(loadstring("a:b() = 1"))
  print(loadstring("f(), a = 1, 2"))
end
-- expect: nil	[string "f() = 1"]:1: unexpected symbol near '='
-- expect: nil	[string "a:b() = 1"]:1: unexpected symbol near '='
-- expect: nil	[string "f(), a = 1, 2"]:1: unexpected symbol near ','

-- test: a parenthesized or later call target is a syntax error
do
  print(loadstring("(a) = 1"))
  print(loadstring("a, f() = 1, 2"))
end
-- expect: nil	[string "(a) = 1"]:1: syntax error near '='
-- expect: nil	[string "a, f() = 1, 2"]:1: syntax error near '='

-- test: more than 200 nested syntax levels are refused with LuaJIT's message
do
  local function first(gen)
    for n = 90, 205 do
      local f, e = loadstring(gen(n))
      if not f then return n .. " " .. e end
    end
    return "none"
  end
  print(first(function(n) return "return " .. string.rep("(", n) .. "1" .. string.rep(")", n) end))
  print(first(function(n) return "return " .. string.rep("{", n) .. string.rep("}", n) end))
  print(first(function(n) return string.rep("do ", n) .. string.rep("end ", n) end))
  print(first(function(n) return "return " .. string.rep("not ", n) .. "1" end))
  print(first(function(n) return "return " .. string.rep("a .. ", n) .. "a" end))
  print(first(function(n) return "return " .. string.rep("function() return ", n) .. "1" .. string.rep(" end", n) end))
  print(first(function(n) return string.rep("while x do ", n) .. string.rep("end ", n) end))
  print(first(function(n) return "x = " .. string.rep("{a=", n) .. "1" .. string.rep("}", n) end))
  print(first(function(n) return "\n\nreturn " .. string.rep("(\n", n) .. "1" .. string.rep(")", n) end))
  print(loadstring("return " .. string.rep("(", 100000) .. "1" .. string.rep(")", 100000)))
  print(loadstring("return " .. string.rep("{", 100000) .. string.rep("}", 100000)))
end
-- expect: 198 [string "return ((((((((((((((((((((((((((((((((((((((..."]:1: chunk has too many syntax levels
-- expect: 199 [string "return {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{..."]:1: chunk has too many syntax levels
-- expect: 199 [string "do do do do do do do do do do do do do do do ..."]:1: chunk has too many syntax levels
-- expect: 198 [string "return not not not not not not not not not no..."]:1: chunk has too many syntax levels
-- expect: 198 [string "return a .. a .. a .. a .. a .. a .. a .. a ...."]:1: chunk has too many syntax levels
-- expect: 99 [string "return function() return function() return fu..."]:1: chunk has too many syntax levels
-- expect: 199 [string "while x do while x do while x do while x do w..."]:1: chunk has too many syntax levels
-- expect: 198 [string "x = {a={a={a={a={a={a={a={a={a={a={a={a={a={a..."]:1: chunk has too many syntax levels
-- expect: 198 [string "..."]:201: chunk has too many syntax levels
-- expect: nil	[string "return ((((((((((((((((((((((((((((((((((((((..."]:1: chunk has too many syntax levels
-- expect: nil	[string "return {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{..."]:1: chunk has too many syntax levels

-- test: a 201st active local is refused where LuaJIT's parser reads it, naming the function
do
  local function locals(n, sep) local t = {} for i = 1, n do t[i] = "local a" .. i end return table.concat(t, sep) end
  print(type(loadstring(locals(200, "\n"), "=x")))
  print(select(2, loadstring(locals(201, "\n"), "=x")))
  print(select(2, loadstring(locals(201, "\n") .. "\nreturn", "=x")))
  print(select(2, loadstring("local f = 1\n\nfunction g()\n" .. locals(201, "\n") .. "\nend", "=x")))
  print(select(2, loadstring("x = function\n(a)\n" .. locals(201, " ") .. "\nend", "=x")))
  print(select(2, loadstring("local function f\n(a)\n" .. locals(201, " ") .. "\nend", "=x")))
  print(select(2, loadstring("local " .. string.rep("a, ", 200) .. "a = 1", "=x")))
  print(type(loadstring("local " .. string.rep("a, ", 199) .. "a = 1", "=x")))
end
-- expect: function
-- expect: x:201: main function has more than 200 local variables
-- expect: x:202: main function has more than 200 local variables
-- expect: x:205: function at line 3 has more than 200 local variables
-- expect: x:3: function at line 2 has more than 200 local variables
-- expect: x:3: function at line 2 has more than 200 local variables
-- expect: x:1: main function has more than 200 local variables
-- expect: function

-- test: for loops' three hidden control variables and parameters count as locals; blocks free theirs
do
  local function locals(n) local t = {} for i = 1, n do t[i] = "local a" .. i end return table.concat(t, " ") end
  print(type(loadstring(locals(196) .. " for i = 1, 2 do end", "=x")))
  print(select(2, loadstring(locals(197) .. " for i = 1, 2 do end", "=x")))
  print(type(loadstring(locals(195) .. " for k, v\nin pairs{} do end", "=x")))
  print(select(2, loadstring(locals(195) .. " for k, v, w\nin pairs{} do end", "=x")))
  print(type(loadstring("do " .. locals(150) .. " end do " .. locals(150) .. " end", "=x")))
  print(type(loadstring("repeat " .. locals(199) .. " until a199", "=x")))
  print(select(2, loadstring("return function(" .. string.rep("a, ", 200) .. "b) end", "=x")))
  print(select(2, loadstring("local t = {} function t:m(" .. string.rep("a, ", 199) .. "b) end", "=x")))
end
-- expect: function
-- expect: x:1: main function has more than 200 local variables
-- expect: function
-- expect: x:2: main function has more than 200 local variables
-- expect: function
-- expect: function
-- expect: x:1: function at line 1 has more than 200 local variables
-- expect: x:1: function at line 1 has more than 200 local variables

-- test: a 61st upvalue is refused in the function that would capture it
do
  local function decls(n) local t = {} for i = 1, n do t[i] = "local u" .. i .. " = " .. i end return table.concat(t, "\n") end
  local function uses(n) local t = {} for i = 1, n do t[i] = "u" .. i end return table.concat(t, " + ") end
  print(type(loadstring(decls(60) .. "\nreturn function() return " .. uses(60) .. " end", "=x")))
  print(select(2, loadstring(decls(61) .. "\nreturn function() return " .. uses(61) .. " end", "=x")))
  print(select(2, loadstring(decls(61) .. "\nreturn function()\n return function()\n return " .. uses(61) .. "\nend end", "=x")))
  print(select(2, loadstring(decls(61) .. "\nreturn function() local x = " .. uses(60) .. "\nx = u61\nend", "=x")))
  print(type(loadstring(decls(61) .. "\nreturn function() return " .. uses(60) .. ", u1, u60 end", "=x")))
end
-- expect: function
-- expect: x:62: function at line 62 has more than 60 upvalues
-- expect: x:65: function at line 62 has more than 60 upvalues
-- expect: x:64: function at line 62 has more than 60 upvalues
-- expect: function

-- test: an assignment of 200 targets less its syntax level is refused
do
  local function targets(n) return string.rep("a, ", n - 1) .. "a = 1" end
  print(type(loadstring(targets(199), "=x")))
  print(select(2, loadstring(targets(200), "=x")))
  print(type(loadstring("do " .. targets(198) .. " end", "=x")))
  print(select(2, loadstring("do " .. targets(199) .. " end", "=x")))
  print(select(2, loadstring("function f()\n" .. string.rep("a,\n", 199) .. " a = 1 end", "=x")))
end
-- expect: function
-- expect: x:1: main function has more than 200 variable names
-- expect: function
-- expect: x:1: main function has more than 200 variable names
-- expect: x:200: function at line 1 has more than 200 variable names
