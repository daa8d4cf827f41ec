package cn.dayuan.article;

/** Where an article is on its way from draft to readers. */
public enum ArticleStatus {
    DRAFT("草稿"),
    PENDING("待审核"),
    /** Public from its publish time on; a future publish time means "scheduled". */
    PUBLISHED("已发布"),
    /** Taken off the site by an editor; kept, and can be published again. */
    UNPUBLISHED("已撤稿"),
    /** In the recycle bin: off the site and out of the newsroom's lists until restored or purged. */
    TRASHED("已删除");

    private final String label;

    ArticleStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
