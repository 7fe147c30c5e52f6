package dev.isthmus.ffi.ctypes;

import dev.isthmus.cparser.SourcePosition;
import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.layout.FieldLayout;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.RecordType;
import dev.isthmus.ffi.CarrierAccess;
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

    /** The Java class declaring the fields, or null for a type defined at run time ({@link CTypes#struct(String, List)}). */
    private final Class<? extends Structure> structClass;
    private final String name;
    private final List<CTypes.Member> members;
    private final RecordType record;
    private final MemoryLayout layout;

    private StructType(String name, Class<? extends Structure> structClass, List<CTypes.Member> members) {
        this.structClass = structClass;
        this.name = name;
        this.members = List.copyOf(members);
        List<RecordType.Member> cMembers = new ArrayList<>();
        for (CTypes.Member m : members) {
            cMembers.add(RecordType.Member.of(m.name(), cTypeOf(m.type())));
        }
        this.record = new RecordType(RecordType.Kind.STRUCT, Optional.of(name), SourcePosition.BUILTIN);
        record.complete(RecordType.Body.of(cMembers), SourcePosition.BUILTIN);
        this.layout = LAYOUTS.layoutOf(record);
    }

    static StructType of(Class<? extends Structure> structClass) {
        StructType cached = TYPES.get(structClass);
        if (cached != null) {
            return cached;
        }
        StructType created = new StructType(structClass.getSimpleName(), structClass, Structure.declaredFields(structClass));
        StructType raced = TYPES.putIfAbsent(structClass, created);
        return raced != null ? raced : created;
    }

    /** A structure type defined at run time, as a dynamic language defines one: a name and its fields. */
    static StructType defined(String name, List<CTypes.Member> members) {
        return new StructType(name, null, members);
    }

    /** A new zero-filled instance of this type. */
    public Structure instantiate() {
        if (structClass == null) {
            return new Structure.Instance(this);
        }
        try {
            return structClass.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(structClass.getName() + " needs a no-argument constructor", e);
        }
    }

    /** The field names in declaration order. */
    public List<String> fieldNames() {
        return members.stream().map(CTypes.Member::name).toList();
    }

    static CType cTypeOf(CTypeSpec spec) {
        return switch (spec) {
            case SimpleType s -> s.cType();
            case PointerType p -> CType.pointerTo(Primitive.VOID);
            case CFuncType f -> CType.pointerTo(Primitive.VOID);
            case StructType t -> t.record;
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public MemoryLayout layout() {
        return layout;
    }

    @Override
    public Object fromParam(Object value, SegmentAllocator temporaries) {
        if (value instanceof Structure s && s.structType() == this) {
            return s.segment();
        }
        throw new IllegalArgumentException("expected " + name() + " instance instead of "
                + (value == null ? "None" : value.getClass().getSimpleName()));
    }

    @Override
    public Object toJava(Object carrier) {
        Structure copy = instantiate();
        copy.segment().copyFrom((MemorySegment) carrier);
        return copy;
    }

    Object read(MemorySegment memory, String name) {
        CTypes.Member member = member(name);
        long offset = offset(name);
        if (member.type() instanceof StructType nested) {
            return nested.toJava(memory.asSlice(offset, nested.layout.byteSize()));
        }
        return member.type().toJava(CarrierAccess.get(memory, offset, (ValueLayout) member.type().layout()));
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
        CarrierAccess.set(memory, offset, (ValueLayout) member.type().layout(), carrier);
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
}
