package cn.dayuan.system;

/**
 * Input a user can fix: answered with 400 and a message in the reader's language, naming the field that is wrong.
 * Thrown before anything is written, so bad input never leaves half-written data: by a service's own checks, and by
 * {@link InputRules} for the Bean Validation constraints of a write command.
 */
public class InvalidInputException extends ReadableException {

    private final String field;

    /** {@code key} names the text in the messages bundle, {@code args} fill its {@code {0}}, {@code {1}}… */
    public InvalidInputException(String field, String key, Object... args) {
        super(key, args, null);
        this.field = field;
    }

    /** A broken constraint of a write command, its text already looked up by the validator from {@code key}. */
    static InvalidInputException resolved(String field, String key, String text) {
        return new InvalidInputException(field, key, text);
    }

    private InvalidInputException(String field, String key, String text) {
        super(key, new Object[0], null, text);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
