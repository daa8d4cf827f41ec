package cn.dayuan.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.dayuan.system.Actor;
import cn.dayuan.system.CurrentActor;

/**
 * The actor of the current thread from Spring Security's context: the account a request signed in as, a reader for
 * any other request (every filter chain gives a request without an account the anonymous authentication), the
 * application where no filter chain ran: start-up, jobs, commands. A public page that reached a newsroom service by
 * mistake would be refused, not trusted.
 */
@Component
class SignedInActor implements CurrentActor {

    @Override
    public Actor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return new Actor.Account(authentication.getName());
        }
        return authentication != null ? new Actor.Reader() : new Actor.Application();
    }
}
