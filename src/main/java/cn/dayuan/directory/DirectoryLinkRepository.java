package cn.dayuan.directory;

import org.springframework.data.jpa.repository.JpaRepository;

interface DirectoryLinkRepository extends JpaRepository<DirectoryLink, Long> {
}
