package cn.dayuan.system;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves {@code /media/**} from the media folder inside the data folder. The contract for whatever writes there:
 * a file keeps its content for its name (a changed picture gets a new name), so browsers and CDNs may keep media
 * for a year. Spring's resource handler refuses paths that climb out of the folder ({@code ..}, also
 * percent-encoded) and never lists directories.
 */
@Configuration
class MediaConfig implements WebMvcConfigurer {

    static final Duration MAX_AGE = Duration.ofDays(365);

    private final DayuanProperties properties;

    MediaConfig(DayuanProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String location = properties.mediaDir().toAbsolutePath().normalize().toUri().toString();
        registry.addResourceHandler("/media/**")
                .addResourceLocations(location.endsWith("/") ? location : location + "/")
                .setCacheControl(CacheControl.maxAge(MAX_AGE).cachePublic());
    }
}
