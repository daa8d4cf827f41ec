package cn.dayuan.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    /** Asked on every API call with a token: a query string, whose SQL Hibernate keeps (see ArticleRepository). */
    @Query("select t from ApiToken t join fetch t.account where t.tokenHash = :tokenHash")
    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findByAccountIdOrderByIdDesc(Long accountId);
}
