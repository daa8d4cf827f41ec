package cn.dayuan.account;

import java.util.Locale;
import java.util.Set;

/**
 * Passwords that a guesser tries first: blank ones, the username itself, one repeated character, runs of the keyboard or
 * of digits, and the most used passwords of Chinese and English leaks (top of the published lists).
 */
final class WeakPasswords {

    private static final Set<String> COMMON = Set.of("password", "password1", "password123", "passw0rd",
            "12345678", "123456789", "1234567890", "0123456789", "87654321", "11223344", "12341234", "123123123",
            "1qaz2wsx", "1q2w3e4r", "1q2w3e4r5t", "qwertyui", "qwertyuiop", "qwerty123", "asdfghjk", "asdfghjkl",
            "zxcvbnm1", "abc12345", "abcd1234", "a1234567", "a12345678", "aa123456", "iloveyou", "woaini1314",
            "woaini520", "5201314520", "1314520520", "admin123", "admin888", "administrator", "root1234",
            "welcome1", "letmein1", "sunshine", "princess", "football", "baseball", "superman", "trustno1",
            "dragon123", "monkey123", "changeme", "p@ssw0rd", "p@ssword", "qq123456", "q1w2e3r4", "zaq12wsx",
            "147258369", "159753123", "789456123", "741852963", "dayuan123", "dayuan2026");
    private static final String[] RUNS = {"0123456789", "9876543210", "abcdefghijklmnopqrstuvwxyz",
            "qwertyuiop", "asdfghjkl", "zxcvbnm"};

    private WeakPasswords() {
    }

    /** The key of the text saying why {@code password} is too easy to guess, or null when it is not on the lists. */
    static String weakness(String password, String username) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (password.isBlank()) {
            return "account.password.blank";
        }
        if (username != null && lower.strip().equals(username.toLowerCase(Locale.ROOT))) {
            return "account.password.same-as-username";
        }
        if (lower.chars().distinct().count() <= 2) {
            return "account.password.repetitive";
        }
        if (COMMON.contains(lower) || isRun(lower)) {
            return "account.password.common";
        }
        return null;
    }

    private static boolean isRun(String lower) {
        for (String run : RUNS) {
            if (run.contains(lower)) {
                return true;
            }
        }
        return false;
    }
}
