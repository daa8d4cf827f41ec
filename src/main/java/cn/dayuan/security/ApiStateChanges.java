package cn.dayuan.security;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.dayuan.system.Texts;

/**
 * A state change through the API comes from a program or from a page of this site, never from another site's
 * form: a browser that remembers HTTP Basic credentials would send them along. So a POST, PUT, PATCH or DELETE
 * under {@code /api/} is refused (403) when its {@code Origin} names another host, and its body, if it has one,
 * must be JSON (415 otherwise), which no cross-site form can send. Bodiless calls ({@code curl -X DELETE …},
 * {@code POST …/publish}) need no content type. The one exception is a picture upload ({@code POST /api/v1/media}),
 * which is a multipart form by nature; a browser always names the sending page's {@code Origin} on such a post, so
 * the Origin rule still keeps other sites out.
 */
class ApiStateChanges extends OncePerRequestFilter {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String PICTURE_UPLOADS = "/api/v1/media";

    private final Texts texts;

    ApiStateChanges(Texts texts) {
        this.texts = texts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!STATE_CHANGING.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !sameHost(origin, request.getServerName())) {
            ProblemAuthenticationEntryPoint.write(response, HttpStatus.FORBIDDEN,
                    texts.of("security.api.cross-site"), request);
            return;
        }
        String contentType = request.getContentType();
        boolean readable = isJson(contentType) || isPictureUpload(request) && isMultipart(contentType);
        if (hasBody(request) && !readable || contentType != null && !isUsable(contentType)) {
            ProblemAuthenticationEntryPoint.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    texts.of("security.api.json-required"), request);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean sameHost(String origin, String serverName) {
        try {
            String host = URI.create(origin.trim()).getHost();
            return host != null && serverName != null && bare(host).equals(bare(serverName));
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }

    private static String bare(String host) {
        return host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** A content type Spring can read at all: parseable, and naming one type (not {@code *}{@code /*}). */
    private static boolean isUsable(String contentType) {
        try {
            return !MediaType.parseMediaType(contentType).isWildcardType()
                    && !MediaType.parseMediaType(contentType).isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static boolean isPictureUpload(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && PICTURE_UPLOADS.equals(request.getRequestURI());
    }

    private static boolean isMultipart(String contentType) {
        try {
            return contentType != null && MediaType.MULTIPART_FORM_DATA.includes(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    static boolean isJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return "application".equals(type.getType())
                    && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
