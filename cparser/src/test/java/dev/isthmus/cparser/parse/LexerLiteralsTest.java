package dev.isthmus.cparser.parse;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link LexerLiterals} answers as {@link CDeclarationsLexer} reads each spelling whole. */
class LexerLiteralsTest {

    @Test
    void everyLiteralAndNameShape_isTypedAsTheLexerTypesIt() {
        List<String> spellings = new ArrayList<>(LexerLiterals.spellings());
        assertTrue(spellings.containsAll(List.of("const", "__const__", "->", "...", "__extension__", "_Float128")), spellings.toString());
        spellings.addAll(List.of("constant", "x", "_", "$", "$x", "a$1", "__int1280", "_Float128x", "int_", "sizeof_t", "asm2"));
        for (String spelling : spellings) {
            Optional<Integer> answer = LexerLiterals.typeOf(spelling);
            assertTrue(answer.isPresent(), spelling);
            assertEquals(lexerType(spelling), answer.get(), spelling);
        }
    }

    @Test
    void plainIntegersAndStrings_areTypedAsTheLexerTypesThem() {
        for (String spelling : List.of("0", "1", "42u", "0755", "0x1fUL", "0XABCDEFllu", "18446744073709551615ULL", "\"\"",
                "\"a string, with /* */ and 'q'\"")) {
            Optional<Integer> answer = LexerLiterals.typeOf(spelling);
            assertTrue(answer.isPresent(), spelling);
            assertEquals(lexerType(spelling), answer.get(), spelling);
        }
    }

    @Test
    void otherNumbersAndStrings_areLeftToTheLexer() {
        for (String spelling : List.of("1.5e3f", "1e5", "0x1p3", "08", "0x", "1'000", "12i", "'a'", "\"s\\n\"", "L\"w\"", "%:", "<<=")) {
            assertEquals(Optional.empty(), LexerLiterals.typeOf(spelling), spelling);
        }
    }

    /** The lexer's type for a spelling read as one token (or skipped). */
    private static int lexerType(String spelling) {
        CDeclarationsLexer lexer = new CDeclarationsLexer(CharStreams.fromString(spelling));
        lexer.removeErrorListeners();
        Token first = lexer.nextToken();
        if (first.getType() == Token.EOF) {
            return LexerLiterals.SKIPPED;
        }
        assertEquals(spelling.length() - 1, first.getStopIndex(), "read whole: " + spelling);
        return first.getType();
    }
}
