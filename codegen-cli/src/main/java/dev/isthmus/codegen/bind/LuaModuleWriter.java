package dev.isthmus.codegen.bind;

import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.ConstantValue;
import dev.isthmus.cparser.Declaration;
import dev.isthmus.cparser.abi.IntegerArithmetic;
import dev.isthmus.cparser.layout.StructLayout;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.EnumType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.RecordType;
import dev.isthmus.cparser.type.TypeRenderer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code isthmus bind --lang lua}: a Lua module for LuaJIT's {@code ffi} library (which
 * Isthmus's Lua VM implements too) from the same parsed scope as the Java bindings. The
 * module passes one {@code ffi.cdef} the declarations of the bound headers that pass the
 * filters, and before them every struct, union and enum they use, wherever it was declared,
 * in an order where each is defined before it is needed by value; it returns a table
 * whose fields are the constants (enumerators, {@code #define} and {@code static const}
 * values) and whose other keys reach the library's functions and variables.
 *
 * <p>Types are written as the parser resolved them ({@code unsigned long} for
 * {@code size_t}): typedefs of the bound headers are declared too, so Lua code can use
 * their names, but the declarations do not depend on typedefs of other headers. An
 * anonymous struct, union or enum is defined by the first typedef that names it
 * ({@code typedef enum { ... } CURLcode;}) and called by that name afterwards.
 *
 * <p>A function-like macro whose body is a constant expression of its parameters is a
 * function of the module computing it as C does ({@link MacroExpression} written in Lua,
 * {@link LuaMacroSyntax}), as the Java bindings have a method for it; one that wraps a call
 * of a declared function ({@link MacroCall}, zlib's {@code deflateInit}) is a function
 * calling the library's. Inline functions (no symbol to call) and other function-like macros
 * are reported as not bound, with the reason; {@code #pragma pack} is written around the
 * records it applies to.
 */
final class LuaModuleWriter {
    private final CScope scope;
    private final BindOptions options;
    private final List<String> libraryNames;
    private final StringBuilder cdef = new StringBuilder();
    private final StringBuilder constants = new StringBuilder();
    private final List<String> skipped = new ArrayList<>();
    /** Constants bound with a change: a long double one is a Lua number, a double. */
    private final List<String> notes = new ArrayList<>();
    /** The first typedef naming each anonymous struct, union or enum, in the whole scope. */
    private final Map<CType, String> typedefNames;
    /** Anonymous types already defined under their typedef's name. */
    private final Map<CType, String> defined = new HashMap<>();
    private final CDeclarations declarations = new CDeclarations(defined::get);
    private final Set<CType> visited = new HashSet<>();
    private final Set<String> typedefsWritten = new HashSet<>();
    /** The functions the cdef declares, by name: what a wrapper macro may call. */
    private final Map<String, Declaration.Function> functions = new HashMap<>();
    private final Set<String> constantNames = new HashSet<>();
    /** The constants a macro's expression may name, by C name, as Lua expressions of their C values. */
    private final Map<String, MacroExpression.Typed> macroConstants = new HashMap<>();
    /** The long double constants, which a macro cannot compute with as C does. */
    private final Set<String> longDoubleConstants = new HashSet<>();
    private final StringBuilder macros = new StringBuilder();
    private int functionCount;
    private int recordCount;
    private int constantCount;

    LuaModuleWriter(CScope scope, BindOptions options, List<String> libraryNames) {
        this.scope = scope;
        this.options = options;
        this.libraryNames = List.copyOf(libraryNames);
        this.typedefNames = CDeclarations.typedefNames(scope);
    }

    BindingGenerator.Result write(String moduleName, List<FunctionMacro> functionMacros) {
        for (Declaration d : scope.declarations()) {
            if (options.headerFiles().contains(d.position().file())) {
                declare(d);
            }
        }
        // Every macro is there to be expanded in the bound ones' bodies; the filter chooses which are bound.
        Map<String, FunctionMacro> expandable = new HashMap<>();
        functionMacros.forEach(m -> expandable.put(m.name(), m));
        MacroScope names = MacroScope.forLua(scope, visited.stream().filter(t -> t instanceof RecordType)
                .map(t -> (RecordType) t).toList(), typedefNames);
        for (FunctionMacro macro : functionMacros) {
            if (!options.includes(options.includeConstant(), macro.name())) {
                continue;
            }
            String where = "macro " + macro.name() + " (" + macro.position() + "): ";
            if (constantNames.contains(macro.name()) || functions.containsKey(macro.name())) {
                skipped.add(where + "it has the name of the " + (functions.containsKey(macro.name()) ? "function " : "constant ")
                        + macro.name() + ", which the module's key of that name reaches");
                continue;
            }
            String[] whyNot = new String[1];
            Optional<MacroExpression.Translation> expression;
            try {
                expression = macro.translate(macroConstants, expandable, new IntegerArithmetic(scope.abi()), names,
                        LuaMacroSyntax.INSTANCE, why -> whyNot[0] = why);
            } catch (NotBindable e) {
                skipped.add(where + e.getMessage());
                continue;
            }
            Optional<MacroCall> call = MacroCall.of(macro, functions, scope);
            if (expression.isPresent()) {
                expressionMacro(macro, expression.get());
            } else if (call.isPresent()) {
                macro(call.get());
            } else if (macro.computesInLongDouble(longDoubleConstants)) {
                skipped.add(where + "it computes in long double, which a Lua number (a double) cannot do as C does");
            } else {
                skipped.add(where + "its body is neither a constant expression of its parameters"
                        + (whyNot[0] == null ? "" : " (" + whyNot[0] + ")") + " nor a call of a bound function with them");
            }
        }
        String text = module(moduleName);
        return new BindingGenerator.Result(Map.of(Path.of(moduleName + ".lua"), text), skipped, notes,
                functionCount, recordCount, 0, constantCount);
    }

    private void declare(Declaration d) {
        switch (d) {
            case Declaration.Function f -> {
                if (!options.includes(options.includeFunction(), f.name())) {
                    return;
                }
                if (f.isInline()) {
                    skipped.add("function " + f.name() + " (" + options.describe(f.position()) + "): an inline function has no symbol to call");
                    return;
                }
                need(f.type());
                functions.put(f.name(), f);
                cdef.append(declarations.function(f.name(), f.type(), f.parameterNames())).append(asmLabel(f.name(), f.symbol())).append(";\n");
                functionCount++;
            }
            case Declaration.Variable v -> {
                if (options.includes(options.includeVariable(), v.name())) {
                    need(v.type());
                    cdef.append("extern ").append(declarations.declare(v.type(), v.name()))
                            .append(asmLabel(v.name(), v.symbol())).append(";\n");
                }
            }
            case Declaration.Typedef t -> {
                if (options.includes(options.includeTypedef(), t.name())) {
                    typedef(t);
                }
            }
            case Declaration.Record r -> {
                if (options.includes(options.includeRecord(r.type()), r.type().tag().orElse(r.name()))) {
                    need(r.type());
                }
            }
            case Declaration.Enum e -> {
                if (e.type().isComplete() && e.type().body().constants().stream()
                        .anyMatch(c -> options.includes(options.includeConstant(), c.name()))) {
                    need(e.type());
                }
            }
            case Declaration.Constant c -> {
                if (options.includes(options.includeConstant(), c.name())) {
                    constant(c);
                }
            }
        }
    }

    private void typedef(Declaration.Typedef t) {
        CType target = BindingSet.strip(t.type());
        if (CDeclarations.isAnonymous(target) && !defined.containsKey(target)) {
            need(target);
            if (defined.containsKey(target)) {
                return;
            }
        }
        need(t.type());
        if (typedefsWritten.add(t.name())) {
            cdef.append("typedef ").append(typedefDeclaration(t)).append(";\n");
        }
    }

    /** A typedef, its function type's parameters named as the typedef named them. */
    private String typedefDeclaration(Declaration.Typedef t) {
        CType target = BindingSet.strip(t.type());
        if (target instanceof CType.Pointer p && BindingSet.strip(p.target()) instanceof CType.Function f
                && t.parameterNames().size() == f.parameterTypes().size()) {
            return declarations.function("(*" + t.name() + ")", f, t.parameterNames());
        }
        return declarations.declare(t.type(), t.name());
    }

    /** Defines, before the text that uses it, every struct, union and enum {@code type} mentions. */
    private void need(CType type) {
        switch (type) {
            case CType.Pointer p -> need(p.target());
            case CType.Reference r -> need(r.target());
            case CType.Pointer32 p -> need(p.target());
            case CType.Array a -> need(a.element());
            case CType.Function f -> {
                need(f.returnType());
                f.parameterTypes().forEach(this::need);
            }
            case CType.Qualified q -> need(q.base());
            case CType.Aligned a -> need(a.base());
            case CType.Vector v -> need(v.element());
            case RecordType r -> record(r);
            case EnumType e -> enumeration(e);
            case Primitive p -> {
                // Built into LuaJIT's ffi.
            }
        }
    }

    private void record(RecordType record) {
        if (!visited.add(record)) {
            return;
        }
        if (!record.isComplete()) {
            record.tag().ifPresent(tag -> cdef.append(record.kind().keyword()).append(' ').append(tag).append(";\n"));
            return;
        }
        record.body().members().forEach(m -> need(m.type()));
        String typedefName = typedefNames.get(record);
        if (record.tag().isEmpty() && typedefName == null) {
            return; // Written out in full where it is used: a member's anonymous type.
        }
        long pack = record.body().maxFieldAlignment();
        if (pack != 0) {
            cdef.append("#pragma pack(push, ").append(pack).append(")\n");
        }
        String definition = TypeRenderer.renderDefinitionLines(record, defined::get);
        if (hasWideBitField(record)) {
            // LuaJIT's ffi takes no bitfield of a type wider than 32 bits (lj_cparse.c, cp_decl_struct).
            StructLayout layout = scope.abi().layoutOf(record);
            definition = record.kind().keyword() + record.tag().map(t -> " " + t).orElse("") + " {\n  unsigned char opaque["
                    + layout.byteSize() + "] __attribute__((aligned(" + layout.byteAlignment() + ")));\n}";
            skipped.add(record.kind().keyword() + " " + record.tag().orElse(typedefName) + " ("
                    + options.describe(record.definitionPosition()) + "): LuaJIT's ffi has no bitfields of 64-bit types;"
                    + " declared with its size and alignment only");
        }
        if (record.tag().isPresent()) {
            cdef.append(definition).append(";\n");
        } else {
            cdef.append("typedef ").append(definition).append(' ').append(typedefName).append(";\n");
            defined.put(record, typedefName);
            typedefsWritten.add(typedefName);
        }
        if (pack != 0) {
            cdef.append("#pragma pack(pop)\n");
        }
        recordCount++;
    }

    private boolean hasWideBitField(RecordType record) {
        for (RecordType.Member m : record.body().members()) {
            CType type = BindingSet.strip(m.type());
            if (m.isBitField() && scope.abi().sizeOf(type) > 4) {
                return true;
            }
            if (m.name().isEmpty() && type instanceof RecordType inner && inner.tag().isEmpty() && inner.isComplete()
                    && hasWideBitField(inner)) {
                return true;
            }
        }
        return false;
    }

    private void enumeration(EnumType type) {
        if (!visited.add(type) || !type.isComplete()) {
            return;
        }
        String typedefName = typedefNames.get(type);
        String definition = TypeRenderer.renderDefinitionLines(type);
        if (type.tag().isEmpty() && typedefName != null) {
            cdef.append("typedef ").append(definition).append(' ').append(typedefName).append(";\n");
            defined.put(type, typedefName);
            typedefsWritten.add(typedefName);
        } else {
            cdef.append(definition).append(";\n");
        }
    }

    private static String asmLabel(String name, String symbol) {
        return symbol.equals(name) ? "" : " __asm__(\"" + symbol + "\")";
    }

    /** A constant-expression macro as a function of the module computing it as C does. */
    private void expressionMacro(FunctionMacro macro, MacroExpression.Translation translation) {
        if (macros.indexOf(LuaMacroSyntax.HELPERS) < 0) {
            macros.insert(0, LuaMacroSyntax.HELPERS);
        }
        List<String> parameters = macro.parameters().stream().map(LuaMacroSyntax::parameterName).toList();
        macros.append("\n-- #define ").append(macro.name()).append('(').append(String.join(", ", macro.parameters())).append(") ")
                .append(macro.body()).append('\n');
        translation.recordParameters().forEach((parameter, record) -> macros.append("-- ").append(LuaMacroSyntax.parameterName(parameter))
                .append(": a ").append(record).append(" cdata, or a pointer to one (the only struct or union with the members read)\n"));
        macros.append(functionHead(macro.name())).append(String.join(", ", parameters))
                .append(")\n  return ").append(translation.java()).append("\nend\n");
    }

    /** {@code function M.name(} or, for a name that is no Lua identifier, {@code M["name"] = function(}. */
    private static String functionHead(String name) {
        String key = LuaText.key(name);
        return key.startsWith("[") ? "M" + key + " = function(" : "function M." + name + "(";
    }

    /** A wrapper macro as a function of the module calling the library's function. */
    private void macro(MacroCall call) {
        FunctionMacro macro = call.macro();
        List<String> parameters = macro.parameters().stream().map(LuaText::identifierOr).toList();
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < call.arguments().size(); i++) {
            boolean isPointer = BindingSet.strip(call.function().type().parameterTypes().get(i)) instanceof CType.Pointer;
            arguments.add(switch (call.arguments().get(i)) {
                case MacroCall.Argument.Parameter(String name) -> LuaText.identifierOr(name);
                case MacroCall.Argument.Number(long value) -> isPointer && value == 0 ? "nil" : Long.toString(value);
                case MacroCall.Argument.Constant(Declaration.Constant c) -> constantNames.contains(c.name())
                        ? "M" + (LuaText.key(c.name()).startsWith("[") ? LuaText.key(c.name()) : "." + c.name())
                        : luaValue(c.value());
            });
        }
        macros.append("\n-- #define ").append(macro.name()).append('(').append(String.join(", ", macro.parameters())).append(") ")
                .append(macro.body()).append("\nfunction M.").append(LuaText.identifierOr(macro.name())).append('(')
                .append(String.join(", ", parameters)).append(")\n  return lib.").append(call.function().name()).append('(')
                .append(String.join(", ", arguments)).append(")\nend\n");
    }

    private String luaValue(ConstantValue value) {
        return switch (value) {
            case ConstantValue.IntegerValue i -> integer(i);
            case ConstantValue.FloatingValue f -> floating(f.value());
            case ConstantValue.StringValue s -> LuaText.string(s.bytes());
        };
    }

    private void constant(Declaration.Constant c) {
        String value = luaValue(c.value());
        if (c.value().type() == Primitive.LONG_DOUBLE && scope.abi().sizeOf(Primitive.LONG_DOUBLE) > 8) {
            notes.add("constant " + c.name() + " (" + options.describe(c.position()) + "): long double, bound as the number"
                    + " (a double) nearest its value computed in double precision");
        }
        constants.append("  ").append(LuaText.key(c.name())).append(" = ").append(value).append(",\n");
        constantNames.add(c.name());
        constantCount++;
        String field = "M" + (LuaText.key(c.name()).startsWith("[") ? LuaText.key(c.name()) : "." + c.name());
        switch (c.value()) {
            case ConstantValue.IntegerValue i -> macroConstants.put(c.name(), new MacroExpression.Typed("i64(" + field + ")",
                    MacroExpression.Kind.LONG, i.type()));
            case ConstantValue.FloatingValue f when f.type() == Primitive.FLOAT || f.type() == Primitive.DOUBLE ->
                    macroConstants.put(c.name(), new MacroExpression.Typed(field, f.type() == Primitive.FLOAT
                            ? MacroExpression.Kind.FLOAT : MacroExpression.Kind.DOUBLE, f.type()));
            case ConstantValue.FloatingValue f -> longDoubleConstants.add(c.name());
            case ConstantValue.StringValue s -> {
            }
        }
    }

    /** A Lua number when it is exact as a double; else LuaJIT's 64-bit integer literal (a cdata). */
    private String integer(ConstantValue.IntegerValue i) {
        boolean unsigned = i.type().isUnsigned() && scope.abi().sizeOf(i.type()) == 8;
        long bits = i.bits();
        boolean exact = unsigned ? bits >= 0 && bits <= 1L << 53 : Math.abs(bits) <= 1L << 53 && bits != Long.MIN_VALUE;
        if (exact) {
            return Long.toString(bits);
        }
        return unsigned ? "0x" + Long.toHexString(bits) + "ULL" : bits == Long.MIN_VALUE ? "(-0x7fffffffffffffffLL - 1)" : bits + "LL";
    }

    private static String floating(double value) {
        if (Double.isNaN(value)) {
            return "0 / 0";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "1 / 0" : "-1 / 0";
        }
        return Double.toString(value);
    }

    private String module(String moduleName) {
        String headers = String.join(", ", options.headerNames().values().stream().sorted().toList());
        String body = cdef.toString();
        String level = "=";
        while (body.contains("]" + level + "]")) {
            level += "=";
        }
        StringBuilder lua = new StringBuilder()
                .append("-- Bindings for ").append(headers).append(", for ").append(scope.abi().name())
                .append(", generated by isthmus bind.\n")
                .append("-- local ").append(LuaText.identifierOr(moduleName)).append(" = require(\"").append(moduleName)
                .append("\"): its fields are the constants; its other keys are the\n")
                .append("-- library's functions and variables, as LuaJIT's ffi declares them below.\n")
                .append("local ffi = require(\"ffi\")\n\n")
                .append("ffi.cdef[").append(level).append("[\n").append(body).append("]").append(level).append("]\n\n");
        if (libraryNames.isEmpty()) {
            lua.append("local lib = ffi.C\n");
        } else {
            lua.append("-- The first of these names that loads: the development package's, then the versioned ones.\n")
                    .append("local lib\nfor _, name in ipairs({ ")
                    .append(String.join(", ", libraryNames.stream().map(n -> LuaText.string(n.getBytes(StandardCharsets.UTF_8))).toList()))
                    .append(" }) do\n  local ok, loaded = pcall(ffi.load, name)\n  if ok then\n    lib = loaded\n    break\n  end\nend\n")
                    .append("if not lib then\n  error(\"cannot load ").append(libraryNames.getFirst().replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\", 2)\nend\n");
        }
        return lua.append("\nlocal M = setmetatable({\n").append(constants).append("}, { __index = lib })\n")
                .append(macros).append("\nreturn M\n").toString();
    }
}
