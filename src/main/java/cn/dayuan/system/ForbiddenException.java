package cn.dayuan.system;

/**
 * The signed-in account may not do this (an author publishing, an editor signing off a level named for others): 403.
 * Thrown by the features' own policies; the message says what is not allowed.
 */
public class ForbiddenException extends ReadableException {

    /** {@code key} names the text in the messages bundle, {@code args} fill its {@code {0}}, {@code {1}}… */
    public ForbiddenException(String key, Object... args) {
        super(key, args, null);
    }
}
