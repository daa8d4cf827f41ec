package cn.dayuan.portal;

import java.util.List;

import cn.dayuan.article.ArticleSummary;
import cn.dayuan.channel.ChannelView;

/** A top-level channel's block on the home page: the channel and its newest articles. */
public record ChannelBlock(ChannelView channel, List<ArticleSummary> articles) {
}
