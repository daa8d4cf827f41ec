package cn.dayuan.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.annotation.PostConstruct;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves {@code /media/**} from the media folder inside the data folder. The contract for whatever writes there:
 * a file keeps its content for its name (a changed picture gets a new name), so browsers and CDNs may keep media
 * for a year. Spring's resource handler refuses paths that climb out of the folder ({@code ..}, also
 * percent-encoded) and never lists directories.
 * <p>
 * The folder must be writable, which is checked at start. In a cluster every node mounts the same shared folder
 * there (NFS or similar), so a picture uploaded through one node is served by all.
 */
@Configuration
class MediaConfig implements WebMvcConfigurer {

    static final Duration MAX_AGE = Duration.ofDays(365);

    private final DayuanProperties properties;

    MediaConfig(DayuanProperties properties) {
        this.properties = properties;
    }

    @PostConstruct
    void checkMediaFolderIsWritable() {
        Path folder = properties.mediaDir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(folder);
            Files.delete(Files.createTempFile(folder, ".write-check-", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new StartupRefusedException("The media folder " + folder + " cannot be written (" + e + ").",
                    "Make it writable for the user that runs Dayuan, or choose another data folder with "
                            + "dayuan.data-dir. In a cluster, mount the same shared folder (NFS or similar) at "
                            + "<data-dir>/media on every node.");
        }
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String location = properties.mediaDir().toAbsolutePath().normalize().toUri().toString();
        // the unmarked uploads kept for the newsroom when a watermark is on (media.MediaService.ORIGINALS): the more
        // specific pattern wins, and a location with nothing in it answers 404
        registry.addResourceHandler("/media/originals/**").addResourceLocations("classpath:/no-public-originals/");
        registry.addResourceHandler("/media/**")
                .addResourceLocations(location.endsWith("/") ? location : location + "/")
                .setCacheControl(CacheControl.maxAge(MAX_AGE).cachePublic());
    }
}
