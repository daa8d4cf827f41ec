package cn.dayuan.system;

import java.util.Set;

/**
 * Published by a service after content changed. {@code keys} name what changed in the vocabulary of
 * {@link PageKeys}; every cached public page that was rendered from one of them must be evicted.
 */
public record ContentChangedEvent(Set<String> keys) {

    public static ContentChangedEvent of(String... keys) {
        return new ContentChangedEvent(Set.of(keys));
    }
}
