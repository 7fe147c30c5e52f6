package dev.isthmus.jit;

import org.objectweb.asm.ClassReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Defines generated classes: the one way this project turns bytes into a class. Each is a
 * hidden class ({@link MethodHandles.Lookup#defineHiddenClassWithClassData}) next to a host
 * class the caller's lookup designates, carrying a {@link ClassData}'s constants; a hidden
 * class is unloaded with its lookup when no longer reachable, so traces and stubs that are
 * thrown away do not leak.
 *
 * <p>With {@code -Disthmus.jit.dumpClasses=DIR} every class is written to
 * {@code DIR/<package>/<Name>-<n>.class} before it is defined, so one that fails
 * verification is there too ({@code javap -c -p DIR/...}). The JDK's own dump
 * ({@code -Djdk.invoke.MethodHandle.dumpClassFiles}) does not cover these classes.
 *
 * <p>ffi-core's {@code SpreadInvoker} defines hidden classes too, from a class javac
 * compiled: ffi-core cannot depend on this module (the dependency points the other way)
 * and needs no bytecode generator for a class it already has.
 */
public final class HiddenClasses {
    /** The system property naming the dump directory. */
    public static final String DUMP_PROPERTY = "isthmus.jit.dumpClasses";
    private static final AtomicLong DUMPED = new AtomicLong();

    private HiddenClasses() {
    }

    /**
     * Defines and initializes {@code classBytes} as a hidden class with {@code data}'s
     * constants as its class data; returns the class's full-privilege lookup.
     * {@code host} must have full privilege access, and the class must be named in its
     * package ({@link #nameIn}). A malformed class throws the JVM's
     * {@link LinkageError} ({@link VerifyError}, {@link ClassFormatError}).
     */
    public static MethodHandles.Lookup define(MethodHandles.Lookup host, byte[] classBytes, ClassData data,
                                              MethodHandles.Lookup.ClassOption... options) {
        dump(classBytes);
        try {
            return host.defineHiddenClassWithClassData(classBytes, data.values(), true, options);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("the host lookup " + host + " cannot define classes: " + e.getMessage(), e);
        }
    }

    /** The internal name ({@code a/b/Name}) of a class called {@code simpleName} in the package of {@code host}'s class. */
    public static String nameIn(MethodHandles.Lookup host, String simpleName) {
        String pkg = host.lookupClass().getPackageName();
        return pkg.isEmpty() ? simpleName : pkg.replace('.', '/') + "/" + simpleName;
    }

    private static void dump(byte[] classBytes) {
        String directory = System.getProperty(DUMP_PROPERTY);
        if (directory == null || directory.isEmpty()) {
            return;
        }
        String name = new ClassReader(classBytes).getClassName();
        Path file = Path.of(directory, name + "-" + DUMPED.incrementAndGet() + ".class");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, classBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot dump a generated class to " + file, e);
        }
    }
}
