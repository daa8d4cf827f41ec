package cn.dayuan.media;

/**
 * The site's watermark: a short text drawn on every picture the media library publishes at its cover and large
 * sizes (and the full size), at a corner or the centre, with the given opacity. The upload itself is kept unmarked
 * for the newsroom.
 *
 * @param opacity 10 to 100 (per cent)
 */
public record Watermark(boolean enabled, String text, Position position, int opacity) {

    public static final Watermark OFF = new Watermark(false, null, Position.BOTTOM_RIGHT, 60);

    public enum Position {
        BOTTOM_RIGHT("右下角"), BOTTOM_LEFT("左下角"), TOP_RIGHT("右上角"), TOP_LEFT("左上角"), CENTER("正中");

        private final String label;

        Position(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Whether pictures get a mark at all. */
    public boolean applies() {
        return enabled && text != null && !text.isBlank();
    }
}
