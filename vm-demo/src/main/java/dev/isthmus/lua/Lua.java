package dev.isthmus.lua;

import dev.isthmus.lua.buffer.BufferLibrary;
import dev.isthmus.lua.ctypes.CtypesLibrary;
import dev.isthmus.lua.ffi.FfiLibrary;
import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.lib.BaseLibrary;
import dev.isthmus.lua.lib.BitLibrary;
import dev.isthmus.lua.lib.CoroutineLibrary;
import dev.isthmus.lua.lib.DebugLibrary;
import dev.isthmus.lua.lib.IoLibrary;
import dev.isthmus.lua.lib.JitLibrary;
import dev.isthmus.lua.lib.JitLog;
import dev.isthmus.lua.lib.JitModules;
import dev.isthmus.lua.lib.MathLibrary;
import dev.isthmus.lua.lib.OsLibrary;
import dev.isthmus.lua.lib.PackageLibrary;
import dev.isthmus.lua.lib.StringLibrary;
import dev.isthmus.lua.lib.TableLibrary;
import dev.isthmus.lua.runtime.LuaString;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/** Creates Lua states with the standard libraries open: the entry point for embedding the VM. */
public final class Lua {
    private Lua() {
    }

    /** A new state whose {@code print} and {@code io.write} go to {@code out}, diagnostics to {@code err}. */
    public static LuaRuntime newState(InputStream in, PrintStream out, PrintStream err) {
        return newState(in, out, err, System.getenv());
    }

    /**
     * A new state whose {@code package.path} and {@code package.cpath} come from {@code LUA_PATH}
     * and {@code LUA_CPATH} in {@code environment} (an empty map: the defaults, as {@code luajit -E}).
     */
    public static LuaRuntime newState(InputStream in, PrintStream out, PrintStream err, Map<String, String> environment) {
        LuaRuntime runtime = new LuaRuntime(out, err);
        BaseLibrary.install(runtime);
        PackageLibrary.install(runtime, environment);
        PackageLibrary.registerLoaded(runtime, "_G", runtime.globals());
        PackageLibrary.registerLoaded(runtime, "string", StringLibrary.install(runtime));
        PackageLibrary.registerLoaded(runtime, "table", TableLibrary.install(runtime));
        PackageLibrary.registerLoaded(runtime, "math", MathLibrary.install(runtime));
        PackageLibrary.registerLoaded(runtime, "os", OsLibrary.install(runtime));
        PackageLibrary.registerLoaded(runtime, "io", IoLibrary.install(runtime, in));
        BitLibrary bit = BitLibrary.install(runtime);
        PackageLibrary.registerLoaded(runtime, "bit", bit.table());
        // As in LuaJIT, ffi is in package.preload, opened by the first require "ffi" (or
        // "string.buffer", which uses it): its C parser and native linkage are most of the
        // classes a state would otherwise load at start-up.
        FfiOpener ffi = new FfiOpener(runtime, bit);
        PackageLibrary.registerPreload(runtime, "ffi", () -> ffi.get().table());
        runtime.setCdataLiterals(ffi.literals());
        PackageLibrary.registerPreload(runtime, "string.buffer", () -> BufferLibrary.install(runtime, ffi.get()));
        // Not one of LuaJIT's libraries: opened by require "ctypes", and not before.
        PackageLibrary.registerPreload(runtime, "ctypes", () -> CtypesLibrary.install(runtime));
        PackageLibrary.registerLoaded(runtime, "coroutine", CoroutineLibrary.install(runtime));
        JitLog jitLog = new JitLog(err, out);
        dev.isthmus.lua.jit.JitEngine jit = dev.isthmus.lua.jit.JitEngine.attach(runtime, jitLog.stream());
        PackageLibrary.registerLoaded(runtime, "jit", JitLibrary.install(runtime, jit));
        JitModules.register(runtime, jit, jitLog);
        PackageLibrary.registerLoaded(runtime, "debug", DebugLibrary.install(runtime, in));
        PackageLibrary.registerLoaded(runtime, "package", runtime.globals().get(LuaString.of("package")));
        return runtime;
    }

    /** Opens the ffi library once, on first use. */
    private static final class FfiOpener implements java.util.function.Supplier<FfiLibrary> {
        private final LuaRuntime runtime;
        private final BitLibrary bit;
        private FfiLibrary ffi;

        FfiOpener(LuaRuntime runtime, BitLibrary bit) {
            this.runtime = runtime;
            this.bit = bit;
        }

        /** Cdata literals ({@code 1LL}) in code compiled before ffi is open: as in LuaJIT, they open it. */
        dev.isthmus.lua.bytecode.CdataLiterals literals() {
            return new dev.isthmus.lua.bytecode.CdataLiterals() {
                @Override
                public Object int64(long value, boolean isUnsigned) {
                    return opened().int64(value, isUnsigned);
                }

                @Override
                public Object imaginary(double value) {
                    return opened().imaginary(value);
                }

                @Override
                public Literal literalOf(Object constant) {
                    // Before ffi is open no cdata exists; after, the ffi library's own literals answer.
                    return ffi == null ? null : runtime.cdataLiterals().literalOf(constant);
                }
            };
        }

        /** The ffi library's literals, which opening it installs in the runtime. */
        private dev.isthmus.lua.bytecode.CdataLiterals opened() {
            get();
            return runtime.cdataLiterals();
        }

        @Override
        public FfiLibrary get() {
            if (ffi == null) {
                ffi = FfiLibrary.install(runtime, bit);
            }
            return ffi;
        }
    }
}
