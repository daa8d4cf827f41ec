package cn.dayuan.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The backend this node searches ({@link SearchProperties#backend}) and how its index cuts Chinese.
 *
 * @param openSearch whether the index is on OpenSearch, shared by all nodes
 * @param chinese    the Chinese analyzer: smartcn (embedded, or OpenSearch's plugin) or OpenSearch's cjk
 */
record SearchBackend(boolean openSearch, String chinese) {

    static final SearchBackend EMBEDDED = new SearchBackend(false, OpenSearchAnalysis.SMARTCN);

    /**
     * Whether the words smartcn cuts from a query here ({@link ChineseAnalysis#words}) are the index's own terms,
     * to be looked up as they are; otherwise (cjk) the index holds character pairs, and each word is looked up as
     * the phrase of its pairs.
     */
    boolean queryWordsAreTerms() {
        return OpenSearchAnalysis.SMARTCN.equals(chinese);
    }

    /**
     * What to look up, each one a term: for smartcn the query's words as smartcn cut them; for cjk each part of the
     * query between spaces that has a letter or digit, which the index's own analyzer cuts into pairs and looks up as
     * a phrase, so that what was typed together is found together (晋祠博物馆, 5G基站) and parts typed apart are found
     * in any order. smartcn's words would not do there: it cuts a name it does not know into single characters, and
     * 5G into 5 and g, neither of which a cjk index holds.
     */
    List<String> lookedUp(String text, List<String> words) {
        if (queryWordsAreTerms()) {
            return words;
        }
        List<String> parts = new ArrayList<>();
        for (String part : text.trim().split("\\s+")) {
            if (parts.size() < SearchService.MAX_WORDS && part.codePoints().anyMatch(Character::isLetterOrDigit)) {
                parts.add(part);
            }
        }
        return parts;
    }
}
