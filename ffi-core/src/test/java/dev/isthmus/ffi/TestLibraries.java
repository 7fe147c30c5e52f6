package dev.isthmus.ffi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Where the native test library and its headers are, and the headers preprocessed by {@code cc -E}. */
final class TestLibraries {
    private TestLibraries() {
    }

    static Path library() {
        Path lib = Path.of(System.getProperty("isthmus.testlibs", "../native-test-libs/target/native"), "libisthmustest.so");
        if (!Files.isRegularFile(lib)) {
            throw new IllegalStateException("the native test library is not built: " + lib.toAbsolutePath()
                    + " (build native-test-libs first: ./isthmus test does)");
        }
        return lib;
    }

    static Path headers() {
        return Path.of(System.getProperty("isthmus.nativeHeaders", "../native-test-libs/src"));
    }

    /** A fresh FFI with every native-test-libs header declared. */
    static Ffi declaredFfi() throws IOException, InterruptedException {
        Ffi ffi = Ffi.create();
        ffi.cdef(preprocess("#include \"isthmustest.h\"\n"));
        return ffi;
    }

    /** The native test library, loaded into {@code ffi}. */
    static NativeLibrary load(Ffi ffi) {
        return ffi.load(library().toString());
    }

    /** {@code cc -E} of a program, with the test headers on the include path. */
    static String preprocess(String program) throws IOException, InterruptedException {
        Path source = Files.createTempFile("isthmus-ffi", ".c");
        try {
            Files.writeString(source, program);
            Process cc = new ProcessBuilder(List.of("cc", "-E", "-I", headers().toAbsolutePath().toString(), source.toString()))
                    .redirectErrorStream(true).start();
            cc.getOutputStream().close();
            String output = new String(cc.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            if (!cc.waitFor(60, TimeUnit.SECONDS) || cc.exitValue() != 0) {
                throw new IOException("cc -E failed:\n" + output);
            }
            return output;
        } finally {
            Files.deleteIfExists(source);
        }
    }
}
