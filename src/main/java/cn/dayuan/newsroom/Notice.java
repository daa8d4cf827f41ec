package cn.dayuan.newsroom;

import java.io.Serializable;

/**
 * A message shown once at the top of the next page after an action; {@code publicUrl} links to the public page of
 * what was just published. Serializable: it crosses the redirect in the session, which a cluster keeps in Redis.
 */
public record Notice(boolean success, String message, String publicUrl) implements Serializable {

    /** Name of the flash attribute that carries a notice across a redirect. */
    static final String FLASH = "notice";

    static Notice success(String message) {
        return new Notice(true, message, null);
    }

    static Notice published(String message, String publicUrl) {
        return new Notice(true, message, publicUrl);
    }

    static Notice failure(String message) {
        return new Notice(false, message, null);
    }
}
