package cn.dayuan.channel;

import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.dayuan.system.ChineseText;
import cn.dayuan.system.ConflictException;
import cn.dayuan.system.ContentChangedEvent;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.NotFoundException;
import cn.dayuan.system.PageKeys;
import cn.dayuan.system.PlainText;

/** Channels: the tree that readers navigate and that article URLs are made of. */
@Service
@Transactional(readOnly = true)
public class ChannelService {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    /** Top-level slugs that would shadow the site's own addresses. */
    public static final Set<String> RESERVED_SLUGS = Set.of("admin", "api", "actuator", "assets", "webjars", "media",
            "tag", "tags", "nav", "search", "login", "logout", "feed", "error", "about", "copyright", "contact",
            "counter", "sitemap", "robots", "static", "favicon", "comment", "captcha", "jubao", "preview");

    private final ChannelRepository channels;
    private final ApplicationEventPublisher events;

    ChannelService(ChannelRepository channels, ApplicationEventPublisher events) {
        this.channels = channels;
        this.events = events;
    }

    /** The current channel tree, shared between requests until a channel changes. */
    @Cacheable(cacheNames = PageKeys.CHANNELS, sync = true)
    public ChannelTree tree() {
        return ChannelTree.of(channels.findAll());
    }

    /** A channel by its path, for attaching articles to it. */
    public Channel getByPath(String path) {
        return channels.findByPath(normalizePath(path))
                .orElseThrow(() -> new InvalidInputException("channel", "栏目不存在：" + path));
    }

    public Channel get(long id) {
        return channels.findById(id).orElseThrow(() -> new NotFoundException("栏目不存在：" + id));
    }

    /**
     * Creates a channel. A blank slug becomes the pinyin of the name; {@code parentPath} may be blank for a
     * top-level channel.
     */
    @Transactional
    public Channel create(String name, String slug, String parentPath, String description, Integer sortOrder) {
        Channel parent = blank(parentPath) ? null : channels.findByPath(normalizePath(parentPath))
                .orElseThrow(() -> new InvalidInputException("parent", "上级栏目不存在：" + parentPath));
        String checkedName = checkName(name);
        String checkedSlug = checkSlug(slug, checkedName, parent);
        String path = parent == null ? checkedSlug : parent.getPath() + "/" + checkedSlug;
        if (channels.existsByPath(path)) {
            throw new ConflictException("栏目路径已存在：" + path);
        }
        Channel channel = channels.save(new Channel(parent, checkedName, checkedSlug, checkDescription(description),
                sortOrder == null ? nextSortOrder(parent) : sortOrder));
        changed();
        return channel;
    }

    @Transactional
    public Channel update(long id, String name, String slug, Long parentId, String description, Integer sortOrder) {
        Channel channel = get(id);
        Channel parent = parentId == null ? null : get(parentId);
        for (Channel p = parent; p != null; p = p.getParent()) {
            if (p.getId().equals(channel.getId())) {
                throw new InvalidInputException("parent", "不能把栏目移动到它自己或它的子栏目下");
            }
        }
        String checkedName = checkName(name);
        String checkedSlug = checkSlug(slug, checkedName, parent);
        String newPath = parent == null ? checkedSlug : parent.getPath() + "/" + checkedSlug;
        if (!newPath.equals(channel.getPath()) && channels.existsByPath(newPath)) {
            throw new ConflictException("栏目路径已存在：" + newPath);
        }
        channel.update(parent, checkedName, checkedSlug, checkDescription(description),
                sortOrder == null ? channel.getSortOrder() : sortOrder);
        recomputeDescendantPaths(channel);
        changed();
        return channel;
    }

    /** Deletes an empty channel; one that still has sub-channels or articles is refused with 409. */
    @Transactional
    public void delete(long id) {
        Channel channel = get(id);
        if (!channels.findByParentId(id).isEmpty()) {
            throw new ConflictException("请先删除或移走「" + channel.getName() + "」的子栏目");
        }
        try {
            channels.delete(channel);
            channels.flush();
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("「" + channel.getName() + "」下还有文章，请先移走或删除这些文章");
        }
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

    private static String checkName(String name) {
        String trimmed = name == null ? "" : PlainText.clean(name).trim();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("name", "请填写栏目名称");
        }
        if (trimmed.length() > 100) {
            throw new InvalidInputException("name", "栏目名称不能超过 100 个字符");
        }
        return trimmed;
    }

    private static String checkSlug(String slug, String name, Channel parent) {
        String candidate = blank(slug) ? ChineseText.pinyinSlug(name) : slug.trim().toLowerCase();
        if (!SLUG.matcher(candidate).matches()) {
            throw new InvalidInputException("slug", "栏目别名只能包含小写字母、数字和连字符，且以字母或数字开头");
        }
        if (parent == null && RESERVED_SLUGS.contains(candidate)) {
            throw new InvalidInputException("slug", "「" + candidate + "」是系统保留地址，请换一个栏目别名");
        }
        return candidate;
    }

    private static String checkDescription(String description) {
        String trimmed = description == null ? null : PlainText.clean(description).trim();
        if (trimmed != null && trimmed.length() > 1000) {
            throw new InvalidInputException("description", "栏目简介不能超过 1000 个字符");
        }
        return trimmed == null || trimmed.isEmpty() ? null : trimmed;
    }

    private static String normalizePath(String path) {
        return path.trim().replaceAll("^/+|/+$", "");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
