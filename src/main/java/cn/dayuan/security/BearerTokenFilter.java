package cn.dayuan.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.dayuan.account.ApiTokenService;

/** Authenticates {@code Authorization: Bearer dyt_…} personal API tokens. */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokenService tokens;
    private final ProblemAuthenticationEntryPoint problems;

    BearerTokenFilter(ApiTokenService tokens, ProblemAuthenticationEntryPoint problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        var account = tokens.authenticate(header.substring(BEARER.length()).trim());
        if (account.isEmpty()) {
            problems.commence(request, response, new BadCredentialsException("API token invalid or revoked"));
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(account.get().getUsername(), null,
                AuthorityUtils.createAuthorityList(java.util.Arrays.stream(SecurityConfig.rolesOf(account.get().getRole()))
                        .map(role -> "ROLE_" + role).toArray(String[]::new)));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
