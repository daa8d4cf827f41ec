package cn.dayuan.curation;

import java.util.Arrays;
import java.util.Optional;

/**
 * The recommendation slots (推荐位) the templates place: the home page's slideshow, its 头条 and 要闻, and the 图片新闻
 * box. Editors fill each by hand, in order; a slot left empty falls back to what the site showed before (the newest
 * articles with a cover, the headline flags).
 *
 * @param capacity      how many articles the slot takes
 * @param needsCover    whether only articles with a cover picture may go in
 */
public enum Slot {
    JIAODIAN("jiaodian", "焦点图", 8, true),
    TOUTIAO("toutiao", "头条", 3, false),
    YAOWEN("yaowen", "要闻", 10, false),
    TUPIAN("tupian", "图片新闻", 8, true);

    private final String key;
    private final String label;
    private final int capacity;
    private final boolean needsCover;

    Slot(String key, String label, int capacity, boolean needsCover) {
        this.key = key;
        this.label = label;
        this.capacity = capacity;
        this.needsCover = needsCover;
    }

    /** The slot's name in addresses: {@code /api/v1/slots/toutiao}. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public int capacity() {
        return capacity;
    }

    public boolean needsCover() {
        return needsCover;
    }

    public static Optional<Slot> named(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
