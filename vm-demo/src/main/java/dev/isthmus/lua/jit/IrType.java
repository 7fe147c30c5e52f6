package dev.isthmus.lua.jit;

/**
 * What an IR value is in the generated code: an unboxed double, an int (a numeric {@code for}
 * loop's index, narrowed), a long (an address in native memory), a Lua value reference, or nothing.
 */
enum IrType {
    NUM, INT, LONG, REF, VOID
}
