package dev.isthmus.codegen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the system C preprocessor, {@code cc -E}, over a header, passing {@code -I} and
 * {@code -D} through, and any further flags ({@code -dD} to keep macro definitions). Its output keeps line markers, so every position the parser reports
 * names the real header and line.
 */
final class Preprocessor {
    private final List<String> includeDirectories;
    private final List<String> definitions;
    private final List<String> flags;

    Preprocessor(List<String> includeDirectories, List<String> definitions) {
        this(includeDirectories, definitions, List.of());
    }

    Preprocessor(List<String> includeDirectories, List<String> definitions, List<String> flags) {
        this.includeDirectories = List.copyOf(includeDirectories);
        this.definitions = List.copyOf(definitions);
        this.flags = List.copyOf(flags);
    }

    /**
     * Preprocesses a file, or standard input's text when {@code file} is null; what cc says
     * on its error stream when it succeeds ({@code #warning} lines) goes to {@code warnings},
     * as cc prints it, so a later parse error does not hide it.
     */
    String run(Path file, String standardInput, java.io.PrintWriter warnings) {
        List<String> command = new ArrayList<>(List.of("cc", "-E"));
        includeDirectories.forEach(dir -> command.add("-I" + dir));
        definitions.forEach(def -> command.add("-D" + def));
        command.addAll(flags);
        if (file == null) {
            command.addAll(List.of("-x", "c", "-"));
        } else {
            command.add(file.toString());
        }
        try {
            Process cc = new ProcessBuilder(command).start();
            var errors = new ByteArrayOutputStream();
            Thread drain = Thread.ofVirtual().start(() -> {
                try {
                    cc.getErrorStream().transferTo(errors);
                } catch (IOException ignored) {
                    // cc's exit status reports the failure.
                }
            });
            try (var in = cc.getOutputStream()) {
                if (file == null) {
                    in.write(standardInput.getBytes(StandardCharsets.ISO_8859_1));
                }
            }
            String output = new String(cc.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            if (!cc.waitFor(120, TimeUnit.SECONDS)) {
                cc.destroyForcibly();
                throw new CliFailure(ExitCode.INPUT, "cc -E did not finish within 120 s");
            }
            drain.join();
            if (cc.exitValue() != 0) {
                throw new CliFailure(ExitCode.INPUT, "cc -E failed on " + (file == null ? "standard input" : file)
                        + ":\n" + errors.toString(StandardCharsets.UTF_8).strip());
            }
            String said = errors.toString(StandardCharsets.UTF_8);
            if (!said.isBlank()) {
                warnings.print(said);
                warnings.flush();
            }
            return output;
        } catch (IOException e) {
            throw new CliFailure(ExitCode.INPUT, "cannot run cc -E (is a C compiler installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCode.INPUT, "interrupted while running cc -E", e);
        }
    }
}
