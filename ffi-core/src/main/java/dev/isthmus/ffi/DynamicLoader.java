package dev.isthmus.ffi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * The platform's dynamic loader, called as C calls it ({@code dlopen}, {@code dlsym},
 * {@code dlerror} from the C library): a library that does not load says why in the
 * loader's own words ({@code libfoo.so: cannot open shared object file: No such file or
 * directory}, {@code invalid ELF header}), which {@link SymbolLookup#libraryLookup} does
 * not pass on, and the JVM's own loading wrapper (which warns about stack guards when it
 * is handed a file that is no library) stays out of the way. Where the C library has no
 * {@code dlopen} (before glibc 2.34 it lives in libdl), {@link #isAvailable()} is false
 * and callers use {@code libraryLookup}. Libraries stay loaded until the process ends.
 */
final class DynamicLoader {
    /** {@code RTLD_LAZY}: functions are bound on first call, as LuaJIT's {@code ffi.load} has it. */
    private static final int RTLD_LAZY = 1;
    private static final MethodHandle DLOPEN;
    private static final MethodHandle DLSYM;
    private static final MethodHandle DLERROR;

    static {
        Linker linker = Linker.nativeLinker();
        SymbolLookup c = linker.defaultLookup();
        var open = c.find("dlopen");
        var sym = c.find("dlsym");
        var error = c.find("dlerror");
        if (open.isPresent() && sym.isPresent() && error.isPresent()) {
            DLOPEN = linker.downcallHandle(open.get(), FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
            DLSYM = linker.downcallHandle(sym.get(), FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
            DLERROR = linker.downcallHandle(error.get(), FunctionDescriptor.of(ValueLayout.ADDRESS));
        } else {
            DLOPEN = null;
            DLSYM = null;
            DLERROR = null;
        }
    }

    private DynamicLoader() {
    }

    static boolean isAvailable() {
        return DLOPEN != null;
    }

    /** What opening a library gave: its lookup, or the loader's message. */
    sealed interface Outcome {
        record Loaded(SymbolLookup lookup) implements Outcome {
        }

        record Failed(String reason) implements Outcome {
        }
    }

    /** Opens a library by path or by a name the loader searches for. */
    static Outcome open(String nameOrPath) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment handle = (MemorySegment) DLOPEN.invokeExact(arena.allocateFrom(nameOrPath), RTLD_LAZY);
            if (handle.equals(MemorySegment.NULL)) {
                return new Outcome.Failed(lastError());
            }
            return new Outcome.Loaded(name -> find(handle, name));
        } catch (Throwable t) {
            throw new IllegalStateException("dlopen failed: " + t, t);
        }
    }

    private static Optional<MemorySegment> find(MemorySegment handle, String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment address = (MemorySegment) DLSYM.invokeExact(handle, arena.allocateFrom(name));
            return address.equals(MemorySegment.NULL) ? Optional.empty() : Optional.of(address);
        } catch (Throwable t) {
            throw new IllegalStateException("dlsym failed: " + t, t);
        }
    }

    private static String lastError() throws Throwable {
        MemorySegment message = (MemorySegment) DLERROR.invokeExact();
        return message.equals(MemorySegment.NULL) ? "unknown dlopen error" : message.reinterpret(Long.MAX_VALUE).getString(0);
    }
}
