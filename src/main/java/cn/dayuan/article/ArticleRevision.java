package cn.dayuan.article;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * One save of an article, kept in full. A pending revision is an author's edit of a published article: it waits
 * for an editor to restore it, while readers keep seeing the live version.
 */
@Entity
public class ArticleRevision {

    private static final String TAG_SEPARATOR = "\n";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long articleId;
    private int revisionNumber;
    private String account;
    private Instant createdAt;
    private String changedFields;
    private boolean pending;
    private long articleVersion;
    private String title;
    private String subtitle;
    private String summary;
    private String body;
    private long channelId;
    private String author;
    private String sourceName;
    private String sourceUrl;
    private String editor;
    private String tags;
    @Enumerated(EnumType.STRING)
    private RightsType rightsType;
    @Enumerated(EnumType.STRING)
    private ArticleStatus status;
    private Instant publishedAt;
    private String coverImage;
    private boolean headline;
    private boolean pinned;
    private boolean commentsOpen;
    private String originalTitle;
    private String originalAuthor;
    private Instant originalPublishedAt;

    protected ArticleRevision() {
    }

    ArticleRevision(long articleId, int number, String account, List<String> changedFields, boolean pending,
                    long articleVersion, ArticleContent content) {
        this.articleId = articleId;
        this.revisionNumber = number;
        this.account = account;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        this.changedFields = String.join(",", changedFields);
        this.pending = pending;
        this.articleVersion = articleVersion;
        this.title = content.title();
        this.subtitle = content.subtitle();
        this.summary = content.summary();
        this.body = content.body();
        this.channelId = content.channelId();
        this.author = content.author();
        this.sourceName = content.source();
        this.sourceUrl = content.sourceUrl();
        this.editor = content.editor();
        this.tags = content.tags().isEmpty() ? null : String.join(TAG_SEPARATOR, content.tags());
        this.rightsType = content.rightsType();
        this.status = content.status();
        this.publishedAt = content.publishedAt();
        this.coverImage = content.coverImage();
        this.headline = content.headline();
        this.pinned = content.pinned();
        this.commentsOpen = content.commentsOpen();
        this.originalTitle = content.provenance().originalTitle();
        this.originalAuthor = content.provenance().originalAuthor();
        this.originalPublishedAt = content.provenance().originalPublishedAt();
    }

    ArticleContent content() {
        return new ArticleContent(title, subtitle, summary, body, channelId, author, sourceName, sourceUrl, editor,
                tags == null ? List.of() : List.of(tags.split(TAG_SEPARATOR)), rightsType, status, publishedAt,
                coverImage, headline, pinned, commentsOpen,
                new Provenance(originalTitle, originalAuthor, originalPublishedAt));
    }

    /** A pending revision that an editor restored, or that a later one replaced, is pending no more. */
    void settle() {
        this.pending = false;
    }

    public int getNumber() {
        return revisionNumber;
    }

    public String getAccount() {
        return account;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<String> getChangedFields() {
        return changedFields.isEmpty() ? List.of() : Arrays.asList(changedFields.split(","));
    }

    public boolean isPending() {
        return pending;
    }

    public long getArticleVersion() {
        return articleVersion;
    }
}
