package dev.isthmus.lua.runtime;

/**
 * A value some of whose keys, once read, always give the same value (a C library namespace:
 * a function, once bound, stays that function). A trace compiler folds such a read to a
 * constant behind one identity guard on the object, so {@code C.f(x)} in a loop costs no lookup.
 */
public interface FixedIndex {
    /** The value at {@code key} when it is known and can never change, else null. */
    Object fixedValue(Object key);
}
