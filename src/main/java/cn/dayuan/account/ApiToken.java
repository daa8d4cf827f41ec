package cn.dayuan.account;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A personal API token. Only its SHA-256 is stored; the token itself is shown once, when created. */
@Entity
public class ApiToken {

    /** How far the recorded last use may lag behind the real one. */
    static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id")
    private Account account;

    private String name;
    private String tokenHash;
    private String tokenPrefix;
    private Instant createdAt;
    private Instant lastUsedAt;

    protected ApiToken() {
    }

    ApiToken(Account account, String name, String tokenHash, String tokenPrefix) {
        this.account = account;
        this.name = name;
        this.tokenHash = tokenHash;
        this.tokenPrefix = tokenPrefix;
        this.createdAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public Account getAccount() {
        return account;
    }

    public String getName() {
        return name;
    }

    public String getTokenPrefix() {
        return tokenPrefix;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    /**
     * Notes a use to the minute: a script calling the API many times a second would otherwise write (and, on the
     * embedded database, wait for the disk) on every call just to move this time by milliseconds.
     */
    void recordUse() {
        Instant now = Instant.now();
        if (lastUsedAt == null || lastUsedAt.isBefore(now.minus(USE_RECORDED_EVERY))) {
            this.lastUsedAt = now;
        }
    }
}
