package dev.isthmus.cparser.parse;

import dev.isthmus.cparser.CDiagnostic;
import dev.isthmus.cparser.CErrorKind;
import dev.isthmus.cparser.Declaration;
import dev.isthmus.cparser.SourcePosition;
import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.parse.CDeclarationsParser.AbstractDeclaratorContext;
import dev.isthmus.cparser.parse.CDeclarationsParser.DeclaratorContext;
import dev.isthmus.cparser.parse.CDeclarationsParser.DeclaratorSuffixContext;
import dev.isthmus.cparser.parse.CDeclarationsParser.DirectAbstractDeclaratorContext;
import dev.isthmus.cparser.parse.CDeclarationsParser.GnuAttributeContext;
import dev.isthmus.cparser.parse.CDeclarationsParser.ParameterDeclarationContext;
import dev.isthmus.cparser.parse.CDeclarationsParser.PointerContext;
import dev.isthmus.cparser.parse.CDeclarationsParser.TypeNameContext;
import dev.isthmus.cparser.parse.CDeclarationsParser.TypeQualifierContext;
import dev.isthmus.cparser.parse.CDeclarationsParser.TypeSpecifierContext;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.TypeRenderer;
import dev.isthmus.cparser.type.TypeSpelling;
import dev.isthmus.cparser.type.TypedefUse;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds types from parse trees: declaration specifiers, declarators (read inside out, as
 * C11 6.7.6 defines them), abstract declarators and type names. Struct, union and enum
 * bodies are delegated to {@link TagBuilder}. Also the evaluator's {@link ConstantEvaluator.Context}.
 */
final class TypeBuilder implements ConstantEvaluator.Context {

    /** Storage class of a declaration (C11 6.7.1); NONE when absent. */
    enum Storage { NONE, TYPEDEF, EXTERN, STATIC, THREAD_LOCAL, AUTO, REGISTER }

    /**
     * What the declaration specifiers said. {@code alignAs} is 0 without {@code _Alignas};
     * {@code typedefUse} is present when the type was spelled with a typedef name.
     */
    record Specifiers(CType type, Storage storage, boolean isInline, long alignAs, GnuAttributes attributes,
                      boolean declaresTagOnly, Token start, Optional<TypedefUse> typedefUse) {
    }

    /** A declarator's name (absent for abstract ones), its type, and its function parameters' names. */
    record Declared(Optional<Token> name, CType type, List<Optional<String>> parameterNames) {
    }

    private final Abi abi;
    private final SymbolTable symbols;
    private final DirectiveTracker directives;
    private final ConstantEvaluator evaluator;
    private final TagBuilder tags;
    private final ArrayDeque<CType> typeParameters = new ArrayDeque<>();
    /** How many parameter declarators are being read, where array sizes need not be constant. */
    private int parameterDepth;
    /**
     * While a member's declarator is read ({@link #spelledDeclarator}): the typedef each parameter of each
     * function type in it was spelled with; null otherwise.
     */
    private Map<CType.Function, List<Optional<TypedefUse>>> parameterSpellings;

    TypeBuilder(Abi abi, SymbolTable symbols, DirectiveTracker directives, long initialPack) {
        this.abi = abi;
        this.symbols = symbols;
        this.directives = directives;
        this.evaluator = new ConstantEvaluator(abi, symbols, this);
        this.tags = new TagBuilder(this, symbols, directives, initialPack);
    }

    Abi abi() {
        return abi;
    }

    ConstantEvaluator evaluator() {
        return evaluator;
    }

    /** From now on a tag must have been declared before: a type name under LuaJIT's rules cannot declare one. */
    void requireDeclaredTags() {
        tags.requireDeclaredTags();
    }

    /**
     * LuaJIT has one type for {@code char} and the signed or unsigned char that plain
     * {@code char} is on the target ({@code signed char} is {@code char} on x86-64), so it
     * prints as {@code char} and compares equal to it.
     */
    private CType luajitCharType(CType type) {
        Primitive same = abi.isCharSigned() ? Primitive.SIGNED_CHAR : Primitive.UNSIGNED_CHAR;
        if (CType.unqualified(type) != same) {
            return type;
        }
        return type instanceof CType.Qualified q ? CType.qualified(Primitive.CHAR, q.isConst(), q.isVolatile(), q.isRestrict()) : Primitive.CHAR;
    }

