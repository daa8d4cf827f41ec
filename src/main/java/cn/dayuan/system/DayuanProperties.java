package cn.dayuan.system;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every Dayuan setting, bound from application.yml, the environment (DAYUAN_*) and the command line.
 *
 * @param dataDir       the one folder to back up: H2 database, media, exports
 * @param demo          load the demo portal on an empty database
 * @param adminPassword password for the {@code admin} account created on first start; generated when blank
 * @param baseUrl       public address used in canonical links, feeds and exports; blank means "from the request"
 * @param timeZone      zone in which publish times are shown to readers
 * @param pageCacheSize upper bound of the in-memory page cache; unset means a quarter of the Java heap
 * @param exportDir     folder the newsroom's static export writes to; blank means {@code {dataDir}/export}
 * @param backupDir     folder the newsroom's backups go to; blank means {@code {dataDir}/backups}
 * @param clusterName   prefix of every Redis key and channel of this site in cluster mode ({@link ClusterMode}), so
 *                      that several sites can share one Redis
 * @param captchaMinSolveTime how long after a captcha was drawn its answer is accepted at the earliest: a person
 *                      needs a few seconds to read it, a spam robot posting at once is refused
 * @param reportDueTime how long the newsroom has to handle a reader's 举报 before it shows as overdue
 * @param trustedProxies addresses or CIDR ranges of the reverse proxies whose {@code X-Forwarded-For} and
 *                      {@code X-Forwarded-Proto} are believed; empty means none, the connection's peer is the client
 * @param auditRetention how long the audit log keeps an entry (at least 180 days)
 * @param trashRetention how long a deleted article stays in the recycle bin before it is purged for good
 * @param trackingParameters query parameters that share buttons and campaigns add to a link (WeChat's
 *                      {@code from}/{@code isappinstalled}, {@code utm_*}, {@code spm}, …) and that never change a
 *                      page: an address carrying only these is served from the page cache as if it had no query
 * @param exportCompressedCopies the compressed copies the static export writes beside each text file, for nginx's
 *                      {@code gzip_static} and {@code brotli_static}: both (the default), one, or none (an empty
 *                      value: for a folder served by a CDN or object storage that compresses by itself)
 */
@ConfigurationProperties("dayuan")
public record DayuanProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("false") boolean demo,
        String adminPassword,
        String baseUrl,
        @DefaultValue("Asia/Shanghai") ZoneId timeZone,
        DataSize pageCacheSize,
        Path exportDir,
        Path backupDir,
        @DefaultValue("dayuan") String clusterName,
        @DefaultValue("2s") Duration captchaMinSolveTime,
        @DefaultValue("24h") Duration reportDueTime,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue("180d") Duration auditRetention,
        @DefaultValue("30d") Duration trashRetention,
        @DefaultValue({"from", "isappinstalled", "scene", "clicktime", "enterid", "wxshare_count", "share_token",
                "sharer_shareinfo", "sharer_shareinfo_first", "spm", "utm_source", "utm_medium", "utm_campaign",
                "utm_term", "utm_content", "utm_id"}) List<String> trackingParameters,
        @DefaultValue({"gzip", "brotli"}) Set<CompressedCopy> exportCompressedCopies) {

    /** A kind of compressed copy the static export can write beside a file. */
    public enum CompressedCopy {
        GZIP, BROTLI
    }

    /** The configured bound, or a quarter of the heap the JVM may grow to (64 MB with {@code -Xmx256m}). */
    @Override
    public DataSize pageCacheSize() {
        return pageCacheSize != null ? pageCacheSize : DataSize.ofBytes(Runtime.getRuntime().maxMemory() / 4);
    }

    public Path mediaDir() {
        return dataDir.resolve("media");
    }

    @Override
    public Path exportDir() {
        return exportDir == null || exportDir.toString().isBlank() ? dataDir.resolve("export") : exportDir;
    }

    @Override
    public Path backupDir() {
        return backupDir == null || backupDir.toString().isBlank() ? dataDir.resolve("backups") : backupDir;
    }
}
