package cn.dayuan.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import cn.dayuan.system.Texts;

/** 401 and 403 for the JSON API as RFC 9457 problem details, like every other API error. */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final Texts texts;

    ProblemAuthenticationEntryPoint(Texts texts) {
        this.texts = texts;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Dayuan API\", Bearer");
        write(response, HttpStatus.UNAUTHORIZED, texts.of("security.api.login-required"), request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, HttpStatus.FORBIDDEN, texts.of("security.api.forbidden"), request);
    }

    /** Any refusal of the API's doors (415, 403 for a cross-site origin, 429 for too many wrong logins). */
    static void write(HttpServletResponse response, HttpStatus status, String detail,
                      HttpServletRequest request) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\",\"instance\":\""
                + request.getRequestURI().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
