package cn.dayuan.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.dayuan.article.ArticleDetail;
import cn.dayuan.article.ArticleService;
import cn.dayuan.channel.Channel;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.channel.ChannelView;
import cn.dayuan.system.ChineseText;
import cn.dayuan.system.ConflictException;
import cn.dayuan.system.InvalidInputException;

/** The channel tree: nested paths, moves that carry the subtree along, and deletes the database refuses. */
class ChannelDatabaseTest extends DatabaseTest {

    @Autowired
    ChannelService channels;
    @Autowired
    ArticleService articles;

    @Test
    void nestedChannelsGetPathsFromTheirAncestors() {
        String root = unique("zcjh");
        Channel top = channels.create("政策聚焦", root, null, "政策解读与权威发布", null);
        Channel middle = channels.create("即时新闻", "jishixinwen", root, null, null);
        Channel bottom = channels.create("时政", "shizheng", "/" + root + "/jishixinwen/", null, null);

        assertThat(bottom.getPath()).isEqualTo(root + "/jishixinwen/shizheng");
        assertThat(pathInDatabase(bottom.getId())).isEqualTo(root + "/jishixinwen/shizheng");
        assertThat(channels.getByPath(root + "/jishixinwen").getId()).isEqualTo(middle.getId());

        ChannelView view = channels.tree().byPath(root + "/jishixinwen/shizheng").orElseThrow();
        assertThat(view.url()).isEqualTo("/" + root + "/jishixinwen/shizheng/");
        assertThat(view.depth()).isEqualTo(2);
        assertThat(channels.tree().trail(view.id())).extracting(ChannelView::name)
                .containsExactly("政策聚焦", "即时新闻", "时政");
        assertThat(channels.tree().byId(top.getId()).orElseThrow().description()).isEqualTo("政策解读与权威发布");
    }

    @Test
    void aBlankSlugBecomesThePinyinOfTheName() {
        String name = "民生" + unique("频道");
        Channel channel = channels.create(name, null, null, null, null);
        assertThat(channel.getSlug()).isEqualTo(ChineseText.pinyinSlug(name)).startsWith("minsheng");
    }

    @Test
    void childrenAreListedInTheirSortOrder() {
        String root = unique("bendi");
        channels.create("本地", root, null, null, null);
        channels.create("县区", "xianqu", root, null, 30);
        channels.create("社区", "shequ", root, null, 10);
        channels.create("乡村", "xiangcun", root, null, 20);

        ChannelView parent = channels.tree().byPath(root).orElseThrow();
        assertThat(parent.children()).extracting(ChannelView::name).containsExactly("社区", "乡村", "县区");
    }

    @Test
    void movingAChannelMovesItsWholeSubtreeAndItsArticleAddresses() {
        String from = unique("jiu");
        String to = unique("xin");
        channels.create("旧栏目", from, null, null, null);
        channels.create("新栏目", to, null, null, null);
        Channel moving = channels.create("经济", "jingji", from, null, null);
        Channel child = channels.create("财经", "caijing", from + "/jingji", null, null);
        ArticleDetail article = articles.create(Draft.of("财经要闻", from + "/jingji/caijing").build(), ADMIN);

        long newParent = channels.getByPath(to).getId();
        channels.update(moving.getId(), "经济", "jingji", newParent, null, null);

        assertThat(pathInDatabase(moving.getId())).isEqualTo(to + "/jingji");
        assertThat(pathInDatabase(child.getId())).isEqualTo(to + "/jingji/caijing");
        assertThat(channels.tree().byPath(from + "/jingji")).isEmpty();
        assertThat(channels.tree().trail(child.getId())).extracting(ChannelView::name)
                .containsExactly("新栏目", "经济", "财经");
        assertThat(articles.get(article.id()).url()).isEqualTo("/" + to + "/jingji/caijing/" + article.id() + ".html");
    }

