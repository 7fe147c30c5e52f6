/**
 * Python's ctypes in Java, the conventional reflective path Isthmus measures its fast paths
 * against: {@link dev.isthmus.ffi.ctypes.CDLL} loads a library,
 * {@link dev.isthmus.ffi.ctypes.CFunction} has mutable {@code argtypes} and {@code restype},
 * {@link dev.isthmus.ffi.ctypes.CTypes} holds the types and functions by their ctypes names
 * ({@code c_int}, {@code POINTER}, {@code byref}, {@code CFUNCTYPE},
 * {@code create_string_buffer}), and {@link dev.isthmus.ffi.ctypes.Structure} subclasses
 * declare {@code _fields_}. Each call converts its arguments one by one and calls through
 * {@code invokeWithArguments}, as ctypes does through libffi. Errors read as Python's:
 * {@link dev.isthmus.ffi.ctypes.ArgumentError} for an argument a type refuses.
 */
package dev.isthmus.ffi.ctypes;
