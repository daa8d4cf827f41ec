package cn.dayuan.system;

/** Something the request needs is out of reach for a while (Redis in a cluster): answered 503, "try again later". */
public class UnavailableException extends RuntimeException {

    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
