package cn.dayuan.report;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** One step taken on a case: the case's audit record. */
@Entity
class ReportAction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long caseId;
    @Enumerated(EnumType.STRING)
    private ReportStep action;
    private String actor;
    private Instant actedAt;
    private String note;

    protected ReportAction() {
    }

    ReportAction(long caseId, ReportStep action, String actor, Instant actedAt, String note) {
        this.caseId = caseId;
        this.action = action;
        this.actor = actor;
        this.actedAt = actedAt;
        this.note = note;
    }

    ReportStep getAction() {
        return action;
    }

    String getActor() {
        return actor;
    }

    Instant getActedAt() {
        return actedAt;
    }

    String getNote() {
        return note;
    }
}
