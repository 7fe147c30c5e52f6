package dev.isthmus.lua.ffi;

import dev.isthmus.cparser.CDiagnostic;
import dev.isthmus.cparser.CParseException;
import dev.isthmus.lua.runtime.LuaError;

/**
 * cparser's diagnostics as the ffi library reports them: in LuaJIT's words where LuaJIT has
 * a message for the same mistake ({@code ';' expected near '}'}, {@code attempt to redefine
 * 'dup'}), so scripts that show or match those messages see what LuaJIT shows. Mistakes
 * LuaJIT words differently or not at all keep cparser's sentence, with the line. Where
 * LuaJIT is more lenient (a typedef or function declared again with another type, a
 * duplicate member), cparser still refuses, as a C compiler does.
 */
final class CdefErrors {
    private CdefErrors() {
    }

    /** The Lua error for a failed {@code cdef} or type string. */
    static LuaError toLua(CParseException e) {
        return new LuaError(message(e.first()));
    }

    static String message(CDiagnostic d) {
        boolean hasToken = d.token() != null && !d.token().isEmpty();
        String near = " near '" + (hasToken ? d.token() : "<eof>") + "'";
        if (d.kind() == dev.isthmus.cparser.CErrorKind.SYNTAX && hasToken && d.message().startsWith("unexpected")
                && isIdentifier(d.token())) {
            return "declaration specifier expected" + near;
        }
        return switch (d.kind()) {
            case EXPECTED_SEMICOLON -> "';' expected" + near;
            case REDEFINITION, CONFLICTING_TYPES, TAG_KIND_MISMATCH -> "attempt to redefine '" + d.token() + "'";
            case NEGATIVE_ARRAY_SIZE -> "size of C type is unknown or too large";
            case DIVISION_BY_ZERO -> "invalid value";
            // LuaJIT checks the width as it reads the ':' before it.
            case BITFIELD_WIDTH -> "invalid value near ':'";
            case UNKNOWN_TYPE_NAME, NOT_A_TYPE -> "declaration specifier expected" + near;
            case UNDECLARED_TAG -> d.message();
            default -> d.message() + (hasToken ? near : "") + " at line " + d.position().line();
        };
    }

    private static boolean isIdentifier(String token) {
        if (!Character.isJavaIdentifierStart(token.charAt(0)) || token.charAt(0) == '$') {
            return false;
        }
        return token.chars().allMatch(c -> c == '_' || c < 128 && Character.isLetterOrDigit(c));
    }
}
