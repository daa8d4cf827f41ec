package cn.dayuan.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.dayuan.article.ArticleListings.Listing;

class ArticleListingsTest {

    private static final Instant NOW = Instant.parse("2026-11-29T04:00:00Z");

    private static Object[] row(long id, String publishedAt, boolean pinned) {
        return new Object[] {id, Instant.parse(publishedAt), pinned};
    }

    private final Listing channel = Listing.of(List.of(
            row(1, "2026-11-01T00:00:00Z", false),
            row(2, "2026-11-03T00:00:00Z", false),
            row(3, "2026-11-02T00:00:00Z", true),
            row(4, "2026-12-01T00:00:00Z", false), // scheduled: not public yet
            row(5, "2026-11-03T00:00:00Z", false), // same time as 2: the higher id first
            row(6, "2026-12-02T00:00:00Z", true),  // scheduled and pinned
            row(7, "2026-10-01T00:00:00Z", true)), true);

    @Test
    void aChannelListShowsPinnedArticlesFirstThenTheNewestAndHidesScheduledOnes() {
        ArticleListings.Slice all = channel.page(NOW, 0, 20);

        assertThat(all.ids()).containsExactly(3L, 7L, 5L, 2L, 1L);
        assertThat(all.total()).isEqualTo(5);
    }

    @Test
    void pagesCutTheListAcrossThePinnedRun() {
        assertThat(channel.page(NOW, 0, 2).ids()).containsExactly(3L, 7L);
        assertThat(channel.page(NOW, 1, 2).ids()).containsExactly(7L, 5L);
        assertThat(channel.page(NOW, 4, 2).ids()).containsExactly(1L);
        assertThat(channel.page(NOW, 6, 2).ids()).isEmpty();
        assertThat(channel.page(NOW, 6, 2).total()).isEqualTo(5);
    }

    @Test
    void scheduledArticlesAppearWhenTheirTimeComesWithoutReloading() {
        ArticleListings.Slice later = channel.page(Instant.parse("2026-12-05T00:00:00Z"), 0, 20);

        assertThat(later.ids()).containsExactly(6L, 3L, 7L, 4L, 5L, 2L, 1L);
    }

    @Test
    void aTagListIgnoresPinning() {
        Listing tag = Listing.of(List.of(row(3, "2026-11-02T00:00:00Z", true), row(2, "2026-11-03T00:00:00Z", false)),
                false);

        assertThat(tag.page(NOW, 0, 20).ids()).containsExactly(2L, 3L);
    }

    @Test
    void relatedArticlesAreTheNewestAcrossTagsWithoutTheArticleItselfOrRepeats() {
        Listing policy = Listing.of(List.of(row(10, "2026-11-10T00:00:00Z", false),
                row(11, "2026-11-11T00:00:00Z", false), row(12, "2026-11-12T00:00:00Z", false),
                row(13, "2026-12-12T00:00:00Z", false)), false);
        Listing housing = Listing.of(List.of(row(11, "2026-11-11T00:00:00Z", false),
                row(20, "2026-11-20T00:00:00Z", false), row(9, "2026-11-09T00:00:00Z", false)), false);

        assertThat(ArticleListings.newestAcross(List.of(policy, housing), 12, 3, NOW)).containsExactly(20L, 11L, 10L);
        assertThat(ArticleListings.newestAcross(List.of(policy, housing), 12, 10, NOW))
                .containsExactly(20L, 11L, 10L, 9L);
    }

    @Test
    void anArticlePlacedAgainMovesToItsNewPlaceAndTakenOutLeaves() {
        Listing moved = channel.with(1, Instant.parse("2026-11-20T00:00:00Z"), false);
        assertThat(moved.page(NOW, 0, 20).ids()).containsExactly(3L, 7L, 1L, 5L, 2L);

        Listing pinned = moved.with(1, Instant.parse("2026-11-20T00:00:00Z"), true);
        assertThat(pinned.page(NOW, 0, 20).ids()).containsExactly(1L, 3L, 7L, 5L, 2L);
        assertThat(pinned.with(1, Instant.parse("2026-11-20T00:00:00Z"), true)).as("placing twice changes nothing")
                .satisfies(again -> assertThat(again.page(NOW, 0, 20).ids()).containsExactly(1L, 3L, 7L, 5L, 2L));

        assertThat(pinned.without(3).without(42).page(NOW, 0, 20).ids()).containsExactly(1L, 7L, 5L, 2L);
    }
}
