package dev.isthmus.cparser.layout;

import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.RecordType;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a struct's or union's members live under one ABI: total size and alignment
 * (trailing padding included), and one {@link FieldLayout} per declared member in
 * declaration order, unnamed bitfields included. Anonymous struct and union members
 * appear as one field whose type is the anonymous record; {@link #findField} looks
 * through them as C name lookup does (C11 6.7.2.1p13).
 */
public record StructLayout(RecordType type, long byteSize, long byteAlignment, List<FieldLayout> fields) {
    public StructLayout {
        Objects.requireNonNull(type, "type");
        fields = List.copyOf(fields);
    }

    /**
     * The named member, looking into anonymous members; the returned layout's offsets are
     * relative to this struct's start.
     */
    public Optional<FieldLayout> findField(String name, java.util.function.Function<RecordType, StructLayout> layouts) {
        for (FieldLayout field : fields) {
            if (field.name().isPresent()) {
                if (field.name().get().equals(name)) {
                    return Optional.of(field);
                }
            } else if (CType.unqualified(field.type()) instanceof RecordType anonymous && anonymous.isComplete()) {
                Optional<FieldLayout> inner = layouts.apply(anonymous).findField(name, layouts);
                if (inner.isPresent()) {
                    FieldLayout found = inner.get().shiftedBy(field.byteOffset());
                    // A member of a const anonymous member is const (C11 6.7.3p5, and LuaJIT's lookup).
                    if (field.type() instanceof CType.Qualified q) {
                        found = new FieldLayout(found.name(), CType.qualified(found.type(), q.isConst(), q.isVolatile(), false),
                                found.byteOffset(), found.bitField());
                    }
                    return Optional.of(found);
                }
            }
        }
        return Optional.empty();
    }
}
