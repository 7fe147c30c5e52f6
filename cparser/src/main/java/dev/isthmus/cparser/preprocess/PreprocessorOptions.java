package dev.isthmus.cparser.preprocess;

import dev.isthmus.cparser.abi.Abi;

import java.nio.file.Path;
import java.util.List;

/**
 * How to preprocess: the target ABI (whose compiler's predefined macros apply), the
 * {@code -I} directories searched for {@code #include "..."} and {@code <...>} after the
 * including file's own directory, the system directories searched last (their headers are
 * system headers), {@code -D NAME[=VALUE]} and {@code -U NAME} in command-line order, and
 * whether {@code #define} and {@code #undef} lines stay in the output as {@code cc -dD}
 * keeps them (the parser turns constant ones into named constants).
 */
public record PreprocessorOptions(Abi abi, List<Path> includeDirectories, List<Path> systemDirectories,
                                  List<String> definitions, List<String> undefinitions, boolean keepDefinitions) {
    public PreprocessorOptions {
        includeDirectories = List.copyOf(includeDirectories);
        systemDirectories = List.copyOf(systemDirectories);
        definitions = List.copyOf(definitions);
        undefinitions = List.copyOf(undefinitions);
    }

    /** For the host: its compiler's system directories ({@link SystemIncludes#host()}), nothing else. */
    public static PreprocessorOptions host(Abi abi) {
        return new PreprocessorOptions(abi, List.of(), SystemIncludes.host(), List.of(), List.of(), false);
    }

    public PreprocessorOptions withIncludeDirectories(List<Path> directories) {
        return new PreprocessorOptions(abi, directories, systemDirectories, definitions, undefinitions, keepDefinitions);
    }

    public PreprocessorOptions withDefinitions(List<String> defined, List<String> undefined) {
        return new PreprocessorOptions(abi, includeDirectories, systemDirectories, defined, undefined, keepDefinitions);
    }

    public PreprocessorOptions keepingDefinitions(boolean keep) {
        return new PreprocessorOptions(abi, includeDirectories, systemDirectories, definitions, undefinitions, keep);
    }
}
