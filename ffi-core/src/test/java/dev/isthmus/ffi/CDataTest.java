package dev.isthmus.ffi;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Typed native memory read and written in Java and checked by the native test library's C code. */
class CDataTest {
    private static Ffi ffi;
    private static NativeLibrary lib;

    @BeforeAll
    static void declare() throws Exception {
        ffi = TestLibraries.declaredFfi();
        lib = TestLibraries.load(ffi);
    }

    @Test
    void bitfields_writtenInJava_areReadByC_andTheReverse() {
        CData bf = ffi.newCData("struct it_bf");
        bf.set("a", 5);
        bf.set("b", -7);
        bf.set("c", 0xAB_CDEF_0123L);
        bf.set("d", -300_000);
        bf.set("e", 127);
        bf.set("f", true);
        bf.set("g", -8);
        bf.set("h", 4095);
        assertEquals(5L, lib.function("it_bf_get_a").invoke(bf));
        assertEquals(-7, lib.function("it_bf_get_b").invoke(bf));
        assertEquals(0xAB_CDEF_0123L, lib.function("it_bf_get_c").invoke(bf));
        assertEquals(-300_000L, lib.function("it_bf_get_d").invoke(bf));
        assertEquals(127L, lib.function("it_bf_get_e").invoke(bf));
        assertEquals(true, lib.function("it_bf_get_f").invoke(bf));
        assertEquals(-8, lib.function("it_bf_get_g").invoke(bf));
        assertEquals(4095L, lib.function("it_bf_get_h").invoke(bf));

        lib.function("it_bf_set_b").invoke(bf, 15);
        lib.function("it_bf_set_d").invoke(bf, 524_287);
        // A bitfield reads as its declared type does (docs/ffi-conversions.md): unsigned int as Long.
        assertEquals(15, bf.get("b"));
        assertEquals(524_287L, bf.get("d"));
        assertEquals(5L, bf.get("a"), "neighbours untouched");
        assertEquals(-8, bf.get("g"));
        assertEquals(true, bf.get("f"));
    }

    @Test
    void boolBitfield_storedNonZero_isTrueForC() {
        CData bf = ffi.newCData("struct it_bf");
        bf.set("e", 127);
        for (Object nonZero : new Object[] {2, 256L, 0.5, -1}) {
            bf.set("f", false);
            bf.set("f", nonZero);
            assertEquals(true, lib.function("it_bf_get_f").invoke(bf), "f = " + nonZero);
        }
        bf.set("f", 0.0);
        assertEquals(false, lib.function("it_bf_get_f").invoke(bf));
        assertEquals(127L, lib.function("it_bf_get_e").invoke(bf), "the neighbour below untouched");
    }

    @Test
    void doubleStoredInUint64_from2To63Up_isExact() {
        CData u = ffi.newCData("uint64_t");
        u.set(0x1p63);
        assertEquals(Long.MIN_VALUE, u.getLong());
        u.set(0x1p64 - 2048);
        assertEquals(-2048L, u.getLong());
        CData bf = ffi.newCData("struct it_bf");
        bf.set("c", 0x1p39 + 0.75);
        assertEquals(0x80_0000_0000L, lib.function("it_bf_get_c").invoke(bf));
    }

    @Test
    void packedBitfields_straddlingBytes_roundTrip() {
        CData p = ffi.newCData("struct it_bf_packed");
        p.set("x", 6);
        p.set("y", 0xF_FFFF);
        p.set("z", 200);
        assertEquals(6L, lib.function("it_bfp_get_x").invoke(p));
        assertEquals(0xF_FFFFL, lib.function("it_bfp_get_y").invoke(p));
        assertEquals(200L, lib.function("it_bfp_get_z").invoke(p));
    }

    @Test
    void nestedPaths_anonymousMembersAndArraysOfStructs_matchC() {
        CData scene = ffi.newCData("struct it_scene");
        MemorySegment made = (MemorySegment) lib.function("it_scene_make").invoke('s', 42);
        scene.segment().copyFrom(made);
        assertEquals(42, scene.get("id"), "through the anonymous union");
        scene.set("bounds.br.x", 10);
        scene.set("corners[2].y", -5);
        scene.set("u", 7);
        CData rect = scene.field("bounds");
        assertEquals(10, rect.get("br.x"));
        assertEquals(-5, scene.field("corners").at(2).get("y"));
        assertEquals(3, scene.field("corners").byteSize() / 8);
        CData r = ffi.newCData("struct it_rect");
        r.set("br.x", 3);
        r.set("br.y", 4);
        assertEquals(12L, lib.function("it_rect_area").invoke(r));
    }

    @Test
    void fieldAccess_precomputed_readsAndWritesLikeByName() {
        FieldAccess y = ffi.fieldAccess("struct it_rect", "br.y");
        FieldAccess flag = ffi.fieldAccess("struct it_bf", "f");
        CData r = ffi.newCData("struct it_rect");
        y.set(r, 9);
        assertEquals(9, r.get("br.y"));
        assertEquals(9, y.get(r));
        assertEquals(12, y.byteOffset());
        y.setInt(r, -4);
        assertEquals(-4, y.getInt(r));
        assertEquals(-4, r.get("br.y"));
        CData bf = ffi.newCData("struct it_bf");
        flag.set(bf, true);
        assertEquals(true, lib.function("it_bf_get_f").invoke(bf));
        assertThrows(IllegalArgumentException.class, () -> y.get(bf));
    }

