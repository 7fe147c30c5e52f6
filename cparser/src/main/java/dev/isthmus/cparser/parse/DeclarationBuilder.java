package dev.isthmus.cparser.parse;

import dev.isthmus.cparser.CErrorKind;
import dev.isthmus.cparser.Declaration;
import dev.isthmus.cparser.parse.CDeclarationsParser.ExternalDeclarationContext;
import dev.isthmus.cparser.parse.CDeclarationsParser.InitDeclaratorContext;
import dev.isthmus.cparser.parse.CDeclarationsParser.StaticAssertDeclarationContext;
import dev.isthmus.cparser.type.CType;

import org.antlr.v4.runtime.Token;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one parsed external declaration into entries of the {@link SymbolTable}: typedefs,
 * functions (inline definitions included, their bodies unparsed), variables, and
 * {@code static const} integer and floating constants, which become named constants as in
 * LuaJIT. Struct, union and enum definitions enter the table while their specifiers are read.
 */
final class DeclarationBuilder {
    private final TypeBuilder types;
    private final SymbolTable symbols;

    DeclarationBuilder(TypeBuilder types) {
        this.types = types;
        this.symbols = types.symbols();
    }

    void build(ExternalDeclarationContext external) {
        if (external.staticAssertDeclaration() != null) {
            staticAssert(external.staticAssertDeclaration(), types);
        } else if (external.compoundStatement() != null) {
            functionDefinition(external);
        } else if (external.declarationSpecifiers() != null) {
            declaration(external);
        }
    }

    /** A function definition (C11 6.9.1): one declarator, no initializer, then the body (skipped). */
    private void functionDefinition(ExternalDeclarationContext f) {
        var list = f.initDeclaratorList();
        if (list.initDeclarator().size() > 1 || list.initDeclarator(0).initializer() != null) {
            // Where C expects the ';' that ends a declaration, or a declarator before the body.
            throw types.error(CErrorKind.EXPECTED_SEMICOLON, f.compoundStatement().getStart());
        }
        TypeBuilder.Specifiers specifiers = types.specifiers(f.declarationSpecifiers().declarationSpecifier(), f.getStart());
        TypeBuilder.Declared declared = types.declarator(list.initDeclarator(0).declarator(), specifiers.type());
        Token name = declared.name().orElseThrow();
        if (!(declared.type() instanceof CType.Function function)) {
            throw types.error(CErrorKind.INVALID_TYPE, name, "'" + name.getText() + "' has a body but is not a function");
        }
        symbols.declare(new Declaration.Function(name.getText(), function, declared.parameterNames(), name.getText(),
                specifiers.isInline() || specifiers.storage() == TypeBuilder.Storage.STATIC, types.position(name)),
                name.getText());
    }

    private void declaration(ExternalDeclarationContext d) {
        TypeBuilder.Specifiers specifiers = types.specifiers(d.declarationSpecifiers().declarationSpecifier(), d.getStart());
        if (d.initDeclaratorList() == null) {
            // C only warns that `int;` declares nothing; LuaJIT wants a name unless a tag was declared.
            CType plain = CType.unqualified(specifiers.type());
            if (isLuajit() && !(plain instanceof dev.isthmus.cparser.type.RecordType || plain instanceof dev.isthmus.cparser.type.EnumType)) {
                throw types.error(CErrorKind.NO_DECLARATOR, d.getStop());
            }
            return;
        }
        for (InitDeclaratorContext init : d.initDeclaratorList().initDeclarator()) {
            initDeclarator(init, specifiers);
        }
    }

    /**
     * A function's {@code annotate} strings: before it, after the declarator, and after its
     * parameter list ({@code int f(void) __attribute__((annotate("x")));}, which the
     * grammar gives the declarator's suffix).
     */
    private List<String> annotations(InitDeclaratorContext init, GnuAttributes attributes) {
        List<String> annotations = new ArrayList<>(attributes.annotations());
        for (var suffix : init.declarator().directDeclarator().declaratorSuffix()) {
            annotations.addAll(GnuAttributes.of(suffix.gnuAttribute(), types.evaluator(), types).annotations());
        }
        return annotations;
    }

