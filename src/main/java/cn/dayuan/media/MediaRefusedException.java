package cn.dayuan.media;

import cn.dayuan.system.ReadableException;

/** An upload that is not taken, and why: the web layers answer 413, 415 or 400 from the reason. */
public class MediaRefusedException extends ReadableException {

    public enum Reason {
        /** more bytes than {@link ImageIntake#MAX_BYTES} */
        TOO_LARGE,
        /** not a JPEG, PNG, GIF or WebP by its content, whatever its name says */
        NOT_AN_IMAGE,
        /** an image whose pixels cannot be read to the end */
        DAMAGED,
        /** more pixels or longer sides than a page can use (and a decompression bomb's way in) */
        TOO_MANY_PIXELS
    }

    private final Reason reason;

    MediaRefusedException(Reason reason, String key, Object... args) {
        super(key, args, null);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
