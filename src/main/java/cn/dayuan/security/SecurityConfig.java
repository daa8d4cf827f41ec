package cn.dayuan.security;

import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import cn.dayuan.account.AccountService;
import cn.dayuan.account.ApiTokenService;
import cn.dayuan.account.Role;
import cn.dayuan.system.Texts;

/**
 * Three doors: the JSON API (HTTP Basic or a personal token, no session, no CSRF since no cookie is used),
 * the newsroom (form login, session, CSRF), and the public site (open to all).
 */
@Configuration
class SecurityConfig {

    /**
     * The public pages load scripts and styles from this site only and show pictures from anywhere on the web
     * (article bodies may link them); JSON-LD blocks are data, not script. Replayed by the page cache on every hit.
     */
    static final String PUBLIC_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: https: http:; media-src 'self' https:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'self'";

    /** The newsroom (and its editor, Quill from /webjars) runs nothing but its own files and is never framed. */
    static final String NEWSROOM_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: https: http:; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** The API answers data, never a document to render. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /** nosniff (on by default), no full address to other sites, and a policy per door. */
    private static Customizer<HeadersConfigurer<HttpSecurity>> headers(String policy) {
        return headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
    }

    /**
     * BCrypt behind Spring's delegating encoder. BCrypt reads 72 bytes and no more, so a longer password would match
     * any password with the same first 72 bytes: no password is set that long (AccountService), and none is
     * accepted at login.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        PasswordEncoder delegate = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence rawPassword) {
                return delegate.encode(rawPassword);
            }

            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                return rawPassword != null && rawPassword.toString().getBytes(StandardCharsets.UTF_8).length
                        <= AccountService.MAX_PASSWORD_BYTES && delegate.matches(rawPassword, encodedPassword);
            }

            @Override
            public boolean upgradeEncoding(String encodedPassword) {
                return delegate.upgradeEncoding(encodedPassword);
            }
        };
    }

    @Bean
    UserDetailsService userDetailsService(AccountService accounts) {
        return username -> accounts.findByUsername(username)
                .map(account -> User.withUsername(account.getUsername())
                        .password(account.getPasswordHash())
                        .disabled(!account.isEnabled())
                        .roles(rolesOf(account.getRole()))
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    /** An administrator also holds the editor's and author's roles, an editor the author's. */
    static String[] rolesOf(Role role) {
        return java.util.Arrays.stream(Role.values()).filter(role::includes).map(Role::name).toArray(String[]::new);
    }

    /**
     * No tracing spans around each security filter: they cost more than the filters themselves on every page render
     * (a fifth of the CPU of a static export); request metrics still come from the HTTP server observation.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokenService tokens, ProblemAuthenticationEntryPoint problems,
                            LoginAttempts loginAttempts, Texts texts) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        // what readers' pages call: captcha, comments, likes, counters, 举报 and its lookup
                        .requestMatchers(HttpMethod.GET, "/api/v1/captcha", "/api/v1/articles/*/comments",
                                "/api/v1/articles/*/counters", "/api/v1/reports/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/articles/*/comments", "/api/v1/articles/*/like",
                                "/api/v1/reports").permitAll()
                        .anyRequest().hasRole(Role.AUTHOR.name()))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                // in this order (filters put before the same one keep theirs): another site's state change is
                // refused first, then an address out of login tries, then the credentials are looked at
                .addFilterBefore(new ApiStateChanges(texts), BasicAuthenticationFilter.class)
                .addFilterBefore(loginAttempts.apiFilter(), BasicAuthenticationFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(headers(API_POLICY))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain newsroom(HttpSecurity http, LoginAttempts loginAttempts, SessionRegistry sessions)
            throws Exception {
        http.securityMatcher("/admin/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/admin/login", "/admin/forbidden").permitAll()
                        .anyRequest().hasRole(Role.AUTHOR.name()))
                .formLogin(form -> form
                        .loginPage("/admin/login")
                        .defaultSuccessUrl("/admin", false)
                        .successHandler(loginAttempts.successHandler("/admin"))
                        .failureHandler(loginAttempts.failureHandler("/admin/login?error"))
                        .permitAll())
                .addFilterBefore(loginAttempts.filter("/admin/login"),
                        org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
                .logout(logout -> logout.logoutUrl("/admin/logout").logoutSuccessUrl("/admin/login?logout"))
                // Any number of sessions per account, each known to the registry, so that a change of the account
                // ends them all (AccountSessions); the next request of an ended session goes to the login page.
                .sessionManagement(session -> session.sessionConcurrency(concurrency -> concurrency
                        .maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/admin/login?expired")))
                // refused requests (missing role, missing CSRF token) get the newsroom's own 403 page
                .exceptionHandling(e -> e.accessDeniedPage("/admin/forbidden"))
                .headers(headers(NEWSROOM_POLICY))
                .headers(headers -> headers.frameOptions(frame -> frame.deny()));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain publicSite(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .anyRequest().permitAll())
                .httpBasic(basic -> { })
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                // Counters, comments and reports are posted from cached public pages, which carry no CSRF token (and no
                // session); a comment needs the answer to a captcha drawn for the reader instead.
                .csrf(c -> c.ignoringRequestMatchers("/counter/**", "/comment/**", "/jubao/**"))
                .headers(headers(PUBLIC_POLICY))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }
}
