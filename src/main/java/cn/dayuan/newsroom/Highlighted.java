package cn.dayuan.newsroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A text cut into pieces so a template can mark the sensitive words in it (and escape every piece as usual). */
public record Highlighted(String text, boolean hit) {

    public static List<Highlighted> of(String text, List<String> words) {
        List<Highlighted> pieces = new ArrayList<>();
        String lowerCase = text.toLowerCase(Locale.ROOT);
        int from = 0;
        while (from < text.length()) {
            int at = -1;
            String found = null;
            for (String word : words) {
                int index = word.isEmpty() ? -1 : lowerCase.indexOf(word.toLowerCase(Locale.ROOT), from);
                if (index >= 0 && (at < 0 || index < at)) {
                    at = index;
                    found = word;
                }
            }
            if (found == null) {
                pieces.add(new Highlighted(text.substring(from), false));
                break;
            }
            if (at > from) {
                pieces.add(new Highlighted(text.substring(from, at), false));
            }
            pieces.add(new Highlighted(text.substring(at, at + found.length()), true));
            from = at + found.length();
        }
        return pieces;
    }
}
