package cn.dayuan.system;

/** What was at this address was removed on purpose (a deleted article): 410, so search engines drop it. */
public class GoneException extends RuntimeException {

    public GoneException(String message) {
        super(message);
    }
}
