package cn.dayuan.channel;

import java.util.Collection;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface FormerPathRepository extends JpaRepository<FormerPath, Long> {

    Optional<FormerPath> findByPath(String path);

    @Modifying(flushAutomatically = true, clearAutomatically = false)
    @Query("delete from FormerPath f where f.path in :paths")
    int deleteByPathIn(Collection<String> paths);

    @Modifying(flushAutomatically = true, clearAutomatically = false)
    @Query("delete from FormerPath f where f.channelId = :channelId")
    int deleteByChannelId(long channelId);
}
