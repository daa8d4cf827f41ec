package cn.dayuan.api;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Problem details for requests under {@code /api/} that no API controller took: an unknown path (404), a known
 * path with the wrong method (405) or content type (415). The scoped {@link ApiExceptionHandler} cannot see those,
 * because no controller of this package was chosen; without this the site's HTML error pages would answer.
 */
@Component
class ApiPathErrors implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ApiPathErrors.class);

    private final ApiExceptionHandler handler;
    private final ApiProblemWriter problems;

    ApiPathErrors(ApiExceptionHandler handler, ApiProblemWriter problems) {
        this.handler = handler;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object chosen,
                                         Exception ex) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/") || isApiController(chosen)) {
            return null;
        }
        ResponseEntity<Object> answer = handler.frameworkProblem(ex, new ServletWebRequest(request, response));
        if (answer == null || !(answer.getBody() instanceof ProblemDetail problem)) {
            return null;
        }
        try {
            answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            problems.write(request, response, problem);
        } catch (IOException e) {
            log.debug("Could not write the problem for {}", request.getRequestURI(), e);
        }
        return new ModelAndView();
    }

    private static boolean isApiController(Object chosen) {
        return chosen instanceof HandlerMethod method
                && method.getBeanType().getPackageName().equals(ApiPathErrors.class.getPackageName());
    }
}
