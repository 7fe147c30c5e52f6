package dev.isthmus.lua.parse;

import dev.isthmus.lua.runtime.LuaString;

/**
 * One token: its kind, the line it starts on, its source text (for {@code near '...'} in
 * messages) and its value: a {@link LuaString} for strings and names, a {@code Double} for
 * numbers and imaginary literals, a {@code Long} for 64-bit literals.
 *
 * @param isUnsigned for {@link TokenKind#INT64}: the literal had a {@code ULL} suffix
 */
public record Token(TokenKind kind, int line, String text, Object value, boolean isUnsigned) {
}
