package dev.isthmus.cparser.parse;

import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.ActionTransition;
import org.antlr.v4.runtime.atn.AtomTransition;
import org.antlr.v4.runtime.atn.LexerSkipAction;
import org.antlr.v4.runtime.atn.RuleStopState;
import org.antlr.v4.runtime.atn.Transition;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The token type {@link CDeclarationsLexer} gives a whole spelling, answered without running
 * the lexer where its rules make the answer plain: a keyword or punctuator (a rule that is
 * only literal alternatives, {@code CONST : 'const' | '__const' | '__const__'}) is its rule's
 * type, a spelling of a literal rule that skips ({@code __extension__}) is skipped, and any
 * other spelling of {@code IDENTIFIER}'s shape is an {@code IDENTIFIER}. The literals are read
 * from the lexer's ATN, so they are the grammar's, not a copy.
 *
 * <p>Why: running the generated lexer on each of the few thousand distinct spellings of a
 * header set built its DFA from cold, about a sixth of the preprocessor's time in step with
 * the parser (issue #13's cold start). Plain integer constants and string literals are
 * answered too; other numbers, strings and anything else still go to the lexer
 * ({@link #typeOf} is empty).
 */
final class LexerLiterals {
    /** What {@link #typeOf} answers for a spelling the lexer skips. */
    static final int SKIPPED = -2;
    private static final int IDENTIFIER_RULE = ruleIndex("IDENTIFIER");
    /** Spelling to token type (or {@link #SKIPPED}), for the literal rules, the first rule winning as in the lexer. */
    private static final Map<String, Integer> LITERALS = literals(CDeclarationsLexer._ATN);
    /** The literal spellings of the rules before IDENTIFIER, which win over it; the later ones lose to it. */
    private static final Map<String, Integer> BEFORE_IDENTIFIER = new HashMap<>();

    static {
        ATN atn = CDeclarationsLexer._ATN;
        for (int rule = 0; rule < IDENTIFIER_RULE; rule++) {
            Map<String, Integer> spellings = new HashMap<>();
            if (spellingsOf(atn, rule, spellings)) {
                spellings.forEach(BEFORE_IDENTIFIER::putIfAbsent);
            }
        }
    }

    private LexerLiterals() {
    }

    /** Every spelling of the literal rules, for tests. */
    static java.util.Set<String> spellings() {
        return java.util.Set.copyOf(LITERALS.keySet());
    }

    /** The lexer's type for {@code text} read whole as one default-channel token, {@link #SKIPPED}, or empty when only the lexer knows. */
    static Optional<Integer> typeOf(String text) {
        if (isIdentifierShaped(text)) {
            return Optional.of(BEFORE_IDENTIFIER.getOrDefault(text, CDeclarationsLexer.IDENTIFIER));
        }
        if (isPlainInteger(text)) {
            return Optional.of(CDeclarationsLexer.INTEGER_CONSTANT);
        }
        if (isPlainString(text)) {
            return Optional.of(CDeclarationsLexer.STRING_LITERAL);
        }
        return Optional.ofNullable(LITERALS.get(text));
    }

    /**
     * The commonest integer constants, decimal, octal or hexadecimal digits and a suffix of
     * {@code u} and {@code l} (a subset of the INTEGER_CONSTANT rule's spellings, which no
     * other rule reads longer), told apart without running the lexer; the rest
     * (separators, floating constants) go to the lexer.
     */
    private static boolean isPlainInteger(String text) {
        int n = text.length();
        int i = 0;
        if (n > 2 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X')) {
            i = 2;
            while (i < n && Character.digit(text.charAt(i), 16) >= 0) {
                i++;
            }
            if (i == 2) {
                return false;
            }
        } else {
            boolean octal = n > 0 && text.charAt(0) == '0';
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= (octal ? '7' : '9')) {
                i++;
            }
            if (i == 0) {
                return false;
            }
        }
        while (i < n && "uUlL".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i == n;
    }

    /** A string literal without prefix, escape or line break: {@code "..."}, as the STRING_LITERAL rule reads it. */
    private static boolean isPlainString(String text) {
        int n = text.length();
        if (n < 2 || text.charAt(0) != '"' || text.charAt(n - 1) != '"') {
            return false;
        }
        for (int i = 1; i < n - 1; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    /** The shape of the IDENTIFIER rule: {@code [a-zA-Z_$] [a-zA-Z_0-9$]*}. */
    private static boolean isIdentifierShaped(String text) {
        if (text.isEmpty() || Character.isDigit(text.charAt(0))) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$')) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Integer> literals(ATN atn) {
        Map<String, Integer> all = new HashMap<>();
        for (int rule = 0; rule < atn.ruleToStartState.length; rule++) {
            Map<String, Integer> spellings = new HashMap<>();
            if (spellingsOf(atn, rule, spellings)) {
                spellings.forEach(all::putIfAbsent);
            }
        }
        return all;
    }

    /** Collects a rule's spellings into {@code into}; false when the rule is not made of literals alone. */
    private static boolean spellingsOf(ATN atn, int rule, Map<String, Integer> into) {
        int type = atn.ruleToTokenType[rule];
        if (type <= 0) {
            return false; // a fragment
        }
        return walk(atn, atn.ruleToStartState[rule], new StringBuilder(), type, into, 0);
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
                result = SKIPPED;
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

    private static int ruleIndex(String name) {
        String[] names = CDeclarationsLexer.ruleNames;
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("the lexer has no rule " + name);
    }
}
