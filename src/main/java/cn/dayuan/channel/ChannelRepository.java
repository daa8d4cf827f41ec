package cn.dayuan.channel;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ChannelRepository extends JpaRepository<Channel, Long> {

    Optional<Channel> findByPath(String path);

    boolean existsByPath(String path);

    List<Channel> findByParentId(Long parentId);
}
