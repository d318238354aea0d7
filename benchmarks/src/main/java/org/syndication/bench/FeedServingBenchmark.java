package org.syndication.bench;

import org.syndication.localstack.Ports;
import org.syndication.localstack.ProductProcesses;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests/s of a cached feed and of a {@code 304}, measured with wrk against the feed service and against nginx
 * serving the same bytes from the same machine, in the same run.
 */
final class FeedServingBenchmark {

    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final List<String> WRK = List.of("wrk", "-t2", "-c32", "-d10s");

    private final ProductProcesses product;
    private final Path workDir;
    private final Report report;

    FeedServingBenchmark(ProductProcesses product, Path workDir, Report report) {
        this.product = product;
        this.workDir = workDir;
        this.report = report;
    }

    void run() throws Exception {
        String feedUrl = product.url("feed-service", "/feeds/all.atom");
        HttpResponse<byte[]> feed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(feedUrl)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String etag = feed.headers().firstValue("ETag").orElseThrow(() -> new IllegalStateException("no ETag"));
        Path www = Files.createDirectories(workDir.resolve("www"));
        Files.write(www.resolve("all.atom"), feed.body());
        int nginxPort = Ports.free();
        Process nginx = startNginx(nginxPort);
        try {
            String nginxUrl = "http://127.0.0.1:" + nginxPort + "/all.atom";
            String nginxEtag = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(nginxUrl)).build(),
                    HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag").orElseThrow();
            wrk(feedUrl); // warm-up: the JIT compiles the serving path, as it has in a service that has run a while
            double nginx200 = wrk(nginxUrl);
            double ours200 = wrk(feedUrl);
            double nginx304 = wrk(nginxUrl, "If-None-Match: " + nginxEtag);
            double ours304 = wrk(feedUrl, "If-None-Match: " + etag);
            String size = String.format(" (%,d bytes)", feed.body().length);
            report.add("nginx: static copy of /feeds/all.atom" + size, Report.perSecond(nginx200, "req"), "reference");
            report.add("feed service: cached /feeds/all.atom", Report.perSecond(ours200, "req"), "-");
            report.add("  ratio to nginx (200)", String.format("%.2f", ours200 / nginx200), ">= 1.0");
            report.add("nginx: 304", Report.perSecond(nginx304, "req"), "reference");
            report.add("feed service: 304", Report.perSecond(ours304, "req"), "-");
            report.add("  ratio to nginx (304)", String.format("%.2f", ours304 / nginx304), ">= 0.7");
        } finally {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process startNginx(int port) throws IOException, InterruptedException {
        Path conf = workDir.resolve("nginx.conf");
        Files.writeString(conf, """
                worker_processes auto;
                daemon off;
                user root;
                pid %1$s/nginx.pid;
                error_log %1$s/nginx-error.log;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    sendfile on;
                    tcp_nopush on;
                    keepalive_requests 1000000;
                    client_body_temp_path %1$s/tmp;
                    proxy_temp_path %1$s/tmp;
                    fastcgi_temp_path %1$s/tmp;
                    uwsgi_temp_path %1$s/tmp;
                    scgi_temp_path %1$s/tmp;
                    types { application/atom+xml atom; }
                    server {
                        listen 127.0.0.1:%2$d;
                        root %1$s/www;
                    }
                }
                """.formatted(workDir, port));
        Files.createDirectories(workDir.resolve("tmp"));
        Process nginx = new ProcessBuilder("nginx", "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("nginx.out").toFile()).start();
        for (int i = 0; i < 100; i++) {
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                return nginx;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nginx did not start; see " + workDir.resolve("nginx-error.log"));
    }

    private static double wrk(String url, String... headers) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(WRK);
        for (String header : headers) {
            command.addAll(List.of("-H", header));
        }
        command.add(url);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes());
        wrk.waitFor();
        Matcher matcher = REQUESTS_PER_SECOND.matcher(output);
        if (!matcher.find() || output.contains("Non-2xx or 3xx responses")) {
            throw new IllegalStateException("wrk failed or saw errors on " + url + ":\n" + output);
        }
        return Double.parseDouble(matcher.group(1));
    }
}
