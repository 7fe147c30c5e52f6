-- Packed structs from Lua (issue #15): every packed layout cparser computes is usable for
-- sizes, reading, writing, initializers and passing by pointer.

-- test: a packed struct has no padding and alignment 1
do
  local ffi = require("ffi")
  ffi.cdef[[struct packed_eth { uint8_t dst[6]; uint8_t src[6]; uint16_t type; } __attribute__((packed));
    struct packed_pk { uint8_t a; uint32_t b; uint16_t c; double d; } __attribute__((packed));]]
  print(ffi.sizeof(ffi.typeof("struct { uint32_t a; } __attribute__((packed))")), ffi.alignof(ffi.typeof("struct { uint32_t a; } __attribute__((packed))")))
  print(ffi.sizeof("struct packed_eth"), ffi.offsetof("struct packed_eth", "type"))
  print(ffi.sizeof("struct packed_pk"), ffi.offsetof("struct packed_pk", "b"), ffi.offsetof("struct packed_pk", "c"),
    ffi.offsetof("struct packed_pk", "d"), ffi.alignof("struct packed_pk"))
end
-- expect: 4	1
-- expect: 14	12
-- expect: 15	1	5	7	1

-- test: members of a packed struct are initialized, read and written at unaligned offsets
do
  local ffi = require("ffi")
  ffi.cdef[[struct packed_pk2 { uint8_t a; uint32_t b; uint16_t c; double d; } __attribute__((packed));]]
  local p = ffi.new("struct packed_pk2", 1, 0x01020304)
  print(p.a, p.b, p.c, p.d)
  p.b = 0xdeadbeef; p.c = 0xffff; p.d = 2.5
  print(p.b, p.c, p.d)
  local bytes = ffi.cast("uint8_t *", p)
  print(bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6])
  local t = ffi.new("struct packed_pk2", {a = 3, b = 4, c = 5, d = 6})
  print(t.a, t.b, t.c, t.d)
end
-- expect: 1	16909060	0	0
-- expect: 3735928559	65535	2.5
-- expect: 1	239	190	173	222	255	255
-- expect: 3	4	5	6

-- test: packed structs in arrays, through pointers, nested, and copied by C
do
  local ffi = require("ffi")
  ffi.cdef[[struct packed_pk3 { uint8_t a; uint32_t b; uint16_t c; double d; } __attribute__((packed));
    struct packed_outer { uint8_t x; struct packed_pk3 p; } __attribute__((packed));
    void *memcpy(void *dst, const void *src, size_t n);]]
  local q = ffi.new("struct packed_pk3[2]")
  q[1].b = 7; q[1].d = 1.25
  print(q[1].b, q[1].d, ffi.sizeof(q))
  local pp = ffi.cast("struct packed_pk3 *", q) + 1
  pp.c = 300
  print(pp.b, pp[0].d, q[1].c)
  local dst = ffi.new("struct packed_pk3")
  ffi.C.memcpy(dst, q[1], ffi.sizeof("struct packed_pk3"))
  print(dst.b, dst.c, dst.d)
  local o = ffi.new("struct packed_outer", 5, {1, 2, 3, 4.5})
  print(ffi.sizeof(o), o.p.b, o.p.d, ffi.offsetof("struct packed_outer", "p"))
end
-- expect: 7	1.25	30
-- expect: 7	1.25	300
-- expect: 7	300	1.25
-- expect: 16	2	4.5	1

-- test: a packed ring buffer with a variable-length byte tail
do
  local ffi = require("ffi")
  ffi.cdef[[struct packed_ring { uint32_t head; uint32_t tail; uint8_t flag; uint64_t count; uint8_t buf[?]; } __attribute__((packed));]]
  local r = ffi.new("struct packed_ring", 8, 1, 2, 3, 4)
  print(ffi.sizeof(r), r.head, r.tail, r.flag, r.count, ffi.offsetof("struct packed_ring", "buf"))
  r.buf[7] = 9; r.count = 2 ^ 40
  print(r.buf[7], r.count, ffi.sizeof("struct packed_ring", 3))
end
-- expect: 25	1	2	3	4ULL	17
-- expect: 9	1099511627776ULL	20

-- test: an Ethernet header read from bytes
do
  local ffi = require("ffi")
  ffi.cdef[[struct packed_eth2 { uint8_t dst[6]; uint8_t src[6]; uint16_t type; } __attribute__((packed));]]
  local e = ffi.new("struct packed_eth2", {{1, 2, 3, 4, 5, 6}, {7, 8, 9, 10, 11, 12}, 0x0008})
  print(e.dst[5], e.src[0], e.type, ffi.sizeof(e))
  local frame = ffi.new("uint8_t[15]", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 0x08, 0x00)
  local h = ffi.cast("struct packed_eth2 *", frame + 1)
  print(h.dst[0], h.src[5], h.type)
end
-- expect: 6	7	8	14
-- expect: 1	12	8

-- test: #pragma pack, packed members and packed unions nest and convert like packed structs
do
  local ffi = require("ffi")
  ffi.cdef[[
#pragma pack(push, 2)
struct packed_pp2 { uint8_t a; uint64_t b; uint8_t c; };
#pragma pack(pop)
struct packed_pm { uint8_t a; uint32_t b __attribute__((packed)); };
union packed_pu { uint8_t a; uint32_t b; } __attribute__((packed));
struct packed_wrap { uint8_t x; union packed_pu u; struct packed_pp2 s; } __attribute__((packed));
]]
  print(ffi.sizeof("struct packed_pp2"), ffi.offsetof("struct packed_pp2", "b"), ffi.alignof("struct packed_pp2"))
  print(ffi.sizeof("struct packed_pm"), ffi.offsetof("struct packed_pm", "b"))
  print(ffi.sizeof("union packed_pu"), ffi.sizeof("struct packed_wrap"), ffi.offsetof("struct packed_wrap", "s"))
  local s = ffi.new("struct packed_pp2[3]", {{1, 2 ^ 40, 3}, {4, 5, 6}})
  s[2].b = -1LL
  print(s[0].b, s[1].a, s[1].c, s[2].b)
  local w = ffi.new("struct packed_wrap", 1, {b = 0x11223344}, {9, 10, 11})
  print(w.u.b, w.u.a, w.s.b, w.s.c, ffi.new("struct packed_pm", 1, 0xabcdef).b)
end
-- expect: 12	2	2
-- expect: 5	1
-- expect: 4	17	5
-- expect: 1099511627776ULL	4	6	18446744073709551615ULL
-- expect: 287454020	68	10ULL	11	11259375
