package cn.dayuan.api;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.dayuan.curation.TopicService;

/**
 * Special topics (专题), written by editors: {@code sections} are {@code {"title","tag"}} (the tag's newest
 * articles) or {@code {"title","articles":[ids]}} (picked by hand, in order). A PUT with the {@code version} read
 * before is refused (409) when someone saved the topic in between.
 */
@RestController
@RequestMapping("/api/v1/topics")
class TopicApiController {

    private final TopicService topics;
    private final ApiFormat format;

    TopicApiController(TopicService topics, ApiFormat format) {
        this.topics = topics;
        this.format = format;
    }

    record TopicRequest(String slug, String title, String banner, String introduction, Boolean published,
                        List<TopicService.Section> sections, Long version) {

        TopicService.TopicDraft draft() {
            return new TopicService.TopicDraft(slug, title, banner, introduction, Boolean.TRUE.equals(published),
                    sections);
        }
    }

    record TopicResponse(long id, String slug, String title, String url, String banner, String introduction,
                         boolean published, List<TopicService.Section> sections, long version,
                         OffsetDateTime updatedAt, String updatedBy) {
    }

    @GetMapping
    List<TopicResponse> list(Principal principal) {
        return topics.all(principal.getName()).stream().map(this::response).toList();
    }

    @GetMapping("/{id}")
    TopicResponse get(@PathVariable long id, Principal principal) {
        return response(topics.get(id, principal.getName()));
    }

    @PostMapping
    ResponseEntity<TopicResponse> create(@RequestBody TopicRequest request, Principal principal) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(response(topics.create(request.draft(), principal.getName())));
    }

    @PutMapping("/{id}")
    TopicResponse update(@PathVariable long id, @RequestBody TopicRequest request, Principal principal) {
        return response(topics.update(id, request.draft(), request.version(), principal.getName()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, Principal principal) {
        topics.delete(id, principal.getName());
        return ResponseEntity.noContent().build();
    }

    private TopicResponse response(TopicService.TopicView t) {
        return new TopicResponse(t.id(), t.slug(), t.title(), format.absolute(t.url()), t.banner(), t.introduction(),
                t.published(), t.sections(), t.version(), format.time(t.updatedAt()), t.updatedBy());
    }
}
