package dev.isthmus.lua.runtime;

/**
 * A userdata that Lua operations take where they take a string: LuaJIT's string buffers,
 * which {@code ..}, {@code io.write} and {@code load} read as their contents without a
 * {@code __tostring} call (LuaJIT's {@code tvisbuf} cases in {@code lj_meta_cat},
 * {@code lj_strfmt_wstrnum} and {@code lib_base.c}'s {@code load}).
 */
public interface StringLike extends LuaObject {
    /** The contents as a string now; later changes to the object do not change it. */
    LuaString contents();
}
