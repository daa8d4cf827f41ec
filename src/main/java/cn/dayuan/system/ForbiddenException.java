package cn.dayuan.system;

/**
 * The signed-in account may not do this (an author publishing, an editor signing off a level named for others): 403.
 * Thrown by the features' own policies; the message says what is not allowed.
 */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
