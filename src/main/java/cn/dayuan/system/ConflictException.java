package cn.dayuan.system;

/** The request clashes with what is stored (a taken slug or username, a channel that still has articles): 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
