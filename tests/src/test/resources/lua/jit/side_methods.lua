-- Side traces in methods of their own: a tree's side traces are placed in its JVM method
-- until that method would be too large for the JVM's compiler; a side trace grown after that
-- is a method of its own, called at its exit, with the values it needs from its parent as
-- parameters. Its exits, its links back to the loop and the side traces grown from its own
-- exits must give what the interpreter and luajit give, and so must the parts of a side trace
-- too large for one method, cut into several that each call the next.

-- test: sixteen data-dependent branches with table fields: the later side traces are methods of their own
do
  local t = {a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8}
  local s, u, w = 0, 0, 0
  for i = 1, 4000 do
    local k = (i * 13 + math.floor(i / 7)) % 16
    if k == 0 then t.a = t.a + i % 5; s = s + t.b * 2 - t.c; w = w + t.d
    elseif k == 1 then t.b = (t.b + t.a) % 1000; s = s - t.e + t.f; w = w - t.g
    elseif k == 2 then t.c = (t.c * 3 + t.h) % 997; s = s + t.a - t.d; u = u + t.b
    elseif k == 3 then t.d = (t.d + t.e + t.f) % 991; s = s + t.g; w = w + t.h - t.a
    elseif k == 4 then t.e = (t.e + t.c * 2) % 983; u = u + t.d - t.b; s = s + t.f
    elseif k == 5 then t.f = (t.f + t.g + t.h) % 977; u = u - t.a + t.c; w = w + t.e
    elseif k == 6 then t.g = (t.g * 7 + t.b) % 971; s = s + t.h - t.e; u = u + t.f
    elseif k == 7 then t.h = (t.h + t.a + t.d) % 967; w = w - t.b + t.g; s = s - t.c
    elseif k == 8 then t.a = (t.a + t.h * 3) % 953; s = s + t.e - t.f; u = u + t.g
    elseif k == 9 then t.b = (t.b * 5 + t.c) % 947; w = w + t.a - t.h; s = s + t.d
    elseif k == 10 then t.c = (t.c + t.d + t.e) % 941; u = u - t.f + t.g; w = w + t.b
    elseif k == 11 then t.d = (t.d * 11 + t.a) % 937; s = s + t.c - t.b; u = u + t.h
    elseif k == 12 then t.e = (t.e + t.f * 2) % 929; w = w + t.g - t.a; s = s + t.b
    elseif k == 13 then t.f = (t.f + t.b + t.c) % 919; u = u + t.e - t.d; w = w - t.h
    elseif k == 14 then t.g = (t.g * 13 + t.e) % 911; s = s - t.a + t.h; u = u + t.c
    else t.h = (t.h + t.f + t.g) % 907; w = w + t.d - t.e; s = s + t.a end
  end
  print(s, u, w, t.a, t.b, t.c, t.d, t.e, t.f, t.g, t.h)
end
-- expect: 599461	614112	145989	388	103	338	773	792	593	700	572

-- test: exits inside side methods: a rare inner branch, a value that changes type and escapes, a break
do
  local t = {a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8}
  local s, tag, seen = 0, 0, 0
  for i = 1, 4000 do
    local k = (i * 13 + math.floor(i / 7)) % 12
    if k == 0 then t.a = (t.a + t.b * 3) % 1009; s = s + t.c - t.d
    elseif k == 1 then t.b = (t.b + t.c * 5) % 1013; s = s + t.d - t.e
    elseif k == 2 then t.c = (t.c + t.d * 7) % 1019; s = s + t.e - t.f
    elseif k == 3 then t.d = (t.d + t.e * 11) % 1021; s = s + t.f - t.g
    elseif k == 4 then t.e = (t.e + t.f * 13) % 1031; s = s + t.g - t.h
    elseif k == 5 then t.f = (t.f + t.g * 17) % 1033; s = s + t.h - t.a
    elseif k == 6 then t.g = (t.g + t.h * 19) % 1039; s = s + t.a - t.b
    elseif k == 7 then t.h = (t.h + t.a * 23) % 1049; s = s + t.b - t.c
    else
      -- Past the tree's room: inner branches exit from a side method, some rarely.
      if t.a % 3 == 0 then t.a = t.a + 1; seen = seen + 1 else t.b = t.b + k end
      if i > 3000 and k == 11 then tag = "late" .. i; s = s + 0.5 end
      if i % 997 == 0 then seen = seen + t.h * 1000 end
    end
    if type(tag) == "string" and #tag > 7 then break end
  end
  print(s, tag, seen, t.a, t.b, t.c, t.d, t.e, t.f, t.g, t.h)
