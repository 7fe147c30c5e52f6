package dev.isthmus.ffi.ctypes;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The reflective comparison path, modelled on Python's ctypes as its users know it; the
 * names are ctypes' own so code reads like its Python original ({@code c_int},
 * {@code POINTER}, {@code byref}, {@code CFUNCTYPE}, {@code create_string_buffer}). Every
 * call converts through dynamic dispatch and {@code invokeWithArguments}: correct, and the
 * honest baseline the fast paths are measured against.
 */
public final class CTypes {
    private CTypes() {
    }

    public static final SimpleType c_bool = SimpleType.C_BOOL;
    public static final SimpleType c_char = SimpleType.C_CHAR;
    public static final SimpleType c_byte = SimpleType.C_BYTE;
    public static final SimpleType c_ubyte = SimpleType.C_UBYTE;
    public static final SimpleType c_short = SimpleType.C_SHORT;
    public static final SimpleType c_ushort = SimpleType.C_USHORT;
    public static final SimpleType c_int = SimpleType.C_INT;
    public static final SimpleType c_uint = SimpleType.C_UINT;
    public static final SimpleType c_long = SimpleType.C_LONG;
    public static final SimpleType c_ulong = SimpleType.C_ULONG;
    public static final SimpleType c_longlong = SimpleType.C_LONG;
    public static final SimpleType c_ulonglong = SimpleType.C_ULONG;
    public static final SimpleType c_size_t = SimpleType.C_ULONG;
    public static final SimpleType c_ssize_t = SimpleType.C_LONG;
    public static final SimpleType c_int32 = SimpleType.C_INT;
    public static final SimpleType c_int64 = SimpleType.C_LONG;
    public static final SimpleType c_float = SimpleType.C_FLOAT;
    public static final SimpleType c_double = SimpleType.C_DOUBLE;
    public static final SimpleType c_char_p = SimpleType.C_CHAR_P;
    public static final SimpleType c_void_p = SimpleType.C_VOID_P;

    /** One {@code _fields_} entry: {@code ("x", c_int)}. */
    public record Member(String name, CTypeSpec type) {
    }

    public static Member member(String name, CTypeSpec type) {
        return new Member(name, type);
    }

    /** The ctypes type of a {@link Structure} subclass, for argtypes and restype. */
    public static StructType struct(Class<? extends Structure> structClass) {
        return StructType.of(structClass);
    }

    /**
     * A structure type defined at run time from a name and its {@code _fields_}, as Python's
     * {@code type(name, (Structure,), {"_fields_": ...})} does; instances come from
     * {@link StructType#instantiate()}.
     */
    public static StructType struct(String name, List<Member> fields) {
        return StructType.defined(name, fields);
    }

    public static PointerType POINTER(CTypeSpec target) {
        return new PointerType(target);
    }

    /** {@code byref(obj)}: a simple value's, structure's or buffer's address. */
    public static ByRef byref(Object obj) {
        MemorySegment address = switch (obj) {
            case SimpleValue v -> v.segment();
            case Structure s -> s.segment();
            case CharBuffer b -> b.segment();
            default -> throw new IllegalArgumentException("byref() argument must be a ctypes instance, not "
                    + (obj == null ? "None" : obj.getClass().getSimpleName()));
        };
        return new ByRef(obj, address);
    }

    /** {@code CFUNCTYPE(restype, *argtypes)}; a {@code null} restype is {@code None}. */
    public static CFuncType CFUNCTYPE(CTypeSpec restype, CTypeSpec... argtypes) {
        return new CFuncType(Optional.ofNullable(restype), Arrays.asList(argtypes));
    }

    public static CharBuffer create_string_buffer(long size) {
        return new CharBuffer(size);
    }

    /** {@code create_string_buffer(init)}: the bytes of {@code init} and a NUL. */
    public static CharBuffer create_string_buffer(String init) {
        byte[] bytes = init.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        CharBuffer buffer = new CharBuffer(bytes.length + 1L);
        buffer.segment().copyFrom(MemorySegment.ofArray(bytes));
        return buffer;
    }

    public static long sizeof(CTypeSpec type) {
        return type.layout().byteSize();
    }
}
