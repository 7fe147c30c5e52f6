package dev.isthmus.codegen;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code -V}/{@code --version} on the tool and each command print the project's version. */
class VersionOptionTest {
    @ParameterizedTest
    @ValueSource(strings = {"-V", "--version", "cdecl -V", "cdecl --version", "bind -V"})
    void version_printsTheProjectVersion(String commandLine) {
        StringWriter out = new StringWriter();
        int status = IsthmusCli.execute(commandLine.split(" "), new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                new ByteArrayInputStream(new byte[0]));
        assertEquals(0, status);
        assertTrue(out.toString().matches("isthmus \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), out.toString());
    }
}
