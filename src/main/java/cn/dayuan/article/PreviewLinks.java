package cn.dayuan.article;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring addresses of an article's preview, to share with someone outside the newsroom: HMAC-SHA256 of
 * the article id and the expiry, with a key kept in the database so that every node of a cluster signs and checks
 * alike. The key is made on first use; two nodes making it at once keep the first one stored.
 */
@Component
class PreviewLinks {

    private static final String KEY = "preview.signing-key";

    private final JdbcTemplate jdbc;
    private volatile byte[] key;

    PreviewLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    String link(long articleId, Instant expires) {
        long seconds = expires.getEpochSecond();
        return "/preview/" + articleId + "?expires=" + seconds + "&signature=" + sign(articleId, seconds);
    }

    boolean valid(long articleId, long expires, String signature) {
        if (signature == null || Instant.now().getEpochSecond() > expires) {
            return false;
        }
        return MessageDigest.isEqual(sign(articleId, expires).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(long articleId, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((articleId + ":" + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            known = HexFormat.of().parseHex(stored() != null ? stored() : created());
            key = known;
        }
        return known;
    }

    private String stored() {
        return jdbc.queryForList("SELECT setting_value FROM review_setting WHERE setting_key = ?", String.class, KEY)
                .stream().findFirst().orElse(null);
    }

    private String created() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
            jdbc.update("INSERT INTO review_setting (setting_key, setting_value) VALUES (?, ?)", KEY,
                    HexFormat.of().formatHex(fresh));
        } catch (DataIntegrityViolationException anotherNodeWasFirst) {
            // its key is the one stored
        }
        return stored();
    }
}
