package cn.dayuan.system;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/** Someone acted too often (comments, likes, reports): answered with 429 and a Retry-After header. */
public class TooManyRequestsException extends ReadableException {

    private final long retryAfterSeconds;

    /** {@code key} names the text in the messages bundle, {@code args} fill its {@code {0}}, {@code {1}}… */
    public TooManyRequestsException(long retryAfterSeconds, String key, Object... args) {
        super(key, args, null);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /**
     * Refuses when {@code verdict} does; {@code whatKey} names the text of what was done too often, e.g.
     * {@code comment.too-often.what} = "发表评论".
     */
    public static void unlessAllowed(RateLimiter.Verdict verdict, String whatKey) {
        if (!verdict.allowed()) {
            throw new TooManyRequestsException(verdict.retryAfterSeconds(), "system.too-often",
                    new DefaultMessageSourceResolvable(whatKey), verdict.retryAfterSeconds());
        }
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
