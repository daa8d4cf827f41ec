package cn.dayuan.tag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.dayuan.account.Permissions;
import cn.dayuan.account.Role;
import cn.dayuan.system.AuditEvent;
import cn.dayuan.system.ConflictException;
import cn.dayuan.system.ContentChangedEvent;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.NotFoundException;
import cn.dayuan.system.PageKeys;
import cn.dayuan.system.PlainText;

/**
 * Tags are created on first use, from the keywords an editor types; editors rename, merge and delete them. A
 * renamed or merged tag leaves its old name behind as an alias, whose pages answer 301 to the tag's page.
 */
@Service
@Transactional(readOnly = true)
public class TagService {

    public static final int MAX_TAGS_PER_ARTICLE = 10;
    public static final int MAX_TAG_LENGTH = 20;

    private final TagRepository tags;
    private final TagStore store;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher events;

    private final Permissions permissions;

    TagService(TagRepository tags, TagStore store, EntityManager entityManager, ApplicationEventPublisher events, Permissions permissions) {
        this.permissions = permissions;
        this.tags = tags;
        this.store = store;
        this.entityManager = entityManager;
        this.events = events;
    }

    /**
     * The articles of these tags changed all at once (a merge, a delete), not one article at a time: whatever keeps
     * the articles of a tag in memory reads them again. Published inside the transaction.
     */
    public record ArticlesMoved(Set<Long> tagIds) {
    }

    public Optional<Tag> findByName(String name) {
        return name == null ? Optional.empty() : tags.findByName(name.trim());
    }

    /** The tag that an old name (of a renamed or merged tag) now leads to. */
    public Optional<Tag> findByAlias(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Long id = store.aliasTarget(name.trim());
        return id == null ? Optional.empty() : tags.findById(id);
    }

    public List<Tag> findAll() {
        return tags.findAll();
    }

    /**
     * The tags with these names, in this order, creating the missing ones; names are trimmed and de-duplicated.
     * Any number of transactions may create the same new tag at once (two nodes, an import script with many
     * threads): each inserts it unless it is there, waits for the others, and reads the one row that results.
     */
    @Transactional
    public List<Tag> findOrCreate(List<String> names) {
        Set<String> wanted = normalize(names);
        if (wanted.isEmpty()) {
            return List.of();
        }
        Map<String, Tag> byName = new HashMap<>();
        tags.findByNameIn(wanted).forEach(tag -> byName.put(tag.getName(), tag));
        // In one order for everyone, so that two writers of the same new tags never wait for each other in a circle.
        Set<String> missing = new TreeSet<>(wanted);
        missing.removeAll(byName.keySet());
        if (!missing.isEmpty()) {
            for (String name : missing) {
                store.insertIfAbsent(name);
                store.dropAlias(name);
            }
            List<Tag> created = store.dialect() == TagStore.Dialect.MARIADB
                    ? tags.findCommittedByNameIn(missing) : tags.findByNameIn(missing);
            created.forEach(tag -> byName.put(tag.getName(), tag));
        }
        List<Tag> result = new ArrayList<>();
        for (String name : wanted) {
            Tag tag = byName.get(name);
            if (tag == null) {
                throw new ConflictException("tag.changed-meanwhile", name);
            }
            result.add(tag);
        }
        return result;
    }

    // ---- the newsroom ----------------------------------------------------------------------------------------

    /** Tags whose name contains {@code query} (all when blank), most used first; {@code page} counts from 0. */
    public Page<TagView> list(String query, int page, int size) {
        String q = query == null || query.isBlank() ? null : PlainText.clean(query).trim();
        long total = store.count(q);
        List<TagView> content = total == 0 ? List.of() : store.page(q, page * size, size);
        return new PageImpl<>(content, PageRequest.of(page, size), total);
    }

    public TagView get(long id) {
        Tag tag = tags.findById(id).orElseThrow(() -> notFound(id));
        return view(tag);
    }

    /**
     * Gives the tag a new name; the old one becomes an alias whose pages answer 301 to the new page. A name another
     * tag has is refused (merge them instead); the name of an alias is taken over.
     */
    @Transactional
    public TagView rename(long id, String newName) {
        permissions.require(Role.EDITOR);
        Tag tag = tags.lockById(id).orElseThrow(() -> notFound(id));
        String name = checkedName(newName, "name");
        String old = tag.getName();
        if (name.equals(old)) {
            return view(tag);
        }
        Optional<Tag> taken = tags.findByName(name);
        if (taken.isPresent()) {
            throw new ConflictException("tag.name.taken", name);
        }
        store.dropAlias(name);
        store.addAlias(old, id);
        tag.rename(name);
        entityManager.flush();
        announce(Set.of(id), store.articlesOf(id));
        events.publishEvent(AuditEvent.of(null, "tag.rename", "tag:" + id).with("name", old, name));
        return view(tag);
    }