    @Test
    void arrays_initialisedAndPassed_areSeenByC() {
        CData values = ffi.newCData("int32_t[5]", 4, -2, 9, 0, 1);
        CData min = ffi.newCData("int32_t");
        CData max = ffi.newCData("int32_t");
        assertEquals(12L, lib.function("it_sum_minmax").invoke(values, 5, min, max));
        assertEquals(-2, min.get());
        assertEquals(9, max.get());
        CData vla = ffi.newCData("double[?]", 4);
        assertEquals(32, vla.byteSize());
        lib.function("it_fill_doubles").invoke(vla, 4, 1.0, 0.5);
        assertEquals(2.5, vla.at(3).get());
    }

    @Test
    void pointers_arithmeticDifferenceAndStrings() {
        CData values = ffi.newCData("int[4]", 10, 20, 30, 40);
        CData p = values.plus(1);
        assertEquals(20, p.deref().get());
        assertEquals(40, p.at(2).get());
        assertEquals(2, p.plus(2).minus(p));
        CData name = ffi.cast("const char *", (MemorySegment) lib.function("it_color_name").invoke(5));
        assertEquals("green", name.string());
        assertEquals("gre", name.string(3));
        assertTrue(ffi.cast("int *", MemorySegment.NULL).isNull());
        assertTrue(values.plus(1).isSameAddress(p));
        assertTrue(values.plus(0).compareAddress(p) < 0);
        assertTrue(p.plus(2).compareAddress(p) > 0);
        assertEquals(0, p.compareAddress(values.plus(1)));
    }

    @Test
    void copyFillIstypeAndFlexibleArrayStructs_behaveLikeLuaJits() {
        CData buffer = ffi.newCData("char[16]");
        ffi.fill(buffer, 15, 'x');
        ffi.copy(buffer, "hello", 5);
        assertEquals("helloxxxxxxxxxx", buffer.string());
        CData copy = ffi.newCData("char[16]");
        ffi.copy(copy, buffer, 16);
        assertEquals("helloxxxxxxxxxx", copy.string());
        assertThrows(IndexOutOfBoundsException.class, () -> ffi.copy(buffer, new byte[32], 32));
        assertTrue(ffi.istype("char[16]", buffer));
        assertTrue(!ffi.istype("int", buffer));
        assertEquals(8, ffi.sizeof("struct it_point"));
        assertEquals(4, ffi.offsetof("struct it_point", "y"));
        ffi.cdef("struct isthmus_vls { int count; double values[]; };");
        CData vls = ffi.newCData("struct isthmus_vls", 3);
        assertEquals(8 + 3 * 8, vls.byteSize());
        vls.set("count", 3);
        assertEquals(3, vls.get("count"));
    }

    @Test
    void errors_outOfBoundsNullAndClosedArena_areExceptionsNotCrashes() {
        CData values = ffi.newCData("int[4]");
        assertThrows(IndexOutOfBoundsException.class, () -> values.at(4).get());
        assertThrows(NullPointerException.class, () -> ffi.cast("int *", MemorySegment.NULL).deref());
        CData scoped;
        try (Arena arena = Arena.ofConfined()) {
            scoped = ffi.newCData(arena, "long", 5);
            assertEquals(5L, scoped.get());
        }
        assertThrows(IllegalStateException.class, scoped::get);
        assertThrows(IllegalArgumentException.class, () -> values.get("nope"));
        IllegalArgumentException dangling = assertThrows(IllegalArgumentException.class,
                () -> ffi.newCData("const char *").set("text"));
        assertTrue(dangling.getMessage().contains("would dangle"), dangling.getMessage());
    }

    /** Members of packed structs sit at any address, also in arrays of them: reads and writes must not require alignment. */
    @Test
    void packedMembers_atUnalignedAddresses_areReadAndWritten() {
        Ffi packed = Ffi.create();
        packed.cdef("struct isthmus_pk { unsigned char a; unsigned int b; double d; void *p; } __attribute__((packed));");
        CData array = packed.newCData("struct isthmus_pk[3]");
        CData second = array.at(1);
        second.set("b", 0xDEADBEEFL);
        second.set("d", 2.5);
        second.set("p", MemorySegment.ofAddress(0x1234));
        assertEquals(0xDEADBEEFL, second.get("b"));
        assertEquals(2.5, second.get("d"));
        assertEquals(0x1234L, ((MemorySegment) second.get("p")).address());
        FieldAccess b = packed.fieldAccess("struct isthmus_pk", "b");
        FieldAccess d = packed.fieldAccess("struct isthmus_pk", "d");
        b.setInt(array.at(2), 7);
        d.setDouble(array.at(2), 1.25);
        assertEquals(7, b.getInt(array.at(2)));
        assertEquals(1.25, d.getDouble(array.at(2)));
    }
}
