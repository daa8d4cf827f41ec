package cn.dayuan.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.dayuan.article.ArticleService;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.curation.Slot;
import cn.dayuan.curation.SlotService;
import cn.dayuan.curation.TopicService;
import cn.dayuan.media.MediaService;
import cn.dayuan.media.MediaView;
import cn.dayuan.media.TestPictures;
import cn.dayuan.media.Watermark;
import cn.dayuan.system.ConflictException;
import cn.dayuan.system.InvalidInputException;

/**
 * The media library, slots and topics on each database: their JDBC (generated keys, row locks, LIKE over article
 * bodies, first saves racing) behaves the same on H2, PostgreSQL and MariaDB.
 */
class CurationDatabaseTest extends DatabaseTest {

    @Autowired
    ChannelService channels;
    @Autowired
    ArticleService articles;
    @Autowired
    SlotService slots;
    @Autowired
    TopicService topics;
    @Autowired
    MediaService media;

    @Test
    void twoFirstSavesOfASlotAtOnceBothLandAndAStaleVersionIsRefused() throws Exception {
        String channel = unique("slots");
        channels.create("推荐", channel, null, null, null);
        long one = articles.create(Draft.of("推荐一", channel).build(), ADMIN).id();
        long two = articles.create(Draft.of("推荐二", channel).build(), ADMIN).id();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Long>> saves = new ArrayList<>();
            for (long id : List.of(one, two)) {
                saves.add(pool.submit(() -> {
                    start.await();
                    return slots.update(Slot.TOUTIAO, List.of(id), null, ADMIN).version();
                }));
            }
            List<Long> versions = new ArrayList<>();
            for (Future<Long> save : saves) {
                versions.add(save.get());
            }
            assertThat(versions).as("the saves took turns").doesNotHaveDuplicates();
        } finally {
            pool.shutdown();
        }
        SlotService.SlotView now = slots.get(Slot.TOUTIAO, ADMIN);
        assertThat(now.articleIds()).hasSize(1);
        assertThatThrownBy(() -> slots.update(Slot.TOUTIAO, List.of(one, two), now.version() - 1, ADMIN))
                .isInstanceOf(ConflictException.class);
        assertThat(slots.update(Slot.TOUTIAO, List.of(two, one), now.version(), ADMIN).articleIds())
                .containsExactly(two, one);
    }

    @Test
    void aTopicIsWrittenRewrittenFoundFromItsArticlesAndDeleted() {
        String channel = unique("topics");
        channels.create("专题文章", channel, null, null, null);
        long picked = articles.create(Draft.of("专题里的文章", channel).build(), ADMIN).id();
        String slug = unique("zt");
        TopicService.TopicView created = topics.create(new TopicService.TopicDraft(slug, "数据库专题", null, "导语",
                true, List.of(new TopicService.Section("第一栏", null, List.of(picked)))), ADMIN);
        assertThat(created.sections().get(0).articles()).containsExactly(picked);
        TopicService.TopicView changed = topics.update(created.id(), new TopicService.TopicDraft(slug, "数据库专题（改）",
                null, null, true, List.of(new TopicService.Section("第二栏", null, List.of(picked)),
                new TopicService.Section("第三栏", null, List.of(picked)))), created.version(), ADMIN);
        assertThat(changed.sections()).extracting(TopicService.Section::title).containsExactly("第二栏", "第三栏");
        assertThat(topics.topicsOf(articles.get(picked))).extracting(TopicService.TopicView::title)
                .contains("数据库专题（改）");
        assertThatThrownBy(() -> topics.create(new TopicService.TopicDraft(slug, "同地址", null, null, false,
                List.of(new TopicService.Section("栏", null, List.of(picked)))), ADMIN))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).key()).isEqualTo("topic.slug.taken"));
        topics.delete(created.id(), ADMIN);
        assertThat(topics.shown(slug)).isEmpty();
    }

    @Test
    void aPictureIsStoredOnceFoundByItsAddressAndKeptWhileAnArticleShowsIt() throws Exception {
        String channel = unique("media");
        channels.create("图片", channel, null, null, null);
        byte[] png = TestPictures.png(900, 600);
        MediaView picture = media.upload(png, "数据库.png", MediaService.Description.NONE, ADMIN).media();
        assertThat(media.upload(png, "again.png", MediaService.Description.NONE, ADMIN).created()).isFalse();
        String large = picture.sizes().get(MediaService.LARGE).url();
        assertThat(media.byAddress(List.of(picture.thumbnailUrl(), "/media/elsewhere.png")))
                .containsOnlyKeys(picture.thumbnailUrl());
        articles.create(Draft.of("带图片的文章", channel).body("<p><img src=\"" + large + "\" alt=\"图\"></p>").build(),
                ADMIN);
        assertThat(media.usages(picture.id())).extracting(MediaService.Usage::title).containsExactly("带图片的文章");
        assertThatThrownBy(() -> media.delete(picture.id(), ADMIN)).isInstanceOf(ConflictException.class);

        media.setWatermark(new Watermark(true, "数据库", Watermark.Position.CENTER, 50), ADMIN);
        assertThat(media.watermark().text()).isEqualTo("数据库");
        media.setWatermark(Watermark.OFF, ADMIN);
        assertThat(media.watermark().applies()).isFalse();
    }
}
