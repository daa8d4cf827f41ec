package cn.dayuan.search;

import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.hibernate.search.mapper.pojo.bridge.ValueBridge;
import org.hibernate.search.mapper.pojo.bridge.runtime.ValueBridgeToIndexedValueContext;

import com.hankcs.hanlp.HanLP;

/**
 * Indexes the pinyin of a title's or a tag's Chinese words, in full and by initials (太原 → taiyuan ty), so that a
 * reader typing on a phone keyboard without switching to Chinese finds 太原 with {@code taiyuan} or {@code ty}. Only
 * words of two or more characters count: a single character's pinyin (shi, s) would match half the site. The words
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
        for (String word : ChineseAnalysis.words(analyzer, text, MAX_WORDS)) {
            if (word.length() >= 2 && word.codePoints().allMatch(PinyinBridge::isHan)) {
                pinyin.add(HanLP.convertToPinyinString(word, "", false));
                pinyin.add(HanLP.convertToPinyinFirstCharString(word, "", false));
            }
        }
        return pinyin.isEmpty() ? null : String.join(" ", pinyin);
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
