package cn.dayuan.account;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByUsername(String username);

    boolean existsByUsername(String username);

    List<Account> findAllByOrderByIdAsc();

    /**
     * The enabled administrators, locked until the transaction ends: two administrators demoting each other at the
     * same moment count one after the other, so the second sees the first's change and is refused.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Account a where a.role = cn.dayuan.account.Role.ADMIN and a.enabled = true order by a.id")
    List<Account> lockEnabledAdmins();
}
