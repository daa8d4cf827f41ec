package cn.dayuan.publish;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.dayuan.account.Permissions;
import cn.dayuan.account.Role;
import cn.dayuan.system.ConflictException;
import cn.dayuan.system.DayuanProperties;
import cn.dayuan.system.ForbiddenException;
import cn.dayuan.system.Texts;

/** The newsroom's "export the site" button: editors and administrators only. */
@Controller
@RequestMapping("/admin/export")
class ExportController {

    private final StaticExporter exporter;
    private final DayuanProperties properties;
    private final Texts texts;

    private final Permissions permissions;

    ExportController(StaticExporter exporter, DayuanProperties properties, Permissions permissions, Texts texts) {
        this.texts = texts;
        this.permissions = permissions;
        this.exporter = exporter;
        this.properties = properties;
    }

    /** Every page and action here is for editors: refused before any input is looked at. */
    @ModelAttribute
    void editorsOnly() {
        permissions.require(Role.EDITOR);
    }

    @GetMapping
    String page(Model model, CsrfToken csrf) {
        model.addAttribute("csrf", csrf);
        model.addAttribute("directory", properties.exportDir().toAbsolutePath().normalize().toString());
        return "publish/export";
    }

    /** Runs the export, then shows its counts on the page (post/redirect/get, so a reload does not export again). */
    @PostMapping
    String export(HttpServletRequest request, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("result", exporter.export(properties.exportDir(), request.getHeader("Host")));
        } catch (ExportException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/export";
    }

    /** The newsroom's error pages belong to the newsroom package: a refusal here is a plain 403 with its text. */
    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<String> forbidden(ForbiddenException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body(texts.of(e));
    }
}
