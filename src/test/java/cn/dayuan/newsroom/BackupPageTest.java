package cn.dayuan.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.FileSystemUtils;

import cn.dayuan.account.AccountService;
import cn.dayuan.account.Role;
import cn.dayuan.backup.BackupService;

/** The newsroom's backup page: the last backups, "back up now", and a download of each, for administrators. */
@SpringBootTest(properties = {"dayuan.data-dir=" + BackupPageTest.DATA_DIR, "dayuan.admin-password=backup-page-pw"})
@AutoConfigureMockMvc
class BackupPageTest {

    static final String DATA_DIR = "target/test-data/BackupPageTest";

    static {
        FileSystemUtils.deleteRecursively(Path.of(DATA_DIR).toFile());
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    BackupService backups;
    @Autowired
    AccountService accounts;

    private RequestPostProcessor admin() {
        if (accounts.findByUsername("backup-admin").isEmpty()) {
            accounts.create("backup-admin", "备份管理员", null, "backup-admin-pw", Role.ADMIN);
        }
        return user("backup-admin").roles("ADMIN", "EDITOR", "AUTHOR");
    }

    @Test
    void anAdministratorBacksUpNowAndDownloadsTheFile() throws Exception {
        mvc.perform(get("/admin/backups").with(admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("还没有备份")))
                .andExpect(content().string(containsString("java -jar dayuan.jar restore --from")));

        MvcResult done = mvc.perform(post("/admin/backups").with(csrf()).with(admin()))
                .andExpect(status().isSeeOther()).andExpect(redirectedUrl("/admin/backups")).andReturn();
        Notice notice = (Notice) done.getFlashMap().get(Notice.FLASH);
        assertThat(notice.success()).as(notice.message()).isTrue();
        assertThat(notice.message()).startsWith("备份完成：数据库");

        assertThat(backups.recent()).hasSize(1);
        String name = backups.recent().get(0).name();
        mvc.perform(get("/admin/backups").with(admin()))
                .andExpect(content().string(containsString("href=\"/admin/backups/" + name + "\"")));
        byte[] zip = mvc.perform(get("/admin/backups/" + name).with(admin()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            boolean manifest = false;
            for (var entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                manifest |= entry.getName().equals("dayuan-backup.json");
            }
            assertThat(manifest).isTrue();
        }
    }

    @Test
    void onlyBackupFilesAreServedWhateverTheAddressSays() throws Exception {
        for (String name : new String[] {"dayuan-backup-20990101-000000.zip", "..%2F..%2Fdb%2Fdayuan.mv.db",
                "dayuan.mv.db", "dayuan-backup-20990101-000000.zip.partial", "%2e%2e"}) {
            int status = mvc.perform(get("/admin/backups/" + name).with(admin())).andReturn().getResponse().getStatus();
            assertThat(status).as(name).isIn(400, 404);
        }
    }
}
