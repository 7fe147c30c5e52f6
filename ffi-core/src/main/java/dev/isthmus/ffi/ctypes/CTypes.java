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

    /** {@code _Bool}. */
    public static final SimpleType c_bool = SimpleType.C_BOOL;
    /** {@code char}, a single byte. */
    public static final SimpleType c_char = SimpleType.C_CHAR;
    /** {@code signed char}. */
    public static final SimpleType c_byte = SimpleType.C_BYTE;
    /** {@code unsigned char}. */
    public static final SimpleType c_ubyte = SimpleType.C_UBYTE;
    /** {@code short}. */
    public static final SimpleType c_short = SimpleType.C_SHORT;
    /** {@code unsigned short}. */
    public static final SimpleType c_ushort = SimpleType.C_USHORT;
    /** {@code int}; the type ctypes assumes for a function's result and for integer arguments without argtypes. */
    public static final SimpleType c_int = SimpleType.C_INT;
    /** {@code unsigned int}. */
    public static final SimpleType c_uint = SimpleType.C_UINT;
    /** {@code long}, 64 bits on LP64 Linux. */
    public static final SimpleType c_long = SimpleType.C_LONG;
    /** {@code unsigned long}, 64 bits on LP64 Linux. */
    public static final SimpleType c_ulong = SimpleType.C_ULONG;
    /** {@code long long}; the same type as {@link #c_long} on LP64 Linux, as in ctypes. */
    public static final SimpleType c_longlong = SimpleType.C_LONG;
    /** {@code unsigned long long}; the same type as {@link #c_ulong} on LP64 Linux, as in ctypes. */
    public static final SimpleType c_ulonglong = SimpleType.C_ULONG;
    /** {@code size_t}. */
    public static final SimpleType c_size_t = SimpleType.C_ULONG;
    /** {@code ssize_t}. */
    public static final SimpleType c_ssize_t = SimpleType.C_LONG;
    /** {@code int32_t}. */
    public static final SimpleType c_int32 = SimpleType.C_INT;
    /** {@code int64_t}. */
    public static final SimpleType c_int64 = SimpleType.C_LONG;
    /** {@code float}; read back as a Java {@code double}, as Python has only one float. */
    public static final SimpleType c_float = SimpleType.C_FLOAT;
    /** {@code double}. */
    public static final SimpleType c_double = SimpleType.C_DOUBLE;
    /**
     * {@code char *} as a string: a {@code String} or {@code byte[]} argument is copied for the call, a result
     * is read up to its NUL.
     */
    public static final SimpleType c_char_p = SimpleType.C_CHAR_P;
    /** {@code void *}: addresses as {@code Long} (or {@code null} for NULL), as in Python. */
    public static final SimpleType c_void_p = SimpleType.C_VOID_P;

    /** One {@code _fields_} entry: {@code ("x", c_int)}. */
    public record Member(String name, CTypeSpec type) {
    }

    /** A {@code _fields_} entry, {@code ("x", c_int)} in Python. */
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

    /** {@code POINTER(T)}: the type of pointers to {@code target}. */
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

    /** {@code create_string_buffer(size)}: {@code size} zero bytes, freed by the garbage collector. */
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

    /** {@code sizeof(T)} in bytes. */
    public static long sizeof(CTypeSpec type) {
        return type.layout().byteSize();
    }
}
