package cn.dayuan.report;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** One 举报 and what became of it. */
@Entity
class ReportCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String caseNumber;
    @Enumerated(EnumType.STRING)
    private ReportKind kind;
    private String url;
    private Long articleId;
    private Long commentId;
    private String description;
    private String contactName;
    private String contact;
    private String clientAddress;
    @Enumerated(EnumType.STRING)
    private ReportStatus status;
    private String resolution;
    private Instant createdAt;
    private Instant dueAt;
    private Instant handledAt;
    private String handledBy;
    @Version
    private long version;

    protected ReportCase() {
    }

    ReportCase(String caseNumber, ReportKind kind, String url, Long articleId, Long commentId, String description,
               String contactName, String contact, String clientAddress, Instant createdAt, Instant dueAt) {
        this.caseNumber = caseNumber;
        this.kind = kind;
        this.url = url;
        this.articleId = articleId;
        this.commentId = commentId;
        this.description = description;
        this.contactName = contactName;
        this.contact = contact;
        this.clientAddress = clientAddress;
        this.status = ReportStatus.NEW;
        this.createdAt = createdAt;
        this.dueAt = dueAt;
    }

    void moveTo(ReportStatus status, String resolution, String actor, Instant at) {
        this.status = status;
        if (resolution != null) {
            this.resolution = resolution;
        }
        if (!status.open()) {
            this.handledAt = at;
            this.handledBy = actor;
        }
    }

    Long getId() {
        return id;
    }

    String getCaseNumber() {
        return caseNumber;
    }

    ReportKind getKind() {
        return kind;
    }

    String getUrl() {
        return url;
    }

    Long getArticleId() {
        return articleId;
    }

    Long getCommentId() {
        return commentId;
    }

    String getDescription() {
        return description;
    }

    String getContactName() {
        return contactName;
    }

    String getContact() {
        return contact;
    }

    String getClientAddress() {
        return clientAddress;
    }

    ReportStatus getStatus() {
        return status;
    }

    String getResolution() {
        return resolution;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getDueAt() {
        return dueAt;
    }

    Instant getHandledAt() {
        return handledAt;
    }

    String getHandledBy() {
        return handledBy;
    }
}
