package dev.isthmus.codegen.bind;

/**
 * C text made safe inside a Javadoc {@code {@code ...}} (whose braces C's balanced ones do
 * not disturb): no comment end, no unicode escape, one line.
 */
final class Javadoc {
    private Javadoc() {
    }

    static String escape(String c) {
        // An unbalanced brace would end the {@code} early; C text from declarations is balanced.
        return c.replace("*/", "* /").replace("\\u", "\\\\u")
                .replace("\n", " ");
    }
}
