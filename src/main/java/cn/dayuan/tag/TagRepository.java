package cn.dayuan.tag;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface TagRepository extends JpaRepository<Tag, Long> {

    Optional<Tag> findByName(String name);

    List<Tag> findByNameIn(Collection<String> names);

    /**
     * The tags with these names as last committed, whatever the transaction's snapshot: under REPEATABLE READ
     * (MariaDB's default) a plain read does not see a tag that another transaction created after this one's first
     * read, even once the insert-or-nothing found it there.
     */
    @Lock(LockModeType.PESSIMISTIC_READ)
    @Query("select t from Tag t where t.name in :names")
    List<Tag> findCommittedByNameIn(Collection<String> names);

    /** The tag, locked against another rename, merge or delete until this transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from Tag t where t.id = :id")
    Optional<Tag> lockById(long id);
}
