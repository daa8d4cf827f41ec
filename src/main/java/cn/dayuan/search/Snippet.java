package cn.dayuan.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Text with the words a search matched marked, as plain text in pieces: a template escapes every piece and wraps
 * the matched ones in {@code <em>}, so nothing of the article's own markup can reach the page. The highlighter
 * marks matches with two private-use characters that indexed text never contains ({@link #withoutMarks}).
 */
public record Snippet(List<Piece> pieces) {

    static final String START = "\uE000";
    static final String END = "\uE001";

    /** A run of text, matched or not. */
    public record Piece(String text, boolean matched) {
    }

    public static Snippet plain(String text) {
        return new Snippet(text == null || text.isEmpty() ? List.of() : List.of(new Piece(text, false)));
    }

    /** The highlighter's output (fragments joined with an ellipsis) cut into pieces at its marks. */
    static Snippet ofHighlights(List<String> fragments) {
        List<Piece> pieces = new ArrayList<>();
        for (int f = 0; f < fragments.size(); f++) {
            if (f > 0) {
                pieces.add(new Piece(" … ", false));
            }
            String fragment = fragments.get(f);
            int at = 0;
            while (at < fragment.length()) {
                int start = fragment.indexOf(START, at);
                if (start < 0) {
                    add(pieces, fragment.substring(at), false);
                    break;
                }
                add(pieces, fragment.substring(at, start), false);
                int end = fragment.indexOf(END, start + 1);
                int stop = end < 0 ? fragment.length() : end;
                add(pieces, fragment.substring(start + 1, stop), true);
                at = stop + 1;
            }
        }
        return new Snippet(List.copyOf(pieces));
    }

    public boolean isEmpty() {
        return pieces.isEmpty();
    }

    /** The text without marks, e.g. for a title attribute. */
    public String text() {
        StringBuilder text = new StringBuilder();
        pieces.forEach(piece -> text.append(piece.text()));
        return text.toString();
    }

    /** {@code text} without the two characters the highlighter marks matches with. */
    static String withoutMarks(String text) {
        return text.indexOf(START.charAt(0)) < 0 && text.indexOf(END.charAt(0)) < 0 ? text
                : text.replace(START, "").replace(END, "");
    }

    private static void add(List<Piece> pieces, String text, boolean matched) {
        String clean = withoutMarks(text);
        if (clean.isEmpty()) {
            return;
        }
        int last = pieces.size() - 1;
        if (last >= 0 && pieces.get(last).matched() == matched) {
            // Two matched words side by side ("翻" and "页" of 翻页) read as one.
            pieces.set(last, new Piece(pieces.get(last).text() + clean, matched));
        } else {
            pieces.add(new Piece(clean, matched));
        }
    }
}
