package cn.dayuan.system;

/**
 * Input a user can fix: answered with 400 and a message in the reader's language, naming the field that is wrong.
 * Thrown before anything is written, so bad input never leaves half-written data.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
