package dev.isthmus.cparser.parse;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.ActionTransition;
import org.antlr.v4.runtime.atn.AtomTransition;
import org.antlr.v4.runtime.atn.LexerSkipAction;
import org.antlr.v4.runtime.atn.RuleStopState;
import org.antlr.v4.runtime.atn.Transition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link LexerLiterals} answers as {@link CDeclarationsLexer} reads each spelling whole. */
class LexerLiteralsTest {

    /**
     * The table is the grammar's literals, read from the lexer's ATN: a rule made of literal
     * alternatives alone gives its spellings its type ({@code SKIPPED} for one that skips);
     * spellings of {@code IDENTIFIER}'s shape count only from rules before {@code IDENTIFIER},
     * which win over it. When this fails after a change of the grammar, bring the table in
     * {@code LexerLiterals} to what the message says the ATN has.
     */
    @Test
    void table_isWhatTheLexersAtnHasForItsLiteralRules() {
        ATN atn = CDeclarationsLexer._ATN;
        int identifierRule = List.of(CDeclarationsLexer.ruleNames).indexOf("IDENTIFIER");
        Map<String, Integer> expected = new HashMap<>();
        for (int rule = 0; rule < atn.ruleToStartState.length; rule++) {
            Map<String, Integer> spellings = new HashMap<>();
            int type = atn.ruleToTokenType[rule];
            if (type > 0 && walk(atn, atn.ruleToStartState[rule], new StringBuilder(), type, spellings, 0)) {
                for (Map.Entry<String, Integer> e : spellings.entrySet()) {
                    if (rule < identifierRule || !e.getKey().matches("[a-zA-Z_$][a-zA-Z_0-9$]*")) {
                        expected.putIfAbsent(e.getKey(), e.getValue());
                    }
                }
            }
        }
        assertEquals(new java.util.TreeMap<>(expected), new java.util.TreeMap<>(LexerLiterals.table()));
    }

    private static boolean walk(ATN atn, ATNState state, StringBuilder spelling, int type, Map<String, Integer> into, int depth) {
        if (depth > 64) {
            return false; // a loop: not a literal rule
        }
        if (state instanceof RuleStopState) {
            into.put(spelling.toString(), type);
            return true;
        }
        for (Transition t : state.getTransitions()) {
            int result = type;
            if (t instanceof ActionTransition a) {
                if (!(atn.lexerActions[a.actionIndex] instanceof LexerSkipAction)) {
                    return false; // a channel or other command
                }
                result = LexerLiterals.SKIPPED;
            } else if (t instanceof AtomTransition atom) {
                spelling.append((char) atom.label);
                boolean literal = walk(atn, t.target, spelling, type, into, depth + 1);
                spelling.setLength(spelling.length() - 1);
                if (!literal) {
                    return false;
                }
                continue;
            } else if (!t.isEpsilon()) {
                return false; // a set, a range, a wildcard
            }
            if (!walk(atn, t.target, spelling, result, into, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void everyLiteralAndNameShape_isTypedAsTheLexerTypesIt() {
        List<String> spellings = new ArrayList<>(LexerLiterals.table().keySet());
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
