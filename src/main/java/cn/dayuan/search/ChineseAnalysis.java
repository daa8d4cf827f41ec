package cn.dayuan.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.WhitespaceTokenizerFactory;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The one analyzer of the search index: Lucene's SmartChineseAnalyzer (smartcn), a hidden-Markov-model word
 * segmenter with its own dictionary, which also splits Latin letters from digits and lower-cases them ("5G基站" →
 * 5, g, 基站; "C++编程" → c, 编程), drops punctuation and stems English words. Queries go through the same analyzer,
 * so whatever a reader types is only ever words, never query syntax.
 */
public final class ChineseAnalysis implements LuceneAnalysisConfigurer {

    /** The analyzer's name in the index mapping. */
    static final String ANALYZER = "chinese";
    /** The analyzer of the pinyin fields ({@link PinyinBridge}): the syllables are already words. */
    static final String PINYIN = "pinyin";

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(ANALYZER).instance(new SmartChineseAnalyzer());
        context.analyzer(PINYIN).custom().tokenizer(WhitespaceTokenizerFactory.class)
                .tokenFilter(LowerCaseFilterFactory.class);
    }

    private static final Pattern LATIN_RUN = Pattern.compile("[A-Za-z]+");
    private static final Analyzer SMARTCN = new SmartChineseAnalyzer();

    /**
     * For each run of Latin letters in {@code text}, the word smartcn makes of it (stemmed as English) and the run as
     * typed, lower-cased: pinyin is not English, and stemmed it is no longer the pinyin the index holds (fenhe →
     * fenh, beijing → beij).
     */
    static Map<String, String> latinAsTyped(String text) {
        Map<String, String> asTyped = new HashMap<>();
        Matcher run = LATIN_RUN.matcher(text);
        while (run.find()) {
            String typed = run.group().toLowerCase(Locale.ROOT);
            List<String> word = words(SMARTCN, typed, 1);
            if (!word.isEmpty()) {
                asTyped.putIfAbsent(word.get(0), typed);
            }
        }
        return asTyped;
    }

    /** The distinct words of {@code text}, in order, at most {@code max} of them. */
    static List<String> words(Analyzer analyzer, String text, int max) {
        Set<String> words = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream("", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (words.size() < max && tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(words);
    }
}
