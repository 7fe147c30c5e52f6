package dev.isthmus.cparser;

import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.RecordType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            int x; int;                                        | NO_DECLARATOR
            static int x;                                      | UNSUPPORTED_STATIC
            static const long long x = 1;                      | UNSUPPORTED_STATIC
            static const double x = 1;                         | UNSUPPORTED_STATIC
            static const _Bool x = 1;                          | UNSUPPORTED_STATIC
            static int (*fp)();                                | UNSUPPORTED_STATIC
            static const int x;                                | CONSTANT_WITHOUT_VALUE
            const int x = 1;                                   | EXPECTED_SEMICOLON
            struct s { static int x = 1; };                    | UNSUPPORTED_STATIC
            struct s { const int k = 3; };                     | EXPECTED_SEMICOLON
            struct s { int; };                                 | NO_DECLARATOR
            struct s { int a[?]; int b; };                     | FLEXIBLE_ARRAY_NOT_LAST
            union u { double x; int a[?]; };                   | INCOMPLETE_MEMBER
            struct s { __int128 a : 2; };                      | BITFIELD_WIDTH
            typedef int t[0x10000][0x2000];                    | TYPE_TOO_LARGE
            typedef int t[10][?];                              | INCOMPLETE_ELEMENT
            #include <stdio.h>                                 | UNSUPPORTED_DIRECTIVE
            #define N 1                                        | UNSUPPORTED_DIRECTIVE
            """)
    void whatLuajitRefusesIsAnError(String text, CErrorKind kind) {
        assertEquals(kind, luajitError(text));
    }

    @Test
    void staticConstIntegersAreConstantsAtFileScopeAndInRecords() {
        CScope scope = luajit("""
                static const char k1 = 42 + 256; static const unsigned short k2 = 65535;
                struct s { enum { K_99 = 99 }; static const int K_55 = 55; int x; } ext;
                #pragma pack(1)
                # 7 "x.h"
                """);
        assertEquals(new ConstantValue.IntegerValue(42, Primitive.CHAR), scope.constant("k1").orElseThrow().value());
        assertEquals(65535, ((ConstantValue.IntegerValue) scope.constant("k2").orElseThrow().value()).bits());
        RecordType s = scope.struct("s").orElseThrow();
        assertEquals(55, s.body().constant("K_55").orElseThrow().value());
        assertEquals(99, s.body().constant("K_99").orElseThrow().value());
        assertEquals(4, ABI.layoutOf(s).byteSize());
        assertEquals(99, ABI.sizeOf(scope.parseType("char[ext.K_99]")));
        assertEquals(55, ABI.sizeOf(scope.parseType("char[((struct s *)0)->K_55]")));
        assertThrows(CParseException.class, () -> scope.parseType("char[K_55]"));
    }

    @Test
    void luajitKeywordsAndAttributes() {
        CScope scope = luajit("int __cdecl f1(int); int __fastcall f2(void); int (__stdcall *f3)(int); __thiscall int f4(int);");
        assertEquals(Primitive.COMPLEX_FLOAT, scope.parseType("complex float"));
        assertEquals(Primitive.COMPLEX_DOUBLE, scope.parseType("complex"));
        assertEquals(8, ABI.alignOf(scope.parseType("char __declspec(align(8))")));
        assertEquals(2, ABI.alignOf(scope.parseType("char __attribute__((aligned(8))) const __attribute__((aligned(2)))")));
        assertEquals(16, ABI.alignOf(scope.parseType("double __attribute__((vector_size(32)))")));
        assertEquals(32, ABI.sizeOf(scope.parseType("double __attribute__((mode(V8SF)))")));
        assertEquals(8, ABI.layoutOf(luajit("struct foo { int x, y; }; struct t { struct foo; };").struct("t").orElseThrow()).byteSize());
        // C keeps these names for identifiers, and its own alignment rules.
        CScope c = CScope.create(ABI);
        c.declare("int complex; int __cdecl;", "c.h");
        assertEquals(32, ABI.alignOf(c.parseType("double __attribute__((vector_size(32)))")));
    }
}
