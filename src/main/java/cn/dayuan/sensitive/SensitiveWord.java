package cn.dayuan.sensitive;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A word the newsroom added to the dictionary ({@code allowed = false}) or took out of it ({@code allowed = true}). */
@Entity
class SensitiveWord {

    @Id
    private String word;
    private boolean allowed;
    private String createdBy;
    private Instant createdAt;

    protected SensitiveWord() {
    }

    SensitiveWord(String word, boolean allowed, String createdBy, Instant createdAt) {
        this.word = word;
        this.allowed = allowed;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    String getWord() {
        return word;
    }

    boolean isAllowed() {
        return allowed;
    }

    void setAllowed(boolean allowed) {
        this.allowed = allowed;
    }

    String getCreatedBy() {
        return createdBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
