package cn.dayuan.system;

/**
 * Who a service call acts for: a newsroom account, a reader (a public page or an API call without credentials), or
 * the application itself (start-up, demo content, the command line, schedules and jobs, tests calling services),
 * which is no request at all. {@link CurrentActor} tells which; the services decide what each may do.
 */
public sealed interface Actor {

    /** A signed-in newsroom account, by its username. */
    record Account(String username) implements Actor {
    }

    /** Someone on the public site, or an API call that carries no account. */
    record Reader() implements Actor {
    }

    /** The application's own work, outside any request. */
    record Application() implements Actor {
    }
}
