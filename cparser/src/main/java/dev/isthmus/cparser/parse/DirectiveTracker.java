package dev.isthmus.cparser.parse;

import dev.isthmus.cparser.CDiagnostic;
import dev.isthmus.cparser.CErrorKind;
import dev.isthmus.cparser.SourcePosition;

import org.antlr.v4.runtime.Token;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interprets the preprocessor lines left in C text, in the order the lexer meets them:
 * line markers ({@code # 12 "file.h" 1}, {@code #line 12 "file.h"}) map physical lines to
 * the file and line they came from; {@code #pragma pack} in all its forms sets the maximum
 * field alignment for structs defined after it; {@code #define NAME body} lines whose
 * body may be a constant are kept for evaluation. Every other directive is ignored.
 */
final class DirectiveTracker {
    private static final Pattern LINE_MARKER = Pattern.compile("#\\s*(?:line\\s+)?(\\d+)\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\")?.*", Pattern.DOTALL);
    private static final Pattern PRAGMA_PACK = Pattern.compile("#\\s*pragma\\s+pack\\s*\\((.*)\\)\\s*", Pattern.DOTALL);
    private static final Pattern PRAGMA = Pattern.compile("#\\s*pragma\\b.*", Pattern.DOTALL);
    private static final Pattern DIRECTIVE_NAME = Pattern.compile("#\\s*(\\S+)");
    private static final Pattern DEFINE = Pattern.compile("#\\s*define\\s+([A-Za-z_$][A-Za-z_0-9$]*)(\\(?)(.*)", Pattern.DOTALL);

    /** A {@code #define} whose body may be a constant; its position is that of the name. */
    record Define(String name, String body, SourcePosition position, int line, int column) {
    }

    private record LineMarker(int physicalLine, String file, int nextLine) {
    }

    private record PackChange(int charOffset, long maxFieldAlignment) {
    }

    private final String defaultFile;
    private final List<LineMarker> markers = new ArrayList<>();
    private final List<PackChange> packChanges = new ArrayList<>();
    private final ArrayDeque<Long> packStack = new ArrayDeque<>();
    private final List<Define> defines = new ArrayList<>();
    private final List<CDiagnostic> diagnostics = new ArrayList<>();
    private long currentPack;

    /** Under LuaJIT's rules, which has no preprocessor: only line markers and pragmas are accepted. */
    private final boolean acceptsOnlyLinesAndPragmas;

    DirectiveTracker(String defaultFile, long initialPack, boolean acceptsOnlyLinesAndPragmas) {
        this.defaultFile = defaultFile;
        this.currentPack = initialPack;
        this.acceptsOnlyLinesAndPragmas = acceptsOnlyLinesAndPragmas;
    }

    void accept(Token directive) {
        if (directive instanceof LineMarkerToken marker) {
            markers.add(new LineMarker(directive.getLine(), marker.file(), marker.nextLine()));
            return;
        }
        String text = directive.getText();
        Matcher m = LINE_MARKER.matcher(text);
        if (m.matches()) {
            String file = m.group(2) != null ? unescape(m.group(2)) : fileAt(directive.getLine());
            markers.add(new LineMarker(directive.getLine(), file, Integer.parseInt(m.group(1))));
            return;
        }
        m = PRAGMA_PACK.matcher(text);
        if (m.matches()) {
            pack(m.group(1).trim(), directive);
            return;
        }
        if (PRAGMA.matcher(text).matches()) {
            return;
        }
        if (acceptsOnlyLinesAndPragmas) {
            Matcher word = DIRECTIVE_NAME.matcher(text);
            String name = word.lookingAt() ? word.group(1) : "";
            int column = directive.getCharPositionInLine() + (word.lookingAt() ? word.start(1) : 0) + 1;
            diagnostics.add(new CDiagnostic(CErrorKind.UNSUPPORTED_DIRECTIVE, position(directive.getLine(), column),
                    name, CErrorKind.UNSUPPORTED_DIRECTIVE.format(name)));
            return;
        }
        m = DEFINE.matcher(text);
        if (m.matches() && m.group(2).isEmpty()) {
            String body = m.group(3).trim();
            if (!body.isEmpty()) {
                int column = directive.getCharPositionInLine() + text.indexOf(m.group(1)) + 1;
                defines.add(new Define(m.group(1), body, position(directive.getLine(), column),
                        directive.getLine(), column));
            }
        }
    }

    private void pack(String arguments, Token directive) {
        String[] parts = arguments.isEmpty() ? new String[0] : arguments.split("\\s*,\\s*");
        try {
            if (parts.length == 0) {
                setPack(0, directive);
            } else if (parts[0].equals("push")) {
                packStack.push(currentPack);
                String last = parts[parts.length - 1];
                if (parts.length > 1 && Character.isDigit(last.charAt(0))) {
                    setPack(parseAlignment(last), directive);
                }
            } else if (parts[0].equals("pop")) {
                if (packStack.isEmpty()) {
                    throw new IllegalArgumentException("pop without a matching push");
                }
                long restored = packStack.pop();
                String last = parts[parts.length - 1];
                setPack(parts.length > 1 && Character.isDigit(last.charAt(0)) ? parseAlignment(last) : restored, directive);
            } else if (parts.length == 1) {
                setPack(parseAlignment(parts[0]), directive);
            } else {
                throw new IllegalArgumentException("expected pack(n), pack(), pack(push[, n]) or pack(pop)");
            }
        } catch (IllegalArgumentException e) {
            diagnostics.add(new CDiagnostic(CErrorKind.BAD_PRAGMA,
                    position(directive.getLine(), directive.getCharPositionInLine() + 1), directive.getText().strip(),
                    CErrorKind.BAD_PRAGMA.format(e.getMessage())));
        }
    }

    private static long parseAlignment(String text) {
        long value;
        try {
            value = Long.decode(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number");
        }
        if (value != 0 && (value < 0 || Long.bitCount(value) != 1 || value > 16)) {
            throw new IllegalArgumentException("alignment must be 1, 2, 4, 8 or 16, got " + text);
        }
        return value;
    }

    private void setPack(long value, Token directive) {
        currentPack = value;
        packChanges.add(new PackChange(directive.getStartIndex(), value));
    }

    /** The {@code #pragma pack} value in force at a character offset; 0 for none. */
    long packAt(int charOffset, long initialPack) {
        long value = initialPack;
        for (PackChange change : packChanges) {
            if (change.charOffset() > charOffset) {
                break;
            }
            value = change.maxFieldAlignment();
        }
        return value;
    }

    long currentPack() {
        return currentPack;
    }

    /** The source position of a physical line and 1-based column, through the line markers. */
    SourcePosition position(int physicalLine, int column) {
        LineMarker marker = markerBefore(physicalLine);
        if (marker == null) {
            return new SourcePosition(defaultFile, physicalLine, Math.max(1, column));
        }
        int line = marker.nextLine() + (physicalLine - marker.physicalLine() - 1);
        return new SourcePosition(marker.file(), Math.max(1, line), Math.max(1, column));
    }

    SourcePosition position(Token token) {
        return position(token.getLine(), token.getCharPositionInLine() + 1);
    }

    private String fileAt(int physicalLine) {
        LineMarker marker = markerBefore(physicalLine);
        return marker == null ? defaultFile : marker.file();
    }

    private LineMarker markerBefore(int physicalLine) {
        // Markers arrive in line order; the search is from the end because lookups are mostly recent.
        for (int i = markers.size() - 1; i >= 0; i--) {
            if (markers.get(i).physicalLine() < physicalLine) {
                return markers.get(i);
            }
        }
        return null;
    }

    List<Define> defines() {
        return defines;
    }

    List<CDiagnostic> diagnostics() {
        return diagnostics;
    }

    private static String unescape(String quoted) {
        return quoted.indexOf('\\') < 0 ? quoted : quoted.replaceAll("\\\\(.)", "$1");
    }
}
