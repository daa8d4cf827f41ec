package cn.dayuan.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.dayuan.directory.DirectoryService;
import cn.dayuan.directory.DirectoryView;
import cn.dayuan.system.ConflictException;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.NotFoundException;

/** The public-service navigation: categories and their links, created, changed, moved and deleted. */
class DirectoryDatabaseTest extends DatabaseTest {

    @Autowired
    DirectoryService directory;

    @Test
    void categoriesAndLinksAreListedInTheirOrder() {
        DirectoryView.Category government = directory.createCategory(unique("政务服务"), "各级政府服务平台", 10);
        directory.createLink(government.id(), "省政务服务网", "https://www.example.gov.cn/", "一网通办", 20);
        directory.createLink(government.id(), "市民热线12345", "https://12345.example.gov.cn/", "诉求直达", 10);

        DirectoryView.Category stored = category(government.id());
        assertThat(stored.name()).isEqualTo(government.name());
        assertThat(stored.description()).isEqualTo("各级政府服务平台");
        assertThat(stored.links()).extracting(DirectoryView.Link::name).containsExactly("市民热线12345", "省政务服务网");
        assertThat(stored.links().get(1).url()).isEqualTo("https://www.example.gov.cn/");
        assertThat(stored.links().get(1).description()).isEqualTo("一网通办");
    }

    @Test
    void aLinkCanBeChangedAndMovedToAnotherCategory() {
        long traffic = directory.createCategory(unique("交通出行"), null, null).id();
        long health = directory.createCategory(unique("医疗健康"), null, null).id();
        long link = directory.createLink(traffic, "预约挂号", "https://guahao.example.cn/", null, null).id();

        directory.updateLink(link, health, "预约挂号平台", "https://yuyue.example.cn/", "全市医院统一预约", 5);

        assertThat(category(traffic).links()).isEmpty();
        assertThat(category(health).links()).singleElement().satisfies(moved -> {
            assertThat(moved.name()).isEqualTo("预约挂号平台");
            assertThat(moved.url()).isEqualTo("https://yuyue.example.cn/");
            assertThat(moved.description()).isEqualTo("全市医院统一预约");
        });
        assertThat(directory.link(link).categoryId()).isEqualTo(health);
    }

    @Test
    void deletingACategoryDeletesItsLinks() {
        long category = directory.createCategory(unique("便民查询"), null, null).id();
        long kept = directory.createLink(category, "天气预报", "https://weather.example.cn/", null, null).id();
        long removed = directory.createLink(category, "公交查询", "https://bus.example.cn/", null, null).id();

        directory.deleteLink(removed);
        assertThat(category(category).links()).extracting(DirectoryView.Link::id).containsExactly(kept);

        directory.deleteCategory(category);
        assertThat(directory.view().categories()).extracting(DirectoryView.Category::id).doesNotContain(category);
        assertThat(jdbc.queryForObject("select count(*) from directory_link where category_id = ?", Long.class,
                category)).isZero();
        assertThatThrownBy(() -> directory.link(kept)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aTakenNameOrABadAddressIsRefusedAndNothingIsWritten() {
        String name = unique("社会保障");
        long category = directory.createCategory(name, null, null).id();
        long categoriesBefore = jdbc.queryForObject("select count(*) from directory_category", Long.class);

        assertThatThrownBy(() -> directory.createCategory(name, "重复", null)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> directory.createLink(category, "社保查询", "javascript:alert(1)", null, null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> directory.createLink(category, " ", "https://si.example.cn/", null, null))
                .isInstanceOf(InvalidInputException.class);

        assertThat(jdbc.queryForObject("select count(*) from directory_category", Long.class))
                .isEqualTo(categoriesBefore);
        assertThat(category(category).links()).isEmpty();
    }

    private DirectoryView.Category category(long id) {
        return directory.view().categories().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }
}
