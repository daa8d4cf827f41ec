package cn.dayuan.system;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The one switch between a single node and a cluster: Spring Boot's own {@code spring.data.redis.url}
 * ({@code SPRING_DATA_REDIS_URL}). With it, state that every node must see (sessions, change events, limits) goes
 * through Redis and the database; without it nothing reaches for Redis and everything stays in this process.
 */
public final class ClusterMode {

    public static final String REDIS_URL = "spring.data.redis.url";

    private ClusterMode() {
    }

    public static boolean isOn(Environment environment) {
        String url = environment.getProperty(REDIS_URL);
        return url != null && !url.isBlank();
    }

    /** For beans that only a node of a cluster has: {@code @Conditional(ClusterMode.On.class)}. */
    public static final class On implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return isOn(context.getEnvironment());
        }
    }

    /** For the in-process counterparts of {@link On}'s beans. */
    public static final class Off implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !isOn(context.getEnvironment());
        }
    }
}
