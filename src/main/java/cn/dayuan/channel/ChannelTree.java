package cn.dayuan.channel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The whole channel tree, loaded once after each change and shared by every page render. */
public final class ChannelTree {

    private final List<ChannelView> roots;
    private final Map<Long, ChannelView> byId;
    private final Map<String, ChannelView> byPath;

    private ChannelTree(List<ChannelView> roots, Map<Long, ChannelView> byId) {
        this.roots = roots;
        this.byId = byId;
        Map<String, ChannelView> paths = new HashMap<>();
        byId.values().forEach(c -> paths.put(c.path(), c));
        this.byPath = paths;
    }

    static ChannelTree of(List<Channel> channels) {
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
        return new ChannelTree(roots, Collections.unmodifiableMap(byId));
    }

    private static ChannelView view(Channel channel, int depth, Map<Long, List<Channel>> childrenOf,
                                    Map<Long, ChannelView> byId) {
        List<ChannelView> children = childrenOf.getOrDefault(channel.getId(), List.of()).stream()
                .map(child -> view(child, depth + 1, childrenOf, byId)).toList();
        ChannelView view = new ChannelView(channel.getId(),
                channel.getParent() == null ? null : channel.getParent().getId(), channel.getName(),
                channel.getSlug(), channel.getPath(), channel.getDescription(), channel.getSortOrder(), depth,
                children);
        byId.put(view.id(), view);
        return view;
    }

    /** Top-level channels in display order: the site's main menu. */
    public List<ChannelView> roots() {
        return roots;
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
