package cn.dayuan.directory;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DirectoryCategoryRepository extends JpaRepository<DirectoryCategory, Long> {

    @Query("select distinct c from DirectoryCategory c left join fetch c.links order by c.sortOrder, c.id")
    List<DirectoryCategory> findAllWithLinks();

    boolean existsByName(String name);
}
