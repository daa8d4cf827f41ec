package cn.dayuan.system;

import java.time.Duration;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;

/**
 * The {@link RateLimiter} of a single node: buckets in memory, forgotten ten minutes after their last use. A cluster
 * node counts on these too while Redis cannot be reached, so that its limits hold per node instead of failing.
 */
@Component
@Conditional(ClusterMode.Off.class)
public class LocalRateLimiter implements RateLimiter {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(200_000)
            .build();

    @Override
    public Verdict take(Limit limit, String client) {
        Bucket bucket = buckets.get(limit.key(client), key -> Bucket.builder().addLimit(limit.bandwidth()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Verdict.ALLOWED : Verdict.refusedFor(probe.getNanosToWaitForRefill());
    }

    @Override
    public Verdict peek(Limit limit, String client) {
        Bucket bucket = buckets.getIfPresent(limit.key(client));
        if (bucket == null) {
            return Verdict.ALLOWED;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Verdict.ALLOWED : Verdict.refusedFor(probe.getNanosToWaitForRefill());
    }
}
