package cn.dayuan.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleHtmlTest {

    @Test
    void scriptsHandlersAndStylesAreRemoved() {
        String clean = ArticleHtml.sanitize("<p onclick=\"steal()\" style=\"color:red\">正文</p>"
                + "<script>alert(1)</script><iframe src=\"https://evil.example\"></iframe>"
                + "<a href=\"javascript:alert(1)\">链接</a><img src=\"x\" onerror=\"alert(1)\">");
        assertThat(clean).doesNotContain("script", "onclick", "style", "iframe", "javascript:", "onerror")
                .contains("<p>正文</p>");
    }

    @Test
    void chineseTextIsStoredAsTextNotAsEntities() {
        String clean = ArticleHtml.sanitize("<p>核酸筛查、抗原检测，生活暂时不便……“清零”+1</p>");
        assertThat(clean).isEqualTo("<p>核酸筛查、抗原检测，生活暂时不便……“清零”+1</p>");
    }

    @Test
    void linksAndImagesKeepWhatReadersNeed() {
        String clean = ArticleHtml.sanitize("<p><a href=\"https://www.example.cn/a\">来源</a>"
                + "<img src=\"/media/demo/a.jpg\" alt=\"图\"></p><h2>小标题</h2><blockquote>引文</blockquote>");
        assertThat(clean).contains("href=\"https://www.example.cn/a\"", "rel=\"noopener noreferrer\"",
                "src=\"/media/demo/a.jpg\"", "<h2>小标题</h2>", "<blockquote>引文</blockquote>");
    }
}
