package dev.isthmus.lua.jit;

import dev.isthmus.lua.bytecode.CdataLiterals;
import dev.isthmus.lua.bytecode.Compiler;
import dev.isthmus.lua.bytecode.Op;
import dev.isthmus.lua.bytecode.Prototype;
import dev.isthmus.lua.parse.Parser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link RegisterLiveness} on compiled chunks: which registers an exit at a pc must write. */
class RegisterLivenessTest {
    private static Prototype compile(String source) {
        return Compiler.compile(Parser.parseChunk(source.getBytes(StandardCharsets.UTF_8), "t.lua"), "t.lua", CdataLiterals.NONE);
    }

    private static int pcOf(Prototype p, int opcode) {
        for (int pc = 0; pc < p.code().length / 4; pc++) {
            if (p.code()[pc * 4] == opcode) {
                return pc;
            }
        }
        throw new AssertionError("no such instruction");
    }

    @Test
    void aLocalOfTheLoopBody_isDeadAtTheLoopInstruction_andTheLoopsRegistersAfterIt() {
        // Registers: s 0, the loop's index, limit and step 1-3, i 4, p 5.
        Prototype p = compile("""
                local s = 0
                for i = 1, 10 do
                  local p = {x = i}
                  s = s + p.x
                end
                print(s)
                """);
        RegisterLiveness live = RegisterLiveness.of(p);
        int forLoop = pcOf(p, Op.FORLOOP);
        assertTrue(live.isLive(forLoop, 0), "the sum is read by the next iteration");
        assertTrue(live.isLive(forLoop, 1) && live.isLive(forLoop, 3), "FORLOOP reads its control registers");
        assertFalse(live.isLive(forLoop, 5), "p is made again before it is read");
        assertTrue(live.isLive(pcOf(p, Op.GETTABLE), 5), "p is read by p.x");
        assertTrue(live.isLive(forLoop + 1, 0));
        assertFalse(live.isLive(forLoop + 1, 1), "print is loaded into the loop's first register");
        assertFalse(live.isLive(forLoop + 1, 5));
    }

    @Test
    void aRegisterAClosureCaptured_isAlwaysLive() {
        Prototype p = compile("""
                local t = 0
                local f = function() return t end
                for i = 1, 3 do t = i end
                return f()
                """);
        RegisterLiveness live = RegisterLiveness.of(p);
        for (int pc = 0; pc < p.code().length / 4; pc++) {
            assertTrue(live.isLive(pc, 0), "at pc " + pc);
        }
    }

    @Test
    void theFinalReturnAfterAReturn_isNotReachable_butOneAJumpReaches_is() {
        Prototype returns = compile("""
                local n = ...
                if n == 1 then return n end
                return n + 1
                """);
        int last = returns.code().length / 4 - 1;
        assertTrue(returns.code()[last * 4] == Op.RETURN && returns.code()[(last - 1) * 4] == Op.RETURN);
        assertFalse(RegisterLiveness.reachable(returns).get(last), "the return the compiler adds at the end");
        assertTrue(RegisterLiveness.reachable(returns).get(pcOf(returns, Op.RETURN)), "the first return");
        Prototype falls = compile("""
                local n = ...
                if n == 1 then return n end
                """);
        assertTrue(RegisterLiveness.reachable(falls).get(falls.code().length / 4 - 1), "reached when n is not 1");
    }
}
