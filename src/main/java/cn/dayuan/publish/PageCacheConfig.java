package cn.dayuan.publish;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class PageCacheConfig {

    /**
     * First in the chain, ahead of Spring Security (order -100): on a hit nothing else runs. Measured on Jetty, a
     * filter answering from memory is within 10 % of nginx, while the same bytes through Spring MVC cost 30–50 %.
     */
    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache) {
        FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(new PageCacheFilter(cache));
        registration.setName("pageCacheFilter");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        // ASYNC too: a handler that went asynchronous finishes its (uncached) response in a later dispatch.
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        return registration;
    }
}
