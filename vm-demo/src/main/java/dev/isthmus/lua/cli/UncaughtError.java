package dev.isthmus.lua.cli;

import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.interp.LuaSemantics;
import dev.isthmus.lua.lib.ValueText;
import dev.isthmus.lua.parse.LuaSyntaxError;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaString;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines luajit prints for an error nothing caught (its {@code report} and {@code traceback}
 * in luajit.c), shared by {@code isthmus run} and the prompt: a string or number message, or
 * what a {@code __tostring} metamethod makes of an error object, then a traceback; another
 * object is {@code (error object is not a string)}, a nil error prints nothing. Code that did
 * not compile never ran, so it has no traceback.
 */
final class UncaughtError {
    private static final LuaString TOSTRING = LuaString.of("__tostring");

    private UncaughtError() {
    }

    static List<String> lines(LuaRuntime runtime, LuaError e) {
        Object v = e.value();
        List<String> lines = new ArrayList<>();
        if (v == null) {
            return lines;
        }
        String message = null;
        if (v instanceof LuaString || v instanceof Double) {
            message = ValueText.plain(v).toString();
        } else if (runtime.semantics().metamethod(v, TOSTRING) != null) {
            Object text;
            try {
                text = LuaSemantics.first(runtime.semantics().call(runtime.semantics().metamethod(v, TOSTRING), new Object[] {v}));
            } catch (LuaError | StackOverflowError failed) {
                lines.add("error in error handling");
                return lines;
            }
            if (text instanceof LuaString || text instanceof Double) {
                message = ValueText.plain(text).toString();
            }
        }
        if (message == null) {
            lines.add("(error object is not a string)");
            return lines;
        }
        lines.add(message);
        if (!(e instanceof LuaSyntaxError)) {
            lines.add("stack traceback:");
            for (String frame : e.frames()) {
                lines.add("\t" + frame);
            }
            lines.add("\t[C]: ?");
        }
        return lines;
    }
}
