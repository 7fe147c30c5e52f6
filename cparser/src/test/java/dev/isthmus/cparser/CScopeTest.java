package dev.isthmus.cparser;

import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.RecordType;
import dev.isthmus.cparser.type.TypeRenderer;
import dev.isthmus.cparser.type.TypeSpelling;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Declarations in, types and symbols out: one row per construct of issue #2's grammar list. */
class CScopeTest {

    private static CScope scope(String text) {
        CScope scope = CScope.create(Abi.byName("sysv-x86_64").orElseThrow());
        scope.declare(text, "test.h");
        return scope;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            typedef int (*T)(int, ...);                          | int (*)(int, ...)
            struct foo; typedef struct foo *T[4];                | struct foo *[4]
            typedef int (*(*T)(void))(double);                   | int (*(*)(void))(double)
            typedef char T[2][3];                                | char [2][3]
            typedef const char *T;                               | const char *
            typedef char *const T;                               | char *const
            typedef const volatile int *restrict T;              | const volatile int *restrict
            typedef int T();                                     | int ()
            typedef int T(void);                                 | int (void)
            typedef void (*T)(int a, char *b, ...);              | void (*)(int, char *, ...)
            typedef void (*T)(int a[3], void f(int));            | void (*)(int *, void (*)(int))
            typedef unsigned long int T;                         | unsigned long
            typedef long unsigned T;                             | unsigned long
            typedef signed T;                                    | int
            typedef short signed int T;                          | short
            typedef long long unsigned int T;                    | unsigned long long
            typedef long double _Complex T;                      | _Complex long double
            typedef float __complex__ T;                         | _Complex float
            typedef unsigned __int128 T;                         | unsigned __int128
            typedef _Float128 T;                                 | _Float128
            typedef _Float64 T;                                  | double
            typedef _Float32x T;                                 | double
            typedef _Bool T;                                     | _Bool
            typedef int T __attribute__((mode(DI)));             | long
            typedef unsigned int T __attribute__((__mode__(__QI__))); | unsigned char
            typedef float T __attribute__((vector_size(16)));    | float __attribute__((vector_size(16)))
            typedef __typeof__(int *) T;                         | int *
            typedef _Atomic(long) T;                             | long
            typedef int T[?];                                    | int [?]
            typedef int T[sizeof(long) * 2 + (1 ? 1 : 0)];       | int [17]
            typedef int T[];                                     | int []
            typedef int A; typedef A *T;                         | int *
            typedef __builtin_va_list T;                         | struct __va_list_tag [1]
            typedef __uint128_t T;                               | unsigned __int128
            __extension__ typedef long long T;                   | long long
            typedef int __attribute__((unused)) T __attribute__((deprecated)); | int
            """)
    void typedef_ofDeclarator_rendersBackToTheSameCType(String declaration, String expected) {
        CScope scope = scope(declaration);
        CType type = scope.typedef("T").orElseThrow();
        assertEquals(expected, TypeRenderer.render(type));
        if (!expected.contains("va_list") && !expected.contains("foo") && !expected.contains("vector_size")) {
            assertSame(type, scope.parseType(expected), "rendering parses back to the same interned type");
        }
    }

    @Test
    void typedefName_reusedAsMemberAndParameterName_isADeclarator() {
        CScope scope = scope("typedef int T; struct s { T T; T *U; }; void f(int T); void g(T); T T2;");
        RecordType s = scope.struct("s").orElseThrow();
        assertEquals(Optional.of("T"), s.body().members().getFirst().name());
        assertEquals(Primitive.INT, s.body().members().getFirst().type());
        assertEquals(List.of(Primitive.INT), scope.function("f").orElseThrow().type().parameterTypes());
        assertEquals(List.of(Primitive.INT), scope.function("g").orElseThrow().type().parameterTypes());
        assertEquals(Primitive.INT, scope.variable("T2").orElseThrow().type());
    }

    @Test
    void functions_withAsmLabelsInlineBodiesAndParameterNames_areDeclared() {
        CScope scope = scope("""
                extern int fscanf_like(int *__restrict x, ...) __asm__ ("" "__isoc99_fscanf");
                static __inline__ int square(int x) { struct { int a; } t = { x }; return ({ t.a * x; }); }
                int unnamed(int, char *name);
                """);
        assertEquals("__isoc99_fscanf", scope.function("fscanf_like").orElseThrow().symbol());
        assertTrue(scope.function("square").orElseThrow().isInline());
        assertEquals(List.of(Optional.empty(), Optional.of("name")), scope.function("unnamed").orElseThrow().parameterNames());
    }

    @Test
    void parameterNames_comeFromTheInnermostParameterList() {
        CScope scope = scope("""
                extern void (parenthesised)(int code, char *why);
                int (*chooser(int which))(double ignored);
                typedef unsigned long (*writer)(char *buffer, unsigned long size, void *);
                typedef void handler(int signal);
                handler on_signal;
                """);
        assertEquals(List.of(Optional.of("code"), Optional.of("why")), scope.function("parenthesised").orElseThrow().parameterNames());
        assertEquals(List.of(Optional.of("which")), scope.function("chooser").orElseThrow().parameterNames());
        assertEquals(List.of(Optional.empty()), scope.function("on_signal").orElseThrow().parameterNames());
        Declaration.Typedef writer = scope.declarations().stream().filter(d -> d instanceof Declaration.Typedef t
                && t.name().equals("writer")).map(Declaration.Typedef.class::cast).findFirst().orElseThrow();
        assertEquals(List.of(Optional.of("buffer"), Optional.of("size"), Optional.empty()), writer.parameterNames());
    }

    @Test
    void callbackParameterNames_areThoseOfEachFunctionPointerParameter() {
        CScope scope = scope("""
                int visit(int count, void (*each)(int index, void *), void *user, int (*pick)(double weight));
                int (*chooser(int (*rank)(int score)))(double ignored);
                int plain(int a, int b);
                int none(void);
                """);
        assertEquals(List.of(List.of(), List.of(Optional.of("index"), Optional.empty()), List.of(), List.of(Optional.of("weight"))),
                scope.function("visit").orElseThrow().callbackParameterNames());
        assertEquals(List.of(List.of(Optional.of("score"))), scope.function("chooser").orElseThrow().callbackParameterNames());
        assertEquals(List.of(List.of(), List.of()), scope.function("plain").orElseThrow().callbackParameterNames());
        assertEquals(List.of(), scope.function("none").orElseThrow().callbackParameterNames());
    }

    @Test
    void constants_fromEnumsStaticConstAndDefines_haveCValuesAndTypes() {
        CScope scope = scope("""
                enum flags { READ = 1 << 0, WRITE = 1 << 1, BOTH = READ | WRITE, NEG = -3, NEXT };
                static const int K = 40 + 2;
                static const double PI = 3.25;
                #define BUFSIZE 8192
                #define MINUS_ONE (-1)
                #define BIG 0xffffffffffULL
                #define NAME "isthmus"
                #define HALF 0.5f
                #define FUNCTION_LIKE(x) ((x) + 1)
                #define NOT_CONSTANT do { } while (0)
                """);
        assertEquals(new ConstantValue.IntegerValue(3, Primitive.INT), scope.constant("BOTH").orElseThrow().value());
        assertEquals(new ConstantValue.IntegerValue(-2, Primitive.INT), scope.constant("NEXT").orElseThrow().value());
        assertEquals(new ConstantValue.IntegerValue(42, Primitive.INT), scope.constant("K").orElseThrow().value());
        assertEquals(new ConstantValue.FloatingValue(3.25, Primitive.DOUBLE), scope.constant("PI").orElseThrow().value());
        assertEquals(new ConstantValue.IntegerValue(8192, Primitive.INT), scope.constant("BUFSIZE").orElseThrow().value());
        assertEquals(new ConstantValue.IntegerValue(-1, Primitive.INT), scope.constant("MINUS_ONE").orElseThrow().value());
        assertEquals(new ConstantValue.IntegerValue(0xffffffffffL, Primitive.UNSIGNED_LONG_LONG), scope.constant("BIG").orElseThrow().value());
        assertEquals("isthmus", new String(((ConstantValue.StringValue) scope.constant("NAME").orElseThrow().value()).bytes()));
        assertEquals(new ConstantValue.FloatingValue(0.5, Primitive.FLOAT), scope.constant("HALF").orElseThrow().value());
        assertFalse(scope.constant("FUNCTION_LIKE").isPresent());
        assertFalse(scope.constant("NOT_CONSTANT").isPresent());
        assertEquals(Primitive.INT, scope.enumType("flags").orElseThrow().body().underlyingType());
    }

    @Test
    void defines_areConstantsForTheDeclarationsAfterThem() {
        CScope scope = scope("""
                #define LEN 12
                #define COUNT (LEN / 4 + KIND_LAST)
                enum kind { KIND_A, KIND_LAST };
                struct rec { char name[LEN]; int v[KIND_LAST + 1]; };
                """);
        assertEquals(20, scope.sizeOf("struct rec"), "char[12] and int[2], as cc lays them out");
        assertEquals(new ConstantValue.IntegerValue(4, Primitive.INT), scope.constant("COUNT").orElseThrow().value(),
                "a define naming a later enumerator is evaluated once the text is read");
    }

    @Test
    void parameter_qualifiedTypedefNameAlone_isTheType() {
        // C11 6.7.6.3p11: a name that may be a typedef name or a parameter name is the typedef name.
        CScope scope = scope("typedef unsigned long T; int g(const T); int h(volatile T, T x); int k(int T);");
        assertEquals("int (unsigned long)", TypeRenderer.render(scope.function("g").orElseThrow().type()));
        assertEquals("int (unsigned long, unsigned long)", TypeRenderer.render(scope.function("h").orElseThrow().type()));
        assertEquals(List.of(Optional.of("T")), scope.function("k").orElseThrow().parameterNames());
    }

    @Test
    void typedefUse_keepsTheSpellingApartFromTheType() {
        CScope scope = scope("typedef unsigned long size_t; typedef size_t (*sizer)(size_t);"
                + "struct s { const size_t n; size_t *p[2]; unsigned long raw; int (*f)(const size_t, size_t *, int (*)(size_t), long);"
                + " sizer g; };");
        List<RecordType.Member> members = scope.struct("s").orElseThrow().body().members();
        assertEquals("const size_t n", TypeRenderer.declare(members.get(0).type(), "n", members.get(0).spelling()));
        assertEquals("size_t *p[2]", TypeRenderer.declare(members.get(1).type(), "p", members.get(1).spelling()));
        assertSame(TypeSpelling.AS_RESOLVED, members.get(2).spelling());
        assertEquals("int (*f)(size_t, size_t *, int (*)(size_t), long)", TypeRenderer.declare(members.get(3).type(), "f",
                members.get(3).spelling()), "parameters keep their typedefs, the top-level const dropped as C drops it");
        assertEquals("int (*)(unsigned long, unsigned long *, int (*)(unsigned long), long)", TypeRenderer.render(members.get(3).type()));
        assertEquals("sizer g", TypeRenderer.declare(members.get(4).type(), "g", members.get(4).spelling()));
        assertSame(CType.unqualified(members.get(0).type()), members.get(2).type(), "size_t is unsigned long, one interned type");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            enum e { A, B };                                     | UNSIGNED_INT
            enum e { A = -1, B };                                | INT
            enum e { A = 0x100000000 };                          | UNSIGNED_LONG
            enum e { A = -1, B = 0x100000000 };                  | LONG
            enum __attribute__((packed)) e { A, B = 255 };       | UNSIGNED_CHAR
            enum __attribute__((packed)) e { A = -1, B = 127 };  | SIGNED_CHAR
            enum e { A, B = 256 } __attribute__((packed));       | UNSIGNED_SHORT
            """)
    void enum_values_chooseGccsUnderlyingType(String declaration, Primitive expected) {
        assertEquals(expected, scope(declaration).enumType("e").orElseThrow().body().underlyingType());
    }

