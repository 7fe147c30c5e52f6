package dev.isthmus.cparser.preprocess;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Groups that are not taken are passed over without making their tokens, and include
 * guards are noticed while a file is first read: both checked against {@code cc -E} on
 * headers written to trip them (comments and literals holding directives, digraphs, text
 * after a guard's {@code #endif}, a guard with an {@code #else}, {@code #pragma once}).
 */
class SkippedGroupsAndGuardsTest {
    @TempDir
    Path dir;

    @Test
    void trickySkippedGroups_andGuards_preprocessAsCcDoes() throws Exception {
        write("skipped.h", """
                #if 0
                /* a comment starting in the group
                #endif
                #else
                */ "a string holding #endif /*" 'x' u8"#else" /* and
                #elif 1 inside a comment */
                #  if nested
                # else
                #endif
                %:if 0
                %:endif
                // #endif in a line comment
                #define NOT_DEFINED 1
                #endif
                int after_skip;
                #ifdef NOT_DEFINED
                int wrong;
                #elif 1 \\
                  + 1
                int elif_taken;
                #else
                int wrong_else;
                #endif
                """);
        write("guarded.h", "/* a comment before the guard */\n#ifndef GUARDED_H\n#define GUARDED_H\nint guarded;\n#endif\n");
        write("guarded_if.h", "#if !defined(GUARDED_IF_H)\n#define GUARDED_IF_H\nint guarded_if;\n#endif // tail comment\n");
        write("with_else.h", "#ifndef WITH_ELSE\n#define WITH_ELSE\nint else_first;\n#else\nint else_again;\n#endif\n");
        write("tail.h", "#ifndef TAIL\n#define TAIL\nint tail_once;\n#endif\nint tail_always;\n");
        write("lead.h", "int lead_always;\n#ifndef LEAD\n#define LEAD\nint lead_once;\n#endif\n");
        write("once.h", "#pragma once\nint once;\n");
        StringBuilder program = new StringBuilder("#include \"skipped.h\"\n");
        for (int i = 0; i < 3; i++) {
            for (String header : List.of("guarded.h", "guarded_if.h", "with_else.h", "tail.h", "lead.h", "once.h")) {
                program.append("#include \"").append(header).append("\"\n");
            }
        }
        program.append("#undef GUARDED_H\n#include \"guarded.h\"\n");
        PreprocessorOracleTest.checkAgainstCc(program.toString(), List.of(dir), List.of());
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text);
    }
}
