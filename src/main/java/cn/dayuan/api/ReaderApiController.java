package cn.dayuan.api;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.Page;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ReaderLikes;
import cn.dayuan.captcha.CaptchaService;
import cn.dayuan.comment.CommentService;
import cn.dayuan.comment.CommentService.CommentDraft;
import cn.dayuan.comment.CommentService.Posted;
import cn.dayuan.comment.CommentService.ReaderComment;

/**
 * What readers' pages and apps call without an account: a captcha, comments, likes and the counters. Nothing here is
 * cached by a browser or a proxy.
 */
@RestController
class ReaderApiController {

    static final int MAX_COMMENT_PAGE_SIZE = 100;

    private final CaptchaService captcha;
    private final CommentService comments;
    private final ArticleService articles;
    private final ReaderLikes likes;
    private final ApiFormat format;

    ReaderApiController(CaptchaService captcha, CommentService comments, ArticleService articles, ReaderLikes likes,
                        ApiFormat format) {
        this.captcha = captcha;
        this.comments = comments;
        this.articles = articles;
        this.likes = likes;
        this.format = format;
    }

    record CaptchaResponse(String id, String image) {
    }

    @GetMapping("/api/v1/captcha")
    ResponseEntity<CaptchaResponse> captcha() {
        CaptchaService.Challenge challenge = captcha.issue();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new CaptchaResponse(challenge.id(), challenge.dataUri()));
    }

    record CommentRequest(String name, String content, String captchaId, String captchaAnswer, Long replyTo) {
    }

    @PostMapping("/api/v1/articles/{id}/comments")
    ResponseEntity<Posted> postComment(@PathVariable long id, @RequestBody CommentRequest request,
                                       HttpServletRequest http) {
        Posted posted = comments.post(id, new CommentDraft(request.name(), request.content(), request.replyTo(),
                request.captchaId(), request.captchaAnswer(), null), http.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(posted);
    }

    /** An approved comment; {@code place} is the poster's masked address. */
    record CommentResponse(long id, Long replyTo, String name, String content, String place, OffsetDateTime createdAt) {
    }

    @GetMapping("/api/v1/articles/{id}/comments")
    ResponseEntity<ArticleApiController.PageResponse<CommentResponse>> comments(
            @PathVariable long id, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size, MAX_COMMENT_PAGE_SIZE);
        Page<ReaderComment> found = comments.approved(id, page - 1, size);
        List<CommentResponse> items = found.getContent().stream().map(c -> new CommentResponse(c.id(), c.replyTo(),
                c.name(), c.content(), c.place(), format.time(c.createdAt()))).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(
                new ArticleApiController.PageResponse<>(items, page, size, found.getTotalElements(),
                        found.getTotalPages()));
    }

    record LikeResponse(long likes) {
    }

    @PostMapping("/api/v1/articles/{id}/like")
    ResponseEntity<LikeResponse> like(@PathVariable long id, HttpServletRequest http) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new LikeResponse(likes.like(id, http.getRemoteAddr()).likes()));
    }

    record CountersResponse(long views, long likes, long comments) {
    }

    @GetMapping("/api/v1/articles/{id}/counters")
    ResponseEntity<CountersResponse> counters(@PathVariable long id) {
        ArticleService.Counts counts = articles.publicCounts(id);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new CountersResponse(counts.views(), counts.likes(), counts.comments()));
    }
}
