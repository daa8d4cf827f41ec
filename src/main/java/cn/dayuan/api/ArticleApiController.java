package cn.dayuan.api;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.dayuan.article.ArticleDetail;
import cn.dayuan.article.ArticleDraft;
import cn.dayuan.article.ArticleQuery;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.article.ArticleSummary;
import cn.dayuan.article.BulkAction;
import cn.dayuan.article.Provenance;
import cn.dayuan.article.ReviewDecision;
import cn.dayuan.article.RevisionDetail;
import cn.dayuan.article.RevisionSummary;
import cn.dayuan.article.RightsType;
import cn.dayuan.article.Validity;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.Texts;

/**
 * Articles: written as the signed-in account, which the article service checks (authors write and submit,
 * editors and administrators also publish, unpublish and change anyone's article).
 */
@RestController
class ArticleApiController {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    private final ArticleService articles;
    private final ApiFormat format;
    private final Texts texts;

    ArticleApiController(ArticleService articles, ApiFormat format, Texts texts) {
        this.texts = texts;
        this.articles = articles;
        this.format = format;
    }

    /**
     * The body of POST and PUT. Left-out fields mean: no subtitle/author/…, no tags (a tag gets a public page, so
     * only the names sent here become tags; {@code POST /api/v1/suggestions} proposes some from a body), summary
     * made from the text, rights {@code ORIGINAL}, status {@code DRAFT}, publish time "now" when published, comments
     * open, not a headline, not pinned. {@code version} (or an {@code If-Match} header with the ETag a GET gave)
     * makes a PUT fail with 409 when the article changed since.
     */
    record ArticleRequest(String title, String subtitle, String summary, String body, String channel, String author,
                          String source, String sourceUrl, String editor, List<String> tags, RightsType rightsType,
                          String publishedAt, ArticleStatus status, String coverImage, Boolean headline,
                          Boolean pinned, Boolean commentsOpen, Long version, String originalTitle,
                          String originalAuthor, String originalPublishedAt) {
    }

    /** An article with every field; the fields of {@link ArticleRequest} have the same names and shapes. */
    record ArticleResponse(long id, String url, String title, String subtitle, String summary, String body,
                           String channel, long channelId, String channelName, String author, String source,
                           String sourceUrl, String editor, List<String> tags, RightsType rightsType,
                           OffsetDateTime publishedAt, ArticleStatus status, String coverImage, boolean headline,
                           boolean pinned, boolean commentsOpen, String publisher, String publisherName,
                           long viewCount, long likeCount, int commentCount, OffsetDateTime createdAt,
                           OffsetDateTime updatedAt, long version, int reviewLevel, int reviewLevels,
                           List<ReviewResponse> reviews, String rejectionReason, Integer pendingRevision,
                           String notice, String correctionNote, OffsetDateTime correctedAt, Validity validity,
                           String originalTitle, String originalAuthor, OffsetDateTime originalPublishedAt) {
    }

    record CorrectionRequest(String note) {
    }

    record ValidityRequest(Validity validity) {
    }

    /** One step of the article's reviews; {@code level} 0 is an editor's publishing without the levels. */
    record ReviewResponse(int level, String account, String accountName, ReviewDecision decision,
                          OffsetDateTime time, String reason) {
    }

    record RejectRequest(String reason) {
    }

    record RevisionItem(int number, String account, OffsetDateTime time, List<String> fields, boolean pending) {
    }

    record RevisionResponse(int number, String account, OffsetDateTime time, List<String> fields, boolean pending,
                            String title, String subtitle, String summary, String body, String channel,
                            String author, String source, String sourceUrl, String editor, List<String> tags,
                            RightsType rightsType, ArticleStatus status, OffsetDateTime publishedAt,
                            String coverImage, boolean headline, boolean pinned, boolean commentsOpen) {
    }

    record ItemsResponse<T>(List<T> items) {
    }

    record ArticleListItem(long id, String url, String title, String subtitle, String summary, String channel,
                           long channelId, String channelName, ArticleStatus status, OffsetDateTime publishedAt,
                           OffsetDateTime updatedAt, String coverImage, boolean headline, boolean pinned,
                           long viewCount, int commentCount, Validity validity) {
    }

