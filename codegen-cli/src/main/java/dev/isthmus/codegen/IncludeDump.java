package dev.isthmus.codegen;

import dev.isthmus.codegen.bind.BindOptions;
import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.Declaration;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code isthmus bind --dump-includes}: every declaration the headers bring in, as the
 * filter option that would select it and where it was declared, for writing filters:
 * {@code --include-function compress  # /usr/include/zlib.h:1229:12}. The compiler's
 * predefined macros are left out.
 */
final class IncludeDump {
    private IncludeDump() {
    }

    static List<String> lines(CScope scope, BindOptions options) {
        List<String> lines = new ArrayList<>();
        for (Declaration d : scope.declarations()) {
            if (isPredefined(d.position().file())) {
                continue;
            }
            String option = switch (d) {
                case Declaration.Function f -> "--include-function " + f.name();
                case Declaration.Variable v -> "--include-var " + v.name();
                case Declaration.Constant c -> "--include-constant " + c.name();
                case Declaration.Typedef t -> "--include-typedef " + t.name();
                case Declaration.Record r -> (r.type().kind() == dev.isthmus.cparser.type.RecordType.Kind.UNION ? "--include-union "
                        : "--include-struct ") + r.type().tag().orElse(r.name());
                case Declaration.Enum e -> null; // its enumerators are constants of their own
            };
            if (option != null) {
                lines.add(option + "  # " + options.describe(d.position()));
            }
        }
        return lines;
    }

    /** The compiler's and the command line's macros, which kept definitions include (as {@code cc -dD} does): not the headers'. */
    private static boolean isPredefined(String file) {
        return file.equals("<built-in>") || file.equals("<command-line>");
    }
}
