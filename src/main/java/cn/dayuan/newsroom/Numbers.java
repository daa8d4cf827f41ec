package cn.dayuan.newsroom;

import cn.dayuan.system.InvalidInputException;

/** Number fields arrive as text; a blank one means "let the service choose". */
final class Numbers {

    private Numbers() {
    }

    /** A sort order, or null; what is not a whole number is refused under {@code field}. */
    static Integer optionalInt(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "newsroom.sort-order.invalid");
        }
    }

    /** The id chosen in a list, or null; what is not a number is refused with the text of {@code invalidKey}. */
    static Long optionalId(String value, String field, String invalidKey) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, invalidKey);
        }
    }
}
