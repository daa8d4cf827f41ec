package cn.dayuan.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

import cn.dayuan.system.ClusterMode;

/**
 * Where the newsroom's sessions are found by account. In a cluster, Spring Boot keeps sessions in Redis (Spring
 * Session, the indexed repository: {@code spring.session.data.redis.repository-type}), so a login, a logout and an
 * expiry hold on every node; on a single node the servlet container keeps them and Spring Security's registry
 * follows them through {@link HttpSessionEventPublisher}.
 */
@Configuration
class SessionConfig {

    @Bean
    SessionRegistry sessionRegistry(ObjectProvider<FindByIndexNameSessionRepository<?>> sharedSessions) {
        FindByIndexNameSessionRepository<?> shared = sharedSessions.getIfAvailable();
        return shared != null ? new SpringSessionBackedSessionRegistry<>(shared) : new SessionRegistryImpl();
    }

    @Bean
    @Conditional(ClusterMode.Off.class)
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }
}
