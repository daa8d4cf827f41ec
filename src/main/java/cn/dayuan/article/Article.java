package cn.dayuan.article;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

import cn.dayuan.account.Account;
import cn.dayuan.channel.Channel;
import cn.dayuan.tag.Tag;

/** A news article with everything its page shows: byline, source, rights, tags and counters. */
@Entity
public class Article {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "channel_id")
    private Channel channel;

    private String title;
    private String subtitle;
    private String summary;
    private String body;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "publisher_id")
    private Account publisher;

    private String author;
    private String sourceName;
    private String sourceUrl;
    private String editor;
    @Enumerated(EnumType.STRING)
    private RightsType rightsType;
    @Enumerated(EnumType.STRING)
    private ArticleStatus status;
    private Instant publishedAt;
    private String coverImage;
    private boolean headline;
    private boolean pinned;
    private boolean commentsOpen;
    /** Published for a time still ahead, and not yet announced as gone live (see ArticleService). */
    private boolean awaitingGoLive;
    private long viewCount;
    private long likeCount;
    private int commentCount;
    private String correctionNote;
    private Instant correctedAt;
    @Enumerated(EnumType.STRING)
    private Validity validity = Validity.IN_FORCE;
    private String originalTitle;
    private String originalAuthor;
    private Instant originalPublishedAt;
    /** While PENDING, the review level awaiting sign-off (1..3); 0 otherwise. */
    private int reviewLevel;
    /** Why the last reviewer sent it back; shown to its author until it is submitted again. */
    private String rejectionReason;
    @Enumerated(EnumType.STRING)
    private ArticleStatus statusBeforeTrash;
    private Instant trashedAt;
    private String trashedBy;
    private Instant createdAt;
    private Instant updatedAt;
    /** {@link SimilarArticles}' choice at the last save, comma-separated; null until one was made. */
    private String similarIds;
    @Version
    private long version;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "article_tag", joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    @OrderColumn(name = "tag_order")
    private List<Tag> tags = new ArrayList<>();

    protected Article() {
    }

    Article(Account publisher) {
        this.publisher = publisher;
        this.createdAt = now();
        this.updatedAt = createdAt;
    }

    void apply(ArticleDraft draft, Channel channel, List<Tag> tags) {
        this.channel = channel;
        this.title = draft.title();
        this.subtitle = draft.subtitle();
        this.summary = draft.summary();
        this.body = draft.body();
        this.author = draft.author();
        this.sourceName = draft.source();
        this.sourceUrl = draft.sourceUrl();
        this.editor = draft.editor();
        this.rightsType = draft.rightsType();
        this.status = draft.status();
        this.publishedAt = stored(draft.publishedAt());
        this.coverImage = draft.coverImage();
        this.headline = draft.headline();
        this.pinned = draft.pinned();
        this.commentsOpen = draft.commentsOpen();
        Provenance provenance = draft.provenance() == null ? Provenance.NONE : draft.provenance();
        this.originalTitle = provenance.originalTitle();
        this.originalAuthor = provenance.originalAuthor();
        this.originalPublishedAt = stored(provenance.originalPublishedAt());
        this.tags = new ArrayList<>(tags);
        this.updatedAt = now();
        this.awaitingGoLive = isPublished() && publishedAt.isAfter(updatedAt);
    }

    void changeStatus(ArticleStatus status, Instant publishedAt) {
        if (status != ArticleStatus.PENDING) {
            this.reviewLevel = 0;
        }
        this.status = status;
        this.publishedAt = stored(publishedAt);
        this.updatedAt = now();
        this.awaitingGoLive = isPublished() && this.publishedAt.isAfter(updatedAt);
    }

    /** Sent to the first review level; a reason from an earlier rejection has been dealt with. */
    void submit() {
        changeStatus(ArticleStatus.PENDING, publishedAt);
        this.reviewLevel = 1;
        this.rejectionReason = null;
    }

    /** Signed off at its level: on to the next one. */
    void advanceReview() {
        this.reviewLevel++;
        this.updatedAt = now();
    }

    /** Sent back to its author as a draft, with the reviewer's reason. */
    void reject(String reason) {
        changeStatus(ArticleStatus.DRAFT, publishedAt);
        this.reviewLevel = 0;
        this.rejectionReason = reason;
    }

    /** Published at the end of its review (or by an editor without one). */
    void publish(Instant at, String responsibleEditor) {
        changeStatus(ArticleStatus.PUBLISHED, at);
        this.reviewLevel = 0;
        this.rejectionReason = null;
        if (editor == null || editor.isBlank()) {
            this.editor = responsibleEditor;
        }
    }

    void moveTo(Channel channel) {
        this.channel = channel;
        this.updatedAt = now();
    }

    /** Marks the article 已更正 with a note readers see, or (a null note) takes the mark away. */
    void correct(String note) {
        this.correctionNote = note;
        this.correctedAt = note == null ? null : now();
        this.updatedAt = now();
    }

    void changeValidity(Validity validity) {
        this.validity = validity;
        this.updatedAt = now();
    }

    void trash(String by) {
        this.statusBeforeTrash = status;
        this.status = ArticleStatus.TRASHED;
        this.trashedAt = now();
        this.trashedBy = by;
        this.awaitingGoLive = false;
    }

    /** Back from the recycle bin with the status it had, its URL, revisions and counters untouched. */
    void restoreFromTrash() {
        changeStatus(statusBeforeTrash == null ? ArticleStatus.DRAFT : statusBeforeTrash, publishedAt);
        this.statusBeforeTrash = null;
        this.trashedAt = null;
        this.trashedBy = null;
    }

    private boolean isPublished() {
        return status == ArticleStatus.PUBLISHED && publishedAt != null;
    }

    /** Times as the databases keep them (microseconds), so what a write answers equals what a later read gives. */
    private static Instant stored(Instant time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant now() {
        return stored(Instant.now());
    }

    /** Whether readers can see the article at {@code now}. */
    public boolean isPublicAt(Instant now) {
        return status == ArticleStatus.PUBLISHED && publishedAt != null && !publishedAt.isAfter(now);
    }

    public Long getId() {
        return id;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getTitle() {
        return title;
    }

    public String getSubtitle() {
        return subtitle;
    }

    public String getSummary() {
        return summary;
    }

    public String getBody() {
        return body;
    }

    public Account getPublisher() {
        return publisher;
    }

    public String getAuthor() {
        return author;
    }

    public String getSourceName() {
        return sourceName;
    }

    public String getSourceUrl() {
        return sourceUrl;
    }

    public String getEditor() {
        return editor;
    }

    public RightsType getRightsType() {
        return rightsType;
    }

    public ArticleStatus getStatus() {
        return status;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public String getCoverImage() {
        return coverImage;
    }

    public boolean isHeadline() {
        return headline;
    }

    public boolean isPinned() {
        return pinned;
    }

    public boolean isCommentsOpen() {
        return commentsOpen;
    }

    public long getViewCount() {
        return viewCount;
    }

    public long getLikeCount() {
        return likeCount;
    }

    public int getCommentCount() {
        return commentCount;
    }

    public String getCorrectionNote() {
        return correctionNote;
    }

    public Instant getCorrectedAt() {
        return correctedAt;
    }

    public Validity getValidity() {
        return validity;
    }

    public Provenance getProvenance() {
        return new Provenance(originalTitle, originalAuthor, originalPublishedAt);
    }

    public int getReviewLevel() {
        return reviewLevel;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public Instant getTrashedAt() {
        return trashedAt;
    }

    public String getTrashedBy() {
        return trashedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    public List<Tag> getTags() {
        return tags;
    }

    /** The ids of the articles most like this one, best first; empty until they were chosen. */
    List<Long> getSimilarIds() {
        return similarIds == null || similarIds.isEmpty() ? List.of()
                : Arrays.stream(similarIds.split(",")).map(Long::valueOf).toList();
    }

    /** Whether the similar articles were chosen (an empty choice counts: nothing was alike enough). */
    boolean hasSimilarChoice() {
        return similarIds != null;
    }

    /** @param ids null for no choice made */
    void setSimilarIds(List<Long> ids) {
        this.similarIds = ids == null ? null : similarIdsColumn(ids);
    }

    /** The ids as the {@code similar_ids} column holds them. */
    static String similarIdsColumn(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
