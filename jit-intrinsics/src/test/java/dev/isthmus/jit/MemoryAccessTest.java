package dev.isthmus.jit;

import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.layout.BitField;
import dev.isthmus.cparser.type.RecordType;
import dev.isthmus.ffi.CData;
import dev.isthmus.ffi.Ffi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.objectweb.asm.Type;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Emitted loads and stores against ffi-core's CData (the generic path) on the same memory and random values. */
class MemoryAccessTest {
    private static final Ffi FFI = TestNatives.FFI;

    static {
        FFI.cdef("""
                struct jit_mixed { char c; double d; int16_t s; uint32_t u; void *p; };
                struct jit_bits { unsigned a : 3; int b : 5; unsigned long long c : 60; int d : 7; _Bool e : 1;
                                  signed char f : 4; long long g : 64; };
                """);
    }

    static String cName(CScalar scalar) {
        return switch (scalar) {
            case BOOL -> "bool";
            case FLOAT -> "float";
            case DOUBLE -> "double";
            case POINTER -> "void *";
            default -> scalar.name().toLowerCase(java.util.Locale.ROOT) + "_t";
        };
    }

    /** What CData's boxed value is as a generated method's value: booleans as 0/1, pointers as addresses. */
    static Object asValue(Object generic) {
        return switch (generic) {
            case Boolean b -> b ? 1 : 0;
            case MemorySegment m -> m.address();
            default -> generic;
        };
    }

