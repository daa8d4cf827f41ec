package cn.dayuan.security;

import java.util.List;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.User;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.dayuan.account.AccountAccessChanged;

/**
 * Newsroom sessions follow their account: once a change of its role, its enabled flag or its password committed,
 * every session signed in as the account is marked expired, and its next request (on any node) is sent to the login
 * page by Spring Security's {@code ConcurrentSessionFilter}. The sessions are found through the
 * {@link SessionRegistry}: in memory on a single node, Spring Session's index by principal name in Redis in a
 * cluster ({@link SessionConfig}).
 */
@Component
class AccountSessions {

    private final SessionRegistry sessions;

    AccountSessions(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onAccessChanged(AccountAccessChanged change) {
        String kept = change.byItsOwnerInSession() ? currentSessionId() : null;
        // Both registries find an account's sessions by a principal with its username.
        User principal = new User(change.username(), "", List.of());
        for (SessionInformation session : sessions.getAllSessions(principal, false)) {
            if (!session.getSessionId().equals(kept)) {
                session.expireNow();
            }
        }
    }

    private static String currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            return session == null ? null : session.getId();
        }
        return null;
    }
}
