package cn.dayuan.newsroom;

import java.nio.file.Path;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.dayuan.account.Permissions;
import cn.dayuan.account.Role;
import cn.dayuan.backup.BackupException;
import cn.dayuan.backup.BackupService;
import cn.dayuan.system.ConflictException;
import cn.dayuan.system.NotFoundException;

/** Backups of the whole site (administrators only): the last ones, a download of each, and "back up now". */
@Controller
@RequestMapping("/admin/backups")
class BackupController {

    private final BackupService backups;

    private final Permissions permissions;

    BackupController(BackupService backups, Permissions permissions) {
        this.permissions = permissions;
        this.backups = backups;
    }

    /** Every page and action here is for administrators: refused before any input is looked at. */
    @ModelAttribute
    void administratorsOnly() {
        permissions.require(Role.ADMIN);
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("backups", backups.recent());
        model.addAttribute("folder", backups.folder().toString());
        return "newsroom/backups";
    }

    @PostMapping
    Object backUpNow(RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute(Notice.FLASH, Notice.success(backups.backupNow().summary()));
        } catch (ConflictException | BackupException e) {
            redirect.addFlashAttribute(Notice.FLASH, Notice.failure(e.getMessage()));
        }
        return Redirects.seeOther("/admin/backups");
    }

    @GetMapping("/{name}")
    ResponseEntity<FileSystemResource> download(@PathVariable String name) {
        Path file = backups.find(name).orElseThrow(() -> new NotFoundException("backup.file.not-found", name));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(file));
    }
}
