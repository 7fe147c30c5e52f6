package dev.isthmus.lua.bytecode;

/**
 * Makes the constants of LuaJIT's cdata literals ({@code 1LL}, {@code 1ULL}, {@code 2i}),
 * which belong to the ffi library; the compiler knows only their source form.
 */
public interface CdataLiterals {
    Object int64(long value, boolean isUnsigned);

    Object imaginary(double value);
}
