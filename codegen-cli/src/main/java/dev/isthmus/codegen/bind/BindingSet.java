package dev.isthmus.codegen.bind;

import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.Declaration;
import dev.isthmus.cparser.SourcePosition;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.EnumType;
import dev.isthmus.cparser.type.RecordType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses what a binding contains: the declarations made in the bound headers that pass
 * the filters (functions, callback typedefs and function pointer parameters, constants and
 * enumerators), and every struct or union they need: by value, through a function's
 * pointer parameter or result ({@code stat}'s {@code struct stat *}), in fields, or behind
 * their own typedef, wherever it was declared. Names each record's class: after the typedef that names it in the headers when
 * there is one ({@code typedef struct z_stream_s z_stream} is {@code ZStream}), else after its tag.
 */
final class BindingSet {
    /** A function pointer type to bind as an interface: a typedef, or a parameter's own type. */
    record Callback(String name, CType.Function type, List<Optional<String>> parameterNames, String declaration,
                    SourcePosition position) {
        Callback {
            parameterNames = List.copyOf(parameterNames);
        }
    }

    final List<Declaration.Function> functions = new ArrayList<>();
    final List<Declaration.Variable> variables = new ArrayList<>();
    final List<Declaration.Constant> constants = new ArrayList<>();
    final List<Callback> callbacks = new ArrayList<>();
    final Map<RecordType, String> records = new LinkedHashMap<>();
    /** Complete enums of the bound headers, with their C names (tag, or the typedef naming an anonymous one). */
    final Map<EnumType, String> enums = new LinkedHashMap<>();
    final List<String> skipped = new ArrayList<>();
    /** What was bound with a change the user should know of (a long double constant rounded to a double). */
    final List<String> notes = new ArrayList<>();
    final JavaNames names = new JavaNames();
    final CDeclarations declarations;

    private BindingSet(CDeclarations declarations) {
        this.declarations = declarations;
    }

    static BindingSet choose(CScope scope, BindOptions options) {
        BindingSet set = new BindingSet(CDeclarations.of(scope));
        set.names.reserve(options.headerClass());
        Map<RecordType, String> typedefNames = new LinkedHashMap<>();
        for (Declaration d : scope.declarations()) {
            if (!options.headerFiles().contains(d.position().file())) {
                continue;
            }
            switch (d) {
                case Declaration.Function f -> {
                    if (options.includes(options.includeFunction(), f.name())) {
                        set.functions.add(f);
                    }
                }
                case Declaration.Variable v -> {
                    if (options.includes(options.includeVariable(), v.name())) {
                        set.variables.add(v);
                    }
                }
                case Declaration.Constant c -> {
                    if (options.includes(options.includeConstant(), c.name())) {
                        set.constants.add(c);
                    }
                }
                case Declaration.Typedef t -> {
                    CType target = strip(t.type());
                    if (target instanceof CType.Pointer p && strip(p.target()) instanceof CType.Function fn) {
                        if (options.includes(options.includeTypedef(), t.name())) {
                            set.callbacks.add(new Callback(t.name(), fn, t.parameterNames(),
                                    "typedef " + set.declarations.declare(t.type(), t.name()), t.position()));
                        }
                    } else if (target instanceof EnumType e && e.isComplete() && e.tag().isEmpty()
                            && options.includes(options.includeTypedef(), t.name())) {
                        set.enums.putIfAbsent(e, t.name());
                    } else if (target instanceof RecordType r) {
                        typedefNames.putIfAbsent(r, t.name());
                        // A typedef naming a record is selected by its name, as a typedef or as the record.
                        if (r.isComplete() && (options.includes(options.includeTypedef(), t.name())
                                || options.includeRecord(r).map(p -> p.matcher(t.name()).find()).orElse(false))) {
                            set.need(r, t.name());
                        }
                    }
                }
                case Declaration.Record r -> {
                    if (r.type().isComplete() && options.includes(options.includeRecord(r.type()), r.type().tag().orElse(r.name()))) {
                        set.need(r.type(), r.type().tag().orElse(r.name()));
                    }
                }
                case Declaration.Enum e -> {
                    // Its enumerators arrive as constants too; the type is also a Java enum with --java-enums.
                    // With filters, a Java enum is made for an enum one of whose constants is bound.
                    e.type().tag().filter(tag -> e.type().isComplete() && e.type().body().constants().stream()
                                    .anyMatch(c -> options.includes(options.includeConstant(), c.name())))
                            .ifPresent(tag -> set.enums.putIfAbsent(e.type(), tag));
                }
            }
        }
        for (Declaration.Function f : set.functions) {
            set.needAll(f.type());
            set.parameterCallbacks(f);
        }
        for (Map.Entry<RecordType, String> e : List.copyOf(set.records.entrySet())) {
            set.memberCallbacks(e.getKey(), typedefNames.getOrDefault(e.getKey(), e.getValue()));
        }
        for (Callback c : List.copyOf(set.callbacks)) {
            set.needAll(c.type());
        }
        for (Declaration.Variable v : set.variables) {
            set.needAll(v.type());
        }
        // Name classes: a typedef's name wins over the tag.
        for (Map.Entry<RecordType, String> e : set.records.entrySet()) {
            set.names.nameRecord(e.getKey(), typedefNames.getOrDefault(e.getKey(), e.getValue()));
        }
        return set;
    }

    /**
     * An interface for each function pointer parameter whose type no bound typedef names
     * ({@code sqlite3_exec}'s {@code int (*callback)(void *, int, char **, char **)} is
     * {@code Sqlite3ExecCallback}).
     */
    private void parameterCallbacks(Declaration.Function f) {
        List<CType> parameters = f.type().parameterTypes();
        for (int i = 0; i < parameters.size(); i++) {
            if (strip(parameters.get(i)) instanceof CType.Pointer p && strip(p.target()) instanceof CType.Function fn
                    && callbacks.stream().noneMatch(c -> c.type().equals(fn))) {
                String parameter = f.parameterNames().get(i).orElse("arg" + i);
                List<Optional<String>> names = f.callbackParameterNames().get(i);
                callbacks.add(new Callback(f.name() + "_" + parameter, fn, names.size() == fn.parameterTypes().size() ? names : List.of(),
                        declarations.declare(parameters.get(i), parameter) + ", a parameter of " + f.name(), f.position()));
            }
        }
    }

    /**
     * An interface for each function pointer member whose type no bound typedef or
     * parameter names ({@code struct shape_ops}'s {@code double (*area)(const struct shape *)}
     * is {@code ShapeOpsArea}), members of anonymous members included.
     */
    private void memberCallbacks(RecordType record, String cName) {
        for (RecordType.Member m : record.body().members()) {
            CType t = strip(m.type());
            if (m.name().isEmpty() && t instanceof RecordType inner && inner.tag().isEmpty() && inner.isComplete()) {
                memberCallbacks(inner, cName);
            } else if (m.name().isPresent() && t instanceof CType.Pointer p && strip(p.target()) instanceof CType.Function fn
                    && callbacks.stream().noneMatch(c -> c.type().equals(fn))) {
                List<Optional<String>> names = m.spelling().parameterNames();
                callbacks.add(new Callback(cName + "_" + m.name().get(), fn,
                        names.size() == fn.parameterTypes().size() ? names : List.of(),
                        declarations.declare(m.type(), m.name().get()) + ", a member of " + cName, record.definitionPosition()));
            }
        }
    }

    private void need(RecordType record, String cName) {
        // A va_list's struct is the ABI's private state of a variadic call: it has no class.
        if (!record.isComplete() || records.containsKey(record) || record.isVaList()) {
            return;
        }
        records.put(record, cName);
        needMembers(record, cName);
    }

    /** Records a record's members hold; an anonymous member's own members count as the record's. */
    private void needMembers(RecordType record, String cName) {
        for (RecordType.Member m : record.body().members()) {
            CType t = strip(m.type());
            if (m.name().isEmpty() && t instanceof RecordType inner && inner.tag().isEmpty()) {
                if (inner.isComplete()) {
                    needMembers(inner, cName);
                }
            } else if (t instanceof RecordType inner && inner.tag().isEmpty()) {
                need(inner, cName + "_" + m.name().orElse(""));
            } else if (t instanceof CType.Pointer p && strip(p.target()) instanceof RecordType target && target.tag().isPresent()) {
                // A typed member (struct node *next) reads as its target's class: that class is needed.
                need(target, target.tag().get());
            } else {
                needByValue(t);
            }
        }
    }

    /** Records a function type passes or returns, by value or through a pointer ({@code stat}'s {@code struct stat *}). */
    private void needAll(CType type) {
        CType t = strip(type);
        if (t instanceof CType.Function f) {
            needThroughPointer(f.returnType());
            f.parameterTypes().forEach(this::needThroughPointer);
        } else {
            needThroughPointer(t);
        }
    }

    private void needThroughPointer(CType type) {
        if (strip(type) instanceof CType.Pointer p && strip(p.target()) instanceof RecordType r) {
            need(r, r.tag().orElse(r.isUnion() ? "union" : "struct"));
        } else {
            needByValue(type);
        }
    }

    private void needByValue(CType type) {
        CType t = strip(type);
        if (t instanceof CType.Array a) {
            needByValue(a.element());
        } else if (t instanceof RecordType r) {
            need(r, r.tag().orElse(r.isUnion() ? "union" : "struct"));
        }
    }

    static CType strip(CType type) {
        return switch (type) {
            case CType.Qualified q -> strip(q.base());
            case CType.Aligned a -> strip(a.base());
            default -> type;
        };
    }

    static boolean isEnum(CType type) {
        return strip(type) instanceof EnumType;
    }
}
