package dev.isthmus.cparser;

import dev.isthmus.cparser.abi.Abi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every error kind from C text: its position, its token and its sentence. */
class CParseErrorTest {

    private static CParseException errorsOf(String text) {
        CScope scope = CScope.create(Abi.byName("sysv-x86_64").orElseThrow());
        return assertThrows(CParseException.class, () -> scope.declare(text, "bad.h"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            int x\\nint y;                              | EXPECTED_SEMICOLON       | 2 | 1  | int
            foo_t x;                                   | UNKNOWN_TYPE_NAME        | 1 | 1  | foo_t
            void f(int a, foo_t *b);                   | UNKNOWN_TYPE_NAME        | 1 | 15 | foo_t
            int a[-1];                                 | NEGATIVE_ARRAY_SIZE      | 1 | 7  | -
            struct s { int x : 33; };                  | BITFIELD_WIDTH           | 1 | 20 | 33
            struct s { int x : 0; };                   | BITFIELD_WIDTH           | 1 | 20 | 0
            struct s { double d : 3; };                | BITFIELD_TYPE            | 1 | 19 | d
            int a[1 / 0];                              | DIVISION_BY_ZERO         | 1 | 9  | /
            typedef int T;\\ntypedef long T;           | REDEFINITION             | 2 | 14 | T
            int f(int);\\nint f(double);               | CONFLICTING_TYPES        | 2 | 5  | f
            struct s { int x; };\\nstruct s { int y; }; | REDEFINITION            | 2 | 8  | s
            struct s;\\nunion s *p;                    | TAG_KIND_MISMATCH        | 2 | 7  | s
            `_Static_assert(1 == 2, "nope");`          | STATIC_ASSERT_FAILED     | 1 | 1  | _Static_assert
            long long long x;                          | INVALID_TYPE_SPECIFIERS  | 1 | 1  | long
            int a[n];                                  | UNDECLARED_IDENTIFIER    | 1 | 7  | n
            int a[1 << 70];                            | SHIFT_COUNT              | 1 | 9  | <<
            int a[99999999999999999999];               | INVALID_CONSTANT         | 1 | 7  | 99999999999999999999
            struct s { int x; } __attribute__((aligned(3))); | INVALID_ALIGNMENT | 1 | 36 | aligned
            #pragma pack(3)                            | BAD_PRAGMA               | 1 | 1  | #pragma pack(3)
            int @;                                     | SYNTAX                   | 1 | 5  | @
            static int a;;; x y;                       | UNKNOWN_TYPE_NAME        | 1 | 17 | x
            int f(void) {                              | EXPECTED_TOKEN           | 1 | 14 | ''
            int a[;                                    | EXPECTED_EXPRESSION      | 1 | 7  | ;
            struct;                                    | EXPECTED_IDENTIFIER      | 1 | 7  | ;
            int a, ;                                   | EXPECTED_IDENTIFIER      | 1 | 8  | ;
            int f(int, ;                               | EXPECTED_DECLARATION_SPECIFIERS | 1 | 12 | ;
            struct s { int a;                          | EXPECTED_DECLARATION_SPECIFIERS | 1 | 18 | ''
            int (*p;                                   | EXPECTED_TOKEN           | 1 | 8  | ;
            int f(void, int);                          | VOID_NOT_ONLY_PARAMETER  | 1 | 11 | ,
            struct s { int a; union { int b; char a; }; }; | DUPLICATE_MEMBER     | 1 | 39 | a
            """)
    void declaration_withAnError_isReportedWithKindPositionAndToken(String text, CErrorKind kind, int line, int column,
                                                                     String token) {
        CDiagnostic d = errorsOf(text.replace("\\n", "\n")).first();
        assertEquals(kind, d.kind(), d.toString());
        assertEquals(new SourcePosition("bad.h", line, column), d.position(), d.toString());
        assertEquals(token.equals("''") ? "" : token, d.token(), d.toString());
        assertTrue(d.toString().startsWith("bad.h:" + line + ":" + column + ": error: "), d.toString());
    }

    @Test
    void missingSemicolon_readsLikeACompilerMessage() {
        assertEquals("bad.h:3:14: error: expected ';' after declaration near 'int'",
                errorsOf("int a;\nint b;\nint c = 1    int d;").first().toString());
    }

    @Test
    void errors_inSeveralDeclarations_areAllReportedAndGoodOnesKept() {
        CScope scope = CScope.create(Abi.host());
        CParseException e = assertThrows(CParseException.class,
                () -> scope.declare("int x\nint y;\nfoo_t z;\nint ok;\nstruct s { int q : 99; };\nint ok2;", "bad.h"));
        assertEquals(List.of(2, 3, 5), e.diagnostics().stream().map(d -> d.position().line()).toList());
        assertTrue(scope.variable("ok").isPresent());
        assertTrue(scope.variable("ok2").isPresent());
    }

    @Test
    void redefinition_namesTheFirstDefinition() {
        String message = errorsOf("typedef int T;\n\ntypedef char T;").first().message();
        assertEquals("redefinition of 'T' with a different meaning (first defined at bad.h:1:13)", message);
    }

    @Test
    void absurdNesting_isAnErrorNotACrash() {
        String deep = "int " + "(".repeat(20_000) + "x" + ")".repeat(20_000) + ";";
        CScope scope = CScope.create(Abi.host());
        try {
            scope.declare(deep, "deep.h");
        } catch (CParseException e) {
            assertEquals(CErrorKind.TOO_COMPLEX, e.first().kind());
        }
        String deepExpression = "int a[" + "(".repeat(20_000) + "1" + ")".repeat(20_000) + "];";
        CParseException e = assertThrows(CParseException.class, () -> scope.declare(deepExpression + deepExpression, "deep.h"));
        assertTrue(e.diagnostics().stream().allMatch(d -> d.kind() == CErrorKind.TOO_COMPLEX), e.getMessage());
    }
}
