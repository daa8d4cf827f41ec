package cn.dayuan.system;

/** The request clashes with what is stored (a taken slug or username, a channel that still has articles): 409. */
public class ConflictException extends ReadableException {

    /** {@code key} names the text in the messages bundle, {@code args} fill its {@code {0}}, {@code {1}}… */
    public ConflictException(String key, Object... args) {
        super(key, args, null);
    }
}
