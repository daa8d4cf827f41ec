package cn.dayuan.search;

import org.hibernate.search.mapper.pojo.bridge.ValueBridge;
import org.hibernate.search.mapper.pojo.bridge.runtime.ValueBridgeToIndexedValueContext;

import cn.dayuan.article.ArticleHtml;

/**
 * Indexes an article body as the text a reader reads: tags, attributes and entities are gone, so neither a word
 * inside markup is found nor can a snippet carry any of the article's HTML.
 */
final class HtmlTextBridge implements ValueBridge<String, String> {

    @Override
    public String toIndexedValue(String html, ValueBridgeToIndexedValueContext context) {
        return text(html);
    }

    /** The words of an article body as the index holds them. */
    static String text(String html) {
        return html == null ? null : Snippet.withoutMarks(ArticleHtml.text(html));
    }
}
