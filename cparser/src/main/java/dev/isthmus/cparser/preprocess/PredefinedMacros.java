package dev.isthmus.cparser.preprocess;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The macros a target's compiler predefines, as text of {@code #define} lines: checked-in
 * facts taken once from {@code cc -dM -E} (GCC, System V x86-64) and {@code clang -target
 * ... -dM -E} (AArch64 Linux, Windows x64), one resource per ABI name. How to regenerate
 * them is in docs/bind.md.
 */
final class PredefinedMacros {
    private PredefinedMacros() {
    }

    /** The definitions for an ABI name ({@code sysv-x86_64}, {@code aarch64}, {@code win64}). */
    static String forAbi(String abiName) {
        try (InputStream in = PredefinedMacros.class.getResourceAsStream(abiName.concat(".h"))) {
            if (in == null) {
                throw new IllegalArgumentException("no predefined macros for the ABI '" + abiName + "'");
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
