package cn.dayuan.system;

import java.net.URI;
import java.net.URISyntaxException;

/** The one check of what counts as a web address a reader can be sent to. */
public final class WebAddress {

    private WebAddress() {
    }

    /** Whether {@code url} is an absolute http or https address with a host. */
    public static boolean isHttp(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