    /**
     * Under LuaJIT's rules, a number type as LuaJIT has it: {@link #luajitCharType}, also as a
     * vector's element, and a vector aligned to at most 16 bytes (lj_cparse.c limits vector
     * alignment so; GCC aligns a 32-byte vector to 32).
     */
    private CType luajitNumber(CType type) {
        if (symbols.rules() != dev.isthmus.cparser.DeclarationRules.LUAJIT) {
            return type;
        }
        if (CType.unqualified(type) instanceof CType.Vector v) {
            CType vector = CType.vector(luajitCharType(v.element()), v.byteSize());
            if (v.byteSize() > LUAJIT_MAX_VECTOR_ALIGNMENT) {
                vector = CType.aligned(vector, LUAJIT_MAX_VECTOR_ALIGNMENT);
            }
            return type instanceof CType.Qualified q ? CType.qualified(vector, q.isConst(), q.isVolatile(), q.isRestrict()) : vector;
        }
        return luajitCharType(type);
    }

    private static final long LUAJIT_MAX_VECTOR_ALIGNMENT = 16;

    /** LuaJIT's sizes are 32-bit, and one of 2^31 or more is invalid (lj_cparse.c, cp_decl_intern). */
    private static final long LUAJIT_MAX_BYTE_SIZE = 0x7fffffffL;

    /**
     * Whether objects of {@code type} have a known size (C11 6.2.5p1): not void, a function,
     * a struct, union or enum without its body yet, or an array without a count.
     */
    static boolean isComplete(CType type) {
        return switch (type) {
            case Primitive p -> p != Primitive.VOID;
            case CType.Pointer p -> true;
            case CType.Reference r -> true;
            case CType.Pointer32 p -> true;
            case CType.Array a -> a.kind() == CType.ArrayKind.FIXED;
            case CType.Function f -> false;
            case CType.Qualified q -> isComplete(q.base());
            case CType.Aligned a -> isComplete(a.base());
            case CType.Vector v -> true;
            case dev.isthmus.cparser.type.RecordType r -> r.isComplete();
            case dev.isthmus.cparser.type.EnumType e -> e.isComplete();
        };
    }

    TagBuilder tags() {
        return tags;
    }

    void setTypeParameters(List<CType> parameters) {
        typeParameters.clear();
        typeParameters.addAll(parameters);
    }

    boolean hasUnusedTypeParameters() {
        return !typeParameters.isEmpty();
    }

    SourcePosition position(Token token) {
        return directives.position(token);
    }

    @Override
    public DeclarationException error(CErrorKind kind, Token at, Object... arguments) {
        String text = at == null || at.getType() == Token.EOF ? "" : at.getText();
        SourcePosition where = at == null ? SourcePosition.BUILTIN : directives.position(at);
        return new DeclarationException(new CDiagnostic(kind, where, text, kind.format(arguments)));
    }

    @Override
    public CType resolveTypeName(TypeNameContext typeName) {
        return typeName(typeName);
    }

    @Override
    public Optional<ConstantEvaluator.Value> localConstant(String name) {
        return tags.enumeratorInProgress(name);
    }

    // ---- Specifiers ---------------------------------------------------------------------------

