package dev.isthmus.ffi.ctypes;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.reflect.Field;
import java.util.List;

/**
 * ctypes' {@code Structure}: a subclass declares its members in a static field named
 * {@code _fields_}, the way Python code writes {@code _fields_ = [("x", c_int), ...]}:
 *
 * <pre>{@code
 * public static final class Point extends Structure {
 *     public static final List<CTypes.Member> _fields_ = List.of(CTypes.member("x", c_int), CTypes.member("y", c_int));
 * }
 * }</pre>
 *
 * The class's {@code _fields_} is found by reflection and the layout computed once per
 * class (by the platform's C rules, through cparser). Members are read and written by name,
 * looked up on every access as ctypes' descriptors do.
 */
public abstract class Structure {
    private final StructType type;
    private final MemorySegment memory;

    /** A zero-filled instance of the subclass's layout, freed by the garbage collector. */
    protected Structure() {
        this.type = StructType.of(getClass());
        this.memory = Arena.ofAuto().allocate(type.layout());
    }

    private Structure(StructType type) {
        this.type = type;
        this.memory = Arena.ofAuto().allocate(type.layout());
    }

    /** An instance of a structure type defined at run time, which has no Java class of its own. */
    static final class Instance extends Structure {
        Instance(StructType type) {
            super(type);
        }
    }

    /** The member's value, converted as its ctypes type returns values. */
    public Object get(String name) {
        return type.read(memory, name);
    }

    /** Stores into the member {@code name}, converted as its ctypes type's {@code from_param} does. */
    public void set(String name, Object value) {
        type.write(memory, name, value);
    }

    /** The instance's memory, to pass where a pointer to it is expected. */
    public MemorySegment segment() {
        return memory;
    }

    /** This structure's ctypes type. */
    public StructType structType() {
        return type;
    }

    /** The {@code _fields_} a structure class declares, read by reflection. */
    @SuppressWarnings("unchecked")
    static List<CTypes.Member> declaredFields(Class<? extends Structure> structClass) {
        try {
            Field field = structClass.getDeclaredField("_fields_");
            field.setAccessible(true);
            return (List<CTypes.Member>) field.get(null);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException(structClass.getName() + " must declare static List<CTypes.Member> _fields_", e);
        }
    }
}