    @Test
    void tags_forwardDeclaredThenDefined_areOneType() {
        CScope scope = scope("struct node; typedef struct node *link; struct node { int value; link next; };");
        RecordType node = scope.struct("node").orElseThrow();
        assertTrue(node.isComplete());
        assertSame(node, ((CType.Pointer) scope.typedef("link").orElseThrow()).target());
        assertSame(node, ((CType.Pointer) node.body().members().get(1).type()).target());
    }

    @Test
    void redeclaration_withTheSameMeaning_isAccepted() {
        CScope scope = scope("typedef int T; typedef int T; struct s { int x; }; struct s { int x; }; int f(int); int f(int a);"
                + " extern int v; extern int v; enum e { A }; enum e { A };");
        assertTrue(scope.struct("s").orElseThrow().isComplete());
    }

    @Test
    void pragmaPack_inAllItsForms_capsFieldAlignment() {
        CScope scope = scope("""
                #pragma pack(push, 1)
                struct a { char c; int x; };
                #pragma pack(2)
                struct b { char c; int x; };
                #pragma pack(pop)
                struct c { char c; int x; };
                #pragma pack(4)
                struct d { char c; double x; };
                #pragma pack()
                struct e { char c; double x; };
                """);
        assertEquals(List.of(5L, 6L, 8L, 12L, 16L), List.of("struct a", "struct b", "struct c", "struct d", "struct e")
                .stream().map(scope::sizeOf).toList());
    }

