package cn.dayuan.system;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Keeps Spring Boot's Redis and Spring Session auto-configuration out of a single node, so that without
 * {@code spring.data.redis.url} no connection factory, health check or session store ever tries to reach a Redis
 * (Boot would otherwise connect to localhost:6379). Registered in {@code META-INF/spring.factories}.
 */
public class SingleNodeAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    private static final List<String> CLUSTER_ONLY = List.of(
            "org.springframework.boot.data.redis.", "org.springframework.boot.session.");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean cluster = ClusterMode.isOn(environment);
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < matches.length; i++) {
            String name = autoConfigurationClasses[i];
            matches[i] = cluster || name == null || CLUSTER_ONLY.stream().noneMatch(name::startsWith);
        }
        return matches;
    }
}
