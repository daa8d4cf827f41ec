package cn.dayuan.newsroom;

import cn.dayuan.system.InvalidInputException;

/** Number fields arrive as text; a blank one means "let the service choose". */
final class Numbers {

    private Numbers() {
    }

    static Integer optionalInt(String value, String field, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, label + "须是整数，例如 10");
        }
    }

    static Long optionalId(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, message);
        }
    }
}