    /** Reads declaration specifiers or a specifier-qualifier list (their children are alike). */
    Specifiers specifiers(List<? extends ParserRuleContext> items, Token start) {
        SpecifierResolver resolver = new SpecifierResolver(abi, symbols.rules() == dev.isthmus.cparser.DeclarationRules.LUAJIT);
        Storage storage = Storage.NONE;
        boolean isInline = false;
        boolean isConst = false;
        boolean isVolatile = false;
        boolean isRestrict = false;
        long alignAs = 0;
        List<GnuAttributeContext> attributes = new ArrayList<>();
        boolean declaresTag = false;
        for (ParserRuleContext wrapper : items) {
            ParseTree item = wrapper instanceof CDeclarationsParser.DeclarationSpecifierContext d ? d.getChild(0) : wrapper;
            switch (item) {
                case CDeclarationsParser.StorageClassSpecifierContext s -> {
                    if (storage != Storage.NONE) {
                        throw error(CErrorKind.INVALID_TYPE_SPECIFIERS, s.getStart(), s.getText());
                    }
                    storage = storageOf(s.getStart());
                }
                case TypeSpecifierContext t -> declaresTag |= typeSpecifier(t, resolver);
                case TypeQualifierContext q -> {
                    switch (q.getStart().getType()) {
                        case CDeclarationsLexer.CONST -> isConst = true;
                        case CDeclarationsLexer.VOLATILE -> isVolatile = true;
                        case CDeclarationsLexer.RESTRICT -> isRestrict = true;
                        default -> {
                            // _Atomic and nullability qualifiers do not change layout here.
                        }
                    }
                }
                case CDeclarationsParser.FunctionSpecifierContext f -> isInline |= f.INLINE() != null;
                case CDeclarationsParser.AlignmentSpecifierContext a -> alignAs = Math.max(alignAs, alignAs(a));
                case GnuAttributeContext g -> attributes.add(g);
                default -> throw new AssertionError("unexpected specifier " + item.getClass().getSimpleName());
            }
        }
        GnuAttributes attrs = GnuAttributes.of(attributes, evaluator, this);
        CType type = resolver.resolve(start, this);
        type = resolver.applyMode(type, attrs.mode(), start, this);
        if (attrs.vectorByteSize() != 0) {
            type = vectorOf(type, attrs.vectorByteSize(), start);
        }
        type = luajitNumber(type);
        type = CType.qualified(type, isConst, isVolatile, isRestrict);
        CType resolved = type;
        String qualifiers = (isConst ? "const " : "") + (isVolatile ? "volatile " : "") + (isRestrict ? "restrict " : "");
        Optional<TypedefUse> typedefUse = attrs.mode().isPresent() || attrs.vectorByteSize() != 0 ? Optional.empty()
                : typedefName(items).map(name -> new TypedefUse(resolved, qualifiers + name));
        return new Specifiers(type, storage, isInline, alignAs, attrs, declaresTag, start, typedefUse);
    }

    /** The typedef name among the specifiers, if the type was spelled with one. */
    private static Optional<String> typedefName(List<? extends ParserRuleContext> items) {
        for (ParserRuleContext wrapper : items) {
            ParseTree item = wrapper instanceof CDeclarationsParser.DeclarationSpecifierContext d ? d.getChild(0) : wrapper;
            if (item instanceof TypeSpecifierContext t && t.TYPEDEF_NAME() != null) {
                return Optional.of(t.TYPEDEF_NAME().getText());
            }
        }
        return Optional.empty();
    }

    private static Storage storageOf(Token token) {
        return switch (token.getType()) {
            case CDeclarationsLexer.TYPEDEF -> Storage.TYPEDEF;
            case CDeclarationsLexer.EXTERN -> Storage.EXTERN;
            case CDeclarationsLexer.STATIC -> Storage.STATIC;
            case CDeclarationsLexer.THREAD_LOCAL -> Storage.THREAD_LOCAL;
            case CDeclarationsLexer.AUTO -> Storage.AUTO;
            default -> Storage.REGISTER;
        };
    }

    /** Adds one type specifier; true when it is a struct/union/enum specifier. */
    private boolean typeSpecifier(TypeSpecifierContext t, SpecifierResolver resolver) {
        if (t.structOrUnionSpecifier() != null) {
            resolver.addNamed(tags.structOrUnion(t.structOrUnionSpecifier()), t.getStart(), this);
            return true;
        }
        if (t.enumSpecifier() != null) {
            resolver.addNamed(tags.enumSpecifier(t.enumSpecifier()), t.getStart(), this);
            return true;
        }
        if (t.TYPEDEF_NAME() != null) {
            String name = t.TYPEDEF_NAME().getText();
            CType type = symbols.typedef(name).orElseThrow(() -> error(CErrorKind.NOT_A_TYPE, t.getStart(), name));
            resolver.addNamed(type, t.getStart(), this);
        } else if (t.typeofSpecifier() != null) {
            var typeOf = t.typeofSpecifier();
            CType type = typeOf.typeName() != null ? typeName(typeOf.typeName()) : evaluator.typeOf(typeOf.expression());
            resolver.addNamed(type, t.getStart(), this);
        } else if (t.atomicTypeSpecifier() != null) {
            resolver.addNamed(typeName(t.atomicTypeSpecifier().typeName()), t.getStart(), this);
        } else if (t.DOLLAR() != null) {
            if (typeParameters.isEmpty()) {
                throw error(CErrorKind.INVALID_TYPE, t.getStart(), "'$' has no type parameter left to stand for");
            }
            resolver.addNamed(typeParameters.removeFirst(), t.getStart(), this);
        } else {
            resolver.add(t, this);
        }
        return false;
    }

