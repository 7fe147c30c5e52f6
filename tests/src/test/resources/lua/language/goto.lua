-- LuaJIT's goto and labels.

-- test: goto forward skips code
do
  goto skip
  print("not printed")
  ::skip::
  print("after label")
end
-- expect: after label

-- test: goto backward makes a loop
do
  local i = 1
  ::top::
  if i <= 3 then
    io.write(i, ";")
    i = i + 1
    goto top
  end
  print("end")
end
-- expect: 1;2;3;end

-- test: goto continue in a for loop
do
  local out = {}
  for i = 1, 6 do
    if i % 2 == 0 then goto continue end
    out[#out + 1] = i
    ::continue::
  end
  print(table.concat(out, ","))
end
-- expect: 1,3,5

-- test: goto out of nested loops
do
  for i = 1, 3 do
    for j = 1, 3 do
      if i * j == 4 then
        print("found", i, j)
        goto done
      end
    end
  end
  ::done::
end
-- expect: found	2	2

-- test: backward goto gives closures fresh locals
do
  local fs = {}
  local i = 1
  ::again::
  local x = i * 10
  fs[i] = function() return x end
  i = i + 1
  if i <= 3 then goto again end
  print(fs[1](), fs[2](), fs[3]())
end
-- expect: 10	20	30

-- test: goto into the scope of a local is an error
do
  print(loadstring("goto f; local x; ::f:: print(x)"))
end
-- expect: nil	[string "goto f; local x; ::f:: print(x)"]:1: <goto f> jumps into the scope of local 'x'

-- test: goto with no visible label is an error
do
  print(loadstring("do ::l:: end goto l"))
end
-- expect: nil	[string "do ::l:: end goto l"]:1: undefined label 'l'

-- test: duplicate label is an error
do
  print(loadstring("::a:: ::a::"))
end
-- expect: nil	[string "::a:: ::a::"]:1: duplicate label 'a'

-- test: goto is a name except where a name follows it at the start of a statement
do
  local t = {goto = 1}
  t.goto = t.goto + 1
  local goto = 2
  local function f() return goto end
  print(t.goto, goto, f(), (loadstring("goto = 3 return goto"))())
end
-- expect: 2	2	2	3

-- test: goto followed by something other than a name is an expression statement
do
  print(loadstring("goto 1"))
  print(loadstring("goto"))
end
-- expect: nil	[string "goto 1"]:1: '=' expected near '1'
-- expect: nil	[string "goto"]:1: '=' expected near '<eof>'

-- test: a label may reuse the name of an enclosing block's label, and a goto takes the later one
do
  local i = 0
  ::a::
  i = i + 1
  do
    if i < 3 then goto a end
    ::a::
  end
  print(i)
  print(type(loadstring("::a:: do ::a:: end")), loadstring("::a:: ::b:: do ::b:: end ::a::"))
end
-- expect: 1
-- expect: function	nil	[string "::a:: ::b:: do ::b:: end ::a::"]:1: duplicate label 'a'

-- test: a backward goto out of a nested block closes each iteration's locals
do
  local fs, i = {}, 1
  ::top::
  local x = i
  do
    fs[i] = function() return x end
    i = i + 1
    if i <= 3 then goto top end
  end
  print(fs[1](), fs[2](), fs[3]())
end
-- expect: 1	2	3

-- test: a label at the end of a repeat body is still in its locals' scope
do
  print(loadstring("repeat goto a; local x; ::a:: until x"))
  print(type(loadstring("while true do goto a; local x; ::a:: end")))
end
-- expect: nil	[string "repeat goto a; local x; ::a:: until x"]:1: <goto a> jumps into the scope of local 'x'
-- expect: function
