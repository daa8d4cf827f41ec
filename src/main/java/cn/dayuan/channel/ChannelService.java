package cn.dayuan.channel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.dayuan.account.Permissions;
import cn.dayuan.account.Role;
import cn.dayuan.system.AuditEvent;
import cn.dayuan.system.ChineseText;
import cn.dayuan.system.ConflictException;
import cn.dayuan.system.ContentChangedEvent;
import cn.dayuan.system.InputRules;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.NotFoundException;
import cn.dayuan.system.PageKeys;
import cn.dayuan.system.PlainText;

/** Channels: the tree that readers navigate and that article URLs are made of. */
@Service
@Transactional(readOnly = true)
public class ChannelService {

    /** Lower-case letters, digits and hyphens, starting with a letter or digit; at most 100. */
    static final String SLUG = "[a-z0-9][a-z0-9-]{0,99}";

    /** Top-level slugs that would shadow the site's own addresses. */
    public static final Set<String> RESERVED_SLUGS = Set.of("admin", "api", "actuator", "assets", "webjars", "media",
            "tag", "tags", "nav", "search", "login", "logout", "feed", "atom", "error", "about", "copyright", "contact",
            "counter", "sitemap", "robots", "static", "favicon", "comment", "captcha", "jubao", "preview", "zt");

    private final ChannelRepository channels;
    private final FormerPathRepository formerPaths;
    private final ApplicationEventPublisher events;
    private final InputRules rules;

    private final Permissions permissions;

    ChannelService(ChannelRepository channels, FormerPathRepository formerPaths, ApplicationEventPublisher events,
                   InputRules rules, Permissions permissions) {
        this.permissions = permissions;
        this.rules = rules;
        this.channels = channels;
        this.formerPaths = formerPaths;
        this.events = events;
    }

    /**
     * The current channel tree with the channels' former paths, shared between requests (and kept on every node)
     * until a channel changes.
     */
    @Cacheable(cacheNames = PageKeys.CHANNELS, sync = true)
    public ChannelTree tree() {
        return ChannelTree.of(channels.findAll(), formerPaths.findAll());
    }

    /** A channel by its path, for attaching articles to it. */
    public Channel getByPath(String path) {
        return channels.findByPath(normalizePath(path))
                .orElseThrow(() -> new InvalidInputException("channel", "channel.not-found", path));
    }

    public Channel get(long id) {
        return channels.findById(id).orElseThrow(() -> new NotFoundException("channel.not-found", id));
    }

    /**
     * Creates a channel. A blank slug becomes the pinyin of the name; {@code parentPath} may be blank for a
     * top-level channel.
     */
    @Transactional
    public Channel create(String name, String slug, String parentPath, String description, Integer sortOrder) {
        return create(name, slug, parentPath, description, sortOrder, false);
    }

    /**
     * Creates a channel, {@code hidden} from the public menu until it is ready or shown at once. A former path of
     * another channel that the new one takes is no longer redirected.
     */
    @Transactional
    public Channel create(String name, String slug, String parentPath, String description, Integer sortOrder,
                         boolean hidden) {
        permissions.require(Role.EDITOR);
        Channel parent = blank(parentPath) ? null : channels.findByPath(normalizePath(parentPath))
                .orElseThrow(() -> new InvalidInputException("parent", "channel.parent.not-found", parentPath));
        ChannelFields fields = check(name, slug, description, parent);
        String checkedName = fields.name();
        String checkedSlug = fields.slug();
        String path = parent == null ? checkedSlug : parent.getPath() + "/" + checkedSlug;
        if (channels.existsByPath(path)) {
            throw new ConflictException("channel.path.taken", path);
        }
        Channel channel = channels.save(new Channel(parent, checkedName, checkedSlug, fields.description(),
                sortOrder == null ? nextSortOrder(parent) : sortOrder, hidden));
        formerPaths.deleteByPathIn(List.of(path));
        events.publishEvent(AuditEvent.of(null, "channel.create", "channel:" + channel.getId())
                .with("name", null, channel.getName()).with("path", null, channel.getPath())
                .with("hidden", null, hidden));
        changed();
        return channel;
    }

    /** Changes a channel and keeps whether it is hidden from the menu. */
    @Transactional
    public Channel update(long id, String name, String slug, Long parentId, String description, Integer sortOrder) {
        return update(id, name, slug, parentId, description, sortOrder, null);
    }