    private long alignAs(CDeclarationsParser.AlignmentSpecifierContext a) {
        long n = a.typeName() != null ? abi.alignOf(typeName(a.typeName())) : evaluator.integer(a.constantExpression()).bits();
        if (n < 0 || n != 0 && Long.bitCount(n) != 1) {
            throw error(CErrorKind.INVALID_ALIGNMENT, a.getStart(), String.valueOf(n));
        }
        return n;
    }

    private CType vectorOf(CType element, long byteSize, Token at) {
        CType plain = CType.unqualified(element);
        if (!(plain instanceof Primitive p) || !(p.isInteger() || p.isFloating())) {
            throw error(CErrorKind.INVALID_TYPE, at, "vector_size applies to integer and floating types only");
        }
        return CType.vector(plain, byteSize);
    }

    /**
     * Applies attributes written after a declarator that change the declared type itself:
     * {@code mode} and {@code vector_size} (when the specifiers did not already).
     */
    CType applyDeclaratorAttributes(CType type, Specifiers specifiers, GnuAttributes attributes, Token at) {
        CType result = type;
        if (attributes.mode().isPresent() && specifiers.attributes().mode().isEmpty()) {
            result = SpecifierResolver.applyMode(abi, symbols.rules() == dev.isthmus.cparser.DeclarationRules.LUAJIT, result,
                    attributes.mode(), at, this);
        }
        if (attributes.vectorByteSize() != 0 && specifiers.attributes().vectorByteSize() == 0) {
            result = vectorOf(result, attributes.vectorByteSize(), at);
        }
        return result == type ? type : luajitNumber(result);
    }

    // ---- Declarators ----------------------------------------------------------------------------

    Declared declarator(DeclaratorContext d, CType base) {
        CType type = pointer(d.pointer(), base);
        var direct = d.directDeclarator();
        List<Optional<String>> names = List.of();
        boolean isFunction = false;
        List<DeclaratorSuffixContext> suffixes = direct.declaratorSuffix();
        for (int i = suffixes.size() - 1; i >= 0; i--) {
            type = suffix(suffixes.get(i), type);
            if (i == 0 && suffixes.get(0).LPAREN() != null) {
                names = parameterNames(suffixes.get(0));
                isFunction = true;
            }
        }
        if (direct.declarator() != null) {
            Declared inner = declarator(direct.declarator(), type);
            // The innermost parameter list names the parameters: the function's own in
            // `int (*f(int a))(char)`, the one pointed to in `int (*fp)(int a)` and in `int (f)(int a)`.
            return isFunction && !hasParameterList(direct.declarator()) ? new Declared(inner.name(), inner.type(), names) : inner;
        }
        return new Declared(Optional.of(direct.identifier().getStart()), type, names);
    }

    private static boolean hasParameterList(DeclaratorContext d) {
        var direct = d.directDeclarator();
        return direct.declaratorSuffix().stream().anyMatch(s -> s.LPAREN() != null)
                || direct.declarator() != null && hasParameterList(direct.declarator());
    }

    CType abstractDeclarator(AbstractDeclaratorContext a, CType base) {
        if (a == null) {
            return base;
        }
        CType type = pointer(a.pointer(), base);
        DirectAbstractDeclaratorContext direct = a.directAbstractDeclarator();
        if (direct == null) {
            return type;
        }
        List<DeclaratorSuffixContext> suffixes = direct.declaratorSuffix();
        for (int i = suffixes.size() - 1; i >= 0; i--) {
            type = suffix(suffixes.get(i), type);
        }
        return direct.abstractDeclarator() != null ? abstractDeclarator(direct.abstractDeclarator(), type) : type;
    }

