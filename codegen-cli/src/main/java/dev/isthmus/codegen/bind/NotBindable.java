package dev.isthmus.codegen.bind;

/** A declaration the generator cannot express yet; the message says why, for the report. */
final class NotBindable extends Exception {
    NotBindable(String reason) {
        super(reason, null, false, false);
    }
}
