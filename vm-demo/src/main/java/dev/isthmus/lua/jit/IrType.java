package dev.isthmus.lua.jit;

/**
 * What an IR value is in the generated code: an unboxed double, an int (a numeric {@code for}
 * loop's index, narrowed), a long (an address in native memory), a Lua value reference, or nothing.
 */
enum IrType {
    NUM("D"), INT("I"), LONG("J"), REF("Ljava/lang/Object;"), VOID("V");

    /** The JVM's descriptor of the type a value of this kind has in the generated code. */
    final String descriptor;

    IrType(String descriptor) {
        this.descriptor = descriptor;
    }
}
