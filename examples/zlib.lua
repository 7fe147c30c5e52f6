-- zlib: compress and uncompress a buffer through out-parameters.
local ffi = require 'ffi'
ffi.cdef [[
unsigned long compressBound(unsigned long sourceLen);
int compress2(uint8_t *dest, unsigned long *destLen, const uint8_t *source, unsigned long sourceLen, int level);
int uncompress(uint8_t *dest, unsigned long *destLen, const uint8_t *source, unsigned long sourceLen);
const char *zlibVersion(void);
]]
local zlib = ffi.load 'z'

local function compress(text)
  local bound = zlib.compressBound(#text)
  local out = ffi.new('uint8_t[?]', bound)
  local outLen = ffi.new('unsigned long[1]', bound)
  assert(zlib.compress2(out, outLen, text, #text, 9) == 0)
  return ffi.string(out, outLen[0])
end

local function uncompress(data, size)
  local out = ffi.new('uint8_t[?]', size)
  local outLen = ffi.new('unsigned long[1]', size)
  assert(zlib.uncompress(out, outLen, data, #data) == 0)
  return ffi.string(out, outLen[0])
end

print('zlib version starts with 1.:', ffi.string(zlib.zlibVersion()):sub(1, 2) == '1.')
local text = string.rep('The quick brown fox jumps over the lazy dog. ', 100)
local packed = compress(text)
print('original:', #text, 'compressed smaller:', #packed < #text / 10)
local unpacked = uncompress(packed, #text)
print('round trip equal:', unpacked == text)
