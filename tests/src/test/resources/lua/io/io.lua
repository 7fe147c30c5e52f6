-- The io library on temporary files.

-- test: write then read the whole file
do
  local name = os.tmpname()
  local f = io.open(name, "w")
  print(f:write("line1\n", 42, "\n", 1.5))
  f:close()
  f = io.open(name, "r")
  print(f:read("*a"))
  f:close()
  os.remove(name)
end
-- expect: true
-- expect: line1
-- expect: 42
-- expect: 1.5

-- test: read formats
do
  local name = os.tmpname()
  local f = io.open(name, "w")
  f:write("12 3.5 0x10\nsecond line\nthird")
  f:close()
  f = io.open(name)
  print(f:read("*n", "*n", "*n"))
  print(f:read("*l"))
  print(f:read("*l"))
  print(f:read(3), f:read("*l"), f:read("*l"), f:read("*a") == "")
  f:close()
  os.remove(name)
end
-- expect: 12	3.5	16
-- expect: 
-- expect: second line
-- expect: thi	rd	nil	true

-- test: read a number that is not there
do
  local name = os.tmpname()
  local f = io.open(name, "w") f:write("abc") f:close()
  f = io.open(name)
  print(f:read("*n"), f:read("*a"))
  f:close()
  os.remove(name)
end
-- expect: nil	abc

-- test: read zero bytes checks for end of file
do
  local name = os.tmpname()
  local f = io.open(name, "w") f:write("x") f:close()
  f = io.open(name)
  print(f:read(0), f:read(1), f:read(0))
  f:close()
  os.remove(name)
end
-- expect: 	x	nil

-- test: lines of a file
do
  local name = os.tmpname()
  local f = io.open(name, "w") f:write("a\nb\n\nc") f:close()
  for l in io.lines(name) do io.write("[", l, "]") end
  print("")
  f = io.open(name)
  local n = 0
  for l in f:lines() do n = n + 1 end
  f:close()
  print(n)
  os.remove(name)
end
-- expect: [a][b][][c]
-- expect: 4

-- test: seek and position
do
  local name = os.tmpname()
  local f = io.open(name, "w+")
  f:write("0123456789")
  print(f:seek("cur"), f:seek("set", 2), f:read(3), f:seek("cur"), f:seek("end"), f:seek("end", -2), f:read("*a"))
  f:close()
  os.remove(name)
end
-- expect: 10	2	234	5	10	8	89

-- test: append mode
do
  local name = os.tmpname()
  local f = io.open(name, "w") f:write("a") f:close()
  f = io.open(name, "a") f:write("b") f:close()
  f = io.open(name) print(f:read("*a")) f:close()
  os.remove(name)
end
-- expect: ab

-- test: open a missing file
do
  print(io.open("/nonexistent_dir_xyz/file"))
end
-- expect: nil	/nonexistent_dir_xyz/file: No such file or directory	2

-- test: io.type
do
  local name = os.tmpname()
  local f = io.open(name, "w")
  print(io.type(f), io.type(io.stdout), io.type(42))
  f:close()
  print(io.type(f))
  os.remove(name)
end
-- expect: file	file	nil
-- expect: closed file

-- test: closed file operations fail
do
  local name = os.tmpname()
  local f = io.open(name, "w")
  f:close()
  print(pcall(f.write, f, "x"))
  os.remove(name)
end
-- expect: false	attempt to use a closed file

-- test: tostring of files names their state
do
  local name = os.tmpname()
  local f = io.open(name, "w")
  print(tostring(f):match("^file %(") ~= nil)
  f:close()
  print(tostring(f))
  os.remove(name)
end
-- expect: true
-- expect: file (closed)

-- test: io.write goes to standard output
do
  print(io.write("abc", 1, "\n"))
end
-- expect: abc1
-- expect: true

-- test: io.output and io.input switch default files
do
  local name = os.tmpname()
  io.output(name)
  io.write("via default")
  io.close()
  io.output(io.stdout)
  io.input(name)
  print(io.read("*a"))
  io.input():close()
  os.remove(name)
end
-- expect: via default

-- test: setvbuf and flush return true
do
  local name = os.tmpname()
  local f = io.open(name, "w")
  print(f:setvbuf("full", 1024), f:flush(), io.flush() == io.stdout or io.flush())
  f:close()
  os.remove(name)
end
-- expect: true	true	true

-- test: lines on a missing file is an error
do
  print(pcall(io.lines, "/nonexistent_dir_xyz/file"))
end
-- expect: false	bad argument #1 to '?' (/nonexistent_dir_xyz/file: No such file or directory)

