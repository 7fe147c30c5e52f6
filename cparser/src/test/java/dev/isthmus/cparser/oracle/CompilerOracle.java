package dev.isthmus.cparser.oracle;

import dev.isthmus.cparser.abi.Abi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Asks a real C compiler for layouts: writes probes into one C file, compiles it to
 * assembly (no linking, no running, so cross targets work without their libraries), and
 * reads the emitted data back.
 *
 * <p>For each probe type T the file holds {@code unsigned long long isthmus_probe_N[] =
 * { sizeof(T), _Alignof(T), __builtin_offsetof(T, path)... }}, and for each bitfield a
 * global {@code T isthmus_bits_N_M = { .path = -1 }} whose initialised bytes show exactly
 * which bits the field occupies. The compilers: {@code cc} (the host's GCC) for SysV
 * x86-64, and clang with {@code -target aarch64-linux-gnu} and
 * {@code -target x86_64-pc-windows-msvc} for the other two ABIs.
 */
public final class CompilerOracle {

    /** A type to measure: a C type name, member paths to take offsets of, bitfield paths. */
    public record Probe(String typeName, List<String> offsetPaths, List<String> bitFieldPaths) {
        public Probe {
            offsetPaths = List.copyOf(offsetPaths);
            bitFieldPaths = List.copyOf(bitFieldPaths);
        }
    }

    /** What the compiler said: size, alignment, offsets in path order, and (bitOffset, bitWidth) per bitfield. */
    public record Measurement(long byteSize, long byteAlignment, List<Long> offsets, List<long[]> bitFields) {
    }

    private final Abi abi;
    private final List<String> command;

    private CompilerOracle(Abi abi, List<String> command) {
        this.abi = abi;
        this.command = command;
    }

    public static CompilerOracle forAbi(Abi abi) {
        List<String> command = switch (abi.name()) {
            case "sysv-x86_64" -> List.of("cc", "-std=gnu11");
            case "aarch64" -> List.of("clang", "-target", "aarch64-linux-gnu", "-std=gnu11");
            case "win64" -> List.of("clang", "-target", "x86_64-pc-windows-msvc", "-std=gnu11");
            default -> throw new IllegalArgumentException("no oracle compiler for " + abi.name());
        };
        return new CompilerOracle(abi, command);
    }

    public Abi abi() {
        return abi;
    }

    /** The same compiler with more flags, such as {@code -I dir} for the prelude's includes. */
    public CompilerOracle withFlags(List<String> flags) {
        List<String> extended = new ArrayList<>(command);
        extended.addAll(flags);
        return new CompilerOracle(abi, List.copyOf(extended));
    }

    /** The compiler command, for messages. */
    public String describe() {
        return String.join(" ", command);
    }

    public List<Measurement> measure(String prelude, List<Probe> probes) throws IOException, InterruptedException {
        StringBuilder source = new StringBuilder(prelude).append("\n");
        // Headers define macros named like members (glibc: #define si_pid _sifields._kill.si_pid);
        // the probes name members literally.
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (Probe p : probes) {
            for (String path : p.offsetPaths()) {
                names.addAll(List.of(path.split("[.\\[\\]]+")));
            }
            for (String path : p.bitFieldPaths()) {
                names.addAll(List.of(path.split("[.\\[\\]]+")));
            }
        }
        names.removeIf(n -> n.isEmpty() || !Character.isJavaIdentifierStart(n.charAt(0)));
        for (String name : names) {
            source.append("#undef ").append(name).append('\n');
        }
        for (int i = 0; i < probes.size(); i++) {
            Probe p = probes.get(i);
            source.append("unsigned long long isthmus_probe_").append(i).append("[] = { sizeof(")
                    .append(p.typeName()).append("), _Alignof(").append(p.typeName()).append(")");
            for (String path : p.offsetPaths()) {
                source.append(", __builtin_offsetof(").append(p.typeName()).append(", ").append(path).append(")");
            }
            source.append(" };\n");
            for (int j = 0; j < p.bitFieldPaths().size(); j++) {
                source.append(p.typeName()).append(" isthmus_bits_").append(i).append('_').append(j)
                        .append(" = { .").append(p.bitFieldPaths().get(j)).append(" = -1 };\n");
            }
        }
        Map<String, byte[]> data = compile(source.toString());
        List<Measurement> result = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            Probe p = probes.get(i);
            byte[] numbers = require(data, "isthmus_probe_" + i);
            List<Long> offsets = new ArrayList<>();
            for (int k = 0; k < p.offsetPaths().size(); k++) {
                offsets.add(readLong(numbers, 2 + k));
            }
            List<long[]> bits = new ArrayList<>();
            for (int j = 0; j < p.bitFieldPaths().size(); j++) {
                bits.add(setBits(require(data, "isthmus_bits_" + i + "_" + j)));
            }
            result.add(new Measurement(readLong(numbers, 0), readLong(numbers, 1), offsets, bits));
        }
        return result;
    }

    /**
     * The values the compiler gives constant expressions after {@code prelude}: an integer
     * expression converted to {@code unsigned long long} (so a 4-byte {@code unsigned long}
     * comes back zero-extended, a negative {@code long} sign-extended), a floating one
     * ({@code floating} true) as the bits of its value converted to {@code double}.
     */
    public List<Long> values(String prelude, List<String> expressions, boolean floating) throws IOException, InterruptedException {
        StringBuilder source = new StringBuilder(prelude).append("\n");
        for (int i = 0; i < expressions.size(); i++) {
            source.append(floating ? "double" : "unsigned long long").append(" isthmus_value_").append(i).append(" = ")
                    .append(floating ? "" : "(unsigned long long) ").append('(').append(expressions.get(i)).append(");\n");
        }
        Map<String, byte[]> data = compile(source.toString());
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < expressions.size(); i++) {
            values.add(readLong(require(data, "isthmus_value_" + i), 0));
        }
        return values;
    }

    private static byte[] require(Map<String, byte[]> data, String label) {
        byte[] bytes = data.get(label);
        if (bytes == null) {
            throw new IllegalStateException("the compiler emitted no data for " + label);
        }
        return bytes;
    }

    private static long readLong(byte[] bytes, int index) {
        long v = 0;
        for (int b = 7; b >= 0; b--) {
            v = (v << 8) | (bytes[index * 8 + b] & 0xFF);
        }
        return v;
    }

    /** The first set bit and the number of set bits (the compilers set exactly the field's bits). */
    private static long[] setBits(byte[] bytes) {
        long first = -1;
        long count = 0;
        for (int i = 0; i < bytes.length * 8; i++) {
            if ((bytes[i / 8] >> (i % 8) & 1) != 0) {
                if (first < 0) {
                    first = i;
                }
                count++;
            }
        }
        return new long[] {first, count};
    }

    private Map<String, byte[]> compile(String source) throws IOException, InterruptedException {
        Path file = Files.createTempFile("isthmus-oracle", ".c");
        try {
            Files.writeString(file, source, StandardCharsets.ISO_8859_1);
            List<String> cmd = new ArrayList<>(command);
            cmd.addAll(List.of("-S", "-O0", "-w", "-o", "-", file.toString()));
            Process process;
            try {
                process = new ProcessBuilder(cmd).start();
            } catch (IOException e) {
                throw new IOException("cannot run '" + cmd.getFirst() + "' (install gcc and clang: the layout oracle needs them)", e);
            }
            process.getOutputStream().close();
            var errors = new ByteArrayOutputStream();
            Thread drain = Thread.ofVirtual().start(() -> {
                try {
                    process.getErrorStream().transferTo(errors);
                } catch (IOException ignored) {
                    // The exit status reports the failure.
                }
            });
            String assembly = new String(process.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                drain.join();
                throw new IOException(describe() + " failed on the probe file:\n" + errors.toString(StandardCharsets.UTF_8)
                        .lines().limit(20).reduce("", (a, b) -> a + b + "\n"));
            }
            return AssemblyData.parse(assembly);
        } finally {
            Files.deleteIfExists(file);
        }
    }

}
