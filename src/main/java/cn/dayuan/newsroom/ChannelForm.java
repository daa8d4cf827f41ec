package cn.dayuan.newsroom;

import cn.dayuan.channel.ChannelView;

/**
 * The channel form as typed; {@code parent} is the id of the parent channel, blank for a top-level one;
 * {@code hidden} is the 在导航中隐藏 checkbox (sent only when ticked).
 */
public class ChannelForm {

    private String name;
    private String slug;
    private String parent;
    private String description;
    private String sortOrder;
    private String hidden;

    static ChannelForm of(ChannelView channel) {
        ChannelForm form = new ChannelForm();
        form.name = channel.name();
        form.slug = channel.slug();
        form.parent = channel.parentId() == null ? null : channel.parentId().toString();
        form.description = channel.description();
        form.sortOrder = Integer.toString(channel.sortOrder());
        form.hidden = channel.hidden() ? "true" : null;
        return form;
    }

    /** Whether the box is ticked: a browser sends "true" (the box's value) or nothing; anything else counts as ticked. */
    public boolean hiddenValue() {
        return hidden != null && !hidden.isBlank() && !hidden.equalsIgnoreCase("false");
    }

    Integer sortOrderValue() {
        return Numbers.optionalInt(sortOrder, "sortOrder");
    }

    Long parentId() {
        return Numbers.optionalId(parent, "parent", "channel.parent.required");
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getParent() {
        return parent;
    }

    public void setParent(String parent) {
        this.parent = parent;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getSortOrder() {
        return sortOrder;
    }

    public void setSortOrder(String sortOrder) {
        this.sortOrder = sortOrder;
    }

    public String getHidden() {
        return hidden;
    }

    public void setHidden(String hidden) {
        this.hidden = hidden;
    }
}
