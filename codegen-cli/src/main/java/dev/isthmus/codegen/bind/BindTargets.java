package dev.isthmus.codegen.bind;

import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.Declaration;
import dev.isthmus.cparser.SourcePosition;
import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.RecordType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * The ABIs a binding is generated for, each with the scope its headers parsed into: one
 * for {@code --abi NAME}, all three for {@code --abi portable}. The first scope chooses
 * what is bound and names it; the others contribute their layouts, matched to it: a record
 * by where it is defined (the same definition in the same header, so a struct that an
 * {@code #ifdef _WIN64} defines differently is two records, and has no match), a function
 * or constant by name.
 *
 * <p>Generated code picks among the per-ABI values at run time through the package's
 * {@code TargetAbi} class ({@link TargetAbiWriter}), whose {@code static final boolean}s
 * the JIT folds.
 */
final class BindTargets {
    private final List<CScope> scopes;
    private final List<Map<SourcePosition, RecordType>> recordsByPosition = new ArrayList<>();

    private BindTargets(List<CScope> scopes) {
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("no scope to bind");
        }
        this.scopes = List.copyOf(scopes);
        for (CScope scope : this.scopes) {
            Map<SourcePosition, RecordType> records = new HashMap<>();
            Set<CType> seen = new HashSet<>();
            for (Declaration d : scope.declarations()) {
                switch (d) {
                    case Declaration.Typedef t -> index(t.type(), records, seen);
                    case Declaration.Record r -> index(r.type(), records, seen);
                    case Declaration.Function f -> index(f.type(), records, seen);
                    case Declaration.Variable v -> index(v.type(), records, seen);
                    case Declaration.Enum e -> { }
                    case Declaration.Constant c -> { }
                }
            }
            recordsByPosition.add(records);
        }
    }

    static BindTargets of(CScope scope) {
        return new BindTargets(List.of(scope));
    }

    /** Several ABIs' scopes of the same headers, the one that chooses and names first. */
    static BindTargets portable(List<CScope> scopes) {
        return new BindTargets(scopes);
    }

    boolean isPortable() {
        return scopes.size() > 1;
    }

    CScope primary() {
        return scopes.getFirst();
    }

    List<CScope> scopes() {
        return scopes;
    }

    List<Abi> abis() {
        return scopes.stream().map(CScope::abi).toList();
    }

    /** The same record as parsed for each ABI, in {@link #scopes()} order, or empty when one ABI lacks it. */
    Optional<List<RecordType>> peers(RecordType record) {
        if (!record.isComplete()) {
            return Optional.empty();
        }
        List<RecordType> peers = new ArrayList<>();
        for (Map<SourcePosition, RecordType> records : recordsByPosition) {
            RecordType peer = records.get(record.definitionPosition());
            if (peer == null || !peer.isComplete()) {
                return Optional.empty();
            }
            peers.add(peer);
        }
        return Optional.of(peers);
    }

    /** The function of this name as each ABI declares it, or empty when one ABI lacks it. */
    Optional<List<Declaration.Function>> functions(String name) {
        List<Declaration.Function> all = new ArrayList<>();
        for (CScope scope : scopes) {
            Optional<Declaration.Function> f = scope.function(name);
            if (f.isEmpty()) {
                return Optional.empty();
            }
            all.add(f.get());
        }
        return Optional.of(all);
    }

    /**
     * A Java expression with one value per ABI ({@code perAbi} in {@link #scopes()} order):
     * the value itself when all are equal, else a conditional on {@code TargetAbi}
     * ({@code TargetAbi.WIN64 ? 4L : 8L}).
     */
    String choose(List<String> perAbi) {
        return chain(perAbi, (condition, value) -> condition + " ? " + value + " : ", value -> value);
    }

    /**
     * Statements with one version per ABI: the statements themselves when all are equal,
     * else an {@code if} on {@code TargetAbi} per distinct version.
     */
    String chooseStatements(List<String> perAbi) {
        return chain(perAbi, (condition, statements) -> "if (" + condition + ") {\n" + statements + "} else ",
                statements -> "{\n" + statements + "}\n");
    }

    /** The distinct values, the first ABI's last (the fallback when no other condition holds), each behind its ABIs' condition. */
    private String chain(List<String> perAbi, BinaryOperator<String> branch, UnaryOperator<String> last) {
        Map<String, List<Abi>> byValue = group(perAbi);
        if (byValue.size() == 1) {
            return perAbi.getFirst();
        }
        StringBuilder text = new StringBuilder();
        List<Map.Entry<String, List<Abi>>> values = List.copyOf(byValue.entrySet());
        for (int i = values.size() - 1; i > 0; i--) {
            text.append(branch.apply(condition(values.get(i).getValue()), values.get(i).getKey()));
        }
        return text.append(last.apply(values.getFirst().getKey())).toString();
    }

    private Map<String, List<Abi>> group(List<String> perAbi) {
        if (perAbi.size() != scopes.size()) {
            throw new IllegalArgumentException(perAbi.size() + " values for " + scopes.size() + " ABIs");
        }
        Map<String, List<Abi>> byValue = new LinkedHashMap<>();
        for (int i = 0; i < perAbi.size(); i++) {
            byValue.computeIfAbsent(perAbi.get(i), v -> new ArrayList<>()).add(scopes.get(i).abi());
        }
        return byValue;
    }

    private static String condition(List<Abi> abis) {
        return String.join(" || ", abis.stream().map(a -> "TargetAbi." + constantName(a)).toList());
    }

    /** The name of an ABI in generated Java: {@code SYSV_X86_64}, {@code AARCH64}, {@code WIN64}. */
    static String constantName(Abi abi) {
        return abi.name().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    private static void index(CType type, Map<SourcePosition, RecordType> records, Set<CType> seen) {
        if (!seen.add(type)) {
            return;
        }
        switch (type) {
            case CType.Qualified q -> index(q.base(), records, seen);
            case CType.Aligned a -> index(a.base(), records, seen);
            case CType.Pointer p -> index(p.target(), records, seen);
            case CType.Array a -> index(a.element(), records, seen);
            case CType.Function f -> {
                index(f.returnType(), records, seen);
                f.parameterTypes().forEach(p -> index(p, records, seen));
            }
            case RecordType r -> {
                if (r.isComplete()) {
                    records.putIfAbsent(r.definitionPosition(), r);
                    r.body().members().forEach(m -> index(m.type(), records, seen));
                }
            }
            default -> { }
        }
    }
}