    CType typeName(TypeNameContext t) {
        var list = t.specifierQualifierList();
        Specifiers specifiers = specifiers(list.children.stream().map(c -> (ParserRuleContext) c).toList(), t.getStart());
        CType type = abstractDeclarator(t.abstractDeclarator(), specifiers.type());
        List<GnuAttributeContext> attributes = new ArrayList<>(list.gnuAttribute());
        attributes.addAll(t.gnuAttribute());
        long alignment = 0;
        for (GnuAttributeContext attribute : attributes) {
            long n = GnuAttributes.of(List.of(attribute), evaluator, this).alignment();
            // LuaJIT keeps the last alignment written (lj_cparse.c overwrites it); C the largest.
            if (n != 0) {
                alignment = symbols.rules() == dev.isthmus.cparser.DeclarationRules.LUAJIT ? n : Math.max(alignment, n);
            }
        }
        return alignment == 0 ? type : CType.aligned(type, alignment);
    }

    private CType pointer(PointerContext p, CType base) {
        if (p == null) {
            return base;
        }
        CType type = base;
        boolean isConst = false;
        boolean isVolatile = false;
        boolean isRestrict = false;
        boolean started = false;
        for (ParseTree child : p.children) {
            if (child instanceof TypeQualifierContext q) {
                switch (q.getStart().getType()) {
                    case CDeclarationsLexer.CONST -> isConst = true;
                    case CDeclarationsLexer.VOLATILE -> isVolatile = true;
                    case CDeclarationsLexer.RESTRICT -> isRestrict = true;
                    default -> {
                    }
                }
            } else if (child instanceof GnuAttributeContext g) {
                // LuaJIT's __ptr32 after a '*' makes it a 4-byte pointer; __ptr64 is any pointer on 64-bit targets.
                if (g.POINTER_SIZE() != null && g.getText().equals("__ptr32") && type instanceof CType.Pointer ptr
                        && symbols.rules() == dev.isthmus.cparser.DeclarationRules.LUAJIT && abi.pointerByteSize() == 8) {
                    type = CType.pointer32To(ptr.target());
                }
            } else {
                // A '*' or '&': the qualifiers read so far belong to the previous pointer.
                if (started) {
                    type = CType.qualified(type, isConst, isVolatile, isRestrict);
                }
                Token token = ((org.antlr.v4.runtime.tree.TerminalNode) child).getSymbol();
                type = token.getType() == CDeclarationsLexer.STAR ? pointerTo(type, token) : referenceTo(type, token);
                started = true;
                isConst = isVolatile = isRestrict = false;
            }
        }
        // A reference is never qualified (lj_cparse.c: "refs are always const, never volatile").
        return type instanceof CType.Reference ? type : CType.qualified(type, isConst, isVolatile, isRestrict);
    }

    private CType pointerTo(CType target, Token at) {
        if (target instanceof CType.Reference) {
            throw error(CErrorKind.INVALID_REFERENCE, at, "a pointer to a reference");
        }
        return CType.pointerTo(target);
    }

    /** {@code T &} (and {@code T &&}, the same to LuaJIT): LuaJIT's rules only, never a reference to a reference. */
    private CType referenceTo(CType target, Token at) {
        if (symbols.rules() != dev.isthmus.cparser.DeclarationRules.LUAJIT) {
            throw error(CErrorKind.INVALID_REFERENCE, at, "references are C++, not C");
        }
        if (target instanceof CType.Reference) {
            throw error(CErrorKind.INVALID_REFERENCE, at, "a reference to a reference");
        }
        return CType.referenceTo(target);
    }

