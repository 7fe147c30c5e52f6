package dev.isthmus.lua.bytecode;

/**
 * Makes the constants of LuaJIT's cdata literals ({@code 1LL}, {@code 1ULL}, {@code 2i}),
 * which belong to the ffi library; the compiler knows only their source form.
 */
public interface CdataLiterals {
    /** For a state without the ffi library: such literals are compile errors. */
    CdataLiterals NONE = new CdataLiterals() {
        @Override
        public Object int64(long value, boolean isUnsigned) {
            throw new dev.isthmus.lua.runtime.LuaError("64-bit integer literals need the ffi library");
        }

        @Override
        public Object imaginary(double value) {
            throw new dev.isthmus.lua.runtime.LuaError("imaginary literals need the ffi library");
        }

        @Override
        public Literal literalOf(Object constant) {
            return null;
        }
    };

    /** A literal's source form: a 64-bit integer's bits and signedness, or an imaginary part's bits. */
    record Literal(boolean isImaginary, long bits, boolean isUnsigned) {
    }

    Object int64(long value, boolean isUnsigned);

    Object imaginary(double value);

    /** The literal a constant made by this came from, or null for any other value ({@code string.dump} writes it back). */
    Literal literalOf(Object constant);
}