    /** One page of a list; {@code page} counts from 1. */
    record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
    }

    record SuggestionRequest(String body) {
    }

    /** {@code action}: SUBMIT, PUBLISH, UNPUBLISH, MOVE (with {@code channel}) or DELETE. */
    record BulkRequest(List<Long> ids, BulkAction action, String channel) {
    }

    record BulkResponse(int done) {
    }

    /**
     * Newsroom list, most recently changed first. {@code channel} includes its sub-channels, {@code q} is matched
     * against titles and bodies, {@code author} is a publisher's username or part of the byline, {@code from} and
     * {@code to} bound the publish time (creation time when unpublished), a day or a time; {@code page} starts at 1.
     */
    @GetMapping("/api/v1/articles")
    PageResponse<ArticleListItem> list(@RequestParam(required = false) String channel,
                                       @RequestParam(required = false) ArticleStatus status,
                                       @RequestParam(required = false) String q,
                                       @RequestParam(required = false) String author,
                                       @RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to,
                                       @RequestParam(defaultValue = "1") int page,
                                       @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size,
                                       Principal principal) {
        if (page < 1) {
            throw new InvalidInputException("page", "api.page.from-one");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "api.size.out-of-range", MAX_PAGE_SIZE);
        }
        Page<ArticleSummary> found = articles.search(new ArticleQuery(channel, status, q, author,
                format.parseTimeOrDay("from", from), format.parseTimeOrDay("to", to)), page - 1, size,
                principal.getName());
        return new PageResponse<>(found.getContent().stream().map(this::listItem).toList(), page, size,
                found.getTotalElements(), found.getTotalPages());
    }

    /** The article with its version as a strong ETag, for {@code If-Match} on a later PUT. */
    @GetMapping("/api/v1/articles/{id}")
    ResponseEntity<ArticleResponse> get(@PathVariable long id, Principal principal) {
        ArticleDetail article = articles.get(id, principal.getName());
        return ResponseEntity.ok().eTag(Long.toString(article.version()))
                .body(response(article, principal, null));
    }

    @PostMapping("/api/v1/articles")
    ResponseEntity<ArticleResponse> create(@RequestBody ArticleRequest request, Principal principal) {
        ArticleDetail created = articles.create(draft(request), principal.getName());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).eTag(Long.toString(created.version()))
                .body(response(created, principal, request));
    }

    /**
     * Replaces the whole article with the request, exactly as POST would have written it. A stale {@code version}
     * or {@code If-Match} is refused with 409; the problem lists the revisions saved meanwhile.
     */
    @PutMapping("/api/v1/articles/{id}")
    ResponseEntity<ArticleResponse> update(@PathVariable long id, @RequestBody ArticleRequest request,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           Principal principal) {
        ArticleDetail saved = articles.update(id, draft(request), principal.getName(), expectedVersion(ifMatch,
                request.version()));
        return ResponseEntity.ok().eTag(Long.toString(saved.version())).body(response(saved, principal, request));
    }

    @PostMapping("/api/v1/articles/{id}/approve")
    ArticleResponse approve(@PathVariable long id, Principal principal) {
        return response(articles.approve(id, principal.getName()), principal, null);
    }

    @PostMapping("/api/v1/articles/{id}/reject")
    ArticleResponse reject(@PathVariable long id, @RequestBody(required = false) RejectRequest request,
                           Principal principal) {
        return response(articles.reject(id, request == null ? null : request.reason(), principal.getName()),
                principal, null);
    }

    /** One action on many articles, all or none (the first refusal refuses the lot, with its reason). */
    @PostMapping("/api/v1/articles/bulk")
    BulkResponse bulk(@RequestBody BulkRequest request, Principal principal) {
        return new BulkResponse(articles.bulk(request.ids(), request.action(), request.channel(),
                principal.getName()));
    }

    /** Marks a published article 已更正 with a public note; an empty note takes the mark away. */
    @PostMapping("/api/v1/articles/{id}/correction")
    ArticleResponse correct(@PathVariable long id, @RequestBody CorrectionRequest request, Principal principal) {
        return response(articles.correct(id, request.note(), principal.getName()), principal, null);
    }

    /** {@code IN_FORCE}, {@code EXPIRED} (已失效) or {@code REPEALED} (已废止). */
    @PostMapping("/api/v1/articles/{id}/validity")
    ArticleResponse validity(@PathVariable long id, @RequestBody ValidityRequest request, Principal principal) {
        return response(articles.changeValidity(id, request.validity(), principal.getName()), principal, null);
    }

    @GetMapping("/api/v1/articles/{id}/revisions")
    ItemsResponse<RevisionItem> revisions(@PathVariable long id, Principal principal) {
        return new ItemsResponse<>(articles.revisions(id, principal.getName()).stream()
                .map(r -> new RevisionItem(r.number(), r.account(), format.time(r.time()), r.fields(), r.pending()))
                .toList());
    }

    @GetMapping("/api/v1/articles/{id}/revisions/{number}")
    RevisionResponse revision(@PathVariable long id, @PathVariable int number, Principal principal) {
        RevisionDetail r = articles.revision(id, number, principal.getName());
        RevisionSummary about = r.revision();
        return new RevisionResponse(about.number(), about.account(), format.time(about.time()), about.fields(),
                about.pending(), r.title(), r.subtitle(), r.summary(), r.body(), r.channel(), r.author(), r.source(),
                r.sourceUrl(), r.editor(), r.tags(), r.rightsType(), r.status(), format.time(r.publishedAt()),
                r.coverImage(), r.headline(), r.pinned(), r.commentsOpen());
    }

    /** Brings an old revision back as a new one (an editor restoring an author's pending revision puts it live). */
    @PostMapping("/api/v1/articles/{id}/revisions/{number}/restore")
    ArticleResponse restoreRevision(@PathVariable long id, @PathVariable int number, Principal principal) {
        return response(articles.restoreRevision(id, number, principal.getName()), principal, null);
    }

    @DeleteMapping("/api/v1/articles/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, Principal principal) {
        articles.delete(id, principal.getName());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/articles/{id}/publish")
    ArticleResponse publish(@PathVariable long id, Principal principal) {
        return response(articles.publish(id, principal.getName()), principal, null);
    }

    @PostMapping("/api/v1/articles/{id}/unpublish")
    ArticleResponse unpublish(@PathVariable long id, Principal principal) {
        return response(articles.unpublish(id, principal.getName()), principal, null);
    }

    @PostMapping("/api/v1/articles/{id}/submit")
    ArticleResponse submit(@PathVariable long id, Principal principal) {
        return response(articles.submitForReview(id, principal.getName()), principal, null);
    }

    /** Keywords and a summary suggested from a body (HTML or plain text). */
    @PostMapping("/api/v1/suggestions")
    ArticleService.Suggestions suggest(@RequestBody SuggestionRequest request) {
        if (request.body() == null || request.body().isBlank()) {
            throw new InvalidInputException("body", "api.article.body.required-for-suggestions");
        }
        return articles.suggest(request.body());
    }

    private ArticleDraft draft(ArticleRequest r) {
        return new ArticleDraft(r.title(), r.subtitle(), r.summary(), r.body(), r.channel(), r.author(), r.source(),
                r.sourceUrl(), r.editor(), r.tags(), r.rightsType(), format.parseTime("publishedAt", r.publishedAt()),
                r.status(), r.coverImage(), Boolean.TRUE.equals(r.headline()), Boolean.TRUE.equals(r.pinned()),
                !Boolean.FALSE.equals(r.commentsOpen()), new Provenance(r.originalTitle(), r.originalAuthor(),
                format.parseTime("originalPublishedAt", r.originalPublishedAt())));
    }

    /** The version a PUT expects: the {@code If-Match} ETag (quoted, maybe weak) or else the body's. */
    private static Long expectedVersion(String ifMatch, Long bodyVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return bodyVersion;
        }
        String tag = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "api.article.if-match.invalid");
        }
    }

    /** What the client should know about a save it asked for and did not get as asked. */
    private String notice(ArticleRequest request, ArticleDetail saved) {
        if (request == null) {
            return null;
        }
        if (request.status() == ArticleStatus.PUBLISHED && saved.status() == ArticleStatus.PENDING) {
            return texts.of("api.article.sent-to-review");
        }
        if (saved.pendingRevision() != null && saved.status() == ArticleStatus.PUBLISHED) {
            return texts.of("api.article.saved-pending", saved.pendingRevision());
        }
        return null;
    }

    private ArticleResponse response(ArticleDetail a, Principal principal, ArticleRequest request) {
        List<ReviewResponse> reviews = articles.reviews(a.id(), principal.getName()).stream()
                .map(r -> new ReviewResponse(r.level(), r.account(), r.accountName(), r.decision(),
                        format.time(r.time()), r.reason())).toList();
        return new ArticleResponse(a.id(), format.absolute(a.url()), a.title(), a.subtitle(), a.summary(), a.body(),
                a.channelPath(), a.channelId(), a.channelName(), a.author(), a.source(), a.sourceUrl(), a.editor(),
                a.tagNames(), a.rightsType(), format.time(a.publishedAt()), a.status(), a.coverImage(),
                a.headline(), a.pinned(), a.commentsOpen(), a.publisherUsername(), a.publisherName(),
                a.viewCount(), a.likeCount(), a.commentCount(), format.time(a.createdAt()),
                format.time(a.updatedAt()), a.version(), a.reviewLevel(), a.reviewLevels(), reviews,
                a.rejectionReason(), a.pendingRevision(), notice(request, a), a.correctionNote(),
                format.time(a.correctedAt()), a.validity(), a.provenance().originalTitle(),
                a.provenance().originalAuthor(), format.time(a.provenance().originalPublishedAt()));
    }

    private ArticleListItem listItem(ArticleSummary a) {
        return new ArticleListItem(a.id(), format.absolute(a.url()), a.title(), a.subtitle(), a.summary(),
                a.channelPath(), a.channelId(), a.channelName(), a.status(), format.time(a.publishedAt()),
                format.time(a.updatedAt()), a.coverImage(), a.headline(), a.pinned(), a.viewCount(),
                a.commentCount(), a.validity());
    }
}
