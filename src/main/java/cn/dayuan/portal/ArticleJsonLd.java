package cn.dayuan.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import cn.dayuan.article.ArticleDetail;

/** The JSON-LD {@code NewsArticle} of an article page, safe to place inside a {@code <script>} element. */
@Component
class ArticleJsonLd {

    private final JsonMapper json;

    ArticleJsonLd(JsonMapper json) {
        this.json = json;
    }

    String of(ArticleDetail article, PageFrame frame, String articleUrl, String imageUrl) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "NewsArticle");
        data.put("headline", article.title());
        if (article.summary() != null) {
            data.put("description", article.summary());
        }
        data.put("datePublished", frame.iso(article.publishedAt()));
        data.put("dateModified", frame.iso(article.updatedAt() == null ? article.publishedAt() : article.updatedAt()));
        data.put("author", typed("Person", "name",
                article.author() != null ? article.author() : article.publisherName()));
        Map<String, Object> publisher = typed("Organization", "name", frame.site().siteTitle());
        publisher.put("url", frame.baseUrl() + "/");
        data.put("publisher", publisher);
        if (imageUrl != null) {
            data.put("image", List.of(imageUrl));
        }
        data.put("articleSection", article.channelName());
        if (!article.tags().isEmpty()) {
            data.put("keywords", String.join(",", article.tagNames()));
        }
        data.put("mainEntityOfPage", typed("WebPage", "@id", articleUrl));
        data.put("url", articleUrl);
        data.put("inLanguage", "zh-CN");
        return scriptSafe(json.writeValueAsString(data));
    }

    private static Map<String, Object> typed(String type, String key, Object value) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("@type", type);
        node.put(key, value);
        return node;
    }

    /** {@code </script>} or {@code <!--} inside a string must not end the element: escape the markup characters. */
    static String scriptSafe(String jsonText) {
        return jsonText.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
