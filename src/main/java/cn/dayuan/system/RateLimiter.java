package cn.dayuan.system;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;

/**
 * How often one client may do one thing (log in, like, post a comment…), counted across every node of a cluster:
 * Bucket4j buckets in this process on a single node, in Redis in a cluster. A feature names its limit and asks
 * before acting; it never keeps buckets of its own.
 */
public interface RateLimiter {

    /** Takes one try from what {@code client} (usually its address) may still do under {@code limit}. */
    Verdict take(Limit limit, String client);

    /**
     * Whether {@code client} may still try under {@code limit}, without taking a try: for limits that count only
     * failures (a wrong password) and must refuse even a right one once used up.
     */
    Verdict peek(Limit limit, String client);

    /**
     * {@code capacity} tries per {@code period}, refilled evenly.
     *
     * @param name tells this limit's buckets from the others' (one word, e.g. {@code login})
     */
    record Limit(String name, int capacity, Duration period) {

        public Bandwidth bandwidth() {
            return Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
        }

        public String key(String client) {
            return name + ":" + client;
        }
    }

    /** @param retryAfterSeconds when refused, how long until the next try is allowed (at least 1) */
    record Verdict(boolean allowed, long retryAfterSeconds) {

        public static final Verdict ALLOWED = new Verdict(true, 0);

        public static Verdict refusedFor(long nanos) {
            return new Verdict(false, Math.max(1, Duration.ofNanos(nanos).toSeconds() + 1));
        }
    }
}
