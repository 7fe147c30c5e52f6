package dev.isthmus.ffimodule;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * cparser and ffi-core work as named modules: a JVM with them (and the ANTLR runtime as an
 * automatic module) on the module path runs a class-path program that calls C, with native
 * access granted to {@code dev.isthmus.ffi} alone and no warning printed.
 */
class ModulePathTest {
    @Test
    void modules_onTheModulePath_callCWithoutWarnings() throws Exception {
        List<String> classPath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        String modulePath = String.join(File.pathSeparator,
                entry(classPath, "cparser"), entry(classPath, "ffi-core/target/classes"), entry(classPath, "antlr4-runtime"));
        String tests = entry(classPath, "ffi-core/target/test-classes");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", modulePath, "--add-modules", "dev.isthmus.ffi", "--enable-native-access=dev.isthmus.ffi",
                "-cp", tests, ModulePathProbe.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the probe JVM did not finish");
        assertEquals(0, process.exitValue(), output);
        assertEquals("strlen=11 module=dev.isthmus.ffi", output.strip());
        assertFalse(output.contains("WARNING"), output);
    }

    private static String entry(List<String> classPath, String contains) {
        return classPath.stream().filter(e -> e.replace('\\', '/').contains(contains)).findFirst()
                .orElseThrow(() -> new AssertionError("no class path entry containing " + contains + " in " + classPath));
    }
}