    /**
     * Changes a channel. When its path changes (a new slug or parent), it and every channel below it remember the
     * paths they leave, and those addresses answer 301 to the new ones; see {@link ChannelTree#movedFrom}.
     *
     * @param hidden whether to leave the channel out of the public menu; null keeps it as it is
     */
    @Transactional
    public Channel update(long id, String name, String slug, Long parentId, String description, Integer sortOrder,
                          Boolean hidden) {
        permissions.require(Role.EDITOR);
        Channel channel = get(id);
        Channel parent = parentId == null ? null : get(parentId);
        for (Channel p = parent; p != null; p = p.getParent()) {
            if (p.getId().equals(channel.getId())) {
                throw new InvalidInputException("parent", "channel.parent.inside-itself");
            }
        }
        ChannelFields fields = check(name, slug, description, parent);
        String checkedName = fields.name();
        String checkedSlug = fields.slug();
        String newPath = parent == null ? checkedSlug : parent.getPath() + "/" + checkedSlug;
        if (!newPath.equals(channel.getPath()) && channels.existsByPath(newPath)) {
            throw new ConflictException("channel.path.taken", newPath);
        }
        AuditEvent audit = AuditEvent.of(null, "channel.update", "channel:" + id)
                .with("name", channel.getName(), checkedName).with("path", channel.getPath(), newPath)
                .with("hidden", channel.isHidden(), hidden == null ? channel.isHidden() : hidden);
        Map<Long, String> pathsBefore = new LinkedHashMap<>();
        collectPaths(channel, pathsBefore);
        channel.update(parent, checkedName, checkedSlug, fields.description(),
                sortOrder == null ? channel.getSortOrder() : sortOrder, hidden == null ? channel.isHidden() : hidden);
        recomputeDescendantPaths(channel);
        if (!newPath.equals(pathsBefore.get(channel.getId()))) {
            rememberFormerPaths(pathsBefore);
        }
        events.publishEvent(audit);
        changed();
        return channel;
    }

    /** The channel's and its descendants' current paths by id (before a move changes them). */
    private void collectPaths(Channel channel, Map<Long, String> into) {
        into.put(channel.getId(), channel.getPath());
        for (Channel child : channels.findByParentId(channel.getId())) {
            collectPaths(child, into);
        }
    }

    /**
     * Records the paths the moved channels left, each pointing at its channel, and forgets the former paths that
     * are live paths again. A path left once more (renamed away, back, and away again) points at its latest owner.
     */
    private void rememberFormerPaths(Map<Long, String> pathsBefore) {
        channels.flush();
        List<String> livePaths = pathsBefore.keySet().stream().map(this::get).map(Channel::getPath).toList();
        formerPaths.deleteByPathIn(livePaths);
        pathsBefore.forEach((channelId, oldPath) -> formerPaths.findByPath(oldPath).ifPresentOrElse(
                former -> former.retiredBy(channelId),
                () -> formerPaths.save(new FormerPath(oldPath, channelId))));
    }

    /** Deletes an empty channel; one that still has sub-channels or articles is refused with 409. */
    @Transactional
    public void delete(long id) {
        permissions.require(Role.EDITOR);
        Channel channel = get(id);
        if (!channels.findByParentId(id).isEmpty()) {
            throw new ConflictException("channel.delete.has-children", channel.getName());
        }
        try {
            formerPaths.deleteByChannelId(id);
            channels.delete(channel);
            channels.flush();
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("channel.delete.has-articles", channel.getName());
        }
        events.publishEvent(AuditEvent.of(null, "channel.delete", "channel:" + id)
                .with("name", channel.getName(), null).with("path", channel.getPath(), null));
        changed();
    }

    private void recomputeDescendantPaths(Channel channel) {
        for (Channel child : channels.findByParentId(channel.getId())) {
            child.recomputePath();
            recomputeDescendantPaths(child);
        }
    }

    private void changed() {
        events.publishEvent(ContentChangedEvent.of(PageKeys.CHANNELS));
    }

    private int nextSortOrder(Channel parent) {
        return (int) channels.findAll().stream()
                .filter(c -> parent == null ? c.getParent() == null
                        : c.getParent() != null && c.getParent().getId().equals(parent.getId()))
                .count() * 10 + 10;
    }

    /**
     * The channel's name, slug and description as they are stored, judged by the input rules; a blank slug is the
     * name's pinyin, and a top-level channel may not take an address the site uses itself.
     */
    private ChannelFields check(String name, String slug, String description, Channel parent) {
        String checkedName = text(name);
        String candidate = blank(slug) ? (checkedName == null ? null : ChineseText.pinyinSlug(checkedName))
                : slug.trim().toLowerCase();
        ChannelFields fields = rules.check(new ChannelFields(checkedName, candidate, text(description)));
        if (parent == null && RESERVED_SLUGS.contains(fields.slug())) {
            throw new InvalidInputException("slug", "channel.slug.reserved", fields.slug());
        }
        return fields;
    }

    /** A channel's texts as they are stored. */
    record ChannelFields(
            @NotNull(message = "{channel.name.required}")
            @Size(max = 100, message = "{channel.name.too-long}") String name,
            @NotNull(message = "{channel.slug.invalid}")
            @Pattern(regexp = SLUG, message = "{channel.slug.invalid}") String slug,
            @Size(max = 1000, message = "{channel.description.too-long}") String description) {
    }

    /** A text as it is stored: cleaned of what XML cannot carry and trimmed; a blank one is null. */
    private static String text(String value) {
        String trimmed = value == null ? "" : PlainText.clean(value).trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static String normalizePath(String path) {
        return path.trim().replaceAll("^/+|/+$", "");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
