package dev.isthmus.lua.cli;

import dev.isthmus.lua.Lua;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplSessionTest {
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    private final ReplSession session = new ReplSession(Lua.newState(new ByteArrayInputStream(new byte[0]), out, out), out);

    private String feed(String... lines) {
        for (String line : lines) {
            session.feed(line);
        }
        String text = output.toString(StandardCharsets.UTF_8);
        output.reset();
        return text;
    }

    @Test
    void feed_equalsExpression_printsItsValues() {
        assertEquals("3\ta\n", feed("=1 + 2, 'a'"));
    }

    @Test
    void feed_bareExpression_printsItsValue() {
        assertEquals("6\n", feed("x = 6", "x"));
    }

    @Test
    void feed_unfinishedStatement_waitsForMoreLines() {
        session.feed("function double(a)");
        assertTrue(session.isContinuing());
        session.feed("  return a * 2");
        session.feed("end");
        assertFalse(session.isContinuing());
        assertEquals("42\n", feed("=double(21)"));
    }

    @Test
    void feed_callStatement_printsWhatItWritesNotItsResults() {
        // As luajit's prompt: a call is a statement; =call or (call) prints its values.
        assertEquals("abc", feed("io.write('abc')"));
        assertEquals("", feed("math.max(1, 2)"));
        assertEquals("2\n", feed("(math.max(1, 2))"));
    }

    @Test
    void feed_runtimeError_printsTheMessageAndTheSessionGoesOn() {
        assertEquals("stdin:1: boom\nstack traceback:\n\t[C]: in function 'error'\n\tstdin:1: in main chunk\n\t[C]: ?\n", feed("error('boom')"));
        assertEquals("ok\n", feed("print('ok')"));
    }

    @Test
    void feed_syntaxError_printsItWithPosition() {
        assertEquals("stdin:1: unexpected symbol near ')'\n", feed("x = )"));
        assertFalse(session.isContinuing());
    }
}