    private void initDeclarator(InitDeclaratorContext init, TypeBuilder.Specifiers specifiers) {
        TypeBuilder.Declared declared = types.declarator(init.declarator(), specifiers.type());
        Token name = declared.name().orElseThrow();
        GnuAttributes attributes = specifiers.attributes().merge(GnuAttributes.of(init.gnuAttribute(), types.evaluator(), types));
        CType type = types.applyDeclaratorAttributes(declared.type(), specifiers, attributes, name);
        String symbol = init.asmLabel() == null ? name.getText()
                : new String(ConstantEvaluator.stringBytes(init.asmLabel().stringLiteral()), StandardCharsets.UTF_8);
        var where = types.position(name);
        if (specifiers.storage() == TypeBuilder.Storage.TYPEDEF) {
            long alignment = Math.max(attributes.alignment(), specifiers.alignAs());
            if (alignment != 0) {
                type = CType.aligned(type, alignment);
            }
            symbols.declare(new Declaration.Typedef(name.getText(), type, declared.parameterNames(), where), name.getText());
        } else if (type instanceof CType.Function function) {
            symbols.declare(new Declaration.Function(name.getText(), function, declared.parameterNames(), symbol,
                    specifiers.isInline(), where, annotations(init, attributes), types.callbackParameterNames(init.declarator())),
                    name.getText());
        } else if (isLuajit() && specifiers.storage() == TypeBuilder.Storage.STATIC) {
            ConstantEvaluator.Value value = luajitConstant(types, init, type, name);
            symbols.declare(new Declaration.Constant(name.getText(), ConstantEvaluator.toConstantValue(value), where), name.getText());
        } else if (isLuajit() && init.initializer() != null) {
            // LuaJIT declares no objects, so an initializer is where it expected the ';'.
            throw types.error(CErrorKind.EXPECTED_SEMICOLON, init.ASSIGN().getSymbol());
        } else if (isNamedConstant(init, specifiers, type)) {
            ConstantEvaluator.Value value = types.evaluator().evaluate(init.initializer().assignmentExpression());
            symbols.declare(new Declaration.Constant(name.getText(), ConstantEvaluator.toConstantValue(
                    convertForConstant(value, type, init)), where), name.getText());
        } else {
            symbols.declare(new Declaration.Variable(name.getText(), type, symbol, where), name.getText());
        }
    }

    private boolean isLuajit() {
        return symbols.rules() == dev.isthmus.cparser.DeclarationRules.LUAJIT;
    }

    /**
     * A {@code static} declaration under LuaJIT's rules, at file scope or in a record: a
     * constant, which LuaJIT (lj_cparse.c, cp_decl_constinit) only makes of {@code const}
     * integers of up to 32 bits (not {@code bool}, not enums) with an initializer. Returns its
     * value converted to the type.
     */
    static ConstantEvaluator.Value luajitConstant(TypeBuilder types, InitDeclaratorContext init, CType type, Token name) {
        boolean isConstInteger = type instanceof CType.Qualified q && q.isConst()
                && q.base() instanceof dev.isthmus.cparser.type.Primitive p && p.isInteger() && p != dev.isthmus.cparser.type.Primitive.BOOL
                && types.abi().sizeOf(p) <= 4;
        if (!isConstInteger) {
            throw types.error(CErrorKind.UNSUPPORTED_STATIC, name, name.getText());
        }
        if (init.initializer() == null || init.initializer().assignmentExpression() == null) {
            throw types.error(CErrorKind.CONSTANT_WITHOUT_VALUE, tokenAfter(init), name.getText());
        }
        ConstantEvaluator.Value value = types.evaluator().integer(init.initializer().assignmentExpression());
        return types.evaluator().normalize(value.bits(), (dev.isthmus.cparser.type.Primitive) ((CType.Qualified) type).base());
    }

    /** The first token after {@code context}: its next sibling's, or its parent's next. */
    private static Token tokenAfter(org.antlr.v4.runtime.ParserRuleContext context) {
        var parent = context.getParent();
        if (parent == null) {
            return context.getStop();
        }
        int index = parent.children.indexOf(context);
        if (index + 1 < parent.getChildCount()) {
            var next = parent.getChild(index + 1);
            return next instanceof org.antlr.v4.runtime.tree.TerminalNode t ? t.getSymbol()
                    : ((org.antlr.v4.runtime.ParserRuleContext) next).getStart();
        }
        return tokenAfter(parent);
    }

    /** {@code static const} arithmetic objects with an initializer are constants, as in LuaJIT. */
    private static boolean isNamedConstant(InitDeclaratorContext init, TypeBuilder.Specifiers specifiers, CType type) {
        return specifiers.storage() == TypeBuilder.Storage.STATIC
                && type instanceof CType.Qualified q && q.isConst()
                && (q.base() instanceof dev.isthmus.cparser.type.Primitive || q.base() instanceof dev.isthmus.cparser.type.EnumType)
                && init.initializer() != null && init.initializer().assignmentExpression() != null;
    }

    /** The initializer converted to the declared type, so {@code static const char c = 300;} holds 44. */
    private ConstantEvaluator.Value convertForConstant(ConstantEvaluator.Value value, CType type, InitDeclaratorContext init) {
        CType base = ((CType.Qualified) type).base();
        if (base instanceof dev.isthmus.cparser.type.Primitive p) {
            if (p.isInteger() && !value.isFloating() && !value.isString()) {
                return types.evaluator().normalize(value.bits(), p);
            }
            if (p.isFloating() && value.isFloating()) {
                return ConstantEvaluator.Value.ofFloating(value.floating(), p);
            }
            if (p.isFloating() && !value.isString()) {
                return ConstantEvaluator.Value.ofFloating(value.bits(), p);
            }
        }
        if (!value.isFloating() && !value.isString()) {
            return value;
        }
        throw types.error(CErrorKind.NOT_CONSTANT, init.initializer().getStart());
    }

    static void staticAssert(StaticAssertDeclarationContext s, TypeBuilder types) {
        ConstantEvaluator.Value v = types.evaluator().integer(s.constantExpression());
        if (v.bits() == 0) {
            String message = s.stringLiteral() == null ? ""
                    : ": " + new String(ConstantEvaluator.stringBytes(s.stringLiteral()), StandardCharsets.UTF_8);
            throw types.error(CErrorKind.STATIC_ASSERT_FAILED, s.getStart(), message);
        }
    }

}
