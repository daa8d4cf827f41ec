package cn.dayuan.portal;

import java.time.Duration;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/** Slows down like-flooding: each client address may like a few times a minute across all articles. */
@Component
class LikeLimiter {

    static final int LIKES_PER_MINUTE = 10;

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    /** Takes one like from the address's allowance; throws when it is used up. */
    void acquire(String clientAddress) {
        Bucket bucket = buckets.get(clientAddress, address -> Bucket.builder()
                .addLimit(limit -> limit.capacity(LIKES_PER_MINUTE).refillGreedy(LIKES_PER_MINUTE, Duration.ofMinutes(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            throw new TooManyRequestsException("您点赞太频繁了，请 " + seconds + " 秒后再试。", seconds);
        }
    }
}
