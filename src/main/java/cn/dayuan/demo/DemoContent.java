package cn.dayuan.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import cn.dayuan.account.Role;
import cn.dayuan.article.RightsType;

/**
 * The demo portal as written in {@code src/main/resources/demo/}: {@code site.json} (settings, accounts, channels,
 * public-service navigation) and {@code articles.json}. Kept out of Java so the texts can be read and edited as
 * texts.
 */
record DemoContent(Site site, List<ArticleSpec> articles) {

    static final String SITE_RESOURCE = "/demo/site.json";
    static final String ARTICLES_RESOURCE = "/demo/articles.json";

    /**
     * Unknown fields are errors: a typo in the content files should fail loudly, not vanish. Flags and counts that
     * an article leaves out are false and 0.
     */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    static DemoContent read() {
        return new DemoContent(read(SITE_RESOURCE, Site.class), read(ARTICLES_RESOURCE, Articles.class).articles());
    }

    private static <T> T read(String resource, Class<T> type) {
        try (InputStream in = DemoContent.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Demo content " + resource + " is missing from the classpath");
            }
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read demo content " + resource, e);
        }
    }

    record Site(Settings settings, List<AccountSpec> accounts, List<ChannelSpec> channels,
                List<CategorySpec> directory) {
    }

    /** The site texts the demo sets; the rest (rights statements, site address) keep their current values. */
    record Settings(String shortName, String fullName, String description, String keywords, String aboutTitle,
                    String aboutText, String copyright, String icpNumber, String disclaimer, String disclaimerEn,
                    String webmasterEmail, String newsLicence, String policeFiling, String reportPhone,
                    String reportEmail, String aboutServices) {
    }

    record AccountSpec(String username, String displayName, String email, Role role) {
    }

    record ChannelSpec(String name, String slug, String description, List<ChannelSpec> children) {

        List<ChannelSpec> childrenOrEmpty() {
            return children == null ? List.of() : children;
        }
    }

    record CategorySpec(String name, String description, List<LinkSpec> links) {
    }

    record LinkSpec(String name, String url, String description) {
    }

    private record Articles(List<ArticleSpec> articles) {
    }

    /**
     * One demo article.
     *
     * @param key         names the article's picture files: {@code /media/demo/{key}.jpg} for the cover,
     *                    {@code {key}-1.jpg}… for pictures in the body
     * @param publishedAt a fixed publish time (the seed article); otherwise {@code daysAgo} at {@code time}
     *                    (HH:mm in the site's time zone), so a fresh demo always looks current
     * @param cover       a {@link DemoPictures.Scene} name, or null for no cover
     * @param views       views recorded through the normal view counter
     * @param body        paragraphs; {@code ## text} is a sub-heading, {@code [[SCENE|caption]]} a picture
     */
    record ArticleSpec(String key, String title, String subtitle, String channel, String author, String source,
                       String sourceUrl, String editor, List<String> tags, RightsType rights,
                       OffsetDateTime publishedAt, Integer daysAgo, String time, boolean headline, boolean pinned,
                       String cover, long views, List<String> body) {
    }
}
