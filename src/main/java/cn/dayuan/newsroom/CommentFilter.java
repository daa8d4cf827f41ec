package cn.dayuan.newsroom;

import org.springframework.web.util.UriComponentsBuilder;

/** The moderation queue's filters as the page's address carries them. */
public record CommentFilter(String status, Long article, String from, String to, int page) {

    public String url(int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/admin/comments");
        url.queryParam("status", status == null ? "" : status);
        if (article != null) {
            url.queryParam("article", article);
        }
        if (from != null && !from.isBlank()) {
            url.queryParam("from", from);
        }
        if (to != null && !to.isBlank()) {
            url.queryParam("to", to);
        }
        return url.queryParam("page", page).encode().build().toUriString();
    }
}
