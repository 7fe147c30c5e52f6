/**
 * C declarations to native calls and typed native memory through the JDK's FFM API, the
 * way LuaJIT's FFI works for Lua.
 *
 * <p>Start with {@link dev.isthmus.ffi.Ffi#create()}: {@link dev.isthmus.ffi.Ffi#cdef}
 * declares C functions, types and constants; {@link dev.isthmus.ffi.Ffi#C()} and
 * {@link dev.isthmus.ffi.Ffi#load} give the libraries, whose
 * {@link dev.isthmus.ffi.NativeLibrary#function} is a {@link dev.isthmus.ffi.NativeFunction}
 * to {@code invoke} with Java values (converted by one table, {@code docs/ffi-conversions.md})
 * or to call through its exact {@code MethodHandle}. {@link dev.isthmus.ffi.CData} is typed
 * native memory ({@link dev.isthmus.ffi.Ffi#newCData}), {@link dev.isthmus.ffi.Callback} a
 * C function pointer calling Java.
 *
 * <p>Errors: a value that does not convert, an undeclared name or a library that does not
 * load is an {@link java.lang.IllegalArgumentException} saying which (a
 * {@link dev.isthmus.ffi.LibraryNotFoundException} lists what was tried); memory used after
 * its arena closed, an {@link java.lang.IllegalStateException}; NULL dereferenced, a
 * {@link java.lang.NullPointerException}. An exception thrown in a callback is rethrown when
 * the native call returns. None of these crashes the JVM.
 *
 * <p>Native access is restricted: run with {@code --enable-native-access=dev.isthmus.ffi}
 * on the module path, {@code ALL-UNNAMED} on the class path.
 */
package dev.isthmus.ffi;
