package cn.dayuan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.dayuan.account.AccountService;
import cn.dayuan.channel.ChannelService;

@SpringBootTest(properties = {"dayuan.data-dir=target/test-data/smoke", "dayuan.admin-password=smoke-test-pw"})
class StartupSmokeTest {

    @Autowired
    AccountService accounts;
    @Autowired
    ChannelService channels;

    @Test
    void firstStartCreatesTheAdministrator() {
        assertThat(accounts.findByUsername("admin")).isPresent();
        channels.create("国内新闻", null, null, "国内要闻", null);
        assertThat(channels.tree().byPath("guoneixinwen")).isPresent();
    }
}
