package dev.isthmus.lua.bytecode;

import dev.isthmus.lua.runtime.LuaString;

/**
 * Lists a prototype's bytecode as text, in the spirit of {@code luac -l} and
 * {@code luajit -bl}: one line per instruction with its pc, source line, opcode and operands,
 * constants shown by value and jump targets by pc; nested prototypes follow their parent.
 *
 * <pre>
 * function &lt;fib.lua:1&gt; (7 instructions, 4 registers, 1 parameter, 1 upvalue)
 *    0 [1] LT        0 R0 K0            ; 2
 * </pre>
 */
public final class Disassembler {
    private Disassembler() {
    }

    public static String listing(Prototype p) {
        StringBuilder out = new StringBuilder();
        list(p, out);
        return out.toString();
    }

    private static void list(Prototype p, StringBuilder out) {
        out.append(p.lineDefined() == 0 ? "main <" + p.chunkName() + ">" : "function <" + p.chunkName() + ":" + p.lineDefined() + ">")
                .append(" (").append(p.instructionCount()).append(" instructions, ").append(p.frameSize()).append(" registers, ")
                .append(p.parameterCount()).append(p.parameterCount() == 1 ? " parameter" : " parameters")
                .append(p.isVararg() ? " + vararg" : "").append(", ").append(p.upvalues().size())
                .append(p.upvalues().size() == 1 ? " upvalue)" : " upvalues)").append('\n');
        int[] code = p.code();
        for (int pc = 0; pc < p.instructionCount(); pc++) {
            Opcode op = Opcode.of(code[pc * 4]);
            int[] operands = {code[pc * 4 + 1], code[pc * 4 + 2], code[pc * 4 + 3]};
            StringBuilder text = new StringBuilder();
            StringBuilder comment = new StringBuilder();
            String kinds = op.operandKinds();
            for (int i = 0; i < kinds.length(); i++) {
                int operand = i < operands.length ? operands[i] : 0;
                if (kinds.charAt(i) == 'J' && i == 0) {
                    operand = operands[1];
                }
                String shown = switch (kinds.charAt(i)) {
                    case 'A', 'B', 'C' -> Integer.toString(operand);
                    case 'R' -> operand < 0 ? "K" + (-1 - operand) : "R" + operand;
                    case 'K' -> "K" + operand;
                    case 'U' -> "U" + operand;
                    case 'P' -> "P" + operand;
                    case 'J' -> "=> " + (pc + 1 + operand);
                    default -> null;
                };
                if (shown == null) {
                    continue;
                }
                text.append(text.isEmpty() ? "" : " ").append(shown);
                if (kinds.charAt(i) == 'R' && operand < 0) {
                    comment.append(comment.isEmpty() ? "" : " ").append(constant(p.constants()[-1 - operand]));
                } else if (kinds.charAt(i) == 'K') {
                    comment.append(comment.isEmpty() ? "" : " ").append(constant(p.constants()[operand]));
                } else if (kinds.charAt(i) == 'U') {
                    comment.append(comment.isEmpty() ? "" : " ").append(p.upvalueNames().get(operand));
                }
            }
            out.append(String.format("%5d [%d] %-9s %-18s%s%n", pc, p.lines()[pc], op.name(), text,
                    comment.isEmpty() ? "" : " ; " + comment));
        }
        for (Prototype child : p.prototypes()) {
            out.append('\n');
            list(child, out);
        }
    }

    private static String constant(Object value) {
        return switch (value) {
            case LuaString s -> "\"" + s.toString().replace("\n", "\\n") + "\"";
            case Double d when d == Math.rint(d) && Math.abs(d) < 1e15 -> Long.toString((long) (double) d);
            case null -> "nil";
            default -> String.valueOf(value);
        };
    }
}
