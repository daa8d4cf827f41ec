package cn.dayuan.newsroom;

import java.util.Map;

/** The Chinese names of an article's fields, as the article form labels them. */
public final class FieldNames {

    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("title", "标题"),
            Map.entry("subtitle", "副标题"), Map.entry("summary", "摘要"), Map.entry("body", "正文"),
            Map.entry("channel", "栏目"), Map.entry("author", "作者"), Map.entry("source", "来源"),
            Map.entry("sourceUrl", "来源网址"), Map.entry("editor", "责任编辑"), Map.entry("tags", "关键词"),
            Map.entry("rightsType", "版权"), Map.entry("status", "状态"), Map.entry("publishedAt", "发布时间"),
            Map.entry("coverImage", "封面图片"), Map.entry("headline", "头条"), Map.entry("pinned", "置顶"),
            Map.entry("commentsOpen", "允许评论"), Map.entry("originalTitle", "原标题"),
            Map.entry("originalAuthor", "原作者"), Map.entry("originalPublishedAt", "原发布时间"));

    private FieldNames() {
    }

    public static String label(String field) {
        return LABELS.getOrDefault(field, field);
    }
}
