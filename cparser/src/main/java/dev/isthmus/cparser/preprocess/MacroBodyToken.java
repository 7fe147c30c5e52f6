package dev.isthmus.cparser.preprocess;

import java.util.ArrayList;
import java.util.List;

/**
 * A preprocessing token of a macro's replacement list as a tool reads it (C11 6.4): its
 * kind and spelling, lexed by the preprocessor's own lexer, so a tool that translates
 * macro bodies sees the tokens the preprocessor expands ({@code 1.5e+3f} one number,
 * {@code ->} one punctuator, a comment whitespace).
 */
public record MacroBodyToken(Kind kind, String text) {

    /** C11 6.4's preprocessing token kinds. */
    public enum Kind {
        IDENTIFIER, NUMBER, CHARACTER, STRING, PUNCTUATOR,
        /** A character no other kind takes, such as a stray {@code `} or an unterminated quote. */
        OTHER
    }

    /** The tokens of {@code text}, a replacement list ({@code ((x) * 2)}) or any C source. */
    public static List<MacroBodyToken> lex(String text) {
        List<MacroBodyToken> tokens = new ArrayList<>();
        for (PpToken t : PpLexer.tokenize(text, "")) {
            Kind kind = switch (t.kind()) {
                case IDENTIFIER -> Kind.IDENTIFIER;
                case NUMBER -> Kind.NUMBER;
                case CHARACTER -> Kind.CHARACTER;
                case STRING -> Kind.STRING;
                case PUNCTUATOR -> Kind.PUNCTUATOR;
                case OTHER -> Kind.OTHER;
                case PLACEMARKER, END -> null;
            };
            if (kind != null) {
                tokens.add(new MacroBodyToken(kind, t.text()));
            }
        }
        return tokens;
    }

    /**
     * The value of a character constant as the preprocessor's {@code #if} gives it, GCC's
     * ({@code 'a'} is 97, {@code '\377'} is -1: {@code char} is signed on the targets here).
     *
     * @throws IllegalStateException when this token is not a character constant
     */
    public long characterValue() {
        if (kind != Kind.CHARACTER) {
            throw new IllegalStateException("not a character constant: " + text);
        }
        return CharacterConstants.value(text);
    }

    /** True for an identifier or punctuator spelled {@code spelling}. */
    public boolean is(String spelling) {
        return (kind == Kind.IDENTIFIER || kind == Kind.PUNCTUATOR) && text.equals(spelling);
    }
}