end
-- expect: 5375.5	late3013	1447093	346	691	900	528	897	354	233	415

-- test: a call that fails inside a side method: its error, with the values written back before it
do
  local t = {a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8}
  local s = 0
  local n = 0
  local obj = setmetatable({}, {__tostring = function() n = n + 1; if n > 60 then error("no " .. n) end return "xy" end})
  local ok, err = pcall(function()
    for i = 1, 4000 do
      local k = (i * 13 + math.floor(i / 7)) % 10
      if k == 0 then t.a = (t.a * 3 - t.b) % 1013; s = s - t.c + t.d * 2
      elseif k == 1 then t.b = (t.b * 5 - t.c) % 1017; s = s - t.d + t.e * 2
      elseif k == 2 then t.c = (t.c * 7 - t.d) % 1023; s = s - t.e + t.f * 2
      elseif k == 3 then t.d = (t.d * 11 - t.e) % 1025; s = s - t.f + t.g * 2
      elseif k == 4 then t.e = (t.e * 13 - t.f) % 1035; s = s - t.g + t.h * 2
      elseif k == 5 then t.f = (t.f * 17 - t.g) % 1037; s = s - t.h + t.a * 2
      elseif k == 6 then t.g = (t.g * 19 - t.h) % 1043; s = s - t.a + t.b * 2
      elseif k == 7 then t.h = (t.h * 23 - t.a) % 1053; s = s - t.b + t.c * 2
      elseif k == 8 then s = s + #tostring(t.a + i)
      else
        local v = 1
        if i > 3000 then v = #tostring(obj) end
        s = s + v * 2
      end
    end
  end)
  print(ok, (tostring(err):gsub("^.-:%d+: ", "")), s, t.a, t.h)
end
-- expect: false	no 61	1519890	62	1020

-- test: a side trace too large for one method, cut into several: exits from its later parts, values escaping from them
do
  -- Thirty steps of table fields in one branch, a rare branch between them and after them.
  local step = "t.a = t.b + i; t.b = t.c - t.a; t.c = t.a % 17\n"
  local chunk = [[
    local t = {a = 1, b = 2, c = 3}
    local s, late = 0, 0
    for i = 1, 300 do
      if i % 2 == 1 then s = s + 1
      else
        ]] .. step:rep(15) .. [[
        if i % 20 == 0 then late = late + t.c end
        ]] .. step:rep(15) .. [[
        if i % 50 == 0 then late = late + t.b * 1000 end
        if i == 250 then t.c = "c" .. t.c; break end
      end
    end
    return s, late, t.a, t.b, t.c
  ]]
  print(load(chunk)())
end
-- expect: 125	-80942	81	-66	c13

-- test: a side trace cut into methods that carry sixty numbers each: past what the JVM's compiler takes as arguments, the rest passed in fields
do
  -- Sixty numbers live across the whole branch, a table field guard before each: every part
  -- of the side trace carries them all.
  local lines = {"local t = {}\nfor k = 1, 60 do t[k] = k % 7 + 1 end\nlocal s, late = 0, 0\nfor i = 1, 2000 do\n  if i < 200 or i % 4 ~= 0 then s = s + 1\n  else\n    local v1 = t[1] + i\n"}
  for k = 2, 60 do
    lines[#lines + 1] = ("    local v%d = (v%d * 3 + t[%d]) %% 1009\n"):format(k, k - 1, k)
    if k == 30 then lines[#lines + 1] = "    if i % 20 == 0 then late = late + v29 end\n" end
  end
  local sum = {}
  for k = 1, 60 do sum[k] = "v" .. k end
  lines[#lines + 1] = "    s = s + " .. table.concat(sum, " + ") .. "\n"
  lines[#lines + 1] = "    if i == 1800 then t[30] = 'x'; break end\n  end\nend\nreturn s, late"
  local chunk = table.concat(lines)
  print(pcall(load(chunk)))
end
-- expect: true	12254029	40427
