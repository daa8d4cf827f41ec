package cn.dayuan.cluster;

import java.time.Duration;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

import cn.dayuan.system.ClusterMode;
import cn.dayuan.system.DayuanProperties;
import cn.dayuan.system.LocalRateLimiter;
import cn.dayuan.system.RateLimiter;

/**
 * The {@link RateLimiter} of a cluster: Bucket4j's Redis proxy manager keeps each bucket in Redis (compare-and-set),
 * so tries on every node count together, and lets a bucket expire once it would be full again. While Redis cannot be
 * reached each node counts on its own buckets ({@link LocalRateLimiter}): the limits hold per node (at most as many
 * tries as there are nodes) instead of opening up, and the site, its API and its forms keep answering.
 */
@Component
@Conditional(ClusterMode.On.class)
class RedisRateLimiter implements RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final StatefulRedisConnection<String, byte[]> connection;
    private final ProxyManager<String> buckets;
    private final String prefix;
    private final LocalRateLimiter whileRedisIsAway = new LocalRateLimiter();

    RedisRateLimiter(LettuceConnectionFactory redis, DayuanProperties properties) {
        this.connection = ((RedisClient) redis.getNativeClient())
                .connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        connection.setTimeout(TIMEOUT);
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(10)))
                .build();
        this.prefix = properties.clusterName() + ":limit:";
    }

    @Override
    public Verdict take(Limit limit, String client) {
        try {
            ConsumptionProbe probe = buckets.builder()
                    .build(prefix + limit.key(client), () -> BucketConfiguration.builder().addLimit(limit.bandwidth()).build())
                    .tryConsumeAndReturnRemaining(1);
            return probe.isConsumed() ? Verdict.ALLOWED : Verdict.refusedFor(probe.getNanosToWaitForRefill());
        } catch (RuntimeException e) {
            outage(limit, e);
            return whileRedisIsAway.take(limit, client);
        }
    }

    @Override
    public Verdict peek(Limit limit, String client) {
        try {
            EstimationProbe probe = buckets.builder()
                    .build(prefix + limit.key(client), () -> BucketConfiguration.builder().addLimit(limit.bandwidth()).build())
                    .estimateAbilityToConsume(1);
            return probe.canBeConsumed() ? Verdict.ALLOWED : Verdict.refusedFor(probe.getNanosToWaitForRefill());
        } catch (RuntimeException e) {
            outage(limit, e);
            return whileRedisIsAway.peek(limit, client);
        }
    }

    private static void outage(Limit limit, RuntimeException e) {
        log.warn("Rate limit '{}' counted on this node alone: Redis cannot be reached ({})", limit.name(),
                e.getMessage());
    }

    @PreDestroy
    void close() {
        connection.close();
    }
}
