package cn.dayuan.system;

/** What was at this address was removed on purpose (a deleted article): 410, so search engines drop it. */
public class GoneException extends ReadableException {

    /** {@code key} names the text in the messages bundle, {@code args} fill its {@code {0}}, {@code {1}}… */
    public GoneException(String key, Object... args) {
        super(key, args, null);
    }
}
