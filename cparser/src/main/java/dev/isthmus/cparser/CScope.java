package dev.isthmus.cparser;

import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.parse.BuiltinTypes;
import dev.isthmus.cparser.parse.DeclarationParser;
import dev.isthmus.cparser.parse.SymbolTable;
import dev.isthmus.cparser.parse.TokenFeed;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.EnumType;
import dev.isthmus.cparser.type.RecordType;

import java.util.List;
import java.util.Optional;

/**
 * Everything declared so far, growing across calls like repeated {@code ffi.cdef}:
 * typedefs, struct/union/enum tags, functions, variables and named constants, under one
 * {@link Abi} (which constant expressions such as {@code sizeof(long)} depend on).
 *
 * <p>Redeclaring a name with the same meaning is accepted; with a different meaning it is
 * a {@link CErrorKind#REDEFINITION} naming both places ({@link DeclarationRules#C}, the
 * default), or LuaJIT's {@code ffi.cdef} rules apply ({@link DeclarationRules#LUAJIT}). Not thread-safe: one scope is
 * filled by one thread at a time; lookups on a scope no longer being filled are safe.

 */
public final class CScope {

    private final Abi abi;
    private final SymbolTable symbols;
    private final DeclarationParser parser;

    private CScope(Abi abi, DeclarationRules rules) {
        this.abi = abi;
        this.symbols = new SymbolTable(rules);
        this.parser = new DeclarationParser(abi, symbols);
        BuiltinTypes.declareInto(symbols, abi);
    }

    public static CScope create(Abi abi) {
        return create(abi, DeclarationRules.C);
    }

    public static CScope create(Abi abi, DeclarationRules rules) {
        return new CScope(java.util.Objects.requireNonNull(abi, "abi"), java.util.Objects.requireNonNull(rules, "rules"));
    }

    public Abi abi() {
        return abi;
    }

    /**
     * Parses a block of declarations (a pasted header fragment or a whole {@code cc -E}
     * output) and adds them to this scope. {@code fileName} names the text in positions
     * until a line marker renames it. Returns the declarations this block added, in order.
     * Throws {@link CParseException} listing every error after parsing all of the text;
     * the declarations without errors are kept.
     */
    public List<Declaration> declare(String text, String fileName) {
        return parser.declare(text, fileName);
    }

    /**
     * Runs {@code work} (declaring, parsing type names) all or nothing, as LuaJIT's
     * {@code ffi.cdef} and type strings are: when it throws, the scope forgets the names
     * it added and gets back those it replaced before the exception goes on. A type it
     * completed stays complete (see {@link SymbolTable}). Not reentrant.
     */
    public <T> T atomically(java.util.function.Supplier<T> work) {
        symbols.beginUndoable();
        try {
            T result = work.get();
            symbols.keepChanges();
            return result;
        } catch (RuntimeException | Error e) {
            symbols.undo();
            throw e;
        }
    }

    /**
     * As {@link #declare(String, String)} for the tokens of a preprocessor's output, taken
     * as it writes them (on another thread: {@code CPreprocessor.preprocessAndDeclare}), so
     * parsing overlaps preprocessing and the text is not lexed again.
     */
    public List<Declaration> declarePreprocessed(TokenFeed tokens, String fileName) {
        return parser.declarePreprocessed(tokens, fileName);
    }

    /**
     * Parses a C type name ({@code int (*)(int, ...)}, {@code struct foo *[4]},
     * {@code uint8_t[?]}). Each {@code $} in the text is replaced, in order, by the next
     * of {@code parameters} (LuaJIT's type parameters). Declarations inside the type name
     * ({@code struct { int x; }}) are added to this scope.
     */
    public CType parseType(String typeName, CType... parameters) {
        return parser.parseType(typeName, List.of(parameters));
    }

    public Optional<CType> typedef(String name) {
        return symbols.typedef(name);
    }

    public Optional<RecordType> struct(String tag) {
        return symbols.struct(tag);
    }

    public Optional<RecordType> union(String tag) {
        return symbols.union(tag);
    }

    public Optional<EnumType> enumType(String tag) {
        return symbols.enumType(tag);
    }

    public Optional<Declaration.Function> function(String name) {
        return symbols.ordinary(name).filter(Declaration.Function.class::isInstance).map(Declaration.Function.class::cast);
    }

    public Optional<Declaration.Variable> variable(String name) {
        return symbols.ordinary(name).filter(Declaration.Variable.class::isInstance).map(Declaration.Variable.class::cast);
    }

    public Optional<Declaration.Constant> constant(String name) {
        return symbols.ordinary(name).filter(Declaration.Constant.class::isInstance).map(Declaration.Constant.class::cast);
    }

    /** Every declaration this scope holds, in the order declared. */
    public List<Declaration> declarations() {
        return symbols.declarations();
    }

    /** {@code sizeof(typeName)} under this scope's ABI. */
    public long sizeOf(String typeName) {
        return abi.sizeOf(parseType(typeName));
    }

    /** {@code _Alignof(typeName)} under this scope's ABI. */
    public long alignOf(String typeName) {
        return abi.alignOf(parseType(typeName));
    }

    /** {@code offsetof(typeName, path)} where path may be {@code a.b[3].c}. */
    public long offsetOf(String typeName, String path) {
        return abi.offsetOf(parseType(typeName), path);
    }
}
