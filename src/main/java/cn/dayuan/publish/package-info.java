/**
 * Publishing: the page cache in front of the public site, and the static export.
 *
 * <h2>Page cache (contract for public pages)</h2>
 * <ul>
 *   <li>{@link cn.dayuan.publish.PageCacheFilter} runs first in the filter chain. GET/HEAD requests without a query
 *   string, outside {@code /admin /api /actuator /counter /assets /webjars /media /error}, are looked up by
 *   scheme + host + port + path. A hit is written from memory; Spring Security and Spring MVC never see it.</li>
 *   <li>A rendered response is stored when it is 200, of type HTML, XML, RSS/Atom or plain text, sets no cookie, and
 *   its controller recorded at least one {@link cn.dayuan.system.PageKeys} key. A page that touches the session
 *   (for instance by printing a CSRF token) sets a cookie and is therefore never cached.</li>
 *   <li>Cached responses carry {@code ETag} (strong, per encoding), {@code Last-Modified},
 *   {@code Cache-Control: public, no-cache}, {@code Vary: Accept-Encoding} and {@code X-Dayuan-Cache: HIT|MISS};
 *   responses that were not cached have no {@code X-Dayuan-Cache} header. Brotli or gzip is served when accepted.</li>
 *   <li>{@link cn.dayuan.publish.PageCache#evict} removes exactly the pages that recorded one of the given keys; it
 *   is called after commit for every {@link cn.dayuan.system.ContentChangedEvent} and is the one entry point a
 *   cross-node message would call.</li>
 * </ul>
 *
 * <h2>Static export</h2>
 * {@link cn.dayuan.publish.StaticExporter}: {@code java -jar dayuan.jar export --to DIR}, or the newsroom page
 * {@code /admin/export} (editors), which writes to {@code dayuan.export-dir} (default {@code {dataDir}/export}).
 */
package cn.dayuan.publish;