-- test: binary data round trip
do
  local name = os.tmpname()
  local data = ""
  for i = 0, 255 do data = data .. string.char(i) end
  local f = io.open(name, "wb") f:write(data) f:close()
  f = io.open(name, "rb")
  local back = f:read("*a")
  f:close()
  print(#back, back == data)
  os.remove(name)
end
-- expect: 256	true

-- test: input of a missing file is an error
do
  print(pcall(function() io.input("/nonexistent_dir_xyz/file") end))
end
-- expect: false	io.lua:190: bad argument #1 to 'input' (/nonexistent_dir_xyz/file: No such file or directory)

-- test: popen, tmpfile, os.execute and os.setlocale, and the file metatable as LuaJIT lays it out
do
  print(os.execute("exit 3"), os.execute(), os.execute("true"))
  print(os.setlocale("C"), os.setlocale(), os.setlocale("xx_YY"), os.setlocale(nil, "numeric"))
  print(pcall(os.setlocale, "C", "bogus"))
  local f = io.popen("echo hi; exit 2")
  print(f:read("*a"), f:close())
  local name = os.tmpname()
  local w = io.popen("cat > " .. name, "w")
  w:write("data")
  print(w:close(), io.open(name):read("*a"))
  os.remove(name)
  local t = io.tmpfile()
  t:write("abc")
  t:seek("set")
  print(io.type(t), t:read("*a"), t:close(), io.type(t))
  print(io.popen("ls", "x"))
  local keys = {}
  for k in pairs(debug.getmetatable(io.stdout)) do keys[#keys + 1] = k end
  table.sort(keys)
  print(table.concat(keys, " "), io.stdout:setvbuf("no"))
  os.execute("echo from the shell")
end
-- expect: 768	1	0
-- expect: C	C	nil	C
-- expect: false	bad argument #2 to '?' (invalid option 'bogus')
-- expect: hi
-- expect: 	true
-- expect: true	data
-- expect: file	abc	true	closed file
-- expect: nil	ls: Invalid argument	22
-- expect: __gc __index __tostring close flush lines read seek setvbuf write	true
-- expect: from the shell

-- test: a file name ends at its first NUL byte, as the C string the C library gets
do
  print(io.open("\0"))
  print(io.open("", "w"))
  print(io.open("no-such-file\0.lua"))
  print(loadfile("no-such-file\0.lua"))
  print(pcall(dofile, "\0"))
  print(os.remove("no-such-file\0x"))
  print(os.rename("", "x"))
  print(pcall(io.lines, "no-such-file\0x"))
end
-- expect: nil	: No such file or directory	2
-- expect: nil	: No such file or directory	2
-- expect: nil	no-such-file: No such file or directory	2
-- expect: nil	cannot open no-such-file: No such file or directory
-- expect: false	cannot open : No such file or directory
-- expect: nil	no-such-file: No such file or directory	2
-- expect: nil	: No such file or directory	2
-- expect: false	bad argument #1 to '?' (no-such-file: No such file or directory)

-- test: a directory cannot be loaded, nor opened for writing
do
  print(loadfile("/"))
  print(pcall(dofile, "/"))
  print(io.open("/", "w"))
  print(io.open("/", "a+"))
end
-- expect: nil	cannot read /: Is a directory
-- expect: false	cannot read /: Is a directory
-- expect: nil	/: Is a directory	21
-- expect: nil	/: Is a directory	21

-- test: io.open's mode goes to fopen: a first letter other than r, w or a is EINVAL, later letters are flags
do
  for _, mode in ipairs{"z", "", "+", "rwz", "r+x", "rb+", "wx", "a+b"} do
    print(mode, io.open("no-such-dir/file", mode))
  end
end
-- expect: z	nil	no-such-dir/file: Invalid argument	22
-- expect: 	nil	no-such-dir/file: Invalid argument	22
-- expect: +	nil	no-such-dir/file: Invalid argument	22
-- expect: rwz	nil	no-such-dir/file: No such file or directory	2
-- expect: r+x	nil	no-such-dir/file: No such file or directory	2
-- expect: rb+	nil	no-such-dir/file: No such file or directory	2
-- expect: wx	nil	no-such-dir/file: No such file or directory	2
-- expect: a+b	nil	no-such-dir/file: No such file or directory	2

-- test: a directory opens for reading; each read then fails with EISDIR, and writing with EBADF
do
  local f = io.open("/")
  print(io.type(f))
  print(f:read("*a"))
  print(f:read("*l"))
  print(f:read(0))
  print(f:read("*n", "*a"))
  print(f:write("x", "y"))
  print(pcall(f.write, f, "x", {}))
  print(f:seek("set", 3), f:seek("cur", 2), f:seek("cur", -10))
  print(f:flush(), f:setvbuf("no"))
  print(pcall(function() for l in f:lines() do print(l) end end))
  print(f:close(), io.type(f))
  print(io.open("/", "r+"))
  print(io.open("/", "rb"):read())
  print(pcall(function() for l in io.lines("/") do print(l) end end))
end
-- expect: file
-- expect: nil	Is a directory	21
-- expect: nil	Is a directory	21
-- expect: nil	Is a directory	21
-- expect: nil	Is a directory	21
-- expect: nil	Bad file descriptor	9
-- expect: false	bad argument #3 to '?' (string expected, got table)
-- expect: 3	5	nil	Invalid argument	22
-- expect: true	true
-- expect: false	io.lua:287: Is a directory
-- expect: true	closed file
-- expect: nil	/: Is a directory	21
-- expect: nil	Is a directory	21
-- expect: false	io.lua:291: Is a directory

-- test: a file opened for reading refuses writes with EBADF, which the next read does not see
do
  local name = os.tmpname()
  local f = io.open(name, "w") f:write("one\n") f:close()
  f = io.open(name)
  print(f:write("x"))
  print(f:read("*a"))
  print(f:seek("set", -1))
  f:close()
  os.remove(name)
end
-- expect: nil	Bad file descriptor	9
-- expect: one
-- expect: 
-- expect: nil	Invalid argument	22

-- test: setvbuf("no") writes a file through at every write; setvbuf and seek refuse an unknown mode
do
  local name = os.tmpname()
  local w = assert(io.open(name, "w"))
  local function seen() local r = assert(io.open(name, "r")); local s = r:read("*a"); r:close(); return #s end
  w:write("abc")
  local buffered = seen()
  print(w:setvbuf("no"))
  w:write("def")
  local through = seen()
  w:write("ghi")
  local again = seen()
  w:close()
  print(buffered, through, again, seen())
  print(pcall(w.setvbuf, io.stdout, "sometimes"))
  print(pcall(io.stdout.seek, io.stdout, "middle"))
  os.remove(name)
end
-- expect: true
-- expect: 0	6	9	9
-- expect: false	bad argument #2 to '?' (invalid option 'sometimes')
-- expect: false	bad argument #2 to '?' (invalid option 'middle')
