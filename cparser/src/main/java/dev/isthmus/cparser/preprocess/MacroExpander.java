package dev.isthmus.cparser.preprocess;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Macro replacement (C11 6.10.3) over a stream of tokens, after Dave Prosser's algorithm:
 * each token carries the set of macros it came out of and never expands them again; a
 * function-like macro's result is hidden from the macros common to its name and its
 * closing parenthesis. Arguments are expanded fully before substitution, except next to
 * {@code #} and {@code ##}; {@code __VA_OPT__} (C23) and GNU's {@code , ## __VA_ARGS__}
 * comma removal are supported. Rescanning reads on into the rest of the input, so a macro
 * name that an expansion ends with takes its arguments from the text after it.
 *
 * <p>In a condition ({@code #if}), {@code defined} and the {@code __has_*} operators are
 * replaced by their values as they are met, their operands unexpanded.
 */
final class MacroExpander {
    /** The variable arguments of a call that gave none at all, which GCC's {@code , ## __VA_ARGS__} tells from empty ones. */
    private static final List<PpToken> ABSENT = java.util.Collections.unmodifiableList(new ArrayList<>());

    private final PreprocessRun run;
    /**
     * Where unexpanded tokens come from: the run's files (with directives run) when null, else
     * this list up to {@link #end}. Two fields rather than an interface with two
     * implementations: reading the next token is a call per token, and one through such an
     * interface is one C1 cannot inline.
     */
    private final List<PpToken> list;
    private final PpToken endAt;
    private int index;
    /** Made when first read: the end is read (or peeked at) more than once. */
    private PpToken end;
    private final boolean inCondition;
    private final ArrayDeque<PpToken> pending = new ArrayDeque<>();

    /** An expander of the run's files. */
    MacroExpander(PreprocessRun run, boolean inCondition) {
        this(run, null, null, inCondition);
    }

    /** An expander of {@code tokens}, whose end is placed at {@code endAt}. */
    MacroExpander(PreprocessRun run, List<PpToken> tokens, PpToken endAt, boolean inCondition) {
        this.run = run;
        this.list = tokens;
        this.endAt = endAt;
        this.inCondition = inCondition;
    }

    private PpToken end() {
        if (end == null) {
            end = PpToken.end(endAt.file(), endAt.line());
        }
        return end;
    }

    /** Every token of a list, fully expanded. */
    List<PpToken> expandAll() {
        List<PpToken> out = new ArrayList<>();
        for (PpToken t = next(); !t.isEnd(); t = next()) {
            out.add(t);
        }
        return out;
    }

    PpToken readRaw() {
        if (!pending.isEmpty()) {
            return pending.pollFirst();
        }
        if (list == null) {
            return run.read();
        }
        return index < list.size() ? list.get(index++) : end();
    }

    private PpToken peekRaw() {
        if (!pending.isEmpty()) {
            return pending.peekFirst();
        }
        if (list == null) {
            return run.peek();
        }
        return index < list.size() ? list.get(index) : end();
    }

    /** The next token after macro replacement; {@code END} at the end of the input. */
    PpToken next() {
        while (true) {
            PpToken t = readRaw();
            if (!t.isIdentifier()) {
                return t;
            }
            if (inCondition) {
                PpToken operatorValue = conditionOperator(t);
                if (operatorValue != null) {
                    return operatorValue;
                }
            }
            Macro m = run.macro(t);
            if (m == null) {
                // Most identifiers name no macro: the hide set is asked only of __LINE__ and the like.
                return run.isDynamicMacro(t) && !t.hideSet().contains(t.text()) ? run.dynamicValue(t) : t;
            }
            if (t.hideSet().contains(t.text())) {
                return t;
            }
            if (!m.functionLike()) {
                pushReplacement(m.plain() ? m.body() : substituted(m, List.of()), t.hideSet().with(m.name()), t);
                continue;
            }
            if (!peekRaw().is("(")) {
                return t;
            }
            readRaw();
            List<List<PpToken>> arguments = new ArrayList<>();
            PpToken close = collectArguments(m, t, arguments);
            if (close == null) {
                return t;
            }
            pushReplacement(substituted(m, arguments), t.hideSet().intersection(close.hideSet()).with(m.name()), t);
        }
    }

    /** Reads arguments up to the closing parenthesis and returns it, or null after reporting an error. */
    private PpToken collectArguments(Macro m, PpToken name, List<List<PpToken>> arguments) {
        List<PpToken> current = new ArrayList<>();
        int depth = 0;
        int named = m.parameters().size();
        PpToken close;
        while (true) {
            PpToken t = readRaw();
            if (t.isEnd()) {
                pending.addFirst(t);
                unterminated(m, name);
                return null;
            }
            if (t.is("(")) {
                depth++;
            } else if (t.is(")")) {
                if (depth == 0) {
                    close = t;
                    break;
                }
                depth--;
            } else if (t.is(",") && depth == 0 && !(m.variadic() && arguments.size() == named - 1)) {
                arguments.add(current);
                current = new ArrayList<>();
                continue;
            }
            current.add(t);
        }
        arguments.add(current);
        if (named == 0 && arguments.size() == 1 && current.isEmpty()) {
            arguments.clear();
        }
        if (m.variadic() && arguments.size() == named - 1) {
            arguments.add(ABSENT);
        }
        if (arguments.size() != named) {
            wrongCount(m, name, arguments.size());
            return null;
        }
        return close;
    }

    // The errors are methods apart from the loops that find them, which C1 compiles on every cold
    // run: a message's concatenation is code and a call site of its own, and C1 compiles a method whole.

    private void unterminated(Macro m, PpToken name) {
        run.error(name, "unterminated argument list invoking macro \"" + m.name() + "\"");
    }

    private void wrongCount(Macro m, PpToken name, int given) {
        int named = m.parameters().size();
        run.error(name, given > named
                ? "macro \"" + m.name() + "\" passed " + given + " arguments, but takes just " + named
                : "macro \"" + m.name() + "\" requires " + named + " arguments, but only " + given + " given");
    }

    /**
     * Pushes a macro's replacement back in front of the input, each token placed at the
     * invocation with {@code hideSet} added to its own, placemarkers dropped, the first taking
     * the invocation's leading space: straight into the pending tokens, since most macros
     * are object-like without {@code ##}, whose replacement is their body as it is.
     */
    private void pushReplacement(List<PpToken> replaced, HideSet hideSet, PpToken invocation) {
        int first = 0;
        while (first < replaced.size() && replaced.get(first).kind() == PpToken.Kind.PLACEMARKER) {
            first++;
        }
        for (int i = replaced.size() - 1; i >= first; i--) {
            PpToken t = replaced.get(i);
            if (t.kind() != PpToken.Kind.PLACEMARKER) {
                pending.addFirst(t.at(invocation, t.hideSet().union(hideSet), i == first ? invocation.space() : t.space()));
            }
        }
    }

    /** A function-like macro's body with its arguments substituted, placemarkers still in. */
    private List<PpToken> substituted(Macro m, List<List<PpToken>> arguments) {
        List<PpToken> out = new ArrayList<>();
        List<List<PpToken>> expanded = new ArrayList<>(arguments.size());
        for (int i = 0; i < arguments.size(); i++) {
            expanded.add(null);
        }
        substituteInto(out, m.body(), m, arguments, expanded);
        return out;
    }

    private void substituteInto(List<PpToken> out, List<PpToken> body, Macro m, List<List<PpToken>> arguments,
                                List<List<PpToken>> expanded) {
        for (int i = 0; i < body.size(); i++) {
            PpToken t = body.get(i);
            boolean pastedAfter = i + 1 < body.size() && body.get(i + 1).is("##");
            if (m.functionLike() && t.is("#") && i + 1 < body.size() && m.parameterIndex(body.get(i + 1)) >= 0) {
                out.add(stringize(arguments.get(m.parameterIndex(body.get(i + 1))), t));
                i++;
                continue;
            }
            if (t.is("##") && i + 1 < body.size() && i > 0) {
                i = pasteInto(out, body, i, m, arguments, expanded);
                continue;
            }
            int p = m.parameterIndex(t);
            if (p >= 0) {
                if (pastedAfter) {
                    List<PpToken> raw = arguments.get(p);
                    if (raw.isEmpty()) {
                        out.add(placemarker(t));
                    } else {
                        addWithSpace(out, raw, t.space());
                    }
                } else {
                    if (expanded.get(p) == null) {
                        List<PpToken> argument = arguments.get(p);
                        expanded.set(p, expandsToItself(argument) ? argument
                                : new MacroExpander(run, argument, t, inCondition).expandAll());
                    }
                    addWithSpace(out, expanded.get(p), t.space());
                }
                continue;
            }
            if (t.is("__VA_OPT__") && m.variadic() && i + 1 < body.size() && body.get(i + 1).is("(")) {
                i = vaOptInto(out, body, i, m, arguments, expanded);
                continue;
            }
            out.add(t);
        }
    }

    /**
     * The {@code ##} at {@code body[i]} and its right operand, pasted to what {@code out} ends
     * with; returns the index of the last body token used. A method apart from
     * {@link #substituteInto}, whose commoner paths C1 then compiles alone.
     */
    private int pasteInto(List<PpToken> out, List<PpToken> body, int i, Macro m, List<List<PpToken>> arguments,
                          List<List<PpToken>> expanded) {
        PpToken t = body.get(i);
        PpToken operand = body.get(++i);
        int p = m.parameterIndex(operand);
        List<PpToken> right;
        if (p >= 0) {
            right = arguments.get(p);
            if (m.variadic() && p == arguments.size() - 1 && !out.isEmpty() && out.getLast().is(",")) {
                // GNU: ", ## __VA_ARGS__" drops the comma when the call gave no variable arguments.
                if (right == ABSENT) {
                    out.removeLast();
                } else {
                    addWithSpace(out, right, operand.space());
                }
                return i;
            }
        } else if (operand.is("__VA_OPT__") && m.variadic()) {
            int close = matchingParenthesis(body, i + 1);
            right = new ArrayList<>();
            if (!arguments.getLast().isEmpty()) {
                substituteInto(right, body.subList(i + 2, close), m, arguments, expanded);
            }
            i = close;
        } else {
            right = List.of(operand);
        }
        PpToken left = out.isEmpty() ? placemarker(t) : out.removeLast();
        if (right.isEmpty()) {
            out.add(left);
        } else {
            out.addAll(paste(left, right.getFirst()));
            out.addAll(right.subList(1, right.size()));
        }
        return i;
    }

    /** {@code __VA_OPT__(...)} at {@code body[i]}, substituted into {@code out}; returns the index of its closing parenthesis. */
    private int vaOptInto(List<PpToken> out, List<PpToken> body, int i, Macro m, List<List<PpToken>> arguments,
                          List<List<PpToken>> expanded) {
        PpToken t = body.get(i);
        int close = matchingParenthesis(body, i + 1);
        List<PpToken> content = new ArrayList<>();
        if (!arguments.getLast().isEmpty()) {
            substituteInto(content, body.subList(i + 2, close), m, arguments, expanded);
        }
        if (content.isEmpty()) {
            out.add(placemarker(t));
        } else {
            addWithSpace(out, content, t.space());
        }
        return close;
    }

    /**
     * Whether an argument's full expansion is the argument itself: outside a condition, it
     * names no macro (nor {@code __LINE__} and the like), so no expander need read it.
     */
    private boolean expandsToItself(List<PpToken> argument) {
        if (inCondition) {
            return false;
        }
        for (int i = 0; i < argument.size(); i++) {
            PpToken t = argument.get(i);
            if (t.isIdentifier() && run.isDefined(t.text())) {
                return false;
            }
        }
        return true;
    }

    private static void addWithSpace(List<PpToken> out, List<PpToken> tokens, boolean space) {
        for (int i = 0; i < tokens.size(); i++) {
            out.add(i == 0 ? tokens.get(i).withSpace(space) : tokens.get(i));
        }
    }

    private static int matchingParenthesis(List<PpToken> body, int open) {
        int depth = 0;
        for (int i = open; i < body.size(); i++) {
            if (body.get(i).is("(")) {
                depth++;
            } else if (body.get(i).is(")") && --depth == 0) {
                return i;
            }
        }
        return body.size() - 1;
    }

    private static PpToken placemarker(PpToken at) {
        return new PpToken(PpToken.Kind.PLACEMARKER, Spelling.EMPTY, at.file(), at.line(), at.column(), at.space(), false, HideSet.EMPTY);
    }

    private List<PpToken> paste(PpToken left, PpToken right) {
        if (left.kind() == PpToken.Kind.PLACEMARKER) {
            return List.of(right.withSpace(left.space()));
        }
        if (right.kind() == PpToken.Kind.PLACEMARKER) {
            return List.of(left);
        }
        PpToken joined = run.single(left.text().concat(right.text()));
        if (joined == null) {
            invalidPaste(left, right);
            return List.of(left, right);
        }
        return List.of(new PpToken(joined.kind(), joined.spelling(), left.file(), left.line(), left.column(), left.space(),
                false, left.hideSet()));
    }

    private void invalidPaste(PpToken left, PpToken right) {
        run.error(left, "pasting \"" + left.text() + "\" and \"" + right.text() + "\" does not give a valid preprocessing token");
    }

    private PpToken stringize(List<PpToken> argument, PpToken at) {
        StringBuilder s = new StringBuilder("\"");
        for (int i = 0; i < argument.size(); i++) {
            PpToken t = argument.get(i);
            if (i > 0 && t.space()) {
                s.append(' ');
            }
            if (t.kind() == PpToken.Kind.STRING || t.kind() == PpToken.Kind.CHARACTER) {
                s.append(t.text().replace("\\", "\\\\").replace("\"", "\\\""));
            } else {
                s.append(t.text());
            }
        }
        s.append('"');
        return new PpToken(PpToken.Kind.STRING, run.spelling(s.toString()), at.file(), at.line(), at.column(), at.space(), false,
                HideSet.EMPTY);
    }

    /** {@code defined X}, {@code __has_include(...)} and the like in a condition, as a number token; else null. */
    private PpToken conditionOperator(PpToken t) {
        String name = t.text();
        if (name.equals("defined")) {
            PpToken operand = readRaw();
            boolean parenthesized = operand.is("(");
            if (parenthesized) {
                operand = readRaw();
            }
            if (!operand.isIdentifier()) {
                run.error(operand.isEnd() ? t : operand, "operator \"defined\" requires an identifier");
                return number(t, 0);
            }
            if (parenthesized && !readRaw().is(")")) {
                run.error(operand, "missing ')' after \"defined\"");
            }
            return number(t, run.isDefined(operand.text()) ? 1 : 0);
        }
        if (!name.startsWith("__has_")) {
            return null;
        }
        boolean include = name.equals("__has_include") || name.equals("__has_include_next");
        boolean feature = name.equals("__has_attribute") || name.equals("__has_cpp_attribute")
                || name.equals("__has_c_attribute") || name.equals("__has_builtin");
        return include || feature ? hasOperator(t, include) : null;
    }

    /** {@code __has_include(...)}, {@code __has_attribute(...)} and the like: rarer than {@code defined}, so a method of their own. */
    private PpToken hasOperator(PpToken t, boolean include) {
        String name = t.text();
        if (!readRaw().is("(")) {
            run.error(t, "missing '(' after \"" + name + "\"");
            return number(t, 0);
        }
        List<PpToken> operand = new ArrayList<>();
        int depth = 0;
        for (PpToken o = readRaw(); !(o.is(")") && depth == 0); o = readRaw()) {
            if (o.isEnd()) {
                run.error(t, "missing ')' after \"" + name + "\" operand");
                return number(t, 0);
            }
            depth += o.is("(") ? 1 : o.is(")") ? -1 : 0;
            operand.add(o);
        }
        if (include) {
            return number(t, run.hasInclude(operand, name.equals("__has_include_next"), t) ? 1 : 0);
        }
        StringBuilder spelled = new StringBuilder();
        for (PpToken o : operand) {
            spelled.append(o.text());
        }
        String subject = spelled.toString();
        int value = name.equals("__has_builtin") ? CompilerFeatures.builtin(subject)
                : name.equals("__has_cpp_attribute") ? 0 : CompilerFeatures.attribute(subject);
        return number(t, value);
    }

    private PpToken number(PpToken at, long value) {
        return new PpToken(PpToken.Kind.NUMBER, run.spelling(Long.toString(value)), at.file(), at.line(), at.column(), at.space(),
                false, HideSet.EMPTY);
    }
}
