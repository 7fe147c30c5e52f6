package dev.isthmus.codegen.bind;

import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.layout.BitField;
import dev.isthmus.cparser.layout.FieldLayout;
import dev.isthmus.cparser.layout.StructLayout;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.EnumType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.RecordType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The class of one struct or union: its layout constant, allocation, and a static getter
 * and setter per member taking the record's memory as a {@code MemorySegment}. Scalars and
 * pointers are read and written in place; nested records and arrays are slices (the
 * setter copies); bitfields read and write their bits in the smallest aligned-or-not unit
 * that holds them, sign-extending signed fields; members of anonymous members are
 * members of the record, as in C. In portable bindings the class carries each ABI's
 * layout ({@code LAYOUT_WIN64}, ...) and {@code LAYOUT} is the running one's; an accessor
 * whose offset or bits differ between ABIs tests {@code TargetAbi}, and a member that is
 * an {@code int} on one ABI and a {@code long} on another (C's {@code long}) is a Java
 * {@code long}, narrowed when written where C's is 4 bytes.
 */
final class RecordClassWriter {
    private final BindTargets targets;
    private final JavaNames names;
    private final BindOptions options;
    private final CDeclarations declarations;

    RecordClassWriter(BindTargets targets, JavaNames names, CDeclarations declarations, BindOptions options) {
        this.targets = targets;
        this.names = names;
        this.declarations = declarations;
        this.options = options;
    }

    /** A member as one ABI lays it out: its offset in the outermost record, and its bits if it is a bitfield. */
    private record Member(String name, CType type, long byteOffset, Optional<BitField> bits, long recordByteSize) {
    }

    /** One ABI's accessor pair of a member: the Java type, and each method's Javadoc sentence and body. */
    private record Accessor(String javaType, String getterDoc, String getter, String setterDoc, String setter) {
    }

    /**
     * The class of {@code record}; in portable bindings, with the layout of each ABI.
     * Throws {@link NotBindable} when an ABI's headers do not define the same record.
     */
    String write(RecordType record, String packageName) throws NotBindable {
        List<RecordType> peers = targets.isPortable()
                ? targets.peers(record).orElseThrow(() -> new NotBindable("not defined by the same declaration for every ABI"))
                : List.of(record);
        List<Abi> abis = targets.abis();
        String className = names.recordClass(record);
        String cName = record.tag().map(t -> record.kind().keyword() + " " + t).orElse("an anonymous " + record.kind().keyword());
        StringBuilder body = new StringBuilder();
        if (targets.isPortable()) {
            List<String> constants = new ArrayList<>();
            for (int i = 0; i < abis.size(); i++) {
                Abi abi = abis.get(i);
                String constant = "LAYOUT_" + BindTargets.constantName(abi);
                constants.add(constant);
                StructLayout layout = abi.layoutOf(peers.get(i));
                body.append("/** The layout of {@code ").append(cName).append("} on ").append(abi.name()).append(": ")
                        .append(layout.byteSize()).append(" bytes, aligned to ").append(layout.byteAlignment()).append(". */\n")
                        .append("public static final GroupLayout ").append(constant).append(" = ")
                        .append(new RecordLayoutExpression(abi, names, constant).of(peers.get(i))).append(";\n\n");
            }
            body.append("/** The layout of {@code ").append(cName).append("} on the ABI this JVM runs on. */\n")
                    .append("public static final GroupLayout LAYOUT = ").append(targets.choose(constants)).append(";\n\n");
        } else {
            Abi abi = abis.getFirst();
            StructLayout layout = abi.layoutOf(record);
            body.append("/** The layout of {@code ").append(cName).append("}: ").append(layout.byteSize())
                    .append(" bytes, aligned to ").append(layout.byteAlignment()).append(", for ").append(abi.name()).append(". */\n")
                    .append("public static final GroupLayout LAYOUT = ")
                    .append(new RecordLayoutExpression(abi, names, "LAYOUT").of(record)).append(";\n\n");
        }
        body.append("/** A pointer to a {@code ").append(cName).append("}: what it reads is a segment of {@code LAYOUT}'s size")
                .append(" (at address 0 for a null pointer), on which this class's accessors work. */\n")
                .append("public static final AddressLayout POINTER = ValueLayout.ADDRESS.withTargetLayout(LAYOUT);\n\n");
        body.append("private ").append(className).append("() {\n}\n\n");
        body.append("/** A {@code ").append(cName).append("} allocated by {@code allocator} (zeroed by an arena). */\n")
                .append("public static MemorySegment allocate(SegmentAllocator allocator) {\nreturn allocator.allocate(LAYOUT);\n}\n\n");
        body.append("/** An array of {@code count} of them, allocated by {@code allocator}. */\n")
                .append("public static MemorySegment allocateArray(SegmentAllocator allocator, long count) {\n")
                .append("return allocator.allocate(LAYOUT, count);\n}\n");
        List<Map<String, Member>> members = new ArrayList<>();
        for (int i = 0; i < abis.size(); i++) {
            Map<String, Member> byName = new LinkedHashMap<>();
            StructLayout layout = abis.get(i).layoutOf(peers.get(i));
            flatten(abis.get(i), layout, 0, abis.get(i).sizeOf(layout.type()), byName);
            members.add(byName);
        }
        for (String name : members.getFirst().keySet()) {
            body.append('\n');
            accessors(body, name, members);
        }
        String doc = "/**\n * {@code " + Javadoc.escape(declarations.definition(record)) + "}\n *\n * <p>Declared at "
                + options.describe(record.definitionPosition()) + ". Generated by isthmus bind.\n */\n";
        return JavaSource.compilationUnit(packageName, doc, "public final class " + className, body.toString());
    }

    /** The named members of a layout, members of anonymous members included, at offsets in the outermost record. */
    private static void flatten(Abi abi, StructLayout layout, long base, long recordEnd, Map<String, Member> into) {
        for (FieldLayout field : layout.fields()) {
            CType type = BindingSet.strip(field.type());
            if (field.name().isEmpty()) {
                if (!field.isBitField() && type instanceof RecordType inner && inner.isComplete()) {
                    flatten(abi, abi.layoutOf(inner), base + field.byteOffset(), recordEnd, into);
                }
                continue;
            }
            into.putIfAbsent(field.name().get(), new Member(field.name().get(), field.type(), base + field.byteOffset(),
                    field.bitField().map(b -> b.shiftedBy(base)), recordEnd));
        }
    }

    /** The getter and setter of one member, with a version per ABI where the ABIs differ. */
    private void accessors(StringBuilder body, String cName, List<Map<String, Member>> members) {
        List<Abi> abis = targets.abis();
        List<Member> perAbi = members.stream().map(m -> m.get(cName)).toList();
        String declaration = Javadoc.escape(declarations.declare(perAbi.getFirst().type(), cName));
        if (perAbi.contains(null)) {
            body.append("// ").append(declaration).append(": not a member on every ABI; no accessor.\n");
            return;
        }
        Optional<String> javaType = portableType(perAbi);
        List<Accessor> accessors = new ArrayList<>();
        for (int i = 0; i < abis.size(); i++) {
            accessors.add(accessor(abis.get(i), perAbi.get(i), declaration, javaType));
        }
        if (accessors.stream().anyMatch(a -> a.javaType().isEmpty())
                || accessors.stream().map(Accessor::javaType).distinct().count() > 1) {
            body.append("// ").append(declaration).append(": ")
                    .append(accessors.stream().map(Accessor::getterDoc).filter(d -> d.startsWith("bits ")).findFirst()
                            .orElse("of a different kind of Java value per ABI"))
                    .append("; no accessor.\n");
            return;
        }
        String name = JavaNames.identifier(cName);
        String type = accessors.getFirst().javaType();
        body.append("/** ").append(perAbiDoc(accessors.stream().map(Accessor::getterDoc).toList())).append(" */\n")
                .append("public static ").append(type).append(' ').append(name).append("(MemorySegment struct) {\n")
                .append(targets.chooseStatements(accessors.stream().map(Accessor::getter).toList())).append("}\n\n")
                .append("/** ").append(perAbiDoc(accessors.stream().map(Accessor::setterDoc).toList())).append(" */\n")
                .append("public static void ").append(name).append("(MemorySegment struct, ").append(type).append(" value) {\n")
                .append(targets.chooseStatements(accessors.stream().map(Accessor::setter).toList())).append("}\n");
    }

    /** One Javadoc sentence, or one per ABI that differs ({@code On win64: ...}). */
    private String perAbiDoc(List<String> perAbi) {
        if (perAbi.stream().distinct().count() == 1) {
            return perAbi.getFirst();
        }
        Map<String, List<String>> byDoc = new LinkedHashMap<>();
        for (int i = 0; i < perAbi.size(); i++) {
            byDoc.computeIfAbsent(perAbi.get(i), d -> new ArrayList<>()).add(targets.abis().get(i).name());
        }
        return String.join(" ", byDoc.entrySet().stream()
                .map(e -> "On " + String.join(" and ", e.getValue()) + ", " + Character.toLowerCase(e.getKey().charAt(0))
                        + e.getKey().substring(1)).toList());
    }

    /**
     * The Java type of a scalar or bitfield member on every ABI: its carrier where all ABIs
     * agree, {@code long} where they differ only in width ({@code long} is 4 bytes on Win64).
     */
    private Optional<String> portableType(List<Member> perAbi) {
        List<String> types = new ArrayList<>();
        for (int i = 0; i < perAbi.size(); i++) {
            CType type = BindingSet.strip(perAbi.get(i).type());
            try {
                types.add(perAbi.get(i).bits().isPresent() ? JavaCarrier.of(primitiveOf(type), targets.abis().get(i), names).javaType()
                        : JavaCarrier.of(type, targets.abis().get(i), names).javaType());
            } catch (NotBindable e) {
                types.add("long");
            }
        }
        if (types.stream().distinct().count() == 1) {
            return Optional.of(types.getFirst());
        }
        return types.stream().allMatch(t -> t.equals("int") || t.equals("long")) ? Optional.of("long") : Optional.empty();
    }

    private Accessor accessor(Abi abi, Member member, String declaration, Optional<String> javaType) {
        CType type = BindingSet.strip(member.type());
        if (member.bits().isPresent()) {
            return bitField(abi, declaration, type, member.bits().get(), member.recordByteSize(), javaType);
        }
        if (type instanceof RecordType || type instanceof CType.Array) {
            return slice(abi, declaration, member.byteOffset(), type);
        }
        try {
            return scalar(declaration, member.byteOffset(), JavaCarrier.of(type, abi, names), javaType.orElse(""),
                    type instanceof Primitive p && p.isUnsigned());
        } catch (NotBindable e) {
            return slice(abi, declaration, member.byteOffset(), type);
        }
    }

    private static Accessor scalar(String declaration, long offset, JavaCarrier carrier, String javaType, boolean unsigned) {
        String layout = carrier.layoutAt(offset);
        String read = "struct.get(" + layout + ", " + offset + "L)";
        boolean widened = !javaType.equals(carrier.javaType());
        String target = layout.endsWith(".POINTER") ? layout.substring(0, layout.length() - ".POINTER".length()) : "";
        return new Accessor(javaType, "Reads {@code " + declaration + "} at offset " + offset
                + (target.isEmpty() ? "." : ": the {@link " + target + "} it points to, as a segment of its size."),
                "return " + (widened && unsigned ? "Integer.toUnsignedLong(" + read + ")" : read) + ";\n",
                "Writes {@code " + declaration + "} at offset " + offset + ".",
                "struct.set(" + layout + ", " + offset + "L, " + (widened ? "(" + carrier.javaType() + ") " : "") + "value);\n");
    }

    private static Accessor slice(Abi abi, String declaration, long offset, CType type) {
        long size = type instanceof CType.Array a && a.kind() != CType.ArrayKind.FIXED ? 0 : abi.sizeOf(type);
        return new Accessor("MemorySegment",
                "{@code " + declaration + "}: the " + size + " bytes at offset " + offset + ", as a slice of {@code struct}.",
                "return struct.asSlice(" + offset + "L, " + size + "L);\n",
                "Copies {@code value}'s first " + size + " bytes into {@code " + declaration + "}.",
                "MemorySegment.copy(value, 0L, struct, " + offset + "L, " + size + "L);\n");
    }

    /**
     * A bitfield's accessors. The bits are read through the smallest unit of 1, 2, 4 or 8
     * bytes that covers them and stays inside the record (a packed record's field may end
     * where its declared type's unit would not), widened to a {@code long}.
     */
    private Accessor bitField(Abi abi, String declaration, CType type, BitField bits, long recordEnd, Optional<String> portableType) {
        long first = bits.bitOffset() / 8;
        long last = (bits.bitOffset() + bits.bitWidth() - 1) / 8;
        long unitSize = Long.highestOneBit(last - first + 1);
        if (unitSize < last - first + 1) {
            unitSize <<= 1;
        }
        long unitOffset = Math.max(0, Math.min(first, recordEnd - unitSize));
        long shift = bits.bitOffset() - 8 * unitOffset;
        if (unitSize > 8 || shift + bits.bitWidth() > 64) {
            return new Accessor("", "bits " + bits.bitOffset() + " to " + (bits.bitOffset() + bits.bitWidth() - 1)
                    + " span more than 8 bytes", "", "", "");
        }
        Primitive primitive = primitiveOf(type);
        boolean signed = primitive != Primitive.BOOL && !primitive.isUnsigned()
                && !(primitive == Primitive.CHAR && !abi.isCharSigned());
        String javaType = portableType.orElse("");
        String read = switch ((int) unitSize) {
            case 1 -> "Byte.toUnsignedLong(struct.get(ValueLayout.JAVA_BYTE, " + unitOffset + "L))";
            case 2 -> "Short.toUnsignedLong(struct.get(ValueLayout.JAVA_SHORT_UNALIGNED, " + unitOffset + "L))";
            case 4 -> "Integer.toUnsignedLong(struct.get(ValueLayout.JAVA_INT_UNALIGNED, " + unitOffset + "L))";
            default -> "struct.get(ValueLayout.JAVA_LONG_UNALIGNED, " + unitOffset + "L)";
        };
        String write = switch ((int) unitSize) {
            case 1 -> "struct.set(ValueLayout.JAVA_BYTE, " + unitOffset + "L, (byte) unit)";
            case 2 -> "struct.set(ValueLayout.JAVA_SHORT_UNALIGNED, " + unitOffset + "L, (short) unit)";
            case 4 -> "struct.set(ValueLayout.JAVA_INT_UNALIGNED, " + unitOffset + "L, (int) unit)";
            default -> "struct.set(ValueLayout.JAVA_LONG_UNALIGNED, " + unitOffset + "L, unit)";
        };
        int width = bits.bitWidth();
        String mask = "0x" + Long.toHexString(width == 64 ? -1L : ((1L << width) - 1) << shift) + "L";
        String extract = signed
                ? "unit << " + (64 - shift - width) + " >> " + (64 - width)
                : (shift == 0 ? "unit" : "unit >>> " + shift) + " & 0x" + Long.toHexString(width == 64 ? -1L : (1L << width) - 1) + "L";
        String bitsWord = width == 1 ? " bit" : " bits";
        String result = switch (javaType) {
            case "boolean" -> "(" + extract + ") != 0";
            case "long" -> extract;
            default -> "(" + javaType + ") (" + extract + ")";
        };
        String valueBits = switch (javaType) {
            case "boolean" -> "(value ? 1L : 0L)";
            case "long" -> "value";
            default -> "(long) value";
        };
        return new Accessor(javaType,
                "Reads the bitfield {@code " + declaration + "}: " + width + bitsWord + " from bit " + shift + " of the "
                        + unitSize + "-byte unit at offset " + unitOffset + ".",
                "long unit = " + read + ";\nreturn " + result + ";\n",
                "Writes the bitfield {@code " + declaration + "}, keeping the value's low " + width + bitsWord + " as C does.",
                "long unit = " + read + ";\nunit = unit & ~" + mask + " | " + valueBits + (shift == 0 ? "" : " << " + shift)
                        + " & " + mask + ";\n" + write + ";\n");
    }

    private static Primitive primitiveOf(CType type) {
        return switch (BindingSet.strip(type)) {
            case Primitive p -> p;
            case EnumType e -> e.isComplete() ? e.body().underlyingType() : Primitive.UNSIGNED_INT;
            default -> Primitive.INT;
        };
    }
}
