package cn.dayuan.search;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.NullFragmenter;
import org.apache.lucene.search.highlight.QueryTermScorer;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.WeightedTerm;

/**
 * Marks a query's words in an article's title or summary, as the database holds them, with Lucene's highlighter over
 * the analyzer's words of the text. These texts are short, and cutting them into words costs less than asking the
 * index: the fast vector highlighter read each hit's term vectors and stored fields again for every field it marked
 * (three times a hit), which made most of what a search allocated and, through the collector's pauses, its slowest
 * answers. The index highlights only the body, where it finds the passages worth showing.
 */
final class WordMarks {

    private final Analyzer analyzer;
    private final Highlighter highlighter;

    /** @param words the words to mark, as the analyzer cuts them */
    WordMarks(Analyzer analyzer, Collection<String> words) {
        this.analyzer = analyzer;
        WeightedTerm[] terms = words.stream().map(word -> new WeightedTerm(1f, word)).toArray(WeightedTerm[]::new);
        this.highlighter = new Highlighter(new SimpleHTMLFormatter(Snippet.START, Snippet.END),
                new QueryTermScorer(terms));
        highlighter.setTextFragmenter(new NullFragmenter());
    }

    /** The whole text with the words in it marked; empty when it has none of them. */
    Snippet in(String text) {
        if (text == null || text.isBlank()) {
            return Snippet.plain(null);
        }
        try {
            String marked = highlighter.getBestFragment(analyzer, SearchMapping.TITLE, Snippet.withoutMarks(text));
            return marked == null ? Snippet.plain(null) : Snippet.ofHighlights(List.of(marked));
        } catch (IOException | InvalidTokenOffsetsException e) {
            // The text is in memory and the offsets are the analyzer's own: neither happens; the text stays unmarked.
            return Snippet.plain(null);
        }
    }
}
