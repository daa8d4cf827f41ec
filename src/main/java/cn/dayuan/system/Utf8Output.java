package cn.dayuan.system;

import java.util.Arrays;

import gg.jte.TemplateOutput;

/**
 * A JTE output that writes a page as UTF-8 into one growing array, kept from page to page by its owner. The
 * templates are compiled with their static text as UTF-8 bytes ({@code binaryStaticContent}), which are copied as
 * they are; only what a page fills in is encoded, once. (Rendered into a {@code StringBuilder}, the whole page became
 * two bytes a character at its first Chinese one and was encoded again afterwards: a fifth of an export's rendering.)
 * Characters that are no text (a lone surrogate) come out as {@code ?}, as {@link String#getBytes} writes them.
 */
public final class Utf8Output implements TemplateOutput {

    private byte[] bytes;
    private int size;
    private char[] chars = new char[1024];

    public Utf8Output(int initialCapacity) {
        bytes = new byte[initialCapacity];
    }

    /** Forgets what was written, keeping the space for the next page. */
    public void reset() {
        size = 0;
    }

    /** What was written since the last {@link #reset}. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    @Override
    public void writeBinaryContent(byte[] value) {
        room(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
    }

    @Override
    public void writeContent(String value) {
        writeContent(value, 0, value.length());
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        int length = endIndex - beginIndex;
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        value.getChars(beginIndex, endIndex, chars, 0);
        room(length * 3); // no character takes more; a pair of surrogates takes four bytes for two
        byte[] out = bytes;
        int at = size;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                out[at++] = (byte) (0xE0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(chars[i + 1])) {
                int codePoint = Character.toCodePoint(c, chars[++i]);
                out[at++] = (byte) (0xF0 | codePoint >> 18);
                out[at++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                out[at++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | codePoint & 0x3F);
            } else {
                out[at++] = '?';
            }
        }
        size = at;
    }

    private void room(int more) {
        if (bytes.length - size < more) {
            bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
        }
    }
}
