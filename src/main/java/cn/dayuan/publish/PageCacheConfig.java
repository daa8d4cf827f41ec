package cn.dayuan.publish;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

import cn.dayuan.system.DayuanProperties;

@Configuration
class PageCacheConfig {

    /**
     * First in the chain, ahead of Spring Security (order -100): on a hit nothing else runs. Measured on Jetty, a
     * filter answering from memory is within 10 % of nginx, while the same bytes through Spring MVC cost 30–50 %.
     * Hits therefore never reach the HTTP server metrics ({@code http.server.requests}); the filter counts them
     * itself ({@value PageCacheFilter#METRIC}).
     */
    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache, DayuanProperties properties,
                                                            ObjectProvider<MeterRegistry> meters) {
        FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(new PageCacheFilter(
                cache, properties.trackingParameters(), meters.getIfAvailable(() -> Metrics.globalRegistry)));
        registration.setName("pageCacheFilter");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        // ASYNC too: a handler that went asynchronous finishes its (uncached) response in a later dispatch.
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        return registration;
    }
}
