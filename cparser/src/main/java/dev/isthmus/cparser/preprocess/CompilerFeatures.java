package dev.isthmus.cparser.preprocess;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What {@code __has_attribute} and {@code __has_builtin} answer: GCC 12's answers, which
 * {@code CompilerFeaturesTest} checks against {@code cc}. An attribute may be spelled with
 * or without the surrounding underscores, and with a {@code gnu::} scope; the standard C2x
 * attributes answer their version, as GCC does. Builtins: every {@code __sync_} and
 * {@code __atomic_} function, and a list of {@code __builtin_} functions and the library
 * functions GCC treats as builtins; C++-only traits answer 0, as they do in C.
 */
final class CompilerFeatures {
    private static final Map<String, Integer> ATTRIBUTES = new HashMap<>();
    private static final Set<String> BUILTIN_SUFFIXES = Set.of(
            "expect", "expect_with_probability", "unreachable", "trap", "constant_p", "offsetof", "va_start",
            "va_end", "va_copy", "va_arg_pack", "va_arg_pack_len", "object_size",
            "dynamic_object_size", "add_overflow", "sub_overflow", "mul_overflow", "add_overflow_p",
            "sub_overflow_p", "mul_overflow_p", "sadd_overflow", "saddl_overflow", "saddll_overflow",
            "ssub_overflow", "ssubl_overflow", "ssubll_overflow", "smul_overflow", "smull_overflow",
            "smulll_overflow", "uadd_overflow", "uaddl_overflow", "uaddll_overflow", "usub_overflow",
            "usubl_overflow", "usubll_overflow", "umul_overflow", "umull_overflow", "umulll_overflow",
            "bswap16", "bswap32", "bswap64", "bswap128", "clz", "clzl", "clzll", "ctz", "ctzl", "ctzll",
            "clrsb", "clrsbl", "clrsbll", "popcount", "popcountl", "popcountll", "parity", "parityl", "parityll",
            "ffs", "ffsl", "ffsll", "assume_aligned", "alloca", "alloca_with_align", "frame_address",
            "return_address", "extract_return_addr", "frob_return_addr", "prefetch", "types_compatible_p",
            "choose_expr", "complex", "shuffle", "convertvector", "call_with_static_chain", "has_attribute",
            "speculation_safe_value", "LINE", "FILE", "FUNCTION", "huge_val", "huge_valf", "huge_vall", "inf",
            "inff", "infl", "nan", "nanf", "nanl", "nans", "nansf", "nansl", "isinf", "isinf_sign", "isnan",
            "isfinite", "isnormal", "signbit", "fpclassify", "isgreater", "isgreaterequal", "isless",
            "islessequal", "islessgreater", "isunordered", "iseqsig", "issignaling", "memcpy", "memmove",
            "memset", "memcmp", "memchr", "strlen", "strcpy", "strncpy", "strcat", "strncat", "strcmp",
            "strncmp", "strchr", "strrchr", "strstr", "strdup", "sprintf", "snprintf", "vsprintf",
            "vsnprintf", "printf", "fprintf", "puts", "putchar", "abort", "exit", "malloc", "calloc", "free",
            "realloc", "abs", "labs", "llabs", "fabs", "fabsf", "fabsl", "copysign", "sqrt", "sin", "cos",
            "exp", "log", "pow", "floor", "ceil", "round", "trunc", "fmin", "fmax", "cpu_init", "cpu_is",
            "cpu_supports", "ia32_pause", "clear_cache", "classify_type", "apply", "apply_args", "return",
            "setjmp", "longjmp", "eh_return", "unwind_init", "dwarf_cfa", "aggregate_incoming_address",
            "tgmath");
    private static final Set<String> LIBRARY_BUILTINS = Set.of(
            "isinf", "isnan", "isfinite", "isnormal", "signbit", "fpclassify", "memcpy", "memmove", "memset",
            "memcmp", "strlen", "strcpy", "strcmp", "sprintf", "snprintf", "printf", "abort", "exit", "malloc",
            "calloc", "free", "abs", "labs", "fabs", "sqrt", "sin", "cos", "exp", "log", "pow", "floor", "ceil");

    static {
        for (String name : ("access alias aligned alloc_align alloc_size always_inline artificial assume_aligned cold "
                + "const constructor copy destructor error externally_visible flatten format format_arg gnu_inline "
                + "hot ifunc interrupt leaf malloc no_icf no_instrument_function no_profile_instrument_function "
                + "no_reorder no_sanitize no_sanitize_address no_address_safety_analysis no_sanitize_thread "
                + "no_sanitize_undefined no_sanitize_coverage no_split_stack no_stack_limit no_stack_protector "
                + "noclone noinline noipa nonnull noplt noreturn nothrow optimize patchable_function_entry pure "
                + "returns_nonnull returns_twice section sentinel simd stack_protect symver target target_clones "
                + "unavailable unused used visibility warn_unused_result warning weak weakref zero_call_used_regs "
                + "nocf_check indirect_branch function_return indirect_return fentry_name fentry_section cdecl "
                + "stdcall fastcall thiscall regparm sseregparm force_align_arg_pointer ms_abi sysv_abi "
                + "ms_hook_prologue naked no_caller_saved_registers callee_pop_aggregate_return cleanup common "
                + "nocommon mode nonstring packed tls_model vector_size warn_if_not_aligned uninitialized "
                + "designated_init transparent_union may_alias scalar_storage_order ms_struct gcc_struct noinit "
                + "persistent retain objc_root_class").split(" ")) {
            ATTRIBUTES.put(name, 1);
        }
        // C2x standard attributes answer the version of their specification, as GCC 12 does.
        ATTRIBUTES.put("deprecated", 201904);
        ATTRIBUTES.put("fallthrough", 201904);
        ATTRIBUTES.put("maybe_unused", 201904);
        ATTRIBUTES.put("nodiscard", 202003);
    }

    private CompilerFeatures() {
    }

    /** The value of {@code __has_attribute(name)}, with {@code name} possibly scoped ({@code gnu::packed}). */
    static int attribute(String name) {
        String bare = name.startsWith("gnu::") ? name.substring(5) : name.startsWith("__gnu__::") ? name.substring(9) : name;
        if (bare.contains("::")) {
            return 0;
        }
        if (bare.length() > 4 && bare.startsWith("__") && bare.endsWith("__")) {
            bare = bare.substring(2, bare.length() - 2);
        }
        return ATTRIBUTES.getOrDefault(bare, 0);
    }

    /** The value of {@code __has_builtin(name)}. */
    static int builtin(String name) {
        if (name.startsWith("__sync_") || name.startsWith("__atomic_")) {
            return 1;
        }
        if (name.startsWith("__builtin_")) {
            return BUILTIN_SUFFIXES.contains(name.substring("__builtin_".length())) ? 1 : 0;
        }
        return LIBRARY_BUILTINS.contains(name) ? 1 : 0;
    }
}
