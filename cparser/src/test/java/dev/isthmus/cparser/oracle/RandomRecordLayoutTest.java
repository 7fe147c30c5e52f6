package dev.isthmus.cparser.oracle;

import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.RecordType;
import dev.isthmus.cparser.type.TypeRenderer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue #2's layout oracle (b): thousands of random struct and union declarations per
 * ABI, parsed by us and compiled by a real compiler, every size, alignment, offset and
 * bitfield position compared. The seed is fixed and printed; {@code -Disthmus.seed=N}
 * replays another one.
 */
class RandomRecordLayoutTest {
    private static final int RECORDS = 2_000;
    private static final long SEED = Long.getLong("isthmus.seed", 20261125L);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sysv-x86_64", "aarch64", "win64"})
    void randomRecords_parsedAndLaidOut_matchTheCompiler(String abiName) throws Exception {
        Abi abi = Abi.byName(abiName).orElseThrow();
        CompilerOracle oracle = CompilerOracle.forAbi(abi);
        RandomRecords.Generated generated = new RandomRecords(SEED, abiName.equals("win64")).generate(RECORDS);
        System.out.println("random layout test: abi=" + abiName + " seed=" + SEED + " records=" + RECORDS);
        CScope scope = CScope.create(abi);
        scope.declare(generated.text(), "random.h");
        List<LayoutCheck.Named> named = new ArrayList<>();
        for (String name : generated.names()) {
            named.add(new LayoutCheck.Named(name, scope.parseType(name)));
        }
        List<String> problems = LayoutCheck.compare(oracle, generated.text(), named);
        if (!problems.isEmpty()) {
            String first = problems.getFirst();
            String record = first.split(" ")[1] + " " + first.split(" ")[2].replace(":", "");
            String definition = generated.text().lines().filter(l -> l.contains(record + " {")).findFirst().orElse("?");
            fail(problems.size() + " disagreements with " + oracle.describe() + " (seed " + SEED
                    + ", replay with -Disthmus.seed=" + SEED + "); first: " + first + "\n  in: " + definition
                    + "\n  others:\n  " + String.join("\n  ", problems.subList(0, Math.min(10, problems.size()))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sysv-x86_64", "win64"})
    void randomRecords_renderedAndParsedAgain_keepTheirLayout(String abiName) {
        Abi abi = Abi.byName(abiName).orElseThrow();
        RandomRecords.Generated generated = new RandomRecords(SEED + 1, abiName.equals("win64")).generate(300);
        CScope scope = CScope.create(abi);
        scope.declare(generated.text(), "random.h");
        for (String name : generated.names()) {
            RecordType original = (RecordType) scope.parseType(name);
            CScope again = CScope.create(abi);
            again.declare("enum e_small { ES_A = 1, ES_B = 2, ES_C = 300 };", "enum.h");
            StringBuilder text = new StringBuilder();
            renderDependencies(original, text, new ArrayList<>());
            long pack = original.body().maxFieldAlignment();
            String definition = TypeRenderer.renderDefinition(original) + ";";
            text.append(pack != 0 ? "#pragma pack(" + pack + ")\n" + definition + "\n#pragma pack()\n" : definition + "\n");
            again.declare(text.toString(), "rendered.h");
            RecordType reparsed = (RecordType) again.parseType(name);
            assertEquals(abi.layoutOf(original).byteSize(), abi.layoutOf(reparsed).byteSize(), text.toString());
            assertEquals(abi.layoutOf(original).byteAlignment(), abi.layoutOf(reparsed).byteAlignment(), text.toString());
        }
    }

    /** Renders the tagged records a record uses, dependencies first, each once. */
    private static void renderDependencies(RecordType record, StringBuilder text, List<RecordType> done) {
        for (RecordType.Member member : record.body().members()) {
            CType t = member.type();
            while (t instanceof CType.Array a) {
                t = a.element();
            }
            if (t instanceof RecordType nested) {
                if (nested.tag().isPresent() && !done.contains(nested)) {
                    renderDependencies(nested, text, done);
                    done.add(nested);
                    long pack = nested.body().maxFieldAlignment();
                    String definition = TypeRenderer.renderDefinition(nested) + ";";
                    text.append(pack != 0 ? "#pragma pack(" + pack + ")\n" + definition + "\n#pragma pack()\n" : definition + "\n");
                } else if (nested.tag().isEmpty()) {
                    renderDependencies(nested, text, done);
                }
            }
        }
    }
}
