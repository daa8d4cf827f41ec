package cn.dayuan.directory;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.dayuan.account.Permissions;
import cn.dayuan.account.Role;
import cn.dayuan.system.AuditEvent;
import cn.dayuan.system.ConflictException;
import cn.dayuan.system.ContentChangedEvent;
import cn.dayuan.system.InputRules;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.NotFoundException;
import cn.dayuan.system.PageKeys;
import cn.dayuan.system.PlainText;
import cn.dayuan.system.WebAddress;

/** The public-service navigation: categories of government and public-service platforms and their links. */
@Service
@Transactional(readOnly = true)
public class DirectoryService {

    private final DirectoryCategoryRepository categories;
    private final DirectoryLinkRepository links;
    private final ApplicationEventPublisher events;
    private final InputRules rules;

    private final Permissions permissions;

    DirectoryService(DirectoryCategoryRepository categories, DirectoryLinkRepository links,
                     ApplicationEventPublisher events, InputRules rules, Permissions permissions) {
        this.permissions = permissions;
        this.categories = categories;
        this.links = links;
        this.events = events;
        this.rules = rules;
    }

    /** The whole navigation, as every public page's sidebar shows it; read once and kept until it changes. */
    @Cacheable(cacheNames = PageKeys.DIRECTORY, sync = true)
    public DirectoryView view() {
        return new DirectoryView(categories.findAllWithLinks().stream()
                .map(c -> new DirectoryView.Category(c.getId(), c.getName(), c.getDescription(), c.getSortOrder(),
                        c.getLinks().stream().map(DirectoryService::link).toList()))
                .toList());
    }

    public DirectoryView.Link link(long id) {
        return link(loadLink(id));
    }

    @Transactional
    public DirectoryView.Category createCategory(String name, String description, Integer sortOrder) {
        permissions.require(Role.EDITOR);
        CategoryFields fields = rules.check(new CategoryFields(text(name), text(description)));
        String checkedName = fields.name();
        if (categories.existsByName(checkedName)) {
            throw new ConflictException("directory.category.taken", checkedName);
        }
        DirectoryCategory category = categories.save(new DirectoryCategory(checkedName, fields.description(),
                sortOrder == null ? (int) categories.count() * 10 + 10 : sortOrder));
        changed(AuditEvent.of(null, "navigation.category.create", "category:" + category.getId())
                .with("name", null, category.getName()));
        return new DirectoryView.Category(category.getId(), category.getName(), category.getDescription(),
                category.getSortOrder(), java.util.List.of());
    }

    @Transactional
    public void updateCategory(long id, String name, String description, Integer sortOrder) {
        permissions.require(Role.EDITOR);
        DirectoryCategory category = loadCategory(id);
        CategoryFields fields = rules.check(new CategoryFields(text(name), text(description)));
        String checkedName = fields.name();
        if (!checkedName.equals(category.getName()) && categories.existsByName(checkedName)) {
            throw new ConflictException("directory.category.taken", checkedName);
        }
        AuditEvent audit = AuditEvent.of(null, "navigation.category.update", "category:" + id)
                .with("name", category.getName(), checkedName);
        category.update(checkedName, fields.description(),
                sortOrder == null ? category.getSortOrder() : sortOrder);
        changed(audit);
    }

    /** Deletes a category together with its links. */
    @Transactional
    public void deleteCategory(long id) {
        permissions.require(Role.EDITOR);
        DirectoryCategory category = loadCategory(id);
        categories.delete(category);
        changed(AuditEvent.of(null, "navigation.category.delete", "category:" + id)
                .with("name", category.getName(), null));
    }

    @Transactional
    public DirectoryView.Link createLink(Long categoryId, String name, String url, String description,
                                         Integer sortOrder) {
        permissions.require(Role.EDITOR);
        DirectoryCategory category = categoryOfLink(categoryId);
        LinkFields fields = check(new LinkFields(text(name), text(url), text(description)));
        DirectoryLink link = new DirectoryLink(category, fields.name(), fields.url(), fields.description(),
                sortOrder == null ? category.getLinks().size() * 10 + 10 : sortOrder);
        category.getLinks().add(link);
        links.save(link);
        changed(AuditEvent.of(null, "navigation.link.create", "link:" + link.getId())
                .with("name", null, link.getName()).with("url", null, link.getUrl()));
        return link(link);
    }

