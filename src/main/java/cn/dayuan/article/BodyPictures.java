package cn.dayuan.article;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

import cn.dayuan.media.MediaRefusedException;
import cn.dayuan.media.MediaService;
import cn.dayuan.media.MediaView;
import cn.dayuan.system.InvalidInputException;

/**
 * The pictures of an article body. A picture pasted in as a {@code data:} address (the clipboard, another editor)
 * goes to the media library like any upload, and the body links to it, instead of vanishing in the sanitizer; a
 * library picture without alt text in the body gets the library's. A published body's library pictures need alt
 * text, for readers who cannot see them.
 */
@Component
class BodyPictures {

    private static final Pattern DATA_PICTURE = Pattern.compile("^data:image/[a-z0-9.+-]+;base64,",
            Pattern.CASE_INSENSITIVE);

    private final MediaService media;

    BodyPictures(MediaService media) {
        this.media = media;
    }

    /** The body with pasted pictures stored in the media library and alt text filled in from it. */
    String store(String body, String actor) {
        if (body == null || !body.contains("<img")) {
            return body;
        }
        Document document = Jsoup.parseBodyFragment(body);
        document.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
        List<Element> pictures = document.select("img[src]");
        boolean changed = false;
        for (Element img : pictures) {
            Matcher pasted = DATA_PICTURE.matcher(img.attr("src").strip());
            if (pasted.find()) {
                img.attr("src", upload(img.attr("src").strip().substring(pasted.end()), img.attr("alt"), actor));
                changed = true;
            }
        }
        Map<String, MediaView> known = media.byAddress(pictures.stream().map(img -> img.attr("src")).toList());
        for (Element img : pictures) {
            MediaView picture = known.get(img.attr("src"));
            if (img.attr("alt").isBlank() && picture != null && picture.alt() != null) {
                img.attr("alt", picture.alt());
                changed = true;
            }
        }
        return changed ? document.body().html() : body;
    }

    /**
     * Refuses to publish a body that shows a media library picture without alt text. (Pictures from elsewhere, in
     * old or pasted HTML, are not held up: the library is where the newsroom describes its pictures.)
     */
    void requireAltText(String body) {
        if (body == null || !body.contains("<img")) {
            return;
        }
        List<Element> undescribed = Jsoup.parseBodyFragment(body).select("img").stream()
                .filter(img -> img.attr("alt").isBlank()).toList();
        int missing = media.byAddress(undescribed.stream().map(img -> img.attr("src")).toList()).size();
        if (missing > 0) {
            throw new InvalidInputException("body", "article.pictures.alt-missing", missing);
        }
    }

    private String upload(String base64, String alt, String actor) {
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("body", "article.pictures.pasted.incomplete");
        }
        try {
            return media.upload(bytes, "粘贴的图片", new MediaService.Description(alt, null, null), actor).media()
                    .sizes().get(MediaService.LARGE).url();
        } catch (MediaRefusedException e) {
            throw new InvalidInputException("body", "article.pictures.pasted.refused", e);
        }
    }
}
