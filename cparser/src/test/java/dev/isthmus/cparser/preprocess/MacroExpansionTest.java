package dev.isthmus.cparser.preprocess;

import dev.isthmus.cparser.abi.Abi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Macro replacement and conditionals on small programs, each checked token for token
 * against {@code cc -E -P}: the C11 standard's examples of 6.10.3.5 and the corners of
 * {@code #}, {@code ##}, variadic macros, {@code __VA_OPT__}, rescanning and {@code #if}
 * arithmetic. Errors carry their positions.
 */
class MacroExpansionTest {

    @ParameterizedTest
    @ValueSource(strings = {
        // C11 6.10.3.5 EXAMPLE 3.
        "#define x 3\n#define f(a) f(x * (a))\n#undef x\n#define x 2\n#define g f\n#define z z[0]\n#define h g(~\n"
            + "#define m(a) a(w)\n#define w 0,1\n#define t(a) a\n#define p() int\n#define q(x) x\n#define r(x,y) x ## y\n"
            + "#define str(x) # x\nf(y+1) + f(f(z)) % t(t(g)(0) + t)(1);\ng(x+(3,4)-w) | h 5) & m\n(f)^m(m);\n"
            + "p() i[q()] = { q(1), r(2,3), r(4,), r(,5), r(,) };\nchar c[2][6] = { str(hello), str() };\n",
        // EXAMPLE 4.
        "#define str(s) # s\n#define xstr(s) str(s)\n#define debug(s, t) printf(\"x\" # s \"= %d, x\" # t \"= %s\", \\\n"
            + " x ## s, x ## t)\n#define INCFILE(n) vers ## n\n#define glue(a, b) a ## b\n#define xglue(a, b) glue(a, b)\n"
            + "#define HIGHLOW \"hello\"\n#define LOW LOW \", world\"\ndebug(1, 2);\n"
            + "fputs(str(strncmp(\"abc\\0d\", \"abc\", '\\4') == 0) str(: @\\n), s);\nxstr(INCFILE(2).h)\n"
            + "glue(HIGH, LOW);\nxglue(HIGH, LOW)\n",
        // EXAMPLE 5 and 7.
        "#define t(x,y,z) x ## y ## z\nint j[] = { t(1,2,3), t(,4,5), t(6,,7), t(8,9,),\n t(10,,), t(,11,), t(,,12), t(,,) };\n"
            + "#define debug(...) fprintf(stderr, __VA_ARGS__)\n#define showlist(...) puts(#__VA_ARGS__)\n"
            + "#define report(test, ...) ((test)?puts(#test): printf(__VA_ARGS__))\ndebug(\"Flag\");\n"
            + "debug(\"X = %d\\n\", x);\nshowlist(The first, second, and third items.);\n"
            + "report(x>y, \"x is %d but y is %d\", x, y);\n",
        // GNU comma removal, named variadic parameters, __VA_OPT__.
        "#define e(fmt, ...) f(fmt, ## __VA_ARGS__)\ne(1) e(1,) e(1, 2, 3)\n#define n(a, rest...) g(a, rest)\n"
            + "n(1) n(1, 2, 3)\n#define o(a, ...) h(a __VA_OPT__(,) __VA_ARGS__)\no(1) o(1, 2) o(1,)\n",
        // Rescanning into the following text, self-reference, paste into operators.
        "#define f(x) [x]\n#define g f\n#define h() g\nh()(1) g (2) g\n#define foo foo bar\nfoo\n"
            + "#define cat(a, b) a ## b\ncat(+, +) cat(<<, =) cat(., 5) cat(x, 15) cat(1, e) cat(L, 'a') cat(-, >)\n",
        // Object-like macros that paste, and the spaces of replacements that begin with placemarkers.
        "#define OBJ x ## 1\n#define EMPTY\n#define LEAD EMPTY ## EMPTY y\n#define f(a, b) a ## b z\n[OBJ] [LEAD] (f(,)) (f(, w))\n",
        // Conditionals and their arithmetic.
        "#if -1 > 0u\nunsigned\n#endif\n#if (2 || 1/0) && !defined(X) && ~0 == -1\nok\n#elif 1\nno\n#else\nno\n#endif\n"
            + "#define Y 5\n#if Y * 2 == 10 && 'a' == 97 && 0x10 == 16 && 010 == 8 && (1 ? 2 : 3) == 2 && -1 >> 63 == -1\nyes\n"
            + "#endif\n#ifdef __has_include\n#if __has_include(<stdio.h>) && !__has_include(\"no/such.h\")\nhas\n#endif\n#endif\n"
            + "#if __has_attribute(packed) && __has_builtin(__builtin_expect) && !__has_builtin(__builtin_nonesuch)\nfeat\n#endif\n"
            + "#if defined __x86_64__ && __SIZEOF_LONG__ == 8\nlp64\n#endif\n__LINE__ __INCLUDE_LEVEL__\n#line 100\n__LINE__\n",
        // Integer constants in #if: every base, suffixes in any case and order, the unsigned ones.
        "#if 0x1fULL == 31 && 0XaBl == 171 && 0b101 == 5 && 0B11u == 3 && 0777 == 511 && 0 == 0u && 00 == 0lu\nbases\n#endif\n"
            + "#if 18446744073709551615u == -1 && 0xFFFFFFFFFFFFFFFF > 0 && 9223372036854775807 > 0 && -1 < 0uLL\nwide\n#endif\n"
            + "#if 10LL / 3 == 3 && 10Ul % 3 == 1 && 0x8000000000000000 >> 63 == 1 && -9223372036854775807 - 1 < 0\nsigns\n#endif\n",
        // Stringizing spacing and strings inside arguments; empty and parenthesised arguments.
        "#define s(x) #x\ns(  a   +  b  ) s(\"q\\\"\" '\\'') s() s((a, b)) s(a\n b)\n#define two(a, b) <a|b>\ntwo((1,2), ([3,4]))\n"
            + "two(,) two( , )\n#pragma pack(push, 4)\n#define P pack(pop)\n_Pragma(\"pack(pop)\")\n"})
    void program_expandsAsCcDoes(String program) throws Exception {
        List<String> expected = PreprocessorOracleTest.tokens(PreprocessorOracleTest.ccPreprocess(program, List.of("-P")));
        List<String> actual = PreprocessorOracleTest.tokens(CPreprocessor.create(PreprocessorOptions.host(Abi.host()))
                .preprocessWithoutLineMarkers(program, "input.c").text());
        PreprocessorOracleTest.assertTokensEqual(expected, actual, program);
    }

    /**
     * Text given as a string is lexed as ISO-8859-1 bytes when every character fits one, and
     * as UTF-8 otherwise (with its line splices removed from the bytes). {@code cc} reads the
     * program as UTF-8, so our text is compared in that encoding; the characters beyond ASCII
     * are in literals, which {@code cc -E} prints as written (identifiers it prints as
     * universal character names).
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "#define S \"caf\u00e9\"\n#define s(x) #x\nS s(na\u00efve \"\u00e0\") '\u00e9' \"\u00e9t\\\n\u00e9\"\n",
        "#define S \"\u2603\"\n#define s(x) #x\nS s(a \"\u00e9\u2603\") \"\u2603\\\n\u2603\" x\\\ny \"\u00e9\"\n"})
    void program_withCharactersBeyondAscii_expandsAsCcDoes(String program) throws Exception {
        List<String> expected = PreprocessorOracleTest.tokens(PreprocessorOracleTest.ccPreprocess(program, List.of("-P")));
        String text = CPreprocessor.create(PreprocessorOptions.host(Abi.host())).preprocessWithoutLineMarkers(program, "input.c").text();
        List<String> actual = PreprocessorOracleTest.tokens(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        PreprocessorOracleTest.assertTokensEqual(expected, actual, program);
    }

    @Test
    void errorDirective_isReportedWithItsPosition() {
        PreprocessException e = assertThrows(PreprocessException.class, () -> preprocess(
                "int a;\n#if 1\n  #error this header needs a C11 compiler\n#endif\n#warning later\n"));
        assertEquals("t.h:3:4: error: #error this header needs a C11 compiler\nt.h:5:2: warning: #warning later",
                e.getMessage());
    }

    @Test
    void missingHeader_stopsWithItsName() {
        PreprocessException e = assertThrows(PreprocessException.class, () -> preprocess("\n#include \"nonesuch.h\"\nint a;\n"));
        assertEquals("t.h:2:2: error: nonesuch.h: No such file or directory", e.getMessage());
    }

    @Test
    void badDirectivesAndExpressions_areEachReported() {
        PreprocessException e = assertThrows(PreprocessException.class, () -> preprocess(
                "#if 1 +\n#endif\n#frobnicate\n#define f(x) x\nf(1, 2)\n#if 1 / 0\n#endif\n#endif\n#if 1\n"));
        assertEquals(List.of("t.h:1:7: error: #if expression ends early", "t.h:3:2: error: invalid preprocessing directive #frobnicate",
                "t.h:5:1: error: macro \"f\" passed 2 arguments, but takes just 1", "t.h:6:7: error: division by zero in #if",
                "t.h:8:2: error: #endif without #if", "t.h:9:1: error: unterminated conditional directive"),
                e.diagnostics().stream().map(PreprocessDiagnostic::toString).toList());
    }

    @Test
    void badIntegerConstantsInConditions_areReportedAsCcReportsThem() throws Exception {
        // cc -E rejects each of these; the messages are ours, the positions and verdicts cc's.
        String program = "#if 08\n#endif\n#if 0x\n#endif\n#if 1.5\n#endif\n#if 12uz\n#endif\n";
        assertThrows(Exception.class, () -> PreprocessorOracleTest.ccPreprocess(program, List.of("-P")));
        PreprocessException e = assertThrows(PreprocessException.class, () -> preprocess(program));
        assertEquals(List.of("t.h:1:5: error: invalid integer constant \"08\" in #if",
                "t.h:3:5: error: invalid integer constant \"0x\" in #if",
                "t.h:5:5: error: floating constant in preprocessor expression",
                "t.h:7:5: error: invalid integer constant \"12uz\" in #if"),
                e.diagnostics().stream().map(PreprocessDiagnostic::toString).toList());
        for (String bad : List.of("08", "0x", "1.5", "12uz")) {
            String one = "#if " + bad + "\n#endif\n";
            assertThrows(Exception.class, () -> PreprocessorOracleTest.ccPreprocess(one, List.of("-P")), bad);
        }
    }

    @Test
    void lineMarkers_nameTheHeaderOfEveryDeclaration() {
        String text = preprocess("#include <zlib.h>\n").text();
        assertTrue(text.contains("\"/usr/include/zlib.h\"\n"), "a line marker for zlib.h");
        assertTrue(text.contains("\"/usr/include/zconf.h\"\n"), "a line marker for zconf.h");
    }

    private static Preprocessed preprocess(String text) {
        return CPreprocessor.create(PreprocessorOptions.host(Abi.host())).preprocess(text, "t.h");
    }
}
