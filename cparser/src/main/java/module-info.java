/**
 * cparser: C declarations to types and ABI layouts. Needs no native access. The
 * {@code parse} package (grammar, builders) is internal; {@link dev.isthmus.cparser.CScope}
 * is the way in.
 */
module dev.isthmus.cparser {
    requires org.antlr.antlr4.runtime;

    exports dev.isthmus.cparser;
    exports dev.isthmus.cparser.abi;
    exports dev.isthmus.cparser.layout;
    exports dev.isthmus.cparser.preprocess;
    exports dev.isthmus.cparser.type;
}
