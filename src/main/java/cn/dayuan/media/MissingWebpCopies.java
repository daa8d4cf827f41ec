package cn.dayuan.media;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.dayuan.system.ExclusiveWork;

/**
 * Gives the pictures stored without WebP copies their copies in the background, a batch at a time on one node of a
 * cluster: after an upgrade from a version that made none, the library's older pictures get them too.
 */
@Component
class MissingWebpCopies {

    private static final Logger log = LoggerFactory.getLogger(MissingWebpCopies.class);
    private static final int BATCH = 20;

    private final MediaService media;
    private final ExclusiveWork exclusive;

    MissingWebpCopies(MediaService media, ExclusiveWork exclusive) {
        this.media = media;
        this.exclusive = exclusive;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void make() {
        exclusive.runIfFree("media-webp-copies", Duration.ofMinutes(5), () -> {
            int total = 0;
            for (int looked = media.addMissingWebpCopies(BATCH); looked > 0; looked = media.addMissingWebpCopies(BATCH)) {
                total += looked;
            }
            if (total > 0) {
                log.info("Made the missing WebP copies of {} pictures", total);
            }
        });
    }
}
