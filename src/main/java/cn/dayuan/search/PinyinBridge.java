package cn.dayuan.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.hibernate.search.mapper.pojo.bridge.ValueBridge;
import org.hibernate.search.mapper.pojo.bridge.runtime.ValueBridgeToIndexedValueContext;

import com.hankcs.hanlp.HanLP;

/**
 * Indexes the pinyin of a title's or a tag's Chinese words, in full and by initials (太原 → taiyuan ty), so that a
 * reader typing on a phone keyboard without switching to Chinese finds 太原 with {@code taiyuan} or {@code ty}. Only
 * words of two or more characters count ({@link #spokenWords}): a single character's pinyin (shi, s) would match
 * half the site. The words
 * are cut as the index cuts them (smartcn); HanLP gives the pinyin, reading a polyphone as the word reads it.
 */
final class PinyinBridge implements ValueBridge<String, String> {

    private static final int MAX_WORDS = 64;
    private final Analyzer analyzer = new SmartChineseAnalyzer();

    @Override
    public String toIndexedValue(String text, ValueBridgeToIndexedValueContext context) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Set<String> pinyin = new LinkedHashSet<>();
        for (String word : spokenWords(ChineseAnalysis.words(analyzer, text, MAX_WORDS))) {
            pinyin.add(fullPinyin(word));
            pinyin.add(HanLP.convertToPinyinFirstCharString(word, "", false));
        }
        return pinyin.isEmpty() ? null : String.join(" ", pinyin);
    }

    /**
     * The Chinese words of two or more characters among {@code words}, where a run of single characters counts as
     * one word: smartcn cuts a name it does not know into characters (晋祠 → 晋, 祠), and a reader says it whole.
     */
    static List<String> spokenWords(List<String> words) {
        List<String> spoken = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (String word : words) {
            boolean han = word.codePoints().allMatch(PinyinBridge::isHan);
            if (han && word.codePointCount(0, word.length()) == 1) {
                run.append(word);
                continue;
            }
            addSpoken(spoken, run);
            if (han) {
                addSpoken(spoken, new StringBuilder(word));
            }
        }
        addSpoken(spoken, run);
        return spoken;
    }

    private static void addSpoken(List<String> spoken, StringBuilder word) {
        if (word.codePointCount(0, word.length()) >= 2) {
            spoken.add(word.toString());
        }
        word.setLength(0);
    }

    /** The word's pinyin without tones or spaces, as the index holds it: 太原 → taiyuan. */
    static String fullPinyin(String word) {
        return HanLP.convertToPinyinString(word, "", false);
    }

    static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
