package cn.dayuan.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.dayuan.system.AuditEvent;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.PlainText;
import cn.dayuan.system.NotFoundException;

/** Personal API tokens for {@code Authorization: Bearer}. */
@Service
@Transactional(readOnly = true)
public class ApiTokenService {

    /** Tokens start with this, so leaked ones are easy to recognise in logs and secret scanners. */
    public static final String PREFIX = "dyt_";

    private final SecureRandom random = new SecureRandom();
    private final ApiTokenRepository tokens;
    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;

    ApiTokenService(ApiTokenRepository tokens, AccountRepository accounts, ApplicationEventPublisher events) {
        this.tokens = tokens;
        this.events = events;
        this.accounts = accounts;
    }

    /** A new token and its one-time plain text. */
    public record IssuedToken(ApiToken token, String plainText) {
    }

    @Transactional
    public IssuedToken issue(long accountId, String name) {
        String label = name == null ? "" : PlainText.clean(name).trim();
        if (label.isEmpty() || label.length() > 100) {
            throw new InvalidInputException("name", "account.token.name.invalid");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String plain = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken token = tokens.save(new ApiToken(accounts.findById(accountId)
                .orElseThrow(() -> new NotFoundException("account.not-found", accountId)), label, sha256(plain),
                plain.substring(0, PREFIX.length() + 6)));
        events.publishEvent(AuditEvent.of(null, "token.issue", "token:" + token.getId())
                .with("account", null, token.getAccount().getUsername()).with("name", null, label));
        return new IssuedToken(token, plain);
    }

    public List<ApiToken> findByAccount(long accountId) {
        return tokens.findByAccountIdOrderByIdDesc(accountId);
    }

    @Transactional
    public void revoke(long accountId, long tokenId) {
        ApiToken token = tokens.findById(tokenId)
                .filter(t -> t.getAccount().getId().equals(accountId))
                .orElseThrow(() -> new NotFoundException("account.token.not-found", tokenId));
        tokens.delete(token);
        events.publishEvent(AuditEvent.of(null, "token.revoke", "token:" + tokenId)
                .with("account", token.getAccount().getUsername(), null).with("name", token.getName(), null));
    }

    /** The enabled account a presented token belongs to. */
    @Transactional
    public Optional<Account> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(sha256(presented))
                .filter(token -> token.getAccount().isEnabled())
                .map(token -> {
                    token.recordUse();
                    return token.getAccount();
                });
    }

    private static String sha256(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
