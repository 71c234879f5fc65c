package org.groupchat.desktop.fx;

/** The outcome of checking what a person typed into a dialog: fine, or a sentence that says what to change. */
public record Validation(String problem) {
    private static final Validation OK = new Validation(null);

    public static Validation ok() {
        return OK;
    }

    public static Validation problem(String sentence) {
        return new Validation(sentence);
    }

    public boolean valid() {
        return problem == null;
    }
}
