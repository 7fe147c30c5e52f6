package dev.isthmus.lua.jit;

/** What an IR value is in the generated code: an unboxed double, a Lua value reference, or nothing. */
enum IrType {
    NUM, REF, VOID
}
