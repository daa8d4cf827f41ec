package cn.dayuan.security;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.springframework.boot.jetty.ConfigurableJettyWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

import cn.dayuan.system.DayuanProperties;
import cn.dayuan.system.StartupRefusedException;

/**
 * The one answer to "who is this client": the connection's peer, unless the peer is one of
 * {@code dayuan.trusted-proxies}; then the nearest address in {@code X-Forwarded-For} that is not a trusted proxy,
 * and the scheme of {@code X-Forwarded-Proto}. It runs in Jetty before any filter, so {@code getRemoteAddr()},
 * {@code isSecure()} and the session cookie's {@code Secure} flag agree everywhere (login and like limits, page
 * cache keys, absolute links). Other forwarded headers ({@code Forwarded}, {@code X-Forwarded-Host}, …) are never
 * believed: a proxy passes them on from the client unless told otherwise.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<ConfigurableJettyWebServerFactory> {

    private final List<IpAddressMatcher> proxies;

    TrustedProxies(DayuanProperties properties, Environment environment) {
        String strategy = environment.getProperty("server.forward-headers-strategy", "none").toLowerCase(Locale.ROOT);
        if (!strategy.equals("none")) {
            throw new StartupRefusedException("server.forward-headers-strategy=" + strategy
                    + " believes X-Forwarded-For from any client, so anyone could pose as any address and get past "
                    + "the login limit.",
                    "Remove server.forward-headers-strategy and list the addresses of your reverse proxies in "
                            + "dayuan.trusted-proxies (e.g. --dayuan.trusted-proxies=127.0.0.1), see README.md.");
        }
        List<IpAddressMatcher> matchers = new ArrayList<>();
        for (String entry : properties.trustedProxies()) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            try {
                matchers.add(new IpAddressMatcher(entry.trim()));
            } catch (IllegalArgumentException e) {
                throw new StartupRefusedException("dayuan.trusted-proxies holds '" + entry
                        + "', which is neither an IP address nor a CIDR range.",
                        "Write addresses like 127.0.0.1, 10.0.0.0/8 or ::1, separated by commas.");
            }
        }
        this.proxies = List.copyOf(matchers);
    }

    @Override
    public void customize(ConfigurableJettyWebServerFactory factory) {
        if (proxies.isEmpty()) {
            return;
        }
        Customizer customizer = new Customizer();
        factory.addServerCustomizers(server -> {
            for (var connector : server.getConnectors()) {
                for (var connectionFactory : connector.getConnectionFactories()) {
                    if (connectionFactory instanceof HttpConfiguration.ConnectionFactory http) {
                        http.getHttpConfiguration().addCustomizer(customizer);
                    }
                }
            }
        });
    }

    boolean isTrusted(String address) {
        for (IpAddressMatcher proxy : proxies) {
            try {
                if (proxy.matches(address)) {
                    return true;
                }
            } catch (IllegalArgumentException notAnAddress) {
                return false;
            }
        }
        return false;
    }

    /**
     * The client behind {@code peer}: walking {@code X-Forwarded-For} from its right end (the hop nearest to us),
     * the first address that is not a trusted proxy. What lies further left was written by the client itself and is
     * not believed. A value that is no address ends the walk at the last address known good.
     */
    String clientAddress(String peer, List<String> forwardedFor) {
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!isAddress(hop)) {
                return client;
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private static boolean isAddress(String text) {
        if (text.isEmpty() || text.length() > 45) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == '.' || c == ':')) {
                return false;
            }
        }
        try {
            new IpAddressMatcher(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Runs for every request on every connector, before the servlet container sees it. */
    private final class Customizer implements HttpConfiguration.Customizer {

        private final ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer();

        @Override
        public Request customize(Request request, HttpFields.Mutable responseHeaders) {
            SocketAddress peer = request.getConnectionMetaData().getRemoteSocketAddress();
            if (!(peer instanceof InetSocketAddress inet) || inet.getAddress() == null
                    || !isTrusted(inet.getAddress().getHostAddress())) {
                return request;
            }
            HttpFields original = request.getHeaders();
            String client = clientAddress(inet.getAddress().getHostAddress(),
                    original.getValuesList(HttpHeader.X_FORWARDED_FOR));
            String proto = last(original.getValuesList(HttpHeader.X_FORWARDED_PROTO));
            HttpFields.Mutable believed = HttpFields.build(original.size());
            for (HttpField field : original) {
                String name = field.getLowerCaseName();
                if (!name.startsWith("x-forwarded-") && !name.equals("forwarded") && !name.equals("x-proxied-https")
                        && !name.startsWith("proxy-")) {
                    believed.add(field);
                }
            }
            believed.add(HttpHeader.X_FORWARDED_FOR, client);
            if (proto != null && (proto.equalsIgnoreCase("https") || proto.equalsIgnoreCase("http"))) {
                believed.add(HttpHeader.X_FORWARDED_PROTO, proto.toLowerCase(Locale.ROOT));
            }
            HttpFields headers = believed.asImmutable();
            return forwarded.customize(new Request.Wrapper(request) {
                @Override
                public HttpFields getHeaders() {
                    return headers;
                }
            }, responseHeaders);
        }

        private static String last(List<String> values) {
            if (values.isEmpty()) {
                return null;
            }
            String joined = values.get(values.size() - 1);
            int comma = joined.lastIndexOf(',');
            return (comma < 0 ? joined : joined.substring(comma + 1)).trim();
        }
    }
}