    /** A random value for CData.set: any integer bits (cut as C casts), or a float, sometimes an extreme one. */
    static Object randomInput(CScalar scalar, Random random) {
        if (scalar.isFloating()) {
            double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, 1e-310, Double.MAX_VALUE};
            return random.nextInt(8) == 0 ? special[random.nextInt(special.length)] : random.nextGaussian() * 1e6;
        }
        if (scalar == CScalar.POINTER) {
            return MemorySegment.ofAddress(random.nextLong());
        }
        return random.nextInt(4) == 0 ? (long) random.nextInt(300) - 150 : random.nextLong();
    }

    private static Class<?> javaType(CScalar scalar) {
        return switch (scalar.valueType().getSort()) {
            case Type.INT -> int.class;
            case Type.LONG -> long.class;
            case Type.FLOAT -> float.class;
            default -> double.class;
        };
    }

    static MethodHandle loader(CScalar scalar, Addressing addressing, long byteOffset) {
        MethodType type = addressing == Addressing.ADDRESS ? MethodType.methodType(javaType(scalar), long.class)
                : MethodType.methodType(javaType(scalar), MemorySegment.class, long.class);
        return Generated.operation(type, (mv, data) -> {
            MemoryAccess.emitOffset(mv, byteOffset);
            MemoryAccess.emitLoad(mv, scalar, addressing);
        });
    }

    static MethodHandle storer(CScalar scalar, Addressing addressing) {
        MethodType type = addressing == Addressing.ADDRESS ? MethodType.methodType(void.class, long.class, javaType(scalar))
                : MethodType.methodType(void.class, MemorySegment.class, long.class, javaType(scalar));
        return Generated.operation(type, (mv, data) -> MemoryAccess.emitStore(mv, scalar, addressing));
    }

    @ParameterizedTest
    @EnumSource(CScalar.class)
    void loadAndStore_bothAddressings_agreeWithCData(CScalar scalar) throws Throwable {
        Random random = new Random(scalar.ordinal());
        CData cell = FFI.newCData(cName(scalar));
        CData other = FFI.newCData(cName(scalar));
        long address = cell.segment().address();
        for (Addressing addressing : Addressing.values()) {
            MethodHandle load = loader(scalar, addressing, 0);
            MethodHandle store = storer(scalar, addressing);
            for (int i = 0; i < 300; i++) {
                cell.set(randomInput(scalar, random));
                Object loaded = addressing == Addressing.ADDRESS ? load.invoke(address) : load.invoke(cell.segment(), 0L);
                assertEquals(asValue(cell.get()), loaded, scalar + " " + addressing + " load");
                other.set(randomInput(scalar, random));
                Object value = asValue(other.get());
                if (addressing == Addressing.ADDRESS) {
                    store.invoke(address, value);
                } else {
                    store.invoke(cell.segment(), 0L, value);
                }
                assertEquals(value, asValue(cell.get()), scalar + " " + addressing + " store");
            }
        }
    }

    @Test
    void load_segmentOutOfBounds_throwsInsteadOfReading() {
        CData cell = FFI.newCData("int32_t[2]");
        MethodHandle load = loader(CScalar.INT32, Addressing.SEGMENT, 0);
        assertThrows(IndexOutOfBoundsException.class, () -> load.invoke(cell.segment(), 5L));
    }

    @Test
    void load_negativeAddress_throwsInsteadOfFaulting() {
        // Addresses with the top bit set lie outside the everything-segment, so the FFM check stops them.
        MethodHandle load = loader(CScalar.INT64, Addressing.ADDRESS, 0);
        assertThrows(IndexOutOfBoundsException.class, () -> load.invoke(-16L));
    }

    @Test
    void emitOffset_structMembers_readWhatCDataWrote() throws Throwable {
        CData s = FFI.newCData("struct jit_mixed");
        Random random = new Random(3);
        String[] members = {"c", "d", "s", "u", "p"};
        CScalar[] scalars = {CScalar.of(FFI.typeof("char"), FFI.layouts().abi()), CScalar.DOUBLE, CScalar.INT16,
                CScalar.UINT32, CScalar.POINTER};
        for (int m = 0; m < members.length; m++) {
            MethodHandle load = loader(scalars[m], Addressing.ADDRESS, FFI.offsetof("struct jit_mixed", members[m]));
            for (int i = 0; i < 50; i++) {
                s.set(members[m], randomInput(scalars[m], random));
                assertEquals(asValue(s.get(members[m])), load.invoke(s.segment().address()), members[m]);
            }
        }
    }

    @Test
    void emitIndex_arrayElements_areCDataElements() throws Throwable {
        CData array = FFI.newCData("int16_t[37]");
        MethodHandle element = Generated.operation(MethodType.methodType(int.class, long.class, long.class), (mv, data) -> {
            MemoryAccess.emitIndex(mv, 2);
            MemoryAccess.emitLoad(mv, CScalar.INT16, Addressing.ADDRESS);
        });
        Random random = new Random(4);
        for (int i = 0; i < 37; i++) {
            array.at(i).set(random.nextInt());
        }
        for (long i = 0; i < 37; i++) {
            assertEquals(array.at(i).get(), (int) element.invokeExact(array.segment().address(), i));
        }
    }

    @Test
    void emitDifference_ofTwoElementAddresses_isTheirIndexDistance() throws Throwable {
        MethodHandle difference = Generated.operation(MethodType.methodType(long.class, long.class, long.class),
                (mv, data) -> MemoryAccess.emitDifference(mv, FFI.sizeof("struct jit_mixed")));
        CData array = FFI.newCData("struct jit_mixed[9]");
        assertEquals(5L, (long) difference.invokeExact(array.at(7).segment().address(), array.at(2).segment().address()));
        assertEquals(-5L, (long) difference.invokeExact(array.at(2).segment().address(), array.at(7).segment().address()));
    }

    @Test
    void emitCompare_ordersAddressesUnsignedAsCDataDoes() throws Throwable {
        MethodHandle compare = Generated.operation(MethodType.methodType(int.class, long.class, long.class),
                (mv, data) -> MemoryAccess.emitCompare(mv));
        Random random = new Random(6);
        for (int i = 0; i < 200; i++) {
            long p = random.nextLong();
            long q = i % 4 == 0 ? p : random.nextLong();
            CData pp = FFI.cast("char *", MemorySegment.ofAddress(p));
            CData qq = FFI.cast("char *", MemorySegment.ofAddress(q));
            assertEquals(Integer.signum(pp.compareAddress(qq)), Integer.signum((int) compare.invokeExact(p, q)));
        }
    }

    @Test
    void bitFields_loadAndStore_agreeWithCData() throws Throwable {
        Abi abi = FFI.layouts().abi();
        RecordType record = (RecordType) FFI.typeof("struct jit_bits");
        CData s = FFI.newCData("struct jit_bits");
        Random random = new Random(5);
        String[] names = {"a", "b", "c", "d", "e", "f", "g"};
        CScalar[] declared = {CScalar.UINT32, CScalar.INT32, CScalar.UINT64, CScalar.INT32, CScalar.BOOL, CScalar.INT8,
                CScalar.INT64};
        for (int f = 0; f < names.length; f++) {
            BitField bits = abi.layoutOf(record).findField(names[f], abi::layoutOf).orElseThrow().bitField().orElseThrow();
            CScalar scalar = declared[f];
            for (Addressing addressing : Addressing.values()) {
                MethodType loadType = addressing == Addressing.ADDRESS ? MethodType.methodType(javaType(scalar), long.class)
                        : MethodType.methodType(javaType(scalar), MemorySegment.class, long.class);
                MethodHandle load = Generated.operation(loadType, (mv, data) ->
                        MemoryAccess.emitLoadBits(mv, scalar, addressing, bits.bitOffset(), bits.bitWidth()));
                MethodHandle store = Generated.operation(loadType.dropParameterTypes(0, 0).changeReturnType(void.class)
                        .appendParameterTypes(javaType(scalar)), (mv, data) ->
                        MemoryAccess.emitStoreBits(mv, scalar, addressing, bits.bitOffset(), bits.bitWidth()));
                for (int i = 0; i < 200; i++) {
                    s.set(names[f], random.nextLong());
                    Object before = addressing == Addressing.ADDRESS ? load.invoke(s.segment().address())
                            : load.invoke(s.segment(), 0L);
                    assertEquals(asValue(s.get(names[f])), before, names[f] + " load " + addressing);
                    CData snapshot = FFI.newCData("struct jit_bits");
                    FFI.copy(snapshot, s, FFI.sizeof("struct jit_bits"));
                    // A value of the declared scalar: a _Bool's is 0 or 1; wider integers are cut to the field.
                    Object value = scalar == CScalar.BOOL ? (Object) random.nextInt(2)
                            : scalar.valueType() == Type.INT_TYPE ? (Object) random.nextInt() : (Object) random.nextLong();
                    if (addressing == Addressing.ADDRESS) {
                        store.invoke(s.segment().address(), value);
                    } else {
                        store.invoke(s.segment(), 0L, value);
                    }
                    snapshot.set(names[f], value);
                    assertEquals(snapshot.segment().mismatch(s.segment()), -1L, names[f] + " store " + addressing + " of " + value);
                }
            }
        }
    }
}
