package dev.isthmus.lua.jit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The factor over {@code hotexit} that the time spent compiling sets, on a clock the test gives. */
class CompileBudgetTest {
    private static final long MS = 1_000_000L;
    private static final long START = 5_000 * MS;
    private static final long AFTER_GRACE = START + CompileBudget.GRACE_NANOS;

    @Test
    void compilesDuringTheGracePeriod_countForNothing() {
        CompileBudget budget = new CompileBudget(START);
        for (int i = 0; i < 40; i++) {
            assertEquals(0, budget.compiled(10 * MS, START + (i + 1) * 10 * MS));
        }
        assertEquals(1, budget.factor());
    }

    @Test
    void aWindowMostlySpentCompiling_quadruplesTheFactor_aQuarterDoublesIt() {
        CompileBudget budget = afterABusyWindow();
        compileEvenly(budget, AFTER_GRACE + 300 * MS, 10, 9 * MS, 300 * MS);
        assertEquals(8, budget.factor());
    }

    @Test
    void fewCompiles_leaveTheFactorAsItIs_howeverLong() {
        CompileBudget budget = new CompileBudget(START);
        compileEvenly(budget, AFTER_GRACE, CompileBudget.MIN_COMPILES - 1, 70 * MS, 300 * MS);
        assertEquals(1, budget.factor());
    }

    @Test
    void aQuietWindow_halvesTheFactor_downToOne() {
        CompileBudget budget = afterABusyWindow();
        assertEquals(-1, budget.compiled(MS, AFTER_GRACE + 900 * MS));
        assertEquals(2, budget.factor());
        assertEquals(-1, budget.compiled(MS, AFTER_GRACE + 1500 * MS));
        assertEquals(0, budget.compiled(MS, AFTER_GRACE + 2100 * MS));
        assertEquals(1, budget.factor());
    }

    @Test
    void theFactorStopsAtItsBound() {
        CompileBudget budget = new CompileBudget(START);
        long at = AFTER_GRACE;
        for (int window = 0; window < 20; window++) {
            compileEvenly(budget, at, 10, 30 * MS, 300 * MS);
            at += 300 * MS;
        }
        assertEquals(CompileBudget.MAX_FACTOR, budget.factor());
    }

    /** A budget after 300 ms, past its grace, nine tenths of them compiling: its factor 4. */
    private static CompileBudget afterABusyWindow() {
        CompileBudget budget = new CompileBudget(START);
        compileEvenly(budget, AFTER_GRACE, 10, 30 * MS, 300 * MS);
        assertEquals(4, budget.factor());
        return budget;
    }

    /** {@code count} compiles of {@code each} spread over {@code span} from {@code from}, the last one ending it. */
    private static void compileEvenly(CompileBudget budget, long from, int count, long each, long span) {
        for (int i = 1; i <= count; i++) {
            budget.compiled(each, from + span * i / count);
        }
    }
}
