package dev.isthmus.cparser.parse;

import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.ConstantValue;
import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.oracle.CompilerOracle;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Constant expressions evaluated by us and by {@code cc}: the value's bits, the size of its
 * type and its signedness must agree. The expressions exercise promotions, the usual
 * arithmetic conversions, unsigned wraparound, shifts, casts, sizeof, character constants
 * and literal typing (C11 6.3, 6.4.4, 6.5, 6.6).
 */
class ConstantExpressionTest {
    private static final String DECLARATIONS = """
            struct pair { char c; double d; int a[3]; };
            enum color { RED, GREEN = 5, BLUE, BIG = 0x7fffffff };
            static const int K = 12;
            typedef unsigned short u16;
            """;

    private static final List<String> EXPRESSIONS = List.of(
            "1 + 2 * 3", "7 / 2", "-7 / 2", "-7 % 3", "7u / 2", "-1u", "0u - 1", "-1 < 0u", "-1L < 0u",
            "1u << 31", "1LL << 62", "-8 >> 1", "0xffffffff", "0x7fffffff + 1u", "4294967295",
            "2147483648", "0x80000000", "-2147483648", "(char)300", "(unsigned char)-1", "(signed char)200",
            "(short)70000", "(u16)-1", "(int)3.9", "(int)-3.9", "(unsigned)-1.0 == 0", "'a'", "'\\377'",
            "'\\n' + 1", "'ab'", "sizeof(int)", "sizeof(long)", "sizeof(struct pair)", "_Alignof(struct pair)",
            "__builtin_offsetof(struct pair, a[2])", "sizeof(K)", "BLUE", "BIG - 1", "BIG + 1u",
            "RED - 1", "1 ? 2 : 3", "0 ? 1u : -1", "0 ? 1 : -1", "!5", "~0u", "~0", "3 && 0", "0 || 7",
            "10 == 10.0", "sizeof(1.5f)", "sizeof 'x'", "sizeof(\"abc\")", "(long)1 << 40",
            "0x10ULL >> 2", "1000000 * 1000000LL", "-(unsigned char)1", "(_Bool)5", "(_Bool)0.5",
            "sizeof(u16) * 3", "0b1011", "077", "1e3 > 999", "(long long)1e18", "18446744073709551615u",
            "(unsigned long)-1 / 3", "-9223372036854775807LL - 1", "(int)(0.1 + 0.2 > 0.3)");

    @Test
    void constantExpressions_evaluated_agreeWithTheCompiler() throws Exception {
        CScope scope = CScope.create(Abi.host());
        scope.declare(DECLARATIONS, "decls.h");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < EXPRESSIONS.size(); i++) {
            text.append("static const long long e").append(i).append(" = 0;\n");
        }
        List<CompilerOracle.Probe> probes = new ArrayList<>();
        StringBuilder prelude = new StringBuilder(DECLARATIONS);
        for (int i = 0; i < EXPRESSIONS.size(); i++) {
            String e = EXPRESSIONS.get(i);
            prelude.append("struct probe").append(i).append(" { char value[(unsigned long long)(").append(e)
                    .append(") % 4093 + 1]; char size[sizeof(").append(e).append(")]; char isSigned[((")
                    .append(e).append(") - (").append(e).append(") - 1 < 0) + 1]; };\n");
            probes.add(new CompilerOracle.Probe("struct probe" + i, List.of("size", "isSigned"), List.of()));
        }
        List<CompilerOracle.Measurement> measured = CompilerOracle.forAbi(Abi.host()).measure(prelude.toString(), probes);
        for (int i = 0; i < EXPRESSIONS.size(); i++) {
            String e = EXPRESSIONS.get(i);
            scope.declare("static const long long v" + i + " = " + e + ";\nstatic const int s" + i + " = sizeof(" + e
                    + ");\nstatic const int n" + i + " = ((" + e + ") - (" + e + ") - 1 < 0);", "expr.h");
            long ours = bits(scope, "v" + i);
            long theirsValue = measured.get(i).offsets().getFirst() - 1;
            long theirsSize = measured.get(i).offsets().get(1) - measured.get(i).offsets().getFirst();
            long theirsSigned = measured.get(i).byteSize() - measured.get(i).offsets().get(1) - 1;
            assertEquals(theirsValue, Long.remainderUnsigned(ours, 4093), "value of " + e);
            assertEquals(theirsSize, bits(scope, "s" + i), "sizeof(" + e + ")");
            assertEquals(theirsSigned, bits(scope, "n" + i), "signedness of " + e);
        }
    }

    private static long bits(CScope scope, String name) {
        return switch (scope.constant(name).orElseThrow().value()) {
            case ConstantValue.IntegerValue i -> i.bits();
            default -> throw new AssertionError(name + " is not an integer");
        };
    }
}
