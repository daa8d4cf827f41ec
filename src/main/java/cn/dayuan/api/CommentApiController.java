package cn.dayuan.api;

import java.security.Principal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.dayuan.account.Permissions;
import cn.dayuan.account.Role;
import cn.dayuan.comment.CommentService.QueueItem;
import cn.dayuan.comment.CommentService;
import cn.dayuan.comment.CommentStatus;
import cn.dayuan.comment.ModerationAction;
import cn.dayuan.system.InvalidInputException;

/**
 * The moderation queue for editors: list and filter comments, approve, reject, mark as spam, delete, one at a time
 * or many at once. The poster's full address is shown to administrators, a masked one to editors.
 */
@RestController
class CommentApiController {

    private final CommentService comments;
    private final ApiFormat format;

    private final Permissions permissions;

    CommentApiController(CommentService comments, ApiFormat format, Permissions permissions) {
        this.permissions = permissions;
        this.comments = comments;
        this.format = format;
    }

    /** Every page and action here is for editors: refused before any input is looked at. */
    @ModelAttribute
    void editorsOnly() {
        permissions.require(Role.EDITOR);
    }

    record CommentResponse(long id, long article, String articleTitle, String articleUrl, Long replyTo, String name,
                           String content, CommentStatus status, List<String> sensitiveWords, String address,
                           OffsetDateTime createdAt, String decidedBy, OffsetDateTime decidedAt) {
    }

    /** Newest first; {@code from} and {@code to} are days (yyyy-MM-dd, both included) in the site's time zone. */
    @GetMapping("/api/v1/comments")
    ArticleApiController.PageResponse<CommentResponse> list(@RequestParam(required = false) CommentStatus status,
                                                            @RequestParam(required = false) Long article,
                                                            @RequestParam(required = false) LocalDate from,
                                                            @RequestParam(required = false) LocalDate to,
                                                            @RequestParam(defaultValue = "1") int page,
                                                            @RequestParam(defaultValue = "20") int size,
                                                            Authentication who) {
        Paging.check(page, size, ArticleApiController.MAX_PAGE_SIZE);
        Page<QueueItem> found = comments.queue(status, article, from == null ? null : format.startOf(from),
                to == null ? null : format.startOf(to.plusDays(1)), page - 1, size);
        boolean admin = who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        return new ArticleApiController.PageResponse<>(found.getContent().stream().map(c -> response(c, admin)).toList(),
                page, size, found.getTotalElements(), found.getTotalPages());
    }

    private CommentResponse response(QueueItem c, boolean admin) {
        return new CommentResponse(c.id(), c.articleId(), c.articleTitle(),
                c.articleUrl() == null ? null : format.absolute(c.articleUrl()), c.replyTo(), c.name(), c.content(),
                c.status(), c.flaggedWords(), admin ? c.clientAddress() : CommentService.maskAddress(c.clientAddress()),
                format.time(c.createdAt()), c.decidedBy(), c.decidedAt() == null ? null : format.time(c.decidedAt()));
    }

    @PostMapping("/api/v1/comments/{id}/approve")
    CommentResponse approve(@PathVariable long id, Authentication who) {
        return decide(id, ModerationAction.APPROVE, who);
    }

    @PostMapping("/api/v1/comments/{id}/reject")
    CommentResponse reject(@PathVariable long id, Authentication who) {
        return decide(id, ModerationAction.REJECT, who);
    }

    @PostMapping("/api/v1/comments/{id}/spam")
    CommentResponse spam(@PathVariable long id, Authentication who) {
        return decide(id, ModerationAction.SPAM, who);
    }

    @DeleteMapping("/api/v1/comments/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, Principal principal) {
        comments.decide(List.of(id), ModerationAction.DELETE, principal.getName());
        return ResponseEntity.noContent().build();
    }

    record BulkRequest(List<Long> ids, ModerationAction action) {
    }

    record BulkResponse(int changed) {
    }

    /** One decision for many comments: all of them or, if one id is unknown, none. */
    @PostMapping("/api/v1/comments/bulk")
    BulkResponse bulk(@RequestBody BulkRequest request, Principal principal) {
        if (request.action() == null) {
            throw new InvalidInputException("action", "api.comment.action.required");
        }
        return new BulkResponse(comments.decide(request.ids(), request.action(), principal.getName()));
    }

    private CommentResponse decide(long id, ModerationAction action, Authentication who) {
        comments.decide(List.of(id), action, who.getName());
        boolean admin = who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        return response(comments.get(id), admin);
    }
}
