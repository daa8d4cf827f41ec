package cn.dayuan.cluster;

import java.time.Duration;
import java.util.Optional;

import org.springframework.context.annotation.Conditional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import cn.dayuan.system.ClusterMode;
import cn.dayuan.system.DayuanProperties;
import cn.dayuan.system.OneTimeAnswers;
import cn.dayuan.system.UnavailableException;

/**
 * The {@link OneTimeAnswers} of a cluster: each answer is a Redis key that expires with its lifetime, and
 * {@code GETDEL} reads and removes it in one step, so two nodes can never both accept the same answer. Without
 * Redis no challenge can be drawn or answered: the reader is told to try again later (503).
 */
@Component
@Conditional(ClusterMode.On.class)
class RedisOneTimeAnswers implements OneTimeAnswers {

    private final StringRedisTemplate redis;
    private final String prefix;

    RedisOneTimeAnswers(StringRedisTemplate redis, DayuanProperties properties) {
        this.redis = redis;
        this.prefix = properties.clusterName() + ":answer:";
    }

    @Override
    public void keep(String id, String answer, Duration lifetime) {
        try {
            redis.opsForValue().set(prefix + id, answer, lifetime);
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Optional<String> take(String id) {
        try {
            return Optional.ofNullable(redis.opsForValue().getAndDelete(prefix + id));
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    private static UnavailableException unavailable(RuntimeException e) {
        return new UnavailableException(e, "captcha.unavailable");
    }
}
