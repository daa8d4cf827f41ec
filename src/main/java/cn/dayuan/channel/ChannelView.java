package cn.dayuan.channel;

import java.util.List;

/**
 * An immutable snapshot of one channel with its place in the tree, safe to hand to templates and to share
 * between requests.
 *
 * @param path     slugs from the root, e.g. {@code zcjh/jishixinwen}; the channel page is {@code /{path}/}
 * @param hidden   left out of the public menu, the home page's channel blocks and sub-channel lists (its pages and
 *                 articles stay public at their addresses)
 * @param children direct sub-channels in display order
 */
public record ChannelView(long id, Long parentId, String name, String slug, String path, String description,
                          int sortOrder, int depth, boolean hidden, List<ChannelView> children) {

    /** The channel page's address relative to the site root, e.g. {@code /zcjh/jishixinwen/}. */
    public String url() {
        return "/" + path + "/";
    }

    /** The sub-channels readers are shown in lists of channels: the ones not hidden. */
    public List<ChannelView> shownChildren() {
        return children.stream().filter(child -> !child.hidden()).toList();
    }

    public boolean isTopLevel() {
        return parentId == null;
    }
}
