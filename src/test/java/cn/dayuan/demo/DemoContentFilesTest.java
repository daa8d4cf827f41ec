package cn.dayuan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.dayuan.demo.DemoContent.ArticleSpec;
import cn.dayuan.demo.DemoContent.ChannelSpec;
import cn.dayuan.demo.DemoPictures.Scene;

/** Keeps the demo texts looking like news when someone edits them: no Spring needed. */
class DemoContentFilesTest {

    private static final Pattern PICTURE = Pattern.compile("\\[\\[([A-Z_]+)\\|(.+)]]");
    private static final String SEED_KEY = "zhenfen-jingshen";

    private final DemoContent content = DemoContent.read();

    @Test
    void articlesAreWrittenLikeNewsAndPointAtExistingChannels() {
        Set<String> channelPaths = new HashSet<>();
        for (ChannelSpec root : content.site().channels()) {
            root.childrenOrEmpty().forEach(child -> channelPaths.add(root.slug() + "/" + child.slug()));
        }
        Set<String> keys = new HashSet<>();
        assertThat(content.articles()).hasSizeGreaterThanOrEqualTo(31);
        for (ArticleSpec article : content.articles()) {
            assertThat(keys.add(article.key())).as("unique key %s", article.key()).isTrue();
            assertThat(channelPaths).as("channel of %s", article.key()).contains(article.channel());
            assertThat(article.tags()).as("tags of %s", article.key()).hasSizeBetween(3, 5);
            assertThat(article.publishedAt() != null || article.daysAgo() != null && article.daysAgo() >= 1)
                    .as("%s is published in the past", article.key()).isTrue();
            List<String> paragraphs = article.body().stream()
                    .filter(p -> !p.startsWith("## ") && !PICTURE.matcher(p).matches()).toList();
            if (!article.key().equals(SEED_KEY)) {
                assertThat(paragraphs).as("paragraphs of %s", article.key()).hasSizeBetween(3, 8);
                assertThat(String.join("", paragraphs).length()).as("length of %s", article.key())
                        .isBetween(300, 900);
            }
            assertThat(String.join("", paragraphs)).doesNotContainIgnoringCase("lorem");
        }
        assertThat(channelPaths).as("every sub-channel has an article")
                .allSatisfy(path -> assertThat(content.articles()).anyMatch(a -> a.channel().equals(path)));
    }

    @Test
    void everyPictureNamesASceneThatPaintsAPicture() {
        Set<Scene> used = new HashSet<>();
        for (ArticleSpec article : content.articles()) {
            if (article.cover() != null) {
                used.add(Scene.valueOf(article.cover()));
            }
            for (String paragraph : article.body()) {
                Matcher picture = PICTURE.matcher(paragraph);
                if (picture.matches()) {
                    used.add(Scene.valueOf(picture.group(1)));
                }
            }
        }
        assertThat(used).containsExactlyInAnyOrder(Scene.values());
        for (Scene scene : Scene.values()) {
            BufferedImage image = DemoPictures.paint(scene, 7, 192, 108);
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < image.getHeight(); y += 2) {
                for (int x = 0; x < image.getWidth(); x += 2) {
                    colours.add(image.getRGB(x, y));
                }
            }
            assertThat(colours).as("colours of %s", scene).hasSizeGreaterThan(100);
        }
    }
}
