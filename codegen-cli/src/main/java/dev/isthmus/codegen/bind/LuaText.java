package dev.isthmus.codegen.bind;

import java.util.Set;

/** Lua source text: string literals (Lua 5.1 2.1, decimal escapes) and table keys. */
final class LuaText {
    private static final Set<String> KEYWORDS = Set.of("and", "break", "do", "else", "elseif", "end", "false", "for",
            "function", "if", "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while");

    private LuaText() {
    }

    /** A double-quoted literal of these bytes; Lua's {@code \ddd} escape is decimal, not octal as in C. */
    static String string(byte[] bytes) {
        StringBuilder s = new StringBuilder("\"");
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        s.append((char) c);
                    } else {
                        // Three digits, so a digit that follows is not read as part of the escape.
                        s.append('\\').append(String.format("%03d", c));
                    }
                }
            }
        }
        return s.append('"').toString();
    }

    /** A table constructor's key: {@code name}, or {@code ["end"]} for a Lua keyword. */
    static String key(String name) {
        return isIdentifier(name) ? name : "[\"" + name + "\"]";
    }

    /** {@code name} when it is a Lua identifier, else with what is not replaced by {@code _}. */
    static String identifierOr(String name) {
        String replaced = name.replaceAll("[^A-Za-z0-9_]", "_");
        return isIdentifier(replaced) ? replaced : "_" + replaced;
    }

    private static boolean isIdentifier(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") && !KEYWORDS.contains(name);
    }
}
