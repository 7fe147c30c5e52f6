package dev.isthmus.cparser.parse;

import dev.isthmus.cparser.CDiagnostic;
import dev.isthmus.cparser.CErrorKind;
import dev.isthmus.cparser.Declaration;
import dev.isthmus.cparser.DeclarationRules;
import dev.isthmus.cparser.SourcePosition;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.EnumType;
import dev.isthmus.cparser.type.RecordType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The file-scope name spaces of C (C11 6.2.3): tags, and ordinary identifiers (typedefs,
 * functions, variables, constants), with the redefinition rules: the same meaning again is
 * accepted, another meaning is a diagnostic naming the first place.
 *
 * <p>Every declaration is also appended to an ordered list, which is what tools walk.
 *
 * <p>Changes can be undone as a whole ({@link #beginUndoable}, {@link #undo}): the names
 * added or replaced since are restored. A type completed meanwhile stays complete, as a
 * type's body is set once; LuaJIT's restore after a failed {@code ffi.cdef} (which resets
 * its type table's top and hash) likewise keeps a forward-declared struct it completed.
 */
public final class SymbolTable {
    private final DeclarationRules rules;
    private final Map<String, RecordType> structs = new HashMap<>();
    private final Map<String, RecordType> unions = new HashMap<>();
    private final Map<String, EnumType> enums = new HashMap<>();
    private final Map<String, Declaration> ordinary = new HashMap<>();
    private final List<Declaration> declarations = new ArrayList<>();
    /** How to undo each change since {@link #beginUndoable}, oldest first; null when not recording. */
    private List<Runnable> undoLog;

    public SymbolTable(DeclarationRules rules) {
        this.rules = rules;
    }

    DeclarationRules rules() {
        return rules;
    }

    /** Starts recording changes for {@link #undo}; one recording at a time. */
    public void beginUndoable() {
        if (undoLog != null) {
            throw new IllegalStateException("changes are already being recorded");
        }
        undoLog = new ArrayList<>();
    }

    /** Keeps the changes since {@link #beginUndoable} and stops recording. */
    public void keepChanges() {
        undoLog = null;
    }

    /** Undoes the changes since {@link #beginUndoable}, newest first, and stops recording. */
    public void undo() {
        List<Runnable> log = undoLog;
        undoLog = null;
        for (int i = log.size() - 1; i >= 0; i--) {
            log.get(i).run();
        }
    }

    private <T> void put(Map<String, T> map, String name, T value) {
        T previous = map.put(name, value);
        if (undoLog != null) {
            undoLog.add(previous == null ? () -> map.remove(name) : () -> map.put(name, previous));
        }
    }

    private void append(Declaration declaration) {
        declarations.add(declaration);
        if (undoLog != null) {
            undoLog.add(declarations::removeLast);
        }
    }

    private void replace(int index, Declaration declaration) {
        Declaration previous = declarations.set(index, declaration);
        if (undoLog != null) {
            undoLog.add(() -> declarations.set(index, previous));
        }
    }

    public Optional<RecordType> struct(String tag) {
        return Optional.ofNullable(structs.get(tag));
    }

    public Optional<RecordType> union(String tag) {
        return Optional.ofNullable(unions.get(tag));
    }

    public Optional<EnumType> enumType(String tag) {
        return Optional.ofNullable(enums.get(tag));
    }

    /** The typedef, function, variable or constant a name denotes. */
    public Optional<Declaration> ordinary(String name) {
        return Optional.ofNullable(ordinary.get(name));
    }

    public boolean isTypedefName(String name) {
        return ordinary.get(name) instanceof Declaration.Typedef;
    }

    public Optional<CType> typedef(String name) {
        return ordinary.get(name) instanceof Declaration.Typedef t ? Optional.of(t.type()) : Optional.empty();
    }

    public List<Declaration> declarations() {
        return List.copyOf(declarations);
    }

    int declarationCount() {
        return declarations.size();
    }

    List<Declaration> declarationsFrom(int start) {
        return List.copyOf(declarations.subList(start, declarations.size()));
    }

    /**
     * The struct or union with this tag, created incomplete at {@code where} if the tag is
     * new. A tag of the other kind is a {@link CErrorKind#TAG_KIND_MISMATCH}.
     */
    RecordType recordTag(RecordType.Kind kind, String tag, SourcePosition where) {
        Map<String, RecordType> mine = kind == RecordType.Kind.STRUCT ? structs : unions;
        RecordType existing = mine.get(tag);
        if (existing != null) {
            return existing;
        }
        checkTagKind(tag, kind == RecordType.Kind.STRUCT ? unions.get(tag) : structs.get(tag), where);
        checkTagKind(tag, enums.get(tag), where);
        RecordType created = new RecordType(kind, Optional.of(tag), where);
        put(mine, tag, created);
        append(new Declaration.Record(kind.keyword() + " " + tag, created, where));
        return created;
    }

    EnumType enumTag(String tag, SourcePosition where) {
        EnumType existing = enums.get(tag);
        if (existing != null) {
            return existing;
        }
        checkTagKind(tag, structs.get(tag), where);
        checkTagKind(tag, unions.get(tag), where);
        EnumType created = new EnumType(Optional.of(tag), where);
        put(enums, tag, created);
        return created;
    }

    private static void checkTagKind(String tag, CType other, SourcePosition where) {
        if (other != null) {
            SourcePosition first = switch (other) {
                case RecordType r -> r.position();
                case EnumType e -> e.position();
                default -> throw new AssertionError(other);
            };
            throw new DeclarationException(new CDiagnostic(CErrorKind.TAG_KIND_MISMATCH, where, tag,
                    CErrorKind.TAG_KIND_MISMATCH.format(tag, first)));
        }
    }

    /** Declares a compiler builtin typedef, which is not listed among the declarations. */
    void predeclare(Declaration.Typedef typedef) {
        put(ordinary, typedef.name(), typedef);
    }

    /** Records that an enum got its body, so tools see it in source order. */
    void enumDefined(EnumType type, SourcePosition where) {
        append(new Declaration.Enum("enum " + type.tag().orElseThrow(), type, where));
    }

    /**
     * Declares an ordinary identifier. An identical redeclaration is accepted (a function or
     * variable redeclared with a compatible type keeps the first); anything else is a
     * {@link CErrorKind#REDEFINITION} or {@link CErrorKind#CONFLICTING_TYPES}, except that
     * under {@link DeclarationRules#LUAJIT} a typedef, function or variable keeps its first
     * declaration silently.
     */
    void declare(Declaration declaration, String token) {
        Declaration previous = ordinary.get(declaration.name());
        if (previous == null) {
            put(ordinary, declaration.name(), declaration);
            append(declaration);
            return;
        }
        if (isSameMeaning(previous, declaration)) {
            return;
        }
        if (isLaterAsmLabel(previous, declaration)) {
            // GCC lets a redeclaration name the symbol (glibc: fscanf redeclared as __isoc99_fscanf).
            put(ordinary, declaration.name(), declaration);
            replace(declarations.indexOf(previous), declaration);
            return;
        }
        if (rules == DeclarationRules.LUAJIT && !(previous instanceof Declaration.Constant)
                && !(declaration instanceof Declaration.Constant)) {
            return;
        }
        CErrorKind kind = previous.getClass() == declaration.getClass()
                && !(declaration instanceof Declaration.Typedef) && !(declaration instanceof Declaration.Constant)
                ? CErrorKind.CONFLICTING_TYPES : CErrorKind.REDEFINITION;
        throw new DeclarationException(new CDiagnostic(kind, declaration.position(), token,
                kind.format(declaration.name(), previous.position())));
    }

    private static boolean isLaterAsmLabel(Declaration previous, Declaration next) {
        if (previous instanceof Declaration.Function p && next instanceof Declaration.Function n) {
            return !n.symbol().equals(n.name()) && TypeCompatibility.areCompatible(p.type(), n.type());
        }
        if (previous instanceof Declaration.Variable p && next instanceof Declaration.Variable n) {
            return !n.symbol().equals(n.name()) && TypeCompatibility.areCompatible(p.type(), n.type());
        }
        return false;
    }

    private static boolean isSameMeaning(Declaration previous, Declaration next) {
        return switch (previous) {
            case Declaration.Typedef p -> next instanceof Declaration.Typedef n && p.type().equals(n.type());
            case Declaration.Function p -> next instanceof Declaration.Function n
                    && TypeCompatibility.areCompatible(p.type(), n.type())
                    && (p.symbol().equals(n.symbol()) || n.symbol().equals(n.name()));
            case Declaration.Variable p -> next instanceof Declaration.Variable n
                    && TypeCompatibility.areCompatible(p.type(), n.type());
            case Declaration.Constant p -> next instanceof Declaration.Constant n && p.value().equals(n.value());
            case Declaration.Record p -> false;
            case Declaration.Enum p -> false;
        };
    }
}
