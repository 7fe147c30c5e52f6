package dev.isthmus.cparser.preprocess;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs preprocessing directives (C11 6.10) for a {@link PreprocessRun}: conditional
 * groups (skipping the groups not taken without judging their text), includes,
 * definitions, {@code #line} and GCC's line markers, {@code #error} and {@code #warning},
 * and pragmas ({@code once}, {@code push_macro}/{@code pop_macro},
 * {@code GCC system_header}; every other pragma is passed to the output, {@code pack}
 * with its macros expanded as GCC does).
 */
final class Directives {
    private final PreprocessRun run;
    /**
     * The tokens of the directive being run, one list for all (a header set runs thousands):
     * what a directive keeps of them (a macro's body) it copies, and no directive runs
     * another while it runs.
     */
    private final List<PpToken> line = new ArrayList<>(64);

    Directives(PreprocessRun run) {
        this.run = run;
    }

    /** Runs the directive at the source's current {@code #} and moves past its line. */
    void run(Source source) {
        boolean atFileStart = source.index == 0;
        boolean firstDirective = !source.directiveSeen;
        source.directiveSeen = true;
        PpToken hash = source.presumed(source.current());
        int lastPhysicalLine = source.current().line();
        List<PpToken> line = this.line;
        line.clear();
        source.index++;
        while (!source.current().startsLine() && !source.current().isEnd()) {
            lastPhysicalLine = source.current().line();
            line.add(source.presumed(source.current()));
            source.index++;
        }
        if (line.isEmpty()) {
            return;
        }
        PpToken name = line.getFirst();
        List<PpToken> rest = line.subList(1, line.size());
        if (name.kind() == PpToken.Kind.NUMBER) {
            lineDirective(source, hash, line, lastPhysicalLine);
            return;
        }
        // The file's first directive, with nothing before it, may be its include guard.
        String guard = firstDirective && atFileStart ? IncludeGuards.guardNamed(line) : null;
        int directive = code(name);
        switch (directive) {
            case IF -> conditional(source, hash, evaluate(rest, name), guard);
            case IFDEF, IFNDEF -> conditional(source, hash, definedTest(rest, name) == (directive == IFDEF), guard);
            case ELIF, ELIFDEF, ELIFNDEF -> elif(source, name, directive, rest);
            case ELSE -> elseGroup(source, name);
            case ENDIF -> {
                if (run.conditionals.size() <= source.conditionalDepth) {
                    run.error(name, "#endif without #if");
                } else if (run.conditionals.pop() == source.guardConditional && source.current().isEnd()) {
                    source.guard = source.guardCandidate;
                }
            }
            case DEFINE -> define(source, name, rest);
            case UNDEF -> undef(source, name, rest);
            case INCLUDE -> include(source, name, rest, false);
            case INCLUDE_NEXT -> include(source, name, rest, source.chainIndex >= 0 || run.sources.size() > 1);
            case LINE -> lineDirective(source, hash, rest, lastPhysicalLine);
            case DIAGNOSTIC -> diagnostic(name, rest);
            case PRAGMA -> pragma(source, hash, rest);
            case IGNORED -> {
                // GCC's #ident, #sccs and #assert leave no declarations behind.
            }
            default -> invalidDirective(name);
        }
    }

    // The directives by a code: switching on an int is a jump table, where a switch on strings
    // is a hash, a comparison per name and a second switch, code C1 compiles on every cold run.
    private static final int IF = 1;
    private static final int IFDEF = 2;
    private static final int IFNDEF = 3;
    private static final int ELIF = 4;
    private static final int ELIFDEF = 5;
    private static final int ELIFNDEF = 6;
    private static final int ELSE = 7;
    private static final int ENDIF = 8;
    private static final int DEFINE = 9;
    private static final int UNDEF = 10;
    private static final int INCLUDE = 11;
    private static final int INCLUDE_NEXT = 12;
    private static final int LINE = 13;
    private static final int DIAGNOSTIC = 14;
    private static final int PRAGMA = 15;
    private static final int IGNORED = 16;
    private static final Map<String, Integer> CODES = Map.ofEntries(Map.entry("if", IF), Map.entry("ifdef", IFDEF),
            Map.entry("ifndef", IFNDEF), Map.entry("elif", ELIF), Map.entry("elifdef", ELIFDEF),
            Map.entry("elifndef", ELIFNDEF), Map.entry("else", ELSE), Map.entry("endif", ENDIF),
            Map.entry("define", DEFINE), Map.entry("undef", UNDEF), Map.entry("include", INCLUDE),
            Map.entry("import", INCLUDE), Map.entry("include_next", INCLUDE_NEXT), Map.entry("line", LINE),
            Map.entry("error", DIAGNOSTIC), Map.entry("warning", DIAGNOSTIC), Map.entry("pragma", PRAGMA),
            Map.entry("ident", IGNORED), Map.entry("sccs", IGNORED), Map.entry("assert", IGNORED),
            Map.entry("unassert", IGNORED));

    /** The directive a name token names, or 0 for none. */
    private static int code(PpToken name) {
        Integer code = CODES.get(name.text());
        return code == null ? 0 : code;
    }

    // Messages are built in methods apart from the ones that find the errors, which C1 compiles on
    // every cold run: a message's concatenation is code and a call site of its own, and C1 compiles
    // a method whole however rarely a path of it runs.

    private void diagnostic(PpToken name, List<PpToken> rest) {
        if (name.is("error")) {
            run.error(name, "#error ".concat(spell(rest)));
        } else {
            run.warning(name, "#warning ".concat(spell(rest)));
        }
    }

    private void invalidDirective(PpToken name) {
        run.error(name, "invalid preprocessing directive #".concat(name.text()));
    }

    // Conditionals.

    private void conditional(Source source, PpToken hash, boolean taken, String guard) {
        PreprocessRun.Conditional group = new PreprocessRun.Conditional(hash, taken);
        run.conditionals.push(group);
        if (guard != null) {
            source.guardCandidate = guard;
            source.guardConditional = group;
        }
        if (!taken) {
            skipGroup(source);
        }
    }

    private boolean definedTest(List<PpToken> rest, PpToken directive) {
        if (rest.isEmpty() || !rest.getFirst().isIdentifier()) {
            run.error(directive, "no macro name given in #" + directive.text() + " directive");
            return false;
        }
        return run.isDefined(rest.getFirst().text());
    }

    private void elif(Source source, PpToken name, int directive, List<PpToken> rest) {
        PreprocessRun.Conditional open = open(source, name);
        if (open == null) {
            return;
        }
        if (open.sawElse) {
            run.error(name, "#" + name.text() + " after #else");
        }
        if (open.taken) {
            skipGroup(source);
            return;
        }
        boolean now = switch (directive) {
            case ELIFDEF -> definedTest(rest, name);
            case ELIFNDEF -> !definedTest(rest, name);
            default -> evaluate(rest, name);
        };
        if (now) {
            open.taken = true;
        } else {
            skipGroup(source);
        }
    }

    private void elseGroup(Source source, PpToken name) {
        PreprocessRun.Conditional open = open(source, name);
        if (open == null) {
            return;
        }
        if (open.sawElse) {
            run.error(name, "#else after #else");
        }
        open.sawElse = true;
        if (open.taken) {
            skipGroup(source);
        } else {
            open.taken = true;
        }
    }

    /** The group an {@code #elif} or {@code #else} continues; a guard's group never has one. */
    private PreprocessRun.Conditional open(Source source, PpToken name) {
        if (run.conditionals.size() <= source.conditionalDepth) {
            run.error(name, "#" + name.text() + " without #if");
            return null;
        }
        PreprocessRun.Conditional open = run.conditionals.peek();
        if (open == source.guardConditional) {
            source.guardConditional = null;
        }
        return open;
    }

    /**
     * Moves to the {@code #elif}, {@code #else} or {@code #endif} ending the current group,
     * nested groups skipped, without making the tokens of the lines between.
     */
    private static void skipGroup(Source source) {
        int depth = 0;
        while (true) {
            PpToken t = source.current();
            if (t.isEnd()) {
                return;
            }
            PpToken name = source.at(source.index + 1);
            if (t.startsLine() && (t.is("#") || t.is("%:")) && !name.startsLine() && name.isIdentifier()) {
                switch (code(name)) {
                    case IF, IFDEF, IFNDEF -> depth++;
                    case ENDIF -> {
                        if (depth == 0) {
                            return;
                        }
                        depth--;
                    }
                    case ELIF, ELSE, ELIFDEF, ELIFNDEF -> {
                        if (depth == 0) {
                            return;
                        }
                    }
                    default -> {
                    }
                }
            }
            source.skipRestOfLine();
        }
    }

    private boolean evaluate(List<PpToken> expression, PpToken directive) {
        List<PpToken> expanded = new MacroExpander(run, expression, directive, true).expandAll();
        try {
            return ConditionEvaluator.evaluate(expanded, directive);
        } catch (ConditionEvaluator.Failure f) {
            run.error(f.at, f.getMessage());
            return false;
        }
    }

    // Definitions.

    private void define(Source source, PpToken directive, List<PpToken> rest) {
        if (rest.isEmpty() || !rest.getFirst().isIdentifier()) {
            run.error(rest.isEmpty() ? directive : rest.getFirst(), "macro names must be identifiers");
            return;
        }
        PpToken name = rest.getFirst();
        if (name.is("defined")) {
            run.error(name, "\"defined\" cannot be used as a macro name");
            return;
        }
        boolean functionLike = rest.size() > 1 && rest.get(1).is("(") && !rest.get(1).space();
        Parameters parameters = functionLike ? parameters(rest, name) : Parameters.NONE;
        if (parameters == null) {
            return;
        }
        int bodyStart = parameters.bodyStart();
        // The body as the one immutable list the macro keeps, copied once (a definition per directive of thousands).
        PpToken[] body = new PpToken[rest.size() - bodyStart];
        for (int i = 0; i < body.length; i++) {
            body[i] = rest.get(bodyStart + i);
        }
        if (body.length > 0) {
            body[0] = body[0].withSpace(false);
        }
        Macro macro = new Macro(name.text(), functionLike, parameters.names(), parameters.variadic(), List.of(body), name);
        Macro previous = run.defineMacro(name.text(), macro);
        if (previous != null && !previous.sameAs(macro) && source.producesOutput) {
            redefined(name, previous);
        }
        if (run.options.keepDefinitions() && source.producesOutput) {
            run.writer.directive(macro.definitionLine(), directive.file(), directive.line());
        }
    }

    private void redefined(PpToken name, Macro previous) {
        run.warning(name, "\"" + name.text() + "\" redefined (previous definition at " + previous.definedAt().position() + ")");
    }

    /** A function-like macro's parameter names, whether it is variadic, and where its body starts in the directive's tokens after {@code define}. */
    private record Parameters(List<String> names, boolean variadic, int bodyStart) {
        static final Parameters NONE = new Parameters(List.of(), false, 1);
    }

    /** The parameter list of a function-like definition ({@code rest[1]} is its parenthesis), or null after reporting an error. */
    private Parameters parameters(List<PpToken> rest, PpToken name) {
        List<String> parameters = new ArrayList<>();
        boolean variadic = false;
        int i = 2;
        while (true) {
            if (i >= rest.size()) {
                run.error(name, "missing ')' in macro parameter list");
                return null;
            }
            PpToken p = rest.get(i);
            if (p.is(")") && parameters.isEmpty() && !variadic) {
                i++;
                break;
            }
            if (p.is("...")) {
                parameters.add("__VA_ARGS__");
                variadic = true;
                i++;
            } else if (p.isIdentifier() && !parameters.contains(p.text())) {
                parameters.add(p.text());
                i++;
                if (i < rest.size() && rest.get(i).is("...")) {
                    variadic = true;
                    i++;
                }
            } else {
                run.error(p, "expected parameter name, found \"" + p.text() + "\"");
                return null;
            }
            if (i < rest.size() && rest.get(i).is(")")) {
                i++;
                break;
            }
            if (variadic || i >= rest.size() || !rest.get(i).is(",")) {
                run.error(i < rest.size() ? rest.get(i) : name, "expected ',' or ')' in macro parameter list");
                return null;
            }
            i++;
        }
        return new Parameters(parameters, variadic, i);
    }

    private void undef(Source source, PpToken directive, List<PpToken> rest) {
        if (rest.isEmpty() || !rest.getFirst().isIdentifier()) {
            run.error(directive, "no macro name given in #undef directive");
            return;
        }
        run.undefineMacro(rest.getFirst().text());
        if (run.options.keepDefinitions() && source.producesOutput) {
            run.writer.directive("#undef " + rest.getFirst().text(), directive.file(), directive.line());
        }
    }

    // Includes.

    private void include(Source source, PpToken directive, List<PpToken> rest, boolean next) {
        PreprocessRun.HeaderName header = headerName(rest, directive);
        if (header == null) {
            return;
        }
        PreprocessRun.Found found = run.find(header.name(), header.angled(), next, source);
        if (found == null) {
            run.fatal(directive, header.name() + ": No such file or directory");
        }
        run.include(found, directive);
        if (directive.is("import")) {
            run.onceFiles.add(PreprocessRun.identity(found.path()));
        }
    }

    /** The header an include names, directly or after macro expansion; null after reporting an error. */
    PreprocessRun.HeaderName headerName(List<PpToken> operand, PpToken directive) {
        List<PpToken> tokens = operand;
        if (!tokens.isEmpty() && !isHeaderStart(tokens.getFirst())) {
            tokens = new MacroExpander(run, operand, directive, false).expandAll();
        }
        if (!tokens.isEmpty() && tokens.getFirst().kind() == PpToken.Kind.STRING && tokens.getFirst().text().startsWith("\"")) {
            String text = tokens.getFirst().text();
            return new PreprocessRun.HeaderName(text.substring(1, text.length() - 1), false);
        }
        if (!tokens.isEmpty() && tokens.getFirst().is("<")) {
            StringBuilder name = new StringBuilder();
            for (int i = 1; i < tokens.size(); i++) {
                PpToken t = tokens.get(i);
                if (t.is(">")) {
                    return new PreprocessRun.HeaderName(name.toString(), true);
                }
                if (i > 1 && t.space()) {
                    name.append(' ');
                }
                name.append(t.text());
            }
        }
        run.error(directive, "#" + directive.text() + " expects \"FILENAME\" or <FILENAME>");
        return null;
    }

    private static boolean isHeaderStart(PpToken t) {
        return t.is("<") || (t.kind() == PpToken.Kind.STRING && t.text().startsWith("\""));
    }

    // #line and line markers.

    private void lineDirective(Source source, PpToken hash, List<PpToken> rest, int lastPhysicalLine) {
        List<PpToken> tokens = rest;
        if (!tokens.isEmpty() && tokens.getFirst().kind() != PpToken.Kind.NUMBER) {
            tokens = new MacroExpander(run, rest, hash, false).expandAll();
        }
        if (tokens.isEmpty() || tokens.getFirst().kind() != PpToken.Kind.NUMBER
                || !tokens.getFirst().text().chars().allMatch(Character::isDigit)) {
            run.error(hash, "\"" + spell(rest) + "\" after #line is not a positive integer");
            return;
        }
        int number = Integer.parseInt(tokens.getFirst().text());
        source.lineDelta = number - (lastPhysicalLine + 1);
        if (tokens.size() > 1 && tokens.get(1).kind() == PpToken.Kind.STRING) {
            String quoted = tokens.get(1).text();
            source.presumedName = quoted.substring(1, quoted.length() - 1).replace("\\\\", "\\");
        }
    }

    // Pragmas.

    private void pragma(Source source, PpToken hash, List<PpToken> rest) {
        if (rest.isEmpty()) {
            return;
        }
        PpToken first = rest.getFirst();
        if (first.is("once")) {
            run.onceFiles.add(PreprocessRun.identity(source.path));
            return;
        }
        if ((first.is("push_macro") || first.is("pop_macro")) && rest.size() >= 4
                && rest.get(2).kind() == PpToken.Kind.STRING) {
            String quoted = rest.get(2).text();
            String name = quoted.substring(1, quoted.length() - 1);
            ArrayDeque<Optional<Macro>> stack = run.pushedMacros.computeIfAbsent(name, k -> new ArrayDeque<>());
            if (first.is("push_macro")) {
                stack.push(Optional.ofNullable(run.macros.get(name)));
            } else if (!stack.isEmpty()) {
                stack.pop().ifPresentOrElse(m -> run.defineMacro(name, m), () -> run.undefineMacro(name));
            }
            return;
        }
        if (first.is("GCC") && rest.size() > 1) {
            PpToken what = rest.get(1);
            if (what.is("system_header")) {
                source.system = true;
                return;
            }
            if (what.is("error") || what.is("warning")) {
                String message = spell(rest.subList(2, rest.size()));
                if (what.is("error")) {
                    run.error(what, message);
                } else {
                    run.warning(what, message);
                }
                return;
            }
        }
        if (!source.producesOutput) {
            return;
        }
        List<PpToken> shown = rest;
        if (first.is("pack")) {
            shown = new MacroExpander(run, rest, hash, false).expandAll();
        }
        run.writer.directive("#pragma " + spell(shown), hash.file(), hash.line());
    }

    /** {@code _Pragma("...")} (C11 6.10.9) met in the text: its string run as a {@code #pragma} line. */
    void pragmaOperator(PpToken at, MacroExpander expander) {
        PpToken open = expander.next();
        PpToken string = expander.next();
        PpToken close = expander.next();
        if (!open.is("(") || string.kind() != PpToken.Kind.STRING || !close.is(")")) {
            run.error(at, "_Pragma takes a parenthesized string literal");
            return;
        }
        String text = string.text();
        text = text.substring(text.indexOf('"') + 1, text.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        List<PpToken> tokens = new ArrayList<>(PpLexer.tokenize(text, at.file()));
        tokens.removeLast();
        List<PpToken> placed = new ArrayList<>();
        for (PpToken t : tokens) {
            placed.add(new PpToken(t.kind(), run.spelling(t.text()), at.file(), at.line(), at.column(), t.space(), false, t.hideSet()));
        }
        pragma(run.sources.peek(), at, placed);
    }

    static String spell(List<PpToken> tokens) {
        StringBuilder text = new StringBuilder();
        for (PpToken t : tokens) {
            if (!text.isEmpty() && t.space()) {
                text.append(' ');
            }
            text.append(t.text());
        }
        return text.toString();
    }
}