    private CType suffix(DeclaratorSuffixContext s, CType element) {
        if (s.LBRACKET() != null) {
            if (element instanceof CType.Function) {
                throw error(CErrorKind.ARRAY_OF_FUNCTIONS, s.getStart(), TypeRenderer.render(element));
            }
            if (element instanceof CType.Reference) {
                throw error(CErrorKind.INVALID_REFERENCE, s.getStart(), "an array of references");
            }
            // A variable length array is complete in C (C11 6.2.5p22), not LuaJIT's T[?] as an element.
            boolean isVariableElement = element instanceof CType.Array a && a.kind() == CType.ArrayKind.VARIABLE
                    && symbols.rules() == dev.isthmus.cparser.DeclarationRules.C;
            if (!isComplete(element) && !isVariableElement) {
                throw error(CErrorKind.INCOMPLETE_ELEMENT, s.getStart(), TypeRenderer.render(element));
            }
            if (s.QUESTION() != null || s.STAR() != null && s.assignmentExpression() == null) {
                return CType.variableArrayOf(element);
            }
            if (s.assignmentExpression() == null) {
                return CType.incompleteArrayOf(element);
            }
            ConstantEvaluator.Value n;
            try {
                n = evaluator.integer(s.assignmentExpression());
            } catch (DeclarationException notConstant) {
                // A parameter may be a variable length array sized by an earlier parameter
                // (C11 6.7.6.2p4, glibc's regexec: regmatch_t m[n]); it becomes a pointer anyway.
                if (parameterDepth > 0) {
                    return CType.variableArrayOf(element);
                }
                throw notConstant;
            }
            if (!n.type().isUnsigned() && n.bits() < 0) {
                throw error(CErrorKind.NEGATIVE_ARRAY_SIZE, s.assignmentExpression().getStart());
            }
            long elementSize = abi.sizeOf(element);
            long limit = symbols.rules() == dev.isthmus.cparser.DeclarationRules.LUAJIT ? LUAJIT_MAX_BYTE_SIZE : Long.MAX_VALUE;
            if (n.bits() < 0 || elementSize != 0 && n.bits() > limit / elementSize) {
                throw error(CErrorKind.TYPE_TOO_LARGE, s.assignmentExpression().getStart(), Long.toUnsignedString(n.bits()),
                        elementSize);
            }
            return CType.arrayOf(element, n.bits());
        }
        if (element instanceof CType.Function || element instanceof CType.Array) {
            throw error(CErrorKind.INVALID_RETURN_TYPE, s.getStart(), element instanceof CType.Array ? "an array" : "a function");
        }
        if (s.parameterTypeList() == null) {
            return CType.unprototypedFunction(element);
        }
        var list = s.parameterTypeList();
        List<CType> parameters = new ArrayList<>();
        List<Optional<TypedefUse>> spellings = new ArrayList<>();
        for (ParameterDeclarationContext p : list.parameterDeclaration()) {
            SpelledParameter parameter = spelledParameter(p);
            parameters.add(parameter.declared().type());
            spellings.add(parameter.typedefUse());
        }
        boolean isVariadic = list.ELLIPSIS() != null;
        if ((parameters.size() > 1 || isVariadic) && parameters.getFirst() == Primitive.VOID
                && list.parameterDeclaration(0).declarator() == null && list.parameterDeclaration(0).abstractDeclarator() == null) {
            // C11 6.7.6.3p10: an unnamed void stands alone. (LuaJIT, like C compilers, refuses it
            // first; it lets a later one pass.)
            throw error(CErrorKind.VOID_NOT_ONLY_PARAMETER, list.COMMA(0).getSymbol());
        }
        if (parameters.size() == 1 && parameters.getFirst() == Primitive.VOID && !isVariadic
                && list.parameterDeclaration(0).declarator() == null && list.parameterDeclaration(0).abstractDeclarator() == null) {
            parameters.clear();
            spellings.clear();
        }
        CType.Function function = CType.function(element, parameters, isVariadic);
        if (parameterSpellings != null && spellings.stream().anyMatch(Optional::isPresent)) {
            parameterSpellings.put(function, spellings);
        }
        return function;
    }

    /** A member's declarator read with how the declaration spelled its type. */
    record SpelledDeclared(Declared declared, TypeSpelling spelling) {
    }

    /**
     * Reads a member's declarator, keeping how the declaration spelled its type: the
     * specifiers' typedef, and the parameters' typedefs of the function types in it.
     */
    SpelledDeclared spelledDeclarator(DeclaratorContext d, Specifiers specifiers) {
        Map<CType.Function, List<Optional<TypedefUse>>> enclosing = parameterSpellings;
        parameterSpellings = new HashMap<>();
        try {
            Declared declared = declarator(d, specifiers.type());
            Optional<TypedefUse> base = specifiers.typedefUse();
            return new SpelledDeclared(declared, base.isEmpty() && parameterSpellings.isEmpty() ? TypeSpelling.AS_RESOLVED
                    : new TypeSpelling(base, parameterSpellings));
        } finally {
            parameterSpellings = enclosing;
        }
    }

    /** A parameter's declaration, and the typedef its specifiers named (as its adjusted type holds it). */
    private record SpelledParameter(Declared declared, Optional<TypedefUse> typedefUse) {
    }

    /** A parameter with its type adjusted (C11 6.7.6.3p7-8) and top-level qualifiers dropped. */
    Declared parameter(ParameterDeclarationContext p) {
        return spelledParameter(p).declared();
    }

