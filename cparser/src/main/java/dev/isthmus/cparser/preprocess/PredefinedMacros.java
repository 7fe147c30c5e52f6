package dev.isthmus.cparser.preprocess;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The macros a target's compiler predefines, as text of {@code #define} lines: checked-in
 * facts taken once from {@code cc -dM -E} (GCC, System V x86-64) and {@code clang -target
 * ... -dM -E} (AArch64 Linux, Windows x64), one resource per ABI name. How to regenerate
 * them is in docs/bind.md.
 */
final class PredefinedMacros {
    private PredefinedMacros() {
    }

    /** The definitions for an ABI name ({@code sysv-x86_64}, {@code aarch64}, {@code win64}). */
    static String forAbi(String abiName) {
        String name = abiName.concat(".h");
        try {
            byte[] bytes = fromCodeSource(name);
            if (bytes == null) {
                try (InputStream in = PredefinedMacros.class.getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IllegalArgumentException("no predefined macros for the ABI '" + abiName + "'");
                    }
                    bytes = in.readAllBytes();
                }
            }
            return new String(bytes, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The resource read from the jar or folder this class was loaded from, or null when that is
     * neither (or it has no such resource). Why not {@code Class.getResourceAsStream}: from a
     * jar, that opens a URL connection to the entry, whose classes (about ten, outside the JDK's
     * class-data archive) and set-up took 12 to 18 ms of a cold JVM, against under a millisecond
     * for reading the entry from the jar file (the JDK shares the jar's opened central directory
     * with the class loader's). It was the preprocessor's first act on every cold run.
     */
    private static byte[] fromCodeSource(String name) throws IOException {
        CodeSource source = PredefinedMacros.class.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null || !"file".equals(location.getProtocol())) {
            return null;
        }
        File file;
        try {
            file = new File(location.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
        String entry = PredefinedMacros.class.getPackageName().replace('.', '/').concat("/").concat(name);
        if (file.isDirectory()) {
            File resource = new File(file, entry);
            if (!resource.isFile()) {
                return null;
            }
            try (FileInputStream in = new FileInputStream(resource)) {
                return in.readAllBytes();
            }
        }
        try (JarFile jar = new JarFile(file)) {
            ZipEntry found = jar.getEntry(entry);
            if (found == null) {
                return null;
            }
            try (InputStream in = jar.getInputStream(found)) {
                return in.readAllBytes();
            }
        }
    }
}