    @Transactional
    public DirectoryView.Link updateLink(long id, Long categoryId, String name, String url, String description,
                                         Integer sortOrder) {
        permissions.require(Role.EDITOR);
        DirectoryLink link = loadLink(id);
        DirectoryCategory category = categoryOfLink(categoryId);
        LinkFields fields = check(new LinkFields(text(name), text(url), text(description)));
        String nameBefore = link.getName();
        String urlBefore = link.getUrl();
        link.update(fields.name(), fields.url(), fields.description(),
                sortOrder == null ? link.getSortOrder() : sortOrder);
        if (!category.getId().equals(link.getCategory().getId())) {
            link.getCategory().getLinks().remove(link);
            link.moveTo(category);
            category.getLinks().add(link);
        }
        changed(AuditEvent.of(null, "navigation.link.update", "link:" + id).with("name", nameBefore, link.getName())
                .with("url", urlBefore, link.getUrl()));
        return link(link);
    }

    @Transactional
    public void deleteLink(long id) {
        permissions.require(Role.EDITOR);
        DirectoryLink link = loadLink(id);
        link.getCategory().getLinks().remove(link);
        links.delete(link);
        changed(AuditEvent.of(null, "navigation.link.delete", "link:" + id).with("name", link.getName(), null)
                .with("url", link.getUrl(), null));
    }

    private DirectoryCategory loadCategory(long id) {
        return categories.findById(id).orElseThrow(() -> new NotFoundException("directory.category.not-found", id));
    }

    private DirectoryLink loadLink(long id) {
        return links.findById(id).orElseThrow(() -> new NotFoundException("directory.link.not-found", id));
    }

    private void changed(AuditEvent audit) {
        events.publishEvent(ContentChangedEvent.of(PageKeys.DIRECTORY));
        events.publishEvent(audit);
    }

    private static DirectoryView.Link link(DirectoryLink l) {
        return new DirectoryView.Link(l.getId(), l.getCategory().getId(), l.getName(), l.getUrl(),
                l.getDescription(), l.getSortOrder());
    }

    /** A text as it is stored: cleaned of what XML cannot carry and trimmed; a blank one is null. */
    private static String text(String value) {
        String trimmed = value == null ? "" : PlainText.clean(value).trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private LinkFields check(LinkFields fields) {
        rules.check(fields);
        if (!WebAddress.isHttp(fields.url())) {
            throw new InvalidInputException("url", "directory.link.url.invalid");
        }
        return fields;
    }

    /** A category's texts as they are stored, judged by the input rules. */
    record CategoryFields(
            @NotNull(message = "{directory.category.name.required}")
            @Size(max = 100, message = "{directory.category.name.too-long}") String name,
            @Size(max = 500, message = "{directory.category.description.too-long}") String description) {
    }

    /** A link's texts as they are stored, judged by the input rules. */
    record LinkFields(
            @NotNull(message = "{directory.link.name.required}")
            @Size(max = 100, message = "{directory.link.name.too-long}") String name,
            @NotNull(message = "{directory.link.url.required}")
            @Size(max = 500, message = "{directory.link.url.too-long}") String url,
            @Size(max = 500, message = "{directory.link.description.too-long}") String description) {
    }

    /** A link's category is part of its input: a missing or unknown one is refused on {@code categoryId}. */
    private DirectoryCategory categoryOfLink(Long categoryId) {
        if (categoryId == null) {
            throw new InvalidInputException("categoryId", "directory.link.category-id.required");
        }
        return categories.findById(categoryId)
                .orElseThrow(() -> new InvalidInputException("categoryId", "directory.category.not-found", categoryId));
    }
}
