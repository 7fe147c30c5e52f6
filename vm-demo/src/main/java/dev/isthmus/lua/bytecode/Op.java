package dev.isthmus.lua.bytecode;

/**
 * The opcodes as int constants, for the interpreter's dispatch switch: a switch on an enum
 * costs two extra array loads per instruction ({@code values()} and javac's switch map),
 * which is measurable in an interpreter loop. {@code OpcodeTest} checks each constant equals
 * its {@link Opcode}'s ordinal, so the two cannot drift apart.
 */
public final class Op {
    private Op() {
    }

    public static final int MOVE = 0;
    public static final int LOADK = 1;
    public static final int LOADBOOL = 2;
    public static final int LOADNIL = 3;
    public static final int GETUPVAL = 4;
    public static final int GETGLOBAL = 5;
    public static final int GETTABLE = 6;
    public static final int SETGLOBAL = 7;
    public static final int SETUPVAL = 8;
    public static final int SETTABLE = 9;
    public static final int NEWTABLE = 10;
    public static final int SELF = 11;
    public static final int ADD = 12;
    public static final int SUB = 13;
    public static final int MUL = 14;
    public static final int DIV = 15;
    public static final int MOD = 16;
    public static final int POW = 17;
    public static final int UNM = 18;
    public static final int NOT = 19;
    public static final int LEN = 20;
    public static final int CONCAT = 21;
    public static final int JMP = 22;
    public static final int EQ = 23;
    public static final int LT = 24;
    public static final int LE = 25;
    public static final int TEST = 26;
    public static final int TESTSET = 27;
    public static final int CALL = 28;
    public static final int TAILCALL = 29;
    public static final int RETURN = 30;
    public static final int FORLOOP = 31;
    public static final int FORPREP = 32;
    public static final int TFORLOOP = 33;
    public static final int SETLIST = 34;
    public static final int CLOSE = 35;
    public static final int CLOSURE = 36;
    public static final int VARARG = 37;
    public static final int LOOP = 38;
}
