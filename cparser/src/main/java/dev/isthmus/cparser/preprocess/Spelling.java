package dev.isthmus.cparser.preprocess;

/**
 * One distinct token spelling of a preprocessing run ({@link Spellings}), shared by every token
 * spelled so, and the macro its name defines now when it is an identifier: the expander asks
 * that of every identifier it reads (tens of thousands a header set), and a field read answers
 * it where a hash table lookup took a hash, a probe and a comparison. {@link PreprocessRun}
 * keeps {@link #macro} equal to its macro table's entry for the name.
 */
final class Spelling {
    /** The spelling of the tokens no table holds: an end and a placemarker, never a name. */
    static final Spelling EMPTY = new Spelling("", null);

    final String text;
    /** The table this spelling is from; {@link #macro} is kept only for a run's own table. */
    final Spellings table;
    /** The macro this name defines in the run, or null. */
    Macro macro;

    Spelling(String text, Spellings table) {
        this.text = text;
        this.table = table;
    }

    @Override
    public String toString() {
        return text;
    }
}
