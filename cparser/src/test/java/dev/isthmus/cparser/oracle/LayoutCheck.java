package dev.isthmus.cparser.oracle;

import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.layout.FieldLayout;
import dev.isthmus.cparser.layout.StructLayout;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.RecordType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares our layouts of named types with the compiler's: size and alignment of any type,
 * and for structs and unions the
 * offset of every named member (looking into anonymous members, and into members whose
 * type is an anonymous struct), and the bit offset and width of every named bitfield.
 * Returns one line per disagreement, naming the ABI, the type and the number.
 */
public final class LayoutCheck {

    /** A type to check, by a C spelling that compiles inside {@code sizeof(...)}. */
    public record Named(String spelling, CType type) {
    }

    private record Expected(Named named, long byteSize, long byteAlignment, List<String> paths, List<Long> offsets,
                            List<String> bitPaths, List<long[]> bits) {
    }

    private LayoutCheck() {
    }

    /** The record behind a type, through qualifiers and aligned typedefs; empty for non-records. */
    public static Optional<RecordType> recordOf(CType type) {
        CType t = CType.unqualified(type);
        while (t instanceof CType.Aligned a) {
            t = CType.unqualified(a.base());
        }
        return t instanceof RecordType r && r.isComplete() ? Optional.of(r) : Optional.empty();
    }

    public static List<String> compare(CompilerOracle oracle, String prelude, List<Named> types) throws Exception {
        Abi abi = oracle.abi();
        List<Expected> expected = new ArrayList<>();
        for (Named named : types) {
            List<String> paths = new ArrayList<>();
            List<Long> offsets = new ArrayList<>();
            List<String> bitPaths = new ArrayList<>();
            List<long[]> bits = new ArrayList<>();
            Optional<RecordType> record = recordOf(named.type());
            if (record.isPresent()) {
                walk(abi, abi.layoutOf(record.get()), "", 0, paths, offsets, bitPaths, bits);
            }
            expected.add(new Expected(named, abi.sizeOf(named.type()), abi.alignOf(named.type()), paths, offsets, bitPaths, bits));
        }
        List<CompilerOracle.Probe> probes = expected.stream()
                .map(e -> new CompilerOracle.Probe(e.named().spelling(), e.paths(), e.bitPaths())).toList();
        List<CompilerOracle.Measurement> measured = oracle.measure(prelude, probes);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            Expected e = expected.get(i);
            CompilerOracle.Measurement m = measured.get(i);
            String where = abi.name() + " " + e.named().spelling();
            check(problems, where + ": sizeof", e.byteSize(), m.byteSize());
            check(problems, where + ": alignof", e.byteAlignment(), m.byteAlignment());
            for (int k = 0; k < e.paths().size(); k++) {
                check(problems, where + ": offsetof " + e.paths().get(k), e.offsets().get(k), m.offsets().get(k));
            }
            for (int k = 0; k < e.bitPaths().size(); k++) {
                check(problems, where + ": bit offset of " + e.bitPaths().get(k), e.bits().get(k)[0], m.bitFields().get(k)[0]);
                check(problems, where + ": bit width of " + e.bitPaths().get(k), e.bits().get(k)[1], m.bitFields().get(k)[1]);
            }
        }
        return problems;
    }

    private static void check(List<String> problems, String what, long ours, long compilers) {
        if (ours != compilers) {
            problems.add(what + ": ours " + ours + ", compiler " + compilers);
        }
    }

    private static void walk(Abi abi, StructLayout layout, String prefix, long base, List<String> paths, List<Long> offsets,
                             List<String> bitPaths, List<long[]> bits) {
        for (FieldLayout field : layout.fields()) {
            Optional<RecordType> nested = recordOf(field.type());
            if (field.name().isEmpty()) {
                if (!field.isBitField() && nested.isPresent()) {
                    walk(abi, abi.layoutOf(nested.get()), prefix, base + field.byteOffset(), paths, offsets, bitPaths, bits);
                }
                continue;
            }
            String path = prefix + field.name().get();
            if (field.isBitField()) {
                if (field.bitField().get().bitWidth() > 0) {
                    bitPaths.add(path);
                    bits.add(new long[] {field.bitField().get().bitOffset() + 8 * base, field.bitField().get().bitWidth()});
                }
                continue;
            }
            paths.add(path);
            offsets.add(base + field.byteOffset());
            if (nested.isPresent() && nested.get().tag().isEmpty()) {
                walk(abi, abi.layoutOf(nested.get()), path + ".", base + field.byteOffset(), paths, offsets, bitPaths, bits);
            }
        }
    }
}