    private SpelledParameter spelledParameter(ParameterDeclarationContext p) {
        Specifiers specifiers = specifiers(p.declarationSpecifiers().declarationSpecifier(), p.getStart());
        Declared declared;
        parameterDepth++;
        try {
            declared = p.declarator() != null
                    ? declarator(p.declarator(), specifiers.type())
                    : new Declared(Optional.empty(), abstractDeclarator(p.abstractDeclarator(), specifiers.type()), List.of());
        } finally {
            parameterDepth--;
        }
        CType type = declared.type();
        if (CType.unqualified(type) instanceof CType.Array a) {
            type = CType.pointerTo(a.element());
        } else if (type instanceof CType.Function) {
            type = CType.pointerTo(type);
        }
        CType adjusted = CType.unqualified(type);
        // `const size_t n` is a parameter of type size_t: the dropped qualifiers leave the spelling too.
        Optional<TypedefUse> use = specifiers.typedefUse().map(u -> u.resolved() != adjusted && CType.unqualified(u.resolved()) == adjusted
                ? new TypedefUse(adjusted, u.spelling().replaceFirst("^((const|volatile|restrict) )+", "")) : u);
        return new SpelledParameter(new Declared(declared.name(), adjusted, declared.parameterNames()), use);
    }

    /**
     * For each parameter of the function {@code d} declares, the names the declaration gave the
     * parameters of the function it points to when it is a function pointer
     * ({@code void (*visit)(int index, void *user)}: {@code index}, {@code user}); empty lists
     * for other parameters and unnamed ones.
     */
    List<List<Optional<String>>> callbackParameterNames(DeclaratorContext d) {
        Optional<DeclaratorSuffixContext> list = innermostParameterList(d);
        if (list.isEmpty() || list.get().parameterTypeList() == null || parameterNames(list.get()).isEmpty()) {
            return List.of();
        }
        List<List<Optional<String>>> names = new ArrayList<>();
        for (ParameterDeclarationContext p : list.get().parameterTypeList().parameterDeclaration()) {
            names.add(p.declarator() == null ? List.of() : innermostParameterList(p.declarator()).map(this::parameterNames).orElse(List.of()));
        }
        return names;
    }

    /** The parameter list that names a declarator's parameters, as {@link #declarator} takes them. */
    private static Optional<DeclaratorSuffixContext> innermostParameterList(DeclaratorContext d) {
        var direct = d.directDeclarator();
        if (direct.declarator() != null && hasParameterList(direct.declarator())) {
            return innermostParameterList(direct.declarator());
        }
        List<DeclaratorSuffixContext> suffixes = direct.declaratorSuffix();
        return !suffixes.isEmpty() && suffixes.getFirst().LPAREN() != null ? Optional.of(suffixes.getFirst()) : Optional.empty();
    }

    private List<Optional<String>> parameterNames(DeclaratorSuffixContext s) {
        if (s.parameterTypeList() == null) {
            return List.of();
        }
        List<Optional<String>> names = new ArrayList<>();
        for (ParameterDeclarationContext p : s.parameterTypeList().parameterDeclaration()) {
            names.add(p.declarator() == null ? Optional.empty() : Optional.of(nameOf(p.declarator())));
        }
        ParameterDeclarationContext first = s.parameterTypeList().parameterDeclaration(0);
        // A sole unnamed void (however spelled: const void, a typedef of void) means no parameters,
        // as functionType reads it.
        if (names.size() == 1 && names.getFirst().isEmpty() && first.abstractDeclarator() == null
                && s.parameterTypeList().ELLIPSIS() == null && spelledParameter(first).declared().type() == Primitive.VOID) {
            names.clear();
        }
        return names;
    }

    private static String nameOf(DeclaratorContext d) {
        var direct = d.directDeclarator();
        return direct.declarator() != null ? nameOf(direct.declarator()) : direct.identifier().getText();
    }

    /** The symbol table, for the tag builder and the declaration builder. */
    SymbolTable symbols() {
        return symbols;
    }

    /** Whether a name declared as an ordinary identifier is a typedef (for diagnostics). */
    boolean isTypedef(String name) {
        return symbols.ordinary(name).filter(d -> d instanceof Declaration.Typedef).isPresent();
    }
}