    @Test
    void lineMarkers_renameTheFileAndLineOfDeclarations() {
        CScope scope = scope("# 1 \"<stdin>\"\n# 40 \"/usr/include/foo.h\" 1 3 4\n\nint x;\n# 7 \"bar.h\"\ntypedef int y;\n");
        assertEquals(new SourcePosition("/usr/include/foo.h", 41, 5), scope.variable("x").orElseThrow().position());
        assertEquals("bar.h:7:13", scope.declarations().get(1).position().toString());
    }

    @Test
    void parseType_withDollarParameters_substitutesThemInOrder() {
        CScope scope = scope("struct point { int x, y; };");
        CType point = scope.parseType("struct point");
        assertEquals(CType.pointerTo(point), scope.parseType("$ *", point));
        assertEquals(CType.arrayOf(Primitive.DOUBLE, 3), scope.parseType("$[3]", Primitive.DOUBLE));
        assertEquals(8, scope.sizeOf("struct point"));
        assertEquals(4, scope.offsetOf("struct point", "y"));
    }

    @Test
    void parseType_unknownNameAsFirstToken_isAPositionedErrorNotACrash() {
        CScope scope = scope("");
        CParseException e = org.junit.jupiter.api.Assertions.assertThrows(CParseException.class, () -> scope.parseType("complex"));
        assertEquals("complex", e.first().token());
    }

