package cn.dayuan.search;

import java.time.Duration;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryDependsOnPostProcessor;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.dayuan.system.ExclusiveWork;

/**
 * Nodes that start together on an index on OpenSearch start Hibernate Search one after the other: at start it looks
 * whether the site's index exists and creates it when not, and of two nodes doing that at once the second fails
 * ({@code resource_already_exists_exception}) and does not start. The lock ({@link ExclusiveWork}) is taken before
 * the entity manager factory is built, in which Hibernate Search starts, and given back once it is built.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "dayuan.search.backend", havingValue = "opensearch")
class OpenSearchStartOrder {

    static final String LOCK = "search-index-schema";

    /** The lock, held from its creation until the entity manager factory is built (or this context closes). */
    static final class SchemaLock implements DisposableBean {

        private ExclusiveWork.Held held;

        SchemaLock(ExclusiveWork.Held held) {
            this.held = held;
        }

        synchronized void release() {
            if (held != null) {
                held.close();
                held = null;
            }
        }

        @Override
        public void destroy() {
            release();
        }
    }

    @Bean
    @DependsOnDatabaseInitialization
    SchemaLock searchSchemaLock(ExclusiveWork work) {
        return new SchemaLock(work.holdWhenFree(LOCK, Duration.ofMinutes(2), Duration.ofMinutes(3)));
    }

    @Bean
    static EntityManagerFactoryDependsOnPostProcessor entityManagerFactoryAfterSearchSchemaLock() {
        return new EntityManagerFactoryDependsOnPostProcessor("searchSchemaLock");
    }

    @Bean
    static BeanPostProcessor searchSchemaLockRelease(ObjectProvider<SchemaLock> lock) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if ("entityManagerFactory".equals(beanName)) {
                    lock.ifAvailable(SchemaLock::release);
                }
                return bean;
            }
        };
    }
}
