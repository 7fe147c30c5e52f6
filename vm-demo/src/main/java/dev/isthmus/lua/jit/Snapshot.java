package dev.isthmus.lua.jit;

/**
 * What a trace writes back when it leaves through a guard or a failing call: register
 * {@code registers[i]} of the frame gets IR value {@code refs[i]} (registers not listed still
 * hold what the trace found at entry), and the interpreter resumes at {@code pc}.
 */
record Snapshot(int pc, int[] registers, int[] refs) {
}
