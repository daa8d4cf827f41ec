package cn.dayuan.directory;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.dayuan.system.AuditEvent;
import cn.dayuan.system.ConflictException;
import cn.dayuan.system.ContentChangedEvent;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.NotFoundException;
import cn.dayuan.system.PageKeys;
import cn.dayuan.system.WebAddress;
import cn.dayuan.system.PlainText;

/** The public-service navigation: categories of government and public-service platforms and their links. */
@Service
@Transactional(readOnly = true)
public class DirectoryService {

    private final DirectoryCategoryRepository categories;
    private final DirectoryLinkRepository links;
    private final ApplicationEventPublisher events;

    DirectoryService(DirectoryCategoryRepository categories, DirectoryLinkRepository links,
                     ApplicationEventPublisher events) {
        this.categories = categories;
        this.links = links;
        this.events = events;
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
        String checkedName = text(name, "name", "分类名称", 100, true);
        if (categories.existsByName(checkedName)) {
            throw new ConflictException("分类已存在：" + checkedName);
        }
        DirectoryCategory category = categories.save(new DirectoryCategory(checkedName,
                text(description, "description", "分类说明", 500, false),
                sortOrder == null ? (int) categories.count() * 10 + 10 : sortOrder));
        changed(AuditEvent.of(null, "navigation.category.create", "category:" + category.getId())
                .with("name", null, category.getName()));
        return new DirectoryView.Category(category.getId(), category.getName(), category.getDescription(),
                category.getSortOrder(), java.util.List.of());
    }

    @Transactional
    public void updateCategory(long id, String name, String description, Integer sortOrder) {
        DirectoryCategory category = loadCategory(id);
        String checkedName = text(name, "name", "分类名称", 100, true);
        if (!checkedName.equals(category.getName()) && categories.existsByName(checkedName)) {
            throw new ConflictException("分类已存在：" + checkedName);
        }
        AuditEvent audit = AuditEvent.of(null, "navigation.category.update", "category:" + id)
                .with("name", category.getName(), checkedName);
        category.update(checkedName, text(description, "description", "分类说明", 500, false),
                sortOrder == null ? category.getSortOrder() : sortOrder);
        changed(audit);
    }

    /** Deletes a category together with its links. */
    @Transactional
    public void deleteCategory(long id) {
        DirectoryCategory category = loadCategory(id);
        categories.delete(category);
        changed(AuditEvent.of(null, "navigation.category.delete", "category:" + id)
                .with("name", category.getName(), null));
    }

    @Transactional
    public DirectoryView.Link createLink(long categoryId, String name, String url, String description,
                                         Integer sortOrder) {
        DirectoryCategory category = loadCategory(categoryId);
        DirectoryLink link = new DirectoryLink(category, text(name, "name", "链接名称", 100, true), checkUrl(url),
                text(description, "description", "链接说明", 500, false),
                sortOrder == null ? category.getLinks().size() * 10 + 10 : sortOrder);
        category.getLinks().add(link);
        links.save(link);
        changed(AuditEvent.of(null, "navigation.link.create", "link:" + link.getId())
                .with("name", null, link.getName()).with("url", null, link.getUrl()));
        return link(link);
    }

    @Transactional
    public DirectoryView.Link updateLink(long id, long categoryId, String name, String url, String description,
                                         Integer sortOrder) {
        DirectoryLink link = loadLink(id);
        DirectoryCategory category = loadCategory(categoryId);
        String nameBefore = link.getName();
        String urlBefore = link.getUrl();
        link.update(text(name, "name", "链接名称", 100, true), checkUrl(url),
                text(description, "description", "链接说明", 500, false),
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
        DirectoryLink link = loadLink(id);
        link.getCategory().getLinks().remove(link);
        links.delete(link);
        changed(AuditEvent.of(null, "navigation.link.delete", "link:" + id).with("name", link.getName(), null)
                .with("url", link.getUrl(), null));
    }

    private DirectoryCategory loadCategory(long id) {
        return categories.findById(id).orElseThrow(() -> new NotFoundException("导航分类不存在：" + id));
    }

    private DirectoryLink loadLink(long id) {
        return links.findById(id).orElseThrow(() -> new NotFoundException("导航链接不存在：" + id));
    }

    private void changed(AuditEvent audit) {
        events.publishEvent(ContentChangedEvent.of(PageKeys.DIRECTORY));
        events.publishEvent(audit);
    }

    private static DirectoryView.Link link(DirectoryLink l) {
        return new DirectoryView.Link(l.getId(), l.getCategory().getId(), l.getName(), l.getUrl(),
                l.getDescription(), l.getSortOrder());
    }

    private static String text(String value, String field, String label, int max, boolean required) {
        String trimmed = value == null ? "" : PlainText.clean(value).trim();
        if (trimmed.isEmpty()) {
            if (required) {
                throw new InvalidInputException(field, "请填写" + label);
            }
            return null;
        }
        if (trimmed.length() > max) {
            throw new InvalidInputException(field, label + "不能超过 " + max + " 个字符");
        }
        return trimmed;
    }

    private static String checkUrl(String value) {
        String url = text(value, "url", "网址", 500, true);
        if (WebAddress.isHttp(url)) {
            return url;
        }
        throw new InvalidInputException("url", "网址须以 http:// 或 https:// 开头，例如 https://www.gov.cn");
    }
}
