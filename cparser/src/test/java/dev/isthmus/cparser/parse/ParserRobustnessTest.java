package dev.isthmus.cparser.parse;

import dev.isthmus.cparser.CParseException;
import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.oracle.HeaderLayouts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Feeds the parser garbage: random token sequences and real preprocessed headers with
 * tokens deleted, duplicated, swapped and inserted. The only outcomes allowed are a result
 * or a {@link CParseException} whose diagnostics have positions; any other throwable, or
 * an input that takes more than a generous bound, fails with the seed and the input.
 */
class ParserRobustnessTest {
    private static final long SEED = Long.getLong("isthmus.seed", 20261125L);
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String[] VOCABULARY = {
        "int", "char", "long", "unsigned", "signed", "short", "double", "float", "void", "_Bool", "const", "volatile",
        "restrict", "struct", "union", "enum", "typedef", "extern", "static", "inline", "sizeof", "_Alignof",
        "_Alignas", "_Static_assert", "__attribute__", "__asm__", "__typeof__", "__extension__", "__int128",
        "_Complex", "x", "y", "T", "foo_t", "size_t", "(", ")", "[", "]", "{", "}", ";", ",", ":", "*", "=", "?",
        "...", "<<", ">>", "-", "+", "/", "%", "&", "|", "^", "!", "~", "0", "1", "42", "0x7fffffff", "1e300",
        "'a'", "\"s\"", "#pragma pack(1)\n", "#pragma pack(pop)\n", "# 3 \"f.h\"\n", "#define N 3\n", "$", "@", "\\",
        "__builtin_offsetof", "packed", "aligned", "mode", "vector_size", "\n",
    };
    private static final Pattern TOKEN = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"|\\w+|[^\\s\\w]|\\n");

    @Test
    void randomTokenSequences_giveAResultOrPositionedDiagnostics() {
        Random random = new Random(SEED);
        for (int i = 0; i < 1500; i++) {
            StringBuilder text = new StringBuilder("typedef int T;\n");
            int length = 1 + random.nextInt(120);
            for (int k = 0; k < length; k++) {
                text.append(VOCABULARY[random.nextInt(VOCABULARY.length)]).append(' ');
            }
            check(text.toString(), "random input " + i);
        }
    }

    @Test
    void mutatedSystemHeaders_giveAResultOrPositionedDiagnostics() throws Exception {
        String header = HeaderLayouts.preprocess("#include <time.h>\n#include <signal.h>\n", List.of());
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(header);
        while (m.find()) {
            tokens.add(m.group());
        }
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 80; i++) {
            List<String> mutated = new ArrayList<>(tokens);
            int edits = 1 + random.nextInt(20);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(mutated.size() - 1);
                switch (random.nextInt(4)) {
                    case 0 -> mutated.remove(at);
                    case 1 -> mutated.add(at, mutated.get(at));
                    case 2 -> mutated.set(at, mutated.set(at + 1, mutated.get(at)));
                    default -> mutated.add(at, VOCABULARY[random.nextInt(VOCABULARY.length)]);
                }
            }
            check(String.join(" ", mutated).replace(" \n ", "\n"), "mutated header " + i);
        }
    }

    private static void check(String text, String what) {
        assertTimeoutPreemptively(BOUND, () -> {
            try {
                CScope.create(Abi.host()).declare(text, "fuzz.h");
            } catch (CParseException e) {
                e.diagnostics().forEach(d -> assertTrue(d.position().line() >= 1 && d.position().column() >= 1, d.toString()));
            } catch (Throwable t) {
                fail(what + " (seed " + SEED + ") threw " + t + " for input:\n"
                        + text.substring(0, Math.min(text.length(), 2000)), t);
            }
        }, () -> what + " (seed " + SEED + ") took longer than " + BOUND);
    }
}
