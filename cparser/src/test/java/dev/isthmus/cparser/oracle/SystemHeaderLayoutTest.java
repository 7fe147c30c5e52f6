package dev.isthmus.cparser.oracle;

import dev.isthmus.cparser.CParseException;
import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.abi.Abi;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue #2's layout oracle (c): each system header, preprocessed by {@code cc -E} (plain,
 * with {@code _GNU_SOURCE}, and with {@code -dD} so every macro definition is in the
 * text), parses with no error, and every complete struct and union in it has the layout
 * {@code cc} gives it.
 */
class SystemHeaderLayoutTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.isthmus.cparser.oracle.HeaderLayouts#systemHeaders")
    void systemHeader_parsedWithEveryVariant_matchesTheCompilersLayouts(String header) throws Exception {
        String program = "#include <" + header + ">\n";
        for (List<String> flags : List.of(List.<String>of(), List.of("-D_GNU_SOURCE"), List.of("-dD", "-D_GNU_SOURCE"))) {
            String text = HeaderLayouts.preprocess(program, flags);
            CScope scope = CScope.create(Abi.host());
            try {
                scope.declare(text, header);
            } catch (CParseException e) {
                fail(header + " with " + flags + " has " + e.diagnostics().size() + " errors:\n" + e.getMessage());
            }
            List<LayoutCheck.Named> records = HeaderLayouts.namedRecords(scope);
            if (header.equals("stdio.h") || header.equals("time.h")) {
                assertTrue(records.size() > 3, "expected the header's structs, found " + records);
            }
            List<String> problems = LayoutCheck.compare(CompilerOracle.forAbi(Abi.host()).withFlags(flags), program, records);
            assertEquals(List.of(), problems, header + " with " + flags);
        }
    }
}
