package cn.dayuan.system;

/** Something the request needs is out of reach for a while (Redis in a cluster): answered 503, "try again later". */
public class UnavailableException extends ReadableException {

    /** {@code key} names the text in the messages bundle, {@code args} fill its {@code {0}}, {@code {1}}… */
    public UnavailableException(Throwable cause, String key, Object... args) {
        super(key, args, cause);
    }
}
