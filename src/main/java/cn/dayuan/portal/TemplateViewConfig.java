package cn.dayuan.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

import gg.jte.TemplateEngine;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteView;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;

import cn.dayuan.system.Utf8Output;

/**
 * Pages, the newsroom's too, are rendered as the static export renders them: into UTF-8 bytes ({@link Utf8Output}),
 * then sent whole with their length. JTE's own view writes through the response's writer, which would decode the
 * templates' static text, kept as UTF-8 bytes, on every page only to encode it again; and a page that fails half-way
 * now sends nothing of itself, so the error page is all the reader gets.
 */
@Configuration(proxyBeanMethods = false)
class TemplateViewConfig {

    @Bean
    JteViewResolver jteViewResolver(TemplateEngine templates, JteProperties properties) {
        return new JteViewResolver(templates, properties) {
            @Override
            protected AbstractUrlBasedView instantiateView() {
                return new Utf8View(templates);
            }
        };
    }

    private static final class Utf8View extends JteView {

        private final TemplateEngine templates;

        Utf8View(TemplateEngine templates) {
            super(templates);
            this.templates = templates;
        }

        @Override
        protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request,
                                                 HttpServletResponse response) throws IOException {
            Utf8Output output = new Utf8Output(32 * 1024);
            templates.render(getUrl(), model, output);
            byte[] page = output.toByteArray();
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentLength(page.length);
            response.getOutputStream().write(page);
        }
    }
}
