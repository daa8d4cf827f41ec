package cn.dayuan.system;

/** Something a reader or a client asked for does not exist (or is not public): answered with 404. */
public class NotFoundException extends ReadableException {

    /** {@code key} names the text in the messages bundle, {@code args} fill its {@code {0}}, {@code {1}}… */
    public NotFoundException(String key, Object... args) {
        super(key, args, null);
    }
}
