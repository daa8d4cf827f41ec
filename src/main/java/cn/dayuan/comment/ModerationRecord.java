package cn.dayuan.comment;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** One decision on a comment, kept after the comment is deleted. */
@Entity
class ModerationRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long commentId;
    private long articleId;
    @Enumerated(EnumType.STRING)
    private ModerationAction action;
    private String actor;
    private Instant actedAt;

    protected ModerationRecord() {
    }

    ModerationRecord(long commentId, long articleId, ModerationAction action, String actor, Instant actedAt) {
        this.commentId = commentId;
        this.articleId = articleId;
        this.action = action;
        this.actor = actor;
        this.actedAt = actedAt;
    }

    long getCommentId() {
        return commentId;
    }

    ModerationAction getAction() {
        return action;
    }

    String getActor() {
        return actor;
    }

    Instant getActedAt() {
        return actedAt;
    }
}
