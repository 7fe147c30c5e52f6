package dev.isthmus.cparser.type;

import dev.isthmus.cparser.SourcePosition;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An enum type: the declaration itself, compared by identity, completed once like a
 * {@link RecordType}. Its layout is that of its {@link Body#underlyingType()}, chosen by
 * GCC's rules when the body was defined (the smallest of {@code unsigned int}, {@code int},
 * {@code unsigned long}, {@code long}, ... that holds every value; the smallest integer
 * type at all for a packed enum).
 */
public final class EnumType implements CType {

    /**
     * An enumerator. {@code value} is the constant's two's-complement bit pattern; read
     * it as unsigned when the underlying type is unsigned.
     */
    public record Constant(String name, long value, SourcePosition position) {
        public Constant {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(position, "position");
        }
    }

    /** The enumerators, the integer type that represents the enum, and whether it was packed. */
    public record Body(List<Constant> constants, Primitive underlyingType, boolean isPacked) {
        public Body {
            constants = List.copyOf(constants);
            if (!underlyingType.isInteger()) {
                throw new IllegalArgumentException("an enum is represented by an integer type, not " + underlyingType);
            }
        }
    }

    private final Optional<String> tag;
    private final SourcePosition position;
    private Body body;

    public EnumType(Optional<String> tag, SourcePosition position) {
        this.tag = Objects.requireNonNull(tag, "tag");
        this.position = Objects.requireNonNull(position, "position");
    }

    public Optional<String> tag() {
        return tag;
    }

    public SourcePosition position() {
        return position;
    }

    public boolean isComplete() {
        return body != null;
    }

    public Body body() {
        if (body == null) {
            throw new IllegalStateException(this + " is incomplete");
        }
        return body;
    }

    public void complete(Body newBody) {
        Objects.requireNonNull(newBody, "newBody");
        if (body != null) {
            throw new IllegalStateException(this + " is already complete");
        }
        body = newBody;
    }

    @Override
    public String toString() {
        return "enum " + tag.orElse("<anonymous at " + position + ">");
    }
}
