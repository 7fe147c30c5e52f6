package dev.isthmus.cparser.oracle;

import dev.isthmus.cparser.CParseException;
import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.abi.Abi;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue #2's layout oracle (a): every header of native-test-libs, preprocessed and parsed,
 * and every struct and union in it laid out as {@code cc} lays it out.
 */
class NativeTestLibsLayoutTest {

    @Test
    void nativeTestLibHeaders_parsed_matchTheCompilersLayouts() throws Exception {
        Path dir = Path.of(System.getProperty("isthmus.nativeHeaders", "../native-test-libs/src"));
        List<Path> headers;
        try (Stream<Path> files = Files.list(dir)) {
            headers = files.filter(p -> p.toString().endsWith(".h")).sorted().toList();
        }
        assertTrue(headers.size() >= 10, "expected native-test-libs headers in " + dir.toAbsolutePath() + ", found " + headers);
        List<String> flags = List.of("-I", dir.toAbsolutePath().toString());
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path header : headers) {
            String program = "#include \"" + header.getFileName() + "\"\n";
            CScope scope = CScope.create(Abi.host());
            try {
                scope.declare(HeaderLayouts.preprocess(program, flags), header.getFileName().toString());
            } catch (CParseException e) {
                fail(header.getFileName() + " does not parse:\n" + e.getMessage());
            }
            List<LayoutCheck.Named> records = HeaderLayouts.namedRecords(scope).stream()
                    .filter(n -> n.spelling().contains("it_")).toList();
            checked += records.size();
            problems.addAll(LayoutCheck.compare(CompilerOracle.forAbi(Abi.host()).withFlags(flags), program, records));
        }
        assertTrue(checked >= 30, "expected the test libraries' structs, checked only " + checked);
        assertEquals(List.of(), problems);
    }
}
