package cn.dayuan.channel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The whole channel tree, loaded once after each change and shared by every page render, with the paths channels
 * had before they were renamed or moved.
 */
public final class ChannelTree {

    private final List<ChannelView> roots;
    private final Map<Long, ChannelView> byId;
    private final Map<String, ChannelView> byPath;
    private final Map<String, ChannelView> byFormerPath;

    private ChannelTree(List<ChannelView> roots, Map<Long, ChannelView> byId, List<FormerPath> formerPaths) {
        this.roots = roots;
        this.byId = byId;
        Map<String, ChannelView> paths = new HashMap<>();
        byId.values().forEach(c -> paths.put(c.path(), c));
        this.byPath = paths;
        Map<String, ChannelView> former = new TreeMap<>();
        for (FormerPath formerPath : formerPaths) {
            ChannelView channel = byId.get(formerPath.getChannelId());
            // A live channel's path is its own, whatever else was there before.
            if (channel != null && !paths.containsKey(formerPath.getPath())) {
                former.put(formerPath.getPath(), channel);
            }
        }
        this.byFormerPath = Collections.unmodifiableMap(former);
    }

    static ChannelTree of(List<Channel> channels, List<FormerPath> formerPaths) {
        Map<Long, List<Channel>> childrenOf = new HashMap<>();
        List<Channel> rootChannels = new ArrayList<>();
        Comparator<Channel> order = Comparator.comparingInt(Channel::getSortOrder).thenComparing(Channel::getId);
        for (Channel channel : channels) {
            if (channel.getParent() == null) {
                rootChannels.add(channel);
            } else {
                childrenOf.computeIfAbsent(channel.getParent().getId(), k -> new ArrayList<>()).add(channel);
            }
        }
        rootChannels.sort(order);
        childrenOf.values().forEach(list -> list.sort(order));
        Map<Long, ChannelView> byId = new LinkedHashMap<>();
        List<ChannelView> roots = rootChannels.stream().map(c -> view(c, 0, childrenOf, byId)).toList();
        return new ChannelTree(roots, Collections.unmodifiableMap(byId), formerPaths);
    }

    private static ChannelView view(Channel channel, int depth, Map<Long, List<Channel>> childrenOf,
                                    Map<Long, ChannelView> byId) {
        List<ChannelView> children = childrenOf.getOrDefault(channel.getId(), List.of()).stream()
                .map(child -> view(child, depth + 1, childrenOf, byId)).toList();
        ChannelView view = new ChannelView(channel.getId(),
                channel.getParent() == null ? null : channel.getParent().getId(), channel.getName(),
                channel.getSlug(), channel.getPath(), channel.getDescription(), channel.getSortOrder(), depth,
                channel.isHidden(), children);
        byId.put(view.id(), view);
        return view;
    }

    /** Top-level channels in display order: the site's main menu. */
    public List<ChannelView> roots() {
        return roots;
    }

    /** The top-level channels readers are shown in the site's menu and on the home page: the ones not hidden. */
    public List<ChannelView> menu() {
        return roots.stream().filter(root -> !root.hidden()).toList();
    }

    /** Every channel, parents before their children, in display order. */
    public List<ChannelView> all() {
        List<ChannelView> all = new ArrayList<>();
        roots.forEach(root -> collect(root, all));
        return all;
    }

    private static void collect(ChannelView channel, List<ChannelView> into) {
        into.add(channel);
        channel.children().forEach(child -> collect(child, into));
    }

    public Optional<ChannelView> byId(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<ChannelView> byPath(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    /**
     * The channel that had {@code path} before a rename or a move (its own or an ancestor's), as it is now; empty
     * when a live channel has the path or none ever had it.
     */
    public Optional<ChannelView> movedFrom(String path) {
        return Optional.ofNullable(byFormerPath.get(path));
    }

    /** Every former path that is no live channel's path, in path order, with the channel that had it, as it is now. */
    public Map<String, ChannelView> formerPaths() {
        return byFormerPath;
    }

    /** The channel and its ancestors, root first: the breadcrumb. */
    public List<ChannelView> trail(long id) {
        List<ChannelView> trail = new ArrayList<>();
        for (ChannelView c = byId.get(id); c != null; c = c.parentId() == null ? null : byId.get(c.parentId())) {
            trail.add(0, c);
        }
        return trail;
    }

    /** The channel's id and the ids of all channels below it: a channel page lists their articles too. */
    public List<Long> selfAndDescendantIds(long id) {
        ChannelView channel = byId.get(id);
        if (channel == null) {
            return List.of();
        }
        List<ChannelView> all = new ArrayList<>();
        collect(channel, all);
        return all.stream().map(ChannelView::id).toList();
    }
}