    @Test
    void everyPathAChannelAndItsSubtreeLeftPointsAtWhereTheyAreNow() {
        String first = unique("shehui");
        String second = unique("minsheng");
        String third = unique("minsheng");
        Channel region = channels.create("地方", unique("difang"), null, null, null);
        Channel moving = channels.create("社会", first, null, null, null);
        Channel child = channels.create("街道", "jiedao", first, null, null);

        channels.update(moving.getId(), "社会民生", second, null, null, null);
        channels.update(moving.getId(), "社会民生", third, null, null, null);
        channels.update(moving.getId(), "社会民生", third, region.getId(), null, null, true);

        String now = region.getPath() + "/" + third;
        assertThat(jdbc.queryForList("select path from channel_path where channel_id = ?", String.class,
                moving.getId())).containsExactlyInAnyOrder(first, second, third);
        assertThat(jdbc.queryForList("select path from channel_path where channel_id = ?", String.class,
                child.getId())).containsExactlyInAnyOrder(first + "/jiedao", second + "/jiedao", third + "/jiedao");
        for (String old : List.of(first, second, third)) {
            assertThat(channels.tree().movedFrom(old)).map(ChannelView::path).contains(now);
            assertThat(channels.tree().movedFrom(old + "/jiedao")).map(ChannelView::path).contains(now + "/jiedao");
        }
        assertThat(channels.tree().byPath(now)).map(ChannelView::hidden).contains(true);
        assertThat(channels.tree().byId(region.getId()).orElseThrow().shownChildren()).as("hidden below its parent")
                .extracting(ChannelView::id).doesNotContain(moving.getId());

        // Back at a path it had: that path is live again and no longer a former one.
        channels.update(moving.getId(), "社会", first, null, null, null);
        assertThat(channels.tree().movedFrom(first)).isEmpty();
        assertThat(channels.tree().movedFrom(now)).map(ChannelView::path).contains(first);
        assertThat(channels.tree().byPath(first)).map(ChannelView::hidden).as("kept when not given").contains(true);
        assertThat(jdbc.queryForObject("select count(*) from channel_path where path = ?", Long.class, first))
                .isZero();

        channels.delete(child.getId());
        channels.delete(moving.getId());
        assertThat(jdbc.queryForObject("select count(*) from channel_path where channel_id in (?, ?)", Long.class,
                moving.getId(), child.getId())).isZero();
        assertThat(channels.tree().movedFrom(second)).isEmpty();
    }

    @Test
    void aChannelCannotMoveBelowItselfNorOntoATakenPath() {
        String root = unique("wenhua");
        Channel top = channels.create("文化", root, null, null, null);
        Channel child = channels.create("非遗", "feiyi", root, null, null);
        channels.create("旅游", "lvyou", root, null, null);

        assertThatThrownBy(() -> channels.update(top.getId(), "文化", root, child.getId(), null, null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> channels.update(child.getId(), "非遗", "lvyou", top.getId(), null, null))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> channels.create("非遗二", "feiyi", root, null, null))
                .isInstanceOf(ConflictException.class);
        assertThat(pathInDatabase(top.getId())).isEqualTo(root);
        assertThat(pathInDatabase(child.getId())).isEqualTo(root + "/feiyi");
    }

    @Test
    void reservedAndMalformedSlugsAreRefusedAndNothingIsWritten() {
        long before = countChannels();
        assertThatThrownBy(() -> channels.create("后台", "admin", null, null, null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> channels.create("坏别名", "Bad Slug!", null, null, null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> channels.create(" ", unique("kong"), null, null, null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> channels.create("孤儿", unique("guer"), "no-such-parent", null, null))
                .isInstanceOf(InvalidInputException.class);
        assertThat(countChannels()).isEqualTo(before);
    }

    @Test
    void aChannelWithSubChannelsOrArticlesIsNotDeleted() {
        String root = unique("shehui");
        Channel top = channels.create("社会", root, null, null, null);
        Channel withArticle = channels.create("法治", "fazhi", root, null, null);
        articles.create(Draft.of("普法宣传进社区", root + "/fazhi").build(), ADMIN);

        assertThatThrownBy(() -> channels.delete(top.getId())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("channel.delete.has-children");
        assertThatThrownBy(() -> channels.delete(withArticle.getId())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("channel.delete.has-articles");
        assertThat(channels.tree().byPath(root + "/fazhi")).isPresent();
        assertThat(pathInDatabase(withArticle.getId())).isEqualTo(root + "/fazhi");
    }

    @Test
    void anEmptyChannelIsDeleted() {
        String root = unique("linshi");
        channels.create("临时", root, null, null, null);
        Channel leaf = channels.create("专题", "zhuanti", root, null, null);

        channels.delete(leaf.getId());
        channels.delete(channels.getByPath(root).getId());

        assertThat(channels.tree().byPath(root)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from channel where path = ? or path like ?", Long.class,
                root, root + "/%")).isZero();
    }

    private String pathInDatabase(long id) {
        return jdbc.queryForObject("select path from channel where id = ?", String.class, id);
    }

    private long countChannels() {
        return jdbc.queryForObject("select count(*) from channel", Long.class);
    }

}
