-- sqlite3: an in-memory database, queries with a Lua row callback.
local ffi = require 'ffi'
ffi.cdef [[
typedef struct sqlite3 sqlite3;
int sqlite3_open(const char *filename, sqlite3 **ppDb);
int sqlite3_close(sqlite3 *db);
int sqlite3_exec(sqlite3 *db, const char *sql,
                 int (*callback)(void *arg, int ncols, char **values, char **names),
                 void *arg, char **errmsg);
const char *sqlite3_errmsg(sqlite3 *db);
void sqlite3_free(void *p);
]]
local sqlite = ffi.load 'sqlite3'

local dbp = ffi.new('sqlite3 *[1]')
assert(sqlite.sqlite3_open(':memory:', dbp) == 0)
local db = dbp[0]

local function exec(sql, onRow)
  local errmsg = ffi.new('char *[1]')
  local rc = sqlite.sqlite3_exec(db, sql, onRow, nil, errmsg)
  if rc ~= 0 then
    local message = ffi.string(errmsg[0])
    sqlite.sqlite3_free(errmsg[0])
    error(message)
  end
end

exec [[
  CREATE TABLE fruit(name TEXT, price REAL);
  INSERT INTO fruit VALUES ('apple', 0.5), ('banana', 0.25), ('cherry', 3.0);
]]

local rows = {}
local onRow = ffi.cast('int (*)(void *, int, char **, char **)', function(_, ncols, values, names)
  local row = {}
  for i = 0, ncols - 1 do
    row[#row + 1] = ffi.string(names[i]) .. '=' .. ffi.string(values[i])
  end
  rows[#rows + 1] = table.concat(row, ', ')
  return 0
end)
exec('SELECT name, price FROM fruit ORDER BY price DESC', onRow)
for _, r in ipairs(rows) do print(r) end
onRow:free()

print(pcall(exec, 'SELECT * FROM missing'))
assert(sqlite.sqlite3_close(db) == 0)
