package cn.dayuan.portal;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import cn.dayuan.media.MediaService;
import cn.dayuan.media.MediaView;

/**
 * The library pictures behind the addresses a page shows (covers, slides, topic banners), looked up in one query per
 * list so that the templates can offer every stored size and its WebP copy ({@code portal/picture.jte}). Addresses
 * from elsewhere have no entry and are shown as they are.
 */
@Component
public class Pictures {

    private final MediaService media;

    Pictures(MediaService media) {
        this.media = media;
    }

    Map<String, MediaView> of(Collection<String> addresses) {
        return media.byAddress(addresses.stream().filter(Objects::nonNull).distinct().toList());
    }
}
