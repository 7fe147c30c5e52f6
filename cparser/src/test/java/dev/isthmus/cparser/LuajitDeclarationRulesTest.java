package dev.isthmus.cparser;

import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.RecordType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link DeclarationRules#LUAJIT}: what LuaJIT 2.1's {@code ffi.cdef} and type strings do with
 * redeclarations and tags (each expectation below was checked against Debian's luajit), beside
 * C's rules for the same text.
 */
class LuajitDeclarationRulesTest {
    private static final Abi ABI = Abi.byName("sysv-x86_64").orElseThrow();

    private static CScope luajit(String text) {
        CScope scope = CScope.create(ABI, DeclarationRules.LUAJIT);
        scope.declare(text, "cdef");
        return scope;
    }

    private static CErrorKind luajitError(String text) {
        return assertThrows(CParseException.class, () -> luajit(text)).first().kind();
    }

    @Test
    void aTypedefDeclaredAgainKeepsItsFirstType() {
        assertEquals(Primitive.INT, CType.unqualified(luajit("typedef int t; typedef long t;").typedef("t").orElseThrow()));
        assertEquals(Primitive.LONG, CType.unqualified(luajit("typedef long t; typedef int t;").typedef("t").orElseThrow()));
        assertEquals(CErrorKind.REDEFINITION, assertThrows(CParseException.class,
                () -> CScope.create(ABI).declare("typedef int t; typedef long t;", "c.h")).first().kind());
    }

    @Test
    void aFunctionOrVariableDeclaredAgainKeepsItsFirstType() {
        CScope scope = luajit("unsigned long strlen(const char *); int strlen(int);\nint v; long v;\ntypedef int tf; int tf(int);");
        assertEquals(Primitive.UNSIGNED_LONG, scope.function("strlen").orElseThrow().type().returnType());
        assertEquals(Primitive.INT, scope.variable("v").orElseThrow().type());
        assertEquals(Primitive.INT, CType.unqualified(scope.typedef("tf").orElseThrow()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "struct s { int a; }; struct s { int a; };",
            "union u { int a; }; union u { int a; };",
            "enum e { A = 1 }; enum e { A = 1 };"})
    void aTagBodyGivenAgainIsARedefinitionEvenWhenIdentical(String text) {
        assertEquals(CErrorKind.REDEFINITION, luajitError(text));
        CScope.create(ABI).declare(text, "c.h");
    }

    @Test
    void repeatedMemberNamesAreAllLaidOutAndLookupFindsTheFirst() {
        RecordType s = luajit("struct s3 { int a; char a; double b; };").struct("s3").orElseThrow();
        var layout = ABI.layoutOf(s);
        assertEquals(16, layout.byteSize());
        assertEquals(0, layout.findField("a", ABI::layoutOf).orElseThrow().byteOffset());
        assertEquals(Primitive.INT, layout.findField("a", ABI::layoutOf).orElseThrow().type());
        assertEquals(CErrorKind.DUPLICATE_MEMBER, assertThrows(CParseException.class,
                () -> CScope.create(ABI).declare("struct s3 { int a; char a; };", "c.h")).first().kind());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"struct nosuch", "struct nosuch *", "union nou", "enum noe", "struct named { int a; }", "union fwd"})
    void aTypeNameCannotDeclareATag(String typeName) {
        CScope scope = luajit("struct fwd;");
        CParseException e = assertThrows(CParseException.class, () -> scope.parseType(typeName));
        assertEquals(CErrorKind.UNDECLARED_TAG, e.first().kind());
    }

    @Test
    void signedCharIsCharWhereCharIsSigned() {
        CScope scope = luajit("typedef signed char i8;");
        assertEquals(Primitive.CHAR, scope.typedef("i8").orElseThrow());
        assertEquals(CType.pointerTo(Primitive.CHAR), scope.parseType("signed char *"));
        assertEquals(Primitive.UNSIGNED_CHAR, scope.parseType("unsigned char"));
        assertEquals(Primitive.SIGNED_CHAR, CScope.create(ABI).parseType("signed char"));
    }

    @Test
    void aTypeNameMayUseTagsDeclaredBeforeAndAnonymousBodies() {
        CScope scope = luajit("struct fwd; struct user { struct later *p; };");
        scope.parseType("struct fwd");
        scope.parseType("struct later *");
        scope.parseType("struct { int a; }");
        CScope.create(ABI).parseType("struct nosuch *");
    }
}
