package cn.dayuan.account;

import org.springframework.stereotype.Component;

import cn.dayuan.system.Actor;
import cn.dayuan.system.CurrentActor;
import cn.dayuan.system.ForbiddenException;

/**
 * The one place that tells whether the current actor holds a role: every service asks here first thing in a call
 * that needs one, so the newsroom, the API and any later door get the same answer (articles add their own rules in
 * their policy on top). The application's own work (start-up, demo, commands, jobs) may do everything; a reader
 * nothing that needs a role; an account what its role includes, while it is enabled.
 */
@Component
public class Permissions {

    private final AccountRepository accounts;
    private final CurrentActor actors;

    Permissions(AccountRepository accounts, CurrentActor actors) {
        this.accounts = accounts;
        this.actors = actors;
    }

    /**
     * Refuses the current actor unless it holds at least {@code role}; the acting account, or null when the
     * application itself acts.
     */
    public Account require(Role role) {
        Actor actor = actors.current();
        if (actor instanceof Actor.Application) {
            return null;
        }
        if (!(actor instanceof Actor.Account signedIn)) {
            throw new ForbiddenException("account.permission.sign-in");
        }
        return require(signedIn.username(), role);
    }

    /** Refuses the named account unless it is enabled and holds at least {@code role}, for a service told who acts. */
    public Account require(String username, Role role) {
        Account account = enabled(username);
        if (!account.getRole().includes(role)) {
            throw new ForbiddenException("account.permission.role", role.label());
        }
        return account;
    }

    /** The enabled account of this name, as a service acting for it needs it; refused when gone or disabled. */
    public Account enabled(String username) {
        return accounts.findByUsername(username).filter(Account::isEnabled)
                .orElseThrow(() -> new ForbiddenException("account.permission.disabled"));
    }
}
