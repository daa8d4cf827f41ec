package cn.dayuan.system;

/**
 * Text as typed by a person, made safe to keep: what XML 1.0 cannot carry is dropped once, where a service takes
 * its input, so that every later reader (pages, feeds, the sitemap, the static export, backups) can rely on it.
 */
public final class PlainText {

    private PlainText() {
    }

    /**
     * The text without the characters XML 1.0 forbids: NUL and the other C0 controls except tab, line feed and
     * carriage return, U+FFFE and U+FFFF, and surrogates that are not part of a pair. {@code null} stays
     * {@code null}; text that needs nothing dropped is returned as it is.
     */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        int length = text.length();
        int first = 0;
        while (first < length && allowedAt(text, first)) {
            first += Character.isHighSurrogate(text.charAt(first)) ? 2 : 1;
        }
        if (first >= length) {
            return text;
        }
        StringBuilder kept = new StringBuilder(length).append(text, 0, first);
        for (int i = first; i < length; ) {
            boolean pair = Character.isHighSurrogate(text.charAt(i)) && allowedAt(text, i);
            if (allowedAt(text, i)) {
                kept.append(text, i, pair ? i + 2 : i + 1);
            }
            i += pair ? 2 : 1;
        }
        return kept.toString();
    }

    private static boolean allowedAt(String text, int index) {
        char c = text.charAt(index);
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        if (Character.isHighSurrogate(c)) {
            return index + 1 < text.length() && Character.isLowSurrogate(text.charAt(index + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return false;
        }
        return c != '\uFFFE' && c != '\uFFFF';
    }
}
