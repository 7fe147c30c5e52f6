package dev.isthmus.codegen;

import dev.isthmus.cparser.abi.Abi;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs {@code isthmus bind} in-process, and compiles what it generated together with a
 * driver written against the generated API (so javac checks every signature) with
 * {@code javac --release 22 -Xlint:all -Werror}, then runs the driver.
 */
final class GeneratedBindings {
    private GeneratedBindings() {
    }

    /** Runs {@code isthmus bind} with {@code args}, asserting success; its standard output (the report). */
    static String bind(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = Stream.concat(Stream.of("bind"), Stream.of(args)).toArray(String[]::new);
        int status = IsthmusCli.execute(all, new PrintWriter(out), new PrintWriter(err), new ByteArrayInputStream(new byte[0]));
        assertEquals(0, status, "isthmus bind failed:\n" + err);
        return out.toString();
    }

    /** Compiles {@code source} (its headers beside it) into {@code work/lib<name>.so} with {@code cc}, failing with cc's output. */
    static Path sharedLibrary(Path work, String name, Path source) throws Exception {
        Path library = work.resolve("lib" + name + ".so");
        Process cc = new ProcessBuilder("cc", "-shared", "-fPIC", "-O1", "-I" + source.getParent(), "-o", library.toString(),
                source.toString()).redirectErrorStream(true).start();
        String output = new String(cc.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(cc.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && cc.exitValue() == 0, output);
        return library;
    }

    /**
     * What {@code program}, compiled by {@code cc} with {@code work} on its include path and
     * {@code ccArguments} after the source (libraries), prints; fails with cc's output.
     */
    static String ccOutput(Path work, String program, String... ccArguments) throws Exception {
        Path source = Files.writeString(work.resolve("oracle.c"), program);
        Path binary = work.resolve("oracle");
        List<String> command = new java.util.ArrayList<>(List.of("cc", "-I" + work, "-o", binary.toString(), source.toString()));
        command.addAll(List.of(ccArguments));
        Process cc = new ProcessBuilder(command).redirectErrorStream(true).start();
        String ccOutput = new String(cc.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(cc.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && cc.exitValue() == 0, ccOutput);
        Process run = new ProcessBuilder(binary.toString()).start();
        String output = new String(run.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertTrue(run.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && run.exitValue() == 0);
        return output;
    }

    /**
     * Compiles the Java tree {@code generated} and {@code driver} (a {@code Callable<String>}
     * named {@code Driver} in {@code packageName}) into {@code work/classes}, and returns
     * what the driver's {@code call} returns.
     */
    static String compileAndRun(Path work, Path generated, String packageName, String driver) throws Exception {
        Path driverFile = generated.resolve(packageName.replace('.', '/')).resolve("Driver.java");
        Files.writeString(driverFile, driver);
        List<Path> sources;
        try (Stream<Path> files = Files.walk(generated)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
            boolean ok = javac.getTask(null, files, diagnostics,
                    List.of("--release", "22", "-Xlint:all", "-Werror", "-d", classes.toString()), null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            assertTrue(ok && diagnostics.getDiagnostics().isEmpty(), "javac: " + diagnostics.getDiagnostics());
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                GeneratedBindings.class.getClassLoader())) {
            @SuppressWarnings("unchecked")
            Callable<String> run = (Callable<String>) loader.loadClass(packageName + ".Driver").getConstructor().newInstance();
            return run.call();
        }
    }

    /**
     * Copies portable bindings to {@code work/gen}, replaces their {@code TargetAbi} by one
     * naming {@code abi}, and compiles and runs {@code driver} there: each ABI's branch of
     * the code, on this machine.
     */
    static String compileAndRunAs(Abi abi, Path work, Path generated, String packageName, String driver) throws Exception {
        Path tree = copyTree(generated, work.resolve("gen"));
        StringBuilder fixed = new StringBuilder("package " + packageName + ";\n\nfinal class TargetAbi {\n");
        for (Abi each : Abi.all()) {
            fixed.append("    static final boolean ").append(each.name().toUpperCase(java.util.Locale.ROOT).replace('-', '_'))
                    .append(" = ").append(each == abi).append(";\n");
        }
        Files.writeString(tree.resolve(packageName.replace('.', '/')).resolve("TargetAbi.java"), fixed.append("}\n"));
        return compileAndRun(work, tree, packageName, driver);
    }

    /** A copy of the files under {@code from} at {@code to}. */
    static Path copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file));
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        return to;
    }
}
