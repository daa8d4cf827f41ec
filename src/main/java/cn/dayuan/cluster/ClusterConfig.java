package cn.dayuan.cluster;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.session.web.http.SessionRepositoryFilter;

import cn.dayuan.system.ClusterMode;
import cn.dayuan.system.Texts;

/** What only a node of a cluster has; Spring Boot configures the Redis connection and the session store itself. */
@Configuration
@Conditional(ClusterMode.On.class)
class ClusterConfig {

    static final String CHANGE_LISTENERS = "changeMessageListeners";

    /**
     * The {@link ChangeRelay}'s subscription (Spring Session has one of its own). Subscribes again by itself after
     * Redis was gone (every second); the change log covers what was missed meanwhile.
     */
    @Bean(CHANGE_LISTENERS)
    RedisMessageListenerContainer changeMessageListeners(RedisConnectionFactory redis) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(redis);
        container.setRecoveryInterval(1000);
        return container;
    }

    /** Just outside Spring Session's filter, which is where a lost Redis shows. */
    @Bean
    FilterRegistrationBean<SessionStoreOutage> sessionStoreOutage(Texts texts) {
        FilterRegistrationBean<SessionStoreOutage> registration =
                new FilterRegistrationBean<>(new SessionStoreOutage(texts));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        registration.addUrlPatterns("/admin/*");
        return registration;
    }
}
