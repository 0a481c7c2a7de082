package io.sluice.udf.sandbox;

/** The lines the sandbox writes and the service reads: tab-separated, with tabs and line breaks in text made spaces. */
final class SandboxProtocol {

    static final String ACCEPTED = "accepted";
    static final String REFUSED = "refused";
    static final String COMPILED = "compiled";
    static final String ERROR = "error";
    /** A reason is shown to the uploader: long enough to say what is wrong, too short to carry a payload. */
    static final int MAX_TEXT = 500;

    private SandboxProtocol() {}

    static String accepted(String function) {
        return ACCEPTED + "\t" + function;
    }

    static String refused(String function, String reason) {
        return REFUSED + "\t" + function + "\t" + text(reason);
    }

    static String compileError(long line, long column, String message) {
        return ERROR + "\t" + line + "\t" + column + "\t" + text(message);
    }

    static String text(String value) {
        String flat = value.replaceAll("[\\t\\r\\n]+", " ").strip();
        return flat.length() <= MAX_TEXT ? flat : flat.substring(0, MAX_TEXT) + "…";
    }
}
