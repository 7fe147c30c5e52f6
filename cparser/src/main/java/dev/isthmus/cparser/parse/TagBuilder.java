package dev.isthmus.cparser.parse;

import dev.isthmus.cparser.CErrorKind;
import dev.isthmus.cparser.ConstantValue;
import dev.isthmus.cparser.Declaration;
import dev.isthmus.cparser.SourcePosition;
import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.parse.CDeclarationsParser.EnumSpecifierContext;
import dev.isthmus.cparser.parse.CDeclarationsParser.EnumeratorContext;
import dev.isthmus.cparser.parse.CDeclarationsParser.StructDeclarationContext;
import dev.isthmus.cparser.parse.CDeclarationsParser.StructDeclaratorContext;
import dev.isthmus.cparser.parse.CDeclarationsParser.StructOrUnionSpecifierContext;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.EnumType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.RecordType;
import dev.isthmus.cparser.type.TypeSpelling;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Struct, union and enum specifiers: tag lookup and creation, bodies with their members
 * and layout attributes, the {@code #pragma pack} in force, enumerator values and the
 * enum's underlying type by GCC's rules.
 *
 * <p>A tagged body seen again is accepted when it means the same (as a header included
 * twice without guards would give) and is a redefinition otherwise; under
 * {@link dev.isthmus.cparser.DeclarationRules#LUAJIT} it is always a redefinition, and
 * member names may repeat.
 */
final class TagBuilder {
    private final TypeBuilder types;
    private final SymbolTable symbols;
    private final DirectiveTracker directives;
    private final long initialPack;
    private Map<String, ConstantEvaluator.Value> enumeratorsInProgress = Map.of();
    /** Whether a tag must already be declared (type names under LuaJIT's rules); a body may then not be named. */
    private boolean tagsMustExist;

    TagBuilder(TypeBuilder types, SymbolTable symbols, DirectiveTracker directives, long initialPack) {
        this.types = types;
        this.symbols = symbols;
        this.directives = directives;
        this.initialPack = initialPack;
    }

    void requireDeclaredTags() {
        tagsMustExist = true;
    }

    /** Under {@link #requireDeclaredTags}: an unknown tag, or a tag given a body here, is LuaJIT's "undeclared or implicit tag". */
    private void checkDeclared(Token tag, boolean known, boolean hasBody) {
        if (tagsMustExist && (!known || hasBody)) {
            throw types.error(CErrorKind.UNDECLARED_TAG, tag, tag.getText());
        }
    }

    Optional<ConstantEvaluator.Value> enumeratorInProgress(String name) {
        return Optional.ofNullable(enumeratorsInProgress.get(name));
    }

    // ---- Structs and unions -----------------------------------------------------------------

    RecordType structOrUnion(StructOrUnionSpecifierContext s) {
        RecordType.Kind kind = s.structOrUnion().STRUCT() != null ? RecordType.Kind.STRUCT : RecordType.Kind.UNION;
        SourcePosition where = types.position(s.getStart());
        boolean hasBody = s.LBRACE() != null;
        RecordType record;
        if (s.identifier() == null) {
            record = new RecordType(kind, Optional.empty(), where);
        } else {
            Token tag = s.identifier().getStart();
            checkDeclared(tag, (kind == RecordType.Kind.STRUCT ? symbols.struct(tag.getText()) : symbols.union(tag.getText())).isPresent(),
                    hasBody);
            try {
                record = symbols.recordTag(kind, tag.getText(), types.position(tag));
            } catch (DeclarationException e) {
                throw types.error(CErrorKind.TAG_KIND_MISMATCH, tag, tag.getText(),
                        e.diagnostic().message().replaceAll(".*\\(first declared at (.*)\\)", "$1"));
            }
        }
        if (!hasBody) {
            return record;
        }
        GnuAttributes attributes = GnuAttributes.of(s.gnuAttribute(), types.evaluator(), types);
        long pack = directives.packAt(s.LBRACE().getSymbol().getStartIndex(), initialPack);
        List<RecordType.Member> members = new ArrayList<>();
        List<RecordType.Constant> constants = new ArrayList<>();
        for (StructDeclarationContext declaration : s.structDeclaration()) {
            members(declaration, kind, members, constants);
        }
        if (symbols.rules() == dev.isthmus.cparser.DeclarationRules.C) {
            checkUniqueNames(members, new java.util.HashMap<>());
        }
        RecordType.Body body = new RecordType.Body(members, attributes.isPacked(), attributes.alignment(), pack, constants);
        complete(record, body, s.identifier() != null ? s.identifier().getStart() : s.getStart());
        return record;
    }

    /** Member names are unique across a record and its anonymous members (C11 6.7.2.1p13). */
    private void checkUniqueNames(List<RecordType.Member> members, Map<String, SourcePosition> seen) {
        for (RecordType.Member member : members) {
            if (member.name().isPresent()) {
                SourcePosition first = seen.putIfAbsent(member.name().get(), member.position());
                if (first != null) {
                    throw new DeclarationException(new dev.isthmus.cparser.CDiagnostic(CErrorKind.DUPLICATE_MEMBER,
                            member.position(), member.name().get(), CErrorKind.DUPLICATE_MEMBER.format(member.name().get(), first)));
                }
            } else if (!member.isBitField() && CType.unqualified(member.type()) instanceof RecordType anonymous
                    && anonymous.isComplete()) {
                checkUniqueNames(anonymous.body().members(), seen);
            }
        }
    }

    private void complete(RecordType record, RecordType.Body body, Token at) {
        if (record.isComplete()) {
            if (symbols.rules() == dev.isthmus.cparser.DeclarationRules.LUAJIT || !isSameBody(record.body(), body)) {
                throw types.error(CErrorKind.REDEFINITION, at, record.toString(), record.definitionPosition());
            }
            return;
        }
        record.complete(body, types.position(at));
    }

    private static boolean isSameBody(RecordType.Body a, RecordType.Body b) {
        if (a.isPacked() != b.isPacked() || a.requestedByteAlignment() != b.requestedByteAlignment()
                || a.maxFieldAlignment() != b.maxFieldAlignment() || a.members().size() != b.members().size()) {
            return false;
        }
        for (int i = 0; i < a.members().size(); i++) {
            RecordType.Member x = a.members().get(i);
            RecordType.Member y = b.members().get(i);
            boolean same = x.name().equals(y.name()) && x.bitWidth().equals(y.bitWidth())
                    && x.requestedByteAlignment() == y.requestedByteAlignment() && x.isPacked() == y.isPacked()
                    && (x.type().equals(y.type()) || isSameAnonymous(x.type(), y.type()));
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** Two anonymous records (new objects each time they are parsed) mean the same when their bodies do. */
    private static boolean isSameAnonymous(CType a, CType b) {
        return a instanceof RecordType x && b instanceof RecordType y && x.tag().isEmpty() && y.tag().isEmpty()
                && x.kind() == y.kind() && x.isComplete() && y.isComplete() && isSameBody(x.body(), y.body());
    }

    private void members(StructDeclarationContext declaration, RecordType.Kind kind, List<RecordType.Member> members,
                         List<RecordType.Constant> constants) {
        if (declaration.initDeclaratorList() != null) {
            memberConstants(declaration, constants);
            return;
        }
        if (declaration.specifierQualifierList() == null) {
            if (declaration.staticAssertDeclaration() != null) {
                DeclarationBuilder.staticAssert(declaration.staticAssertDeclaration(), types);
            }
            return;
        }
        var list = declaration.specifierQualifierList();
        TypeBuilder.Specifiers specifiers = types.specifiers(
                list.children.stream().map(c -> (ParserRuleContext) c).toList(), list.getStart());
        if (declaration.structDeclaratorList() == null) {
            anonymousMember(declaration, specifiers, members, constants);
            return;
        }
        for (StructDeclaratorContext d : declaration.structDeclaratorList().structDeclarator()) {
            checkFlexibleArrayIsLast(members, d.getStart());
            members.add(member(d, specifiers, kind));
        }
    }

    /**
     * A member declaration without a declarator. An untagged struct or union is an anonymous
     * member (C11 6.7.2.1p13); C ignores anything else ({@code int;} declares nothing). LuaJIT
     * also embeds a tagged struct or union ({@code struct foo;}, {@code foo_t;}) as an anonymous
     * member, makes an enum's constants the record's, and refuses the rest.
     */
    private void anonymousMember(StructDeclarationContext declaration, TypeBuilder.Specifiers specifiers,
                                 List<RecordType.Member> members, List<RecordType.Constant> constants) {
        Token start = declaration.getStart();
        boolean isLuajit = symbols.rules() == dev.isthmus.cparser.DeclarationRules.LUAJIT;
        CType plain = CType.unqualified(specifiers.type());
        if (plain instanceof RecordType r && (r.tag().isEmpty() || isLuajit)) {
            if (!r.isComplete()) {
                throw types.error(CErrorKind.INCOMPLETE_MEMBER, start, "<anonymous>", r.toString());
            }
            checkFlexibleArrayIsLast(members, start);
            members.add(new RecordType.Member(Optional.empty(), specifiers.type(), OptionalInt.empty(),
                    Math.max(specifiers.alignAs(), specifiers.attributes().alignment()),
                    specifiers.attributes().isPacked(), types.position(start),
                    specifiers.typedefUse().map(use -> new TypeSpelling(Optional.of(use), Map.of())).orElse(TypeSpelling.AS_RESOLVED)));
        } else if (isLuajit && plain instanceof EnumType e && e.isComplete()) {
            for (EnumType.Constant c : e.body().constants()) {
                Primitive type = c.value() == (int) c.value() ? Primitive.INT : e.body().underlyingType();
                constants.add(new RecordType.Constant(c.name(), type, c.value(), c.position()));
            }
        } else if (isLuajit) {
            throw types.error(CErrorKind.NO_DECLARATOR, declaration.getStop());
        }
    }

    /** LuaJIT's {@code static const int k = 1;} members, constants of the record that take no space. */
    private void memberConstants(StructDeclarationContext declaration, List<RecordType.Constant> constants) {
        // The storage class or function specifier that starts it, then the others.
        List<ParserRuleContext> items = new ArrayList<>();
        items.add(declaration.storageClassSpecifier() != null ? declaration.storageClassSpecifier() : declaration.functionSpecifier());
        if (declaration.declarationSpecifiers() != null) {
            items.addAll(declaration.declarationSpecifiers().declarationSpecifier());
        }
        TypeBuilder.Specifiers specifiers = types.specifiers(items, declaration.getStart());
        for (var init : declaration.initDeclaratorList().initDeclarator()) {
            TypeBuilder.Declared declared = types.declarator(init.declarator(), specifiers.type());
            Token name = declared.name().orElseThrow();
            if (specifiers.storage() == TypeBuilder.Storage.NONE && init.initializer() != null) {
                // A member with an initializer: C has none, and LuaJIT stops at the '='.
                throw types.error(CErrorKind.EXPECTED_SEMICOLON, init.ASSIGN().getSymbol());
            }
            if (specifiers.storage() != TypeBuilder.Storage.STATIC || symbols.rules() != dev.isthmus.cparser.DeclarationRules.LUAJIT) {
                throw types.error(CErrorKind.MEMBER_STORAGE_CLASS, name, name.getText());
            }
            ConstantEvaluator.Value value = DeclarationBuilder.luajitConstant(types, init, declared.type(), name);
            constants.add(new RecordType.Constant(name.getText(), CType.unqualified(declared.type()), value.bits(),
                    types.position(name)));
        }
    }

    /** A flexible array member ends its struct (C11 6.7.2.1p18): {@code next} starts a member after one. */
    private void checkFlexibleArrayIsLast(List<RecordType.Member> members, Token next) {
        if (!members.isEmpty() && isFlexibleArray(members.getLast().type())) {
            throw types.error(CErrorKind.FLEXIBLE_ARRAY_NOT_LAST, next, members.getLast().name().orElse("<anonymous>"));
        }
    }

    /** LuaJIT lays bit-fields out in containers of at most 32 bits (lj_ctype.h, CTBSZ_MAX). */
    private static final long LUAJIT_MAX_BITFIELD_CONTAINER = 32;

    private static boolean isFlexibleArray(CType type) {
        return CType.unqualified(type) instanceof CType.Array a && a.kind() != CType.ArrayKind.FIXED;
    }

    private RecordType.Member member(StructDeclaratorContext d, TypeBuilder.Specifiers specifiers, RecordType.Kind kind) {
        GnuAttributes attributes = specifiers.attributes().merge(GnuAttributes.of(d.gnuAttribute(), types.evaluator(), types));
        Optional<Token> name = Optional.empty();
        CType type = specifiers.type();
        // An unnamed bitfield has no declarator: its type is the specifiers' own.
        TypeSpelling spelling = specifiers.typedefUse().map(use -> new TypeSpelling(Optional.of(use), Map.of()))
                .orElse(TypeSpelling.AS_RESOLVED);
        if (d.declarator() != null) {
            TypeBuilder.SpelledDeclared read = types.spelledDeclarator(d.declarator(), specifiers);
            name = read.declared().name();
            type = read.declared().type();
            spelling = read.spelling().withParameterNames(read.declared().parameterNames());
        }
        Token at = name.orElse(d.getStart());
        type = types.applyDeclaratorAttributes(type, specifiers, attributes, at);
        if (type instanceof CType.Function) {
            throw types.error(CErrorKind.INVALID_TYPE, at, "member '" + at.getText() + "' declared as a function");
        }
        OptionalInt width = OptionalInt.empty();
        if (d.COLON() != null) {
            width = OptionalInt.of(bitWidth(d, type, name, at));
        } else if (!TypeBuilder.isComplete(type) && !(isFlexibleArray(type) && kind == RecordType.Kind.STRUCT)) {
            // The struct itself is incomplete until its body ends, so this also refuses a struct containing itself.
            throw types.error(CErrorKind.INCOMPLETE_MEMBER, at, at.getText(), dev.isthmus.cparser.type.TypeRenderer.render(type));
        }
        long alignment = Math.max(specifiers.alignAs(), attributes.alignment());
        return new RecordType.Member(name.map(Token::getText), type, width, alignment, attributes.isPacked(), types.position(at),
                spelling);
    }

    private int bitWidth(StructDeclaratorContext d, CType type, Optional<Token> name, Token at) {
        String label = name.map(Token::getText).orElse("<unnamed>");
        CType plain = CType.unqualified(type);
        boolean isInteger = plain instanceof Primitive p && p.isInteger() || plain instanceof EnumType;
        if (!isInteger) {
            throw types.error(CErrorKind.BITFIELD_TYPE, at, label, plain.toString());
        }
        ConstantEvaluator.Value v = types.evaluator().integer(d.constantExpression());
        long widthLimit;
        try {
            widthLimit = types.abi().sizeOf(plain) * 8;
        } catch (IllegalArgumentException e) {
            throw types.error(CErrorKind.INVALID_TYPE, at, e.getMessage());
        }
        if (plain == Primitive.BOOL) {
            widthLimit = 1;
        }
        if (widthLimit > LUAJIT_MAX_BITFIELD_CONTAINER && symbols.rules() == dev.isthmus.cparser.DeclarationRules.LUAJIT) {
            throw types.error(CErrorKind.BITFIELD_WIDTH, d.COLON().getSymbol(), label, "LuaJIT's bit-fields are in 32-bit units at most");
        }
        boolean isNegative = !v.type().isUnsigned() && v.bits() < 0;
        if (isNegative || Long.compareUnsigned(v.bits(), widthLimit) > 0 || v.bits() == 0 && name.isPresent()) {
            String why = isNegative ? "negative" : v.bits() == 0 ? "zero width for a named field" : "wider than its type";
            throw types.error(CErrorKind.BITFIELD_WIDTH, d.constantExpression().getStart(), label, why);
        }
        return (int) v.bits();
    }

    // ---- Enums ------------------------------------------------------------------------------

    EnumType enumSpecifier(EnumSpecifierContext e) {
        SourcePosition where = types.position(e.getStart());
        EnumType type;
        if (e.identifier() == null) {
            type = new EnumType(Optional.empty(), where);
        } else {
            Token tag = e.identifier().getStart();
            checkDeclared(tag, symbols.enumType(tag.getText()).isPresent(), e.LBRACE() != null);
            type = symbols.enumTag(tag.getText(), types.position(tag));
        }
        if (e.LBRACE() == null) {
            return type;
        }
        GnuAttributes attributes = GnuAttributes.of(e.gnuAttribute(), types.evaluator(), types);
        Map<String, ConstantEvaluator.Value> values = new LinkedHashMap<>();
        Map<String, Token> tokens = new LinkedHashMap<>();
        enumeratorsInProgress = values;
        try {
            BigInteger next = BigInteger.ZERO;
            for (EnumeratorContext enumerator : e.enumerator()) {
                Token name = enumerator.identifier().getStart();
                BigInteger value = next;
                if (enumerator.constantExpression() != null) {
                    value = toBig(types.evaluator().integer(enumerator.constantExpression()));
                }
                if (value.bitLength() > 64 || value.signum() < 0 && value.bitLength() > 63) {
                    throw types.error(CErrorKind.ENUM_VALUE_RANGE, name, name.getText());
                }
                if (values.containsKey(name.getText())) {
                    throw types.error(CErrorKind.REDEFINITION, name, name.getText(), types.position(tokens.get(name.getText())));
                }
                values.put(name.getText(), ConstantEvaluator.Value.ofInteger(value.longValue(),
                        fitsInt(value) ? Primitive.INT : value.signum() < 0 ? Primitive.LONG_LONG : Primitive.UNSIGNED_LONG_LONG));
                tokens.put(name.getText(), name);
                next = value.add(BigInteger.ONE);
            }
        } finally {
            enumeratorsInProgress = Map.of();
        }
        Primitive underlying = underlyingType(values.values(), attributes.isPacked(), types.abi());
        List<EnumType.Constant> constants = new ArrayList<>();
        values.forEach((name, v) -> constants.add(new EnumType.Constant(name, v.bits(), types.position(tokens.get(name)))));
        EnumType.Body body = new EnumType.Body(constants, underlying, attributes.isPacked());
        if (type.isComplete()) {
            if (symbols.rules() == dev.isthmus.cparser.DeclarationRules.LUAJIT || !type.body().constants().stream().map(c -> c.name() + "=" + c.value()).toList()
                    .equals(constants.stream().map(c -> c.name() + "=" + c.value()).toList())) {
                throw types.error(CErrorKind.REDEFINITION, e.identifier().getStart(), type.toString(), type.position());
            }
            return type;
        }
        type.complete(body);
        if (type.tag().isPresent()) {
            symbols.enumDefined(type, types.position(e.identifier().getStart()));
        }
        values.forEach((name, v) -> {
            // An enumerator is an int when its value fits (C11 6.7.2.2p3); GCC gives wider ones the enum's type.
            Primitive constantType = v.type() == Primitive.INT ? Primitive.INT : underlying;
            symbols.declare(new Declaration.Constant(name, new ConstantValue.IntegerValue(v.bits(), constantType),
                    types.position(tokens.get(name))), name);
        });
        return type;
    }

    private static BigInteger toBig(ConstantEvaluator.Value v) {
        BigInteger b = BigInteger.valueOf(v.bits());
        return v.type().isUnsigned() && v.bits() < 0 ? b.add(BigInteger.ONE.shiftLeft(64)) : b;
    }

    private static boolean fitsInt(BigInteger value) {
        return value.bitLength() < 32;
    }

    /**
     * GCC's choice (c-decl.cc, finish_enum): with no negative value, {@code unsigned int}
     * when every value fits, else the smallest wider unsigned type; with a negative value,
     * {@code int} or the smallest wider signed type. A packed enum takes the smallest type
     * of the needed precision at all, from {@code char} up.
     */
    static Primitive underlyingType(java.util.Collection<ConstantEvaluator.Value> values, boolean isPacked, Abi abi) {
        boolean isUnsigned = true;
        int precision = 1;
        for (ConstantEvaluator.Value v : values) {
            BigInteger b = toBig(v);
            if (b.signum() < 0) {
                isUnsigned = false;
            }
        }
        for (ConstantEvaluator.Value v : values) {
            BigInteger b = toBig(v);
            int needed = isUnsigned ? b.bitLength() : b.bitLength() + 1;
            precision = Math.max(precision, needed);
        }
        List<Primitive> ladder = isPacked
                ? List.of(Primitive.SIGNED_CHAR, Primitive.SHORT, Primitive.INT, Primitive.LONG, Primitive.LONG_LONG, Primitive.INT128)
                : List.of(Primitive.INT, Primitive.LONG, Primitive.LONG_LONG, Primitive.INT128);
        for (Primitive candidate : ladder) {
            if (abi.sizeOf(candidate) * 8 >= precision) {
                return isUnsigned ? candidate.toUnsigned() : candidate;
            }
        }
        return isUnsigned ? Primitive.UNSIGNED_INT128 : Primitive.INT128;
    }
}
