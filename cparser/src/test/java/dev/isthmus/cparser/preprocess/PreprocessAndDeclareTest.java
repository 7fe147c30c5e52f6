package dev.isthmus.cparser.preprocess;

import dev.isthmus.cparser.CParseException;
import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.abi.Abi;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link CPreprocessor#preprocessAndDeclare}: errors come out as if preprocessing and
 * parsing ran one after the other (the oracle test checks the declarations it makes from
 * real headers against {@code cc}).
 */
class PreprocessAndDeclareTest {
    private static final PreprocessorOptions OPTIONS = PreprocessorOptions.host(Abi.host());

    @Test
    void preprocessingError_isThrownBeforeTheParseErrorItCauses() {
        PreprocessException e = assertThrows(PreprocessException.class, () -> CPreprocessor.create(OPTIONS)
                .preprocessAndDeclare("int a;\n#error stop here\nint b c;\n", "t.h", CScope.create(Abi.host())));
        assertEquals("t.h:2:2: error: #error stop here", e.getMessage());
    }

    @Test
    void missingHeader_stopsTheParseToo() {
        PreprocessException e = assertThrows(PreprocessException.class, () -> CPreprocessor.create(OPTIONS)
                .preprocessAndDeclare("#include <stdio.h>\n#include \"nonesuch.h\"\n", "t.h", CScope.create(Abi.host())));
        assertEquals("t.h:2:2: error: nonesuch.h: No such file or directory", e.getMessage());
    }

    @Test
    void parseError_hasThePositionInItsHeader() {
        CScope scope = CScope.create(Abi.host());
        // Longer than one chunk of text handed to the parser, so the error is read from a later chunk.
        String text = "#define T(n) int v##n;\n" + "T(1) T(2) T(3) T(4) T(5) T(6) T(7) T(8)\n".repeat(200) + "int broken broken;\nint after;\n";
        CParseException e = assertThrows(CParseException.class, () -> CPreprocessor.create(OPTIONS).preprocessAndDeclare(text, "t.h", scope));
        assertEquals(1, e.diagnostics().size(), e.getMessage());
        assertEquals("t.h:202", e.diagnostics().getFirst().toString().substring(0, 7), e.getMessage());
        // The declarations around the bad one are kept, as declare keeps them.
        assertEquals(List.of(true, true), List.of(scope.variable("v8").isPresent(), scope.variable("after").isPresent()));
    }

    @Test
    void warnings_areHandedOver_beforeTheParseErrorIsThrown() {
        List<String> warnings = new java.util.ArrayList<>();
        CParseException e = assertThrows(CParseException.class, () -> CPreprocessor.create(OPTIONS).preprocessAndDeclare(
                "#warning first\nint broken broken;\n#warning second\n", "t.h", CScope.create(Abi.host()),
                w -> warnings.add(w.toString())));
        assertEquals(List.of("t.h:1:2: warning: #warning first", "t.h:3:2: warning: #warning second"), warnings);
        assertEquals("t.h:2", e.diagnostics().getFirst().toString().substring(0, 5), e.getMessage());
    }
}
