package cn.dayuan.newsroom;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import cn.dayuan.article.ArticleDetail;
import cn.dayuan.article.ArticleDraft;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.article.Provenance;
import cn.dayuan.article.RightsType;
import cn.dayuan.system.InvalidInputException;

/**
 * The article form exactly as the user filled it in, kept as text so that a rejected form comes back with every
 * character the user typed. Field names are those of {@link ArticleDraft}.
 */
public class ArticleForm {

    /** Tags may be separated the way Chinese and Western writers do: spaces, commas, 、 or semicolons. */
    private static final Pattern TAG_SEPARATORS = Pattern.compile("[\\s,，、;；]+");
    /** What an {@code <input type="datetime-local" step="1">} shows and sends. */
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private String title;
    private String subtitle;
    private String channel;
    private String body;
    private String summary;
    private String tags;
    private String author;
    private String source;
    private String sourceUrl;
    private String editor;
    private String rightsType = RightsType.ORIGINAL.name();
    private String publishedAt;
    private String coverImage;
    private boolean headline;
    private boolean pinned;
    private boolean commentsOpen = true;
    private String originalTitle;
    private String originalAuthor;
    private String originalPublishedAt;
    /** The article's version when the form was filled, so a save over someone else's newer one is refused. */
    private Long version;
    /** Keywords suggested from the body, offered for the editor to pick; never saved by themselves. */
    private List<String> suggestedTags = List.of();

    static ArticleForm of(ArticleDetail article, ZoneId zone) {
        ArticleForm form = new ArticleForm();
        form.title = article.title();
        form.subtitle = article.subtitle();
        form.channel = article.channelPath();
        form.body = article.body();
        form.summary = article.summary();
        form.tags = String.join(" ", article.tagNames());
        form.author = article.author();
        form.source = article.source();
        form.sourceUrl = article.sourceUrl();
        form.editor = article.editor();
        form.rightsType = article.rightsType() == null ? null : article.rightsType().name();
        form.publishedAt = article.publishedAt() == null ? null
                : LOCAL_TIME.format(article.publishedAt().atZone(zone));
        form.coverImage = article.coverImage();
        form.headline = article.headline();
        form.pinned = article.pinned();
        form.commentsOpen = article.commentsOpen();
        form.version = article.version();
        form.originalTitle = article.provenance().originalTitle();
        form.originalAuthor = article.provenance().originalAuthor();
        form.originalPublishedAt = article.provenance().originalPublishedAt() == null ? null
                : LOCAL_TIME.format(article.provenance().originalPublishedAt().atZone(zone));
        return form;
    }

    /** The write command for {@link ArticleService}; text fields are checked there, the two typed ones here. */
    ArticleDraft toDraft(ArticleStatus status, ZoneId zone) {
        return new ArticleDraft(title, subtitle, summary, body, channel, author, source, sourceUrl, editor,
                tagList(), rights(), time(publishedAt, "publishedAt", "article.published-at.invalid", zone), status,
                coverImage, headline, pinned, commentsOpen, new Provenance(originalTitle, originalAuthor,
                time(originalPublishedAt, "originalPublishedAt", "article.original-published-at.invalid", zone)));
    }

    /**
     * Offers the suggested keywords and fills in the summary. The keyword field stays as the editor left it: a
     * keyword becomes a public tag page, so only those the editor picks are saved.
     */
    void apply(ArticleService.Suggestions suggestions) {
        suggestedTags = suggestions.tags();
        summary = suggestions.summary();
    }

    /** Only the keywords the editor typed or picked; a blank field means none. */
    private List<String> tagList() {
        if (tags == null || tags.isBlank()) {
            return List.of();
        }
        return Arrays.stream(TAG_SEPARATORS.split(tags.trim())).filter(t -> !t.isEmpty()).toList();
    }

    private RightsType rights() {
        if (rightsType == null || rightsType.isBlank()) {
            return null;
        }
        try {
            return RightsType.valueOf(rightsType.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("rightsType", "article.rights-type.required");
        }
    }

    /** The time typed into {@code field}, or null; what does not read as one is refused with {@code invalidKey}. */
    private static Instant time(String value, String field, String invalidKey, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // browsers without a date picker let people type "2022-04-23 06:07:12"
            return LocalDateTime.parse(value.trim().replace(' ', 'T')).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, invalidKey);
        }
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSubtitle() {
        return subtitle;
    }

    public void setSubtitle(String subtitle) {
        this.subtitle = subtitle;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public List<String> getSuggestedTags() {
        return suggestedTags;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public String getAuthor() {
        return author;
    }

    public void setAuthor(String author) {
        this.author = author;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getSourceUrl() {
        return sourceUrl;
    }

    public void setSourceUrl(String sourceUrl) {
        this.sourceUrl = sourceUrl;
    }

    public String getEditor() {
        return editor;
    }

    public void setEditor(String editor) {
        this.editor = editor;
    }

    public String getRightsType() {
        return rightsType;
    }

    public void setRightsType(String rightsType) {
        this.rightsType = rightsType;
    }

    public String getPublishedAt() {
        return publishedAt;
    }

    public void setPublishedAt(String publishedAt) {
        this.publishedAt = publishedAt;
    }

    public String getCoverImage() {
        return coverImage;
    }

    public void setCoverImage(String coverImage) {
        this.coverImage = coverImage;
    }

    public boolean isHeadline() {
        return headline;
    }

    public void setHeadline(boolean headline) {
        this.headline = headline;
    }

    public boolean isPinned() {
        return pinned;
    }

    public void setPinned(boolean pinned) {
        this.pinned = pinned;
    }

    public boolean isCommentsOpen() {
        return commentsOpen;
    }

    public void setCommentsOpen(boolean commentsOpen) {
        this.commentsOpen = commentsOpen;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public String getOriginalTitle() {
        return originalTitle;
    }

    public void setOriginalTitle(String originalTitle) {
        this.originalTitle = originalTitle;
    }

    public String getOriginalAuthor() {
        return originalAuthor;
    }

    public void setOriginalAuthor(String originalAuthor) {
        this.originalAuthor = originalAuthor;
    }

    public String getOriginalPublishedAt() {
        return originalPublishedAt;
    }

    public void setOriginalPublishedAt(String originalPublishedAt) {
        this.originalPublishedAt = originalPublishedAt;
    }
}
