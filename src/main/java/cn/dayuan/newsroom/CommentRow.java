package cn.dayuan.newsroom;

import java.util.List;

import cn.dayuan.comment.CommentService.QueueItem;

/** A comment in the moderation queue, its text cut where the sensitive words are, its address as the reader may see it. */
public record CommentRow(QueueItem item, List<Highlighted> content, String address) {
}
