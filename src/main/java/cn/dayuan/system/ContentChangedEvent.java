package cn.dayuan.system;

import java.util.Set;

/**
 * Published by a service after content changed. {@code keys} name what changed in the vocabulary of
 * {@link PageKeys}; every cached public page that was rendered from one of them must be evicted.
 * <p>
 * A service publishes it inside the transaction of the change; the change log writes it into that transaction and,
 * in a cluster, every other node publishes it again with {@code fromAnotherNode} set, outside any transaction, so
 * that each node's caches follow the same event whichever node made the change.
 *
 * @param fromAnotherNode the change was committed by another node of the cluster: this node holds none of the
 *                        details that came with it there (such as {@code ArticleListings}' placements)
 */
public record ContentChangedEvent(Set<String> keys, boolean fromAnotherNode) {

    public ContentChangedEvent(Set<String> keys) {
        this(keys, false);
    }

    public static ContentChangedEvent of(String... keys) {
        return new ContentChangedEvent(Set.of(keys));
    }
}
