package dev.isthmus.cparser.parse;

import dev.isthmus.cparser.Declaration;
import dev.isthmus.cparser.SourcePosition;
import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.RecordType;

import java.util.List;
import java.util.Optional;

/**
 * The typedef names GCC predefines, which preprocessed headers use without declaring:
 * {@code __builtin_va_list} (whose layout is the ABI's: SysV psABI 3.5.7, AAPCS64 10.1.5,
 * a plain {@code char *} on Windows), {@code __int128_t} and {@code __uint128_t}.
 */
public final class BuiltinTypes {
    private BuiltinTypes() {
    }

    public static void declareInto(SymbolTable symbols, Abi abi) {
        predeclare(symbols, "__builtin_va_list", vaList(abi));
        predeclare(symbols, "__int128_t", Primitive.INT128);
        predeclare(symbols, "__uint128_t", Primitive.UNSIGNED_INT128);
    }

    private static void predeclare(SymbolTable symbols, String name, CType type) {
        symbols.predeclare(new Declaration.Typedef(name, type, SourcePosition.BUILTIN));
    }

    private static CType vaList(Abi abi) {
        CType voidPointer = CType.pointerTo(Primitive.VOID);
        return switch (abi.name()) {
            case "sysv-x86_64" -> {
                RecordType tag = new RecordType(RecordType.Kind.STRUCT, Optional.of("__va_list_tag"), SourcePosition.BUILTIN);
                tag.complete(RecordType.Body.of(List.of(
                        RecordType.Member.of("gp_offset", Primitive.UNSIGNED_INT),
                        RecordType.Member.of("fp_offset", Primitive.UNSIGNED_INT),
                        RecordType.Member.of("overflow_arg_area", voidPointer),
                        RecordType.Member.of("reg_save_area", voidPointer))), SourcePosition.BUILTIN);
                yield CType.arrayOf(tag, 1);
            }
            case "aarch64" -> {
                RecordType tag = new RecordType(RecordType.Kind.STRUCT, Optional.of("__va_list"), SourcePosition.BUILTIN);
                tag.complete(RecordType.Body.of(List.of(
                        RecordType.Member.of("__stack", voidPointer),
                        RecordType.Member.of("__gr_top", voidPointer),
                        RecordType.Member.of("__vr_top", voidPointer),
                        RecordType.Member.of("__gr_offs", Primitive.INT),
                        RecordType.Member.of("__vr_offs", Primitive.INT))), SourcePosition.BUILTIN);
                yield tag;
            }
            default -> CType.pointerTo(Primitive.CHAR);
        };
    }
}
