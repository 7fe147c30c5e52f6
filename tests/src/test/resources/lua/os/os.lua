-- The deterministic parts of the os library.

-- test: time of a date table
do
  print(os.time({year = 2000, month = 1, day = 1, hour = 0}) - os.time({year = 1999, month = 12, day = 31, hour = 0}))
end
-- expect: 86400

-- test: time normalises out of range fields
do
  local a = os.time({year = 2021, month = 13, day = 1, hour = 12})
  local b = os.time({year = 2022, month = 1, day = 1, hour = 12})
  print(a == b, os.time({year = 2020, month = 3, day = 0, hour = 12}) == os.time({year = 2020, month = 2, day = 29, hour = 12}))
end
-- expect: true	true

-- test: time needs day month and year
do
  print(pcall(os.time, {year = 2000}))
end
-- expect: false	field 'day' missing in date table

-- test: date in UTC with a format
do
  print(os.date("!%Y-%m-%d %H:%M:%S", 86400 * 365 + 3661))
end
-- expect: 1971-01-01 01:01:01

-- test: date conversions
do
  local t = 1700000000
  print(os.date("!%a %A %b %B %d %j %w %y %p %I", t))
  print(os.date("!%c", t))
  print(os.date("!%x %X %%", t))
end
-- expect: Tue Tuesday Nov November 14 318 2 23 PM 10
-- expect: Tue Nov 14 22:13:20 2023
-- expect: 11/14/23 22:13:20 %

-- test: date as a table in UTC
do
  local d = os.date("!*t", 1000000000)
  print(d.year, d.month, d.day, d.hour, d.min, d.sec, d.wday, d.yday, d.isdst)
end
-- expect: 2001	9	9	1	46	40	1	252	false

-- test: date of the epoch
do
  print(os.date("!%Y-%m-%d %H:%M:%S", 0))
end
-- expect: 1970-01-01 00:00:00

-- test: time and date round trip through a local table
do
  local t = os.time({year = 2010, month = 6, day = 15, hour = 10, min = 30, sec = 5})
  local d = os.date("*t", t)
  print(d.year, d.month, d.day, d.hour, d.min, d.sec)
end
-- expect: 2010	6	15	10	30	5

-- test: difftime
do
  print(os.difftime(100, 40), os.difftime(5, 5))
end
-- expect: 60	0

-- test: clock and time are numbers
do
  print(type(os.clock()), type(os.time()))
end
-- expect: number	number

-- test: getenv
do
  print(os.getenv("ISTHMUS_NO_SUCH_VARIABLE_XYZ"), type(os.getenv("PATH")))
end
-- expect: nil	string

-- test: tmpname remove and rename
do
  local a = os.tmpname()
  local b = a .. ".renamed"
  local f = io.open(a, "w") f:write("x") f:close()
  print(os.rename(a, b))
  print(io.open(a) == nil, io.open(b) ~= nil)
  print(os.remove(b))
  print(io.open(b) == nil)
end
-- expect: true
-- expect: true	true
-- expect: true
-- expect: true

-- test: remove of a missing file
do
  print(os.remove("/nonexistent_dir_xyz/file"))
end
-- expect: nil	/nonexistent_dir_xyz/file: No such file or directory	2

-- test: rename of a missing file
do
  print(os.rename("/nonexistent_dir_xyz/a", "/nonexistent_dir_xyz/b"))
end
-- expect: nil	/nonexistent_dir_xyz/a: No such file or directory	2

-- test: tmpname gives distinct names
do
  local a, b = os.tmpname(), os.tmpname()
  print(a ~= b, type(a))
  os.remove(a) os.remove(b)
end
-- expect: true	string

-- test: os.date passes what strftime does not know through, as glibc's does
do
  print(os.date("!%", 0), os.date("!abc%", 0), os.date("!%Q", 0), os.date("!%E", 0))
  print(os.date("!%Ey %Od %-d %-H", 0))
end
-- expect: %	abc%	%Q	%E
-- expect: 70 01 1 0

-- test: os.date past struct tm's int year is nil; huge and NaN times convert as C's time_t cast
do
  print(os.date("!*t", 2^60), os.date("%c", -2^60), os.date("!%c", 0/0), os.date("!%c", 1/0))
  print(os.date("!%Y-%m-%d %H:%M:%S", 2^55), os.date("!*t", -6e16).year)
  print(os.date("!%Y-%m-%d %H:%M:%S %A", 3e16), os.date("!%j %y %C", -3.1e16))
end
-- expect: nil	nil	nil	nil
-- expect: 1141709097-06-13 06:26:08	-1901322341
-- expect: 950664125-03-16 05:20:00 Friday	106 76 -9823490

-- test: os.time on huge fields wraps them as (int) lua_tointeger and mktime normalises
do
  local t = {year = 2000, month = 1, day = 1, hour = 12, isdst = false}
  local base = os.time(t)
  local function at(field, value)
    local u = {year = 2000, month = 1, day = 1, hour = 12, isdst = false}
    u[field] = value
    local r = os.time(u)
    return r and r - base
  end
  print(at("year", 2^40), at("year", 2^31), at("year", 0/0), at("year", 1e300))
  print(at("month", 2^31), at("month", -2^32 + 2), at("day", 2^31 - 1), at("sec", 2^32 + 5))
end
-- expect: -63113904000	6.7767975286848e+16	-63113904000	-63113904000
-- expect: 5.6473365307392e+15	2678400	1.855425870144e+14	5
