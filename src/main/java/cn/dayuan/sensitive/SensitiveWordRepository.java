package cn.dayuan.sensitive;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SensitiveWordRepository extends JpaRepository<SensitiveWord, String> {

    List<SensitiveWord> findAllByOrderByAllowedAscWordAsc();
}
