package cn.dayuan.portal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

import cn.dayuan.media.MediaService;
import cn.dayuan.media.MediaView;

/**
 * An article body's library pictures as a phone should load them: every stored size in {@code srcset} (a phone takes
 * the 320- or 800-pixel copy, a wide screen the large one), their width and height (no jumping text while they
 * load), and loaded lazily; where the library made smaller WebP copies, the picture offers them first in a
 * {@code <picture>} ({@code <source type="image/webp">}) and keeps the JPEG or PNG for browsers without WebP.
 * Pictures from elsewhere are left as they are.
 */
@Component
class ResponsivePictures {

    /** The article column is at most 760 CSS pixels wide. */
    static final String SIZES = "(max-width: 800px) 100vw, 760px";

    private final MediaService media;

    ResponsivePictures(MediaService media) {
        this.media = media;
    }

    String body(String html) {
        if (html == null || !html.contains("/media/")) {
            return html;
        }
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
        List<Element> pictures = document.select("img[src]");
        Map<String, MediaView> known = media.byAddress(pictures.stream().map(img -> img.attr("src")).toList());
        if (known.isEmpty()) {
            return html;
        }
        for (Element img : pictures) {
            MediaView picture = known.get(img.attr("src"));
            if (picture == null) {
                continue;
            }
            MediaView.Size large = picture.sizes().get(MediaService.LARGE);
            img.attr("src", large.url()).attr("srcset", picture.srcset()).attr("sizes", SIZES)
                    .attr("width", String.valueOf(large.width())).attr("height", String.valueOf(large.height()))
                    .attr("loading", "lazy").attr("decoding", "async");
            String webp = picture.webpSrcset();
            if (webp != null && !"picture".equals(img.parent() == null ? null : img.parent().tagName())) {
                Element wrapper = new Element("picture");
                img.before(wrapper);
                wrapper.appendElement("source").attr("type", "image/webp").attr("srcset", webp).attr("sizes", SIZES);
                wrapper.appendChild(img);
            }
        }
        return document.body().html();
    }
}
