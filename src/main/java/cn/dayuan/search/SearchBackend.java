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
     * The words to look up: as smartcn cut them, or for cjk with each run of single Chinese characters joined
     * (晋, 祠, 博物馆 → 晋祠, 博物馆): smartcn cuts a name it does not know into characters, and a single character is
     * not a pair, which is all a cjk index holds.
     */
    List<String> lookedUp(List<String> words) {
        if (queryWordsAreTerms()) {
            return words;
        }
        List<String> joined = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (String word : words) {
            if (word.codePointCount(0, word.length()) == 1 && PinyinBridge.isHan(word.codePointAt(0))) {
                run.append(word);
                continue;
            }
            if (!run.isEmpty()) {
                joined.add(run.toString());
                run.setLength(0);
            }
            joined.add(word);
        }
        if (!run.isEmpty()) {
            joined.add(run.toString());
        }
        return joined;
    }
}
