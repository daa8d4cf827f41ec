package cn.dayuan.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.dayuan.system.Texts;

/**
 * Caps API request bodies, so one request cannot make the server hold gigabytes of JSON in memory: a declared
 * length over the cap is refused before reading, and a chunked body stops being read at the cap. Both are 413.
 */
@Configuration(proxyBeanMethods = false)
class RequestBodyLimit {

    /** Far above the largest article (the body HTML holds image links, not images). */
    static final long MAX_BYTES = 5L * 1024 * 1024;
    /** A picture upload: the media library's 10 MB and room for the multipart envelope and its text fields. */
    static final long UPLOAD_MAX_BYTES = 11L * 1024 * 1024;

    static ProblemDetail problem(Texts texts) {
        return ApiProblems.of(HttpStatus.CONTENT_TOO_LARGE, texts.of("api.problem.too-large", MAX_BYTES / 1024 / 1024));
    }

    static ProblemDetail uploadProblem(Texts texts) {
        return ApiProblems.of(HttpStatus.CONTENT_TOO_LARGE, texts.of("media.too-large"));
    }

    private static boolean isUpload(HttpServletRequest request) {
        return MediaApiController.PATH.equals(request.getRequestURI());
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiRequestBodyLimit(ApiProblemWriter problems, Texts texts) {
        OncePerRequestFilter limit = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                boolean upload = isUpload(request);
                if (request.getContentLengthLong() > (upload ? UPLOAD_MAX_BYTES : MAX_BYTES)) {
                    problems.write(request, response, upload ? uploadProblem(texts) : problem(texts));
                    return;
                }
                chain.doFilter(new CappedRequest(request, upload ? UPLOAD_MAX_BYTES : MAX_BYTES), response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(limit);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /** Thrown while reading a body that grows past {@link #MAX_BYTES}. */
    static class TooLargeException extends IOException {
        TooLargeException(long limit) {
            super("Request body larger than " + limit + " bytes");
        }
    }

    private static final class CappedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream capped;

        CappedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (capped == null) {
                capped = new CappedStream(super.getInputStream(), limit);
            }
            return capped;
        }
    }

    private static final class CappedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        CappedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLargeException {
            read += n;
            if (read > limit) {
                throw new TooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
