package dev.isthmus.codegen;

import dev.isthmus.cparser.CDiagnostic;
import dev.isthmus.cparser.CErrorKind;
import dev.isthmus.cparser.SourcePosition;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the directives only a preprocessor can act on ({@code #include}, the conditionals,
 * {@code #undef}) in text that is read without {@code --preprocess}. The parser alone would
 * skip them, and the declarations they were meant to bring would then fail far from the
 * cause, or a {@code #if 0} block would be read; so each is an error that names the option.
 * Object-like {@code #define} constants, line markers and {@code #pragma pack} need no
 * preprocessor and are not reported.
 */
final class UnexpandedDirectives {
    private static final Pattern DIRECTIVE = Pattern.compile(
            "^[ \\t]*#[ \\t]*(include|include_next|import|if|ifdef|ifndef|elif|elifdef|elifndef|else|endif|undef)\\b",
            Pattern.MULTILINE);

    private UnexpandedDirectives() {
    }

    static List<CDiagnostic> find(String text, String fileName) {
        List<CDiagnostic> found = new ArrayList<>();
        Matcher m = DIRECTIVE.matcher(text);
        while (m.find()) {
            int line = 1;
            int lineStart = 0;
            for (int i = text.indexOf('\n'); i >= 0 && i < m.start(1); i = text.indexOf('\n', i + 1)) {
                line++;
                lineStart = i + 1;
            }
            String name = m.group(1);
            SourcePosition at = new SourcePosition(fileName, line, m.start(1) - lineStart + 1);
            found.add(new CDiagnostic(CErrorKind.UNSUPPORTED_DIRECTIVE, at, name,
                    "'#" + name + "' needs the C preprocessor: run again with --preprocess"));
        }
        return found;
    }
}
