package dev.isthmus.ffi.ctypes;

import dev.isthmus.cparser.SourcePosition;
import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.layout.FieldLayout;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.RecordType;
import dev.isthmus.ffi.ForeignLayouts;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ctypes type of a {@link Structure} subclass: its {@code _fields_}, laid out by the
 * host's C rules (cparser's layout of an equivalent struct). By value it accepts an
 * instance of the class and returns a new one holding a copy.
 */
public final class StructType implements CTypeSpec {
    private static final Map<Class<?>, StructType> TYPES = new ConcurrentHashMap<>();
    private static final ForeignLayouts LAYOUTS = new ForeignLayouts(Abi.host());

    private final Class<? extends Structure> structClass;
    private final List<CTypes.Member> members;
    private final RecordType record;
    private final MemoryLayout layout;

    private StructType(Class<? extends Structure> structClass) {
        this.structClass = structClass;
        this.members = Structure.declaredFields(structClass);
        List<RecordType.Member> cMembers = new ArrayList<>();
        for (CTypes.Member m : members) {
            cMembers.add(RecordType.Member.of(m.name(), cTypeOf(m.type())));
        }
        this.record = new RecordType(RecordType.Kind.STRUCT, Optional.of(structClass.getSimpleName()), SourcePosition.BUILTIN);
        record.complete(RecordType.Body.of(cMembers), SourcePosition.BUILTIN);
        this.layout = LAYOUTS.layoutOf(record);
    }

    static StructType of(Class<? extends Structure> structClass) {
        StructType cached = TYPES.get(structClass);
        if (cached != null) {
            return cached;
        }
        StructType created = new StructType(structClass);
        StructType raced = TYPES.putIfAbsent(structClass, created);
        return raced != null ? raced : created;
    }

    static CType cTypeOf(CTypeSpec spec) {
        return switch (spec) {
            case SimpleType s -> s.cType();
            case PointerType p -> CType.pointerTo(Primitive.VOID);
            case CFuncType f -> CType.pointerTo(Primitive.VOID);
            case StructType t -> t.record;
        };
    }

    Class<? extends Structure> structClass() {
        return structClass;
    }

    @Override
    public String name() {
        return structClass.getSimpleName();
    }

    @Override
    public MemoryLayout layout() {
        return layout;
    }

    @Override
    public Object fromParam(Object value, SegmentAllocator temporaries) {
        if (structClass.isInstance(value)) {
            return ((Structure) value).segment();
        }
        throw new IllegalArgumentException("expected " + name() + " instance instead of "
                + (value == null ? "None" : value.getClass().getSimpleName()));
    }

    @Override
    public Object toJava(Object carrier) {
        try {
            Structure copy = structClass.getDeclaredConstructor().newInstance();
            copy.segment().copyFrom((MemorySegment) carrier);
            return copy;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(structClass.getName() + " needs a no-argument constructor", e);
        }
    }

    Object read(MemorySegment memory, String name) {
        CTypes.Member member = member(name);
        long offset = offset(name);
        if (member.type() instanceof StructType nested) {
            return nested.toJava(memory.asSlice(offset, nested.layout.byteSize()));
        }
        return member.type().toJava(get(memory, offset, (ValueLayout) member.type().layout()));
    }

    void write(MemorySegment memory, String name, Object value) {
        CTypes.Member member = member(name);
        long offset = offset(name);
        Object carrier = member.type().fromParam(value, (size, alignment) -> {
            throw new IllegalArgumentException("a string cannot be stored in field '" + name + "': the copy would dangle");
        });
        if (member.type() instanceof StructType nested) {
            memory.asSlice(offset, nested.layout.byteSize()).copyFrom((MemorySegment) carrier);
            return;
        }
        set(memory, offset, (ValueLayout) member.type().layout(), carrier);
    }

    /** ctypes looks members up by name on every access; so does this. */
    private CTypes.Member member(String name) {
        for (CTypes.Member m : members) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("'" + name() + "' object has no attribute '" + name + "'");
    }

    private long offset(String name) {
        for (FieldLayout f : Abi.host().layoutOf(record).fields()) {
            if (f.name().orElse("").equals(name)) {
                return f.byteOffset();
            }
        }
        throw new IllegalArgumentException("'" + name() + "' object has no attribute '" + name + "'");
    }

    private static Object get(MemorySegment memory, long offset, ValueLayout layout) {
        return switch (layout) {
            case ValueLayout.OfBoolean b -> memory.get(b, offset);
            case ValueLayout.OfByte b -> memory.get(b, offset);
            case ValueLayout.OfShort s -> memory.get(s, offset);
            case ValueLayout.OfInt i -> memory.get(i, offset);
            case ValueLayout.OfLong l -> memory.get(l, offset);
            case ValueLayout.OfFloat f -> memory.get(f, offset);
            case ValueLayout.OfDouble d -> memory.get(d, offset);
            case ValueLayout.OfChar c -> memory.get(c, offset);
            case java.lang.foreign.AddressLayout a -> memory.get(a, offset);
        };
    }

    private static void set(MemorySegment memory, long offset, ValueLayout layout, Object carrier) {
        switch (layout) {
            case ValueLayout.OfBoolean b -> memory.set(b, offset, (Boolean) carrier);
            case ValueLayout.OfByte b -> memory.set(b, offset, (Byte) carrier);
            case ValueLayout.OfShort s -> memory.set(s, offset, (Short) carrier);
            case ValueLayout.OfInt i -> memory.set(i, offset, (Integer) carrier);
            case ValueLayout.OfLong l -> memory.set(l, offset, (Long) carrier);
            case ValueLayout.OfFloat f -> memory.set(f, offset, (Float) carrier);
            case ValueLayout.OfDouble d -> memory.set(d, offset, (Double) carrier);
            case ValueLayout.OfChar c -> memory.set(c, offset, (Character) carrier);
            case java.lang.foreign.AddressLayout a -> memory.set(a, offset, (MemorySegment) carrier);
        }
    }
}
