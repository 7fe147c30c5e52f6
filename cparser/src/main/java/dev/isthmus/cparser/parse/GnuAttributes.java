package dev.isthmus.cparser.parse;

import dev.isthmus.cparser.CErrorKind;
import dev.isthmus.cparser.parse.CDeclarationsParser.GnuAttributeContext;
import dev.isthmus.cparser.parse.CDeclarationsParser.GnuAttributeItemContext;

import java.util.List;
import java.util.Optional;

/**
 * The GNU attributes that change a type's layout, gathered from the attribute lists in one
 * position: {@code packed}, {@code aligned}/{@code aligned(n)}, {@code mode(m)} and
 * {@code vector_size(n)}; and the strings of clang's {@code annotate("...")}, which tools
 * read ({@code isthmus bind} captures errno for a function annotated
 * {@code "isthmus:errno"}). Every other attribute is parsed and ignored, as it does not
 * change layout or calls ({@code format}, {@code nonnull}, {@code deprecated}, ...).
 * {@code alignment} and {@code vectorByteSize} are 0 when absent.
 */
record GnuAttributes(boolean isPacked, long alignment, Optional<String> mode, long vectorByteSize, List<String> annotations) {
    static final GnuAttributes NONE = new GnuAttributes(false, 0, Optional.empty(), 0);

    GnuAttributes {
        annotations = List.copyOf(annotations);
    }

    GnuAttributes(boolean isPacked, long alignment, Optional<String> mode, long vectorByteSize) {
        this(isPacked, alignment, mode, vectorByteSize, List.of());
    }

    /** GCC's {@code __BIGGEST_ALIGNMENT__} on the supported targets: what a bare {@code aligned} means. */
    static final long BIGGEST_ALIGNMENT = 16;

    GnuAttributes merge(GnuAttributes other) {
        if (other == NONE) {
            return this;
        }
        if (this == NONE) {
            return other;
        }
        List<String> allAnnotations = new java.util.ArrayList<>(annotations);
        allAnnotations.addAll(other.annotations);
        return new GnuAttributes(isPacked || other.isPacked, Math.max(alignment, other.alignment),
                other.mode.isPresent() ? other.mode : mode, other.vectorByteSize != 0 ? other.vectorByteSize : vectorByteSize,
                allAnnotations);
    }

    static GnuAttributes of(List<GnuAttributeContext> lists, ConstantEvaluator evaluator, ConstantEvaluator.Context context) {
        GnuAttributes result = NONE;
        for (GnuAttributeContext list : lists) {
            boolean isDeclspec = list.DECLSPEC() != null;
            for (GnuAttributeItemContext item : list.gnuAttributeItem()) {
                // MSVC's __declspec(align(n)) is GCC's aligned(n); its other attributes change no layout.
                boolean isAlign = item.gnuAttributeName().getText().equals("align");
                if (!isDeclspec || isAlign) {
                    result = result.merge(of(item, isAlign ? "aligned" : normalize(item.gnuAttributeName().getText()),
                            evaluator, context));
                }
            }
        }
        return result;
    }

    private static GnuAttributes of(GnuAttributeItemContext item, String name, ConstantEvaluator evaluator,
                                    ConstantEvaluator.Context context) {
        var arguments = item.gnuAttributeArguments();
        var expression = arguments == null ? null : arguments.expression();
        return switch (name) {
            case "packed" -> new GnuAttributes(true, 0, Optional.empty(), 0);
            case "aligned" -> {
                long n = expression == null ? BIGGEST_ALIGNMENT : evaluator.integer(expression).bits();
                if (n <= 0 || Long.bitCount(n) != 1) {
                    throw context.error(CErrorKind.INVALID_ALIGNMENT, item.getStart(), String.valueOf(n));
                }
                yield new GnuAttributes(false, n, Optional.empty(), 0);
            }
            case "mode" -> new GnuAttributes(false, 0,
                    Optional.of(normalize(arguments == null ? "" : arguments.getText())), 0);
            case "vector_size" -> {
                if (expression == null) {
                    throw context.error(CErrorKind.INVALID_TYPE, item.getStart(), "vector_size needs a size");
                }
                long n = evaluator.integer(expression).bits();
                if (n <= 0 || Long.bitCount(n) != 1) {
                    throw context.error(CErrorKind.INVALID_TYPE, item.getStart(), "vector size " + n + " is not a power of two");
                }
                yield new GnuAttributes(false, 0, Optional.empty(), n);
            }
            case "annotate" -> {
                String text = expression == null ? "" : expression.getText();
                if (text.length() < 2 || !text.startsWith("\"") || !text.endsWith("\"")) {
                    throw context.error(CErrorKind.INVALID_TYPE, item.getStart(), "annotate needs a string literal");
                }
                yield new GnuAttributes(false, 0, Optional.empty(), 0, List.of(text.substring(1, text.length() - 1)));
            }
            default -> NONE;
        };
    }

    /** {@code __packed__} and {@code packed} are the same attribute. */
    private static String normalize(String name) {
        if (name.length() > 4 && name.startsWith("__") && name.endsWith("__")) {
            return name.substring(2, name.length() - 2);
        }
        return name;
    }
}
