package dev.isthmus.lua.bytecode;

import dev.isthmus.lua.parse.Parser;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The compiler's output for small functions, read through the disassembler (golden listings). */
class DisassemblerTest {
    private static Prototype compile(String source) {
        return Compiler.compile(Parser.parseChunk(source.getBytes(StandardCharsets.UTF_8), "t.lua"), "t.lua", CdataLiterals.NONE);
    }

    /** The listing of the chunk's first function. */
    private static String listing(String source) {
        return Disassembler.listing(compile(source).prototypes().getFirst());
    }

    /** The listing of the main chunk's own code (before any nested function). */
    private static String mainListing(String source) {
        return Disassembler.listing(compile(source)).split("\n\n")[0];
    }

    @Test
    void listing_recursiveFunction_callsLandInPlaceWithoutMoves() {
        String expected = String.join("\n",
                "function <t.lua:1> (12 instructions, 5 registers, 1 parameter, 1 upvalue)",
                "    0 [2] LT        0 R0 K0            ; 2",
                "    1 [2] JMP       => 3              ",
                "    2 [2] RETURN    0 2               ",
                "    3 [3] GETUPVAL  2 U0               ; fib",
                "    4 [3] SUB       3 R0 K1            ; 1",
                "    5 [3] CALL      2 2 2             ",
                "    6 [3] GETUPVAL  3 U0               ; fib",
                "    7 [3] SUB       4 R0 K0            ; 2",
                "    8 [3] CALL      3 2 2             ",
                "    9 [3] ADD       1 R2 R3           ",
                "   10 [3] RETURN    1 2               ",
                "   11 [4] RETURN    0 1               ",
                "");
        assertEquals(expected, listing("local function fib(n)\n  if n < 2 then return n end\n  return fib(n - 1) + fib(n - 2)\nend\n")
                .replace(System.lineSeparator(), "\n"));
    }

    @Test
    void listing_whileLoop_startsWithALoopInstructionThatCountsHotness() {
        String text = mainListing("local i = 0\nwhile i < 10 do i = i + 1 end\n");
        assertEquals("1 [2] LOOP", text.lines().toList().get(2).strip());
    }

    @Test
    void listing_closureInLoop_closesTheLoopVariableEachIteration() {
        String text = mainListing("local fs = {}\nfor i = 1, 3 do fs[i] = function() return i end end\n");
        assertEquals(1, text.lines().filter(l -> l.contains("CLOSE     4")).count(), text);
    }
}
