package cn.dayuan.api;

import java.security.Principal;
import java.time.OffsetDateTime;

import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.dayuan.article.ArticleService;

/**
 * The recycle bin: deleted articles wait here (off the site) until an administrator restores or purges them, or
 * {@code dayuan.trash-retention} has passed. Editors see it; the article service decides who may do what.
 */
@RestController
class TrashApiController {

    private final ArticleService articles;
    private final ApiFormat format;

    TrashApiController(ArticleService articles, ApiFormat format) {
        this.articles = articles;
        this.format = format;
    }

    record TrashItem(long id, String title, String channel, String url, OffsetDateTime trashedAt, String trashedBy,
                     OffsetDateTime purgedAt) {
    }

    @GetMapping("/api/v1/trash")
    ArticleApiController.PageResponse<TrashItem> list(@RequestParam(defaultValue = "1") int page,
                                                      @RequestParam(defaultValue = "20") int size,
                                                      Principal principal) {
        Paging.check(page, size, ArticleApiController.MAX_PAGE_SIZE);
        Page<ArticleService.TrashedArticle> found = articles.trash(page - 1, size, principal.getName());
        return new ArticleApiController.PageResponse<>(found.getContent().stream().map(t -> new TrashItem(
                t.article().id(), t.article().title(), t.article().channelPath(), format.absolute(t.article().url()),
                format.time(t.trashedAt()), t.trashedBy(), format.time(t.purgedAt()))).toList(), page, size,
                found.getTotalElements(), found.getTotalPages());
    }

    @PostMapping("/api/v1/trash/{id}/restore")
    ResponseEntity<Void> restore(@PathVariable long id, Principal principal) {
        articles.restoreFromTrash(id, principal.getName());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/trash/{id}")
    ResponseEntity<Void> purge(@PathVariable long id, Principal principal) {
        articles.purge(id, principal.getName());
        return ResponseEntity.noContent().build();
    }
}
