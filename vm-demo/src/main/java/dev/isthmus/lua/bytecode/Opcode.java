package dev.isthmus.lua.bytecode;

/**
 * The register bytecode. Each instruction is four ints in {@link Prototype#code()}: the
 * opcode's ordinal, then operands A, B and C. R(x) is register x of the frame; RK(x) is
 * register x when x >= 0 and constant -1-x otherwise; K(x) is constant x; U(x) upvalue x.
 * A jump offset is counted in instructions from the one after the jump. The set follows
 * Lua 5.1's (lopcodes.h) so its reasoning carries over, with two changes: comparison and
 * test instructions skip the next instruction (always a {@code JMP}) exactly as there, and
 * {@code LOOP} marks the head of {@code while} and {@code repeat} loops so backward
 * branches of every kind count hotness ({@code FORLOOP} and {@code TFORLOOP} count themselves).
 */
public enum Opcode {
    /** R(A) = R(B) */
    MOVE("AB"),
    /** R(A) = K(B) */
    LOADK("AK"),
    /** R(A) = (B != 0); if C != 0, skip the next instruction */
    LOADBOOL("ABC"),
    /** R(A) .. R(A+B-1) = nil */
    LOADNIL("AB"),
    /** R(A) = U(B) */
    GETUPVAL("AU"),
    /** R(A) = env[K(B)] */
    GETGLOBAL("AK"),
    /** R(A) = R(B)[RK(C)] */
    GETTABLE("ABR"),
    /** env[K(B)] = R(A) */
    SETGLOBAL("AK"),
    /** U(B) = R(A) */
    SETUPVAL("AU"),
    /** R(A)[RK(B)] = RK(C) */
    SETTABLE("ARR"),
    /** R(A) = {} with B array and C hash slots preallocated */
    NEWTABLE("ABC"),
    /** R(A+1) = R(B); R(A) = R(B)[RK(C)] */
    SELF("ABR"),
    /** R(A) = RK(B) + RK(C), and so on for the other arithmetic operators */
    ADD("ARR"), SUB("ARR"), MUL("ARR"), DIV("ARR"), MOD("ARR"), POW("ARR"),
    /** R(A) = -R(B) */
    UNM("AB"),
    /** R(A) = not R(B) */
    NOT("AB"),
    /** R(A) = #R(B) */
    LEN("AB"),
    /** R(A) = R(B) .. ... .. R(C) */
    CONCAT("ABC"),
    /** pc += B */
    JMP("J"),
    /** if (RK(B) == RK(C)) ~= (A != 0), skip the next instruction */
    EQ("ARR"),
    /** if (RK(B) < RK(C)) ~= (A != 0), skip the next instruction */
    LT("ARR"),
    /** if (RK(B) <= RK(C)) ~= (A != 0), skip the next instruction */
    LE("ARR"),
    /** if truthiness of R(A) ~= (C != 0), skip the next instruction */
    TEST("A_C"),
    /** if truthiness of R(B) == (C != 0), R(A) = R(B); else skip the next instruction */
    TESTSET("ABC"),
    /** R(A) .. R(A+C-2) = R(A)(R(A+1) .. R(A+B-1)); B = 0: arguments up to top; C = 0: results set top */
    CALL("ABC"),
    /** return R(A)(R(A+1) .. R(A+B-1)), reusing the frame */
    TAILCALL("AB"),
    /** return R(A) .. R(A+B-2); B = 0: up to top */
    RETURN("AB"),
    /** R(A) += R(A+2); if R(A) <?= R(A+1) { pc += B; R(A+3) = R(A) } (a backward branch: counts hotness) */
    FORLOOP("AJ"),
    /**
     * checks R(A) .. R(A+2) are numbers; R(A) -= R(A+2) and pc += B (to the FORLOOP) when
     * FORLOOP adds the step back exactly; otherwise, as LuaJIT's FORI, the first iteration
     * starts here with R(A+3) = R(A), or pc += B + 1 when the loop does not run
     */
    FORPREP("AJ"),
    /** R(A+3) .. R(A+2+C) = R(A)(R(A+1), R(A+2)); if R(A+3) ~= nil { R(A+2) = R(A+3); pc += B } (counts hotness) */
    TFORLOOP("AJC"),
    /** R(A)[C+i] = R(A+i) for 1 <= i <= B; B = 0: up to top */
    SETLIST("ABC"),
    /** closes every upvalue over R(A) and above */
    CLOSE("A"),
    /** R(A) = a closure of nested prototype B */
    CLOSURE("AP"),
    /** R(A) .. R(A+B-2) = the varargs; B = 0: all of them, setting top */
    VARARG("AB"),
    /** the head of a while or repeat loop: counts hotness; no effect otherwise */
    LOOP("");

    private static final Opcode[] VALUES = values();

    /** How the disassembler shows the operands: A/B/C registers, R register-or-constant, K constant, U upvalue, J jump, P prototype, _ unused. */
    private final String operandKinds;

    Opcode(String operandKinds) {
        this.operandKinds = operandKinds;
    }

    public String operandKinds() {
        return operandKinds;
    }

    public static Opcode of(int ordinal) {
        return VALUES[ordinal];
    }
}
