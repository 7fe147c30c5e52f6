package dev.isthmus.cparser.preprocess;

import dev.isthmus.cparser.abi.Abi;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * {@code __has_attribute} and {@code __has_builtin} answer as {@code cc} does, for the
 * names headers ask about, names GCC does not know, and every spelling of a name.
 */
class CompilerFeaturesTest {
    private static final List<String> ATTRIBUTES = List.of("access", "alias", "aligned", "alloc_size", "always_inline",
            "artificial", "cold", "const", "deprecated", "fallthrough", "nodiscard", "maybe_unused", "format", "malloc",
            "nonnull", "__nonnull__", "noreturn", "packed", "__packed__", "gnu::packed", "pure", "returns_nonnull",
            "sentinel", "unused", "used", "visibility", "warn_unused_result", "weak", "no_sanitize", "noinline",
            "assume_aligned", "trivial_abi", "no_unique_address", "strict_flex_array", "assume", "nonesuch",
            "clang::fallthrough", "ms_abi", "vector_size", "mode", "cleanup", "transparent_union", "may_alias");
    private static final List<String> BUILTINS = List.of("__builtin_expect", "__builtin_unreachable", "__builtin_trap",
            "__builtin_add_overflow", "__builtin_mul_overflow", "__builtin_bswap16", "__builtin_bswap64",
            "__builtin_clz", "__builtin_ctzll", "__builtin_popcount", "__builtin_assume_aligned", "__builtin_nan",
            "__builtin_isinf", "__builtin_strlen", "__builtin_sprintf", "__builtin_va_arg_pack", "__builtin_offsetof",
            "__builtin_constant_p", "__builtin_object_size", "__sync_fetch_and_add", "__atomic_load_n", "isinf",
            "__builtin_bit_cast", "__builtin_is_constant_evaluated", "__builtin_operator_new",
            "__builtin_source_location", "__is_layout_compatible", "__make_integer_seq", "__builtin_nonesuch",
            "nonesuch");

    @Test
    void featureQueries_answerAsCcDoes() throws Exception {
        StringBuilder program = new StringBuilder();
        for (String a : ATTRIBUTES) {
            program.append("#if __has_attribute(").append(a).append(") == 1\none\n#elif __has_attribute(").append(a)
                    .append(")\nversion __has_attribute_value\n#else\nzero\n#endif\n");
        }
        for (String b : BUILTINS) {
            program.append("#if __has_builtin(").append(b).append(")\nyes\n#else\nno\n#endif\n");
        }
        // Versions are compared through a condition: __has_attribute outside #if is GCC-only.
        String text = program.toString().replace("__has_attribute_value", "");
        List<String> expected = PreprocessorOracleTest.tokens(PreprocessorOracleTest.ccPreprocess(text, List.of("-P")));
        List<String> actual = PreprocessorOracleTest.tokens(CPreprocessor.create(PreprocessorOptions.host(Abi.host()))
                .preprocessWithoutLineMarkers(text, "input.c").text());
        PreprocessorOracleTest.assertTokensEqual(expected, actual, "feature answers " + ATTRIBUTES + BUILTINS);
    }
}
