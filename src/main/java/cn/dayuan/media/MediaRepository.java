package cn.dayuan.media;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MediaRepository extends JpaRepository<MediaItem, Long> {

    Optional<MediaItem> findByContentHash(String contentHash);

    List<MediaItem> findByPathIn(Collection<String> paths);

    List<MediaItem> findByWebpCheckedFalseOrderById(Pageable page);

    /** Newest first; {@code pattern} is a lower-case LIKE pattern over name, alt text, caption and credit. */
    @Query("select m from MediaItem m where m.uploadedAt >= :from and m.uploadedAt < :until and ("
            + "lower(coalesce(m.originalName, '')) like :pattern or lower(coalesce(m.alt, '')) like :pattern"
            + " or lower(coalesce(m.caption, '')) like :pattern or lower(coalesce(m.credit, '')) like :pattern)"
            + " order by m.uploadedAt desc, m.id desc")
    Page<MediaItem> search(@Param("pattern") String pattern, @Param("from") Instant from,
                           @Param("until") Instant until, Pageable page);
}
