package cn.dayuan.system;

/** Someone acted too often (comments, likes, reports): answered with 429 and a Retry-After header. */
public class TooManyRequestsException extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Refuses when {@code verdict} does; {@code what} says what was done too often, e.g. "评论". */
    public static void unlessAllowed(RateLimiter.Verdict verdict, String what) {
        if (!verdict.allowed()) {
            throw new TooManyRequestsException(what + "太频繁了，请 " + verdict.retryAfterSeconds() + " 秒后再试。",
                    verdict.retryAfterSeconds());
        }
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
