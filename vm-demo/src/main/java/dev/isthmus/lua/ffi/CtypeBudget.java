package dev.isthmus.lua.ffi;

import dev.isthmus.cparser.Declaration;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.EnumType;
import dev.isthmus.cparser.type.RecordType;
import dev.isthmus.lua.runtime.LuaError;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Consumer;

/**
 * LuaJIT's limit on C types: its type table holds 65536 entries (lj_ctype.h, CTID_MAX), a
 * struct, union or enum taking one entry and one per member, constant and declaration, and
 * the table never shrinks. A script that creates types without end (an anonymous
 * {@code struct {}} per call) gets LuaJIT's "table overflow" error here too, rather than
 * growing until the JVM gives up. Types are counted once, when first seen; each complete
 * struct or union first seen is also handed to a check (LuaJIT's size limit), so a
 * declaration is refused wherever in it such a record sits.
 */
final class CtypeBudget {
    private static final int MAX_CTYPES = 65536;
    /** The entries LuaJIT's table holds before a script declares anything. */
    private static final int BUILTIN_CTYPES = 96;

    private final Set<CType> counted = Collections.newSetFromMap(new WeakHashMap<>());
    private int used = BUILTIN_CTYPES;
    private final Consumer<RecordType> checkNewRecord;

    CtypeBudget(Consumer<RecordType> checkNewRecord) {
        this.checkNewRecord = checkNewRecord;
    }

    /** Counts the struct, union and enum types in {@code type} not counted before. */
    void count(CType type) {
        switch (type) {
            case RecordType r -> {
                if (counted.add(r)) {
                    charge(1);
                    if (r.isComplete()) {
                        checkNewRecord.accept(r);
                        charge(r.body().constants().size());
                        r.body().members().forEach(m -> {
                            charge(1);
                            count(m.type());
                        });
                    }
                }
            }
            case EnumType e -> {
                if (counted.add(e)) {
                    charge(1 + (e.isComplete() ? e.body().constants().size() : 0));
                }
            }
            case CType.Pointer p -> count(p.target());
            case CType.Reference r -> count(r.target());
            case CType.Pointer32 p -> count(p.target());
            case CType.Array a -> count(a.element());
            case CType.Qualified q -> count(q.base());
            case CType.Aligned a -> count(a.base());
            case CType.Function f -> {
                count(f.returnType());
                f.parameterTypes().forEach(this::count);
            }
            default -> {
            }
        }
    }

    /** Counts a declaration made by {@code ffi.cdef} and the types it brings. */
    void count(Declaration declaration) {
        charge(1);
        switch (declaration) {
            case Declaration.Typedef t -> count(t.type());
            case Declaration.Function f -> count(f.type());
            case Declaration.Variable v -> count(v.type());
            case Declaration.Record r -> count(r.type());
            case Declaration.Enum e -> count(e.type());
            case Declaration.Constant c -> {
            }
        }
    }

    /** LuaJIT raises this without a position, as a table grown too far does. */
    private void charge(int entries) {
        used += entries;
        if (used > MAX_CTYPES) {
            used = MAX_CTYPES;
            throw new LuaError(dev.isthmus.lua.runtime.LuaString.of("table overflow"));
        }
    }
}
