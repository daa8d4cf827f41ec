package cn.dayuan.api;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.dayuan.tag.TagService;
import cn.dayuan.tag.TagView;

/**
 * Tags (关键词): everyone in the newsroom reads them with their article counts; editors and administrators rename,
 * merge and delete them. An old name keeps answering: its public pages 301 to the tag's page.
 */
@RestController
@RequestMapping("/api/v1/tags")
class TagApiController {

    static final int MAX_PAGE_SIZE = 200;

    private final TagService tags;
    private final ApiFormat format;

    TagApiController(TagService tags, ApiFormat format) {
        this.tags = tags;
        this.format = format;
    }

    /** @param articles how many articles carry the tag, drafts included; {@code aliases} are its old names */
    record TagResponse(long id, String name, String url, long articles, List<String> aliases) {
    }

    record RenameRequest(String name) {
    }

    record MergeRequest(Long into) {
    }

    /** Tags whose name contains {@code q}, most used first; {@code page} starts at 1. */
    @GetMapping
    ArticleApiController.PageResponse<TagResponse> list(@RequestParam(required = false) String q,
                                                        @RequestParam(defaultValue = "1") int page,
                                                        @RequestParam(defaultValue = "50") int size) {
        Paging.check(page, size, MAX_PAGE_SIZE);
        Page<TagView> found = tags.list(q, page - 1, size);
        return new ArticleApiController.PageResponse<>(found.getContent().stream().map(this::response).toList(),
                page, size, found.getTotalElements(), found.getTotalPages());
    }

    @GetMapping("/{id}")
    TagResponse get(@PathVariable long id) {
        return response(tags.get(id));
    }

    /** {@code {"name": "新名称"}}; the old name becomes an alias. 409 if another tag has the name (merge instead). */
    @PutMapping("/{id}")
    TagResponse rename(@PathVariable long id, @RequestBody RenameRequest request) {
        return response(tags.rename(id, request.name()));
    }

    /** {@code {"into": 12}}: the articles of this tag get tag 12, this tag goes; answers tag 12. */
    @PostMapping("/{id}/merge")
    TagResponse merge(@PathVariable long id, @RequestBody MergeRequest request) {
        return response(tags.merge(id, request.into()));
    }

    /** Takes the tag off every article and deletes it; its pages answer 404. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        tags.delete(id);
        return ResponseEntity.noContent().build();
    }

    private TagResponse response(TagView tag) {
        return new TagResponse(tag.id(), tag.name(), format.absolute(tag.url()), tag.articleCount(), tag.aliases());
    }
}
