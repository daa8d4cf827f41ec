package cn.dayuan.channel;

import java.util.List;

/**
 * An immutable snapshot of one channel with its place in the tree, safe to hand to templates and to share
 * between requests.
 *
 * @param path     slugs from the root, e.g. {@code zcjh/jishixinwen}; the channel page is {@code /{path}/}
 * @param children direct sub-channels in display order
 */
public record ChannelView(long id, Long parentId, String name, String slug, String path, String description,
                          int sortOrder, int depth, List<ChannelView> children) {

    /** The channel page's address relative to the site root, e.g. {@code /zcjh/jishixinwen/}. */
    public String url() {
        return "/" + path + "/";
    }

    public boolean isTopLevel() {
        return parentId == null;
    }
}
