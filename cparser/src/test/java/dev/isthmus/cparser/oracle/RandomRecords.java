package dev.isthmus.cparser.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates C text for random struct and union definitions that stress layout: every
 * scalar type, arrays, nesting (earlier records and anonymous members), bitfields of every
 * width including zero and unnamed ones, {@code packed} and {@code aligned(n)} on records
 * and members, and {@code #pragma pack(n)} around definitions. Records are named
 * {@code r0}, {@code r1}, ... and are all structs or unions by tag ({@code struct r3}).
 * The same seed gives the same text.
 */
public final class RandomRecords {
    private static final String[] SCALARS = {
        "char", "signed char", "unsigned char", "short", "unsigned short", "int", "unsigned int", "long",
        "unsigned long", "long long", "unsigned long long", "float", "double", "long double", "_Bool",
        "void *", "int *", "enum e_small", "__int128",
    };
    private static final String[] BITFIELD_TYPES = {
        "char", "signed char", "unsigned char", "short", "unsigned short", "int", "unsigned int", "long",
        "unsigned long", "long long", "unsigned long long", "_Bool", "enum e_small",
    };
    private static final int[] ALIGNMENTS = {1, 2, 4, 8, 16, 32};
    private static final int[] PACKS = {1, 2, 4, 8};

    /** The generated text and the spellings of the records in it. */
    public record Generated(String text, List<String> names) {
    }

    private final Random random;
    private final boolean isWindows;
    private final List<String> defined = new ArrayList<>();
    private int anonymousDepth;
    /** Member names are unique in a record, anonymous members included (C11 6.7.2.1p13). */
    private int nextMember;

    public RandomRecords(long seed, boolean isWindows) {
        this.random = new Random(seed);
        this.isWindows = isWindows;
    }

    public Generated generate(int count) {
        StringBuilder text = new StringBuilder("enum e_small { ES_A = 1, ES_B = 2, ES_C = 300 };\n");
        for (int i = 0; i < count; i++) {
            boolean isUnion = random.nextInt(4) == 0;
            String name = (isUnion ? "union" : "struct") + " r" + i;
            int pack = random.nextInt(7) == 0 ? PACKS[random.nextInt(PACKS.length)] : 0;
            if (pack != 0) {
                text.append("#pragma pack(").append(pack).append(")\n");
            }
            text.append(isUnion ? "union" : "struct").append(recordAttributes()).append(" r").append(i).append(" {");
            text.append(members(1 + random.nextInt(7)));
            text.append(" };\n");
            if (pack != 0) {
                text.append("#pragma pack()\n");
            }
            defined.add(name);
        }
        return new Generated(text.toString(), List.copyOf(defined));
    }

    private String recordAttributes() {
        StringBuilder a = new StringBuilder();
        if (random.nextInt(7) == 0) {
            a.append(" __attribute__((packed))");
        }
        if (random.nextInt(10) == 0) {
            a.append(" __attribute__((aligned(").append(ALIGNMENTS[random.nextInt(ALIGNMENTS.length)]).append(")))");
        }
        return a.toString();
    }

    private String members(int count) {
        StringBuilder text = new StringBuilder();
        int named = 0;
        for (int m = 0; m < count; m++) {
            int i = nextMember++;
            int kind = random.nextInt(12);
            if (kind < 4) {
                text.append(' ').append(declaration(scalar(), "m" + i)).append(memberAttributes()).append(';');
                named++;
            } else if (kind < 7) {
                bitField(text, i);
                named++;
            } else if (kind == 7) {
                text.append(' ').append(scalar()).append(" a").append(i).append('[').append(1 + random.nextInt(4)).append("]")
                        .append(memberAttributes()).append(';');
                named++;
            } else if (kind == 8 && !defined.isEmpty()) {
                String nested = defined.get(random.nextInt(defined.size()));
                text.append(' ').append(nested).append(" n").append(i)
                        .append(random.nextBoolean() ? "" : "[" + (1 + random.nextInt(3)) + "]").append(';');
                named++;
            } else if (kind == 9 && anonymousDepth < 2) {
                anonymousDepth++;
                text.append(random.nextBoolean() ? " struct {" : " union {").append(members(1 + random.nextInt(3)))
                        .append(" }").append(random.nextBoolean() ? "" : " s" + i).append(';');
                anonymousDepth--;
                named++;
            } else {
                String type = BITFIELD_TYPES[random.nextInt(BITFIELD_TYPES.length)];
                text.append(' ').append(type).append(" : ").append(random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(bits(type)))
                        .append(';');
            }
        }
        if (named == 0) {
            text.append(" int last;");
        }
        return text.toString();
    }

    private void bitField(StringBuilder text, int i) {
        String type = BITFIELD_TYPES[random.nextInt(BITFIELD_TYPES.length)];
        int width = 1 + random.nextInt(bits(type));
        text.append(' ').append(type).append(" b").append(i).append(" : ").append(width);
        if (random.nextInt(12) == 0) {
            text.append(" __attribute__((packed))");
        }
        text.append(';');
    }

    private static int bits(String type) {
        return switch (type) {
            case "_Bool" -> 1;
            case "char", "signed char", "unsigned char" -> 8;
            case "short", "unsigned short" -> 16;
            case "long", "unsigned long" -> 32;
            case "long long", "unsigned long long" -> 64;
            default -> 32;
        };
    }

    private String scalar() {
        String s = SCALARS[random.nextInt(SCALARS.length)];
        return isWindows && s.equals("__int128") ? "long long" : s;
    }

    private static String declaration(String type, String name) {
        return type.endsWith("*") ? type + name : type + " " + name;
    }

    private String memberAttributes() {
        StringBuilder a = new StringBuilder();
        if (random.nextInt(15) == 0) {
            a.append(" __attribute__((packed))");
        }
        if (random.nextInt(10) == 0) {
            a.append(" __attribute__((aligned(").append(ALIGNMENTS[random.nextInt(ALIGNMENTS.length)]).append(")))");
        }
        return a.toString();
    }
}
