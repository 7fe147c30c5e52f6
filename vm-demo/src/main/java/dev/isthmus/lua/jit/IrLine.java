package dev.isthmus.lua.jit;

import dev.isthmus.lua.interp.InlinedFrames;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One instruction line of the IR text ({@link IrText}) read: the instruction, and its
 * snapshot with the exit number it was written under. Errors name the line and column.
 */
final class IrLine {
    private final String text;
    private final int lineNumber;
    private int pos;
    private int tokenStart;
    private Ir ir;
    private int snapshotNumber = Ir.NONE;
    private Snapshot snapshot;
    /** Where each reference was written, to report one out of range once all lines are read. */
    private final List<int[]> references = new ArrayList<>();

    private IrLine(String text, int lineNumber) {
        this.text = text;
        this.lineNumber = lineNumber;
    }

    /** Reads the instruction numbered {@code index}; {@code pc} is the line before's. */
    static IrLine read(String text, int lineNumber, int index, int pc, IrSymbols symbols) {
        IrLine line = new IrLine(text, lineNumber);
        line.readInstruction(index, pc, symbols);
        return line;
    }

    Ir ir() {
        return ir;
    }

    int lineNumber() {
        return lineNumber;
    }

    int snapshotNumber() {
        return snapshotNumber;
    }

    Snapshot snapshot() {
        return snapshot;
    }

    /** Every reference names an instruction of the trace (a PHI's back edge names a later one). */
    void checkReferences(int count) {
        for (int[] r : references) {
            if (r[0] >= count) {
                throw error(r[1], "reference " + Ir.ref(r[0]) + " past the last instruction");
            }
        }
    }

    private void readInstruction(int index, int pc, IrSymbols symbols) {
        String number = next();
        if (!isReference(number) || Integer.parseInt(number) != index) {
            throw error(tokenStart, "expected instruction number " + Ir.ref(index) + ", found '" + number + "'");
        }
        IrType type = named(IrType.class, next(), "type");
        IrOp op = named(IrOp.class, next(), "operation");
        int[] operands = {Ir.NONE, Ir.NONE, Ir.NONE};
        int count = 0;
        int[] args = null;
        List<Object> constants = new ArrayList<>();
        String token = next();
        while (isReference(token)) {
            if (count == 3) {
                throw error(tokenStart, "more than three operands (extra ones go in parentheses)");
            }
            operands[count++] = reference(token);
            token = next();
        }
        if (token.equals("(")) {
            List<Integer> list = new ArrayList<>();
            for (token = next(); isReference(token); token = next()) {
                list.add(reference(token));
            }
            expect(token, ")");
            args = list.stream().mapToInt(Integer::intValue).toArray();
            token = next();
        }
        while (!token.isEmpty() && !token.equals("[") && !token.startsWith("@")) {
            if (constants.size() == 2) {
                throw error(tokenStart, "more than two constants");
            }
            constants.add(constant(token, symbols));
            token = next();
        }
        if (token.startsWith("@")) {
            pc = integer(token.substring(1), "pc");
            token = next();
        }
        Object aux = constants.isEmpty() ? null : constants.get(0);
        Object aux2 = constants.size() < 2 ? null : constants.get(1);
        ir = new Ir(op, type, operands[0], operands[1], operands[2], args, aux, aux2, pc);
        if (token.equals("[")) {
            readSnapshot(symbols);
            token = next();
        }
        if (!token.isEmpty()) {
            throw error(tokenStart, "unexpected '" + token + "'");
        }
    }

    /**
     * {@code [exit N pc P resumed R inside NAME r=ref ...]} ({@code resumed R} for a call completed
     * with R results, {@code inside NAME} for a snapshot in inlined calls), the opening bracket read.
     */
    private void readSnapshot(IrSymbols symbols) {
        expect(next(), "exit");
        snapshotNumber = integer(next(), "exit number");
        expect(next(), "pc");
        int exitPc = integer(next(), "pc");
        List<Integer> registers = new ArrayList<>();
        List<Integer> refs = new ArrayList<>();
        InlinedFrames inside = null;
        int resumed = -1;
        for (String token = next(); !token.equals("]"); token = next()) {
            if (token.equals("resumed") && resumed < 0 && inside == null && registers.isEmpty()) {
                resumed = integer(next(), "count of results");
                continue;
            }
            if (token.equals("inside") && inside == null && registers.isEmpty()) {
                String name = next();
                try {
                    inside = symbols.framesNamed(name);
                } catch (IllegalArgumentException e) {
                    throw error(tokenStart, e.getMessage());
                }
                continue;
            }
            int eq = token.indexOf('=');
            if (token.isEmpty() || eq < 0) {
                throw error(tokenStart, "expected register=reference or ']', found '" + token + "'");
            }
            registers.add(integer(token.substring(0, eq), "register"));
            String ref = token.substring(eq + 1);
            if (!isReference(ref)) {
                throw error(tokenStart + eq + 1, "expected a reference, found '" + ref + "'");
            }
            refs.add(reference(ref));
        }
        snapshot = new Snapshot(exitPc, registers.stream().mapToInt(Integer::intValue).toArray(),
                refs.stream().mapToInt(Integer::intValue).toArray(), inside, resumed);
    }

    /** The next token: a bracket, a quoted string (with its {@code java} prefix), a braced array, or a run of other characters; empty at the end. */
    private String next() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        tokenStart = pos;
        if (pos == text.length()) {
            return "";
        }
        char c = text.charAt(pos);
        if ("()[]".indexOf(c) >= 0) {
            pos++;
        } else if (c == '{') {
            int close = text.indexOf('}', pos);
            if (close < 0) {
                throw error(pos, "unclosed '{'");
            }
            pos = close + 1;
        } else if (c == '"' || text.startsWith("java\"", pos)) {
            pos = closingQuote(text.indexOf('"', pos) + 1) + 1;
        } else {
            while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && "()[]".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
        }
        return text.substring(tokenStart, pos);
    }

    private int closingQuote(int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                boolean hex = i + 1 < text.length() && text.charAt(i + 1) == 'x';
                if (hex && !(i + 3 < text.length() && isHex(text.charAt(i + 2)) && isHex(text.charAt(i + 3)))) {
                    throw error(i, "expected two hex digits after \\x");
                }
                i += hex ? 3 : 1;
            } else if (c == '"') {
                return i;
            }
        }
        throw error(tokenStart, "unclosed string");
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static boolean isReference(String token) {
        return !token.isEmpty() && token.chars().allMatch(Character::isDigit);
    }

    private int reference(String token) {
        int r = integer(token, "reference");
        references.add(new int[] {r, tokenStart});
        return r;
    }

    private int integer(String token, String what) {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw error(tokenStart, "expected " + what + ", found '" + token + "'");
        }
    }

    private Object constant(String token, IrSymbols symbols) {
        try {
            return IrConstants.parse(token, symbols);
        } catch (IllegalArgumentException e) {
            throw error(tokenStart, e instanceof NumberFormatException ? "bad number '" + token + "'" : e.getMessage());
        }
    }

    private <E extends Enum<E>> E named(Class<E> kind, String token, String what) {
        try {
            return Enum.valueOf(kind, token.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(tokenStart, "expected " + what + ", found '" + token + "'");
        }
    }

    private void expect(String token, String wanted) {
        if (!token.equals(wanted)) {
            throw error(tokenStart, "expected '" + wanted + "', found '" + (token.isEmpty() ? "end of line" : token) + "'");
        }
    }

    private IllegalArgumentException error(int column, String message) {
        return new IllegalArgumentException("line " + lineNumber + ", column " + (column + 1) + ": " + message);
    }
}
