package dev.isthmus.lua.lib;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * {@code os.setlocale}: the C library's own {@code setlocale}, so the locale it sets is the one
 * C functions called through {@code ffi} see. The category numbers are glibc's
 * ({@code <locale.h>}: LC_CTYPE 0, LC_NUMERIC 1, LC_TIME 2, LC_COLLATE 3, LC_MONETARY 4, LC_ALL 6).
 */
final class CLocale {
    private static final String[] CATEGORY_NAMES = {"ctype", "numeric", "time", "collate", "monetary", null, "all"};

    private CLocale() {
    }

    /** The handle is made on first use: most scripts never ask. */
    private static final class Handle {
        static final MethodHandle SETLOCALE = Linker.nativeLinker().downcallHandle(
                Linker.nativeLinker().defaultLookup().find("setlocale").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS.withTargetLayout(ValueLayout.JAVA_BYTE), ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
    }

    /** glibc's number for a Lua category name, or -1 when there is no such category. */
    static int category(String name) {
        for (int i = 0; i < CATEGORY_NAMES.length; i++) {
            if (name.equals(CATEGORY_NAMES[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Sets (or with a null locale, queries) the category's locale: the locale's name, or null when refused. */
    static String set(int category, String locale) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = locale == null ? MemorySegment.NULL : arena.allocateFrom(locale);
            MemorySegment result = (MemorySegment) Handle.SETLOCALE.invokeExact(category, name);
            return result.equals(MemorySegment.NULL) ? null : result.reinterpret(Long.MAX_VALUE).getString(0);
        } catch (Throwable e) {
            throw new IllegalStateException("setlocale failed", e);
        }
    }
}
