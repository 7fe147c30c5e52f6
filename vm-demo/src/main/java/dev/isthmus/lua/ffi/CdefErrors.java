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

    /**
     * LuaJIT's sentence for a diagnostic, with its {@code at line N} suffix when the line is
     * not the first (lj_cparse.c, cp_errmsg), so an error deep in a cdef block says where.
     */
    static String message(CDiagnostic d) {
        int line = d.position().line();
        return sentence(d) + (line > 1 ? " at line " + line : "");
    }

    private static String sentence(CDiagnostic d) {
        boolean hasToken = d.token() != null && !d.token().isEmpty();
        String near = " near '" + (hasToken ? d.token() : "<eof>") + "'";
        if (d.kind() == dev.isthmus.cparser.CErrorKind.SYNTAX && hasToken && d.message().startsWith("unexpected")
                && isIdentifier(d.token())) {
            return "declaration specifier expected" + near;
        }
        return switch (d.kind()) {
            case EXPECTED_SEMICOLON -> "';' expected" + near;
            // LuaJIT's expr_primary says this of any token that cannot start an operand.
            case EXPECTED_EXPRESSION -> "unexpected symbol" + near;
            case EXPECTED_IDENTIFIER -> "'<identifier>' expected" + near;
            case EXPECTED_DECLARATION_SPECIFIERS -> "declaration specifier expected" + near;
            case EXPECTED_TOKEN -> d.message().substring("expected ".length()) + " expected" + near;
            // LuaJIT's parameter list takes a first void only right before its ')'.
            case VOID_NOT_ONLY_PARAMETER -> "')' expected" + near;
            case REDEFINITION, CONFLICTING_TYPES, TAG_KIND_MISMATCH -> "attempt to redefine '" + d.token() + "'";
            case NEGATIVE_ARRAY_SIZE, INCOMPLETE_MEMBER, INCOMPLETE_ELEMENT, TYPE_TOO_LARGE, ARRAY_OF_FUNCTIONS ->
                    "size of C type is unknown or too large";
            case INVALID_RETURN_TYPE, UNSUPPORTED_STATIC, MEMBER_STORAGE_CLASS, INVALID_REFERENCE, INVALID_BOOL -> "invalid C type";
            case DIVISION_BY_ZERO -> "invalid value";
            // LuaJIT checks the width as it reads the ':' before it.
            case BITFIELD_WIDTH -> "invalid value near ':'";
            case UNKNOWN_TYPE_NAME, NOT_A_TYPE -> "declaration specifier expected" + near;
            // LuaJIT's parser expects the struct's end after a flexible array, or a name, or the value.
            case FLEXIBLE_ARRAY_NOT_LAST -> "'}' expected" + near;
            case NO_DECLARATOR -> "'<identifier>' expected" + near;
            case CONSTANT_WITHOUT_VALUE -> "'=' expected" + near;
            case UNSUPPORTED_DIRECTIVE -> "unexpected symbol" + near;
            case UNDECLARED_IDENTIFIER -> "unexpected symbol" + near;
            case UNDECLARED_TAG -> d.message();
            default -> d.message() + (hasToken ? near : "");
        };
    }

    private static boolean isIdentifier(String token) {
        if (!Character.isJavaIdentifierStart(token.charAt(0)) || token.charAt(0) == '$') {
            return false;
        }
        return token.chars().allMatch(c -> c == '_' || c < 128 && Character.isLetterOrDigit(c));
    }
}
