package cn.dayuan.search;

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
}