    @Test
    void offsetOf_pathsThroughArraysAndAnonymousMembers_match() {
        CScope scope = scope("struct in { char c; int a[4]; }; struct out { long l; union { struct in i[2]; double d; }; };");
        assertEquals(8 + 20 + 4 + 3 * 4, scope.offsetOf("struct out", "i[1].a[3]"));
    }

    @Test
    void atomically_whenWorkThrows_forgetsWhatItDeclaredAndKeepsWhatWasThere() {
        CScope scope = scope("struct kept { int a; }; struct fwd;");
        int before = scope.declarations().size();
        org.junit.jupiter.api.Assertions.assertThrows(CParseException.class, () -> scope.atomically(
                () -> scope.declare("struct added { int b; }; typedef int added_t; struct fwd { int c; }; int f(;", "t.h")));
        assertFalse(scope.struct("added").isPresent());
        assertFalse(scope.typedef("added_t").isPresent());
        assertTrue(scope.struct("kept").orElseThrow().isComplete());
        assertEquals(before, scope.declarations().size());
        // A type completed in the failed text stays complete, as LuaJIT keeps it.
        assertTrue(scope.struct("fwd").orElseThrow().isComplete());
    }

    @Test
    void atomically_whenWorkSucceeds_keepsItsDeclarations() {
        CScope scope = scope("");
        scope.atomically(() -> scope.declare("typedef long added_t;", "t.h"));
        assertTrue(scope.typedef("added_t").isPresent());
        scope.atomically(() -> scope.declare("typedef long second_t;", "t.h"));
        assertTrue(scope.typedef("second_t").isPresent());
    }

    @Test
    void declare_soleVoidParameterSpelledAnyWay_meansNoParameters() {
        CScope scope = scope("typedef void V; int f(V); int g(const void); void (*h)(V);");
        assertEquals(0, ((CType.Function) scope.function("f").orElseThrow().type()).parameterTypes().size());
        assertEquals(0, ((CType.Function) scope.function("g").orElseThrow().type()).parameterTypes().size());
        assertTrue(scope.variable("h").isPresent());
    }
}
