package dev.isthmus.cparser.parse;

import org.antlr.v4.runtime.CommonToken;

/**
 * A token handed over by a preprocessor ({@link TokenFeed}): a {@code CommonToken} whose
 * channel and place in the preprocessed text are set by its constructor, field by field,
 * rather than through five setters called on each of the tens of thousands a set of system
 * headers hands over on a cold start (where each call runs in the interpreter at first).
 * Like the tokens made from text alone before, it has no token source or input stream.
 */
class FedToken extends CommonToken {
    FedToken(int type, int channel, String text, int line, int column, int startIndex) {
        super(type, text);
        this.channel = channel;
        this.line = line;
        this.charPositionInLine = column;
        this.start = startIndex;
        this.stop = startIndex + text.length() - 1;
    }
}
