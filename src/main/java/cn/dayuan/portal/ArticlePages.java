package cn.dayuan.portal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.dayuan.article.ArticleDetail;
import cn.dayuan.article.ArticleHtml;
import cn.dayuan.article.ArticleService;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.channel.ChannelView;
import cn.dayuan.comment.CommentService;
import cn.dayuan.curation.TopicService;
import cn.dayuan.system.ChineseText;

/** An article's page as readers see it: the public page itself, and the newsroom's preview of it. */
@Component
class ArticlePages {

    private final ChannelService channels;
    private final ArticleService articles;
    private final PageFrames frames;
    private final ArticleJsonLd jsonLd;
    private final CommentService comments;
    private final ResponsivePictures pictures;
    private final TopicService topics;

    ArticlePages(ChannelService channels, ArticleService articles, PageFrames frames, ArticleJsonLd jsonLd,
                 CommentService comments, ResponsivePictures pictures, TopicService topics) {
        this.pictures = pictures;
        this.topics = topics;
        this.channels = channels;
        this.articles = articles;
        this.frames = frames;
        this.jsonLd = jsonLd;
        this.comments = comments;
    }

    /**
     * @param sitePath      the page's address, as its canonical link shows it
     * @param requestBase   the address the site was reached at ({@link PageFrames#page})
     * @param commentNotice what a comment post came back to say, or null
     * @param preview       the banner of a preview (the article may not be public yet), or null on the public page
     */
    PortalPages.View page(ArticleDetail article, String sitePath, String requestBase, String commentNotice,
                          String preview) {
        List<ChannelView> trail = channels.tree().trail(article.channelId());
        PageFrame frame = frames.page(sitePath, requestBase, article.title(), description(article),
                trail.isEmpty() ? null : trail.get(0).id());
        String articleUrl = frame.absolute(article.url());
        String imageUrl = article.coverImage() == null ? null
                : article.coverImage().startsWith("/") ? frame.absolute(article.coverImage()) : article.coverImage();
        Map<String, Object> model = new HashMap<>();
        model.put("frame", frame);
        model.put("article", article);
        model.put("body", pictures.body(article.body()));
        model.put("topics", topics.topicsOf(article));
        model.put("trail", trail);
        model.put("related", articles.related(article));
        model.put("rightsStatement", RightsStatements.of(frame.site(), article.rightsType(), article.source()));
        model.put("articleUrl", articleUrl);
        model.put("imageUrl", imageUrl);
        model.put("jsonLd", jsonLd.of(article, frame, articleUrl, imageUrl));
        model.put("comments", comments.threadsOnPage(article));
        model.put("commentPolicy", comments.policyFor(article));
        model.put("commentNotice", commentNotice);
        model.put("preview", preview);
        return new PortalPages.View("portal/article", model);
    }

    private static String description(ArticleDetail article) {
        if (article.summary() != null && !article.summary().isBlank()) {
            return article.summary();
        }
        return ChineseText.summary(ArticleHtml.text(article.body()), ArticleService.SUMMARY_LENGTH);
    }
}
