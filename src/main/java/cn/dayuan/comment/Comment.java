package cn.dayuan.comment;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A reader's comment on an article, stored as typed (plain text) and shown escaped. */
@Entity
@Table(name = "reader_comment")
class Comment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long articleId;
    private Long replyTo;
    private String authorName;
    private String content;
    @Enumerated(EnumType.STRING)
    private CommentStatus status;
    /** The sensitive words found when it was posted, separated by {@link #WORD_SEPARATOR}; null when none. */
    private String flaggedWords;
    private String clientAddress;
    private Instant createdAt;
    private Instant decidedAt;
    private String decidedBy;
    @Version
    private long version;

    static final String WORD_SEPARATOR = "\n";

    protected Comment() {
    }

    Comment(long articleId, Long replyTo, String authorName, String content, CommentStatus status,
            String flaggedWords, String clientAddress, Instant createdAt) {
        this.articleId = articleId;
        this.replyTo = replyTo;
        this.authorName = authorName;
        this.content = content;
        this.status = status;
        this.flaggedWords = flaggedWords;
        this.clientAddress = clientAddress;
        this.createdAt = createdAt;
    }

    void decide(CommentStatus status, String actor, Instant at) {
        this.status = status;
        this.decidedBy = actor;
        this.decidedAt = at;
    }

    Long getId() {
        return id;
    }

    long getArticleId() {
        return articleId;
    }

    Long getReplyTo() {
        return replyTo;
    }

    String getAuthorName() {
        return authorName;
    }

    String getContent() {
        return content;
    }

    CommentStatus getStatus() {
        return status;
    }

    String getFlaggedWords() {
        return flaggedWords;
    }

    String getClientAddress() {
        return clientAddress;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getDecidedAt() {
        return decidedAt;
    }

    String getDecidedBy() {
        return decidedBy;
    }
}
