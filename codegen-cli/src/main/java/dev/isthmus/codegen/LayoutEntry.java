package dev.isthmus.codegen;

import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.Declaration;
import dev.isthmus.cparser.SourcePosition;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.EnumType;
import dev.isthmus.cparser.type.RecordType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One type {@code cdecl} reports: a named struct, union or enum, or a typedef naming one.
 * {@code name} is a C spelling that compiles inside {@code sizeof(...)}; {@code typedefOf}
 * is the tagged type a typedef names, empty for tags and for typedefs of anonymous types;
 * {@code position} is where it was declared.
 */
record LayoutEntry(String name, String kind, CType type, Optional<String> typedefOf, SourcePosition position) {

    /** The entries of a scope in declaration order, filtered by {@code only} (a regex found in the name). */
    static List<LayoutEntry> collect(CScope scope, Optional<Pattern> only) {
        List<LayoutEntry> entries = new ArrayList<>();
        for (Declaration d : scope.declarations()) {
            Optional<LayoutEntry> entry = switch (d) {
                case Declaration.Record r -> Optional.of(new LayoutEntry(r.name(), r.type().kind().keyword(), r.type(), Optional.empty(),
                        r.position()));
                case Declaration.Enum e -> Optional.of(new LayoutEntry(e.name(), "enum", e.type(), Optional.empty(), e.position()));
                case Declaration.Typedef t -> typedefEntry(t);
                default -> Optional.empty();
            };
            entry.filter(e -> only.isEmpty() || only.get().matcher(e.name()).find()).ifPresent(entries::add);
        }
        return entries;
    }

    private static Optional<LayoutEntry> typedefEntry(Declaration.Typedef t) {
        CType named = CType.unqualified(t.type());
        return switch (named) {
            case RecordType r -> Optional.of(new LayoutEntry(t.name(), r.kind().keyword(), r,
                    r.tag().map(tag -> r.kind().keyword() + " " + tag), t.position()));
            case EnumType e -> Optional.of(new LayoutEntry(t.name(), "enum", e, e.tag().map(tag -> "enum " + tag), t.position()));
            default -> Optional.empty();
        };
    }

    boolean isComplete() {
        return switch (type) {
            case RecordType r -> r.isComplete();
            case EnumType e -> e.isComplete();
            default -> true;
        };
    }
}