    /**
     * Moves every article of tag {@code id} to tag {@code intoId} and deletes the first; its name (and its own
     * aliases) become aliases of the second, whose page the old pages now answer 301 to.
     */
    @Transactional
    public TagView merge(long id, Long intoId) {
        permissions.require(Role.EDITOR);
        if (intoId == null) {
            throw new InvalidInputException("into", "tag.merge.into.required-choice");
        }
        if (intoId == id) {
            throw new InvalidInputException("into", "tag.merge.into.itself");
        }
        // Both locked, in the order of their ids, so that two opposite merges cannot lock each other out.
        Tag first = lock(Math.min(id, intoId), id);
        Tag second = lock(Math.max(id, intoId), id);
        Tag from = first.getId() == id ? first : second;
        Tag into = from == first ? second : first;
        Set<Long> articles = store.articlesOf(id);
        entityManager.flush();
        store.moveArticles(id, intoId);
        store.moveAliases(id, intoId);
        store.addAlias(from.getName(), intoId);
        tags.delete(from);
        entityManager.flush();
        announce(Set.of(id, intoId), articles);
        events.publishEvent(new ArticlesMoved(Set.of(id, intoId)));
        events.publishEvent(AuditEvent.of(null, "tag.merge", "tag:" + id)
                .with("name", from.getName(), into.getName()).with("id", id, intoId)
                .with("articles", articles.size(), null));
        return view(into);
    }

    /** Takes the tag off every article and deletes it with its aliases; its pages are gone (404). */
    @Transactional
    public void delete(long id) {
        permissions.require(Role.EDITOR);
        Tag tag = tags.lockById(id).orElseThrow(() -> notFound(id));
        Set<Long> articles = store.articlesOf(id);
        store.removeFromArticles(id);
        tags.delete(tag);
        entityManager.flush();
        announce(Set.of(id), articles);
        events.publishEvent(new ArticlesMoved(Set.of(id)));
        events.publishEvent(AuditEvent.of(null, "tag.delete", "tag:" + id).with("name", tag.getName(), null)
                .with("articles", articles.size(), null));
    }

    private Tag lock(long lockId, long mergedId) {
        return tags.lockById(lockId).orElseThrow(() -> lockId == mergedId ? notFound(lockId)
                : new InvalidInputException("into", "tag.merge.into.missing", lockId));
    }

    /** Every page that shows these tags: their lists, the related lists drawn from them, their articles' pages. */
    private void announce(Collection<Long> tagIds, Collection<Long> articleIds) {
        Set<String> keys = new LinkedHashSet<>();
        for (long tagId : tagIds) {
            keys.add(PageKeys.tagList(tagId));
            keys.add(PageKeys.relatedByTag(tagId));
        }
        articleIds.forEach(articleId -> keys.add(PageKeys.article(articleId)));
        events.publishEvent(new ContentChangedEvent(keys));
    }

    private TagView view(Tag tag) {
        return new TagView(tag.getId(), tag.getName(), store.articleCount(tag.getId()),
                store.aliasesOf(List.of(tag.getId())).getOrDefault(tag.getId(), List.of()));
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("tag.not-found", id);
    }

    // ---- checking names --------------------------------------------------------------------------------------

    /** Checks and cleans a list of tag names without touching the database. */
    public static Set<String> normalize(List<String> names) {
        Set<String> wanted = new LinkedHashSet<>();
        if (names == null) {
            return wanted;
        }
        for (String raw : names) {
            String name = cleaned(raw);
            if (name != null) {
                check(name, "tags");
                wanted.add(name);
            }
        }
        if (wanted.size() > MAX_TAGS_PER_ARTICLE) {
            throw new InvalidInputException("tags", "tag.too-many", MAX_TAGS_PER_ARTICLE);
        }
        return wanted;
    }

    private static String checkedName(String raw, String field) {
        String name = cleaned(raw);
        if (name == null) {
            throw new InvalidInputException(field, "tag.new-name.required");
        }
        check(name, field);
        return name;
    }

    private static String cleaned(String raw) {
        String cleaned = PlainText.clean(raw);
        return cleaned == null || cleaned.isBlank() ? null : cleaned.trim();
    }

    private static void check(String name, String field) {
        if (name.length() > MAX_TAG_LENGTH) {
            throw new InvalidInputException(field, "tag.name.too-long", name, MAX_TAG_LENGTH);
        }
        if (name.contains("/") || name.contains("\\") || name.contains("?") || name.contains("#")
                || name.contains("%")) {
            throw new InvalidInputException(field, "tag.name.invalid", name);
        }
    }
}
