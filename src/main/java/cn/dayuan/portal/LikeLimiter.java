package cn.dayuan.portal;

import java.time.Duration;

import org.springframework.stereotype.Component;

import cn.dayuan.system.RateLimiter;

/** Slows down like-flooding: each client address may like a few times a minute across all articles. */
@Component
class LikeLimiter {

    static final int LIKES_PER_MINUTE = 10;
    private static final RateLimiter.Limit LIMIT = new RateLimiter.Limit("like", LIKES_PER_MINUTE, Duration.ofMinutes(1));

    private final RateLimiter limiter;

    LikeLimiter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    /** Takes one like from the address's allowance; throws when it is used up. */
    void acquire(String clientAddress) {
        RateLimiter.Verdict verdict = limiter.take(LIMIT, clientAddress);
        if (!verdict.allowed()) {
            throw new TooManyRequestsException("您点赞太频繁了，请 " + verdict.retryAfterSeconds() + " 秒后再试。",
                    verdict.retryAfterSeconds());
        }
    }
}
