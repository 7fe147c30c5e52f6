package dev.isthmus.codegen.bind;

import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.type.EnumType;
import dev.isthmus.cparser.type.RecordType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates Java bindings from a parsed scope: the header class, a class per struct and
 * union it needs, and an interface per callback typedef. The output depends on the JDK
 * alone (the FFM API of Java 22), not on Isthmus. What cannot be bound yet is reported,
 * never dropped silently.
 */
public final class BindingGenerator {

    /**
     * The generated files, by path relative to the output directory, what was not bound, with
     * reasons, and what was bound with a change the user should know of ({@code notes}).
     */
    public record Result(Map<Path, String> files, List<String> notBound, List<String> notes, int functionCount, int recordCount,
                         int callbackCount, int constantCount) {
    }

    private BindingGenerator() {
    }

    /** The default name of the header class for a header file: {@code zlib.h} gives {@code Zlib}. */
    public static String headerClassFor(String fileName) {
        return JavaNames.headerClass(fileName);
    }

    /**
     * A Lua module for LuaJIT's {@code ffi} ({@code --lang lua}), {@code moduleName.lua}:
     * one {@code ffi.cdef} of the headers' declarations and the types they use, and a
     * table of the constants that reaches the library.
     */
    public static Result generateLua(CScope scope, BindOptions options, List<String> libraryNames, String moduleName,
                                     List<FunctionMacro> functionMacros) {
        return new LuaModuleWriter(scope, options, libraryNames).write(moduleName, functionMacros);
    }

    public static Result generate(CScope scope, BindOptions options, List<String> libraryNames,
                                  List<FunctionMacro> functionMacros) {
        return generate(BindTargets.of(scope), options, libraryNames, functionMacros);
    }

    /**
     * Portable bindings ({@code --abi portable}): the same headers parsed once per ABI in
     * {@code scopes}, the first choosing and naming what is bound; every layout, offset
     * and signature carried for each ABI and chosen at run time by a generated
     * {@code TargetAbi} class.
     */
    public static Result generatePortable(List<CScope> scopes, BindOptions options, List<String> libraryNames,
                                          List<FunctionMacro> functionMacros) {
        return generate(BindTargets.portable(scopes), options, libraryNames, functionMacros);
    }

    private static Result generate(BindTargets targets, BindOptions options, List<String> libraryNames,
                                   List<FunctionMacro> functionMacros) {
        CScope scope = targets.primary();
        BindingSet set = BindingSet.choose(scope, options);
        Path directory = Path.of("", options.packagePath().toArray(String[]::new));
        Map<Path, String> files = new LinkedHashMap<>();
        for (RecordType record : set.records.keySet()) {
            targets.peers(record).ifPresentOrElse(peers -> peers.forEach(peer -> set.names.alias(peer, record)),
                    () -> set.names.withoutClass(record));
        }
        if (targets.isPortable()) {
            files.put(directory.resolve("TargetAbi.java"), TargetAbiWriter.write(targets.abis(), options.packageName()));
            set.names.reserve("TargetAbi");
        }
        RecordClassWriter records = new RecordClassWriter(targets, set.names, set.declarations, options);
        int recordCount = 0;
        for (RecordType record : set.records.keySet()) {
            String name = set.names.recordClass(record);
            try {
                files.put(directory.resolve(name + ".java"), records.write(record, options.packageName()));
                recordCount++;
            } catch (NotBindable e) {
                set.names.withoutClass(record);
                set.skipped.add("record " + set.records.get(record) + " (" + options.describe(record.definitionPosition()) + "): "
                        + e.getMessage());
            }
        }
        CallbackInterfaceWriter callbacks = new CallbackInterfaceWriter(targets.abis(), set.names, options);
        int callbackCount = 0;
        for (BindingSet.Callback callback : set.callbacks) {
            String name = set.names.reserve(callback.name());
            try {
                files.put(directory.resolve(name + ".java"), callbacks.write(callback, name, options.packageName()));
                callbackCount++;
            } catch (NotBindable e) {
                set.skipped.add("callback type " + callback.name() + " (" + options.describe(callback.position()) + "): "
                        + e.getMessage());
            }
        }
        if (options.javaEnums()) {
            EnumWriter enums = new EnumWriter(scope.abi(), options);
            for (Map.Entry<EnumType, String> e : set.enums.entrySet()) {
                String name = set.names.reserve(e.getValue());
                files.put(directory.resolve(name + ".java"), enums.write(e.getKey(), e.getValue(), name, options.packageName()));
            }
        }
        int before = set.skipped.size();
        // Every macro is there to be expanded in the bound ones' bodies; the filter chooses which are bound.
        String header = new HeaderClassWriter(targets, set, options, libraryNames,
                functionMacros.stream().filter(m -> options.includes(options.includeConstant(), m.name())).toList(),
                functionMacros).write();
        files.put(directory.resolve(options.headerClass() + ".java"), header);
        int functionsSkipped = (int) set.skipped.subList(before, set.skipped.size()).stream()
                .filter(s -> s.startsWith("function ")).count();
        return new Result(files, new ArrayList<>(set.skipped), new ArrayList<>(set.notes), set.functions.size() - functionsSkipped,
                recordCount, callbackCount, set.constants.size());
    }
}
