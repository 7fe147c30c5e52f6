package dev.isthmus.cparser;

import dev.isthmus.cparser.abi.Abi;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Members and array elements of incomplete type (C11 6.7.2.1p3, 6.7.6.2p1), with every shape
 * of a record containing itself, which once overflowed the stack while laying it out: each is
 * a positioned error, and the machine's C compiler, the oracle, refuses the same text (issue #10).
 */
class IncompleteTypeTest {
    private static final Abi ABI = Abi.byName("sysv-x86_64").orElseThrow();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            struct s2 { struct s2 inner; };                          | INCOMPLETE_MEMBER       | 23
            typedef struct s3 s3_t; struct s3 { s3_t in; };          | INCOMPLETE_MEMBER       | 42
            struct s4 { struct s4 a[2]; };                           | INCOMPLETE_ELEMENT      | 24
            union u5 { union u5 a; };                                | INCOMPLETE_MEMBER       | 21
            struct a1 { struct b1 { struct a1 x; } y; };             | INCOMPLETE_MEMBER       | 35
            struct k { struct k *p; struct k (*q)[2]; };             | INCOMPLETE_ELEMENT      | 38
            struct b { struct nope z; };                             | INCOMPLETE_MEMBER       | 24
            struct v { void x; };                                    | INCOMPLETE_MEMBER       | 17
            struct f { int a[]; int b; };                            | FLEXIBLE_ARRAY_NOT_LAST | 25
            union g { int x; int a[]; };                             | INCOMPLETE_MEMBER       | 22
            typedef int T[]; struct m { T a; int b; };               | FLEXIBLE_ARRAY_NOT_LAST | 38
            extern struct nope arr[];                                | INCOMPLETE_ELEMENT      | 23
            int x[3][];                                              | INCOMPLETE_ELEMENT      | 6
            int (*f[2])(void); int g[2](void);                       | ARRAY_OF_FUNCTIONS      | 25
            """)
    void incompleteMemberOrElement_isAPositionedErrorAsInCc(String text, CErrorKind kind, int column) throws Exception {
        CParseException e = assertThrows(CParseException.class, () -> CScope.create(ABI).declare(text, "bad.h"));
        assertEquals(kind, e.first().kind(), e.getMessage());
        assertEquals(new SourcePosition("bad.h", 1, column), e.first().position(), e.getMessage());
        assertTrue(!ccAccepts(text), "cc accepts " + text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "struct h { int x; int a[]; };",
            "struct l { struct l *next; int n; };",
            "struct fwd; struct fwd *p; struct fwd f(struct fwd);",
            "void f(int n, double m[n][n]); void g(int a[*][*]);",
            "int regexec(unsigned long n, int m[__restrict n], int flags);"})
    void completeTypesAndVariableLengthParameters_areAccepted(String text) throws Exception {
        CScope.create(ABI).declare(text, "ok.h");
        assertTrue(ccAccepts(text), "cc refuses " + text);
    }

    private static boolean ccAccepts(String text) throws IOException, InterruptedException {
        Process cc = new ProcessBuilder("cc", "-fsyntax-only", "-x", "c", "-").redirectErrorStream(true).start();
        cc.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        cc.getOutputStream().close();
        cc.getInputStream().readAllBytes();
        assertTrue(cc.waitFor(60, TimeUnit.SECONDS), "cc did not finish");
        return cc.exitValue() == 0;
    }
}
