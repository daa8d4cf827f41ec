package cn.dayuan.newsroom;

import java.util.Arrays;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.dayuan.account.Permissions;
import cn.dayuan.account.Role;
import cn.dayuan.report.ReportService;
import cn.dayuan.report.ReportStatus;
import cn.dayuan.report.ReportStep;
import cn.dayuan.system.ConflictException;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.NotFoundException;
import cn.dayuan.system.Texts;

/** Readers' 举报 for editors: open cases first by due time (overdue ones marked), and the steps to handle each. */
@Controller
@RequestMapping("/admin/reports")
class ReportsController {

    static final int PAGE_SIZE = 20;

    private final ReportService reports;
    private final Texts texts;

    private final Permissions permissions;

    ReportsController(ReportService reports, Texts texts, Permissions permissions) {
        this.permissions = permissions;
        this.texts = texts;
        this.reports = reports;
    }

    /** Every page and action here is for editors: refused before any input is looked at. */
    @ModelAttribute
    void editorsOnly() {
        permissions.require(Role.EDITOR);
    }

    @GetMapping
    String queue(@RequestParam(required = false) String status, @RequestParam(defaultValue = "1") String page,
                 Model model) {
        ReportStatus wanted = Arrays.stream(ReportStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElse(null);
        int pageNumber;
        try {
            pageNumber = Math.max(1, Math.min(100_000, Integer.parseInt(page.strip())));
        } catch (NumberFormatException e) {
            pageNumber = 1;
        }
        model.addAttribute("cases", reports.queue(wanted, pageNumber - 1, PAGE_SIZE));
        model.addAttribute("status", wanted == null ? "" : wanted.name());
        model.addAttribute("page", pageNumber);
        model.addAttribute("statuses", ReportStatus.values());
        model.addAttribute("open", reports.openCount());
        model.addAttribute("overdue", reports.overdueCount());
        return "newsroom/reports";
    }

    @PostMapping("/{id}")
    Object act(@PathVariable long id, @RequestParam(required = false) String step,
               @RequestParam(required = false) String note, @RequestParam(required = false) String returnTo,
               Authentication who, RedirectAttributes redirect) {
        ReportStep chosen = Arrays.stream(ReportStep.values()).filter(s -> s.name().equals(step)).findFirst()
                .orElse(null);
        try {
            if (chosen == null) {
                throw new InvalidInputException("step", "report.step.required");
            }
            ReportService.CaseView handled = reports.act(id, chosen, note, who.getName());
            redirect.addFlashAttribute(Notice.FLASH, Notice.success(texts.of("report.handled", handled.caseNumber(),
                    chosen.label(), handled.status().label())));
        } catch (InvalidInputException | ConflictException | NotFoundException e) {
            redirect.addFlashAttribute(Notice.FLASH, Notice.failure(texts.of(e)));
        }
        return Redirects.back(returnTo, "/admin/reports");
    }
}
