package cn.dayuan.publish;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

import cn.dayuan.account.Permissions;
import cn.dayuan.account.Role;
import cn.dayuan.system.DayuanProperties;
import cn.dayuan.system.ForbiddenException;
import cn.dayuan.system.Texts;

/**
 * The newsroom's "export the site" button, editors and administrators only: it starts an export in the background
 * ({@link ExportJobs}) and the page follows it through {@code /admin/export/status}.
 */
@Controller
@RequestMapping("/admin/export")
class ExportController {

    private final ExportJobs jobs;
    private final DayuanProperties properties;
    private final Texts texts;
    private final Permissions permissions;

    ExportController(ExportJobs jobs, DayuanProperties properties, Permissions permissions, Texts texts) {
        this.texts = texts;
        this.permissions = permissions;
        this.jobs = jobs;
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
        model.addAttribute("copies", new Precompressed(properties.exportCompressedCopies()).made());
        model.addAttribute("status", jobs.status());
        model.addAttribute("zone", properties.timeZone());
        return "publish/export";
    }

    /** Starts the export, or finds one running, and sends the browser to the page that follows it (303). */
    @PostMapping
    RedirectView export(Principal principal, RedirectAttributes redirect) {
        redirect.addFlashAttribute("busy", !jobs.start(principal.getName()));
        RedirectView view = new RedirectView("/admin/export");
        view.setStatusCode(HttpStatus.SEE_OTHER);
        return view;
    }

    /** What the page's script polls: the running export's figures, and when the last one ended. */
    @GetMapping(path = "/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> status() {
        ExportJobs.Status status = jobs.status();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("running", status.running() != null);
        if (status.running() != null) {
            ExportProgress.Snapshot figures = status.running().figures();
            json.put("startedBy", status.running().startedBy());
            json.put("done", figures.done());
            json.put("total", figures.total());
            json.put("percent", figures.percent());
            json.put("perSecond", Math.round(figures.perSecond() * 10) / 10.0);
            json.put("seconds", Math.round(figures.seconds()));
        }
        json.put("lastFinished", status.last() == null ? null : status.last().finishedAt().toString());
        json.put("lastFailed", status.last() != null && status.last().error() != null);
        return json;
    }

    /** The newsroom's error pages belong to the newsroom package: a refusal here is a plain 403 with its text. */
    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<String> forbidden(ForbiddenException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body(texts.of(e));
    }
}
