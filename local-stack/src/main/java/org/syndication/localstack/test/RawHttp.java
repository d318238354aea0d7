package org.syndication.localstack.test;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 over a plain socket, for the hostile requests that ordinary clients refuse to send or quietly repair:
 * a path exactly as written (percent-encoded letters, doubled slashes, dot segments), a body far larger than a
 * server accepts, a chunked body without {@code Content-Length}. The body is written on a second thread while the
 * answer is read, so an early answer (a {@code 413} right after the headers) is seen even when the server closes
 * the connection before the body is sent. Bodies are generated while they are sent, never held in memory.
 */
public final class RawHttp {

    /**
     * The answer: status, headers (names in lower case), the body as text, and how many bytes of the request body
     * had been sent when the status line arrived (less than the whole body when the server answered early).
     */
    public record Response(int status, Map<String, String> headers, String body, long sentBeforeAnswer) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private static final int CHUNK = 64 * 1024;

    private RawHttp() {
    }

    /**
     * Requests in turn through Java's own client preferring HTTP/2, which offers to upgrade a plain connection (h2c,
     * as {@code curl --http2} does): the first request is answered after the upgrade, the next ones as plain HTTP/2
     * streams. Each answer is paired with the protocol version it came in. A null body is a GET.
     */
    public static List<Map.Entry<HttpClient.Version, Response>> overUpgradedHttp2(int port, List<String> paths,
            List<byte[]> bodies, String contentType) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(30)).build();
        List<Map.Entry<HttpClient.Version, Response>> answers = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + paths.get(i)))
                    .timeout(Duration.ofSeconds(60));
            byte[] body = bodies.get(i);
            if (body != null) {
                request.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            }
            HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new HashMap<>();
            answer.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                    String.join(",", values)));
            answers.add(Map.entry(answer.version(), new Response(answer.statusCode(), headers, answer.body(),
                    body == null ? 0 : body.length)));
        }
        return answers;
    }

    /** A request with the given body (or none when {@code body} is null), sent with its {@code Content-Length}. */
    public static Response send(int port, String method, String rawPath, Map<String, String> headers, byte[] body)
            throws IOException {
        return exchange(port, method, rawPath, headers, body == null ? -1 : body.length, false,
                body == null ? null : out -> out.write(body));
    }

    /** A request with the given body sent in chunks ({@code Transfer-Encoding: chunked}), without a length. */
    public static Response sendChunked(int port, String method, String rawPath, Map<String, String> headers, byte[] body)
            throws IOException {
        return exchange(port, method, rawPath, headers, body.length, true, out -> writeChunked(out, body, body.length));
    }

    /**
     * A request whose body is {@code length} bytes of ASCII filler, declared with {@code Content-Length} or, when
     * {@code chunked}, sent with {@code Transfer-Encoding: chunked} and no length.
     */
    public static Response sendFiller(int port, String method, String rawPath, Map<String, String> headers, long length,
                                      boolean chunked) throws IOException {
        byte[] filler = new byte[CHUNK];
        Arrays.fill(filler, (byte) 'a');
        return exchange(port, method, rawPath, headers, length, chunked, out -> {
            if (chunked) {
                writeChunked(out, filler, length);
                return;
            }
            for (long left = length; left > 0; left -= CHUNK) {
                out.write(filler, 0, (int) Math.min(left, CHUNK));
            }
        });
    }

    /** {@code length} bytes in chunks of at most {@link #CHUNK}, taken from {@code source} (repeated when shorter). */
    private static void writeChunked(OutputStream out, byte[] source, long length) throws IOException {
        long sent = 0;
        while (sent < length) {
            int n = (int) Math.min(Math.min(length - sent, CHUNK), source.length);
            int from = (int) (sent % source.length);
            n = Math.min(n, source.length - from);
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(source, from, n);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            sent += n;
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    private static Response exchange(int port, String method, String rawPath, Map<String, String> headers, long length,
                                     boolean chunked, BodyWriter body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method).append(' ').append(rawPath).append(" HTTP/1.1\r\n")
                    .append("Host: localhost:").append(port).append("\r\nConnection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (chunked) {
                head.append("Transfer-Encoding: chunked\r\n");
            } else if (length >= 0) {
                head.append("Content-Length: ").append(length).append("\r\n");
            }
            OutputStream raw = socket.getOutputStream();
            raw.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            raw.flush();
            AtomicLong sent = new AtomicLong();
            OutputStream out = new FilterOutputStream(raw) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    raw.write(b, off, len);
                    sent.addAndGet(len);
                }
            };
            // a thread of its own per request: concurrent requests must not queue behind each other's bodies
            Thread sending = new Thread(() -> {
                try {
                    if (body != null) {
                        body.write(out);
                        out.flush();
                    }
                } catch (IOException e) {
                    // the server stopped reading (closed the connection after an early answer): expected here
                }
            }, "raw-http-body");
            sending.setDaemon(true);
            sending.start();
            Response response = read(socket.getInputStream(), sent);
            socket.close();
            try {
                sending.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            return response;
        }
    }

    private static Response read(InputStream in, AtomicLong sent) throws IOException {
        String statusLine = line(in);
        long sentBeforeAnswer = sent.get();
        if (statusLine == null) {
            throw new IOException("the server closed the connection without an answer");
        }
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                 size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else {
            in.transferTo(body);
        }
        return new Response(status, headers, body.toString(StandardCharsets.UTF_8), sentBeforeAnswer);
    }

    /** One line without its CRLF, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
