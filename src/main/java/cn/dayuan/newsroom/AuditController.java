package cn.dayuan.newsroom;

import java.time.ZoneId;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.dayuan.audit.AuditLog;
import cn.dayuan.audit.AuditQuery;
import cn.dayuan.system.DayuanProperties;

/** The audit log for administrators: searched and filtered, never changed. */
@Controller
class AuditController {

    private static final int PAGE_SIZE = 50;

    private final AuditLog audit;
    private final ZoneId zone;

    AuditController(AuditLog audit, DayuanProperties properties) {
        this.audit = audit;
        this.zone = properties.timeZone();
    }

    /** {@code from} and {@code to} are days in the site's time zone, both included. */
    @GetMapping("/admin/audit")
    String list(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String action,
                @RequestParam(defaultValue = "") String object, @RequestParam(defaultValue = "") String from,
                @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "1") int page, Model model) {
        AuditQuery query = new AuditQuery(actor, action, object,
                from.isBlank() ? null : FormDays.parse(from, "from").atStartOfDay(zone).toInstant(),
                to.isBlank() ? null : FormDays.parse(to, "to").plusDays(1).atStartOfDay(zone).toInstant());
        model.addAttribute("entries", audit.search(query, Math.min(Math.max(page, 1), 100_000) - 1, PAGE_SIZE));
        model.addAttribute("actions", audit.actions());
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("object", object);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "newsroom/audit";
    }
}
